"""Which site-file fields each board prints, so a reprint list can say *why* a board changed.

The content hash says *that* a board changed; comparing these fields between two runs
says which of the user's own keys did (``监管责任.安全监管部门.责任领导.姓名: 高卫东 → 高卫国``).
A change with no field difference is in the fixed wording or the size.

Only what the board itself prints is listed, because every field listed becomes a
reason to reprint when it changes together with a printed one: a leader's 职务, a
department's 层级, the 县区, a risk point's 所在工作场所 are checked or used for the
plan but printed nowhere, and 2-1-1 prints 分管负责人 where 2-1-2 prints 安全管理人员.
The table follows the layouts in :mod:`signkit.layout.forms` (tests/test_hash_properties.py
derives it from them: change each field, see which boards print differently).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import TypeAlias

from signkit.diagnostics import KeyPath, format_path
from signkit.model.site import Site
from signkit.plan import PlannedBoard
from signkit.printed import _walk
from signkit.signs.accidents import AUTO

#: Shapes of key paths (below the board's own node) that a board prints; ``[]`` stands for any list index.
Shape = tuple[str, ...]

#: 2-3 and 2-5 print these of their post.
_POST_BOARD: frozenset[Shape] = frozenset({("岗位名称",), ("岗位安全生产责任", "[]")})
_POST_CARD: frozenset[Shape] = frozenset({("岗位名称",), ("岗位安全风险", "[]"), ("应急处置及管控措施", "[]"),
                                          ("救援电话",)})
#: A supervising department's row on 2-1: the department, its leader's name, the officer (not 层级, not 职务).
_DEPARTMENT: frozenset[Shape] = frozenset({("部门",), ("责任领导", "姓名"), ("具体责任人",)})
#: What 2-6 and 2-7 print of 地区 besides the city: the reporting channels and, as the QR code, the address.
_BULLETIN: frozenset[Shape] = frozenset({("市级举报渠道", "电话"), ("市级举报渠道", "来信地址"), ("市级举报渠道", "邮编"),
                                         ("市级举报渠道", "网站"), ("县级举报渠道", "电话"), ("县级举报渠道", "来信地址"),
                                         ("县级举报渠道", "邮编"), ("县级举报渠道", "网站"), ("举报网址",)})


def _shape(path: KeyPath) -> Shape:
    return tuple("[]" if isinstance(part, int) else part for part in path)


def _strings(node: object, base: KeyPath, shapes: frozenset[Shape] | None = None) -> dict[str, str]:
    """``{key path: text}`` of the strings under ``node`` (at ``base``) whose path below it has one of ``shapes``."""
    out: dict[str, str] = {}
    for path, text in _walk(node, base):
        if shapes is None or _shape(path[len(base):]) in shapes:
            out[format_path(path)] = text
    return out


def _supervision(site: Site, form: str) -> dict[str, str]:
    """What 2-1-1 / 2-1-2 print (:mod:`signkit.layout.forms.supervision`)."""
    enterprise = site.enterprise
    people: dict[str, str | None] = {"企业名称": enterprise.name, "企业主要负责人": enterprise.principal,
                                     "所属行业": enterprise.industry}
    if form == "2-1-1":
        people["分管负责人"] = enterprise.deputy
    else:
        people["安全管理人员"] = enterprise.safety_manager
    fields = {f"企业.{key}": value for key, value in people.items() if value}
    supervision = site.supervision
    if form == "2-1-1":
        if supervision.county_leader is not None:
            fields["监管责任.县级政府领导.姓名"] = supervision.county_leader.name
        if supervision.risk_point:
            fields["监管责任.风险点"] = supervision.risk_point
    for key, dept in (("行业主管部门", supervision.industry_dept), ("安全监管部门", supervision.safety_dept),
                      ("属地监管", supervision.local_dept)):
        fields |= _strings(dept, ("监管责任", key), _DEPARTMENT)
    fields |= _strings(supervision.special_depts, ("监管责任", "专业监管部门"),
                       frozenset(("[]", *shape) for shape in _DEPARTMENT))
    region = site.region
    if region.supervisor_unit:  # the 监制 line
        fields["地区.监制单位"] = region.supervisor_unit
    else:  # the city's built-in 监制 unit is printed instead
        fields["地区.城市"] = region.city
    return fields


def _bulletin(site: Site, form: str) -> dict[str, str]:
    """What 2-6 / 2-7 print of 地区: 2-6's title names the city; both print the channels and the QR address.

    2-7 prints no city name, but what it prints depends on the city wherever the site
    file leaves a 市级 channel value or the 举报网址 to the city's built-in profile.
    """
    region = site.region
    fields = _strings(region, ("地区",), _BULLETIN)
    channel = region.city_channel
    from_profile = channel is None or any(getattr(channel, name) is None for name in type(channel).model_fields)
    if form == "2-6" or from_profile or not region.report_url:
        fields["地区.城市"] = region.city
    return fields


def board_fields(site: Site, planned: PlannedBoard) -> dict[str, str]:
    """``{key path: value}`` of everything from the site file that ``planned`` prints."""
    form = planned.form_id
    # printed in every revision stamp (not part of the content hash, but a reason shown beside others)
    fields: dict[str, str] = {"企业.修订日期": site.enterprise.revised.isoformat()}
    if form.startswith("2-1"):
        return fields | _supervision(site, form)
    if form in ("2-6", "2-7"):
        return fields | _bulletin(site, form)
    index = planned.source[1]
    assert isinstance(index, int)
    enterprise = site.enterprise
    if form == "2-2":
        return fields | _strings(site.workplaces[index], ("工作场所", index))
    if form == "2-3":
        return fields | _strings(site.posts[index], ("岗位", index), _POST_BOARD)
    if form == "2-5":
        fields |= _strings(site.posts[index], ("岗位", index), _POST_CARD)
        if enterprise.emergency_phone:
            fields["企业.企业应急电话"] = enterprise.emergency_phone
        return fields
    assert form == "2-4", form
    point = site.risk_points[index]
    printed = _strings(point, ("风险点", index))
    for key in list(printed):
        tail = key.removeprefix(f"风险点[{index}].")
        # where it hangs, not what it says; 事故类型 only chooses the signs of 警示标识: 自动
        if tail == "所在工作场所" or (tail.startswith("事故类型[") and AUTO not in point.signs):
            del printed[key]
    fields |= printed
    if enterprise.report_phone:  # in the telephone line at the foot
        fields["企业.企业监督举报电话"] = enterprise.report_phone
    if enterprise.risk_url:  # printed as the QR code
        fields["企业.风险信息网址"] = enterprise.risk_url
    return fields


# ---------------------------------------------------------------------------------------------------------------
# Comparing two boards' fields
# ---------------------------------------------------------------------------------------------------------------

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
