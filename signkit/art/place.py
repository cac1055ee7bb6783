"""Laying out several safety signs in a box, and the catalogue sheet of the whole library.

A board's sign cell (the 警示标识 cell of 附表 2-4) holds N signs in rows and columns: the
grid is the one that gives the largest sign width at which all N fit (ties go to the
grid with fewer empty places, then fewer rows), the block is centred in the box and a
short last row is centred under the others.  Every sign on a board has the same width,
so no sign looks more important than another.

A sign narrower than the board's legible minimum is never drawn: too many signs for the
cell is reported instead, naming the 警示标识 field, so nothing is shrunk out of sight.
The minimum comes from the viewing distance (:func:`min_sign_width`): GB 2894's rule of
thumb makes a sign's outer dimension at least 1/40 of the distance it is read from —
50 mm at the 2 m a 2-4 board is read from.  signkit's circles and squares fill 0.96 of
the sign's width (the triangle all of it), so the sign width must be 50 / 0.96 = 52.1 mm,
rounded up to 52.5 mm.  (The stricter area rule of GB/T 2893.1, A ≥ L²/2500, would ask
61 mm of a triangle at 2 m and leave room for only three signs in the cell of a
1200 × 800 mm board, where the 附表's samples show five or six: the 1/40 rule keeps
six, at 54 mm.)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from signkit.art.accidents import accidents_for
from signkit.art.catalog import load_library
from signkit.art.frames import caption_lines, caption_width, draw_sign, total_height
from signkit.art.registry import CATEGORIES, SignSpec
from signkit.art.sign_files.bitmap import raster_item
from signkit.art.sign_files.fitting import vector_items
from signkit.art.sign_files.loader import load_art
from signkit.art.sign_files.results import FileProblem, RasterArt
from signkit.art.sign_files.sources import FileSign, LibrarySign, Resolved, UnknownSign
from signkit.diagnostics import KeyPath
from signkit.drawing.box import Box
from signkit.drawing.colors import BLACK, GREY
from signkit.drawing.frame import Frame, Misfit, TextStyle
from signkit.drawing.items import Board, Page
from signkit.drawing.text import Measurer, Overflow

#: Space between signs across and down, as a share of the sign width.
GAP_ACROSS = 0.10
GAP_DOWN = 0.08
#: The text panel's type may shrink to this share of the sign width for a long name (on two lines).
PANEL_TEXT_MIN = 0.08
#: GB 2894's rule of thumb: outer dimension ≥ viewing distance / 40.
DISTANCE_FACTOR = 40.0
#: signkit's circles and squares fill this share of the sign's width.
SHAPE_SHARE = 0.96


def min_sign_width(distance_m: float) -> float:
    """The narrowest legible sign (mm) for a board read from ``distance_m`` metres, in 0.5 mm steps."""
    return math.ceil(distance_m * 1000 / DISTANCE_FACTOR / SHAPE_SHARE * 2) / 2


@dataclass(frozen=True)
class SignNeed:
    """How wide every sign of a board must be, and how many lines its tallest text panel takes."""

    width: float
    lines: int = 1


def sign_need(signs: Sequence[Resolved], measure: Measurer, *, min_text: float, floor: float) -> SignNeed:
    """What the board's signs need: GB 2894's ``floor``, or the width the longest name needs at ``min_text``.

    Both the layout and the content rules (SK707) ask this, so they agree on how many signs
    fit.  A file of the office's own has no panel signkit draws: it only needs the floor.
    """
    library = [entry.spec for entry in signs if isinstance(entry, LibrarySign)]
    width = max([floor, *(caption_width(spec, measure, min_text) for spec in library)])
    return SignNeed(width, max([1, *(caption_lines(spec.name, measure) for spec in library)]))


@dataclass(frozen=True)
class Placement:
    """Where N signs go: their common width, the grid, and each sign's box (width × sign-and-panel height)."""

    width: float
    rows: int
    columns: int
    boxes: tuple[Box, ...]


def _width_for(rows: int, columns: int, area: Box, lines: int = 1) -> float:
    across = area.w / (columns + (columns - 1) * GAP_ACROSS)
    down = area.h / (rows * total_height(1.0, lines) + (rows - 1) * GAP_DOWN)
    return min(across, down)


def _best_grid(count: int, area: Box, lines: int = 1) -> tuple[int, int, float]:
    """(rows, columns, sign width) of the grid giving the widest signs; ties: fewer empty places, fewer rows."""
    grids = []
    for columns in range(1, count + 1):
        rows = math.ceil(count / columns)
        grids.append((-round(_width_for(rows, columns, area, lines), 6), rows * columns - count, rows, columns))
    width, _empty, rows, columns = min(grids)
    return rows, columns, -width


def arrange(count: int, area: Box, *, min_width: float, max_width: float | None = None,
            lines: int = 1) -> Placement | None:
    """The placement of ``count`` signs in ``area``, or ``None`` when they would be narrower than ``min_width``.

    ``lines`` is the most lines any of the signs' text panels takes: every box is that tall.
    """
    if count <= 0:
        return Placement(0.0, 0, 0, ())
    rows, columns, width = _best_grid(count, area, lines)
    if max_width is not None:
        width = min(width, max_width)
    if width < min_width - 1e-9:
        return None
    height = total_height(width, lines)
    block_h = rows * height + (rows - 1) * GAP_DOWN * width
    top = area.y + (area.h - block_h) / 2
    boxes: list[Box] = []
    for row in range(rows):
        in_row = min(columns, count - row * columns)
        row_w = in_row * width + (in_row - 1) * GAP_ACROSS * width
        left = area.x + (area.w - row_w) / 2
        y = top + row * (height + GAP_DOWN * width)
        boxes.extend(Box(left + i * width * (1 + GAP_ACROSS), y, width, height) for i in range(in_row))
    return Placement(width, rows, columns, tuple(boxes))


def capacity(area: Box, min_width: float, lines: int = 1) -> int:
    """How many signs (text panels of up to ``lines`` lines) fit in ``area`` at ``min_width`` or wider."""
    columns = max(0, math.floor((area.w + GAP_ACROSS * min_width) / (min_width * (1 + GAP_ACROSS)) + 1e-9))
    rows = max(0, math.floor((area.h + GAP_DOWN * min_width) / (total_height(min_width, lines) + GAP_DOWN * min_width)
                             + 1e-9))
    return rows * columns


def needed_height(count: int, area: Box, min_width: float, lines: int = 1) -> float:
    """The height ``count`` signs of ``min_width`` need in a box as wide as ``area``."""
    columns = max(1, math.floor((area.w + GAP_ACROSS * min_width) / (min_width * (1 + GAP_ACROSS)) + 1e-9))
    rows = math.ceil(count / columns)
    return rows * total_height(min_width, lines) + (rows - 1) * GAP_DOWN * min_width


def sign_box(area: Box, count: int, min_width: float, lines: int = 1) -> Box | None:
    """The box one of ``count`` signs gets in ``area`` (for resolution checks), ``None`` if they do not fit."""
    placement = arrange(count, area, min_width=min_width, lines=lines)
    return placement.boxes[0] if placement and placement.boxes else None


def _problem(frame: Frame, path: KeyPath, entry: str, box: Box, min_width: float) -> None:
    """A sign that cannot be drawn (the check reports why before any layout): nothing is drawn, the board fails."""
    frame.misfits.append(Misfit(path, "警示标识", Overflow(min_width, box.h, box.h, entry), box))


def draw_signs(frame: Frame, signs: Sequence[tuple[Resolved, KeyPath]], area: Box, *, min_width: float,
               field: KeyPath, lines: int = 1) -> tuple[Placement | None, tuple[str, ...]]:
    """Draw ``signs`` (each with the key path of its 警示标识 entry) in ``area``.

    Returns the placement (``None`` when they do not fit at ``min_width``: a misfit
    naming ``field`` is recorded and nothing drawn) and, for the board's content hash,
    the digest of every user file drawn.
    """
    placement = arrange(len(signs), area, min_width=min_width, lines=lines)
    if placement is None:
        needed = needed_height(len(signs), area, min_width, lines)
        frame.misfits.append(Misfit(field, "警示标识", Overflow(min_width, needed, area.h), area))
        return None, ()
    digests: list[str] = []
    for (resolved, path), box in zip(signs, placement.boxes, strict=True):
        if isinstance(resolved, LibrarySign):
            draw_library_sign(frame, resolved.spec, box, path)
        elif isinstance(resolved, FileSign):
            art = load_art(resolved.path)
            if isinstance(art, FileProblem):
                _problem(frame, path, resolved.entry, box, min_width)
                continue
            if isinstance(art, RasterArt):
                frame.add(raster_item(art, box))
            else:
                frame.add(*vector_items(art, box))
            digests.append(f"{resolved.name or resolved.entry}:{art.digest}")
        else:
            assert isinstance(resolved, UnknownSign)
            _problem(frame, path, resolved.entry, box, min_width)
    return placement, tuple(digests)


def draw_library_sign(frame: Frame, spec: SignSpec, box: Box, path: KeyPath = ()) -> None:
    """A library sign in ``box``; a name too long for its text panel is a misfit at ``path``."""
    own = Frame(frame.measure)
    draw_sign(own, spec, box, min_text=box.w * PANEL_TEXT_MIN)
    frame.add(*own.items)
    frame.texts.extend(own.texts)  # the sign's text panel is part of what the board says
    frame.misfits.extend(replace(m, path=path, label="警示标识") for m in own.misfits)


# --- the catalogue sheet -----------------------------------------------------------

SHEET = (210.0, 297.0)  # A4, portrait: printed in any office
SHEET_MARGIN = 15.0
SHEET_COLUMNS = 5
SHEET_SIGN = 28.0
SHEET_CAPTION = 7.0
SHEET_HEADING = 10.0
#: What the library's pictures are, and how an office that holds the official artwork puts it in their place:
#: printed on the catalogue sheet and after ``signkit signs``, so nobody mistakes them for the standard's own.
ARTWORK_NOTE = ("这些标志图形是 signkit 自己绘制的，不是 GB 2894—2025 的官方图形。持有官方图形的单位，"
                "可把任一标志按名称换成自己的矢量文件：存为「标志名称.svg」或「标志名称.pdf」，放进标志文件夹"
                "（站点文件的 输出.标志文件夹，或 signkit.toml 的 [signs] folder）。")


def catalogue(measure: Measurer, library: dict[str, SignSpec] | None = None) -> tuple[Board, Frame]:
    """An A4 sheet (as many pages as needed) of every library sign with its name and category.

    Signs are grouped by category in GB 2894's order (禁止, 警告, 指令, 提示), in the
    library's order within each; under each sign a caption gives the category and the
    accident types (GB 6441) it is suggested for, so the office can choose.
    """

    library = load_library() if library is None else library
    width, height = SHEET
    inner = width - 2 * SHEET_MARGIN
    cell_w = inner / SHEET_COLUMNS

    def cell_h(lines: int = 1) -> float:
        """A row's height: its signs' panels are as tall as its longest name needs (one line or two)."""
        return total_height(SHEET_SIGN, lines) + SHEET_CAPTION + 4
    pages: list[Page] = []
    frame = Frame(measure)
    page_items_start = 0
    y = SHEET_MARGIN

    def title() -> float:
        frame.text("安全标志目录", Box(SHEET_MARGIN, SHEET_MARGIN, inner, 12), TextStyle("title", 8, 4, align="center"))
        note = (f"signkit 内置 {len(library)} 个标志（GB 2894 四类）。{ARTWORK_NOTE}"
                "站点文件「警示标识」中按图中名称填写；标注的事故类型供「自动」选用参考。")
        frame.text(note, Box(SHEET_MARGIN, SHEET_MARGIN + 12, inner, 14), TextStyle("body", 3.2, 2, align="center"))
        return SHEET_MARGIN + 28

    def new_page() -> None:
        nonlocal page_items_start, y
        pages.append(Page(width, height, tuple(frame.items[page_items_start:]), None, f"第 {len(pages) + 1} 页"))
        page_items_start = len(frame.items)
        y = SHEET_MARGIN

    y = title()
    for category in CATEGORIES:
        specs = [spec for spec in library.values() if spec.category == category]
        if not specs:
            continue
        if y + SHEET_HEADING + cell_h() > height - SHEET_MARGIN:
            new_page()
        frame.text(f"{category}标志（{len(specs)}）", Box(SHEET_MARGIN, y, inner, SHEET_HEADING - 2),
                   TextStyle("title", 5, 3, align="left", valign="middle"))
        frame.hline(SHEET_MARGIN, width - SHEET_MARGIN, y + SHEET_HEADING - 1, GREY, 0.3)
        y += SHEET_HEADING
        for start in range(0, len(specs), SHEET_COLUMNS):
            row = specs[start:start + SHEET_COLUMNS]
            lines = max(caption_lines(spec.name, measure) for spec in row)
            if y + cell_h(lines) > height - SHEET_MARGIN:
                new_page()
            for column, spec in enumerate(row):
                x = SHEET_MARGIN + column * cell_w
                box = Box(x + (cell_w - SHEET_SIGN) / 2, y + 1, SHEET_SIGN, total_height(SHEET_SIGN, lines))
                draw_library_sign(frame, spec, box, ("标志", spec.name))
                accidents = accidents_for(spec.name)
                caption = f"{spec.standard} {spec.number}".strip() + (f" · {'、'.join(accidents)}" if accidents else "")
                if spec.aliases:  # the first two other wordings; docs/signs.md lists them all
                    more = " 等" if len(spec.aliases) > 2 else ""
                    caption += f"（又名 {'、'.join(spec.aliases[:2])}{more}）"
                frame.text(caption, Box(x + 1, box.bottom + 1, cell_w - 2, SHEET_CAPTION),
                           TextStyle("body", 2.6, 1.6, align="center", valign="top", color=BLACK))
            y += cell_h(lines)
    pages.append(Page(width, height, tuple(frame.items[page_items_start:]), None, f"第 {len(pages) + 1} 页"))
    board = Board("标志目录", "安全标志目录", "signkit", tuple(pages), keywords=("GB 2894",))
    return board, frame
