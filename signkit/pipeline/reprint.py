"""The reprint list: which physical boards to make, reprint or take down, and why.

Two descriptions of an enterprise's boards — the manifest of the last delivered run,
and this run's plan or another folder's manifest — are compared board by board
(:func:`reprint_list`): by identity (:func:`signkit.output.manifest.board_key`), then by
content hash, then by quantity.  The content hash says *that* a board changed;
comparing the site-file fields it prints (:mod:`signkit.plan.board_fields`) says which
of the user's own keys did (``监管责任.安全监管部门.责任领导.姓名: 高卫东 → 高卫国``), with
list rows matched by what they are rather than where they are (:func:`changed_fields`).
``render`` and ``diff`` both print this list, so it lives on its own.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from signkit.diagnostics import KeyPath, format_path
from signkit.layout.stamp import same_content
from signkit.output.manifest import BoardEntry
from signkit.printshop.order import csv_cell
from signkit.spec.forms import FORMS

#: The key of a list row that names it (工作场所 名称, 岗位 岗位名称, 风险点 风险点名称, 班组 名称, 部门 ...), in order of preference.
IDENTITY_KEYS = ("岗位名称", "风险点名称", "名称", "部门")


_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


#: A tree of fields: text at the leaves; mappings by key; lists as mappings by index (int keys).
Tree: TypeAlias = dict[str | int, "Tree | str"]


def _parse(key: str) -> KeyPath | None:
    """``工作场所[0].岗位[1].名称`` → ``("工作场所", 0, "岗位", 1, "名称")`` (``None`` if not such a key)."""
    parts: list[str | int] = []
    for match in _PART.finditer(key):
        parts.append(match.group(1) if match.group(1) is not None else int(match.group(2)))
    return tuple(parts) if parts and format_path(tuple(parts)) == key else None


def _tree(fields: dict[str, str]) -> Tree:
    root: Tree = {}
    for key, value in fields.items():
        path = _parse(key)
        node: Tree = root
        if path is None:  # not a key path signkit wrote: compared as it is
            root[key] = value
            continue
        for part in path[:-1]:
            child = node.get(part)
            if not isinstance(child, dict):
                child = node[part] = {}
            node = child
        node[path[-1]] = value
    return root


def _leaves(node: Tree | str, path: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(node, str):
        yield path, node
        return
    for key in sorted(node, key=_order):
        yield from _leaves(node[key], (*path, key))


def _order(part: str | int) -> tuple[int, str | int]:
    return (1, part) if isinstance(part, int) else (0, part)


def _identity(row: Tree | str) -> str | None:
    if isinstance(row, str):
        return row
    for key in IDENTITY_KEYS:
        value = row.get(key)
        if isinstance(value, str):
            return value
    return None


def _summary(row: Tree | str) -> str:
    """A removed row as the reprint list names it: its name, or (a row with none) all it printed."""
    identity = _identity(row)
    return identity if identity is not None else "、".join(text for _, text in _leaves(row, ()))


def _align(old: Tree, new: Tree) -> list[tuple[int | None, int | None]]:
    """Pairs of (old index, new index) of a list's rows: by identity where the rows have one, else by position.

    Names are unique within a list (SK214), so a row with the same name is the same
    row wherever it moved.  Of the rest, a row in the same place on both sides is the
    same row changed (a rename, an edited duty), and rows with no name pair up in
    order; what is left was removed (new index ``None``) or added (old index ``None``).
    """
    old_rows, new_rows = sorted(k for k in old if isinstance(k, int)), sorted(k for k in new if isinstance(k, int))
    old_ids = {i: _identity(old[i]) for i in old_rows}
    new_ids = {i: _identity(new[i]) for i in new_rows}
    counts_old, counts_new = Counter(old_ids.values()), Counter(new_ids.values())  # a name twice names neither
    by_id = {v: j for j, v in new_ids.items() if v is not None and counts_new[v] == 1}
    pairs: list[tuple[int | None, int | None]] = []
    for i in old_rows:
        v = old_ids[i]
        if v is not None and counts_old[v] == 1 and v in by_id:
            pairs.append((i, by_id.pop(v)))
    matched_old = {i for i, _ in pairs}
    matched_new = {j for _, j in pairs}
    left_old = [i for i in old_rows if i not in matched_old]
    left_new = [j for j in new_rows if j not in matched_new]
    in_place = set(left_old) & set(left_new)
    pairs.extend((i, i) for i in sorted(in_place))
    left_old = [i for i in left_old if i not in in_place]
    left_new = [j for j in left_new if j not in in_place]
    nameless_old = [i for i in left_old if old_ids[i] is None]
    nameless_new = [j for j in left_new if new_ids[j] is None]
    for i, j in zip(nameless_old, nameless_new, strict=False):
        pairs.append((i, j))
        left_old.remove(i)
        left_new.remove(j)
    pairs.extend((i, None) for i in left_old)
    pairs.extend((None, j) for j in left_new)
    return pairs


def _is_list(node: Tree) -> bool:
    return bool(node) and all(isinstance(k, int) for k in node)


Change = tuple[KeyPath, str | None, str | None]


def _diff(old: Tree | str | None, new: Tree | str | None, old_path: KeyPath, new_path: KeyPath) -> Iterator[Change]:
    """Changes between two subtrees: ``(path, before, after)``; a removed row is named by its old index."""
    if old is None or new is None or isinstance(old, str) or isinstance(new, str) or _is_list(old) != _is_list(new):
        if isinstance(old, str) and isinstance(new, str):
            if old != new:
                yield new_path, old, new
            return
        if old is not None:  # different kinds of node (or one side missing): all of one out, all of the other in
            for path, text in _leaves(old, old_path):
                yield path, text, None
        if new is not None:
            for path, text in _leaves(new, new_path):
                yield path, None, text
        return
    if _is_list(old):
        for i, j in _align(old, new):
            if j is None:  # removed: one line for the row, named by its old index and by what it was
                assert i is not None
                yield (*old_path, i), _summary(old[i]), None
                continue
            old_index = i if i is not None else j  # an added row is named by its new index
            yield from _diff(old[i] if i is not None else None, new[j], (*old_path, old_index), (*new_path, j))
        return
    for key in sorted(old.keys() | new.keys(), key=_order):
        yield from _diff(old.get(key), new.get(key), (*old_path, key), (*new_path, key))


def changed_fields(old: dict[str, str], new: dict[str, str]) -> list[str]:
    """Human-readable field changes: ``键：旧 → 新``, ``键：（新增）新``, ``键：旧 →（删除）``.

    List rows are compared by what they are (their name: 岗位名称, 风险点名称, 名称, 部门; a
    list of text, by the text), not by position: removing the second of three posts is
    the removal of that post's row, ``工作场所[0].岗位[1]：化工仪表工 →（删除）`` (one line
    naming the row: nothing of it is printed any more), not renames of the rows after
    it.  A changed or added row is named by its index in the new file, a removed one by
    its index in the old.
    """
    changes = sorted(_diff(_tree(old), _tree(new), (), ()), key=lambda c: [_order(p) for p in c[0]])
    out = []
    for path, before, after in changes:
        key = format_path(path)
        if before is None:
            out.append(f"{key}：（新增）{after}")
        elif after is None:
            out.append(f"{key}：{before} →（删除）")
        else:
            out.append(f"{key}：{before} → {after}")
    return out


@dataclass
class Reprint:
    """One physical board that must be (re)printed, or taken down, and why."""

    enterprise: str
    form: str
    subject: str
    change: str  # 新增 / 内容变化 / 数量变化 / 撤下
    reasons: list[str]
    maker: str
    hangs: str
    quantity: int
    file: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"enterprise": self.enterprise, "form": self.form, "subject": self.subject, "change": self.change,
                "reasons": self.reasons, "maker": self.maker, "hangs": self.hangs, "quantity": self.quantity,
                "file": self.file}


def reprint_list(enterprise: str, before: Sequence[BoardEntry], after: Sequence[BoardEntry]) -> list[Reprint]:
    """Boards whose printed content (or quantity) changed, new boards, and boards to take down.

    ``before`` are the boards as the last delivered list knew them (a manifest's), ``after``
    the boards now (planned ones, or another manifest's); boards are matched by ``key``.
    """
    earlier = {e.key: e for e in before}
    out: list[Reprint] = []
    for entry in after:
        previous = earlier.pop(entry.key, None)
        if previous is None:
            out.append(_listed(enterprise, entry, "新增", []))
        elif not same_content(previous.content(), entry.content()):
            reasons = changed_fields(previous.fields or {}, entry.fields or {}) or ["固定文字、尺寸或背景有变化"]
            out.append(_listed(enterprise, entry, "内容变化", reasons))
        elif previous.copies != entry.copies:
            out.append(_listed(enterprise, entry, "数量变化", [f"数量：{previous.copies} → {entry.copies}"]))
    for previous in earlier.values():
        out.append(Reprint(enterprise, str(previous.form), str(previous.subject), "撤下", [], previous.maker or "",
                           previous.hangs or "", 0, previous.file))
    return out


def _listed(enterprise: str, entry: BoardEntry, change: str, reasons: list[str]) -> Reprint:
    """``entry`` to be made or reprinted, as many times as it has copies."""
    return Reprint(enterprise, entry.form or "", entry.subject or "", change, reasons, entry.maker or "",
                   entry.hangs or "", entry.copies or 0, entry.file)


#: The reprint list beside the top-level manifest, for the print shop and for Excel.
REPRINT_CSV = "重印清单.csv"
REPRINT_HEADERS = ("企业", "附表", "牌卡", "对象", "变化", "数量", "制作", "悬挂", "文件", "原因")
#: The order changes are listed in within a board kind: what must be made first, what comes down last.
CHANGE_ORDER = {"新增": 0, "内容变化": 1, "数量变化": 2, "撤下": 3}


def _sort_key(item: Reprint) -> tuple[tuple[int, ...], int, str]:
    form = tuple(int(part) if part.isdigit() else 0 for part in item.form.split("-"))
    return form, CHANGE_ORDER.get(item.change, len(CHANGE_ORDER)), item.subject


def sorted_reprints(reprints: Sequence[Reprint]) -> list[Reprint]:
    """Enterprises in the run's order (the order the files were given), then by 附表 (2-1-1 … 2-7), change
    (新增, 内容变化, 数量变化, 撤下) and subject: the same input gives the same list, row for row."""
    first = {name: index for index, name in reversed(list(enumerate(item.enterprise for item in reprints)))}
    return sorted(reprints, key=lambda item: (first[item.enterprise], *_sort_key(item)))


def reprint_csv(reprints: Sequence[Reprint]) -> bytes:
    """The reprint list as CSV: UTF-8 with BOM and CRLF, as Excel opens it; one row per board, its reasons in one cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(REPRINT_HEADERS)
    for item in sorted_reprints(reprints):
        name = FORMS[item.form].name if item.form in FORMS else ""
        writer.writerow([csv_cell(cell) for cell in (item.enterprise, item.form, name, item.subject, item.change,
                                                      str(item.quantity), item.maker, item.hangs, item.file,
                                                      "；".join(item.reasons))])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


@dataclass
class ReprintGroup:
    """The boards of one kind (附表) of one enterprise in the reprint list: how many of each change, and the usual reasons."""

    enterprise: str
    form: str
    items: list[Reprint]

    @property
    def counts(self) -> dict[str, int]:
        found = Counter(item.change for item in self.items)
        return {change: found[change] for change in sorted(found, key=lambda c: CHANGE_ORDER.get(c, len(CHANGE_ORDER)))}

    def reasons(self, limit: int = 3) -> list[tuple[str, int]]:
        """The fields that changed most often across the group (``岗位[*].救援电话``, counted once per board)."""
        found: Counter[str] = Counter()
        for item in self.items:
            found.update({_reason_field(reason) for reason in item.reasons})
        return sorted(found.items(), key=lambda pair: (-pair[1], pair[0]))[:limit]


def _reason_field(reason: str) -> str:
    """The changed field of a reason line, list positions generalised: ``岗位[3].救援电话：120 → 119`` → ``岗位[*].救援电话``."""
    field_name = reason.split("：", 1)[0]
    return re.sub(r"\[\d+\]", "[*]", field_name)


def group_reprints(reprints: Sequence[Reprint]) -> list[ReprintGroup]:
    """The reprint list by enterprise, then board kind, in :func:`sorted_reprints` order."""
    groups: list[ReprintGroup] = []
    for item in sorted_reprints(reprints):
        if not groups or (groups[-1].enterprise, groups[-1].form) != (item.enterprise, item.form):
            groups.append(ReprintGroup(item.enterprise, item.form, []))
        groups[-1].items.append(item)
    return groups
