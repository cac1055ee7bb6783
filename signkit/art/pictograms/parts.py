"""Parts shared by several pictograms: people, heads, hands, drops, arrows, crosses, flames and outlines.

Every part draws with the pen it is given, in the unit square (0–1, y down), so it is
white on the blue 指令 disc and the green 提示 square alike; ``knockout=True`` draws in the
sign's ground colour, which is how gaps, seams and details inside a white shape are cut.
A part never registers a sign: the category modules compose parts into pictograms.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from signkit.art.pen import KAPPA, Pen, Point

Segments = list[tuple[object, ...]]


# --- geometry ----------------------------------------------------------------------


def rotated(points: Sequence[Point], cx: float, cy: float, degrees: float) -> list[Point]:
    """``points`` turned ``degrees`` clockwise (y down) about (cx, cy)."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return [(cx + (x - cx) * c - (y - cy) * s, cy + (x - cx) * s + (y - cy) * c) for x, y in points]


def outline(segments: Sequence[tuple[object, ...]], steps: int = 8) -> list[Point]:
    """The points along a path of M/L/C segments, to stroke a gap around a filled shape."""
    points: list[Point] = []
    for op, *values in segments:
        v = [float(x) for x in values]  # type: ignore[arg-type]
        if op in ("M", "L"):
            points.append((v[0], v[1]))
        elif op == "C":
            (x0, y0) = points[-1]
            for i in range(1, steps + 1):
                t = i / steps
                a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t ** 2, t ** 3
                points.append((a * x0 + b * v[0] + c * v[2] + d * v[4], a * y0 + b * v[1] + c * v[3] + d * v[5]))
    return points


def rounded_rect(x: float, y: float, w: float, h: float, r: float) -> Segments:
    """A rectangle with quarter-circle corners of radius ``r``."""
    k = KAPPA * r
    return [("M", x + r, y), ("L", x + w - r, y), ("C", x + w - r + k, y, x + w, y + r - k, x + w, y + r),
            ("L", x + w, y + h - r), ("C", x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h),
            ("L", x + r, y + h), ("C", x + r - k, y + h, x, y + h - r + k, x, y + h - r),
            ("L", x, y + r), ("C", x, y + r - k, x + r - k, y, x + r, y), ("Z",)]


# --- people ------------------------------------------------------------------------


def bust(pen: Pen, head_y: float = 0.42, rx: float = 0.25, ry: float = 0.32) -> None:
    """A head seen face on, with neck and shoulders."""
    pen.fill([("M", 0.10, 0.96), ("C", 0.10, 0.85, 0.24, 0.80, 0.50, 0.80), ("C", 0.76, 0.80, 0.90, 0.85, 0.90, 0.96),
              ("Z",)])
    pen.rect(0.40, head_y + ry * 0.6, 0.20, 0.80 - head_y - ry * 0.6 + 0.02)
    pen.ellipse(0.50, head_y, rx, ry)


def figure(pen: Pen, x: float, top: float, height: float, spread: float = 1.0) -> None:
    """A person standing face on, ``height`` tall from the top of the head at (x, top); ``spread`` scales the arms' reach."""
    u = height / 0.9
    pen.circle(x, top + 0.09 * u, 0.09 * u)
    pen.stroke([(x, top + 0.28 * u), (x, top + 0.52 * u)], 0.18 * u)
    for side in (-1, 1):
        pen.stroke([(x + side * 0.11 * u, top + 0.26 * u), (x + side * (0.11 + 0.08 * spread) * u, top + 0.40 * u),
                    (x + side * (0.11 + 0.10 * spread) * u, top + 0.56 * u)], 0.08 * u)
        pen.stroke([(x + side * 0.05 * u, top + 0.56 * u), (x + side * 0.06 * u, top + 0.86 * u)], 0.09 * u)


# --- small symbols -----------------------------------------------------------------


def cross(pen: Pen, cx: float, cy: float, size: float, *, knockout: bool = False) -> None:
    """A Greek cross ``size`` across, its arms a third of that wide."""
    arm = size / 3
    pen.rect(cx - size / 2, cy - arm / 2, size, arm, knockout=knockout)
    pen.rect(cx - arm / 2, cy - size / 2, arm, size, knockout=knockout)


def drop(pen: Pen, x: float, y: float, r: float) -> None:
    """A water drop whose round bottom is centred on (x, y)."""
    pen.fill([("M", x, y - 2.3 * r), ("C", x + 0.4 * r, y - 1.4 * r, x + r, y - 0.7 * r, x + r, y),
              ("C", x + r, y + 0.55 * r, x + 0.55 * r, y + r, x, y + r),
              ("C", x - 0.55 * r, y + r, x - r, y + 0.55 * r, x - r, y),
              ("C", x - r, y - 0.7 * r, x - 0.4 * r, y - 1.4 * r, x, y - 2.3 * r), ("Z",)])


def arrow(pen: Pen, tail: Point, head: Point, width: float) -> None:
    """A straight arrow from ``tail`` to ``head`` with a solid triangular head."""
    dx, dy = head[0] - tail[0], head[1] - tail[1]
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    barb = width * 2.6
    base = (head[0] - ux * barb, head[1] - uy * barb)
    pen.stroke([tail, base], width)
    pen.polygon([head, (base[0] - uy * barb * 0.75, base[1] + ux * barb * 0.75),
                 (base[0] + uy * barb * 0.75, base[1] - ux * barb * 0.75)])
