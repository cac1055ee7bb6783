"""Recognising a sheet: which layout it holds, which row is its header, which column feeds which field.

Why a module of its own: real ledgers name their sheets and columns in many ways
(风险级别 for 风险等级, 安全风险分级管控清单 for 风险点, a title row above the header), and
the reading of values must not care which.  Everything that maps a name someone typed
to the layout of :mod:`signkit.excel.columns` is decided here, on text alone, without
reporting anything: the readers (:mod:`signkit.excel.site_reader`,
:mod:`signkit.excel.roster_reader`) say what was mapped and what was ignored.

* A sheet is recognised by its name (or a synonym), otherwise by its headers; a CSV
  file holds one sheet, a roster when its headers name 企业名称 and supervising
  departments, otherwise the 风险点 ledger.
* The header row is the row among the first ten that names most known columns.
* A roster's headers are department + field (``行业主管部门责任领导``, a numbered
  ``专业监管部门2具体责任人``) or a 企业信息 item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from signkit.diagnostics import KeyPath
from signkit.excel.columns import (
    COUNTY_LEADER,
    DEPARTMENT_FIELDS,
    DEPARTMENT_SYNONYMS,
    DEPARTMENTS,
    INFO_ROWS,
    INFO_SHEET,
    LIST_SHEETS,
    OUTPUT_TABLES,
    RISKS,
    ROSTER_SHEET,
    ROSTER_SYNONYMS,
    SPECIAL,
    Column,
    normalise,
)
from signkit.excel.grid import Cell, Grid

#: How many rows from the top may hold titles before the header row.
HEADER_SEARCH_ROWS = 10
_FORMS = ("2-1-1", "2-1-2", "2-2", "2-3", "2-4", "2-5", "2-6", "2-7")
_FORM_KEYS = {normalise(form): form for form in _FORMS}
_INFO_NAMES = frozenset(normalise(n) for n in (INFO_SHEET, "基本信息", "企业基本信息", "企业", "企业概况", "企业情况"))


def column_table(columns: tuple[Column, ...]) -> dict[str, Column]:
    """Normalised header → column; the site file's wording wins over a synonym."""
    table: dict[str, Column] = {}
    for column in columns:
        table.setdefault(normalise(column.header), column)
    for column in columns:
        for name in column.synonyms:
            table.setdefault(normalise(name), column)
    return table


@dataclass
class Header:
    """A sheet's header row and which of its columns feed which field."""

    row: int
    #: For each field (in the sheet's order): the columns that feed it, left to right.
    columns: dict[Column, list[int]]

    def first(self, column: Column) -> int | None:
        cols = self.columns.get(column)
        return cols[0] if cols else None


def cell_text(cell: Cell | None) -> str:
    """A cell's value as stripped text (``""`` for an empty cell)."""
    if cell is None or cell.value is None:
        return ""
    return str(cell.value).strip()


def header_cells(grid: Grid, row: int) -> list[tuple[int, str]]:
    """(column, text) of a row, each merged header once (at its leftmost column)."""
    out: list[tuple[int, str]] = []
    for col in range(1, grid.max_col + 1):
        cell = grid.at(row, col)
        if cell is not None and cell.col == col and cell_text(cell):
            out.append((col, cell_text(cell)))
    return out


def best_row(grid: Grid, lookup: dict[str, Column]) -> tuple[int, int]:
    """(row, how many known headers) of the likeliest header row."""
    best, score = 0, 0
    for row in range(1, min(grid.max_row, HEADER_SEARCH_ROWS) + 1):
        found = sum(1 for _, text in header_cells(grid, row) if normalise(text) in lookup)
        if found > score:
            best, score = row, found
    return best, score


def roster_field(text: str) -> Column | None:
    """A roster header → the column it fills (any department, numbered 专业监管部门, a field)."""
    key = normalise(text, keep_numbers=True)
    found = INFO_LOOKUP.get(key) or _ROSTER_EXTRA.get(key)
    if found is not None:
        return found
    names = sorted([*DEPARTMENTS, *DEPARTMENT_SYNONYMS], key=len, reverse=True)
    for name in names:
        if not key.startswith(normalise(name)):
            continue
        dept = DEPARTMENT_SYNONYMS.get(name, name)
        rest = key[len(normalise(name)):]
        number = 1
        if (digits := re.match(r"\d+", rest)) is not None:
            number, rest = int(digits.group()), rest[digits.end():]
        inner = DEPARTMENT_FIELDS.get(rest)
        if inner is None or (number != 1 and dept != SPECIAL):
            return None
        base: KeyPath = ("监管责任", SPECIAL, number - 1) if dept == SPECIAL else ("监管责任", dept)
        return Column(text, (*base, *inner), "choice" if inner == ("层级",) else "text")
    return None


INFO_LOOKUP = column_table(INFO_ROWS)
_ROSTER_EXTRA = column_table((
    Column(COUNTY_LEADER, ("监管责任", COUNTY_LEADER, "姓名"), synonyms=("县政府分管领导", "县级领导", "县级政府领导姓名")),
    Column(f"{COUNTY_LEADER}.职务", ("监管责任", COUNTY_LEADER, "职务"), synonyms=("县政府分管领导职务", "县级领导职务")),
    Column("监管责任.风险点", ("监管责任", "风险点"), "names", synonyms=("风险点", "重大风险点", "2-1-1风险点")),
))


def roster_header(grid: Grid) -> tuple[int, int]:
    """(row, score) of a roster's header row: 企业名称 plus at least two department columns (score 0: none)."""
    best, score = 0, 0
    for row in range(1, min(grid.max_row, HEADER_SEARCH_ROWS) + 1):
        fields = [roster_field(text) for _, text in header_cells(grid, row)]
        keys = {f.key for f in fields if f is not None}
        if ("企业", "企业名称") not in keys:
            continue
        departments = sum(1 for k in keys if k[0] == "监管责任")
        if departments >= 2 and departments + 1 > score:
            best, score = row, departments + 1
    return best, score


def info_column(label: str) -> Column | None:
    """A 企业信息 项目 → its column, including the 输出 tables' entries (``输出.尺寸.2-2``, ``份数2-6``)."""
    key = normalise(label)
    column = INFO_LOOKUP.get(key)
    if column is not None:
        return column
    match = re.fullmatch(r"(?:输出)?(尺寸|份数|出血)(\d+)", key)
    if match and match.group(2) in _FORM_KEYS:
        table = match.group(1)
        return Column(f"输出.{table}.{_FORM_KEYS[match.group(2)]}", ("输出", table, _FORM_KEYS[match.group(2)]),
                      OUTPUT_TABLES[table])
    return None


# --- which layout a sheet holds ----------------------------------------------------------


def _names(spec_name: str, synonyms: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalise(n) for n in (spec_name, *synonyms))


_SHEET_NAMES: dict[str, frozenset[str]] = {spec.name: _names(spec.name, spec.synonyms) for spec in LIST_SHEETS}
_ROSTER_NAMES = _names(ROSTER_SHEET, ROSTER_SYNONYMS)


def classify(grid: Grid, is_csv: bool) -> str | None:
    """Which layout a sheet holds: a sheet name of ``SHEET_ORDER``, ``ROSTER_SHEET``, or ``None``."""
    name = normalise(grid.name)
    if not is_csv:
        if name in _INFO_NAMES:
            return INFO_SHEET
        for spec_name, names in _SHEET_NAMES.items():
            if name in names:
                return spec_name
        if name in _ROSTER_NAMES:
            return ROSTER_SHEET
    if roster_header(grid)[1]:
        return ROSTER_SHEET
    if is_csv:
        return RISKS.name
    scores = [(best_row(grid, column_table(spec.columns))[1], spec.name) for spec in LIST_SHEETS]
    score, best = max(scores, key=lambda s: s[0])
    return best if score >= 2 else None

