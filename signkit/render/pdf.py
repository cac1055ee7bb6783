"""Drawing a laid-out :class:`~signkit.drawing.items.Board` to PDF bytes with ReportLab.

Choices a print shop relies on:

* every colour is DeviceCMYK, the background gradient included: the layout's
  :class:`~signkit.drawing.items.Color` can only hold CMYK, so nothing else can be asked
  for; crop marks use the registration colour (the ``/All`` separation) — which is why
  ReportLab's ``enforceColorSpace`` (which would turn /All into plain CMYK) is not used;
  the tests parse every content stream to prove it; bitmaps (a user's PNG or JPEG
  sign) arrive as CMYK pixels (:class:`~signkit.drawing.items.Raster`) and are embedded
  as DeviceCMYK images;
* with bleed, the background runs out past the trim to the BleedBox, and so does every
  filled box that touches the trim (a band along an edge), so a cut a little off the
  line shows no white; crop marks sit outside the bleed; MediaBox encloses everything
  and TrimBox is always the board;
* black overprints (on by default): 100 % K text and thin 100 % K rules are drawn with
  fill or stroke overprint and overprint mode 1, so a slightly misregistered K plate
  leaves no white halo around small black type on the coloured background;
* every font is embedded (subset TrueType), including for characters drawn from a
  fallback font, which is chosen per character exactly as the coverage check did;
* the TrimBox is the board's exact size;
* ReportLab's invariant mode removes the clock and random ids, so the same input
  gives byte-identical files.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from PIL import Image
from reportlab import rl_config
from reportlab.lib.colors import CMYKColor, CMYKColorSep
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from signkit._version import __version__
from signkit.drawing.items import Board, Color, Gradient, Line, Page, Path, Raster, Rect, Text
from signkit.fonts import FontSet, ResolvedFont, font_runs
from signkit.fonts.embed import register
from signkit.render.pdfx import FOGRA39, OutputCondition, add_pdfx_keys

MM = 72.0 / 25.4


def _cmyk(color: Color) -> CMYKColor:
    return CMYKColor(color.c, color.m, color.y, color.k)


#: The registration colour: prints on every separation, for crop and alignment marks.
REGISTRATION = CMYKColorSep(1, 1, 1, 1, spotName="All", density=1)

#: Crop marks: a gap after the bleed, then a mark this long, then a little paper.
MARK_GAP = 2.0
MARK_LENGTH = 6.0
MARK_MARGIN = MARK_GAP + MARK_LENGTH + 2.0
MARK_WIDTH_PT = 0.25


#: Rules up to this width (mm) count as thin: drawn in 100 % K they overprint.
THIN_RULE = 0.5

#: How close (mm) to the trim edge a filled box must come to be extended into the bleed.
TRIM_TOUCH = 0.01


def is_black(color: Color) -> bool:
    """100 % K and nothing else: the colour that overprints."""
    return color.c == 0 and color.m == 0 and color.y == 0 and color.k >= 1


@dataclass(frozen=True)
class PrintSpec:
    """Print-shop options of one PDF: bleed in mm, crop marks, PDF/X output intent, black overprint."""

    bleed: float = 0.0
    marks: bool = False
    pdfx: bool = True
    overprint: bool = True
    intent: OutputCondition = FOGRA39

    @property
    def margin(self) -> float:
        """Distance from the trim edge to the media edge, in mm."""
        return self.bleed + (MARK_MARGIN if self.marks else 0.0)


class _PageDrawer:
    """Draws one page with its trim box's bottom-left corner at the canvas's current origin."""

    def __init__(self, canvas: Canvas, page: Page, fonts: FontSet, overprint: bool = False) -> None:
        self.c = canvas
        self.page = page
        self.fonts = fonts
        self.overprint = overprint
        self.bleed = 0.0

    def _overprint(self, *, fill: bool) -> None:
        """Overprint the next fill (``fill``) or stroke only, in mode 1 (zero CMY leaves the plates below).

        ``/OP`` alone would also set ``/op``, so a stroke's overprint states the fill's off.
        """
        if fill:
            self.c._setFillOverprint(True)
        else:
            self.c._setStrokeOverprint(True)
            self.c._setFillOverprint(False)
        self.c._setOverprintMask(1)

    def _thin_black(self, color: Color | None, width: float) -> bool:
        return self.overprint and color is not None and is_black(color) and width <= THIN_RULE

    def _bled(self, x: float, y: float, w: float, h: float) -> tuple[float, float, float, float]:
        """A filled box touching the trim, extended past it by the bleed (in layout mm, y down)."""
        b = self.bleed
        if b <= 0:
            return x, y, w, h
        left, top, right, bottom = x, y, x + w, y + h
        if left <= TRIM_TOUCH:
            left -= b
        if top <= TRIM_TOUCH:
            top -= b
        if right >= self.page.width - TRIM_TOUCH:
            right += b
        if bottom >= self.page.height - TRIM_TOUCH:
            bottom += b
        return left, top, right - left, bottom - top

    def y(self, y_mm: float) -> float:
        return (self.page.height - y_mm) * MM

    def background(self, bleed: float) -> None:
        background = self.page.background
        width, height = self.page.width * MM, self.page.height * MM
        b = bleed * MM
        if isinstance(background, Gradient):
            self.c.saveState()
            path = self.c.beginPath()
            path.rect(-b, -b, width + 2 * b, height + 2 * b)
            self.c.clipPath(path, stroke=0, fill=0)
            # defined over the trim and extended, so the bleed continues the board's own colours
            self.c.linearGradient(0, height, 0, 0, (_cmyk(background.top), _cmyk(background.bottom)), extend=True)
            self.c.restoreState()
        elif isinstance(background, Color):
            self.c.setFillColor(_cmyk(background))
            self.c.rect(-b, -b, width + 2 * b, height + 2 * b, stroke=0, fill=1)

    def rect(self, item: Rect) -> None:
        if item.fill is not None and item.stroke is None:
            x, y, w, h = self._bled(item.x, item.y, item.w, item.h)
            self.c.setFillColor(_cmyk(item.fill))
            self.c.rect(x * MM, self.y(y + h), w * MM, h * MM, stroke=0, fill=1)
            return
        overprint = self._thin_black(item.stroke, item.stroke_width)
        if overprint:
            self.c.saveState()
            self._overprint(fill=False)
        if item.fill is not None:
            self.c.setFillColor(_cmyk(item.fill))
        if item.stroke is not None:
            self.c.setStrokeColor(_cmyk(item.stroke))
            self.c.setLineWidth(item.stroke_width * MM)
        self.c.rect(item.x * MM, self.y(item.y + item.h), item.w * MM, item.h * MM,
                    stroke=int(item.stroke is not None), fill=int(item.fill is not None))
        if overprint:
            self.c.restoreState()

    def line(self, item: Line) -> None:
        overprint = self._thin_black(item.color, item.width)
        if overprint:
            self.c.saveState()
            self._overprint(fill=False)
        self.c.setStrokeColor(_cmyk(item.color))
        self.c.setLineWidth(item.width * MM)
        self.c.line(item.x1 * MM, self.y(item.y1), item.x2 * MM, self.y(item.y2))
        if overprint:
            self.c.restoreState()

    def text(self, item: Text) -> None:
        if self.overprint and is_black(item.color):
            self.c.saveState()
            self._overprint(fill=True)
            self._text(item)
            self.c.restoreState()
        else:
            self._text(item)

    def _text(self, item: Text) -> None:
        chain = self.fonts.chain(item.role)
        text = self.c.beginText(item.x * MM, self.y(item.baseline))
        text.setFillColor(_cmyk(item.color))
        text.setCharSpace(item.letter_spacing * MM)  # Tc persists across BT/ET: always set it
        size = item.size * MM
        for font, run in font_runs(item.text, chain):
            if font is None:  # refused earlier by the coverage check; never drawn as a box
                continue
            text.setFont(register(font), size)
            text.textOut(run)
        self.c.drawText(text)

    def path(self, item: Path) -> None:
        path = self.c.beginPath()
        for segment in item.segments:
            op, *values = segment
            numbers = [float(v) for v in values]  # type: ignore[arg-type]
            if op == "M":
                path.moveTo(numbers[0] * MM, self.y(numbers[1]))
            elif op == "L":
                path.lineTo(numbers[0] * MM, self.y(numbers[1]))
            elif op == "C":
                path.curveTo(numbers[0] * MM, self.y(numbers[1]), numbers[2] * MM, self.y(numbers[3]),
                             numbers[4] * MM, self.y(numbers[5]))
            elif op == "Z":
                path.close()
        self.c.saveState()
        if item.fill is None and self._thin_black(item.stroke, item.stroke_width):
            self._overprint(fill=False)
        if item.fill is not None:
            self.c.setFillColor(_cmyk(item.fill))
        if item.stroke is not None:
            self.c.setStrokeColor(_cmyk(item.stroke))
            self.c.setLineWidth(item.stroke_width * MM)
            self.c.setLineCap(1 if item.round_caps else 0)
            self.c.setLineJoin(1 if item.round_caps else 0)
        self.c.drawPath(path, stroke=int(item.stroke is not None), fill=int(item.fill is not None),
                        fillMode=0 if item.even_odd else 1)
        self.c.restoreState()

    def raster(self, item: Raster) -> None:
        """A CMYK bitmap: an image XObject in DeviceCMYK (Flate, lossless)."""

        image = Image.frombytes("CMYK", item.size, item.pixels)
        self.c.drawImage(ImageReader(image), item.x * MM, self.y(item.y + item.h), item.w * MM, item.h * MM)

    def draw(self, bleed: float = 0.0) -> None:
        self.bleed = bleed
        self.background(bleed)
        for item in self.page.items:
            if isinstance(item, Rect):
                self.rect(item)
            elif isinstance(item, Line):
                self.line(item)
            elif isinstance(item, Path):
                self.path(item)
            elif isinstance(item, Raster):
                self.raster(item)
            else:
                self.text(item)


def draw_page(canvas: Canvas, page: Page, fonts: FontSet, *, bleed: float = 0.0, overprint: bool = False) -> None:
    """Draw ``page`` with its trim's bottom-left corner at the canvas's current origin.

    Callers position and scale it with ``canvas.translate``/``canvas.scale`` (proofs,
    tiles, imposed card sheets reuse this, so every output draws the same board).
    ``overprint`` is for press files (the boards, the imposed sheets); an office
    printer's proofs and tiles leave it off.
    """
    _PageDrawer(canvas, page, fonts, overprint).draw(bleed)


def crop_marks(canvas: Canvas, x: float, y: float, width: float, height: float, bleed: float) -> None:
    """Crop marks for a trim box at (x, y) of ``width`` × ``height`` (all mm), in registration colour."""
    canvas.saveState()
    canvas.setStrokeColor(REGISTRATION)
    canvas.setLineWidth(MARK_WIDTH_PT)
    start, end = bleed + MARK_GAP, bleed + MARK_GAP + MARK_LENGTH
    for cx in (x, x + width):
        for cy in (y, y + height):
            sx = -1 if cx == x else 1
            sy = -1 if cy == y else 1
            canvas.line((cx + sx * start) * MM, cy * MM, (cx + sx * end) * MM, cy * MM)
            canvas.line(cx * MM, (cy + sy * start) * MM, cx * MM, (cy + sy * end) * MM)
    canvas.restoreState()


def fonts_used(board: Board, fonts: FontSet) -> list[ResolvedFont]:
    """The faces a board's PDF embeds (fallback faces only when a character needed them), in role order."""
    used: dict[tuple[str, int], ResolvedFont] = {}
    for page in board.pages:
        for item in page.items:
            if isinstance(item, Text):
                for font, _run in font_runs(item.text, fonts.chain(item.role)):
                    if font is not None:
                        used.setdefault(font.key, font)
    return sorted(used.values(), key=lambda f: (f.role != "title", f.key))


def new_canvas(buffer: io.BytesIO, fonts: FontSet, width_mm: float, height_mm: float) -> Canvas:
    """A deterministic canvas whose initial font is ours (no unembedded Helvetica in the file).

    The same input gives the same bytes whatever the environment: ReportLab's invariant
    mode fixes the dates (2000-01-01) and the document id, and ``SOURCE_DATE_EPOCH`` — which
    many build systems set, and which ReportLab would otherwise write into the dates and
    the id — is ignored while the canvas is made (docs/security.md).
    """
    initial = register(fonts.primary("body"))
    saved = os.environ.pop(SOURCE_DATE_EPOCH, None)
    try:
        return Canvas(buffer, pagesize=(width_mm * MM, height_mm * MM), invariant=1, pageCompression=1,
                      initialFontName=initial, initialFontSize=12)
    finally:
        if saved is not None:
            os.environ[SOURCE_DATE_EPOCH] = saved


#: The reproducible-builds variable that ReportLab reads for the PDF's dates (ignored: see :func:`new_canvas`).
SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"


@contextmanager
def binary_streams() -> Iterator[None]:
    """Page contents and images compressed without ReportLab's ASCII85 wrapper, while a PDF is made.

    The wrapper adds a quarter to every compressed page and image of a file that is binary
    anyway (its fonts are never wrapped).  ReportLab's setting is process-wide and its
    inline images need the wrapper, so it is turned off only around signkit's own drawing.
    """
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def render_pdf(board: Board, fonts: FontSet, *, keywords: Sequence[str] = (), spec: PrintSpec | None = None) -> bytes:
    """The PDF of ``board``: one page per :class:`Page`, fonts embedded, CMYK only, deterministic."""
    with binary_streams():
        return _render_pdf(board, fonts, keywords, spec or PrintSpec())


def _render_pdf(board: Board, fonts: FontSet, keywords: Sequence[str], spec: PrintSpec) -> bytes:
    buffer = io.BytesIO()
    first = board.pages[0]
    m = spec.margin
    canvas = new_canvas(buffer, fonts, first.width + 2 * m, first.height + 2 * m)
    canvas.setTitle(f"{board.title}（{board.subject}）" if board.subject else board.title)
    canvas.setSubject(board.form_id)
    canvas.setCreator(f"signkit {__version__}")
    canvas.setAuthor("signkit")
    canvas.setKeywords(", ".join([f"附表 {board.form_id}", *keywords, *board.keywords]))
    if spec.pdfx:
        add_pdfx_keys(canvas, spec.intent, content_hash=board.content_hash)
    b = spec.bleed
    for page in board.pages:
        canvas.setPageSize(((page.width + 2 * m) * MM, (page.height + 2 * m) * MM))
        canvas.setTrimBox((m * MM, m * MM, (m + page.width) * MM, (m + page.height) * MM))
        canvas.setBleedBox(((m - b) * MM, (m - b) * MM, (m + page.width + b) * MM, (m + page.height + b) * MM))
        canvas.saveState()
        canvas.translate(m * MM, m * MM)
        draw_page(canvas, page, fonts, bleed=b, overprint=spec.overprint)
        canvas.restoreState()
        if spec.marks:
            crop_marks(canvas, m, m, page.width, page.height, b)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
