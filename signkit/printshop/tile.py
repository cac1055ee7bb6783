"""Tiles (拼贴): a full-size board split over office sheets, for offices that assemble small boards.

How the sheets go together, and why the marks are where they are:

* every sheet prints its part of the board at 1:1 inside a white ``margin`` (office
  printers cannot print to the edge); the parts of neighbouring sheets overlap by
  exactly ``overlap`` mm, so a sheet can be laid over its neighbour with no gap even if
  it is cut a little off;
* the cut-and-align line of an overlap is its centre line.  Small crosshairs (a circle
  and a cross, registration colour with a thin white halo so they show on dark panels)
  sit on that line inside the overlap, at the same board positions on both sheets: cut
  one sheet along the line and the half crosshairs on the two sheets meet.  Short ticks
  in the margin continue the line, so a ruler can join them for the cut;
* where a tile edge is the board's own edge, crop marks in the margin continue that
  edge, for trimming the assembled board;
* the margin carries "第 r 行 第 c 列（共 R × C 张）· 重叠 10 mm" and the board's name,
  placed between the marks; sheets come in rows from the top, left to right;
* the sheet is turned whichever way needs fewer sheets (on a tie, like the board).

Office-printer output: no PDF/X keys, but CMYK and embedded fonts like every signkit PDF.
"""

from __future__ import annotations

import io
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import CMYKColor

from signkit._version import __version__
from signkit.drawing.items import Board, Page
from signkit.drawing.text import FontMeasurer
from signkit.fonts import FontSet
from signkit.printshop.sheets import EPSILON, TILE_SHEETS, format_mm, is_landscape, label, oriented, sheet_size
from signkit.render.pdf import MM, REGISTRATION, draw_page, new_canvas

#: Label size (mm) and its distance below the printed area.
LABEL_SIZE = 2.5
LABEL_GAP = 1.5
#: Margin ticks: a gap after the printed area, then a tick (both mm).
TICK_GAP = 1.5
TICK_LENGTH = 5.0
#: Mark line widths in pt: the registration line and the white halo under it.
MARK_WIDTH_PT = 0.3
HALO_WIDTH_PT = 1.2
#: Crosshair size (mm), limited to the overlap so it stays inside the part both sheets print.
CROSS_ARM = 4.0
CROSS_RADIUS = 2.5


@dataclass(frozen=True)
class Tile:
    """One sheet of a tiled board: its place in the grid and the board area it prints.

    ``row``/``col`` are 1-based; ``x``, ``y``, ``w``, ``h`` are the board area in mm with
    the board's origin at its top-left corner (y down, as layout measures).  The area
    is printed at 1:1 with its top-left corner at (``margin``, ``margin``) on a sheet of
    ``sheet_w × sheet_h`` mm.
    """

    row: int
    col: int
    x: float
    y: float
    w: float
    h: float
    rows: int
    cols: int
    sheet_w: float
    sheet_h: float
    overlap: float
    margin: float

    @property
    def count(self) -> int:
        return self.rows * self.cols

    @property
    def number(self) -> int:
        """1-based page number: rows from the top, each left to right."""
        return (self.row - 1) * self.cols + self.col


def tile_spans(length: float, printable: float, overlap: float) -> list[tuple[float, float]]:
    """Split ``length`` into (start, size) spans of at most ``printable`` that overlap by ``overlap``.

    All spans but the last are full; the last ends exactly at ``length`` and is always
    longer than ``overlap``, so every pair of neighbours overlaps by exactly ``overlap``.
    """
    if length <= printable + EPSILON:
        return [(0.0, length)]
    step = printable - overlap
    count = math.ceil((length - overlap) / step - EPSILON)
    spans = [(i * step, printable) for i in range(count - 1)]
    last = (count - 1) * step
    spans.append((last, length - last))
    return spans


def _check(board_w: float, board_h: float, sheet_w: float, overlap: float, margin: float) -> None:
    if board_w <= 0 or board_h <= 0:
        raise ValueError(f"板面尺寸无效：{board_w} × {board_h} mm")
    if overlap < 0 or margin < 0:
        raise ValueError("重叠和页边距不能为负数")
    if sheet_w - 2 * margin - overlap < 10:
        raise ValueError(f"页边距 {format_mm(margin)} mm 和重叠 {format_mm(overlap)} mm 太大，纸上没有地方了")


def tile_grid(board_w: float, board_h: float, sheet: str = "A4", overlap: float = 10.0,
              margin: float = 10.0) -> list[Tile]:
    """The tiles of a ``board_w × board_h`` mm board on ``sheet``, rows from the top, left to right.

    The union of the tiles' areas is the board exactly; neighbours overlap by exactly
    ``overlap`` mm; the last row and column may be smaller.  The sheet is turned the
    way that needs fewer sheets; on a tie, the way the board is turned.
    """
    portrait = sheet_size(sheet, TILE_SHEETS)
    _check(board_w, board_h, min(portrait), overlap, margin)
    options = []
    for landscape in (is_landscape(board_w, board_h), not is_landscape(board_w, board_h)):
        sheet_w, sheet_h = oriented(portrait, landscape)
        columns = tile_spans(board_w, sheet_w - 2 * margin, overlap)
        rows = tile_spans(board_h, sheet_h - 2 * margin, overlap)
        options.append((len(columns) * len(rows), sheet_w, sheet_h, columns, rows))
    _count, sheet_w, sheet_h, columns, rows = min(options, key=lambda option: option[0])  # first wins a tie
    return [Tile(r + 1, c + 1, x, y, w, h, len(rows), len(columns), sheet_w, sheet_h, overlap, margin)
            for r, (y, h) in enumerate(rows) for c, (x, w) in enumerate(columns)]


@dataclass(frozen=True)
class TileMarks:
    """The marks of one tile in sheet millimetres (origin top-left), for drawing and for tests.

    ``trim``: segments continuing the board's own edges; ``cut``: segments continuing
    the overlaps' centre lines into the margin; ``crosses``: crosshair centres.
    """

    trim: tuple[tuple[float, float, float, float], ...]
    cut: tuple[tuple[float, float, float, float], ...]
    crosses: tuple[tuple[float, float], ...]


def _along(start: float, length: float, overlap: float) -> list[float]:
    """Crosshair positions along a band of ``length``: two when there is room, else one."""
    if length >= 4 * max(overlap, 10.0):
        return [start + length / 4, start + 3 * length / 4]
    return [start + length / 2]


def tile_marks(tile: Tile) -> TileMarks:
    """Where ``tile``'s trim ticks, cut ticks and crosshairs go on its sheet."""
    m, ov = tile.margin, tile.overlap
    left, top, right, bottom = m, m, m + tile.w, m + tile.h
    near, far = TICK_GAP, TICK_GAP + min(TICK_LENGTH, max(m - TICK_GAP - 1.0, 0.0))
    trim: list[tuple[float, float, float, float]] = []
    cut: list[tuple[float, float, float, float]] = []
    crosses: list[tuple[float, float]] = []

    def vertical(x: float, into: list[tuple[float, float, float, float]]) -> None:  # ticks above and below
        into += [(x, top - near, x, top - far), (x, bottom + near, x, bottom + far)]

    def horizontal(y: float, into: list[tuple[float, float, float, float]]) -> None:  # ticks left and right
        into += [(left - near, y, left - far, y), (right + near, y, right + far, y)]

    if far > near:
        if tile.col == 1:
            vertical(left, trim)
        if tile.col == tile.cols:
            vertical(right, trim)
        if tile.row == 1:
            horizontal(top, trim)
        if tile.row == tile.rows:
            horizontal(bottom, trim)
    for has, line in ((tile.col > 1, left + ov / 2), (tile.col < tile.cols, right - ov / 2)):
        if has:
            if far > near:
                vertical(line, cut)
            crosses += [(line, y) for y in _along(top, tile.h, ov)]
    for has, line in ((tile.row > 1, top + ov / 2), (tile.row < tile.rows, bottom - ov / 2)):
        if has:
            if far > near:
                horizontal(line, cut)
            crosses += [(x, line) for x in _along(left, tile.w, ov)]
    return TileMarks(tuple(trim), tuple(cut), tuple(crosses))


def tile_label(tile: Tile, board: Board | None = None) -> str:
    """The sheet's label: its place in the grid, the overlap, and which board it belongs to."""
    text = f"第 {tile.row} 行 第 {tile.col} 列（共 {tile.rows} × {tile.cols} 张）· 重叠 {format_mm(tile.overlap)} mm"
    if board is not None:
        which = f"{board.title}（{board.subject}）" if board.subject else board.title
        text += f" · 附表 {board.form_id} {which}"
    return text


def label_slot(tile: Tile, marks: TileMarks) -> tuple[float, float]:
    """The widest stretch of the bottom margin free of ticks, as (left, right) in sheet mm."""
    stops = sorted({tile.margin, tile.sheet_w - tile.margin,
                    *(x1 for x1, y1, x2, y2 in (*marks.trim, *marks.cut) if x1 == x2)})
    pairs = list(itertools.pairwise(stops))
    return max(pairs, key=lambda pair: pair[1] - pair[0])


def tile_pdf(board: Board, fonts: FontSet, sheet: str = "A4", overlap: float = 10.0, margin: float = 10.0) -> bytes:
    """The board at 1:1 on ``sheet``-sized pages (A4 or A3), one per tile, with marks and labels.

    A board with several pages (a card) is tiled page after page.  CMYK, fonts embedded,
    deterministic; no PDF/X keys (office-printer output).
    """


    measure = FontMeasurer(fonts)
    buffer = io.BytesIO()
    first = tile_grid(board.pages[0].width, board.pages[0].height, sheet, overlap, margin)[0]
    canvas = new_canvas(buffer, fonts, first.sheet_w, first.sheet_h)
    canvas.setTitle(f"拼贴：{board.title}（{board.subject}）" if board.subject else f"拼贴：{board.title}")
    canvas.setSubject(board.form_id)
    canvas.setCreator(f"signkit {__version__}")
    canvas.setAuthor("signkit")
    canvas.setKeywords(", ".join(["拼贴", f"附表 {board.form_id}", *board.keywords]))
    white = CMYKColor(0, 0, 0, 0)

    def segments(lines: Sequence[tuple[float, float, float, float]], sheet_h: float) -> None:
        for x1, y1, x2, y2 in lines:
            canvas.line(x1 * MM, (sheet_h - y1) * MM, x2 * MM, (sheet_h - y2) * MM)

    for page in board.pages:
        for tile in tile_grid(page.width, page.height, sheet, overlap, margin):
            sw, sh = tile.sheet_w, tile.sheet_h
            canvas.setPageSize((sw * MM, sh * MM))
            canvas.saveState()
            clip = canvas.beginPath()
            clip.rect(margin * MM, (sh - margin - tile.h) * MM, tile.w * MM, tile.h * MM)
            canvas.clipPath(clip, stroke=0, fill=0)
            canvas.translate((margin - tile.x) * MM, (sh - margin - page.height + tile.y) * MM)
            draw_page(canvas, page, fonts)
            canvas.restoreState()

            marks = tile_marks(tile)
            arm = min(CROSS_ARM, overlap / 2) if overlap > 0 else CROSS_ARM
            radius = min(CROSS_RADIUS, arm * 0.6)
            canvas.saveState()
            for colour, width in ((white, HALO_WIDTH_PT), (REGISTRATION, MARK_WIDTH_PT)):
                canvas.setStrokeColor(colour)
                canvas.setLineWidth(width)
                for cx, cy in marks.crosses:
                    segments([(cx - arm, cy, cx + arm, cy), (cx, cy - arm, cx, cy + arm)], sh)
                    canvas.circle(cx * MM, (sh - cy) * MM, radius * MM, stroke=1, fill=0)
            canvas.setStrokeColor(REGISTRATION)
            canvas.setLineWidth(MARK_WIDTH_PT)
            segments(marks.trim, sh)
            canvas.setDash([2, 1.5])
            segments(marks.cut, sh)
            canvas.restoreState()

            left, right = label_slot(tile, marks)
            baseline = sh - margin + LABEL_GAP + LABEL_SIZE * 0.88
            text = label(tile_label(tile, board) + (f" · {page.label}" if page.label else ""), (left + right) / 2,
                         baseline, LABEL_SIZE, measure, align="center", max_width=right - left - 4)
            draw_page(canvas, Page(sw, sh, (text,)), fonts)
            canvas.showPage()
    canvas.save()
    return buffer.getvalue()
