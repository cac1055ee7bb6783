"""What reading a sign file gives: the art (vector shapes or a checked bitmap) or the problem.

These values are shared by the readers (:mod:`.svg`, :mod:`.pdf_file`, :mod:`.bitmap`),
the loader that picks one (:mod:`.loader`) and the code that places art on a board
(:mod:`.fitting`, :mod:`signkit.art.place`).  They live apart from all of them so
that no reader has to import another — or the loader — to name what it returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from signkit.drawing.items import Color
from signkit.errors import SignkitError

Kind = Literal["missing", "not_image", "unsupported", "too_large", "not_vector", "low_resolution", "encrypted",
               "multi_page", "external"]
#: One piece of an outline: ``("M", x, y)``, ``("L", x, y)``, ``("C", x1, y1, x2, y2, x, y)`` or ``("Z",)``.
Segment = tuple[object, ...]


@dataclass(frozen=True)
class FileProblem:
    """Why a sign file cannot be used (or, for ``low_resolution``, will print blurred)."""

    kind: Kind
    message: str
    hint: str | None = None
    #: Where in the sign file the problem is (1-based, characters), when it is one element of an SVG.
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True)
class Shape:
    """One filled and/or stroked path of an SVG or PDF, in the drawing's units with y growing downwards."""

    segments: tuple[Segment, ...]
    fill: Color | None
    stroke: Color | None
    stroke_width: float
    even_odd: bool
    round_caps: bool


@dataclass(frozen=True)
class VectorArt:
    """An SVG or PDF page converted to CMYK shapes on a ``width × height`` canvas."""

    path: Path
    width: float
    height: float
    shapes: tuple[Shape, ...]
    digest: str
    #: Warnings found while reading that do not stop the art from being used (a reference to another file).
    notes: tuple[FileProblem, ...] = ()


@dataclass(frozen=True)
class RasterArt:
    """A PNG or JPEG that passed the checks: its pixel size and digest (pixels are read when placed)."""

    path: Path
    pixels: tuple[int, int]
    digest: str

    @property
    def width(self) -> float:
        return float(self.pixels[0])

    @property
    def height(self) -> float:
        return float(self.pixels[1])


Art = VectorArt | RasterArt


class Refused(SignkitError):
    """Why a PDF cannot become sign vectors: a :data:`Kind` and the Chinese reason.

    Raised anywhere inside the PDF sign reader and turned into one :class:`FileProblem`
    by :func:`signkit.art.sign_files.pdf_file.load_pdf`: the first thing that cannot be
    drawn faithfully decides.
    """

    def __init__(self, kind: Kind, what: str) -> None:
        super().__init__(what)
        self.kind: Kind = kind
        self.what = what
