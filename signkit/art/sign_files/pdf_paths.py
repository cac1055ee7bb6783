"""The geometry of a PDF sign's paths: their exact bounds, rectangles, and clips proven harmless.

Board paths cannot be clipped, so the PDF sign reader honours a clip by proving it cuts
nothing: everything painted under a rectangular clip (as exporters put around the
artboard, and as the page's CropBox and a form's BBox are) must lie inside it.  That
needs a path's exact bounding box — curves by their turning points, not their control
points, or a circle touching the artboard's edge would seem to cross it — in the
clip's own space when the clip was set under a rotation.  Paths are lists of
:data:`~signkit.art.sign_files.results.Segment` (M, L, C, Z), the form signkit's
shapes have.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from signkit.art.sign_files.results import Segment
from signkit.pdfkit.geometry import Matrix, PdfRect, inside, inverse, line_scale, transform


def mapped(m: Matrix, segments: Sequence[Segment]) -> list[Segment]:
    """``segments`` with every point transformed by ``m``."""
    out: list[Segment] = []
    for op, *values in segments:
        numbers: list[float] = []
        for i in range(0, len(values) - 1, 2):
            numbers.extend(transform(m, float(values[i]), float(values[i + 1])))  # type: ignore[arg-type]
        out.append((op, *numbers))
    return out


def _extremes(p0: float, p1: float, p2: float, p3: float) -> list[float]:
    """A cubic Bézier's values at its ends and at the turning points of one coordinate."""
    a = -p0 + 3 * p1 - 3 * p2 + p3
    b = 2 * (p0 - 2 * p1 + p2)
    c = p1 - p0
    roots: list[float] = []
    if abs(a) < 1e-12:
        if abs(b) > 1e-12:
            roots.append(-c / b)
    else:
        disc = b * b - 4 * a * c
        if disc >= 0:
            root = math.sqrt(disc)
            roots.extend(((-b + root) / (2 * a), (-b - root) / (2 * a)))
    values = [p0, p3]
    for t in roots:
        if 0 < t < 1:
            s = 1 - t
            values.append(s * s * s * p0 + 3 * s * s * t * p1 + 3 * s * t * t * p2 + t * t * t * p3)
    return values


def bounds(segments: Sequence[Segment]) -> PdfRect | None:
    """The exact bounding box of a path (curves by their turning points, not their control points)."""
    xs: list[float] = []
    ys: list[float] = []
    current: tuple[float, float] | None = None
    for op, *values in segments:
        numbers = [float(v) for v in values]  # type: ignore[arg-type]
        if op in ("M", "L"):
            current = (numbers[0], numbers[1])
            xs.append(current[0])
            ys.append(current[1])
        elif op == "C" and current is not None:
            xs.extend(_extremes(current[0], numbers[0], numbers[2], numbers[4]))
            ys.extend(_extremes(current[1], numbers[1], numbers[3], numbers[5]))
            current = (numbers[4], numbers[5])
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def rectangle(segments: Sequence[Segment]) -> PdfRect | None:
    """The box a path is, when it is one axis-aligned rectangle (as ``re`` or four ``l``); else ``None``."""
    points = [(float(s[1]), float(s[2])) for s in segments if s[0] in ("M", "L")]  # type: ignore[arg-type]
    if any(s[0] == "C" for s in segments) or sum(s[0] == "M" for s in segments) != 1:
        return None
    if len(points) == 5 and math.isclose(points[0][0], points[4][0]) and math.isclose(points[0][1], points[4][1]):
        points = points[:4]
    if len(points) != 4:
        return None
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        if not (math.isclose(x0, x1, abs_tol=1e-9) or math.isclose(y0, y1, abs_tol=1e-9)):
            return None
    xs, ys = {round(p[0], 9) for p in points}, {round(p[1], 9) for p in points}
    if len(xs) != 2 or len(ys) != 2:
        return None
    return min(xs), min(ys), max(xs), max(ys)


@dataclass(frozen=True)
class Clip:
    """A clipping region: ``box`` in the space of ``matrix`` (user space → page), or not a rectangle.

    ``page_box`` is the same box in page space when ``matrix`` keeps axes axis-aligned (the
    usual case), so a path is compared with it without being transformed again.
    """

    matrix: Matrix
    box: PdfRect
    rectangular: bool
    what: str
    page_box: PdfRect | None = None

    @classmethod
    def of(cls, matrix: Matrix, box: PdfRect, rectangular: bool, what: str) -> Clip:
        page_box = None
        if matrix[1] == 0 and matrix[2] == 0:
            (x0, y0), (x1, y1) = transform(matrix, box[0], box[1]), transform(matrix, box[2], box[3])
            page_box = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        return cls(matrix, box, rectangular, what, page_box)


def within(clip: Clip, segments: Sequence[Segment], found: PdfRect, half_width: float, tolerance: float) -> bool:
    """Whether a path (in page space, ``found`` its bounds there) and half its stroke width lie inside ``clip``."""
    if clip.page_box is not None:
        return inside(found, clip.page_box, tolerance - half_width)
    undo = inverse(clip.matrix)
    if undo is None:
        return False
    back = bounds(mapped(undo, segments))
    return back is None or inside(back, clip.box, (tolerance - half_width) / (line_scale(clip.matrix) or 1.0))
