"""警告 pictograms for energy and fields: buried cables, cold, magnets, fission, lasers, microwaves, batteries, high voltage.

GB 2894—2008 表2 signs 2-8 当心电缆, 2-25 当心低温, 2-26 当心磁场, 2-28 当心裂变物质,
2-29 当心激光 and 2-30 当心微波 (ISO 7010 W010, W006, W004, W005), GB 2894—2025's
当心电池充电 (ISO 7010 W026), and GB 26860's 止步，高压危险！ in the warning frame.
"""

from __future__ import annotations

import math

from signkit.art.pen import Pen, arc_points
from signkit.art.pictograms.examples import electric_shock
from signkit.art.pictograms.warning_parts import bolt
from signkit.art.registry import sign


@sign("当心电缆", "警告", aliases=("注意电缆", "下有电缆", "地下有电缆"), number="2-8")
def buried_cable(pen: Pen) -> None:
    """A live cable buried under the ground line: a bolt above, the cable's cut end showing its cores."""
    bolt(pen, 0.35, 0.08, 0.42)
    pen.rect(0.08, 0.57, 0.84, 0.06)
    pen.stroke([(0.30, 0.79), (0.89, 0.79)], 0.15)
    pen.stroke([(0.36, 0.79), (0.86, 0.79)], 0.03, knockout=True)
    pen.circle(0.22, 0.79, 0.12)
    for angle in (-90.0, 30.0, 150.0):
        a = math.radians(angle)
        pen.circle(0.22 + 0.05 * math.cos(a), 0.79 + 0.05 * math.sin(a), 0.032, knockout=True)


@sign("当心低温", "警告", aliases=("当心冻伤", "注意低温"), number="2-25")
def low_temperature(pen: Pen) -> None:
    """A six-armed snowflake."""
    cx, cy, r = 0.5, 0.62, 0.31
    for k in range(6):
        a = math.radians(-90 + 60 * k)
        ux, uy = math.cos(a), math.sin(a)
        pen.stroke([(cx, cy), (cx + r * ux, cy + r * uy)], 0.065)
        for at, length in ((0.45, 0.12), (0.75, 0.09)):
            bx, by = cx + r * at * ux, cy + r * at * uy
            for turn in (-50.0, 50.0):
                t = math.radians(-90 + 60 * k + turn)
                pen.stroke([(bx, by), (bx + length * math.cos(t), by + length * math.sin(t))], 0.05)
    pen.circle(cx, cy, 0.06)


@sign("当心磁场", "警告", aliases=("注意磁场", "强磁场"), number="2-26")
def magnetic_field(pen: Pen) -> None:
    """A horseshoe magnet, poles down, with field lines looping between the poles."""
    pen.arc(0.5, 0.50, 0.19, 180, 360, 0.13)
    for x in (0.31, 0.69):
        pen.stroke([(x, 0.50), (x, 0.70)], 0.13)
        pen.stroke([(x - 0.07, 0.63), (x + 0.07, 0.63)], 0.025, knockout=True)
    for rx, ry in ((0.10, 0.06), (0.19, 0.13), (0.28, 0.20)):
        pen.stroke([(0.5 + rx * math.cos(math.radians(a)), 0.72 + ry * math.sin(math.radians(a)))
                    for a in range(0, 181, 10)], 0.04)


@sign("当心裂变物质", "警告", aliases=("当心核裂变物质",), number="2-28")
def fission(pen: Pen) -> None:
    """A neutron flying into a nucleus that breaks in two halves, more neutrons flying off."""
    for (cx, cy), start in (((0.47, 0.66), 110.0), ((0.57, 0.58), -70.0)):
        pen.polygon(arc_points(cx, cy, 0.17, start, start + 180))
    pen.circle(0.12, 0.70, 0.05)
    pen.stroke([(0.19, 0.70), (0.25, 0.70)], 0.04)
    pen.polygon([(0.30, 0.70), (0.24, 0.66), (0.24, 0.74)])
    for angle, dist in ((-60.0, 0.33), (10.0, 0.33), (75.0, 0.30)):
        a = math.radians(angle)
        x, y = 0.52 + dist * math.cos(a), 0.62 + dist * math.sin(a)
        pen.circle(x, y, 0.045)
        pen.stroke([(x - 0.08 * math.cos(a), y - 0.08 * math.sin(a)), (x - 0.13 * math.cos(a), y - 0.13 * math.sin(a))],
                   0.03)


@sign("当心激光", "警告", aliases=("当心激光辐射", "注意激光"), number="2-29")
def laser(pen: Pen) -> None:
    """A starburst with a straight beam running from its centre out to the right."""
    cx, cy = 0.34, 0.66
    pen.circle(cx, cy, 0.075)
    for k in range(12):
        a = math.radians(15 + 30 * k)
        outer = 0.22 if k % 2 else 0.15
        pen.stroke([(cx + 0.10 * math.cos(a), cy + 0.10 * math.sin(a)),
                    (cx + outer * math.cos(a), cy + outer * math.sin(a))], 0.05)
    pen.stroke([(cx, cy), (0.90, cy)], 0.065)


@sign("当心微波", "警告", aliases=("当心电磁辐射", "当心微波辐射"), number="2-30")
def non_ionizing_radiation(pen: Pen) -> None:
    """An antenna mast radiating waves to both sides."""
    cx, top = 0.5, 0.50
    pen.stroke([(cx, top), (0.40, 0.90)], 0.055)
    pen.stroke([(cx, top), (0.60, 0.90)], 0.055)
    pen.stroke([(0.44, 0.70), (0.56, 0.70)], 0.04)
    pen.rect(0.30, 0.89, 0.40, 0.05)
    pen.circle(cx, top, 0.05)
    for r in (0.11, 0.19, 0.27):
        pen.arc(cx, top, r, -35, 35, 0.05)
        pen.arc(cx, top, r, 145, 215, 0.05)


@sign("当心电池充电", "警告", aliases=("充电危险", "当心蓄电池充电"), standard="GB 2894—2025")
def battery_charging(pen: Pen) -> None:
    """A storage battery: two terminals on top, plus and minus marked, a charging bolt on its side."""
    pen.rect(0.30, 0.43, 0.10, 0.06)
    pen.rect(0.60, 0.43, 0.10, 0.06)
    pen.rect(0.16, 0.48, 0.68, 0.44)
    pen.stroke([(0.27, 0.60), (0.43, 0.60)], 0.05, knockout=True)
    pen.stroke([(0.35, 0.52), (0.35, 0.68)], 0.05, knockout=True)
    pen.stroke([(0.57, 0.60), (0.73, 0.60)], 0.05, knockout=True)
    bolt(pen, 0.37, 0.63, 0.27, knockout=True)


@sign("止步，高压危险！", "警告", aliases=("止步高压危险", "高压危险止步", "止步 高压危险"), standard="GB 26860—2011")
def stop_high_voltage(pen: Pen) -> None:
    """当心触电's lightning bolt: the 安规 board puts it above its fixed wording."""
    electric_shock(pen)
