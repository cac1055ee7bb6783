"""Proofs (样稿): each board scaled down onto one office sheet, for the enterprise to sign off.

A proof is what the person who signs the order reads: every word and telephone number
of the real board, at a scale they can state ("比例 1:5") and check with a ruler.  So:

* the scale is a "nice" 1:N from a fixed series (1, 2, 2.5, 4, 5, 8, then 10, 12.5,
  15, 20, 25, 30, 40, 50, 80 and on by tens): a ruler reading times N is the real size.
  The smallest N that fits wins, so the proof is as large as the sheet allows.  1:1 is
  in the series (the brief's series starts at 2) because a 2-5 pocket card fits an A4
  sheet at full size, and a card's legibility is only judged at full size;
* the sheet is turned like the board (landscape for landscape boards), with 15 mm
  margins that office printers can print inside, and a band below the board for the
  note "样稿 · 比例 1:N · 成品尺寸 W × H mm · 附表 X（subject）" and a sign-off line;
* a thin black frame marks the trim, since a white board would otherwise have no edge;
* the board is drawn by the same drawer as the print file (:func:`signkit.render.pdf.draw_page`),
  CMYK and embedded fonts included, so the proof cannot differ from what is printed.
  It is office-printer output: no PDF/X keys and no bleed.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reportlab.lib.colors import CMYKColor

from signkit._version import __version__
from signkit.drawing.colors import BLACK, GREY
from signkit.drawing.items import Board, Page, Text
from signkit.drawing.text import FontMeasurer, Measurer
from signkit.fonts import FontSet
from signkit.printshop.sheets import (
    EPSILON,
    PROOF_SHEETS,
    format_mm,
    format_scale,
    is_landscape,
    label,
    oriented,
    sheet_size,
)
from signkit.render.pdf import MM, draw_page, new_canvas

#: Sheet edge to board or note, in mm: inside every office printer's unprintable edge.
MARGIN = 15.0
#: Height reserved below the board for the two note lines, in mm.
NOTE_BAND = 18.0
#: Note type size and sign-off line size, in mm (about 10 pt and 8 pt).
NOTE_SIZE = 3.5
SIGN_SIZE = 2.8
#: Frame around the trim, in pt: thin enough not to hide the board's own edge.
FRAME_WIDTH_PT = 0.3

#: The first scales (below 1:10); from 1:10 on, these mantissas repeat by powers of ten.
_FIRST_SCALES: tuple[float, ...] = (1.0, 2.0, 2.5, 4.0, 5.0, 8.0)
_MANTISSAS: tuple[float, ...] = (1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 8.0)
#: No board needs a proof smaller than this; beyond it the input is nonsense.
_MAX_SCALE = 100_000.0

SIGN_OFF = "核对无误请签字：____________　日期：____________"


def nice_scales() -> Iterator[float]:
    """The scale series, smallest first: 1, 2, 2.5, 4, 5, 8, 10, 12.5, 15, 20, 25, 30, 40, 50, 80, 100, …"""
    yield from _FIRST_SCALES
    decade = 10.0
    while decade < _MAX_SCALE:
        for mantissa in _MANTISSAS:
            yield mantissa * decade
        decade *= 10.0


def _number(n: float) -> int | float:
    return int(n) if float(n).is_integer() else n


def proof_sheet(board_w: float, board_h: float, sheet: str) -> tuple[float, float]:
    """The sheet of a proof, turned like the board (landscape for landscape boards)."""
    return oriented(sheet_size(sheet, PROOF_SHEETS), is_landscape(board_w, board_h))


def proof_area(board_w: float, board_h: float, sheet: str) -> tuple[float, float]:
    """The space a scaled board may fill: the turned sheet less margins and the note band."""
    sheet_w, sheet_h = proof_sheet(board_w, board_h, sheet)
    return sheet_w - 2 * MARGIN, sheet_h - 2 * MARGIN - NOTE_BAND


def proof_scale(board_w: float, board_h: float, sheet: str = "A4") -> int | float:
    """N of the largest nice scale 1:N at which a ``board_w × board_h`` mm board fits the proof sheet."""
    if board_w <= 0 or board_h <= 0:
        raise ValueError(f"板面尺寸无效：{board_w} × {board_h} mm")
    area_w, area_h = proof_area(board_w, board_h, sheet)
    for n in nice_scales():
        if board_w / n <= area_w + EPSILON and board_h / n <= area_h + EPSILON:
            return _number(n)
    raise ValueError(f"板面 {format_mm(board_w)} × {format_mm(board_h)} mm 太大，无法做样稿")


@dataclass(frozen=True)
class ProofLayout:
    """Where a proof puts the scaled board: sheet size and the trim rectangle, mm, origin top-left."""

    sheet_w: float
    sheet_h: float
    scale: int | float
    x: float
    y: float
    w: float
    h: float

    @property
    def note_baseline(self) -> float:
        """Baseline of the note line, just below the frame."""
        return self.y + self.h + 6.0 + NOTE_SIZE * 0.88

    @property
    def sign_baseline(self) -> float:
        return self.note_baseline + 7.0


def proof_layout(board_w: float, board_h: float, sheet: str = "A4") -> ProofLayout:
    """The board at its proof scale, centred with its note band inside the margins."""
    sheet_w, sheet_h = proof_sheet(board_w, board_h, sheet)
    n = proof_scale(board_w, board_h, sheet)
    w, h = board_w / n, board_h / n
    x = (sheet_w - w) / 2
    y = MARGIN + (sheet_h - 2 * MARGIN - (h + NOTE_BAND)) / 2  # board and note centred together
    return ProofLayout(sheet_w, sheet_h, n, x, y, w, h)


def proof_note(board: Board, page: Page, n: float) -> str:
    """The note under a proof: what it is, the scale, the finished size and which board."""
    which = f"附表 {board.form_id}（{board.subject}）" if board.subject else f"附表 {board.form_id} {board.title}"
    parts = ["样稿", f"比例 {format_scale(n)}", f"成品尺寸 {format_mm(page.width)} × {format_mm(page.height)} mm", which]
    if page.label:
        parts.append(page.label)
    return " · ".join(parts)


def proof_texts(board: Board, page: Page, layout: ProofLayout, measure: Measurer) -> list[Text]:
    """The note and the sign-off line, centred under the board, never wider than the sheet's margins."""
    centre = layout.sheet_w / 2
    room = layout.sheet_w - 2 * MARGIN
    return [
        label(proof_note(board, page, layout.scale), centre, layout.note_baseline, NOTE_SIZE, measure,
              align="center", max_width=room, color=BLACK),
        label(SIGN_OFF, centre, layout.sign_baseline, SIGN_SIZE, measure, align="center", max_width=room, color=GREY),
    ]


def proofs_pdf(boards: Sequence[Board], fonts: FontSet, sheet: str = "A4") -> bytes:
    """One proof PDF for several boards (one sheet per board page), e.g. a whole site for one signature."""


    if not boards:
        raise ValueError("没有要做样稿的牌")
    sheet_size(sheet, PROOF_SHEETS)  # refuse a wrong sheet before drawing anything
    measure = FontMeasurer(fonts)
    buffer = io.BytesIO()
    first = proof_layout(*boards[0].size, sheet)
    canvas = new_canvas(buffer, fonts, first.sheet_w, first.sheet_h)
    titles = "、".join(f"{b.title}（{b.subject}）" if b.subject else b.title for b in boards)
    canvas.setTitle(f"样稿：{titles}")
    canvas.setSubject("、".join(dict.fromkeys(b.form_id for b in boards)))
    canvas.setCreator(f"signkit {__version__}")
    canvas.setAuthor("signkit")
    canvas.setKeywords(", ".join(["样稿", *dict.fromkeys(k for b in boards for k in b.keywords)]))
    for board in boards:
        for page in board.pages:
            layout = proof_layout(page.width, page.height, sheet)
            canvas.setPageSize((layout.sheet_w * MM, layout.sheet_h * MM))
            bottom = layout.sheet_h - layout.y - layout.h  # PDF y of the trim's bottom edge
            canvas.saveState()
            canvas.translate(layout.x * MM, bottom * MM)
            canvas.scale(1 / layout.scale, 1 / layout.scale)
            draw_page(canvas, page, fonts)
            canvas.restoreState()
            canvas.saveState()
            canvas.setStrokeColor(CMYKColor(0, 0, 0, 1))
            canvas.setLineWidth(FRAME_WIDTH_PT)
            canvas.rect(layout.x * MM, bottom * MM, layout.w * MM, layout.h * MM, stroke=1, fill=0)
            canvas.restoreState()
            notes = Page(layout.sheet_w, layout.sheet_h, tuple(proof_texts(board, page, layout, measure)))
            draw_page(canvas, notes, fonts)
            canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def proof_pdf(board: Board, fonts: FontSet, sheet: str = "A4") -> bytes:
    """The proof of one board: one ``sheet`` (A4 or A3) per board page, CMYK, fonts embedded, deterministic."""
    return proofs_pdf([board], fonts, sheet)

