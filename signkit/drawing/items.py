"""The layout stage's output: pages of boxes, lines and positioned text, in millimetres.

Layout modules (one per 附表) produce these plain values and know nothing of
ReportLab; the renderer draws them.  Coordinates have their origin at the top-left
corner of the trim box with y growing downwards, the way a sign maker measures a
board.  Text sizes are the em size in millimetres.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from signkit.fonts import Role


@dataclass(frozen=True)
class Color:
    """A process colour, CMYK components from 0 to 1 (see docs/design.md for the values)."""

    name: str
    c: float
    m: float
    y: float
    k: float


@dataclass(frozen=True)
class Gradient:
    """A vertical gradient over the whole page: ``top`` at the top edge, ``bottom`` at the bottom."""

    top: Color
    bottom: Color


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: Color | None = None
    stroke: Color | None = None
    stroke_width: float = 0.0


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    color: Color
    width: float


@dataclass(frozen=True)
class Text:
    """One line of text: ``x`` is its left edge, ``baseline`` its baseline; no wrapping here."""

    x: float
    baseline: float
    text: str
    size: float
    role: Role
    color: Color
    letter_spacing: float = 0.0


#: One path segment: ("M", x, y) move, ("L", x, y) line, ("C", x1, y1, x2, y2, x, y) cubic Bézier, ("Z",) close.
Segment = tuple[str, ...] | tuple[str, float, float] | tuple[str, float, float, float, float, float, float]


@dataclass(frozen=True)
class Path:
    """A vector shape (safety-sign pictograms, QR modules): filled and/or stroked, in mm.

    ``even_odd`` selects the even-odd fill rule, so a ring is one path with two circles.
    """

    segments: tuple[tuple[object, ...], ...]
    fill: Color | None = None
    stroke: Color | None = None
    stroke_width: float = 0.0
    even_odd: bool = False
    round_caps: bool = False



@dataclass(frozen=True)
class Raster:
    """A bitmap (a user's own PNG or JPEG safety sign) drawn into the box ``x, y, w × h`` mm.

    ``pixels`` are 8-bit CMYK, ``size[0] × size[1] × 4`` bytes, already converted by
    :mod:`signkit.art.sign_files.bitmap`: like :class:`Color`, the item can only hold CMYK, so no
    RGB image can reach the PDF.
    """

    x: float
    y: float
    w: float
    h: float
    pixels: bytes
    size: tuple[int, int]


Item = Rect | Line | Text | Path | Raster


@dataclass(frozen=True)
class Page:
    """One page: what the renderer draws (``items``), and what the content hash reads (``texts``).

    ``texts`` is the wording of each block of text on the page, paragraph by paragraph,
    as :class:`signkit.drawing.frame.Frame` recorded it before breaking lines: the
    content hash covers what a board says, block by block, not the lines a font broke
    it into (see :mod:`signkit.layout.stamp`).  Pages that are never hashed (proofs, the
    print order, the sign catalogue) may leave it empty.
    """

    width: float
    height: float
    items: tuple[Item, ...]
    background: Gradient | Color | None = None
    label: str = ""
    texts: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Board:
    """One PDF: a board or card design with its pages (2-5 has front and back)."""

    form_id: str
    title: str
    subject: str
    pages: tuple[Page, ...]
    keywords: tuple[str, ...] = field(default_factory=tuple)
    #: What the board shows that is not text (QR payloads, sign file digests), for the content hash.
    content_extra: tuple[str, ...] = field(default_factory=tuple)
    #: The content hash (hex), filled in by :func:`signkit.layout.registry.layout_board`.
    content_hash: str = ""
    #: The content hash as signkit computed it before :data:`signkit.layout.stamp.CONTENT_SCHEME` 2, kept
    #: only so that a manifest written then can still be compared (:func:`signkit.layout.stamp.same_content`).
    legacy_hash: str = ""

    @property
    def size(self) -> tuple[float, float]:
        return self.pages[0].width, self.pages[0].height


Align = Literal["left", "center", "right"]
VAlign = Literal["top", "middle", "bottom"]
