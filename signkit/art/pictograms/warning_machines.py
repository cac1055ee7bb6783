"""警告 pictograms for machines and vehicles: automatic start-up, crushing, cutting, forklifts and trains.

GB 2894—2008 表2 signs 2-9 当心自动启动, 2-17 当心挤压, 2-19 当心伤手, 2-31 当心叉车 and
2-33 当心火车, drawn in the visual language of their ISO 7010 twins (W018, W019, W014)
where there is one.
"""

from __future__ import annotations

import math

from signkit.art.pen import Local, Pen, Point
from signkit.art.pictograms.warning_parts import gear, hand, person, rotate
from signkit.art.registry import sign


def _arrow_head(pen: Pen, tip: Point, degrees: float, size: float) -> None:
    """A solid arrowhead with its point at ``tip``, pointing along ``degrees`` (clockwise, y down)."""
    pen.polygon(rotate([(tip[0], tip[1]), (tip[0] - size, tip[1] - size * 0.75), (tip[0] - size, tip[1] + size * 0.75)],
                       tip[0], tip[1], degrees))


@sign("当心自动启动", "警告", aliases=("注意设备自动启动", "小心自动启动"), number="2-9")
def automatic_start(pen: Pen) -> None:
    """A gear wheel inside a circular arrow: a machine that can start turning by itself."""
    cx, cy, r = 0.5, 0.62, 0.29
    gear(pen, cx, cy, 0.17, 8, 0)
    start, end = -70.0, 215.0
    pen.arc(cx, cy, r, start, end, 0.065)
    tip_angle = math.radians(end + 12)
    _arrow_head(pen, (cx + r * math.cos(tip_angle), cy + r * math.sin(tip_angle)), end + 12 + 90, 0.10)


@sign("当心挤压", "警告", aliases=("当心挤伤", "小心挤压"), number="2-17")
def crushing(pen: Pen) -> None:
    """A figure caught between two blocks closing in on it from either side."""
    pen.rect(0.10, 0.50, 0.15, 0.45)
    pen.rect(0.71, 0.50, 0.17, 0.45)
    for tail, tip, angle in (((0.10, 0.40), (0.32, 0.40), 0.0), ((0.88, 0.40), (0.66, 0.40), 180.0)):
        pen.stroke([tail, (tip[0] - 0.06 * math.cos(math.radians(angle)), tip[1])], 0.05)
        _arrow_head(pen, tip, angle, 0.08)
    person(pen, (0.48, 0.45), (0.48, 0.55), (0.48, 0.74),
           [[(0.48, 0.74), (0.41, 0.84), (0.39, 0.93)], [(0.48, 0.74), (0.55, 0.84), (0.57, 0.93)],
            [(0.48, 0.57), (0.36, 0.61), (0.285, 0.56)], [(0.48, 0.57), (0.60, 0.61), (0.675, 0.56)]])


@sign("当心伤手", "警告", aliases=("小心伤手", "当心割手", "注意伤手"), number="2-19")
def cut_hand(pen: Pen) -> None:
    """A knife whose edge cuts into the fingers of a flat hand."""
    hand(pen, (0.07, 0.80), 0.0, 0.58, cuff=0.14)
    knife = Local(0.64, 0.69, -20.0, 1.1)
    blade = knife.pts([(-0.23, -0.03), (-0.12, 0.005), (0.0, 0.012), (0.15, 0.012), (0.15, -0.18), (-0.06, -0.17)])
    pen.stroke(blade, 0.05, closed=True, knockout=True)
    pen.polygon(blade)
    pen.stroke(knife.pts([(0.20, -0.085), (0.35, -0.085)]), 0.12)


@sign("当心叉车", "警告", aliases=("注意叉车", "小心叉车"), number="2-31")
def forklift(pen: Pen) -> None:
    """A forklift truck in profile with its driver, carrying a crate on raised forks."""
    pen.stroke([(0.34, 0.32), (0.34, 0.84)], 0.06)
    pen.stroke([(0.34, 0.82), (0.12, 0.82)], 0.045)
    pen.rect(0.12, 0.58, 0.19, 0.21)
    pen.stroke([(0.45, 0.62), (0.45, 0.36), (0.70, 0.36), (0.73, 0.62)], 0.045)
    pen.circle(0.58, 0.46, 0.055)
    pen.stroke([(0.58, 0.52), (0.58, 0.62)], 0.07)
    pen.fill([("M", 0.39, 0.62), ("L", 0.82, 0.62), ("C", 0.88, 0.62, 0.90, 0.66, 0.90, 0.72), ("L", 0.90, 0.80),
              ("L", 0.39, 0.80), ("Z",)])
    for x, r in ((0.48, 0.095), (0.79, 0.08)):
        pen.circle(x, 0.83, r + 0.02, knockout=True)
        pen.circle(x, 0.83, r)
        pen.circle(x, 0.83, r * 0.35, knockout=True)


@sign("当心火车", "警告", aliases=("注意火车", "当心机车"), number="2-33")
def train(pen: Pen) -> None:
    """A steam locomotive in profile on a rail: chimney, boiler, cab and driving wheels."""
    pen.rect(0.06, 0.89, 0.88, 0.045)
    pen.fill([("M", 0.20, 0.50), ("L", 0.62, 0.50), ("L", 0.62, 0.72), ("L", 0.16, 0.72), ("C", 0.13, 0.72, 0.12, 0.70, 0.12, 0.67),
              ("L", 0.12, 0.56), ("C", 0.12, 0.52, 0.15, 0.50, 0.20, 0.50), ("Z",)])
    pen.polygon([(0.18, 0.50), (0.16, 0.37), (0.29, 0.37), (0.27, 0.50)])
    pen.ellipse(0.42, 0.50, 0.06, 0.04)
    pen.polygon([(0.60, 0.33), (0.88, 0.33), (0.88, 0.38), (0.85, 0.38), (0.85, 0.76), (0.60, 0.76)])
    pen.rect(0.66, 0.42, 0.13, 0.11, knockout=True)
    pen.polygon([(0.12, 0.72), (0.22, 0.72), (0.22, 0.84), (0.07, 0.84)])
    for x, r in ((0.34, 0.085), (0.54, 0.085), (0.75, 0.065)):
        pen.circle(x, 0.80, r + 0.02, knockout=True)
        pen.circle(x, 0.80, r)
        pen.circle(x, 0.80, r * 0.35, knockout=True)
    pen.stroke([(0.34, 0.80), (0.54, 0.80)], 0.035)
