"""The print order (印刷清单): what to print, how big, how many, on what — as CSV and as a one-page PDF.

Print shops price large-format work by area, so each row carries the area of one piece
and of all pieces in m²; material and finish notes quote the regulation where it says
something (2-2 塑封; 2-6 / 2-7 "不易损坏"), and say "建议" where the note is signkit's
advice rather than the regulation's.  The CSV is UTF-8 with a BOM so that Excel on a
Chinese Windows opens it without garbling.

A shop prints from this list, so it must be unambiguous:

* one row per file, and it says whether the file is printed (印刷) or is there for
  reference (参考): when the cards were imposed, the imposed sheet file is printed and
  the single cards are reference only — listing both as printed invited printing every
  card twice;
* the totals are sums of the values as displayed (areas are rounded once per row and
  the rounded values added), so a shop adding up the column gets the total to the
  last digit; the CSV and the PDF show the same strings.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from signkit.drawing.box import Box
from signkit.drawing.colors import BLACK, GREY
from signkit.drawing.frame import Cell, Frame, TextStyle, grid
from signkit.drawing.items import Board, Page
from signkit.drawing.text import FontMeasurer, Para, wrap_para
from signkit.fonts import FontSet
from signkit.output.manifest import BlockedEntry, BoardEntry, ExtraEntry
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

HEADERS = ("企业", "文件", "用途", "附表", "名称", "对象", "成品尺寸(mm)", "出血(mm)", "页数", "数量", "印张",
           "单块面积(m²)", "总面积(m²)", "输出意图", "材质与工艺", "字体")

#: What a row's file is for: printed as it is, or for reference only (its cards are printed from the imposed sheets).
PRINT, REFERENCE, NOT_MADE = "印刷", "参考", "未生成"

#: Decimal places of the areas as displayed; totals are sums of the displayed values, so they add up exactly.
UNIT_PLACES, TOTAL_PLACES = 4, 3


def _rounded(value: float, places: int) -> Decimal:
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class OrderRow:
    """One file of the print order: a board or card to print, an imposed sheet file to print, or a file for reference.

    For an imposed sheet file ``width`` × ``height`` is the sheet and ``quantity`` the
    number of sheets (``sheets`` too); its cards' own files are rows of ``use``
    :data:`REFERENCE`, with their quantity, but no total area and no part in the totals.
    """

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
    use: str = PRINT
    sheets: int | None = None
    intent: str = ""

    @property
    def printed(self) -> bool:
        return self.use == PRINT

    @property
    def area(self) -> Decimal:
        """One piece's (or sheet's) trim area in m² as displayed (the bleed is trimmed off)."""
        return _rounded(self.width * self.height / 1_000_000, UNIT_PLACES)

    @property
    def total_area(self) -> Decimal:
        """All pieces' area in m² as displayed: the exact area times the quantity, rounded once; 0 for reference."""
        if not self.printed:
            return Decimal(0).quantize(Decimal(1).scaleb(-TOTAL_PLACES))
        return _rounded(self.width * self.height * self.quantity / 1_000_000, TOTAL_PLACES)

    def area_text(self) -> str:
        return f"{self.area:.{UNIT_PLACES}f}" if self.width and self.height else ""

    def total_text(self) -> str:
        return f"{self.total_area:.{TOTAL_PLACES}f}" if self.printed else "—"

    def cells(self) -> tuple[str, ...]:
        return (self.enterprise, self.file, self.use, self.form, self.name, self.subject,
                f"{self.width:g}×{self.height:g}", f"{self.bleed:g}", str(self.pages), str(self.quantity),
                "" if self.sheets is None else str(self.sheets), self.area_text(), self.total_text(), self.intent,
                self.notes, self.fonts)


@dataclass(frozen=True)
class OrderTotals:
    """What the totals line says: files, what is printed (pieces and sheets), and the area — sums of displayed values."""

    files: int
    printed_files: int
    quantity: int
    area: Decimal

    @property
    def area_text(self) -> str:
        return f"{self.area:.{TOTAL_PLACES}f}"


def order_totals(rows: Sequence[OrderRow]) -> OrderTotals:
    """The totals over the rows printed (reference files and boards not made add nothing)."""
    printed = [r for r in rows if r.printed]
    return OrderTotals(len(rows), len(printed), sum(r.quantity for r in printed),
                       sum((r.total_area for r in printed), Decimal(0).quantize(Decimal(1).scaleb(-TOTAL_PLACES))))


def _fonts(fonts: Sequence[dict[str, Any]]) -> str:
    return "、".join(f"{font['family']}（{'法定' if font['mandated'] else '替代'}）" for font in fonts)


def order_rows(enterprise: str, entries: Sequence[BoardEntry], relative_to: str = "",
               blocked: Sequence[BlockedEntry] = (), extras: Sequence[ExtraEntry] = ()) -> list[OrderRow]:
    """Rows from manifest entries (so worker processes need not send whole boards back), then the boards not made.

    An entry written before signkit recorded the bleed had none; an entry edited by hand
    may lack more, and gets an empty cell rather than stopping the print order.  A board
    not made this time (its data has a problem) is listed too, so that nobody takes the
    list for complete: with quantity 0 and the reason, or, where the earlier version was
    kept, on that file's row with a note not to print it again until the data is fixed.
    When the cards were imposed (``extras`` holds an imposed sheet file), the sheet file
    is the row to print and each card's own file is listed for reference — with its
    quantity, so the count can be checked, but outside the totals: printing both would
    print every card twice.
    """
    kept = {item.file: item for item in blocked if item.file}
    imposed = [extra for extra in extras if extra.sheets and extra.sheet_mm]
    sheet_files = "、".join(f"{relative_to}{extra.file}" for extra in imposed)
    rows = []
    for entry in entries:
        width, height = entry.trim_mm or (0.0, 0.0)
        form = entry.form or ""
        notes = NOTES.get(form, "")
        use = PRINT
        if form == "2-5" and imposed:
            use = REFERENCE
            notes = f"参考：由拼版文件 {sheet_files} 印刷，勿单独印刷"
        if entry.file in kept:  # the file on disk is last run's: listed so it is not lost, not to print again
            use = REFERENCE
            notes = f"本次未更新（数据有误：{_rules(kept[entry.file])}），仍为上次的文件，勿重印"
        rows.append(OrderRow(enterprise, f"{relative_to}{entry.file}", form, entry.name or "", entry.subject or "",
                             float(width), float(height), float(entry.bleed_mm or 0.0), entry.pages or 0,
                             entry.copies or 0, _fonts(entry.fonts or []), notes, use,
                             intent=entry.output_intent or ""))
    for extra in imposed:
        sheet_w, sheet_h = extra.sheet_mm or (0.0, 0.0)
        sheet = (extra.kind or "").replace("拼版", "").strip()
        rows.append(OrderRow(enterprise, f"{relative_to}{extra.file}", "2-5", "岗位风险告知卡 拼版",
                             f"{sheet} 每张 {extra.per_sheet or 0} 位，共 {extra.cards or 0} 张卡",
                             float(sheet_w), float(sheet_h), float(extra.bleed_mm or 0.0), extra.pages or 0,
                             extra.sheets or 0, "", "纸张尺寸；长边翻转双面印刷，按裁切标记裁切成卡；建议覆膜（塑封）", PRINT,
                             extra.sheets, extra.output_intent or ""))
    for item in blocked:
        if item.file:
            continue
        form = item.form
        name = FORMS[form].name if form in FORMS else ""
        rows.append(OrderRow(enterprise, "（未生成）", form, name, item.subject or "", 0.0, 0.0, 0.0, 0, 0, "",
                             f"未生成（数据有误：{_rules(item)}），原因见 manifest.json", NOT_MADE))
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
    totals = order_totals(rows)
    writer.writerow(("合计（印刷）", "", f"{totals.printed_files} 个文件", "", "", "", "", "", "", str(totals.quantity), "",
                     "", totals.area_text, "", "", ""))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


#: Column widths (relative) of the PDF table; file names and fonts are in the CSV and the footer.
_PDF_COLUMNS = (("附表", 6), ("名称 · 对象", 36), ("用途", 5), ("成品尺寸 mm", 12), ("出血", 5), ("页", 4),
                ("数量", 5), ("面积 m²", 8), ("总面积 m²", 9), ("材质与工艺", 48))
ROWS_PER_PAGE = 30

#: Type sizes of the table's body (mm): largest, and smallest before a name takes a second line.
_BODY_MAX, _BODY_MIN = 2.8, 2.2
#: Height of a one-line row, and what each further line of its tallest cell adds (mm).
_ROW_ONE, _ROW_STEP = 6.0, 3.4
#: Lines a row may take; past that the cell is a misfit the run reports, never a clipped name.
_ROW_MAX_LINES = 6


def _row_values(row: OrderRow) -> tuple[str, ...]:
    return (row.form, f"{row.name} · {row.subject}", row.use, f"{row.width:g}×{row.height:g}", f"{row.bleed:g}",
            str(row.pages), str(row.quantity), row.area_text(), row.total_text(), row.notes)


def _row_height(row: OrderRow, columns: Sequence[float], measure: FontMeasurer, padding: float) -> float:
    """As many lines as its longest cell needs (a 项目部's 22-character name, a 70-character 企业名称).

    A print shop works from this list: a row whose name was left blank is a board nobody
    can identify, so a long name takes more lines rather than shrinking out of sight.
    """
    lines = 1
    for value, width in zip(_row_values(row), columns, strict=True):
        if measure.width(value, _BODY_MIN, "body") <= width - 2 * padding:
            continue
        wrapped = wrap_para(Para(value), width - 2 * padding, _BODY_MIN, "body", measure)
        lines = max(lines, _ROW_MAX_LINES if wrapped is None else len(wrapped))
    return _ROW_ONE + _ROW_STEP * (min(lines, _ROW_MAX_LINES) - 1)


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
    totals = order_totals(rows)
    intents = "、".join(dict.fromkeys(r.intent for r in rows if r.intent)) or "FOGRA39"
    header = TextStyle("title", 2.8, 2.2, align="center")
    body = TextStyle("body", _BODY_MAX, _BODY_MIN, align="left")
    for number, (first, end) in enumerate(ranges, start=1):
        frame = Frame(measure)
        heading = (f"{title}（共 {totals.files} 个文件，印刷 {totals.printed_files} 个：{totals.quantity} 件/张，"
                   f"总面积 {totals.area_text} m²）")
        frame.text(heading, Box(margin, margin, width - 2 * margin, 10), TextStyle("title", 6.0, 3.0))
        cells = [Cell(0, col, label, header) for col, (label, _) in enumerate(_PDF_COLUMNS)]
        for index, row in enumerate(rows[first:end], start=1):
            cells.extend(Cell(index, col, value, body) for col, value in enumerate(_row_values(row)))
        row_heights = [_ROW_ONE, *heights[first:end]]
        grid(frame, Box(margin, margin + 14, usable, sum(row_heights)), columns, row_heights, cells,
             padding=padding, border=BLACK, border_width=0.15)
        used = "；".join(sorted({r.fonts for r in rows if r.fonts}))
        footer = (f"第 {number} / {len(ranges)} 页 · 输出意图：{intents} · 字体：{used} · 面积按成品尺寸（拼版按纸张）计，"
                  f"出血裁去不计；“参考”文件不印刷、不计入合计 · signkit 生成")
        frame.text(footer, Box(margin, height - margin - 5, usable, 5), TextStyle("body", 2.5, 2.0, color=GREY))
        pages.append(Page(width, height, tuple(frame.items), None))
        misfits += len(frame.misfits)
    return Board("印刷清单", title, "", tuple(pages)), misfits
