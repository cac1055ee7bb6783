"""Affine matrices and page boxes, in PDF's own conventions, for the preflight.

PDF writes a matrix as ``[a b c d e f]`` and transforms row vectors:
``[x y 1] × M``.  ``cm`` *pre*-multiplies the current transformation matrix
(``CTM' = M × CTM``), and so does a Form XObject's ``/Matrix``.  An image is painted
into the unit square, so after the CTM its edges are the vectors ``(a, b)`` and
``(c, d)``: their lengths are the image's placed width and height in points.
"""

from __future__ import annotations

import math
from decimal import Decimal

import pikepdf

Matrix = tuple[float, float, float, float, float, float]
#: (x0, y0, x1, y1) in points, normalised so that x0 <= x1 and y0 <= y1.
Box = tuple[float, float, float, float]

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


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """``m × n``: first ``m``, then ``n``."""
    a1, b1, c1, d1, e1, f1 = m
    a2, b2, c2, d2, e2, f2 = n
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2,
            c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)


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
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def unit_square_size(m: Matrix) -> tuple[float, float]:
    """Width and height (points) of the unit square after ``m``: an image's placed size."""
    a, b, c, d, _e, _f = m
    return math.hypot(a, b), math.hypot(c, d)


def box_of(value: object) -> Box | None:
    """A rectangle array as a normalised box; ``None`` if it is not four finite numbers."""
    if not isinstance(value, pikepdf.Array) or len(value) != 4:
        return None
    items = [number(v) for v in value]
    if any(v is None for v in items):
        return None
    x0, y0, x1, y1 = (float(v) for v in items if v is not None)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def inside(inner: Box, outer: Box, tolerance: float = 0.01) -> bool:
    """``inner`` lies within ``outer`` (points, with a little rounding slack)."""
    return (inner[0] >= outer[0] - tolerance and inner[1] >= outer[1] - tolerance
            and inner[2] <= outer[2] + tolerance and inner[3] <= outer[3] + tolerance)


def appearance_matrix(rect: Box, bbox: Box, matrix: Matrix) -> Matrix | None:
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
