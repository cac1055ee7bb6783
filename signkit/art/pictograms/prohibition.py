"""禁止 (prohibition) pictograms: only the forbidden object or act is drawn here.

The frame puts the red ring and the 45° bar (upper left to lower right) over the
symbol; the inner circle covers all of the unit square but its very corners, and the
key details sit off the diagonal where the bar will run.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from signkit.art.pen import Pen, Point
from signkit.art.registry import sign


def _bezier(p0: Point, p1: Point, p2: Point, p3: Point, steps: int = 16) -> list[Point]:
    """Points along a cubic Bézier, for stroking curved lines."""
    out: list[Point] = []
    for i in range(steps + 1):
        t = i / steps
        a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t ** 2, t ** 3
        out.append((a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]))
    return out


def _rotated(points: Sequence[Point], cx: float, cy: float, degrees: float) -> list[Point]:
    """``points`` turned ``degrees`` clockwise (y down) about (cx, cy)."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return [(cx + (x - cx) * c - (y - cy) * s, cy + (x - cx) * s + (y - cy) * c) for x, y in points]


def _drop(pen: Pen, x: float, y: float, r: float) -> None:
    """A water drop whose round bottom is centred on (x, y)."""
    pen.fill([("M", x, y - 2.2 * r), ("C", x + 0.4 * r, y - 1.3 * r, x + r, y - 0.7 * r, x + r, y),
              ("C", x + r, y + 0.55 * r, x + 0.55 * r, y + r, x, y + r),
              ("C", x - 0.55 * r, y + r, x - r, y + 0.55 * r, x - r, y),
              ("C", x - r, y - 0.7 * r, x - 0.4 * r, y - 1.3 * r, x, y - 2.2 * r), ("Z",)])


@sign("禁止吸烟", "禁止")
def no_smoking(pen: Pen) -> None:
    """A lit cigarette with smoke rising from its glowing end."""
    pen.rect(0.06, 0.58, 0.70, 0.16)
    pen.rect(0.27, 0.58, 0.04, 0.16, knockout=True)
    pen.rect(0.80, 0.58, 0.12, 0.16)
    for x in (0.74, 0.88):
        pen.stroke(_bezier((x, 0.50), (x - 0.11, 0.40), (x + 0.11, 0.28), (x, 0.14)), 0.06)


@sign("禁止触摸", "禁止")
def no_touching(pen: Pen) -> None:
    """An open hand, palm forward."""
    pen.fill([("M", 0.26, 0.44), ("L", 0.74, 0.44), ("C", 0.76, 0.62, 0.72, 0.76, 0.66, 0.82),
              ("L", 0.66, 0.98), ("L", 0.38, 0.98), ("L", 0.38, 0.84), ("C", 0.30, 0.76, 0.26, 0.62, 0.26, 0.44),
              ("Z",)])
    for (bx, by), (tx, ty) in (((0.32, 0.48), (0.28, 0.22)), ((0.44, 0.46), (0.43, 0.09)),
                               ((0.56, 0.46), (0.58, 0.08)), ((0.68, 0.48), (0.72, 0.19))):
        pen.stroke([(bx, by), (tx, ty)], 0.105)
    pen.stroke([(0.34, 0.72), (0.20, 0.58), (0.13, 0.42)], 0.105)


@sign("禁止合闸", "禁止")
def no_switching_on(pen: Pen) -> None:
    """An open knife switch: the jaw clip above, the blade swung out on its hinge, handle at its end."""
    hx, hy, jaw = 0.44, 0.80, 0.24
    pen.stroke([(hx, 0.05), (hx, jaw - 0.08)], 0.075)
    pen.stroke([(hx - 0.10, jaw + 0.12), (hx - 0.10, jaw - 0.07), (hx + 0.10, jaw - 0.07), (hx + 0.10, jaw + 0.12)],
               0.085)
    angle = -56.0
    length = hy - jaw
    tip = (hx + length * math.cos(math.radians(angle)), hy + length * math.sin(math.radians(angle)))
    pen.stroke([(hx, hy), tip], 0.10)
    pen.stroke(_rotated([(tip[0] - 0.13, tip[1]), (tip[0] + 0.13, tip[1])], tip[0], tip[1], angle + 90), 0.12)
    pen.stroke([(hx, hy), (hx, 0.95)], 0.075)
    pen.circle(hx, hy, 0.10)
    pen.circle(hx, hy, 0.035, knockout=True)


@sign("禁止攀登", "禁止")
def no_climbing(pen: Pen) -> None:
    """A figure climbing a ladder."""
    pen.stroke([(0.60, 0.05), (0.60, 0.96)], 0.065)
    pen.stroke([(0.88, 0.05), (0.88, 0.96)], 0.065)
    for y in (0.20, 0.40, 0.60, 0.80):
        pen.stroke([(0.60, y), (0.88, y)], 0.055)
    pen.circle(0.40, 0.14, 0.095)
    pen.stroke([(0.38, 0.30), (0.30, 0.56)], 0.13)
    pen.stroke([(0.40, 0.31), (0.52, 0.30), (0.61, 0.20)], 0.075)
    pen.stroke([(0.30, 0.56), (0.50, 0.50), (0.60, 0.60)], 0.09)
    pen.stroke([(0.30, 0.58), (0.30, 0.80), (0.60, 0.80)], 0.09)


@sign("禁止入内", "禁止")
def no_entry(pen: Pen) -> None:
    """A person standing face on."""
    pen.circle(0.50, 0.13, 0.10)
    pen.stroke([(0.50, 0.32), (0.50, 0.58)], 0.20)
    pen.stroke([(0.38, 0.30), (0.29, 0.46), (0.26, 0.64)], 0.09)
    pen.stroke([(0.62, 0.30), (0.71, 0.46), (0.74, 0.64)], 0.09)
    pen.stroke([(0.445, 0.60), (0.43, 0.94)], 0.10)
    pen.stroke([(0.555, 0.60), (0.57, 0.94)], 0.10)


@sign("禁止用水灭火", "禁止")
def no_water_on_fire(pen: Pen) -> None:
    """Water pouring from a tipped bucket onto a flame."""
    cx, cy, turn = 0.72, 0.27, -118.0
    pen.polygon(_rotated([(cx - 0.20, cy - 0.17), (cx + 0.20, cy - 0.17), (cx + 0.14, cy + 0.19),
                          (cx - 0.14, cy + 0.19)], cx, cy, turn))
    pen.stroke(_rotated([(cx - 0.21, cy - 0.18), (cx + 0.21, cy - 0.18)], cx, cy, turn), 0.07)
    mouth = _rotated([(cx, cy - 0.18)], cx, cy, turn)[0]
    pen.stroke(_bezier(mouth, (mouth[0] - 0.10, mouth[1] + 0.02), (0.34, 0.40), (0.30, 0.52)), 0.08)
    _drop(pen, 0.16, 0.44, 0.045)
    _drop(pen, 0.46, 0.54, 0.04)
    pen.fill([("M", 0.27, 0.52), ("C", 0.52, 0.64, 0.56, 0.84, 0.47, 0.96), ("L", 0.11, 0.96),
              ("C", 0.01, 0.82, 0.06, 0.68, 0.14, 0.61), ("C", 0.14, 0.71, 0.18, 0.75, 0.22, 0.73),
              ("C", 0.19, 0.66, 0.21, 0.58, 0.27, 0.52), ("Z",)])


@sign("禁止启动", "禁止")
def no_starting(pen: Pen) -> None:
    """A power (start) button symbol."""
    pen.arc(0.50, 0.54, 0.33, -58, 238, 0.11)
    pen.stroke([(0.50, 0.12), (0.50, 0.50)], 0.11)


@sign("禁止通行", "禁止")
def no_passage(pen: Pen) -> None:
    """A person walking."""
    pen.circle(0.54, 0.12, 0.10)
    pen.stroke([(0.52, 0.30), (0.47, 0.56)], 0.15)
    pen.stroke([(0.47, 0.58), (0.61, 0.74), (0.66, 0.94)], 0.10)
    pen.stroke([(0.47, 0.58), (0.38, 0.76), (0.26, 0.92)], 0.10)
    pen.stroke([(0.52, 0.31), (0.65, 0.44), (0.72, 0.58)], 0.085)
    pen.stroke([(0.52, 0.31), (0.40, 0.44), (0.33, 0.58)], 0.085)
