"""提示 (safe condition) pictograms: white symbols on the green square."""

from __future__ import annotations

import math

from signkit.art.pen import Pen
from signkit.art.pictograms.parts import arrow, cross, drop, figure, rotated
from signkit.art.registry import sign


@sign("应急电话", "提示", aliases=("紧急电话", "救援电话", "报警电话", "急救电话"), number="4-7")
def emergency_telephone(pen: Pen) -> None:
    """A telephone handset with a small first-aid cross."""
    cx, cy, tilt = 0.44, 0.56, -45.0
    radius = 0.50
    handle = [(cx + 0.36 + radius * math.cos(math.radians(a)), cy + radius * math.sin(math.radians(a)))
              for a in range(144, 217, 6)]
    pen.stroke(rotated(handle, cx, cy, tilt), 0.16)
    for end in (handle[0], handle[-1]):
        piece = [(end[0] - 0.02, end[1]), (end[0] + 0.13, end[1])]
        pen.stroke(rotated(piece, cx, cy, tilt), 0.22)
    cross(pen, 0.74, 0.26, 0.30)


@sign("急救点", "提示", aliases=("急救站", "急救箱", "急救处"), number="4-6")
def first_aid(pen: Pen) -> None:
    """A bold white Greek cross."""
    cross(pen, 0.50, 0.50, 0.90)


# Not in GB 2894—2008: GB 2894—2025 adds the sign as 洗眼台; the library keeps the name boards already use.
@sign("紧急洗眼器", "提示", aliases=("洗眼台", "洗眼器", "紧急洗眼站", "洗眼站"), standard="GB 2894—2025")
def eye_wash(pen: Pen) -> None:
    """An open eye with drops of rinsing water falling onto it."""
    pen.fill([("M", 0.06, 0.64), ("C", 0.28, 0.34, 0.72, 0.34, 0.94, 0.64), ("C", 0.72, 0.94, 0.28, 0.94, 0.06, 0.64),
              ("Z",)])
    pen.circle(0.50, 0.64, 0.16, knockout=True)
    pen.circle(0.50, 0.64, 0.07)
    for x, y, r in ((0.24, 0.28, 0.065), (0.50, 0.20, 0.075), (0.76, 0.28, 0.065)):
        drop(pen, x, y, r)


@sign("避险处", "提示", aliases=("避险区", "避难处", "躲避处"), number="4-2")
def haven(pen: Pen) -> None:
    """A person standing safe inside a sheltering roof and walls."""
    pen.stroke([(0.17, 0.93), (0.17, 0.42), (0.50, 0.10), (0.83, 0.42), (0.83, 0.93)], 0.09)
    pen.stroke([(0.07, 0.50), (0.50, 0.10), (0.93, 0.50)], 0.09)
    figure(pen, 0.50, 0.30, 0.64)


@sign("应急避难场所", "提示", aliases=("疏散集合点", "紧急避难场所", "应急疏散集合点"), number="4-3")
def assembly_point(pen: Pen) -> None:
    """A group of people gathered in the middle, with arrows pointing in from every corner."""
    figure(pen, 0.32, 0.35, 0.40, spread=0.2)
    figure(pen, 0.68, 0.35, 0.40, spread=0.2)
    figure(pen, 0.50, 0.27, 0.48, spread=0.2)
    for sx, sy in ((0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)):
        tail = (abs(sx - 0.06), abs(sy - 0.06))
        head = (abs(sx - 0.23), abs(sy - 0.23))
        arrow(pen, tail, head, 0.055)
