"""A small vector pen for pictograms: shapes in a unit square, mapped to millimetres on a board.

Pictograms are drawn once, in a 1 × 1 frame with y growing downwards, as filled shapes
and round-capped strokes — never bitmaps — so they stay crisp on a 3-metre board.  The
category frame (``frames.py``) decides where that unit square sits inside the sign and
which colour is ink (black on warning and prohibition signs, white on mandatory and
safe-condition signs) and which is paper (the sign's own background), so the same
pictogram code serves any size.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from signkit.drawing.items import Color, Path

Point = tuple[float, float]
#: Bézier handle length for a quarter circle.
KAPPA = 0.5522847498


def circle_segments(cx: float, cy: float, r: float) -> list[tuple[object, ...]]:
    """A full circle as four cubic Béziers (clockwise in y-down coordinates)."""
    k = KAPPA * r
    return [
        ("M", cx + r, cy),
        ("C", cx + r, cy + k, cx + k, cy + r, cx, cy + r),
        ("C", cx - k, cy + r, cx - r, cy + k, cx - r, cy),
        ("C", cx - r, cy - k, cx - k, cy - r, cx, cy - r),
        ("C", cx + k, cy - r, cx + r, cy - k, cx + r, cy),
        ("Z",),
    ]


def ellipse_segments(cx: float, cy: float, rx: float, ry: float) -> list[tuple[object, ...]]:
    kx, ky = KAPPA * rx, KAPPA * ry
    return [
        ("M", cx + rx, cy),
        ("C", cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry),
        ("C", cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy),
        ("C", cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry),
        ("C", cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy),
        ("Z",),
    ]


def polygon_segments(points: Sequence[Point]) -> list[tuple[object, ...]]:
    first, *rest = points
    return [("M", *first), *(("L", *p) for p in rest), ("Z",)]


def arc_points(cx: float, cy: float, r: float, start: float, end: float, steps: int = 24) -> list[Point]:
    """Points along an arc; angles in degrees, 0 = +x, growing clockwise (y down)."""
    return [(cx + r * math.cos(math.radians(start + (end - start) * i / steps)),
             cy + r * math.sin(math.radians(start + (end - start) * i / steps))) for i in range(steps + 1)]


class Pen:
    """Draws into a box (x, y, size × size mm) with ``ink`` and ``paper`` colours."""

    def __init__(self, x: float, y: float, size: float, ink: Color, paper: Color) -> None:
        self.x, self.y, self.size = x, y, size
        self.ink, self.paper = ink, paper
        self.items: list[Path] = []

    def _map(self, segments: Sequence[tuple[object, ...]]) -> tuple[tuple[object, ...], ...]:
        out: list[tuple[object, ...]] = []
        for segment in segments:
            op, *values = segment
            coords = [float(v) for v in values]  # type: ignore[arg-type]
            mapped = [self.x + c * self.size if i % 2 == 0 else self.y + c * self.size for i, c in enumerate(coords)]
            out.append((op, *mapped))
        return tuple(out)

    def _colour(self, knockout: bool) -> Color:
        return self.paper if knockout else self.ink

    def fill(self, segments: Sequence[tuple[object, ...]], *, knockout: bool = False, even_odd: bool = False) -> None:
        """Fill raw path segments (unit coordinates)."""
        self.items.append(Path(self._map(segments), fill=self._colour(knockout), even_odd=even_odd))

    def polygon(self, points: Sequence[Point], *, knockout: bool = False) -> None:
        self.fill(polygon_segments(points), knockout=knockout)

    def circle(self, cx: float, cy: float, r: float, *, knockout: bool = False) -> None:
        self.fill(circle_segments(cx, cy, r), knockout=knockout)

    def ellipse(self, cx: float, cy: float, rx: float, ry: float, *, knockout: bool = False) -> None:
        self.fill(ellipse_segments(cx, cy, rx, ry), knockout=knockout)

    def rect(self, x: float, y: float, w: float, h: float, *, knockout: bool = False) -> None:
        self.polygon([(x, y), (x + w, y), (x + w, y + h), (x, y + h)], knockout=knockout)

    def ring(self, cx: float, cy: float, r_outer: float, r_inner: float, *, knockout: bool = False) -> None:
        self.fill([*circle_segments(cx, cy, r_outer), *circle_segments(cx, cy, r_inner)], knockout=knockout,
                  even_odd=True)

    def stroke(self, points: Sequence[Point], width: float, *, closed: bool = False, knockout: bool = False) -> None:
        """A round-capped, round-joined line through ``points``; ``width`` in unit coordinates."""
        first, *rest = points
        segments: list[tuple[object, ...]] = [("M", *first), *(("L", *p) for p in rest)]
        if closed:
            segments.append(("Z",))
        self.items.append(Path(self._map(segments), stroke=self._colour(knockout), stroke_width=width * self.size,
                               round_caps=True))

    def arc(self, cx: float, cy: float, r: float, start: float, end: float, width: float, *,
            knockout: bool = False) -> None:
        self.stroke(arc_points(cx, cy, r, start, end), width, knockout=knockout)


def bezier(p0: Point, p1: Point, p2: Point, p3: Point, steps: int = 16) -> list[Point]:
    """Points along a cubic Bézier, for stroking curved lines."""
    out: list[Point] = []
    for i in range(steps + 1):
        t = i / steps
        a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t ** 2, t ** 3
        out.append((a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]))
    return out


class Local:
    """A local frame for a part of a pictogram: origin, clockwise turn, scale and optional mirror (local y flipped).

    Parts (a hand, a figure, a switch) are drawn once in their own coordinates and placed
    into the unit square through one of these, turned and scaled to where the sign needs them.
    """

    def __init__(self, ox: float, oy: float, degrees: float = 0.0, scale: float = 1.0, *, mirror: bool = False) -> None:
        self.ox, self.oy, self.scale = ox, oy, scale
        self.c, self.s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
        self.flip = -1.0 if mirror else 1.0

    def __call__(self, x: float, y: float) -> Point:
        x, y = x * self.scale, y * self.scale * self.flip
        return self.ox + x * self.c - y * self.s, self.oy + x * self.s + y * self.c

    def pts(self, points: Sequence[Point]) -> list[Point]:
        return [self(x, y) for x, y in points]

    def segments(self, segments: Sequence[tuple[object, ...]]) -> list[tuple[object, ...]]:
        """Path segments (M/L/C/Z with local coordinates) mapped into the unit square."""
        out: list[tuple[object, ...]] = []
        for op, *values in segments:
            v = [float(x) for x in values]  # type: ignore[arg-type]
            mapped: list[float] = []
            for i in range(0, len(v), 2):
                mapped.extend(self(v[i], v[i + 1]))
            out.append((op, *mapped))
        return out
