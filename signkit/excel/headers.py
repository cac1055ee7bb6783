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
from collections.abc import Callable
from dataclasses import dataclass, field

from signkit.diagnostics import KeyPath
from signkit.excel.columns import (
    COUNTY_LEADER,
    DEPARTMENT_FIELDS,
    DEPARTMENT_SYNONYMS,
    DEPARTMENTS,
    HIGHEST_LEVEL,
    INFO_ROWS,
    INFO_SHEET,
    LIST_SHEETS,
    MAJOR_FLAG,
    OUTPUT_TABLES,
    RISK_NAME_RANKS,
    RISKS,
    ROSTER_SHEET,
    ROSTER_SYNONYMS,
    SPECIAL,
    SUMMARY_SHEETS,
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
    """A sheet's header rows and which of their columns feed which field."""

    row: int
    #: For each field (in the sheet's order): the columns that feed it, left to right.
    columns: dict[Column, list[int]]
    #: The last header row (a two-row header with group cells such as 风险评价 over L / E / C / D ends one lower).
    last: int = 0
    #: The evaluation columns of a 风险分级管控清单: ``L``, ``E``, ``C``, ``D``, ``S``, ``R`` → column.
    evaluation: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.last = max(self.last, self.row)

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


@dataclass(frozen=True)
class HeaderCell:
    """What one column of a (possibly several rows high) header says, and where."""

    col: int
    #: The name as read: the lowest text, or a group cell's text joined with it (管控措施 over 工程技术 → 工程技术措施).
    text: str
    #: The cell holding the lowest text (where a message about the column points).
    cell: Cell
    #: The group cell's text above it, if any (风险评价, 管控措施).
    group: str = ""


def _spans(grid: Grid, cell: Cell) -> bool:
    """Whether a merged cell reaches across more than one column (a group cell such as 风险评价)."""
    return grid.at(cell.row, cell.col + 1) is cell


def _candidates(grid: Grid, stack: list[Cell]) -> list[tuple[str, str]]:
    """(name, group) readings of one column's header cells, top to bottom: the lowest text first."""
    texts = [cell_text(c) for c in stack]
    leaf = texts[-1]
    if len(stack) == 1:
        return [(leaf, "")]
    groups = texts[:-1]
    out = [(leaf, groups[-1])]
    if any(g.endswith("措施") for g in groups) and not leaf.endswith("措施"):
        out.append((leaf + "措施", groups[-1]))  # 管控措施 over 工程技术 / 管理 / 培训教育
    out += [(g + leaf, g) for g in reversed(groups)]
    if not _spans(grid, stack[0]):  # a plain cell above another: perhaps a header above its first data row
        out.append((texts[0], ""))
    return out


def header_row_cells(grid: Grid, first: int, last: int, known: Callable[[str], bool]) -> list[HeaderCell]:
    """The columns of the header rows ``first``…``last``, each named by its first reading that ``known`` accepts.

    A cell merged down over the header rows is one name; a group cell merged across
    (风险评价, 管控措施) names the cells under it only together with them.  A column no
    reading of which is known is named by its lowest text (for the unknown-column message).
    """
    out: list[HeaderCell] = []
    for col in range(1, grid.max_col + 1):
        stack: list[Cell] = []
        for row in range(first, last + 1):
            cell = grid.at(row, col)
            if cell is not None and cell_text(cell) and (not stack or stack[-1] is not cell):
                stack.append(cell)
        if not stack or stack[-1].col != col:
            continue  # a cell merged across is one header, named at its leftmost column
        readings = _candidates(grid, stack)
        text, group = next(((t, g) for t, g in readings if known(t)), readings[0])
        out.append(HeaderCell(col, text, stack[-1], group))
    return out


def best_header(grid: Grid, known: Callable[[str], bool], *, depth: int = 3) -> tuple[int, int, int]:
    """(first row, last row, how many known names) of the likeliest header, one to ``depth`` rows high.

    A deeper header wins only when it names more columns than a shallower one, so a
    one-row header is never read together with the data row below it; of two that end
    on the same row and name as many, the one starting lower wins (the row above was a
    title, not a group cell).
    """
    best = (0, 0, 0)
    for row in range(1, min(grid.max_row, HEADER_SEARCH_ROWS) + 1):
        for rows in range(1, depth + 1):
            last = row + rows - 1
            if last > grid.max_row:
                break
            found = sum(1 for cell in header_row_cells(grid, row, last, known) if known(cell.text))
            # a title or note merged across above the header is not a group cell: the lower start wins a tie
            if found > best[2] or (found == best[2] and last == best[1] and found):
                best = (row, last, found)
    return best


def best_row(grid: Grid, lookup: dict[str, Column]) -> tuple[int, int]:
    """(row, how many known headers) of the likeliest header row (of a header one or more rows high)."""
    row, _, score = best_header(grid, lambda text: normalise(text) in lookup)
    return row, score


@dataclass
class HeaderMatch:
    """A header column and the field it feeds (``None``: none), and why, when that is not what its name says."""

    cell: HeaderCell
    column: Column | None
    why: str = ""


def risk_roles(matches: list[HeaderMatch], columns: tuple[Column, ...]) -> None:
    """Which of several place-like columns of a risk list names the risk point; what the others feed.

    The best-ranked one (:data:`RISK_NAME_RANKS`) is the 风险点名称.  A 危险源 / 风险源 beside
    it is the row's hazard: it feeds 事故诱因 when the list has its own hazard column and
    no cause column (上隅角瓦斯积聚 beside a 风险描述), else 风险及可能造成的危害; a
    风险点 column beside a 风险点位置 one holds hazard statements (construction lists); an
    activity or equipment column beside a place column is not read (said).
    """
    name, hazards, causes = columns[0], columns[3], columns[4]
    candidates = [m for m in matches if m.column is name]
    if len(candidates) < 2:
        return
    ranked = sorted(candidates, key=lambda m: (RISK_NAME_RANKS.get(normalise(m.cell.text), 1), m.cell.col))
    best = ranked[0]
    best_rank = RISK_NAME_RANKS.get(normalise(best.cell.text), 1)
    has_hazards = any(m.column is hazards for m in matches)
    has_causes = any(m.column is causes for m in matches)
    for match in ranked[1:]:
        rank = RISK_NAME_RANKS.get(normalise(match.cell.text), 1)
        if rank == best_rank:
            continue  # two names for the same thing: the second is a duplicate column (SK908)
        if rank == 3 or rank == 1:
            to_causes = rank == 3 and has_hazards and not has_causes
            match.column = causes if to_causes else hazards
            has_causes = has_causes or to_causes
            match.why = f"风险点名称取自列「{best.cell.text}」"
        else:
            match.column = None
            match.why = f"风险点名称已取自列「{best.cell.text}」"


def evaluation_columns(found: dict[str, int]) -> dict[str, int]:
    """The evaluation columns by letter, 风险值 (D or R) and 后果 (C or S) settled by the method: E makes it LEC."""
    lec = any(key in found for key in ("E", "C", "D"))
    out: dict[str, int] = {}
    for key, col in found.items():
        letter = {"C/S": "C" if lec else "S", "D/R": "D" if lec else "R"}.get(key, key)
        out.setdefault(letter, col)
    return out


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
    Column("监管责任.风险点", ("监管责任", "风险点"), "labels",
           synonyms=("风险点", "重大风险点", "2-1-1风险点", "重大风险点名称", "重大风险点名单")),
    Column("存在重大风险点", MAJOR_FLAG, synonyms=("是否存在重大风险点", "有无重大风险点", "是否有重大风险点", "是否重大风险")),
    Column("最高风险等级", HIGHEST_LEVEL, synonyms=("风险等级", "企业风险等级", "风险级别", "最高风险级别")),
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


_SUMMARY_NAMES = tuple(normalise(name) for name in SUMMARY_SHEETS)


def summary_sheet(name: str) -> bool:
    """Whether a sheet's name says it summarises or repeats the 清单 (风险点统计表, 一车间重大风险清单, JHA评价记录)."""
    key = normalise(name)
    return any(part in key for part in _SUMMARY_NAMES)


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

