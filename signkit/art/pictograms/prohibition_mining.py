"""禁止 pictograms of mines (GB 14161 《矿山安全标志》).

The pit-head checks (smoking articles, drink, open flames), ventilation doors, belt
conveyors, rope haulage, unconfined blasting and cap lamps.  GB 14161's own figures were
not available: each is drawn from what the sign forbids, in the style of the GB 2894
signs, and only 2-1…2-3 carry numbers.
"""

from __future__ import annotations

from signkit.art.pen import Local, Pen, bezier
from signkit.art.pictograms.prohibition_parts import arrowhead, flame, liquor, person, rounded_rect, spark, wheel
from signkit.art.registry import sign

GB14161 = "GB 14161—1993"


@sign("禁带烟火", "禁止", aliases=("严禁携带烟火入井", "禁止携带烟火", "严禁烟火入井", "禁止带烟火"), standard=GB14161,
      number="2-1")
def no_smoking_articles(pen: Pen) -> None:
    """A packet of cigarettes and a burning match."""
    for x, top in ((0.18, 0.40), (0.30, 0.46)):
        pen.rect(x, top, 0.08, 0.16)
        pen.rect(x, top + 0.04, 0.08, 0.03, knockout=True)
    pen.rect(0.10, 0.54, 0.34, 0.38)
    pen.rect(0.10, 0.62, 0.34, 0.04, knockout=True)
    pen.stroke([(0.58, 0.58), (0.74, 0.30)], 0.05)
    flame(pen, 0.75, 0.28, 0.14, 0.22, turn=30.0)


@sign("严禁酒后入井(坑)", "禁止", aliases=("禁止酒后入井", "严禁酒后入井", "严禁酒后下井"), standard=GB14161, number="2-2")
def no_drink_underground(pen: Pen) -> None:
    """A liquor bottle and cup, with a miner's helmet and cap lamp for the pit they must not go down."""
    liquor(pen, 0.08, 0.92, 0.95)
    pen.fill([("M", 0.52, 0.40), ("C", 0.52, 0.22, 0.60, 0.14, 0.72, 0.14), ("C", 0.84, 0.14, 0.92, 0.22, 0.92, 0.40),
              ("Z",)])
    pen.rect(0.48, 0.38, 0.48, 0.06)
    pen.circle(0.58, 0.30, 0.05, knockout=True)
    pen.circle(0.58, 0.30, 0.025)


@sign("禁止明火作业", "禁止", aliases=("严禁明火作业", "井口20米内禁止明火"), standard=GB14161, number="2-3")
def no_open_flame_work(pen: Pen) -> None:
    """A blowlamp: a fuel tank with its pump, the burner tube shooting an open flame."""
    pen.fill(rounded_rect(0.10, 0.56, 0.32, 0.34, 0.06))
    pen.stroke([(0.18, 0.56), (0.18, 0.46)], 0.05)
    pen.stroke([(0.12, 0.44), (0.24, 0.44)], 0.06)
    pen.stroke([(0.34, 0.58), (0.34, 0.48), (0.52, 0.36)], 0.06)
    pen.circle(0.34, 0.50, 0.05)
    flame(pen, 0.56, 0.36, 0.22, 0.44, turn=50.0)


@sign("禁止同时打开两道风门", "禁止", aliases=("严禁同时打开两道风门", "风门不得同时敞开"), standard=GB14161)
def no_two_air_doors_open(pen: Pen) -> None:
    """Two ventilation doors one behind the other down a roadway, both swung open, the air rushing through both."""
    for x, y, w, h, t in ((0.06, 0.40, 0.36, 0.54, 0.06), (0.58, 0.10, 0.24, 0.36, 0.045)):
        pen.stroke([(x, y + h), (x, y + 0.1 * h), (x + 0.15 * w, y), (x + 0.85 * w, y), (x + w, y + 0.1 * h),
                    (x + w, y + h)], t)
        pen.polygon([(x + w, y + 0.12 * h), (x + 1.28 * w, y + 0.02 * h), (x + 1.28 * w, y + 0.86 * h),
                     (x + w, y + h)])
    pen.stroke([(0.20, 0.82), (0.66, 0.36)], 0.06)
    arrowhead(pen, (0.72, 0.30), -45.0, 0.14)


@sign("禁止跨乘输送带", "禁止", aliases=("严禁乘坐输送带", "严禁跨越输送带", "禁止乘坐皮带"), standard=GB14161)
def no_riding_conveyor(pen: Pen) -> None:
    """A person sitting astride a running belt conveyor."""
    pen.stroke([(0.10, 0.78), (0.90, 0.78)], 0.05)
    pen.stroke([(0.10, 0.92), (0.90, 0.92)], 0.05)
    for x in (0.10, 0.90):
        pen.circle(x, 0.85, 0.07)
        pen.circle(x, 0.85, 0.025, knockout=True)
    for x in (0.34, 0.50, 0.66):
        pen.circle(x, 0.85, 0.035)
    person(pen, (0.20, 0.45), (0.20, 0.55), (0.22, 0.72),
           [[(0.22, 0.73), (0.40, 0.72), (0.44, 0.76)], [(0.21, 0.57), (0.30, 0.64), (0.40, 0.64)]],
           head_r=0.08, torso=0.13, limb=0.08)
    pen.stroke([(0.60, 0.64), (0.76, 0.64)], 0.05)
    arrowhead(pen, (0.88, 0.64), 0.0, 0.12)


@sign("禁止登钩", "禁止", aliases=("严禁蹬钩", "禁止扒车蹬钩", "严禁扒、蹬、跳车"), standard=GB14161)
def no_riding_couplings(pen: Pen) -> None:
    """A person standing on the coupling between two mine cars on an inclined haulage."""
    slope = Local(0.50, 0.78, -18.0)
    pen.stroke(slope.pts([(-0.50, 0.10), (0.50, 0.10)]), 0.04)
    for x0 in (-0.48, 0.12):
        pen.polygon(slope.pts([(x0, -0.22), (x0 + 0.36, -0.22), (x0 + 0.32, 0.02), (x0 + 0.04, 0.02)]))
        for dx in (0.09, 0.27):
            x, y = slope(x0 + dx, 0.05)
            wheel(pen, x, y, 0.045)
    pen.stroke(slope.pts([(-0.14, -0.04), (0.14, -0.04)]), 0.05)
    person(pen, (0.50, 0.22), (0.50, 0.33), (0.50, 0.54),
           [[(0.48, 0.56), (0.46, 0.76)], [(0.52, 0.56), (0.54, 0.74)],
            [(0.50, 0.35), (0.40, 0.42), (0.34, 0.52)], [(0.50, 0.35), (0.60, 0.40), (0.66, 0.48)]],
           head_r=0.08, torso=0.13, limb=0.08)


@sign("禁止放明炮", "禁止", aliases=("严禁放明炮", "严禁放糊炮"), standard=GB14161)
def no_open_blasting(pen: Pen) -> None:
    """A bundle of explosive sticks lying on top of a rock, its fuse burning."""
    pen.polygon([(0.06, 0.92), (0.10, 0.74), (0.24, 0.64), (0.46, 0.62), (0.66, 0.66), (0.84, 0.74), (0.94, 0.92)])
    for y in (0.44, 0.52):
        pen.fill(rounded_rect(0.22, y, 0.38, 0.075, 0.03))
    pen.stroke([(0.30, 0.42), (0.30, 0.60)], 0.03, knockout=True)
    pen.stroke([(0.52, 0.42), (0.52, 0.60)], 0.03, knockout=True)
    pen.stroke(bezier((0.60, 0.48), (0.70, 0.46), (0.66, 0.30), (0.76, 0.26)), 0.035)
    spark(pen, 0.80, 0.22, 0.09, points=5)


@sign("禁止随意拆卸矿灯", "禁止", aliases=("严禁拆开矿灯", "严禁井下拆卸矿灯"), standard=GB14161)
def no_opening_cap_lamps(pen: Pen) -> None:
    """A miner's cap lamp: its battery case with the lid prised open by a screwdriver, the cord to the lamp head."""
    pen.fill(rounded_rect(0.08, 0.62, 0.34, 0.30, 0.04))
    lid = Local(0.08, 0.58, -24.0)
    pen.fill(lid.segments(rounded_rect(0.0, -0.08, 0.34, 0.08, 0.02)))
    pen.stroke(bezier((0.40, 0.70), (0.60, 0.62), (0.50, 0.36), (0.60, 0.30)), 0.04)
    pen.circle(0.72, 0.26, 0.14)
    pen.circle(0.72, 0.26, 0.085, knockout=True)
    pen.circle(0.72, 0.26, 0.05)
    pen.stroke([(0.46, 0.64), (0.64, 0.76)], 0.04)
    pen.stroke([(0.64, 0.76), (0.80, 0.86)], 0.09)
