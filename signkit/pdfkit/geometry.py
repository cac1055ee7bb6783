"""Affine matrices and rectangles in PDF's own conventions: the one matrix convention of signkit's readers.

PDF writes a matrix as ``[a b c d e f]`` and transforms row vectors:
``[x y 1] × M``, i.e. ``x' = a·x + c·y + e`` and ``y' = b·x + d·y + f``.  With row
vectors, the product ``A × B`` applies ``A`` first and ``B`` second, which is how
:func:`multiply` is defined and why ``cm`` *pre*-multiplies the current transformation
matrix (``CTM' = M × CTM``: the new matrix acts first, in the space it was given in);
a Form XObject's ``/Matrix`` is applied the same way.  The SVG sign reader uses the
same functions (an SVG ``transform`` is the same six numbers), so there is one
:data:`Matrix`, one :data:`IDENTITY` and one :func:`multiply` whose argument order
never has to be guessed.

An image is painted into the unit square, so after the CTM its edges are the vectors
``(a, b)`` and ``(c, d)``: their lengths are the image's placed width and height in
points.

A :data:`PdfRect` is a rectangle in PDF user space (points, y up, origin bottom left),
not to be confused with :class:`signkit.drawing.box.Box` (millimetres, y down, origin
top left) in which signkit lays out its boards.
"""

from __future__ import annotations

import math
from decimal import Decimal

import pikepdf

Matrix = tuple[float, float, float, float, float, float]
#: (x0, y0, x1, y1) in PDF user space (points, y up), normalised so that x0 <= x1 and y0 <= y1.
PdfRect = tuple[float, float, float, float]

IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
MM = 72.0 / 25.4


def number(value: object) -> float | None:
    """A PDF number as a float; ``None`` for anything else (booleans included)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        result = float(value)
        return result if math.isfinite(result) else None
    return None


def multiply(first: Matrix, then: Matrix) -> Matrix:
    """The matrix that applies ``first``, then ``then``: the product ``first × then`` in PDF's row-vector form.

    ``cm`` with operand ``M`` makes the CTM ``multiply(M, ctm)``; a child transform inside a
    parent's is ``multiply(child, parent)``.
    """
    a1, b1, c1, d1, e1, f1 = first
    a2, b2, c2, d2, e2, f2 = then
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2,
            c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)


def inverse(m: Matrix) -> Matrix | None:
    """The matrix undoing ``m``; ``None`` when ``m`` collapses the plane onto a line or a point."""
    a, b, c, d, e, f = m
    det = a * d - b * c
    if abs(det) < 1e-12:
        return None
    return (d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det)


def line_scale(m: Matrix) -> float:
    """How a line width grows under ``m`` (the square root of the area factor)."""
    return math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))


def is_uniform(m: Matrix) -> bool:
    """``m`` scales every direction alike (rotation and mirroring allowed): a stroke keeps its width."""
    a, b, c, d = m[:4]
    first, second = a * a + b * b, c * c + d * d
    return abs(first - second) <= 1e-3 * max(first, second) and abs(a * c + b * d) <= 1e-3 * max(first, second)


def matrix_of(values: object) -> Matrix | None:
    """Six numbers (a ``cm`` operand list or a ``/Matrix`` array) as a matrix, else ``None``."""
    if values is None:
        return None
    try:
        items = [number(v) for v in values]  # type: ignore[attr-defined]
    except TypeError:
        return None
    if len(items) != 6 or any(v is None for v in items):
        return None
    a, b, c, d, e, f = (float(v) for v in items if v is not None)
    return (a, b, c, d, e, f)


def transform(m: Matrix, x: float, y: float) -> tuple[float, float]:
    """The point ``(x, y)`` under ``m``."""
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def unit_square_size(m: Matrix) -> tuple[float, float]:
    """Width and height (points) of the unit square after ``m``: an image's placed size."""
    a, b, c, d, _e, _f = m
    return math.hypot(a, b), math.hypot(c, d)


def box_of(value: object) -> PdfRect | None:
    """A rectangle array (a page box, a BBox, a Rect) normalised; ``None`` if it is not four finite numbers."""
    if not isinstance(value, pikepdf.Array) or len(value) != 4:
        return None
    items = [number(v) for v in value]
    if any(v is None for v in items):
        return None
    x0, y0, x1, y1 = (float(v) for v in items if v is not None)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def inside(inner: PdfRect, outer: PdfRect, tolerance: float = 0.01) -> bool:
    """``inner`` lies within ``outer`` (points, with a little rounding slack)."""
    return (inner[0] >= outer[0] - tolerance and inner[1] >= outer[1] - tolerance
            and inner[2] <= outer[2] + tolerance and inner[3] <= outer[3] + tolerance)


def appearance_matrix(rect: PdfRect, bbox: PdfRect, matrix: Matrix) -> Matrix | None:
    """The matrix mapping an annotation appearance's BBox (after its Matrix) onto the annotation's Rect.

    This is PDF 32000-1 §12.5.5's algorithm; the Form's own ``/Matrix`` is applied by
    whoever walks the form, so this returns only the second step, ``A``.
    """
    corners = [transform(matrix, x, y) for x in (bbox[0], bbox[2]) for y in (bbox[1], bbox[3])]
    xs = [p[0] for p in corners]
    ys = [p[1] for p in corners]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    if width <= 0 or height <= 0:
        return None
    sx = (rect[2] - rect[0]) / width
    sy = (rect[3] - rect[1]) / height
    return (sx, 0.0, 0.0, sy, rect[0] - min(xs) * sx, rect[1] - min(ys) * sy)
