"""A site → a workbook in the template's layout: the inverse of :mod:`signkit.excel.reader`.

Why: an office that was handed a site file (by a regulator, by ``signkit import`` or by a
colleague) keeps editing in Excel.  Exporting must lose nothing, so importing the
exported workbook gives the same site; the tests hold it to that on both examples.

Values are written the way the reader reads them back without doubt: phone numbers and
postcodes as text (in text-formatted cells, so Excel does not turn them into numbers
when edited), 人数 as a number, 修订日期 as a date, 是/否 in words, and list fields one
item per line (names 、-separated).  Cells are filled from the validated model, so a
site file that writes a one-item list as one line exports the same as one that writes
``- item``.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from typing import Any

import openpyxl  # type: ignore[import-untyped, unused-ignore]

from signkit.diagnostics import KeyPath
from signkit.excel.columns import (
    COUNTY_LEADER,
    DEPARTMENTS,
    INFO_HEADERS,
    INFO_ROWS,
    INFO_SHEET,
    LIST_KINDS,
    OUTPUT_TABLES,
    POSTS,
    RISKS,
    SPECIAL,
    SUPERVISION,
    TEAMS_POSTS,
    WORKPLACES,
    Column,
    Kind,
    describe,
)
from signkit.excel.style import decorate
from signkit.model.paths import find_value
from signkit.model.site import Site


def value_at(data: Any, key: KeyPath) -> Any:
    """The value at ``key`` in dumped site data, ``None`` where there is none (an empty cell)."""
    return find_value(data, key)[1]


def cell_value(value: Any, kind: Kind) -> Any:
    """A model value as written into a cell (lists joined, booleans in words)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.date):
        return value
    if isinstance(value, list):
        if not value:
            return None
        if kind in ("names", "labels", "people"):
            return "、".join(str(v) for v in value)
        text = "\n".join(str(v) for v in value)
        # one item with a ； in it would be split when read back: a line break keeps it one item
        return text + "\n" if len(value) == 1 and any(sep in text for sep in "；;") else text
    if kind == "int" and isinstance(value, int):
        return value
    return str(value)


def _dump(site: Site) -> dict[str, Any]:
    return site.model_dump(by_alias=True)


def info_rows(site: Site) -> list[tuple[str, Any, str, Kind]]:
    """企业信息 rows: (项目, 内容, 说明, kind), the 输出 tables' entries after the fixed rows."""
    data = _dump(site)
    rows = [(c.header, cell_value(value_at(data, c.key), c.kind), describe(c.key), c.kind) for c in INFO_ROWS]
    for table, kind in OUTPUT_TABLES.items():
        for form, value in sorted(data["输出"][table].items()):
            text = value if kind == "int" else (f"{value:g}" if isinstance(value, float) else str(value))
            rows.append((f"输出.{table}.{form}", text, describe(("输出", table)), kind))
    return rows


def supervision_rows(site: Site) -> list[list[Any]]:
    """监管责任 rows in the sheet's column order."""
    data = _dump(site)["监管责任"]
    rows: list[list[Any]] = []
    leader = data.get(COUNTY_LEADER)
    if leader:
        rows.append([COUNTY_LEADER, None, None, leader["姓名"], leader["职务"], None])
    for dept in DEPARTMENTS:
        entries = data.get(dept) or []
        for entry in entries if dept == SPECIAL else [entries]:
            rows.append([dept, *(cell_value(value_at(entry, c.key), c.kind) for c in SUPERVISION.columns[1:])])
    return rows


def record_rows(site: Site, columns: tuple[Column, ...], record: str) -> list[list[Any]]:
    """One row per item of the top-level list ``record`` (工作场所, 岗位, 风险点)."""
    return [[cell_value(value_at(item, c.key), c.kind) for c in columns] for item in _dump(site)[record]]


def team_rows(site: Site) -> list[list[Any]]:
    """班组与岗位: per workplace, its 班组 and 岗位 side by side, as many rows as the longer list."""
    rows: list[list[Any]] = []
    for place in _dump(site)["工作场所"]:
        teams, posts = place["班组"], place["岗位"]
        for index in range(max(len(teams), len(posts))):
            team = teams[index] if index < len(teams) else {}
            post = posts[index] if index < len(posts) else {}
            rows.append([place["名称"], team.get("名称"), team.get("负责人"), post.get("名称"), post.get("责任人")])
    return rows


def _height(row: list[Any], columns: tuple[Column, ...]) -> float | None:
    """A row height that shows every line of wrapped cells (Excel does not grow rows it did not lay out)."""
    lines = 1
    for value, column in zip(row, columns, strict=False):
        if isinstance(value, str) and value:
            per_line = max(int(column.width / 2), 4)  # a Chinese character is about two width units
            lines = max(lines, sum(max(math.ceil(len(part) / per_line), 1) for part in value.rstrip("\n").split("\n")))
    return min(15.0 * lines + 3, 409.0) if lines > 1 else None


def site_workbook(site: Site) -> Any:
    """An openpyxl workbook holding ``site`` in the template's layout, with the template's help."""
    book = openpyxl.Workbook()
    info = book.active
    info.title = INFO_SHEET
    info.append(list(INFO_HEADERS))
    for label, value, note, kind in info_rows(site):
        info.append([label, value, note])
        cell = info.cell(info.max_row, 2)
        if kind == "date" and isinstance(value, dt.date):
            cell.number_format = "yyyy-mm-dd"
        elif kind not in ("int",):
            cell.number_format = "@"
    sheets: list[tuple[str, tuple[Column, ...], list[list[Any]]]] = [
        (SUPERVISION.name, SUPERVISION.columns, supervision_rows(site)),
        (WORKPLACES.name, WORKPLACES.columns, record_rows(site, WORKPLACES.columns, "工作场所")),
        (TEAMS_POSTS.name, TEAMS_POSTS.columns, team_rows(site)),
        (POSTS.name, POSTS.columns, record_rows(site, POSTS.columns, "岗位")),
        (RISKS.name, RISKS.columns, record_rows(site, RISKS.columns, "风险点")),
    ]
    for name, columns, rows in sheets:
        sheet = book.create_sheet(name)
        sheet.append([c.header for c in columns])
        for row in rows:
            sheet.append(row)
            height = _height(row, columns)
            if height:
                sheet.row_dimensions[sheet.max_row].height = height
            for index, column in enumerate(columns, start=1):
                if column.kind in ("phone", "postcode", "text", "choice") or column.kind in LIST_KINDS:
                    sheet.cell(sheet.max_row, index).number_format = "@"
    for sheet in book.worksheets:
        for cells in sheet.iter_rows():
            for cell in cells:
                keep_as_text(cell)
    decorate(book)
    return book


#: How a formula (or what a spreadsheet may take for one: ``+1``, ``-2+3``, ``@SUM(…)``) can begin, tab and CR included.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def keep_as_text(cell: Any) -> None:
    """Write a string that could be taken for a formula as text that is shown, never evaluated.

    openpyxl stores any string beginning with ``=`` as a live formula, so a 风险点 named
    ``=HYPERLINK(…)`` or a measure ``=cmd|' /C calc'!A0`` would run in the officer's Excel
    (and read back as nothing).  A string cell (``data_type`` ``s``) is never evaluated;
    ``quotePrefix`` keeps it text when the officer edits the cell, as typing ``'=…`` would.
    """
    value = cell.value
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True


def workbook_bytes(book: Any) -> bytes:
    """The .xlsx file's bytes (written to disk atomically by the caller)."""
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
