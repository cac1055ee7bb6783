"""禁止 pictograms about what people carry, drink or have in their bodies.

GB 2894—2008 表1 1-26 and 1-32…1-40: drinking water that is not for drinking, metal
objects and watches, pacemakers and metal implants near strong fields, weapons, and
flammable, explosive, toxic, radioactive or magnetic goods (the 携带托运 signs of
stations and airports); and the GB 2894—2025 addition 禁止酒后作业 (known by name only).
"""

from __future__ import annotations

import math

from signkit.art.pen import Local, Pen, bezier
from signkit.art.pictograms.prohibition_parts import drop, flame, liquor, rotated, rounded_rect
from signkit.art.registry import sign

GB2894_2025 = "GB 2894—2025"


def _burst(pen: Pen, cx: float, cy: float, r: float) -> None:
    """An exploding object: a spiky burst with fragments flying out of it."""
    points = []
    for i in range(16):
        a = math.radians(-90 + 22.5 * i)
        rr = r if i % 2 == 0 else r * 0.55
        points.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    pen.polygon(points)
    pen.circle(cx, cy, r * 0.28, knockout=True)


def _skull(pen: Pen, cx: float, cy: float, s: float) -> None:
    """A skull above crossed bones, ``s`` about its height."""
    for sign_x in (-1.0, 1.0):
        a = (cx - sign_x * 0.40 * s, cy + 0.30 * s)
        b = (cx + sign_x * 0.40 * s, cy + 0.62 * s)
        pen.stroke([a, b], 0.10 * s)
        for x, y in (a, b):
            pen.circle(x, y, 0.07 * s)
    pen.circle(cx, cy, 0.30 * s)
    pen.rect(cx - 0.18 * s, cy + 0.10 * s, 0.36 * s, 0.26 * s)
    for dx in (-0.12, 0.12):
        pen.circle(cx + dx * s, cy + 0.02 * s, 0.08 * s, knockout=True)
    pen.polygon([(cx, cy + 0.12 * s), (cx - 0.04 * s, cy + 0.20 * s), (cx + 0.04 * s, cy + 0.20 * s)], knockout=True)


def _trefoil(pen: Pen, cx: float, cy: float, r: float) -> None:
    """The radiation trefoil: a centre disc and three blades (``r`` the blades' outer radius)."""
    pen.circle(cx, cy, r * 0.2)
    for mid in (-90.0, 30.0, 150.0):
        outer = [(cx + r * math.cos(math.radians(a)), cy + r * math.sin(math.radians(a)))
                 for a in (mid - 30 + 60 * i / 12 for i in range(13))]
        inner = [(cx + r * 0.3 * math.cos(math.radians(a)), cy + r * 0.3 * math.sin(math.radians(a)))
                 for a in (mid + 30 - 60 * i / 12 for i in range(13))]
        pen.polygon(outer + inner)


def _bust(pen: Pen) -> None:
    """A head and shoulders seen face on, filling the lower half of the square."""
    pen.circle(0.50, 0.24, 0.14)
    pen.fill([("M", 0.14, 0.96), ("C", 0.14, 0.62, 0.26, 0.46, 0.50, 0.46), ("C", 0.74, 0.46, 0.86, 0.62, 0.86, 0.96),
              ("Z",)])


@sign("禁止饮用", "禁止", aliases=("非饮用水", "不可饮用", "禁止饮用此水"), number="1-26")
def no_drinking(pen: Pen) -> None:
    """A water tap dripping into a drinking glass."""
    pen.stroke([(0.88, 0.22), (0.46, 0.22)], 0.10)
    pen.stroke([(0.46, 0.22), (0.38, 0.26), (0.36, 0.36)], 0.09)
    pen.stroke([(0.66, 0.22), (0.66, 0.11)], 0.06)
    pen.stroke([(0.57, 0.09), (0.75, 0.09)], 0.06)
    drop(pen, 0.36, 0.50, 0.035)
    glass = [(0.20, 0.60), (0.52, 0.60), (0.48, 0.92), (0.24, 0.92)]
    pen.polygon([(0.215, 0.74), (0.505, 0.74), (0.48, 0.92), (0.24, 0.92)])
    pen.stroke(glass, 0.05, closed=True)


@sign("禁止携带金属物或手表", "禁止", aliases=("禁止携带金属物品",), number="1-32")
def no_metal_or_watches(pen: Pen) -> None:
    """A wristwatch on its strap, and a key."""
    pen.rect(0.24, 0.34, 0.16, 0.56)
    pen.circle(0.32, 0.62, 0.16)
    pen.circle(0.32, 0.62, 0.115, knockout=True)
    pen.stroke([(0.32, 0.62), (0.32, 0.54)], 0.04)
    pen.stroke([(0.32, 0.62), (0.38, 0.65)], 0.04)
    pen.ring(0.64, 0.22, 0.11, 0.055)
    pen.stroke([(0.71, 0.30), (0.88, 0.58)], 0.07)
    for t in (0.62, 0.82):
        x, y = 0.71 + 0.17 * t, 0.30 + 0.28 * t
        pen.stroke([(x, y), (x + 0.07, y - 0.04)], 0.05)


@sign("禁止佩戴心脏起搏器者靠近", "禁止", aliases=("心脏起搏器佩戴者禁止靠近",), number="1-33")
def no_pacemakers(pen: Pen) -> None:
    """A head and shoulders with a pacemaker under the skin of the chest, its lead running to the heart."""
    _bust(pen)
    pen.fill(rounded_rect(0.24, 0.58, 0.16, 0.12, 0.03), knockout=True)
    pen.stroke(bezier((0.40, 0.64), (0.48, 0.62), (0.52, 0.70), (0.52, 0.80)), 0.035, knockout=True)
    pen.circle(0.52, 0.82, 0.035, knockout=True)


@sign("禁止植入金属材料者靠近", "禁止", aliases=("体内有金属植入物者禁止靠近",), number="1-34")
def no_metal_implants(pen: Pen) -> None:
    """A person face on with a metal hip joint (ball and stem) showing white in one thigh."""
    pen.circle(0.50, 0.12, 0.10)
    pen.stroke([(0.50, 0.30), (0.50, 0.50)], 0.28)
    for side in (-1.0, 1.0):
        pen.stroke([(0.50 + side * 0.15, 0.27), (0.50 + side * 0.23, 0.42), (0.50 + side * 0.25, 0.60)], 0.09)
        pen.stroke([(0.50 + side * 0.085, 0.54), (0.50 + side * 0.10, 0.93)], 0.16)
    pen.circle(0.43, 0.62, 0.045, knockout=True)
    pen.stroke([(0.43, 0.64), (0.405, 0.82)], 0.045, knockout=True)


@sign("禁止携带武器及仿真武器", "禁止", aliases=("禁止携带武器",), number="1-37")
def no_weapons(pen: Pen) -> None:
    """A pistol and a knife."""
    pen.fill(rounded_rect(0.44, 0.18, 0.46, 0.12, 0.02))
    pen.polygon([(0.72, 0.28), (0.88, 0.28), (0.92, 0.54), (0.78, 0.54)])
    pen.arc(0.68, 0.32, 0.07, 20, 160, 0.035)
    pen.stroke([(0.68, 0.30), (0.68, 0.36)], 0.035)
    pen.fill(rounded_rect(0.06, 0.70, 0.18, 0.09, 0.03))
    pen.rect(0.24, 0.66, 0.04, 0.17)
    pen.fill([("M", 0.28, 0.70), ("L", 0.48, 0.70), ("C", 0.54, 0.70, 0.58, 0.72, 0.62, 0.76), ("L", 0.28, 0.79),
              ("Z",)])


@sign("禁止携带托运易燃及易爆物品", "禁止", aliases=("禁止携带易燃易爆物品", "严禁携带易燃易爆物品"), number="1-38")
def no_flammable_explosive_goods(pen: Pen) -> None:
    """A flame beside an exploding object."""
    flame(pen, 0.28, 0.90, 0.32, 0.46)
    _burst(pen, 0.68, 0.32, 0.24)
    for angle, dist in ((-150.0, 0.34), (20.0, 0.33), (60.0, 0.36)):
        x = 0.68 + dist * math.cos(math.radians(angle))
        y = 0.32 + dist * math.sin(math.radians(angle))
        pen.polygon(rotated([(x - 0.03, y - 0.02), (x + 0.03, y - 0.03), (x + 0.02, y + 0.03), (x - 0.03, y + 0.02)],
                            x, y, angle))


@sign("禁止携带托运有毒物品及有害液体", "禁止", aliases=("禁止携带有毒物品",), number="1-39")
def no_toxic_goods(pen: Pen) -> None:
    """A skull and crossbones beside a bottle of liquid."""
    _skull(pen, 0.70, 0.24, 0.42)
    pen.fill([("M", 0.12, 0.92), ("L", 0.12, 0.60), ("C", 0.12, 0.54, 0.18, 0.50, 0.22, 0.48), ("L", 0.22, 0.38),
              ("L", 0.32, 0.38), ("L", 0.32, 0.48), ("C", 0.36, 0.50, 0.42, 0.54, 0.42, 0.60), ("L", 0.42, 0.92),
              ("Z",)])
    pen.rect(0.20, 0.32, 0.14, 0.06)
    pen.stroke([(0.12, 0.66), (0.42, 0.66)], 0.03, knockout=True)
    drop(pen, 0.54, 0.88, 0.04)


@sign("禁止携带托运放射性及磁性物品", "禁止", aliases=("禁止携带放射性物品",), number="1-40")
def no_radioactive_magnetic_goods(pen: Pen) -> None:
    """The radiation trefoil beside a horseshoe magnet."""
    _trefoil(pen, 0.68, 0.32, 0.22)
    pen.arc(0.31, 0.60, 0.15, 180, 360, 0.12)
    for x in (0.16, 0.46):
        pen.stroke([(x, 0.60), (x, 0.86)], 0.12)
        pen.stroke([(x - 0.07, 0.78), (x + 0.07, 0.78)], 0.03, knockout=True)


@sign("禁止酒后作业", "禁止", aliases=("严禁酒后上岗", "禁止酒后上岗", "严禁酒后作业"), standard=GB2894_2025)
def no_work_after_drinking(pen: Pen) -> None:
    """A liquor bottle and cup, with a spanner for the work they must not come before."""
    liquor(pen, 0.08, 0.92, 0.95)
    at = Local(0.70, 0.30, -45.0)
    pen.stroke(at.pts([(-0.20, 0.0), (0.12, 0.0)]), 0.08)
    pen.circle(*at(0.20, 0.0), 0.10)
    pen.polygon(at.pts([(0.17, -0.04), (0.34, -0.04), (0.34, 0.04), (0.17, 0.04)]), knockout=True)
