"""The print order (印刷清单): what to print, how big, how many, on what — as CSV and as a one-page PDF.

Print shops price large-format work by area, so each row carries the area of one piece
and of all pieces in m²; material and finish notes quote the regulation where it says
something (2-2 塑封; 2-6 / 2-7 "不易损坏"), and say "建议" where the note is signkit's
advice rather than the regulation's.  The CSV is UTF-8 with a BOM so that Excel on a
Chinese Windows opens it without garbling.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from signkit.drawing.box import Box
from signkit.drawing.colors import BLACK, GREY
from signkit.drawing.frame import Cell, Frame, TextStyle, grid
from signkit.drawing.items import Board, Page
from signkit.drawing.text import FontMeasurer
from signkit.fonts import FontSet
from signkit.output.manifest import BlockedEntry, BoardEntry
from signkit.spec.forms import FORMS

NOTES: dict[str, str] = {
    "2-1-1": "厂区入口户外悬挂；建议铝塑板或不锈钢底板，UV 直喷或户外喷绘",
    "2-1-2": "厂区入口户外悬挂；建议铝塑板或不锈钢底板，UV 直喷或户外喷绘",
    "2-2": "规范：以塑封进行包装；各工作场所悬挂",
    "2-3": "员工办公室、工作场所集中悬挂；建议 KT 板或 PVC 板",
    "2-4": "规范：确保内容清晰可见；风险点现场悬挂，建议户外耐候材料",
    "2-5": "双面印刷，建议覆膜（塑封）；每名员工一张，便于携带保存",
    "2-6": "规范：材质不限，须确保内容清晰可见、不易损坏；出入企业的主要路口",
    "2-7": "规范：材质不限，须确保内容清晰可见、不易损坏；员工宿舍等集中场所",
}

HEADERS = ("企业", "文件", "附表", "名称", "对象", "成品尺寸(mm)", "出血(mm)", "页数", "数量", "单块面积(m²)",
           "总面积(m²)", "材质与工艺", "字体")


@dataclass(frozen=True)
class OrderRow:
    enterprise: str
    file: str
    form: str
    name: str
    subject: str
    width: float
    height: float
    bleed: float
    pages: int
    quantity: int
    fonts: str
    notes: str

    @property
    def area(self) -> float:
        """One piece's trim area in m² (the bleed is trimmed off)."""
        return self.width * self.height / 1_000_000

    @property
    def total_area(self) -> float:
        return self.area * self.quantity

    def cells(self) -> tuple[str, ...]:
        return (self.enterprise, self.file, self.form, self.name, self.subject,
                f"{self.width:g}×{self.height:g}", f"{self.bleed:g}", str(self.pages), str(self.quantity),
                f"{self.area:.4f}", f"{self.total_area:.4f}", self.notes, self.fonts)


def _fonts(fonts: Sequence[dict[str, Any]]) -> str:
    return "、".join(f"{font['family']}（{'法定' if font['mandated'] else '替代'}）" for font in fonts)


def order_rows(enterprise: str, entries: Sequence[BoardEntry], relative_to: str = "",
               blocked: Sequence[BlockedEntry] = ()) -> list[OrderRow]:
    """Rows from manifest entries (so worker processes need not send whole boards back), then the boards not made.

    An entry written before signkit recorded the bleed had none; an entry edited by hand
    may lack more, and gets an empty cell rather than stopping the print order.  A board
    not made this time (its data has a problem) is listed too, so that nobody takes the
    list for complete: with quantity 0 and the reason, or, where the earlier version was
    kept, on that file's row with a note not to print it again until the data is fixed.
    """
    kept = {item.file: item for item in blocked if item.file}
    rows = []
    for entry in entries:
        width, height = entry.trim_mm or (0.0, 0.0)
        form = entry.form or ""
        notes = NOTES.get(form, "")
        if entry.file in kept:
            notes = f"本次未更新（数据有误：{_rules(kept[entry.file])}），仍为上次的文件，勿重印"
        rows.append(OrderRow(enterprise, f"{relative_to}{entry.file}", form, entry.name or "", entry.subject or "",
                             float(width), float(height), float(entry.bleed_mm or 0.0), entry.pages or 0,
                             entry.copies or 0, _fonts(entry.fonts or []), notes))
    for item in blocked:
        if item.file:
            continue
        form = item.form
        name = FORMS[form].name if form in FORMS else ""
        rows.append(OrderRow(enterprise, "（未生成）", form, name, item.subject or "", 0.0, 0.0, 0.0, 0, 0, "",
                             f"未生成（数据有误：{_rules(item)}），原因见 manifest.json"))
    return rows


def _rules(item: BlockedEntry) -> str:
    """The rule ids of the problems that block a board, for a table cell (the problems themselves are in the manifest)."""
    rules = [reason.rsplit("[", 1)[-1].rstrip("]") for reason in item.reasons or [] if reason.endswith("]")]
    return "、".join(dict.fromkeys(rules)) or "见清单"


#: What a spreadsheet takes for the start of a formula (OWASP, "CSV injection"); a cell from data starting so is
#: written with a leading apostrophe, which Excel and WPS show as text and do not print.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """A cell from the site file, safe to open in a spreadsheet: ``=HYPERLINK(…)`` stays text, never runs."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def order_csv(rows: Sequence[OrderRow]) -> bytes:
    """The print order as CSV (UTF-8 with BOM, CRLF, as Excel expects), with a totals line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow([csv_cell(cell) for cell in row.cells()])
    writer.writerow(("合计", "", "", "", "", "", "", "", str(sum(r.quantity for r in rows)), "",
                     f"{sum(r.total_area for r in rows):.3f}", "", ""))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


#: Column widths (relative) of the PDF table; file names and fonts are in the CSV and the footer.
_PDF_COLUMNS = (("附表", 6), ("名称 · 对象", 36), ("成品尺寸 mm", 12), ("出血", 5), ("页", 4), ("数量", 6),
                ("面积 m²", 8), ("总面积 m²", 9), ("材质与工艺", 52))
ROWS_PER_PAGE = 30

#: Type sizes of the table's body (mm): largest, and smallest before a name takes a second line.
_BODY_MAX, _BODY_MIN = 2.8, 2.2
#: Height of a one-line row and of a row whose 名称 · 对象 needs two lines (mm).
_ROW_ONE, _ROW_TWO = 6.0, 9.4


def _row_values(row: OrderRow) -> tuple[str, ...]:
    return (row.form, f"{row.name} · {row.subject}", f"{row.width:g}×{row.height:g}", f"{row.bleed:g}",
            str(row.pages), str(row.quantity), f"{row.area:.3f}", f"{row.total_area:.3f}", row.notes)


def _row_height(row: OrderRow, columns: Sequence[float], measure: FontMeasurer, padding: float) -> float:
    """One line, or two when a cell's text (a 项目部's 22-character name, a long 材质 note) cannot fit one.

    A print shop works from this list: a row whose name was left blank is a board nobody
    can identify, so a long name takes a second line rather than shrinking out of sight.
    """
    for value, width in zip(_row_values(row), columns, strict=True):
        if measure.width(value, _BODY_MIN, "body") > width - 2 * padding:
            return _ROW_TWO
    return _ROW_ONE


def _pages_of(heights: Sequence[float], room: float) -> list[tuple[int, int]]:
    """Split rows into pages by height: (first, end) index ranges, each page's rows within ``room`` mm."""
    pages: list[tuple[int, int]] = []
    start, used = 0, 0.0
    for index, height in enumerate(heights):
        if index > start and (used + height > room or index - start >= ROWS_PER_PAGE):
            pages.append((start, index))
            start, used = index, 0.0
        used += height
    pages.append((start, len(heights)))
    return pages


def order_board(rows: Sequence[OrderRow], fonts: FontSet, title: str = "印刷清单") -> tuple[Board, int]:
    """The print order laid out on A4 landscape pages (as many as the rows need), and how many cells misfit."""
    width, height, margin, padding = 297.0, 210.0, 12.0, 0.7
    measure = FontMeasurer(fonts)
    usable = width - 2 * margin
    scale = usable / sum(w for _, w in _PDF_COLUMNS)
    columns = [w * scale for _, w in _PDF_COLUMNS]
    heights = [_row_height(row, columns, measure, padding) for row in rows]
    room = height - 2 * margin - 14 - 12 - _ROW_ONE  # below the heading, above the footer, less the header row
    ranges = _pages_of(heights, room)
    pages = []
    misfits = 0
    total = sum(r.total_area for r in rows)
    header = TextStyle("title", 2.8, 2.2, align="center")
    body = TextStyle("body", _BODY_MAX, _BODY_MIN, align="left")
    for number, (first, end) in enumerate(ranges, start=1):
        frame = Frame(measure)
        heading = f"{title}（共 {len(rows)} 个文件，{sum(r.quantity for r in rows)} 件，总面积 {total:.2f} m²）"
        frame.text(heading, Box(margin, margin, width - 2 * margin, 10), TextStyle("title", 6.0, 3.0))
        cells = [Cell(0, col, label, header) for col, (label, _) in enumerate(_PDF_COLUMNS)]
        for index, row in enumerate(rows[first:end], start=1):
            cells.extend(Cell(index, col, value, body) for col, value in enumerate(_row_values(row)))
        row_heights = [_ROW_ONE, *heights[first:end]]
        grid(frame, Box(margin, margin + 14, usable, sum(row_heights)), columns, row_heights, cells,
             padding=padding, border=BLACK, border_width=0.15)
        used = "；".join(sorted({r.fonts for r in rows if r.fonts}))
        footer = f"第 {number} / {len(ranges)} 页 · 字体：{used} · 面积按成品尺寸计，出血裁去不计 · signkit 生成"
        frame.text(footer, Box(margin, height - margin - 5, usable, 5), TextStyle("body", 2.5, 2.0, color=GREY))
        pages.append(Page(width, height, tuple(frame.items), None))
        misfits += len(frame.misfits)
    return Board("印刷清单", title, "", tuple(pages)), misfits
