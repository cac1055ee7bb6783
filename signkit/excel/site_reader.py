"""An enterprise's own workbook → its site data: the sheets 企业信息, 监管责任, 工作场所, 班组与岗位, 岗位责任与风险, 风险点.

Why the rules below: reading is tolerant where real ledgers differ and strict where a
guess could print a wrong board.

* Header matches that are not the site file's own wording are reported (SK904), unknown
  columns too (SK905); a missing required column is said once (SK903), and the missing
  values it causes are not repeated (their SK102 is muted).
* Several columns for one list field (工程技术措施, 管理措施 … → 管控措施) are joined.
* A record spans several rows when its name cell is merged over them; list cells of
  those rows are joined, other cells must agree (SK908).
* A row whose name cell is empty is *not* added to the record above (that would
  silently move a risk's measures to another board): it is its own record, and its
  empty name is reported.  (The 风险点 sheet, an enterprise's own 清单, has more shapes
  to read: :mod:`signkit.excel.ledger` groups its rows and decides its levels.)
* Every value read is recorded in the site's :class:`~signkit.excel.cellmap.CellMap`,
  so later messages point at ``风险点!D14``.

Which sheet is which and which column is which field was decided by
:mod:`signkit.excel.headers`; what a cell's value means, by :mod:`signkit.excel.values`.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from signkit.codes import default_severity
from signkit.diagnostics import Diagnostic, KeyPath, Location, Severity
from signkit.excel.cellmap import CellMap, Pattern
from signkit.excel.columns import (
    CATEGORIES,
    CATEGORY_SYNONYMS,
    COUNTY_LEADER,
    IGNORED_HEADERS,
    INFO_HEADER_SYNONYMS,
    INFO_ROWS,
    LIST_KINDS,
    SPECIAL,
    SUPERVISION,
    TEAMS_POSTS,
    Column,
    SheetSpec,
    evaluation_key,
    is_required,
    normalise,
)
from signkit.excel.grid import Cell, Grid, coordinate
from signkit.excel.headers import (
    HEADER_SEARCH_ROWS,
    Header,
    HeaderMatch,
    best_header,
    cell_text,
    column_table,
    evaluation_columns,
    header_cells,
    header_row_cells,
    info_column,
    risk_roles,
)
from signkit.excel.imported import ImportedSite, assign_values, set_value
from signkit.excel.people import split_leader
from signkit.excel.values import Note, Value, convert, same_as_above


class SheetReader:
    """Builds one site's data and cell map from the sheets of a workbook (a roster row uses its reporting and values)."""

    def __init__(self, file: str, name: str) -> None:
        self.file = file
        self.map = CellMap(file)
        self.data: dict[str, Any] = {}
        self.site = ImportedSite(name, self.data, self.map)
        self._said: set[tuple[str, str, str, str | None, KeyPath]] = set()

    # reporting

    def note(self, rule: str, message: str, sheet: str, cell: str | None, path: KeyPath = (), hint: str | None = None,
             severity: Severity | None = None) -> None:
        """Report once: a cell read for several rows (a merged level over a risk point's hazards) is said once."""
        level = severity or Severity(default_severity(rule))
        diagnostic = Diagnostic(rule, level, message, Location(self.file, path=path, sheet=sheet, cell=cell), hint)
        key = (rule, message, sheet, cell, path)
        if key not in self._said:
            self._said.add(key)
            self.site.diagnostics.append(diagnostic)

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

    def header(self, grid: Grid, spec: SheetSpec, lookup: dict[str, Column], *, skipped: frozenset[str] = frozenset(),
               evaluation: bool = False) -> Header | None:
        """The sheet's header (one row, or several with group cells) and what each column feeds, with what was noticed.

        ``skipped`` are columns known to carry nothing the boards print (read silently);
        with ``evaluation``, the L / E / C / D / S / R columns of a risk list are read too.
        """

        def known(text: str) -> bool:
            key = normalise(text)
            return key in lookup or key in skipped or (evaluation and evaluation_key(text) is not None)

        row, last, score = best_header(grid, known)
        if score == 0:
            self.note("SK903", f"工作表「{grid.name}」中找不到表头（应有 {'、'.join(c.header for c in spec.columns)} 等列）",
                      grid.name, "A1", (spec.record,) if spec.record else ())
            return None
        matches: list[HeaderMatch] = []
        methods: dict[str, int] = {}
        for found in header_row_cells(grid, row, last, known):
            key = normalise(found.text)
            if key in lookup:
                matches.append(HeaderMatch(found, lookup[key]))
            elif evaluation and (letter := evaluation_key(found.text)) is not None:
                methods.setdefault(letter, found.col)
            elif key and key not in skipped and key not in IGNORED_HEADERS and found.text not in IGNORED_HEADERS:
                matches.append(HeaderMatch(found, None))
        if evaluation:
            risk_roles(matches, spec.columns)
        columns: dict[Column, list[int]] = {}
        for match in matches:
            text, column, where = match.cell.text, match.column, match.cell.cell.coordinate
            if column is None:
                if match.why:
                    self.note("SK905", f"列「{text}」未读取：{match.why}", grid.name, where)
                    continue
                close = difflib.get_close_matches(normalise(text), [normalise(c.header) for c in spec.columns], n=1,
                                                  cutoff=0.5)
                hint = (f"是否想写「{next(c.header for c in spec.columns if normalise(c.header) == close[0])}」？"
                        if close else f"可以识别的列：{'、'.join(c.header for c in spec.columns)}")
                self.note("SK905", f"列「{text}」无法对应到「{spec.name}」的任何字段，已忽略", grid.name, where, hint=hint)
                continue
            if column in columns and column.kind not in LIST_KINDS:
                self.note("SK908", f"列「{text}」与前面的列都对应「{column.header}」，只读取第一列", grid.name, where)
                continue
            if normalise(text) != normalise(column.header) or match.why:
                typed = cell_text(match.cell.cell)
                shown = f"{typed}」（在「{match.cell.group}」下）" if typed != text and match.cell.group else f"{text}」"
                why = f"（{match.why}）" if match.why else ""
                self.note("SK904", f"列「{shown}按「{column.header}」读取{why}", grid.name, where)
            columns.setdefault(column, []).append(match.cell.col)
        return Header(row, {c: sorted(columns[c]) for c in spec.columns if c in columns}, last, evaluation_columns(methods))

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
        return [row for row in range(header.last + 1, grid.max_row + 1)
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
                if row != rows[0] and same_as_above(cell.value):
                    continue  # 同上 in a later row of the same record: the record already has it
                value = self.value(grid, cell, column, path)
                if value is None:
                    continue
                if column.kind in LIST_KINDS:
                    assert isinstance(value, list)
                    for item in value:
                        if item in items:
                            continue  # the same measure (or accident type) written for two hazards of one risk point
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
        set_value(target, column.key, result)

    def records(self, grid: Grid, spec: SheetSpec) -> None:
        """A sheet of records (工作场所, 岗位, 风险点) appended to the site's list."""
        assert spec.record is not None
        header = self.header(grid, spec, column_table(spec.columns))
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
            found = {heads[normalise(t)]: col for col, t in header_cells(grid, row) if normalise(t) in heads}
            if "项目" in found and "内容" in found:
                label_col, value_col, start = found["项目"], found["内容"], row + 1
                break
        for section in ("地区", "企业", "输出"):
            self.map.put((section,), grid.name, max(start - 1, 1), label_col)
        found_rows: dict[KeyPath, tuple[Value, Cell]] = {}
        values: dict[KeyPath, Value] = {}
        for row in range(start, grid.max_row + 1):
            label = cell_text(grid.at(row, label_col))
            if not label:
                continue
            cell = grid.at(row, value_col)
            column = info_column(label)
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
        assign_values(self.data, values)

    def supervision(self, grid: Grid) -> None:
        """监管责任: one row per department (and one for 县级政府领导)."""
        header = self.header(grid, SUPERVISION, column_table(SUPERVISION.columns))
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
            text = cell_text(cell)
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
            leader = target if category == COUNTY_LEADER else target.get("责任领导")
            if isinstance(leader, dict):
                self.split_leader(grid, leader, base if category == COUNTY_LEADER else (*base, "责任领导"))

    def split_leader(self, grid: Grid, leader: dict[str, Any], base: KeyPath) -> None:
        """A 责任领导 written as 姓名（职务）: the name to 姓名, the title to 职务 unless the 职务 column says otherwise."""
        value = leader.get("姓名")
        pair = split_leader(value) if isinstance(value, str) else None
        found = self.map.cells.get((*base, "姓名"))
        if pair is None or found is None:
            return
        name, title = pair
        leader["姓名"] = name
        if not leader.get("职务"):
            leader["职务"] = title
            row, col = self.map.values[(*base, "姓名")]
            self.map.cells.pop((*base, "职务"), None)
            self.map.values.pop((*base, "职务"), None)
            self.map.put((*base, "职务"), grid.name, row, col)
            self.note("SK904", f"「{value}」按姓名「{name}」、职务「{title}」读取", grid.name, found[1], (*base, "姓名"))
        elif leader["职务"] != title:
            self.note("SK908", f"「{value}」中的职务「{title}」与职务列的「{leader['职务']}」不同，只用职务列", grid.name, found[1],
                      (*base, "职务"))

    def teams_posts(self, grid: Grid) -> None:
        """班组与岗位: each row adds a 班组 and/or a 岗位 to the workplace it names."""
        header = self.header(grid, TEAMS_POSTS, column_table(TEAMS_POSTS.columns))
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
            name = cell_text(cell)
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
