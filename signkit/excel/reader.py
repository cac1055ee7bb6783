"""Workbook or CSV → the plain data a site file would give, with every value's sheet and cell.

The output is exactly what :func:`signkit.load.yaml_tree.parse_yaml` produces for a site
file (nested dicts and lists of text), plus a :class:`~signkit.excel.cellmap.CellMap`,
so validation and the content rules run unchanged and their messages point at cells.
Problems only a workbook can have (a missing column, a number that was a phone number)
are reported here with SK9xx ids.

Reading is tolerant where real ledgers differ and strict where a guess could print a
wrong board:

* sheets are found by name (or its synonyms), otherwise by their headers;
* the header row is the row among the first ten that names most known columns (title
  rows above it are skipped); headers match through synonyms and every match that is not
  the site file's own wording is reported (SK904), unknown columns too (SK905);
* several columns for one list field (工程技术措施, 管理措施 … → 管控措施) are joined;
* a record spans several rows when its name cell is merged over them; list cells of
  those rows are joined, other cells must agree (SK908);
* a row whose name cell is empty is *not* added to the record above (that would silently
  move a risk's measures to another board): it is its own record, and its empty name is
  reported.

A regulator's roster (one row per enterprise) gives one site per row.  A CSV file holds
one sheet: a roster when its headers name 企业名称 and supervising departments, otherwise
the 风险点 ledger.
"""

from __future__ import annotations

import difflib
import hashlib
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from signkit.codes import default_severity
from signkit.diagnostics import Diagnostic, KeyPath, Location, Severity
from signkit.excel.cellmap import CellMap, Pattern, matches
from signkit.excel.columns import (
    CATEGORIES,
    CATEGORY_SYNONYMS,
    COUNTY_LEADER,
    DEPARTMENT_FIELDS,
    DEPARTMENT_SYNONYMS,
    DEPARTMENTS,
    IGNORED_HEADERS,
    IGNORED_SHEETS,
    INFO_HEADER_SYNONYMS,
    INFO_ROWS,
    INFO_SHEET,
    LIST_KINDS,
    LIST_SHEETS,
    OUTPUT_TABLES,
    POSTS,
    RISKS,
    ROSTER_SHEET,
    ROSTER_SYNONYMS,
    SHEET_ORDER,
    SPECIAL,
    SUPERVISION,
    TEAMS_POSTS,
    WORKPLACES,
    Column,
    SheetSpec,
    field_info,
    is_required,
    normalise,
)
from signkit.excel.grid import WORKBOOK_MAX_BYTES, Book, Cell, Grid, coordinate, load_book
from signkit.excel.values import Note, Value, convert

#: How many rows from the top may hold titles before the header row.
HEADER_SEARCH_ROWS = 10
_FORMS = ("2-1-1", "2-1-2", "2-2", "2-3", "2-4", "2-5", "2-6", "2-7")
_FORM_KEYS = {normalise(form): form for form in _FORMS}
_INFO_NAMES = frozenset(normalise(n) for n in (INFO_SHEET, "基本信息", "企业基本信息", "企业", "企业概况", "企业情况"))


@dataclass
class ImportedSite:
    """One enterprise read from a workbook: its data, where each value came from, what was noticed."""

    name: str
    data: dict[str, Any]
    source: CellMap
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: Paths whose absence a missing column or sheet already explains (their SK102 is not repeated).
    muted: list[Pattern] = field(default_factory=list)
    #: The roster row this enterprise was read from (``None`` for a workbook of one enterprise).
    row: int | None = None

    def explains(self, diag: Diagnostic) -> bool:
        """Whether ``diag`` only repeats a missing column or sheet already reported."""
        return diag.rule == "SK102" and any(matches(diag.location.path, p) for p in self.muted)


@dataclass
class WorkbookRead:
    """Everything read from one file: one site, several (a roster), or why none."""

    file: str
    kind: Literal["workbook", "roster"] = "workbook"
    sites: list[ImportedSite] = field(default_factory=list)
    #: Problems with the file as a whole when no site could be read at all.
    diagnostics: list[Diagnostic] = field(default_factory=list)
    unreadable: bool = False


# --- header matching --------------------------------------------------------------------


def _table(columns: tuple[Column, ...]) -> dict[str, Column]:
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


def _text(cell: Cell | None) -> str:
    if cell is None or cell.value is None:
        return ""
    return str(cell.value).strip()


def _header_cells(grid: Grid, row: int) -> list[tuple[int, str]]:
    """(column, text) of a row, each merged header once (at its leftmost column)."""
    out: list[tuple[int, str]] = []
    for col in range(1, grid.max_col + 1):
        cell = grid.at(row, col)
        if cell is not None and cell.col == col and _text(cell):
            out.append((col, _text(cell)))
    return out


def _best_row(grid: Grid, lookup: dict[str, Column]) -> tuple[int, int]:
    """(row, how many known headers) of the likeliest header row."""
    best, score = 0, 0
    for row in range(1, min(grid.max_row, HEADER_SEARCH_ROWS) + 1):
        found = sum(1 for _, text in _header_cells(grid, row) if normalise(text) in lookup)
        if found > score:
            best, score = row, found
    return best, score


def _roster_field(text: str) -> Column | None:
    """A roster header → the column it fills (any department, numbered 专业监管部门, a field)."""
    key = normalise(text, keep_numbers=True)
    found = _INFO_LOOKUP.get(key) or _ROSTER_EXTRA.get(key)
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


_INFO_LOOKUP = _table(INFO_ROWS)
_ROSTER_EXTRA = _table((
    Column(COUNTY_LEADER, ("监管责任", COUNTY_LEADER, "姓名"), synonyms=("县政府分管领导", "县级领导", "县级政府领导姓名")),
    Column(f"{COUNTY_LEADER}.职务", ("监管责任", COUNTY_LEADER, "职务"), synonyms=("县政府分管领导职务", "县级领导职务")),
    Column("监管责任.风险点", ("监管责任", "风险点"), synonyms=("风险点", "重大风险点", "2-1-1风险点")),
))


def _is_roster_header(grid: Grid) -> tuple[int, int]:
    """(row, score) for a roster: 企业名称 plus department columns."""
    best, score = 0, 0
    for row in range(1, min(grid.max_row, HEADER_SEARCH_ROWS) + 1):
        fields = [_roster_field(text) for _, text in _header_cells(grid, row)]
        keys = {f.key for f in fields if f is not None}
        if ("企业", "企业名称") not in keys:
            continue
        departments = sum(1 for k in keys if k[0] == "监管责任")
        if departments >= 2 and departments + 1 > score:
            best, score = row, departments + 1
    return best, score


# --- the reader -------------------------------------------------------------------------


class _Reader:
    """Builds one site's data and cell map from the sheets of a workbook."""

    def __init__(self, file: str, name: str) -> None:
        self.file = file
        self.map = CellMap(file)
        self.data: dict[str, Any] = {}
        self.site = ImportedSite(name, self.data, self.map)

    # reporting

    def note(self, rule: str, message: str, sheet: str, cell: str | None, path: KeyPath = (), hint: str | None = None,
             severity: Severity | None = None) -> None:

        level = severity or Severity(default_severity(rule))
        self.site.diagnostics.append(Diagnostic(rule, level, message, Location(self.file, path=path, sheet=sheet, cell=cell),
                                                hint))

    def cell_notes(self, notes: list[Note], grid: Grid, cell: Cell, path: KeyPath) -> None:
        for item in notes:
            self.note(item.rule, item.message, grid.name, cell.coordinate, path, item.hint)

    def value(self, grid: Grid, cell: Cell, column: Column, path: KeyPath) -> Value:
        """A cell's value for ``column`` (``None`` for an error value, which is reported)."""
        if cell.error:
            self.note("SK910", f"单元格是错误值「{cell.value}」", grid.name, cell.coordinate, path,
                      "请改正公式或直接填写内容")
            return None
        value, notes = convert(cell.value, column.kind)
        self.cell_notes(notes, grid, cell, path)
        return value

    # headers

    def header(self, grid: Grid, spec: SheetSpec, lookup: dict[str, Column]) -> Header | None:
        row, score = _best_row(grid, lookup)
        if score == 0:
            self.note("SK903", f"工作表「{grid.name}」中找不到表头（应有 {'、'.join(c.header for c in spec.columns)} 等列）",
                      grid.name, "A1", (spec.record,) if spec.record else ())
            return None
        columns: dict[Column, list[int]] = {}
        for col, text in _header_cells(grid, row):
            key = normalise(text)
            column = lookup.get(key)
            where = coordinate(row, col)
            if column is None:
                if key and key not in IGNORED_HEADERS and text not in IGNORED_HEADERS:
                    close = difflib.get_close_matches(key, [normalise(c.header) for c in spec.columns], n=1, cutoff=0.5)
                    hint = (f"是否想写「{next(c.header for c in spec.columns if normalise(c.header) == close[0])}」？"
                            if close else f"可以识别的列：{'、'.join(c.header for c in spec.columns)}")
                    self.note("SK905", f"列「{text}」无法对应到「{spec.name}」的任何字段，已忽略", grid.name, where, hint=hint)
                continue
            if column in columns and column.kind not in LIST_KINDS:
                self.note("SK908", f"列「{text}」与前面的列都对应「{column.header}」，只读取第一列", grid.name, where)
                continue
            if key != normalise(column.header):
                self.note("SK904", f"列「{text}」按「{column.header}」读取", grid.name, where)
            columns.setdefault(column, []).append(col)
        return Header(row, {c: columns[c] for c in spec.columns if c in columns})

    def require(self, grid: Grid, spec: SheetSpec, header: Header, base: Pattern) -> None:
        """SK903 for each required column the header lacks; their SK102s are muted."""
        for column in spec.columns:
            if column in header.columns or not is_required((*base, *column.key)):
                continue
            self.note("SK903", f"工作表「{grid.name}」缺少「{column.header}」列", grid.name, coordinate(header.row, 1),
                      hint="请在表头中加上这一列（列名见模板，也可用常见的同义写法）")
            self.site.muted.append((*base, *column.key))

    # cells → data

    def rows(self, grid: Grid, header: Header) -> list[int]:
        """Data rows below the header that have anything in a known column."""
        cols = [c for cols in header.columns.values() for c in cols]
        return [row for row in range(header.row + 1, grid.max_row + 1)
                if any(grid.at(row, col) is not None for col in cols)]

    def groups(self, grid: Grid, header: Header, key: Column) -> list[list[int]]:
        """Rows grouped into records: a name cell merged over several rows makes one record."""
        key_col = header.first(key)
        out: list[list[int]] = []
        origin: tuple[int, int] | None = None
        for row in self.rows(grid, header):
            cell = grid.at(row, key_col) if key_col else None
            here = (cell.row, cell.col) if cell is not None else None
            if out and here is not None and here == origin and cell is not None and cell.row < row:
                out[-1].append(row)
                continue
            out.append([row])
            origin = here
        return out

    def fill(self, grid: Grid, rows: list[int], column: Column, cols: list[int], target: dict[str, Any],
             base: KeyPath, label: str) -> None:
        """Set ``column``'s value for a record spanning ``rows`` into ``target``."""
        path = (*base, *column.key)
        seen: set[tuple[int, int]] = set()
        items: list[str] = []
        first: tuple[Value, Cell] | None = None
        for col in cols:  # 工程技术措施 before 管理措施, each top to bottom
            for row in rows:
                cell = grid.at(row, col)
                if cell is None or (cell.row, cell.col) in seen:
                    continue
                seen.add((cell.row, cell.col))
                value = self.value(grid, cell, column, path)
                if value is None:
                    continue
                if column.kind in LIST_KINDS:
                    assert isinstance(value, list)
                    for item in value:
                        self.map.put((*path, len(items)), grid.name, cell.row, cell.col)
                        items.append(item)
                    self.map.put(path, grid.name, cell.row, cell.col)
                elif first is None:
                    first = (value, cell)
                    self.map.put(path, grid.name, cell.row, cell.col)
                elif value != first[0]:
                    self.note("SK908", f"同一{label}的多行中「{column.header}」不一致（「{first[0]}」与「{value}」），"
                              f"只用第一处", grid.name, cell.coordinate, path)
        result: Value = (items or None) if column.kind in LIST_KINDS else (first[0] if first else None)
        if result is None:
            self.map.put(path, grid.name, rows[0], cols[0])
            if not is_required(path):
                return
        _set(target, column.key, result)

    def records(self, grid: Grid, spec: SheetSpec) -> None:
        """A sheet of records (工作场所, 岗位, 风险点) appended to the site's list."""
        assert spec.record is not None
        header = self.header(grid, spec, _table(spec.columns))
        if header is None:
            return
        self.require(grid, spec, header, (spec.record, "*"))
        records: list[dict[str, Any]] = self.data.setdefault(spec.record, [])
        self.map.put((spec.record,), grid.name, header.row, 1)
        key = spec.columns[0]
        for rows in self.groups(grid, header, key):
            base: KeyPath = (spec.record, len(records))
            record: dict[str, Any] = {}
            self.map.put(base, grid.name, rows[0], header.first(key) or min(c[0] for c in header.columns.values()))
            for column, cols in header.columns.items():
                self.fill(grid, rows, column, cols, record, base, spec.record)
            records.append(record)

    def info(self, grid: Grid) -> None:
        """企业信息: 项目 / 内容 rows into 地区, 企业, 监管责任.风险点 and 输出."""
        heads = {normalise(h): h for h in ("项目", "内容", "说明")}
        heads.update({normalise(s): h for h, synonyms in INFO_HEADER_SYNONYMS.items() for s in synonyms})
        label_col, value_col, start = 1, 2, 1
        for row in range(1, min(grid.max_row, HEADER_SEARCH_ROWS) + 1):
            found = {heads[normalise(t)]: col for col, t in _header_cells(grid, row) if normalise(t) in heads}
            if "项目" in found and "内容" in found:
                label_col, value_col, start = found["项目"], found["内容"], row + 1
                break
        for section in ("地区", "企业", "输出"):
            self.map.put((section,), grid.name, max(start - 1, 1), label_col)
        found_rows: dict[KeyPath, tuple[Value, Cell]] = {}
        values: dict[KeyPath, Value] = {}
        for row in range(start, grid.max_row + 1):
            label = _text(grid.at(row, label_col))
            if not label:
                continue
            cell = grid.at(row, value_col)
            column = _info_column(label)
            if column is None:
                if cell is not None:
                    close = difflib.get_close_matches(normalise(label), [normalise(c.header) for c in INFO_ROWS], n=1)
                    hint = (f"是否想写「{next(c.header for c in INFO_ROWS if normalise(c.header) == close[0])}」？"
                            if close else "可以识别的项目见模板的「企业信息」工作表")
                    self.note("SK905", f"项目「{label}」无法识别，已忽略", grid.name, coordinate(row, label_col), hint=hint)
                continue
            if normalise(label) != normalise(column.header):
                self.note("SK904", f"项目「{label}」按「{column.header}」读取", grid.name, coordinate(row, label_col))
            value = self.value(grid, cell, column, column.key) if cell is not None else None
            for end in range(2, len(column.key)):  # 地区.县级举报渠道 → its first row
                self.map.put(column.key[:end], grid.name, row, value_col)
            if column.key in found_rows:
                earlier = found_rows[column.key]
                if value is not None and value != earlier[0]:
                    self.note("SK908", f"「{column.header}」填写了两次（另一处在 {earlier[1].coordinate}），只用第一处",
                              grid.name, coordinate(row, value_col), column.key)
                continue
            anchor = cell or Cell(None, row, value_col)
            found_rows[column.key] = (value, anchor)
            self.map.put(column.key, grid.name, anchor.row, anchor.col)
            values[column.key] = value
        _assign(self.data, values)

    def supervision(self, grid: Grid) -> None:
        """监管责任: one row per department (and one for 县级政府领导)."""
        header = self.header(grid, SUPERVISION, _table(SUPERVISION.columns))
        if header is None:
            self.site.muted.extend([("监管责任", "行业主管部门"), ("监管责任", "安全监管部门"), ("监管责任", "属地监管")])
            return
        by_header = {c.header: c for c in SUPERVISION.columns}
        kind_col = header.first(by_header["类别"])
        root: dict[str, Any] = self.data.setdefault("监管责任", {})
        self.map.put(("监管责任",), grid.name, header.row, 1)
        if kind_col is None:
            self.note("SK903", f"工作表「{grid.name}」缺少「类别」列，无法知道每一行是哪个监管部门", grid.name,
                      coordinate(header.row, 1), hint=f"类别填写：{'、'.join(CATEGORIES)}")
            self.site.muted.extend([("监管责任", "行业主管部门"), ("监管责任", "安全监管部门"), ("监管责任", "属地监管")])
            return
        for column in SUPERVISION.columns[1:]:
            if column not in header.columns:
                self.note("SK903", f"工作表「{grid.name}」缺少「{column.header}」列", grid.name, coordinate(header.row, 1))
                self.site.muted.extend([("监管责任", "*", *column.key), ("监管责任", SPECIAL, "*", *column.key)])
                if column.key[0] == "责任领导":
                    self.site.muted.append(("监管责任", COUNTY_LEADER, *column.key[1:]))
        lookup = {normalise(c): c for c in CATEGORIES}
        lookup.update({normalise(k): v for k, v in CATEGORY_SYNONYMS.items()})
        where: dict[str, str] = {}
        for row in self.rows(grid, header):
            cell = grid.at(row, kind_col)
            text = _text(cell)
            category = lookup.get(normalise(re.sub(r"\d+$", "", text))) if text else None
            if category is None:
                at = coordinate(row, kind_col)
                if text:
                    self.note("SK107", f"类别应为以下之一：{'、'.join(CATEGORIES)}；实际是「{text}」", grid.name, at)
                else:
                    self.note("SK103", "类别不能为空（这一行是哪个监管部门？）", grid.name, at,
                              hint=f"类别填写：{'、'.join(CATEGORIES)}")
                continue
            if text != category and normalise(text) != normalise(category):
                self.note("SK904", f"类别「{text}」按「{category}」读取", grid.name, coordinate(row, kind_col))
            if category == SPECIAL:
                specials: list[dict[str, Any]] = root.setdefault(SPECIAL, [])
                base: KeyPath = ("监管责任", SPECIAL, len(specials))
                target: dict[str, Any] = {}
                specials.append(target)
                self.map.put(("监管责任", SPECIAL), grid.name, row, kind_col)
            else:
                if category in where:
                    self.note("SK908", f"「{category}」有不止一行（第一行在 {where[category]}），只用第一行", grid.name,
                              coordinate(row, kind_col), ("监管责任", category))
                    continue
                where[category] = coordinate(row, kind_col)
                base = ("监管责任", category)
                target = root.setdefault(category, {})
            self.map.put(base, grid.name, row, kind_col)
            for column, cols in header.columns.items():
                if column.header == "类别":
                    continue
                key = column.key
                if category == COUNTY_LEADER:
                    if key[0] != "责任领导":
                        if any(grid.at(row, c) is not None for c in cols):
                            self.note("SK905", f"县级政府领导一行只读取责任领导和职务，「{column.header}」已忽略", grid.name,
                                      coordinate(row, cols[0]))
                        continue
                    key = key[1:]
                self.fill(grid, [row], Column(column.header, key, column.kind), cols, target, base, category)

    def teams_posts(self, grid: Grid) -> None:
        """班组与岗位: each row adds a 班组 and/or a 岗位 to the workplace it names."""
        header = self.header(grid, TEAMS_POSTS, _table(TEAMS_POSTS.columns))
        if header is None:
            return
        by_header = {c.header: c for c in TEAMS_POSTS.columns}
        place_col = header.first(by_header["工作场所"])
        if place_col is None:
            self.note("SK903", f"工作表「{grid.name}」缺少「工作场所」列，无法知道班组和岗位属于哪个工作场所", grid.name,
                      coordinate(header.row, 1))
            return
        places: list[dict[str, Any]] = self.data.get("工作场所", [])
        index = {str(p.get("名称")): i for i, p in reversed(list(enumerate(places))) if p.get("名称")}
        used: set[tuple[int, int]] = set()
        for row in self.rows(grid, header):
            cell = grid.at(row, place_col)
            name = _text(cell)
            if cell is None or not name:
                self.note("SK909", "没有填写这一行的班组或岗位属于哪个工作场所", grid.name, coordinate(row, place_col),
                          hint="同一工作场所的多行可以合并单元格")
                continue
            if name not in index:
                self.note("SK909", f"工作场所「{name}」不在「工作场所」工作表中", grid.name, cell.coordinate,
                          hint=f"已有的工作场所：{'、'.join(index) or '（无）'}")
                continue
            place = index[name]
            for part, head, person in (("班组", "班组", "班组负责人"), ("岗位", "岗位", "岗位责任人")):
                name_col, person_col = header.first(by_header[head]), header.first(by_header[person])
                cells = [(c, grid.at(row, c)) for c in (name_col, person_col) if c is not None]
                present = [(c, x) for c, x in cells if x is not None]
                if not present:
                    continue
                key_cell = present[0][1]
                if (key_cell.row, key_cell.col) in used and key_cell.row < row:
                    continue  # a 班组 merged over several rows is one 班组
                used.add((key_cell.row, key_cell.col))
                items: list[dict[str, Any]] = places[place].setdefault(part, [])
                base = ("工作场所", place, part, len(items))
                entry: dict[str, Any] = {}
                self.map.put(("工作场所", place, part), grid.name, key_cell.row, key_cell.col)
                self.map.put(base, grid.name, key_cell.row, key_cell.col)
                for col_header, key in ((head, "名称"), (person, "负责人" if part == "班组" else "责任人")):
                    column = by_header[col_header]
                    col = header.first(column)
                    if col is None:
                        self.map.put((*base, key), grid.name, row, key_cell.col)
                        entry[key] = None
                        continue
                    self.fill(grid, [row], Column(column.header, (key,), "text"), [col], entry, base, part)
                items.append(entry)


def _set(target: dict[str, Any], key: KeyPath, value: Any) -> None:
    """``target[a][b][0][c] = value``, creating mappings and list items on the way."""
    node: Any = target
    for part, following in itertools.pairwise(key):
        fresh: Any = [] if isinstance(following, int) else {}
        if isinstance(part, int):
            while len(node) <= part:
                node.append(fresh)
                fresh = [] if isinstance(following, int) else {}
            node = node[part]
        else:
            node = node.setdefault(part, fresh)
    node[key[-1]] = value


def _assign(data: dict[str, Any], values: dict[KeyPath, Value]) -> None:
    """Values by key path into ``data``, as a site file would hold them.

    An optional mapping whose values are all empty is left out (an empty 县级举报渠道 is
    no channel at all); within a mapping that is there, an empty required value is kept
    as ``None`` so that validation reports it at its cell, and an empty optional one is
    left out.
    """
    groups: dict[KeyPath, list[KeyPath]] = {}
    for path in values:
        groups.setdefault(path[:-1], []).append(path)
    for parent, paths in groups.items():
        if all(values[p] is None for p in paths) and not is_required(parent):
            continue
        for path in paths:
            info = field_info(path)
            if values[path] is not None or (info is not None and info.is_required()):
                _set(data, path, values[path])


def _info_column(label: str) -> Column | None:
    key = normalise(label)
    column = _INFO_LOOKUP.get(key)
    if column is not None:
        return column
    match = re.fullmatch(r"(?:输出)?(尺寸|份数|出血)(\d+)", key)
    if match and match.group(2) in _FORM_KEYS:
        table = match.group(1)
        return Column(f"输出.{table}.{_FORM_KEYS[match.group(2)]}", ("输出", table, _FORM_KEYS[match.group(2)]),
                      OUTPUT_TABLES[table])
    return None


# --- sheets → sites ---------------------------------------------------------------------


def _names(spec_name: str, synonyms: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalise(n) for n in (spec_name, *synonyms))


_SHEET_NAMES: dict[str, frozenset[str]] = {spec.name: _names(spec.name, spec.synonyms) for spec in LIST_SHEETS}
_ROSTER_NAMES = _names(ROSTER_SHEET, ROSTER_SYNONYMS)


def _classify(grid: Grid, is_csv: bool) -> str | None:
    """Which layout a sheet holds: a sheet name of :data:`SHEET_ORDER`, ``"名册"``, or ``None``."""
    name = normalise(grid.name)
    if not is_csv:
        if name in _INFO_NAMES:
            return INFO_SHEET
        for spec_name, names in _SHEET_NAMES.items():
            if name in names:
                return spec_name
        if name in _ROSTER_NAMES:
            return ROSTER_SHEET
    if _is_roster_header(grid)[1]:
        return ROSTER_SHEET
    if is_csv:
        return RISKS.name
    scores = [(_best_row(grid, _table(spec.columns))[1], spec.name) for spec in LIST_SHEETS]
    score, best = max(scores, key=lambda s: s[0])
    return best if score >= 2 else None


def read_book(book: Book) -> WorkbookRead:
    """Interpret the grids of a loaded file as one site or a roster of sites."""
    result = WorkbookRead(book.file, unreadable=book.unreadable)
    if book.unreadable:
        result.diagnostics = list(book.diagnostics)
        return result
    layout: dict[str, list[Grid]] = {}
    notes = list(book.diagnostics)
    for grid in book.grids:
        if normalise(grid.name) in IGNORED_SHEETS or not grid.cells:
            continue
        if grid.hidden:
            # a hidden sheet is often an old copy or a lookup list: never read silently, never dropped silently
            notes.append(Diagnostic("SK905", Severity.WARNING, f"工作表「{grid.name}」是隐藏的，未读取",
                                    Location(book.file, sheet=grid.name, cell="A1"),
                                    "如需读取，请在 Excel 中右键工作表标签 →「取消隐藏」后保存"))
            continue
        kind = _classify(grid, book.is_csv)
        if kind is None:
            notes.append(Diagnostic("SK905", Severity.WARNING, f"无法识别工作表「{grid.name}」，已忽略",
                                    Location(book.file, sheet=grid.name, cell="A1"),
                                    f"工作表名称应为：{'、'.join(SHEET_ORDER)}"))
            continue
        layout.setdefault(kind, []).append(grid)
    if ROSTER_SHEET in layout:
        result.kind = "roster"
        for kind, grids in layout.items():
            if kind != ROSTER_SHEET:
                notes.extend(Diagnostic("SK905", Severity.WARNING, f"名册工作簿中的工作表「{g.name}」已忽略",
                                        Location(book.file, sheet=g.name, cell="A1"), "名册每行一家企业，其余工作表不读取")
                             for g in grids)
        result.sites = _roster(book.file, layout[ROSTER_SHEET], notes)
        if not result.sites:
            result.diagnostics = notes
        return result
    if not layout:
        notes.append(Diagnostic("SK902", Severity.ERROR, "工作簿中没有可识别的工作表", Location(book.file),
                                f"工作表名称应为：{'、'.join(SHEET_ORDER)}；"
                                "可用 signkit template --xlsx 生成模板"))
        result.diagnostics = notes
        return result
    reader = _Reader(book.file, book.file)
    reader.map.sheets = [grid.name for grid in book.grids]
    reader.site.diagnostics.extend(notes)
    for grid in layout.get(INFO_SHEET, []):
        reader.info(grid)
    for grid in layout.get(SUPERVISION.name, []):
        reader.supervision(grid)
    for spec in (WORKPLACES, POSTS, RISKS):
        for grid in layout.get(spec.name, []):
            reader.records(grid, spec)
    for grid in layout.get(TEAMS_POSTS.name, []):
        reader.teams_posts(grid)
    for sheet, sections in ((INFO_SHEET, ("地区", "企业")), (SUPERVISION.name, ("监管责任",))):
        if sheet not in layout:
            hidden = any(grid.hidden and _classify(grid, book.is_csv) == sheet for grid in book.grids)
            reader.site.diagnostics.append(Diagnostic(
                "SK902", Severity.ERROR,
                f"工作簿中的「{sheet}」工作表是隐藏的（{'、'.join(sections)}是必填的）" if hidden
                else f"工作簿中没有「{sheet}」工作表（{'、'.join(sections)}是必填的）", Location(book.file),
                "请在 Excel 中取消隐藏该工作表后保存" if hidden else "可用 signkit template --xlsx 生成模板，把该工作表复制过来"))
            reader.site.muted.extend((s,) for s in sections)
    result.sites = [reader.site]
    return result


def _roster(file: str, grids: list[Grid], notes: list[Diagnostic]) -> list[ImportedSite]:
    """A regulator's roster: one site per non-empty row."""
    sites: list[ImportedSite] = []
    muted: list[Pattern] = []
    for grid in grids:
        row, score = _is_roster_header(grid)
        if not score:
            notes.append(Diagnostic("SK903", Severity.ERROR, f"名册「{grid.name}」中找不到表头（应有 企业名称 和各监管部门的列）",
                                    Location(file, sheet=grid.name, cell="A1")))
            continue
        columns: list[tuple[int, Column]] = []
        for col, text in _header_cells(grid, row):
            column = _roster_field(text)
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
    reader = _Reader(file, f"{file}#{row}")
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
    _assign(reader.data, values)
    return reader.site


# --- entry point ------------------------------------------------------------------------

_CACHE: dict[tuple[str, str, int, str], WorkbookRead] = {}
_CACHE_SIZE = 4


def _digest(path: Path, max_bytes: int) -> str | None:
    try:
        if path.stat().st_size > max_bytes or not path.is_file():
            return None
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def read_workbook(path: Path | str, *, display: str | None = None, max_bytes: int = WORKBOOK_MAX_BYTES) -> WorkbookRead:
    """Read a workbook (.xlsx, .xlsm) or CSV file into sites; never raises for a bad file.

    ``display`` is the name diagnostics show (default: the path as given).  The same
    file read twice in one process (a batch reads a roster once to list its
    enterprises and once per enterprise) is parsed once: results are kept by content.
    Callers must not modify the returned data.
    """
    path = Path(path)
    name = display if display is not None else str(path)
    digest = _digest(path, max_bytes)
    key = (name, str(path.resolve()) if digest else "", max_bytes, digest or "")
    if digest is not None and key in _CACHE:
        return _CACHE[key]
    result = read_book(load_book(path, display=name, max_bytes=max_bytes))
    if digest is not None:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = result
    return result
