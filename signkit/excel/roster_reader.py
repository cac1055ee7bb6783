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
from signkit.excel.columns import IGNORED_HEADERS, INFO_ROWS, SPECIAL, Column, normalise
from signkit.excel.grid import Grid, coordinate
from signkit.excel.headers import header_cells, roster_field, roster_header
from signkit.excel.imported import ImportedSite, assign_values
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
                if normalise(text) not in IGNORED_HEADERS:
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
        for required in _ROSTER_REQUIRED:
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
    return reader.site

