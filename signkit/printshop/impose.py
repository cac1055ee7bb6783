"""Imposition (拼版) of the 2-5 pocket cards: many cards to a press sheet, printed both sides.

Every post gets as many cards as it has people (人数), so a site needs a few dozen cards
of several designs; a print shop prints them step-and-repeat on A4, A3 or SRA3 and cuts
them on a guillotine.  What the sheets look like, and why:

* **Fronts on odd pages, backs on even pages**, page 2k being the back of page 2k-1,
  to be printed **long-edge duplex** (the default; short-edge is offered too).  The back
  of a card must be exactly behind its front, so the back page is the front page
  reflected across the axis the sheet turns over on.  For a portrait sheet turned on its
  long edge (the usual case), that axis is vertical: the card in front column c sits
  in column ``cols-1-c`` of the back, same row, upright.  For a landscape sheet the
  long edge is horizontal: the card in front row r sits in row ``rows-1-r`` of the
  back, same column, and the back is turned 180°, because a portrait pocket card is
  turned over left to right like a book page, not top over bottom.  The grid is
  centred on the sheet, so reflected slots are slots.  Front-to-back registration of
  real printers is ±1 mm or so; the bleed absorbs it.
* **Cards upright**, all the same way round; the sheet is turned (portrait or landscape)
  whichever way fits more cards (a tie keeps portrait).  A6 cards with the default
  10 mm edge margin: 2 on A4, 4 on A3, 4 on SRA3 (6 on SRA3 needed marks 1 mm from the
  paper edge, which no press prints).
* **The edge margin** (``margin``, the press's gripper and unprintable edge, default
  :data:`signkit.render.settings.DEFAULT_GRIPPER`): no crop mark and no label comes
  nearer than this to any paper edge, so nothing the guillotine operator needs is lost
  in the gripper or cut off by a digital press.
* **Bleed and gutters.**  Each card is drawn with ``bleed`` mm of background past its
  trim and clipped there, so nothing runs onto a neighbour.  The default gutter between
  trims is exactly ``2 × bleed``: the two bleeds meet and every card is cut on its own
  four lines (the usual double cut for bled cards).  A wider gutter (``gap``) leaves
  white between the bleeds.
* **Crop marks** in registration colour continue every cut line into the sheet's margin
  (at both ends of each line, outside the bleed), which is what a guillotine operator
  cuts to: after the first cuts the inner marks would be gone anyway.  Per-card corner
  marks inside the gutters are added when the gutter leaves at least
  :data:`MIN_GUTTER_WHITE` mm of white between the bleeds; the brief suggested a
  ``2 × bleed + 2 mm`` gutter with per-card marks, but 2 mm of white holds no
  readable mark, and the wider gutter costs SRA3 its sixth A6 card.
* **Quantities.**  Cards fill the slots row by row, sheet after sheet, each design
  repeated its quantity; slots left on the last sheet stay empty on both sides.
* A label in the top margin names the job, the sheet number, the side and the duplex
  mode, for the operator, at :data:`SLUG_SIZE` (7 pt, no smaller): it is set over the
  columns (where no crop mark runs), on as many lines as it needs, and when the margin
  holds fewer lines its least important parts are left off, never shrunk.

The output goes to a press, so it carries the PDF/X-1a keys
(:func:`signkit.render.pdfx.add_pdfx_keys`); MediaBox, TrimBox and BleedBox are all the
sheet, as usual for an imposed flat.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from signkit._version import __version__
from signkit.drawing.items import Board, Page, Text
from signkit.drawing.text import FontMeasurer, Measurer
from signkit.errors import SignkitError
from signkit.fonts import FontSet
from signkit.printshop.sheets import EPSILON, IMPOSE_SHEETS, format_mm, label, oriented, sheet_size
from signkit.render.pdf import MM, REGISTRATION, draw_page, new_canvas
from signkit.render.pdfx import FOGRA39, OutputCondition, add_pdfx_keys
from signkit.render.settings import DEFAULT_GRIPPER

Duplex = Literal["long-edge", "short-edge"]

#: From a card's bleed edge to its crop mark, and the mark's usual and least lengths (mm).
MARK_GAP = 2.0
MARK_LENGTH = 6.0
MIN_MARK = 3.0
#: White needed between two cards' bleeds before per-card marks go into the gutter (mm).
MIN_GUTTER_WHITE = 7.0
#: Gap between a gutter mark and the bleed, and the gutter's centre (mm).
GUTTER_MARK_GAP = 1.0
MARK_WIDTH_PT = 0.25
#: The label's type size (mm): 7 pt, legible at arm's length by a press operator (6 pt is the least accepted).
SLUG_SIZE = 2.5
#: Line pitch of the label, as a multiple of its size, and the room above and below its baseline (fractions of
#: the size: a whole em above, so no glyph of any face reaches into the edge margin).
SLUG_LEADING = 1.35
SLUG_ASCENT, SLUG_DESCENT = 1.0, 0.25
#: Room kept between the label and a column's cut lines, and between it and the bleed (mm).
SLUG_INSET = 2.0


def edge_needed(bleed: float, margin: float = DEFAULT_GRIPPER) -> float:
    """The least distance from an outer card's trim to the sheet edge: bleed, gap, a short mark, the edge margin."""
    return bleed + MARK_GAP + MIN_MARK + margin


def fit_count(length: float, card: float, gap: float, edge: float) -> int:
    """How many cards of ``card`` mm, ``gap`` apart, fit in ``length`` keeping ``edge`` at both ends."""
    room = length - 2 * edge
    if room + EPSILON < card:
        return 0
    return math.floor((room + gap) / (card + gap) + EPSILON)


class ImpositionError(SignkitError, ValueError):
    """The cards do not fit the chosen sheet with their bleed, marks and the press's edge margin.

    Data, not a bug: a wide ``--gripper`` or a large card size makes it, so the pipeline
    reports it for the enterprise (SK505) and the boards are still made.
    """


@dataclass(frozen=True)
class Slot:
    """A card position on the front of a sheet: 0-based ``index`` (row-major), ``row``, ``col``,
    and the trim's top-left corner ``x``, ``y`` in mm from the sheet's top-left corner."""

    index: int
    row: int
    col: int
    x: float
    y: float


@dataclass(frozen=True)
class Placement:
    """One printed card: on 0-based ``sheet`` (pages ``2·sheet+1`` front, ``2·sheet+2`` back),
    in front ``slot``, design ``card`` (index into the quantities), its ``copy`` (1-based)."""

    sheet: int
    slot: int
    card: int
    copy: int


@dataclass(frozen=True)
class ImpositionPlan:
    """Where every card goes, in mm with the origin at the sheet's top-left corner."""

    sheet_w: float
    sheet_h: float
    card_w: float
    card_h: float
    bleed: float
    gap: float
    cols: int
    rows: int
    duplex: Duplex
    slots: tuple[Slot, ...]
    placements: tuple[Placement, ...]
    sheets: int
    #: Marks and labels keep this far from every paper edge (mm).
    margin: float = DEFAULT_GRIPPER

    @property
    def per_sheet(self) -> int:
        return self.cols * self.rows

    @property
    def landscape(self) -> bool:
        return self.sheet_w > self.sheet_h

    @property
    def mirrors_columns(self) -> bool:
        """Whether the sheet turns over on a vertical axis (portrait + long edge, landscape + short edge)."""
        return self.landscape == (self.duplex == "short-edge")

    @property
    def back_rotation(self) -> int:
        """Degrees a card's back is turned on the back page: 180 when the sheet turns top over bottom."""
        return 0 if self.mirrors_columns else 180

    def back_slot(self, slot: Slot | int) -> Slot:
        """The slot on the back page behind front ``slot``: its mirror across the turning axis."""
        front = self.slots[slot] if isinstance(slot, int) else slot
        row, col = (front.row, self.cols - 1 - front.col) if self.mirrors_columns else (self.rows - 1 - front.row, front.col)
        return self.slots[row * self.cols + col]

    def on_sheet(self, sheet: int) -> list[Placement]:
        return [p for p in self.placements if p.sheet == sheet]

    def count(self, card: int) -> int:
        """How many copies of design ``card`` the plan prints."""
        return sum(1 for p in self.placements if p.card == card)

    @property
    def edge_x(self) -> float:
        """Sheet edge to the first column's trim (the grid is centred)."""
        return self.slots[0].x

    @property
    def edge_y(self) -> float:
        return self.slots[0].y

    def column_x(self, col: int) -> float:
        return self.edge_x + col * (self.card_w + self.gap)

    def row_y(self, row: int) -> float:
        return self.edge_y + row * (self.card_h + self.gap)


def _grid(sheet_w: float, sheet_h: float, card_w: float, card_h: float, gap: float, edge: float) -> tuple[int, int]:
    return fit_count(sheet_w, card_w, gap, edge), fit_count(sheet_h, card_h, gap, edge)


def imposition_plan(card_w: float, card_h: float, sheet: str = "A4", bleed: float = 3.0, gap: float | None = None,
                    quantities: Sequence[int] = (1,), duplex: Duplex = "long-edge",
                    margin: float = DEFAULT_GRIPPER) -> ImpositionPlan:
    """The imposition of cards of ``card_w × card_h`` mm, ``quantities[i]`` copies of design ``i``.

    ``gap`` is trim to trim between neighbours, default ``2 × bleed``; it may not be less,
    or one card's bleed would print on its neighbour.  The sheet is turned the way that
    holds more cards (portrait on a tie); the grid is centred.  ``margin`` is kept clear of
    marks and labels along every paper edge.
    """
    if card_w <= 0 or card_h <= 0:
        raise ValueError(f"卡片尺寸无效：{card_w} × {card_h} mm")
    if bleed < 0:
        raise ValueError("出血不能为负数")
    gap = 2 * bleed if gap is None else gap
    if gap + EPSILON < 2 * bleed:
        raise ValueError(f"卡片间距 {format_mm(gap)} mm 小于两边出血之和 {format_mm(2 * bleed)} mm")
    if any(q < 0 for q in quantities):
        raise ValueError("数量不能为负数")
    if margin < 0:
        raise ValueError("纸边留白不能为负数")
    portrait = sheet_size(sheet, IMPOSE_SHEETS)
    edge = edge_needed(bleed, margin)
    best: tuple[int, float, float, int, int] | None = None
    for landscape in (False, True):
        sheet_w, sheet_h = oriented(portrait, landscape)
        cols, rows = _grid(sheet_w, sheet_h, card_w, card_h, gap, edge)
        if best is None or cols * rows > best[0]:
            best = (cols * rows, sheet_w, sheet_h, cols, rows)
    assert best is not None
    per_sheet, sheet_w, sheet_h, cols, rows = best
    if per_sheet == 0:
        raise ImpositionError(f"{format_mm(card_w)} × {format_mm(card_h)} mm 的卡片加出血、裁切线和 {format_mm(margin)} mm "
                         f"纸边留白放不进 {sheet.upper()}")
    x0 = (sheet_w - (cols * card_w + (cols - 1) * gap)) / 2
    y0 = (sheet_h - (rows * card_h + (rows - 1) * gap)) / 2
    slots = tuple(Slot(r * cols + c, r, c, x0 + c * (card_w + gap), y0 + r * (card_h + gap))
                  for r in range(rows) for c in range(cols))
    placements: list[Placement] = []
    for card, quantity in enumerate(quantities):
        for copy in range(1, quantity + 1):
            n = len(placements)
            placements.append(Placement(n // per_sheet, n % per_sheet, card, copy))
    sheets = math.ceil(len(placements) / per_sheet)
    return ImpositionPlan(sheet_w, sheet_h, card_w, card_h, bleed, gap, cols, rows, duplex, slots,
                          tuple(placements), sheets, margin)


Segment = tuple[float, float, float, float]


def crop_mark_segments(plan: ImpositionPlan) -> list[Segment]:
    """Every crop mark of a sheet (the same on both sides), as (x1, y1, x2, y2) in sheet mm, top-left origin.

    Each cut line (every card's four trim edges) gets a mark at both ends in the sheet's
    margin, outside the bleed; inside the gutters, per-card corner marks are added when
    the gutter is wide enough (:data:`MIN_GUTTER_WHITE`).
    """
    b, g = plan.bleed, plan.gap
    near = b + MARK_GAP
    far_x = min(near + MARK_LENGTH, plan.edge_x - plan.margin)
    far_y = min(near + MARK_LENGTH, plan.edge_y - plan.margin)
    left, top = plan.edge_x, plan.edge_y
    right = plan.column_x(plan.cols - 1) + plan.card_w
    bottom = plan.row_y(plan.rows - 1) + plan.card_h
    out: list[Segment] = []
    xs = [x for c in range(plan.cols) for x in (plan.column_x(c), plan.column_x(c) + plan.card_w)]
    ys = [y for r in range(plan.rows) for y in (plan.row_y(r), plan.row_y(r) + plan.card_h)]
    for x in xs:  # vertical cut lines: marks above the top row and below the bottom row
        out += [(x, top - near, x, top - far_y), (x, bottom + near, x, bottom + far_y)]
    for y in ys:  # horizontal cut lines: marks left of the first column and right of the last
        out += [(left - near, y, left - far_x, y), (right + near, y, right + far_x, y)]
    white = g - 2 * b
    if white + EPSILON >= MIN_GUTTER_WHITE:
        inner_near, inner_far = b + GUTTER_MARK_GAP, g / 2 - 0.5
        inner_far = min(inner_far, inner_near + MARK_LENGTH)
        for slot in plan.slots:
            x1, y1, x2, y2 = slot.x, slot.y, slot.x + plan.card_w, slot.y + plan.card_h
            for cx, cy in ((x1, y1), (x2, y1), (x1, y2), (x2, y2)):
                sx = -1 if cx == x1 else 1
                sy = -1 if cy == y1 else 1
                inward_x = (slot.col > 0) if sx < 0 else (slot.col < plan.cols - 1)
                inward_y = (slot.row > 0) if sy < 0 else (slot.row < plan.rows - 1)
                if inward_x:  # horizontal mark into a column gutter
                    out.append((cx + sx * inner_near, cy, cx + sx * inner_far, cy))
                if inward_y:  # vertical mark into a row gutter
                    out.append((cx, cy + sy * inner_near, cx, cy + sy * inner_far))
    return out


def slug_parts(plan: ImpositionPlan, title: str, sheet_name: str, sheet: int, back: bool, total: int) -> list[str]:
    """The operator's label, part by part, most important first: job, sheet and side, duplex, cards, trim, bleed."""
    side = ("背面（卡片倒置）" if plan.back_rotation else "背面") if back else "正面"
    turn = "长边翻转" if plan.duplex == "long-edge" else "短边翻转"
    return [f"{title} 拼版", f"{sheet_name.upper()} 第 {sheet + 1}/{plan.sheets} 张 {side}", f"双面{turn}",
            f"每张 {plan.per_sheet} 位 · 共 {total} 张", f"成品 {format_mm(plan.card_w)} × {format_mm(plan.card_h)} mm",
            f"出血 {format_mm(plan.bleed)} mm"]


def slug(plan: ImpositionPlan, title: str, sheet_name: str, sheet: int, back: bool, total: int) -> str:
    """The operator's label as one line."""
    return " · ".join(slug_parts(plan, title, sheet_name, sheet, back, total))


def slug_lines(plan: ImpositionPlan, parts: Sequence[str], measure: Measurer) -> list[Text]:
    """The label over the columns in the top margin, at :data:`SLUG_SIZE`, within the edge margin and clear of marks.

    The band is from the edge margin down to the top cards' bleed; a line runs over one
    column (cut marks run only along the columns' edges).  Parts go line by line, column
    by column; parts that find no room are left off, last first — the job and the sheet
    always fit in the smallest margin :func:`edge_needed` allows.
    """
    size = SLUG_SIZE
    pitch = size * SLUG_LEADING
    top = plan.margin
    bottom = plan.edge_y - plan.bleed - MARK_GAP / 2
    per_column = max(int((bottom - top - (SLUG_ASCENT + SLUG_DESCENT) * size) // pitch) + 1, 0)
    if bottom - top < (SLUG_ASCENT + SLUG_DESCENT) * size:
        per_column = 0
    width = plan.card_w - 2 * SLUG_INSET
    lines: list[str] = []
    capacity = per_column * plan.cols
    for part in parts:
        if lines and measure.width(f"{lines[-1]} · {part}", size, "body") <= width:
            lines[-1] = f"{lines[-1]} · {part}"
        elif len(lines) < capacity and measure.width(part, size, "body") <= width:
            lines.append(part)
    out = []
    for index, line in enumerate(lines):
        column, row = divmod(index, per_column)
        left = plan.column_x(column) + SLUG_INSET
        baseline = top + SLUG_ASCENT * size + row * pitch
        out.append(label(line, left, baseline, size, measure, align="left"))
    return out


def _groups(cards: Sequence[tuple[Board, int]]) -> list[list[tuple[Board, int]]]:
    """Cards by trim size (first-seen order): each size is imposed on its own sheets."""
    groups: dict[tuple[float, float], list[tuple[Board, int]]] = {}
    for board, quantity in cards:
        width, height = board.size
        groups.setdefault((round(width, 2), round(height, 2)), []).append((board, quantity))
    return list(groups.values())


def imposition_plans(cards: Sequence[tuple[Board, int]], sheet: str = "A4", bleed: float = 3.0,
                     gap: float | None = None, duplex: Duplex = "long-edge",
                     margin: float = DEFAULT_GRIPPER) -> list[ImpositionPlan]:
    """The plan of each card size's sheets, in the order :func:`impose_cards` prints them (for the print order)."""
    return [imposition_plan(*group[0][0].size, sheet, bleed, gap, [q for _, q in group], duplex, margin)
            for group in _groups(cards)]


def impose_cards(cards: Sequence[tuple[Board, int]], fonts: FontSet, sheet: str = "A4", bleed: float = 3.0,
                 gap: float | None = None, duplex: Duplex = "long-edge", *, margin: float = DEFAULT_GRIPPER,
                 overprint: bool = True, intent: OutputCondition = FOGRA39) -> bytes:
    """Press-ready imposed sheets of ``cards`` (each design with its quantity): PDF/X keys, CMYK, fonts embedded.

    Page 2k-1 is the front of sheet k and page 2k its back (see the module notes for
    the duplex geometry).  Cards of different sizes (a card grown with ``--fit grow``)
    are imposed on sheets of their own, one size after another.  ``margin`` is the
    paper edge kept clear of marks and labels; ``overprint`` and ``intent`` are as for
    the single cards (:class:`signkit.render.pdf.PrintSpec`).
    """

    if sum(q for _, q in cards) <= 0:
        raise ValueError("没有要拼版的卡片")
    measure = FontMeasurer(fonts)
    buffer = io.BytesIO()
    first = sheet_size(sheet, IMPOSE_SHEETS)
    canvas = new_canvas(buffer, fonts, *first)
    title = cards[0][0].title
    total = sum(q for _, q in cards)
    canvas.setTitle(f"拼版：{title} × {total}")
    canvas.setSubject("、".join(dict.fromkeys(b.form_id for b, _ in cards)))
    canvas.setCreator(f"signkit {__version__}")
    canvas.setAuthor("signkit")
    canvas.setKeywords(", ".join(["拼版", *dict.fromkeys(k for b, _ in cards for k in b.keywords),
                                  *(f"{b.subject} × {q}" for b, q in cards)]))
    def draw_card(page: Page, x: float, y: float, sheet_h: float, rotate: int) -> None:
        bottom = sheet_h - y - page.height
        canvas.saveState()
        clip = canvas.beginPath()
        clip.rect((x - bleed) * MM, (bottom - bleed) * MM, (page.width + 2 * bleed) * MM, (page.height + 2 * bleed) * MM)
        canvas.clipPath(clip, stroke=0, fill=0)
        canvas.translate(x * MM, bottom * MM)
        if rotate:
            canvas.translate(page.width * MM, page.height * MM)
            canvas.rotate(rotate)
        draw_page(canvas, page, fonts, bleed=bleed, overprint=overprint)
        canvas.restoreState()

    for group, plan in zip(_groups(cards), imposition_plans(cards, sheet, bleed, gap, duplex, margin), strict=True):
        marks = crop_mark_segments(plan)
        for index in range(plan.sheets):
            for back in (False, True):
                sw, sh = plan.sheet_w, plan.sheet_h
                canvas.setPageSize((sw * MM, sh * MM))
                canvas.setTrimBox((0, 0, sw * MM, sh * MM))
                canvas.setBleedBox((0, 0, sw * MM, sh * MM))
                for placement in plan.on_sheet(index):
                    board = group[placement.card][0]
                    if back and len(board.pages) < 2:
                        continue  # a one-sided design leaves its back blank
                    slot = plan.back_slot(placement.slot) if back else plan.slots[placement.slot]
                    draw_card(board.pages[1 if back else 0], slot.x, slot.y, sh, plan.back_rotation if back else 0)
                canvas.saveState()
                canvas.setStrokeColor(REGISTRATION)
                canvas.setLineWidth(MARK_WIDTH_PT)
                for x1, y1, x2, y2 in marks:
                    canvas.line(x1 * MM, (sh - y1) * MM, x2 * MM, (sh - y2) * MM)
                canvas.restoreState()
                texts = slug_lines(plan, slug_parts(plan, title, sheet, index, back, total), measure)
                draw_page(canvas, Page(sw, sh, tuple(texts)), fonts, overprint=overprint)
                canvas.showPage()
    add_pdfx_keys(canvas, intent)
    canvas.save()
    return buffer.getvalue()
