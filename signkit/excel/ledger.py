"""A 风险分级管控清单 as enterprises keep it → the site's 风险点: one record per risk point, its level decided with care.

Why a reader of its own: the 风险点 sheet of signkit's template is one row per risk
point, but the lists enterprises actually keep (ledgers.md) are one row per *hazard*,
under a 风险点 merged over several rows, between title rows, section rows (一、施工作业),
totals (合计) and a signature footer (编制人：…), graded by L·E·C or a risk matrix, by a
level word whose meaning depends on the list, or only by the cell's colour.  Reading
such a sheet takes decisions the other sheets never need:

* **Rows.** Footer and note rows end the table (what follows is said, not read); totals,
  column-number rows and section rows are skipped.  A section row names the rows under
  it when their name cell is empty (the construction lists write the 作业活动 only there).
* **Records.** A name merged over several rows is one risk point (as on every sheet);
  so is a name written ``同上``.  An empty name under a named row continues it in a
  CSV file, which cannot merge cells; in a workbook it stays a record of its own whose
  empty name is reported — merging is how a workbook says "the same".
* **Level.** Each row's level is read (:mod:`signkit.excel.levels`); a risk point's
  level is the highest of its rows.  A level written in words is kept even when L·E·C
  disagrees (lists grade some risks 重大 directly, by law), and the disagreement is
  reported (SK914); a level is derived from D, from R where the matrices agree, or
  from a clear fill colour only when nothing is written (SK915 says so); a word whose
  meaning depends on the list is not guessed (SK107, the level left for the user).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from signkit.diagnostics import KeyPath
from signkit.excel.columns import LEDGER_SKIPPED, RISKS, is_required
from signkit.excel.grid import Cell, Grid, coordinate
from signkit.excel.headers import Header, cell_text, column_table
from signkit.excel.levels import (
    colour_name,
    fill_level,
    highest,
    lec_allowed,
    lec_level,
    ls_allowed,
    ls_level,
    number,
    read_level,
    show,
)
from signkit.excel.site_reader import SheetReader
from signkit.excel.values import placeholder, same_as_above

_NAME, _LEVEL = RISKS.columns[0], RISKS.columns[1]
_RECORD, _NAME_KEY, _LEVEL_KEY = "风险点", "风险点名称", "风险等级"

_FOOTER = re.compile(r"^(?:编制|审核|审批|批准|制表|填表|填报|复核|签发|签字|会签|校核|编制人|审核人|批准人|审批人|制表人|填表人|"
                     r"填报人|编制日期|审核日期|填表日期|制表日期|日期|编制单位|填报单位)\s*[:：]")
_NOTE = re.compile(r"^(?:注|说明|备注|附注)\s*[:：]|^注\s*\d")
_TOTAL = re.compile(r"^(?:合计|小计|总计|共计)")
_ORDINAL = "一二三四五六七八九十"
_SECTION = re.compile(rf"^(?:[{_ORDINAL}]{{1,3}}|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]{{1,4}}|[(（][{_ORDINAL}]{{1,3}}[)）]|"
                      rf"第[{_ORDINAL}\d]{{1,3}}[部分章节类项]*)(?:\s*[、.．:：]\s*|\s+|$)")
_ORDINAL_ONLY = re.compile(rf"^(?:[{_ORDINAL}]{{1,3}}|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]{{1,4}}|[(（][{_ORDINAL}]{{1,3}}[)）])[、.．:：]?$")


@dataclass
class _Section:
    """A section row (一、施工作业): its title names the empty-named rows directly under it."""

    title: str
    cell: Cell
    group: _Group | None = None


@dataclass
class _Group:
    """The rows of one risk point, and where its name comes from when not from its own name cell."""

    rows: list[int]
    section: _Section | None = None
    #: The name as written in the group's first row.
    name: str = ""
    #: The name was taken from the section row.
    named_by_section: bool = False
    #: Rows joined because their name was empty (CSV) — said once.
    continued: list[int] = field(default_factory=list)


def read_risk_sheet(reader: SheetReader, grid: Grid, *, is_csv: bool) -> None:
    """A 风险点 sheet — the template's or an enterprise's own 清单 — appended to the site's 风险点."""
    header = reader.header(grid, RISKS, column_table(RISKS.columns), skipped=LEDGER_SKIPPED, evaluation=True)
    if header is None:
        return
    records: list[dict[str, Any]] = reader.data.setdefault(_RECORD, [])
    reader.map.put((_RECORD,), grid.name, header.row, 1)
    groups = _groups(reader, grid, header, is_csv)
    colours = _colours(grid, header)
    derived = False
    for group in groups:
        base: KeyPath = (_RECORD, len(records))
        record: dict[str, Any] = {}
        name_col = header.first(_NAME)
        anchor = group.section.cell if group.named_by_section and group.section else None
        reader.map.put(base, grid.name, anchor.row if anchor else group.rows[0],
                       anchor.col if anchor else name_col or min((c[0] for c in header.columns.values() if c), default=1))
        for column, cols in header.columns.items():
            if column is _LEVEL:
                continue
            if column is _NAME and group.named_by_section and group.section is not None:
                cell = group.section.cell
                reader.map.put((*base, *column.key), grid.name, cell.row, cell.col)
                record[_NAME_KEY] = group.section.title
                continue
            rows = group.rows[:1] if column is _NAME else group.rows  # later rows' names are 同上 or the merge
            reader.fill(grid, rows, column, cols, record, base, _RECORD)
        _note_grouping(reader, grid, header, group, record, base)
        derived = _level(reader, grid, header, group, record, base, colours) or derived
        records.append(record)
    if _LEVEL not in header.columns and not derived and not _derivable(header):
        reader.note("SK903", f"工作表「{grid.name}」缺少「{_LEVEL.header}」列", grid.name, coordinate(header.row, 1),
                    hint="请在表头中加上这一列；也可以给出 L、E、C、D 列（按 D 值定级）")
        reader.site.muted.append((_RECORD, "*", *_LEVEL.key))
    for column in RISKS.columns:
        if column is not _LEVEL and column not in header.columns and is_required((_RECORD, "*", *column.key)):
            reader.note("SK903", f"工作表「{grid.name}」缺少「{column.header}」列", grid.name, coordinate(header.row, 1),
                        hint="请在表头中加上这一列（列名见模板，也可用常见的同义写法）")
            reader.site.muted.append((_RECORD, "*", *column.key))


@dataclass(frozen=True)
class _Colours:
    """Whether fill colours mark levels on this sheet: read as the only marker, checked against written levels."""

    column: int | None
    #: Fills of the level column (or, without one, of the name column) are read as levels.
    read: bool
    #: They are checked against written levels (the column uses two or more level colours: not just highlighting).
    check: bool


def _colours(grid: Grid, header: Header) -> _Colours:
    """A level column's clear colours are levels; a name column's only when it uses two or more of them."""
    level_col, name_col = header.first(_LEVEL), header.first(_NAME)
    column = level_col or name_col
    if column is None:
        return _Colours(None, False, False)
    used = {fill_level(grid.fill(row, column)) for row in range(header.last + 1, grid.max_row + 1)} - {None}
    return _Colours(column, bool(used) if level_col else len(used) >= 2, len(used) >= 2)


def _derivable(header: Header) -> bool:
    """Whether the header's evaluation columns can give a level (D, or L·E·C; R, or L·S)."""
    found = set(header.evaluation)
    return "D" in found or {"L", "E", "C"} <= found or "R" in found or {"L", "S"} <= found


# --- rows ---------------------------------------------------------------------------------


def _texts(grid: Grid, row: int, limit: int = 0) -> list[Cell]:
    """The row's non-empty cells, each merged cell once, left to right (the first ``limit`` of them, if given)."""
    out: list[Cell] = []
    seen: set[int] = set()
    for col in range(1, grid.max_col + 1):
        cell = grid.at(row, col)
        if cell is not None and id(cell) not in seen and cell_text(cell):
            seen.add(id(cell))
            out.append(cell)
            if len(out) == limit:
                break
    return out


def _kind(grid: Grid, row: int, known: set[int], *, first_row: bool = False) -> tuple[str, str, Cell | None]:
    """(kind, section title, title cell): ``footer`` (also notes), ``skip`` (totals, column numbers), ``section``, ``data``.

    Only a row's first three cells decide (a section or footer row has at most two), so
    reading a long list costs one short look per row.
    """
    cells = _texts(grid, row, limit=3)
    if not cells:
        return "skip", "", None
    first = cell_text(cells[0])
    if _FOOTER.match(first) or _NOTE.match(first):
        return "footer", "", None
    if any(_TOTAL.match(cell_text(c)) for c in cells[:2]):
        return "skip", "", None
    if first_row and len(cells) > 2:
        texts = [cell_text(c) for c in _texts(grid, row)]
        if all(re.fullmatch(r"\d{1,2}", t) for t in texts) and [int(t) for t in texts] == list(
                range(int(texts[0]), int(texts[0]) + len(texts))):
            return "skip", "", None  # a row under the header numbering the columns 1 2 3 …
    spanning = len(cells) == 1 and sum(1 for col in known if grid.at(row, col) is cells[0]) >= 2
    lone = len(cells) == 1 and _SECTION.match(first) is not None
    ordinal = len(cells) == 2 and _ORDINAL_ONLY.match(first) is not None and cells[0].col not in known
    if spanning or lone:
        match = _SECTION.match(first)
        return "section", (first[match.end():].strip() if match else first), cells[0]
    if ordinal:
        return "section", cell_text(cells[1]), cells[1]
    return "data", "", None


def _groups(reader: SheetReader, grid: Grid, header: Header, is_csv: bool) -> list[_Group]:
    """The data rows below the header, grouped into risk points (see the module's description)."""
    name_col = header.first(_NAME)
    known = {c for cols in header.columns.values() for c in cols} | set(header.evaluation.values())
    out: list[_Group] = []
    section: _Section | None = None
    footer: tuple[int, str] | None = None
    for row in range(header.last + 1, grid.max_row + 1):
        if not any(grid.at(row, col) is not None for col in known):
            kind, title, where = _kind(grid, row, known)
            if kind == "footer" and out and footer is None:
                footer = (row, cell_text(_texts(grid, row)[0]))
            elif kind == "section" and where is not None and title:
                section = _Section(title, where)
            continue
        kind, title, where = _kind(grid, row, known, first_row=row == header.last + 1)
        if footer is not None:
            if kind == "data":
                reader.note("SK905", f"第 {row} 行在表尾「{_short(footer[1])}」（第 {footer[0]} 行）之下，未读取", grid.name,
                            coordinate(row, 1), hint="表尾（编制、审核、注）以下的行不读取；如果这是数据，请移到表尾之上")
                return out
            continue
        if kind == "footer":
            footer = (row, cell_text(_texts(grid, row)[0])) if out else footer
            continue
        if kind == "skip":
            continue
        if kind == "section":
            section = _Section(title, where) if where is not None and title else None
            continue
        cell = grid.at(row, name_col) if name_col else None
        text = cell_text(cell)
        previous = out[-1] if out else None
        if previous is not None and cell is not None and cell.row < row and grid.at(previous.rows[0], name_col or 0) is cell:
            previous.rows.append(row)  # the name is merged over these rows
        elif previous is not None and (same_as_above(text) or (text and text == previous.name)) and previous.section is section:
            previous.rows.append(row)  # 同上, or the same name written again on the next row
        elif not text and section is not None and section.group is None:
            section.group = _Group([row], section, named_by_section=True)
            out.append(section.group)
        elif not text and section is not None and previous is not None and previous is section.group:
            previous.rows.append(row)
        elif not text and is_csv and previous is not None and previous.section is section and cell is None:
            previous.rows.append(row)
            previous.continued.append(row)
        else:
            out.append(_Group([row], section, name=text))
    return out


def _short(text: str) -> str:
    return text if len(text) <= 12 else text[:12] + "…"


def _note_grouping(reader: SheetReader, grid: Grid, header: Header, group: _Group, record: dict[str, Any],
                   base: KeyPath) -> None:
    """SK915 for a name read from context: a section row's title, or (CSV) the row above's name."""
    name_col = header.first(_NAME) or 1
    if group.named_by_section and group.section is not None:
        rows = _span(group.rows)
        reader.note("SK915", f"{rows}没有填写风险点名称，按分节行「{group.section.title}」"
                    f"（{group.section.cell.coordinate}）读作一个风险点", grid.name, coordinate(group.rows[0], name_col),
                    (*base, *_NAME.key), "如果这几行不是同一个风险点，请分别填写名称")
    if group.continued:
        above = record.get(_NAME_KEY)
        into = f"上面的风险点「{above}」" if above else f"第 {group.rows[0]} 行（它也没有名称）"
        reader.note("SK915", f"{_span(group.continued)}没有填写风险点名称，并入{into}"
                    "（CSV 文件不能合并单元格，空着的名称按“同上”读取）", grid.name, coordinate(group.continued[0], name_col),
                    (*base, *_NAME.key), "如果这几行是另一个风险点，请填写它的名称")


def _span(rows: list[int]) -> str:
    return f"第 {rows[0]} 行" if len(rows) == 1 else f"第 {rows[0]}–{rows[-1]} 行"


# --- levels -------------------------------------------------------------------------------


@dataclass
class _Row:
    """One row's level: what it says, where, and what was noticed."""

    level: str | None
    cell: tuple[int, int]
    #: ``word``, ``derived``, ``ambiguous``, ``unknown`` (raw text left for the model), ``empty``.
    state: str
    raw: str = ""


def _value(grid: Grid, row: int, col: int | None) -> tuple[float | None, Cell | None]:
    cell = grid.at(row, col) if col else None
    return (number(cell.value) if cell is not None else None), cell


def _product(grid: Grid, row: int, header: Header, letters: str) -> float | None:
    values = [_value(grid, row, header.evaluation.get(letter))[0] for letter in letters]
    if any(v is None for v in values):
        return None
    result = 1.0
    for value in values:
        assert value is not None
        result *= value
    return round(result, 6)


def _score(reader: SheetReader, grid: Grid, row: int, header: Header, total: str, letters: str,
           path: KeyPath) -> tuple[float | None, str]:
    """D (or R) of a row, from its column or the product of L·E·C (L·S); a column that disagrees with the product is said."""
    written, cell = _value(grid, row, header.evaluation.get(total))
    product = _product(grid, row, header, letters)
    # no factor of L·E·C or L·S is ever 0: zeros are an unfilled row, not the lowest risk (never graded 低 from them)
    written = written if written is not None and written > 0 else None
    product = product if product is not None and product > 0 else None
    formula = "×".join(letters)
    if written is not None and product is not None and abs(written - product) > 0.005 * max(written, product, 1):
        assert cell is not None
        reader.note("SK914", f"{total} = {show(written)} 与 {formula} = {show(product)} 不符（按 {total} = {show(written)} 核对等级）",
                    grid.name, cell.coordinate, path, f"请改正 {'、'.join(letters)} 或 {total}")
    if written is not None:
        return written, f"{total} = {show(written)}"
    if product is not None:
        return product, f"{total} = {formula} = {show(product)}"
    return None, ""


def _judge(reader: SheetReader, grid: Grid, header: Header, row: int, path: KeyPath, colours: _Colours) -> _Row:
    """One row's level (see the module's description); notes and contradictions reported at the row's cells."""
    level_col = header.first(_LEVEL)
    name_col = header.first(_NAME)
    cell = grid.at(row, level_col) if level_col else None
    if cell is not None and cell.error:
        reader.value(grid, cell, _LEVEL, path)  # SK910: read as empty
    text = cell_text(cell) if cell is not None and not cell.error else ""
    place = (cell.row, cell.col) if cell is not None else (row, level_col or name_col or 1)
    where = coordinate(*place)
    if text and placeholder(text) is not None:
        reader.note("SK916", f"风险等级写的是「{text}」，已读作空", grid.name, where, path, "请写出 重大、较大、一般 或 低")
        text = ""
    reading = read_level(text)
    d, d_text = _score(reader, grid, row, header, "D", "LEC", path)
    r, r_text = _score(reader, grid, row, header, "R", "LS", path)
    colour = fill_level(grid.fill(row, colours.column)) if colours.column and colours.read else None
    if reading.kind == "level":
        assert reading.level is not None
        level = reading.level
        for value, shown, allowed, method in ((d, d_text, lec_allowed, "LEC"), (r, r_text, ls_allowed, "风险矩阵")):
            if value is not None and level not in allowed(value):
                expect = "、".join(sorted(allowed(value), key="重大较大一般低".index))
                reader.note("SK914", f"风险等级「{text}」与 {shown} 不符（按 {method} 应为{expect}）", grid.name, where, path,
                            "有的风险按法规直接判定为重大，等级照填写的读取；否则请改正等级或数值")
        if colour is not None and colours.check and colour != level:
            reader.note("SK914", f"风险等级「{text}」与单元格底色（{colour_name(colour)}，即「{colour}」）不符", grid.name, where,
                        path, "等级照填写的读取；请改正等级或底色")
        if reading.note:
            reader.note("SK915", f"风险等级{reading.note}", grid.name, where, path)
        return _Row(level, place, "word", text)
    if reading.kind == "band":
        assert reading.level is not None
        if d is not None and reading.level in lec_allowed(d):
            reader.note("SK915", f"风险等级{reading.note}；{d_text}，读作「{reading.level}」", grid.name, where, path)
            return _Row(reading.level, place, "word", text)
        why = f"{reading.note}，{d_text} 为「{lec_level(d)}」" if d is not None else f"{reading.note}，没有 D 值可以核对"
        return _ambiguous(reader, grid, place, path, why, text)
    if reading.kind == "ambiguous":
        hint = f"；按 {d_text} 为「{lec_level(d)}」" if d is not None else (
            f"；按 {r_text} 为「{ls_level(r)}」" if r is not None and ls_level(r) else "")
        return _ambiguous(reader, grid, place, path, reading.note + "，未按它定级" + hint, text)
    if reading.kind == "unknown":
        return _Row(None, place, "unknown", text)
    # nothing written: the numbers, or the colour
    found: list[tuple[str, str]] = []
    if d is not None:
        found.append((lec_level(d), d_text))
    if r is not None:
        matrix = ls_level(r)
        if matrix is None:
            return _ambiguous(reader, grid, place, path, f"{r_text} 在不同的风险矩阵中可能是较大、一般或低", text)
        found.append((matrix, r_text))
    if colour is not None:
        found.append((colour, f"单元格的底色（{colour_name(colour)}）"))
    if not found:
        return _Row(None, place, "empty")
    levels = {level for level, _ in found}
    if len(levels) > 1:
        return _ambiguous(reader, grid, place, path, "，".join(f"{why}为「{lvl}」" for lvl, why in found) + "，互相矛盾", text)
    level = found[0][0]
    if level_col is None:  # no level cell: point at the numbers the level came from
        evidence = [header.evaluation.get(k) for k in ("D", "L", "R")]
        place = (row, next((c for c in evidence if c), place[1]))
    basis = found[0][1]
    if basis[0].isascii():  # D = 250 between Chinese words: spaced
        basis = f" {basis} "
    bands = {" D": "（D > 320 重大，160 < D ≤ 320 较大，70 < D ≤ 160 一般，D ≤ 70 低）",
             " R": "（各种风险矩阵都把 R ≥ 20 定为重大、15 ≤ R < 20 定为较大、R ≤ 3 定为低）"}.get(basis[:2], "")
    reader.note("SK915", f"没有填写风险等级，按{basis}定为「{level}」{bands}", grid.name, coordinate(*place), path)
    return _Row(level, place, "derived")


def _ambiguous(reader: SheetReader, grid: Grid, place: tuple[int, int], path: KeyPath, why: str, text: str) -> _Row:
    reader.note("SK107", f"风险等级无法确定：{why}", grid.name, coordinate(*place), path,
                "请填写 重大、较大、一般 或 低（signkit 不猜测等级）")
    return _Row(None, place, "ambiguous", text)


def _level(reader: SheetReader, grid: Grid, header: Header, group: _Group, record: dict[str, Any], base: KeyPath,
           colours: _Colours) -> bool:
    """The risk point's 风险等级 from its rows: the highest of them; ``True`` when derived from numbers or a colour."""
    path = (*base, *_LEVEL.key)
    seen: set[tuple[int, int]] = set()
    rows: list[_Row] = []
    level_col = header.first(_LEVEL)
    for row in group.rows:
        cell = grid.at(row, level_col) if level_col else None
        if row != group.rows[0] and cell is not None and same_as_above(cell.value):
            continue  # 同上 under the risk point's first row: its level is there
        judged = _judge(reader, grid, header, row, path, colours)
        if judged.state in ("word", "unknown", "empty") and judged.cell in seen and judged.cell[0] != row:
            continue  # one merged level cell over several rows: judged once
        seen.add(judged.cell)
        rows.append(judged)
    first = rows[0]
    if any(r.state == "ambiguous" for r in rows):
        reader.site.explained.append(("SK103", path))
        chosen: _Row | None = next(r for r in rows if r.state == "ambiguous")
        value: str | None = None
    elif any(r.state == "unknown" for r in rows):
        chosen = next(r for r in rows if r.state == "unknown")
        value = chosen.raw
    else:
        known = [r for r in rows if r.level is not None]
        value = highest([r.level for r in known if r.level]) if known else None
        chosen = next((r for r in known if r.level == value), None)
        if len({r.level for r in known}) > 1:
            assert chosen is not None
            levels = "、".join(r.level or "" for r in known)
            reader.note("SK915", f"风险点「{record.get(_NAME_KEY)}」的 {len(known)} 行风险等级不同（{levels}），"
                        f"告知牌印最高的「{value}」", grid.name, coordinate(*chosen.cell), path)
    reader.map.put(path, grid.name, *(chosen or first).cell)
    if value is not None or is_required(path):
        record[_LEVEL_KEY] = value
    return any(r.state == "derived" for r in rows)

