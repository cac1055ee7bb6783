"""指令 (mandatory) pictograms for actions: wash, earth, unplug, hold the rail, secure, ventilate, switch off.

GB 2894—2008 表3's 3-13, 3-15 and 3-16, the GB 2894—2025 additions 必须握住扶手 and
必须固定气瓶, GBZ 158's 注意通风 and the filling-station sign 熄火加油.  White symbols on the
blue disc; the ISO 7010 sign each follows, where there is one, is named in its docstring.
"""

from __future__ import annotations

from signkit.art.pen import Pen, bezier
from signkit.art.pictograms.parts import arrow, drop, earth, hand, person, placed, rounded_rect, wave
from signkit.art.registry import sign


@sign("必须洗手", "指令", aliases=("请洗手", "工作后必须洗手"), number="3-13")
def wash_hands(pen: Pen) -> None:
    """Two hands rubbing together under a running tap (ISO M011)."""
    pen.fill(rounded_rect(0.50, 0.08, 0.42, 0.10, 0.03))
    pen.fill(rounded_rect(0.44, 0.08, 0.13, 0.20, 0.04))
    pen.stroke([(0.74, 0.02), (0.74, 0.08)], 0.05)
    pen.stroke([(0.66, 0.03), (0.82, 0.03)], 0.05)
    for x, y in ((0.505, 0.38), (0.44, 0.47), (0.57, 0.47)):
        drop(pen, x, y, 0.03)
    hand(pen, (0.08, 0.84), -18.0, 0.52, cuff=0.12)
    hand(pen, (0.94, 0.80), 200.0, 0.50, mirror=True, cuff=0.12, halo=0.03)


@sign("必须接地", "指令", aliases=("必须可靠接地", "设备必须接地"), number="3-15")
def earth_terminal(pen: Pen) -> None:
    """The earth symbol: a stem onto three bars, each shorter than the one above (ISO M005)."""
    earth(pen, 0.50, 0.58, 0.80, stem=0.50, line=0.09)


@sign("必须拔出插头", "指令", aliases=("检修前必须拔出插头", "用后拔掉插头", "必须断开电源"), number="3-16")
def unplug(pen: Pen) -> None:
    """A plug pulled out of a wall socket, an arrow showing the pull (ISO M006)."""
    pen.stroke([(0.08, 0.30), (0.08, 0.86)], 0.08)
    for y in (0.50, 0.66):
        pen.stroke([(0.22, y), (0.36, y)], 0.055)
    pen.fill(rounded_rect(0.34, 0.40, 0.24, 0.36, 0.05))
    pen.fill(rounded_rect(0.56, 0.49, 0.10, 0.18, 0.03))
    pen.stroke(bezier((0.64, 0.58), (0.82, 0.58), (0.86, 0.72), (0.94, 0.86)), 0.06)
    arrow(pen, (0.22, 0.20), (0.86, 0.20), 0.07)


@sign("必须握住扶手", "指令", aliases=("请握紧扶手", "上下楼梯扶好扶手"), standard="GB 2894—2025")
def hold_handrail(pen: Pen) -> None:
    """A person climbing stairs with a hand on the handrail (ISO M012)."""
    pen.polygon([(0.04, 0.96), (0.04, 0.86), (0.30, 0.86), (0.30, 0.74), (0.56, 0.74), (0.56, 0.62), (0.82, 0.62),
                 (0.82, 0.50), (0.97, 0.50), (0.97, 0.96)])
    pen.stroke([(0.04, 0.62), (0.96, 0.20)], 0.06)
    shoulder, hip = (0.47, 0.25), (0.43, 0.50)
    person(pen, (0.50, 0.13), shoulder, hip,
           [[shoulder, (0.38, 0.36), (0.33, 0.45)], [shoulder, (0.57, 0.35), (0.66, 0.35)],
            [hip, (0.38, 0.61), (0.36, 0.71)], [hip, (0.56, 0.48), (0.61, 0.59)]], size=0.85, halo=0.025)
    pen.circle(0.67, 0.35, 0.05)


@sign("必须固定气瓶", "指令", aliases=("气瓶必须固定", "气瓶应直立固定"), standard="GB 2894—2025")
def secure_cylinders(pen: Pen) -> None:
    """A gas cylinder standing upright, chained to the wall on both sides (ISO M046)."""
    pen.fill(rounded_rect(0.33, 0.24, 0.34, 0.72, 0.15))
    pen.rect(0.44, 0.14, 0.12, 0.12)
    pen.rect(0.40, 0.09, 0.20, 0.06)
    pen.stroke([(0.43, 0.05), (0.57, 0.05)], 0.05)
    pen.stroke([(0.10, 0.54), (0.90, 0.54)], 0.13, knockout=True)
    for x in (0.06, 0.94):
        pen.stroke([(x, 0.40), (x, 0.68)], 0.06)
    for i in range(8):
        x = 0.14 + i * 0.103
        if i % 2:
            pen.stroke([(x - 0.04, 0.54), (x + 0.04, 0.54)], 0.05)
        else:
            pen.ellipse(x, 0.54, 0.065, 0.045)
            pen.ellipse(x, 0.54, 0.032, 0.014, knockout=True)


@sign("注意通风", "指令", aliases=("保持通风",), standard="GBZ 158—2003", number="3.8")
def ventilate(pen: Pen) -> None:
    """A fan in its round housing blowing air out to the right: the air stream drawn as three wavy arrows."""
    cx, cy = 0.33, 0.50
    pen.ring(cx, cy, 0.30, 0.245)
    for degrees in (-30.0, 90.0, 210.0):
        blade = placed([(0.04, -0.05), (0.10, -0.15), (0.19, -0.17), (0.23, -0.06), (0.19, 0.05), (0.08, 0.06)],
                       (cx, cy), degrees, 1.0)
        pen.polygon(blade)
    pen.circle(cx, cy, 0.075)
    pen.circle(cx, cy, 0.03, knockout=True)
    for y in (0.28, 0.50, 0.72):
        pen.stroke(wave((0.68, y), (0.87, y), 0.03, 1.0, steps=16), 0.055)
        pen.polygon([(0.98, y), (0.86, y - 0.065), (0.86, y + 0.065)])


@sign("熄火加油", "指令", aliases=("停车熄火", "请熄火加油", "加油请熄火", "禁止不熄火加油"), standard="AQ 3010—2007")
def engine_off_to_refuel(pen: Pen) -> None:
    """A fuel pump with its nozzle out, and beside it an ignition key turned back to off (an arrow turning left)."""
    pen.fill(rounded_rect(0.06, 0.26, 0.30, 0.68, 0.04))
    pen.fill(rounded_rect(0.11, 0.32, 0.20, 0.16, 0.02), knockout=True)
    pen.rect(0.02, 0.90, 0.38, 0.06)
    pen.stroke([(0.36, 0.40), (0.44, 0.40), (0.46, 0.74)], 0.05)
    pen.polygon([(0.41, 0.70), (0.51, 0.70), (0.50, 0.82), (0.42, 0.82)])
    pen.stroke([(0.46, 0.82), (0.46, 0.90)], 0.04)
    pen.ring(0.74, 0.30, 0.13, 0.055)
    pen.stroke([(0.74, 0.42), (0.74, 0.82)], 0.08)
    for y in (0.66, 0.76):
        pen.stroke([(0.74, y), (0.82, y)], 0.06)
    pen.arc(0.74, 0.30, 0.21, 200, 330, 0.06)
    pen.polygon([(0.52, 0.36), (0.50, 0.22), (0.62, 0.27)])
