"""Drawing a laid-out :class:`~signkit.layout.doc.Board` to PDF bytes with ReportLab.

Choices a print shop relies on:

* every colour is DeviceCMYK (ReportLab enforces it with ``enforceColorSpace``), the
  background gradient included;
* every font is embedded (subset TrueType), including for characters drawn from a
  fallback font, which is chosen per character exactly as the coverage check did;
* the TrimBox is the board's exact size;
* ReportLab's invariant mode removes the clock and random ids, so the same input
  gives byte-identical files.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.colors import CMYKColor
from reportlab.pdfgen.canvas import Canvas

from signkit import __version__
from signkit.fonts import FontSet, ResolvedFont, split_runs
from signkit.fonts.embed import register
from signkit.layout.doc import Board, Color, Gradient, Line, Page, Rect, Text

MM = 72.0 / 25.4


def _cmyk(color: Color) -> CMYKColor:
    return CMYKColor(color.c, color.m, color.y, color.k)


class _PageDrawer:
    def __init__(self, canvas: Canvas, page: Page, fonts: FontSet) -> None:
        self.c = canvas
        self.page = page
        self.fonts = fonts

    def y(self, y_mm: float) -> float:
        return (self.page.height - y_mm) * MM

    def background(self) -> None:
        background = self.page.background
        width, height = self.page.width * MM, self.page.height * MM
        if isinstance(background, Gradient):
            self.c.saveState()
            path = self.c.beginPath()
            path.rect(0, 0, width, height)
            self.c.clipPath(path, stroke=0, fill=0)
            self.c.linearGradient(0, height, 0, 0, (_cmyk(background.top), _cmyk(background.bottom)), extend=True)
            self.c.restoreState()
        elif isinstance(background, Color):
            self.c.setFillColor(_cmyk(background))
            self.c.rect(0, 0, width, height, stroke=0, fill=1)

    def rect(self, item: Rect) -> None:
        if item.fill is not None:
            self.c.setFillColor(_cmyk(item.fill))
        if item.stroke is not None:
            self.c.setStrokeColor(_cmyk(item.stroke))
            self.c.setLineWidth(item.stroke_width * MM)
        self.c.rect(item.x * MM, self.y(item.y + item.h), item.w * MM, item.h * MM,
                    stroke=int(item.stroke is not None), fill=int(item.fill is not None))

    def line(self, item: Line) -> None:
        self.c.setStrokeColor(_cmyk(item.color))
        self.c.setLineWidth(item.width * MM)
        self.c.line(item.x1 * MM, self.y(item.y1), item.x2 * MM, self.y(item.y2))

    def text(self, item: Text) -> None:
        chain = self.fonts.chain(item.role)
        text = self.c.beginText(item.x * MM, self.y(item.baseline))
        text.setFillColor(_cmyk(item.color))
        text.setCharSpace(item.letter_spacing * MM)  # Tc persists across BT/ET: always set it
        size = item.size * MM
        for font, run in split_runs(item.text, chain):
            if font is None:  # refused earlier by the coverage check; never drawn as a box
                continue
            text.setFont(register(font), size)
            text.textOut(run)
        self.c.drawText(text)

    def draw(self) -> None:
        self.background()
        for item in self.page.items:
            if isinstance(item, Rect):
                self.rect(item)
            elif isinstance(item, Line):
                self.line(item)
            else:
                self.text(item)


def fonts_used(board: Board, fonts: FontSet) -> list[ResolvedFont]:
    """The faces a board's PDF embeds (fallback faces only when a character needed them), in role order."""
    used: dict[tuple[str, int], ResolvedFont] = {}
    for page in board.pages:
        for item in page.items:
            if isinstance(item, Text):
                for font, _run in split_runs(item.text, fonts.chain(item.role)):
                    if font is not None:
                        used.setdefault(font.key, font)
    return sorted(used.values(), key=lambda f: (f.role != "title", f.key))


def render_pdf(board: Board, fonts: FontSet, *, keywords: Sequence[str] = ()) -> bytes:
    """The PDF of ``board``: one page per :class:`Page`, fonts embedded, CMYK only, deterministic."""
    buffer = io.BytesIO()
    first = board.pages[0]
    initial = register(fonts.primary("body"))
    canvas = Canvas(buffer, pagesize=(first.width * MM, first.height * MM), invariant=1, pageCompression=1,
                    enforceColorSpace="cmyk", initialFontName=initial, initialFontSize=12)
    canvas.setTitle(f"{board.title}（{board.subject}）" if board.subject else board.title)
    canvas.setSubject(board.form_id)
    canvas.setCreator(f"signkit {__version__}")
    canvas.setAuthor("signkit")
    canvas.setKeywords(", ".join([f"附表 {board.form_id}", *keywords, *board.keywords]))
    for page in board.pages:
        canvas.setPageSize((page.width * MM, page.height * MM))
        canvas.setTrimBox((0, 0, page.width * MM, page.height * MM))
        _PageDrawer(canvas, page, fonts).draw()
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
