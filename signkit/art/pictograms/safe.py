"""提示 (safe condition) pictograms: white symbols on the green square."""

from __future__ import annotations

import math
from collections.abc import Sequence

from signkit.art.pen import Pen, Point
from signkit.art.registry import sign


def _rotated(points: Sequence[Point], cx: float, cy: float, degrees: float) -> list[Point]:
    """``points`` turned ``degrees`` clockwise (y down) about (cx, cy)."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return [(cx + (x - cx) * c - (y - cy) * s, cy + (x - cx) * s + (y - cy) * c) for x, y in points]


def _cross(pen: Pen, cx: float, cy: float, size: float, *, knockout: bool = False) -> None:
    """A Greek cross ``size`` across, its arms a third of that wide."""
    arm = size / 3
    pen.rect(cx - size / 2, cy - arm / 2, size, arm, knockout=knockout)
    pen.rect(cx - arm / 2, cy - size / 2, arm, size, knockout=knockout)


def _figure(pen: Pen, x: float, top: float, height: float, spread: float = 1.0) -> None:
    """A person standing face on, ``height`` tall from the top of the head at (x, top); ``spread`` scales the arms' reach."""
    u = height / 0.9
    pen.circle(x, top + 0.09 * u, 0.09 * u)
    pen.stroke([(x, top + 0.28 * u), (x, top + 0.52 * u)], 0.18 * u)
    for side in (-1, 1):
        pen.stroke([(x + side * 0.11 * u, top + 0.26 * u), (x + side * (0.11 + 0.08 * spread) * u, top + 0.40 * u),
                    (x + side * (0.11 + 0.10 * spread) * u, top + 0.56 * u)], 0.08 * u)
        pen.stroke([(x + side * 0.05 * u, top + 0.56 * u), (x + side * 0.06 * u, top + 0.86 * u)], 0.09 * u)


def _drop(pen: Pen, x: float, y: float, r: float) -> None:
    """A water drop whose round bottom is centred on (x, y)."""
    pen.fill([("M", x, y - 2.3 * r), ("C", x + 0.4 * r, y - 1.4 * r, x + r, y - 0.7 * r, x + r, y),
              ("C", x + r, y + 0.55 * r, x + 0.55 * r, y + r, x, y + r),
              ("C", x - 0.55 * r, y + r, x - r, y + 0.55 * r, x - r, y),
              ("C", x - r, y - 0.7 * r, x - 0.4 * r, y - 1.4 * r, x, y - 2.3 * r), ("Z",)])


def _arrow(pen: Pen, tail: Point, head: Point, width: float) -> None:
    """A straight arrow from ``tail`` to ``head`` with a solid triangular head."""
    dx, dy = head[0] - tail[0], head[1] - tail[1]
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    barb = width * 2.6
    base = (head[0] - ux * barb, head[1] - uy * barb)
    pen.stroke([tail, base], width)
    pen.polygon([head, (base[0] - uy * barb * 0.75, base[1] + ux * barb * 0.75),
                 (base[0] + uy * barb * 0.75, base[1] - ux * barb * 0.75)])


@sign("应急电话", "提示")
def emergency_telephone(pen: Pen) -> None:
    """A telephone handset with a small first-aid cross."""
    cx, cy, tilt = 0.44, 0.56, -45.0
    radius = 0.50
    handle = [(cx + 0.36 + radius * math.cos(math.radians(a)), cy + radius * math.sin(math.radians(a)))
              for a in range(144, 217, 6)]
    pen.stroke(_rotated(handle, cx, cy, tilt), 0.16)
    for end in (handle[0], handle[-1]):
        piece = [(end[0] - 0.02, end[1]), (end[0] + 0.13, end[1])]
        pen.stroke(_rotated(piece, cx, cy, tilt), 0.22)
    _cross(pen, 0.74, 0.26, 0.30)


@sign("急救点", "提示")
def first_aid(pen: Pen) -> None:
    """A bold white Greek cross."""
    _cross(pen, 0.50, 0.50, 0.90)


@sign("紧急洗眼器", "提示")
def eye_wash(pen: Pen) -> None:
    """An open eye with drops of rinsing water falling onto it."""
    pen.fill([("M", 0.06, 0.64), ("C", 0.28, 0.34, 0.72, 0.34, 0.94, 0.64), ("C", 0.72, 0.94, 0.28, 0.94, 0.06, 0.64),
              ("Z",)])
    pen.circle(0.50, 0.64, 0.16, knockout=True)
    pen.circle(0.50, 0.64, 0.07)
    for x, y, r in ((0.24, 0.28, 0.065), (0.50, 0.20, 0.075), (0.76, 0.28, 0.065)):
        _drop(pen, x, y, r)


@sign("避险处", "提示")
def haven(pen: Pen) -> None:
    """A person standing safe inside a sheltering roof and walls."""
    pen.stroke([(0.17, 0.93), (0.17, 0.42), (0.50, 0.10), (0.83, 0.42), (0.83, 0.93)], 0.09)
    pen.stroke([(0.07, 0.50), (0.50, 0.10), (0.93, 0.50)], 0.09)
    _figure(pen, 0.50, 0.30, 0.64)


@sign("应急避难场所", "提示", aliases=("疏散集合点",))
def assembly_point(pen: Pen) -> None:
    """A group of people gathered in the middle, with arrows pointing in from every corner."""
    _figure(pen, 0.32, 0.35, 0.40, spread=0.2)
    _figure(pen, 0.68, 0.35, 0.40, spread=0.2)
    _figure(pen, 0.50, 0.27, 0.48, spread=0.2)
    for sx, sy in ((0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)):
        tail = (abs(sx - 0.06), abs(sy - 0.06))
        head = (abs(sx - 0.23), abs(sy - 0.23))
        _arrow(pen, tail, head, 0.055)
