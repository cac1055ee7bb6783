"""Workbook or CSV → the plain data a site file would give, with every value's sheet and cell.

This is the way in: :func:`read_workbook` is what ``check``, ``render`` and ``import``
call.  The output is exactly what :func:`signkit.load.yaml_tree.parse_yaml` produces for
a site file (nested dicts and lists of text), plus a
:class:`~signkit.excel.cellmap.CellMap`, so validation and the content rules run
unchanged and their messages point at cells.  Problems only a workbook can have (a
missing column, a number that was a phone number) are reported with SK9xx ids.

The work is split by stage, each in its own module:

* :mod:`signkit.excel.grid` — the file on disk → grids of cell values, or why it cannot be read;
* :mod:`signkit.excel.headers` — which layout each sheet holds, which row is its header,
  which column feeds which field (sheet names and headers through synonyms);
* :mod:`signkit.excel.site_reader` — an enterprise's own workbook → one site;
* :mod:`signkit.excel.ledger` — its 风险分级管控清单, in the shapes enterprises keep (title and
  section rows, a 风险点 merged over its hazards, a signature footer), with the level read by
  :mod:`signkit.excel.levels` (words, L·E·C, L·S, fill colours);
* :mod:`signkit.excel.roster_reader` — a regulator's roster → one site per row (leaders written as
  姓名（职务） split by :mod:`signkit.excel.people`);
* :mod:`signkit.excel.values` — what a cell's value means (a phone number Excel stored
  as a number, a date serial, a numbered list in one cell);
* :mod:`signkit.excel.cache` — the same file read twice in one process is parsed once.

This module decides between them: hidden and unrecognised sheets are named, never
dropped silently (SK905), and a sheet that summarises or repeats the 风险分级管控清单 (风险点统计表,
重大风险清单, a JHA 评价记录) is not read as more risk points; a roster sheet makes the file a roster; otherwise the sheets
are read in a fixed order (班组与岗位 after the 工作场所 it refers to), and a missing
企业信息 or 监管责任 sheet is said once (SK902).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from signkit.diagnostics import Diagnostic, Location, Severity
from signkit.excel.cache import ContentCache
from signkit.excel.columns import (
    IGNORED_SHEETS,
    INFO_SHEET,
    POSTS,
    RISKS,
    ROSTER_SHEET,
    SHEET_ORDER,
    SUPERVISION,
    TEAMS_POSTS,
    WORKPLACES,
    normalise,
)
from signkit.excel.grid import WORKBOOK_MAX_BYTES, Book, Grid, load_book
from signkit.excel.headers import classify, summary_sheet
from signkit.excel.imported import ImportedSite
from signkit.excel.ledger import read_risk_sheet
from signkit.excel.roster_reader import read_roster
from signkit.excel.site_reader import SheetReader

# ImportedSite is what read_workbook returns: callers name it from here.
__all__ = ["ImportedSite", "WorkbookRead", "read_book", "read_workbook"]


@dataclass
class WorkbookRead:
    """Everything read from one file: one site, several (a roster), or why none."""

    file: str
    kind: Literal["workbook", "roster"] = "workbook"
    sites: list[ImportedSite] = field(default_factory=list)
    #: Problems with the file as a whole when no site could be read at all.
    diagnostics: list[Diagnostic] = field(default_factory=list)
    unreadable: bool = False


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
        kind = classify(grid, book.is_csv)
        if kind in (None, RISKS.name) and summary_sheet(grid.name):
            notes.append(Diagnostic("SK905", Severity.INFO, f"工作表「{grid.name}」是汇总或评价记录，未读取（风险点只从分级管控清单读取）",
                                    Location(book.file, sheet=grid.name, cell="A1"),
                                    "汇总表重复清单中的风险点，读取会使同一风险点出现两次"))
            continue
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
        result.sites = read_roster(book.file, layout[ROSTER_SHEET], notes)
        if not result.sites:
            result.diagnostics = notes
        return result
    if not layout:
        notes.append(Diagnostic("SK902", Severity.ERROR, "工作簿中没有可识别的工作表", Location(book.file),
                                f"工作表名称应为：{'、'.join(SHEET_ORDER)}；"
                                "可用 signkit template --xlsx 生成模板"))
        result.diagnostics = notes
        return result
    reader = SheetReader(book.file, book.file)
    reader.map.sheets = [grid.name for grid in book.grids]
    reader.site.diagnostics.extend(notes)
    for grid in layout.get(INFO_SHEET, []):
        reader.info(grid)
    for grid in layout.get(SUPERVISION.name, []):
        reader.supervision(grid)
    for spec in (WORKPLACES, POSTS):
        for grid in layout.get(spec.name, []):
            reader.records(grid, spec)
    for grid in layout.get(RISKS.name, []):
        read_risk_sheet(reader, grid, is_csv=book.is_csv)
    for grid in layout.get(TEAMS_POSTS.name, []):
        reader.teams_posts(grid)
    for sheet, sections in ((INFO_SHEET, ("地区", "企业")), (SUPERVISION.name, ("监管责任",))):
        if sheet not in layout:
            hidden = any(grid.hidden and classify(grid, book.is_csv) == sheet for grid in book.grids)
            reader.site.diagnostics.append(Diagnostic(
                "SK902", Severity.ERROR,
                f"工作簿中的「{sheet}」工作表是隐藏的（{'、'.join(sections)}是必填的）" if hidden
                else f"工作簿中没有「{sheet}」工作表（{'、'.join(sections)}是必填的）", Location(book.file),
                "请在 Excel 中取消隐藏该工作表后保存" if hidden else "可用 signkit template --xlsx 生成模板，把该工作表复制过来"))
            reader.site.muted.extend((s,) for s in sections)
    result.sites = [reader.site]
    return result


_CACHE: ContentCache[WorkbookRead] = ContentCache(4)


def read_workbook(path: Path | str, *, display: str | None = None, max_bytes: int = WORKBOOK_MAX_BYTES) -> WorkbookRead:
    """Read a workbook (.xlsx, .xlsm) or CSV file into sites; never raises for a bad file.

    ``display`` is the name diagnostics show (default: the path as given).  The same
    file read twice in one process (a batch reads a roster once to list its
    enterprises and once per enterprise) is parsed once: results are kept by content.
    Callers must not modify the returned data.
    """
    path = Path(path)
    name = display if display is not None else str(path)
    return _CACHE.read(path, name, max_bytes, lambda: read_book(load_book(path, display=name, max_bytes=max_bytes)))
