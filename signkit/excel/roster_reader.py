"""A regulator's roster → one enterprise per row: 地区, 企业 and 监管责任 from the row's cells.

Why a reader of its own: a roster (监管企业名册) is the regulator's view — one row per
enterprise, with its departments and leaders side by side (``行业主管部门责任领导``,
``专业监管部门2具体责任人``) — so nothing of the record logic of an enterprise's own
workbook applies.  Column problems are said once, on the first enterprise (they concern
the whole sheet); a required column that is missing mutes the same missing value on
every row.  专业监管部门 column groups that a row leaves empty are dropped and the rest
renumbered, so an enterprise supervised by the 2nd and 3rd groups gets 专业监管部门[0]
and [1], as a site file would write them.
"""

from __future__ import annotations

from signkit.diagnostics import Diagnostic, KeyPath, Location, Severity
from signkit.excel.cellmap import Pattern
from signkit.excel.columns import (
    COUNTY_LEADER,
    HIGHEST_LEVEL,
    IGNORED_HEADERS,
    INFO_ROWS,
    MAJOR_FLAG,
    ROSTER_SKIPPED,
    SPECIAL,
    Column,
    normalise,
)
from signkit.excel.grid import Grid, coordinate
from signkit.excel.headers import header_cells, roster_field, roster_header
from signkit.excel.imported import ImportedSite, assign_values
from signkit.excel.levels import read_level
from signkit.excel.site_reader import SheetReader
from signkit.excel.values import Value


def read_roster(file: str, grids: list[Grid], notes: list[Diagnostic]) -> list[ImportedSite]:
    """A regulator's roster: one site per non-empty row.

    ``notes`` (what was noticed about the file so far) receives the header problems; all
    of them open the first enterprise's diagnostics, and stay in ``notes`` when no row
    could be read.
    """
    sites: list[ImportedSite] = []
    muted: list[Pattern] = []
    said_specials: set[str | int] = set()
    for grid in grids:
        row, score = roster_header(grid)
        if not score:
            notes.append(Diagnostic("SK903", Severity.ERROR, f"名册「{grid.name}」中找不到表头（应有 企业名称 和各监管部门的列）",
                                    Location(file, sheet=grid.name, cell="A1")))
            continue
        columns: list[tuple[int, Column]] = []
        for col, text in header_cells(grid, row):
            column = roster_field(text)
            where = Location(file, sheet=grid.name, cell=coordinate(row, col))
            if column is None:
                if normalise(text) not in IGNORED_HEADERS and normalise(text) not in ROSTER_SKIPPED:
                    notes.append(Diagnostic("SK905", Severity.WARNING, f"列「{text}」无法识别，已忽略", where,
                                            "名册的列名见 signkit template --roster 生成的模板"))
                continue
            if any(c.key == column.key for _, c in columns):
                notes.append(Diagnostic("SK908", Severity.WARNING, f"列「{text}」与前面的列重复，只读取第一列", where))
                continue
            canonical = {normalise(c.header, keep_numbers=True) for c in (*INFO_ROWS,) if c.key == column.key}
            if canonical and normalise(text, keep_numbers=True) not in canonical:
                notes.append(Diagnostic("SK904", Severity.INFO, f"列「{text}」按「{'.'.join(map(str, column.key))}」读取",
                                        where))
            columns.append((col, column))
        keys = {c.key for _, c in columns}
        for number in sorted({k[2] for k in keys if k[:2] == ("监管责任", SPECIAL)}):
            missing = [inner for inner in (("层级",), ("责任领导", "姓名"), ("具体责任人",))
                       if ("监管责任", SPECIAL, number, *inner) not in keys]
            if ("监管责任", SPECIAL, number, "部门") in keys and missing and number not in said_specials:
                said_specials.add(number)
                label = f"{SPECIAL}{int(number) + 1}" if len({k[2] for k in keys if k[:2] == ("监管责任", SPECIAL)}) > 1 else SPECIAL
                notes.append(Diagnostic("SK903", Severity.ERROR, f"名册的「{label}」只有部门名称，缺少"
                                        f"{'、'.join('.'.join(m) for m in missing)}列",
                                        Location(file, sheet=grid.name, cell=coordinate(row, 1))))
                muted.extend(("监管责任", SPECIAL, "*", *inner[:1]) for inner in missing)
        for required in _ROSTER_REQUIRED:
            if required[-1] == "职务" and (*required[:-1], "姓名") in keys:
                continue  # 责任领导（姓名、职务）: the title may be in the name's cell, said per row if not
            if required not in keys:
                notes.append(Diagnostic("SK903", Severity.ERROR, f"名册缺少「{'.'.join(map(str, required))}」列",
                                        Location(file, sheet=grid.name, cell=coordinate(row, 1))))
                muted.append(required)
        for data_row in range(row + 1, grid.max_row + 1):
            if not any(grid.at(data_row, col) is not None for col, _ in columns):
                continue
            sites.append(_roster_site(file, grid, data_row, columns))
    for site in sites:
        site.muted.extend(muted)
    if sites:
        sites[0].diagnostics[:0] = notes
    return sites


_ROSTER_REQUIRED: tuple[KeyPath, ...] = (
    ("地区", "城市"), ("地区", "县区"), ("企业", "企业名称"), ("企业", "企业主要负责人"), ("企业", "所属行业"),
    ("企业", "修订日期"),
    *(("监管责任", dept, *inner) for dept in ("行业主管部门", "安全监管部门", "属地监管")
       for inner in (("层级",), ("部门",), ("责任领导", "姓名"), ("责任领导", "职务"), ("具体责任人",))),
)


def _roster_site(file: str, grid: Grid, row: int, columns: list[tuple[int, Column]]) -> ImportedSite:
    """One roster row → one enterprise (地区, 企业, 监管责任)."""
    reader = SheetReader(file, f"{file}#{row}")
    reader.site.row = row
    reader.map.sheets = [grid.name]
    read: dict[KeyPath, tuple[Value, int, int]] = {}
    for col, column in columns:
        cell = grid.at(row, col)
        value = reader.value(grid, cell, column, column.key) if cell is not None else None
        read[column.key] = (value, cell.row if cell else row, cell.col if cell else col)
    _major_points(reader, grid, row, read)
    first_col = min(col for col, _ in columns)
    reader.map.fallback = (grid.name, coordinate(row, 1))  # "没有工作场所" belongs to this row
    for section in ("地区", "企业", "监管责任"):
        reader.map.put((section,), grid.name, row, first_col)
    # 专业监管部门 column groups with anything filled, renumbered in order
    special = ("监管责任", SPECIAL)
    groups = sorted({int(key[2]) for key in read if key[:2] == special})
    kept = [n for n in groups if any(v is not None for k, (v, _, _) in read.items() if k[:3] == (*special, n))]
    renumber = {old: new for new, old in enumerate(kept)}
    values: dict[KeyPath, Value] = {}
    for key, (value, at_row, at_col) in read.items():
        if key[:2] == special:
            if int(key[2]) not in renumber:
                continue
            key = (*special, renumber[int(key[2])], *key[3:])
        values[key] = value
        for end in range(2, len(key) + 1):  # 监管责任.县级政府领导 → its first column
            reader.map.put(key[:end], grid.name, at_row, at_col)
    assign_values(reader.data, values)
    supervision = reader.data.get("监管责任", {})
    for dept, leader in ((d, supervision.get(d)) for d in (COUNTY_LEADER, "行业主管部门", "安全监管部门", "属地监管")):
        if isinstance(leader, dict):
            reader.split_leader(grid, leader if dept == COUNTY_LEADER else leader.get("责任领导") or {},
                                ("监管责任", dept) if dept == COUNTY_LEADER else ("监管责任", dept, "责任领导"))
    for index, special in enumerate(supervision.get(SPECIAL, [])):
        reader.split_leader(grid, special.get("责任领导") or {}, ("监管责任", SPECIAL, index, "责任领导"))
    return reader.site



_YES = frozenset({"是", "有", "存在", "√", "✓", "✔", "y", "yes", "true"})
_NO = frozenset({"否", "无", "不存在", "没有", "×", "✗", "✘", "n", "no", "false"})


def _major_points(reader: SheetReader, grid: Grid, row: int, read: dict[KeyPath, tuple[Value, int, int]]) -> None:
    """Whether the enterprise has a 重大 risk point, and which: the roster's 是/否 or highest-level column and its names.

    The 2-1 board depends on it (2-1-1 names the 重大 risk points), and a site knows its
    risk points only from 风险点: each named one becomes a 风险点 of level 重大, whose
    2-4 content the enterprise adds.  A 是 without names cannot make the 2-1-1 board and
    is reported (SK103) rather than quietly giving a 2-1-2.
    """
    names_key = ("监管责任", "风险点")
    flag: bool | None = None
    flag_at: tuple[int, int] | None = None
    for key in (MAJOR_FLAG, HIGHEST_LEVEL, names_key):
        if key not in read:
            continue
        value, at_row, at_col = read[key] if key == names_key else read.pop(key)  # the flags are no site keys
        text = "、".join(value) if isinstance(value, list) else value
        if not text:
            continue
        word = text.strip().lower()
        if key == HIGHEST_LEVEL:
            reading = read_level(text)
            if reading.kind != "level":
                reader.note("SK905", f"最高风险等级「{text}」无法判断是否为重大，已忽略", grid.name, coordinate(at_row, at_col))
                continue
            found: bool | None = reading.level == "重大"
        else:
            found = True if word in _YES else False if word in _NO else None
        if found is None:
            continue
        if key == names_key:
            read.pop(key)  # a 是/否 written in the names column
        if flag is None:
            flag, flag_at = found, (at_row, at_col)
    value, at_row, at_col = read.get(names_key, (None, row, 0))
    names = value if isinstance(value, list) else []
    if flag is False and names:
        assert flag_at is not None
        reader.note("SK908", f"名册写明没有重大风险点（{coordinate(*flag_at)}），却写了重大风险点「{'、'.join(names)}」",
                    grid.name, coordinate(at_row, at_col), names_key, "请改正其中之一；未按重大风险点读取")
        return
    if flag and not names:
        assert flag_at is not None
        where = (at_row, at_col) if at_col else flag_at
        reader.note("SK103", f"名册写明存在重大风险点（{coordinate(*flag_at)}），但没有写出是哪些：附表 2-1-1 须印出重大风险点的名称",
                    grid.name, coordinate(*where), names_key, "请在「重大风险点」列写出名称（多个用「、」分隔）")
        return
    if not names:
        return
    level_at = flag_at or (at_row, at_col)
    points = reader.data.setdefault("风险点", [])
    reader.map.put(("风险点",), grid.name, at_row, at_col)
    for name in names:
        base = ("风险点", len(points))
        points.append({"风险点名称": name, "风险等级": "重大"})
        reader.map.put(base, grid.name, at_row, at_col)
        reader.map.put((*base, "风险点名称"), grid.name, at_row, at_col)
        reader.map.put((*base, "风险等级"), grid.name, *level_at)
