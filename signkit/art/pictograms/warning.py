"""警告 pictograms: the black symbols drawn inside the yellow warning triangle.

The unit square sits low in the triangle: its top edge is only about 0.59 wide
(x 0.21–0.79) and the triangle's sides reach the square's edges near y 0.36, so
every symbol here is bottom-heavy and keeps its upper parts near the centre line.
Figures follow the reference style: a circle head and thick round-capped strokes.
"""

from __future__ import annotations

import math

from signkit.art.pen import Pen
from signkit.art.pictograms.warning_parts import (
    crossbones,
    drop,
    falling_person,
    gear,
    hand,
    person,
    rock,
    rotate,
    skull,
    star,
    tongue,
    vwave,
    wave,
)
from signkit.art.registry import sign

# ---------------------------------------------------------------- signs


@sign("注意安全", "警告", aliases=("当心危险", "注意危险", "小心危险", "危险", "注意"), number="2-1")
def general_warning(pen: Pen) -> None:
    """An exclamation mark."""
    pen.circle(0.5, 0.13, 0.08)
    pen.polygon([(0.42, 0.13), (0.58, 0.13), (0.543, 0.64), (0.457, 0.64)])
    pen.circle(0.5, 0.64, 0.043)
    pen.circle(0.5, 0.855, 0.08)


@sign("当心火灾", "警告", aliases=("当心易燃物", "注意防火", "小心火灾", "当心着火"), number="2-2")
def fire(pen: Pen) -> None:
    """Three flame tongues rising from a base line."""
    tongue(pen, 0.30, 0.69, 0.15, 0.19, 0.34)
    tongue(pen, 0.70, 0.69, 0.15, 0.82, 0.32)
    tongue(pen, 0.50, 0.60, 0.24, 0.55, 0.05)
    tongue(pen, 0.50, 0.74, 0.095, 0.45, 0.37, knockout=True)
    pen.rect(0.10, 0.88, 0.80, 0.06)


@sign("当心爆炸", "警告", aliases=("小心爆炸", "注意防爆", "当心爆炸物"), number="2-3")
def explosion(pen: Pen) -> None:
    """A bursting star with fragments flying out of it."""
    cx, cy = 0.5, 0.62
    pen.polygon(star(cx, cy, (0.33, 0.26, 0.32, 0.25, 0.33, 0.26, 0.32, 0.25, 0.33, 0.26), 0.16, start=-90))
    pen.polygon(star(cx, cy, (0.15, 0.11, 0.14, 0.11, 0.15, 0.11, 0.14, 0.11, 0.15, 0.11), 0.075, start=-90),
                knockout=True)
    fragments = ((-130, 0.42, 0.06, 20), (-50, 0.42, 0.06, -25), (-90, 0.53, 0.05, 40), (175, 0.38, 0.05, -10),
                 (5, 0.38, 0.05, 30))
    for angle, dist, half, turn in fragments:
        fx = cx + dist * math.cos(math.radians(angle))
        fy = cy + dist * math.sin(math.radians(angle))
        pen.polygon(rotate([(fx - half, fy - half * 0.6), (fx + half, fy - half), (fx + half * 0.7, fy + half * 0.8),
                             (fx - half * 0.9, fy + half * 0.6)], fx, fy, turn))


@sign("当心中毒", "警告", aliases=("当心有毒", "小心中毒", "有毒危险", "注意中毒"), number="2-5")
def poison(pen: Pen) -> None:
    """A skull above crossed bones."""
    crossbones(pen, 0.5, 0.73, 0.32, 0.15, 0.075)
    skull(pen, 0.5, 0.29, 0.20)


@sign("当心腐蚀", "警告", aliases=("小心腐蚀", "当心腐蚀品", "注意腐蚀"), number="2-4")
def corrosion(pen: Pen) -> None:
    """Two tilted test tubes dripping onto a hand and onto a bar, both eaten away."""
    for sx in (-1.0, 1.0):
        closed = (0.5 + sx * 0.08, 0.08)
        mouth = (0.5 + sx * 0.28, 0.27)
        pen.stroke([closed, mouth], 0.13)
        mid = (closed[0] + (mouth[0] - closed[0]) * 0.45, closed[1] + (mouth[1] - closed[1]) * 0.45)
        pen.stroke([closed, mid], 0.055, knockout=True)
        pen.stroke([(mouth[0] - sx * 0.075, mouth[1] - 0.005), (mouth[0] + sx * 0.035, mouth[1] + 0.05)], 0.065)
        drop(pen, mouth[0] + sx * 0.01, 0.41, 0.036)
        drop(pen, mouth[0] + sx * 0.01, 0.54, 0.036)
    # left: a hand, fingers towards the middle, bitten where the drops land
    hand(pen, (0.13, 0.72), 0.0, 0.38, mirror=True, cuff=0.18)
    pen.circle(0.21, 0.635, 0.035, knockout=True)
    # right: a bar, bitten the same way
    pen.rect(0.56, 0.64, 0.38, 0.18)
    pen.circle(0.79, 0.64, 0.05, knockout=True)
    pen.circle(0.67, 0.64, 0.03, knockout=True)


@sign("当心机械伤人", "警告", aliases=("当心机械伤害", "小心机械伤人", "注意机械伤人"), number="2-10")
def machinery(pen: Pen) -> None:
    """A hand reaching down into the nip between two meshing gear wheels."""
    gear(pen, 0.295, 0.72, 0.215, 10, 0)
    gear(pen, 0.705, 0.72, 0.215, 10, 18)
    hand(pen, (0.5, 0.15), 90.0, 0.42, cuff=0.18, halo=0.025)


@sign("当心坠落", "警告", aliases=("当心高处坠落", "小心坠落", "注意坠落", "防止坠落"), number="2-34")
def fall_from_height(pen: Pen) -> None:
    """A figure tumbling head first off the edge of a high platform."""
    pen.polygon([(0.06, 0.40), (0.40, 0.40), (0.40, 0.48), (0.30, 0.48), (0.30, 0.95), (0.06, 0.95)])
    pen.rect(0.30, 0.89, 0.64, 0.06)
    falling_person(pen, 0.0, 0.0)


@sign("当心落物", "警告", aliases=("当心坠物", "当心高空落物", "当心高空坠物", "小心落物"), number="2-14")
def falling_objects(pen: Pen) -> None:
    """A block falling onto a figure shielding its head."""
    pen.polygon(rotate([(0.39, 0.06), (0.61, 0.06), (0.61, 0.24), (0.39, 0.24)], 0.5, 0.15, 12))
    pen.stroke([(0.30, 0.08), (0.30, 0.19)], 0.05)
    pen.stroke([(0.72, 0.10), (0.72, 0.22)], 0.05)
    person(pen, (0.5, 0.47), (0.5, 0.58), (0.5, 0.74),
            [[(0.5, 0.74), (0.41, 0.83), (0.38, 0.92)], [(0.5, 0.74), (0.59, 0.83), (0.62, 0.92)],
             [(0.5, 0.60), (0.36, 0.52), (0.40, 0.38)], [(0.5, 0.60), (0.64, 0.52), (0.60, 0.38)]])


@sign("当心车辆", "警告", aliases=("注意车辆", "小心车辆", "当心来车", "注意来往车辆"), number="2-32")
def vehicles(pen: Pen) -> None:
    """A car seen from the side."""
    pen.fill([("M", 0.08, 0.78), ("L", 0.08, 0.66), ("C", 0.08, 0.61, 0.11, 0.59, 0.16, 0.58), ("L", 0.26, 0.56),
              ("L", 0.34, 0.41), ("C", 0.35, 0.39, 0.37, 0.38, 0.40, 0.38), ("L", 0.66, 0.38),
              ("C", 0.69, 0.38, 0.71, 0.39, 0.72, 0.41), ("L", 0.79, 0.56), ("L", 0.87, 0.58),
              ("C", 0.90, 0.59, 0.92, 0.62, 0.92, 0.66), ("L", 0.92, 0.78), ("Z",)])
    pen.polygon([(0.31, 0.55), (0.37, 0.43), (0.49, 0.43), (0.49, 0.55)], knockout=True)
    pen.polygon([(0.53, 0.55), (0.53, 0.43), (0.66, 0.43), (0.73, 0.55)], knockout=True)
    for x in (0.27, 0.73):
        pen.circle(x, 0.80, 0.125, knockout=True)
        pen.circle(x, 0.80, 0.10)
        pen.circle(x, 0.80, 0.035, knockout=True)


@sign("当心吊物", "警告", aliases=("注意吊物", "当心起吊物", "吊物下严禁站人", "当心起重伤害"), number="2-15")
def suspended_load(pen: Pen) -> None:
    """A load hanging from a crane hook by two slings."""
    pen.stroke([(0.5, 0.06), (0.5, 0.09)], 0.06)
    pen.rect(0.44, 0.06, 0.12, 0.07)
    pen.arc(0.5, 0.24, 0.07, -80, 200, 0.055)
    pen.stroke([(0.5, 0.31), (0.24, 0.48)], 0.045)
    pen.stroke([(0.5, 0.31), (0.76, 0.48)], 0.045)
    pen.rect(0.18, 0.47, 0.64, 0.20)
    pen.stroke([(0.5, 0.72), (0.5, 0.80)], 0.05)
    pen.polygon([(0.43, 0.78), (0.57, 0.78), (0.5, 0.87)])
    pen.rect(0.14, 0.89, 0.72, 0.06)


@sign("当心烫伤", "警告", aliases=("小心烫伤", "当心高温烫伤", "注意烫伤"), number="2-18")
def scald(pen: Pen) -> None:
    """A hand held over heat waves rising from a hot plate."""
    for x in (0.36, 0.52, 0.68):
        pen.stroke(vwave(x, 0.80, 0.56, 0.035, 1.0), 0.055)
    hand(pen, (0.17, 0.40), 6.0, 0.45, mirror=True, cuff=0.16, halo=0.02)
    pen.rect(0.10, 0.85, 0.80, 0.08)


@sign("当心夹手", "警告", aliases=("小心夹手", "注意夹手", "当心夹伤"), number="2-20")
def hand_crush(pen: Pen) -> None:
    """A hand caught between a descending press block and the bed beneath it."""
    pen.rect(0.26, 0.08, 0.48, 0.22)
    pen.polygon([(0.44, 0.12), (0.56, 0.12), (0.56, 0.18), (0.62, 0.18), (0.5, 0.27), (0.38, 0.18), (0.44, 0.18)],
                knockout=True)
    pen.rect(0.10, 0.70, 0.80, 0.24)
    pen.polygon([(0.44, 0.90), (0.56, 0.90), (0.56, 0.85), (0.62, 0.85), (0.5, 0.76), (0.38, 0.85), (0.44, 0.85)],
                knockout=True)
    hand(pen, (0.17, 0.52), 0.0, 0.46, cuff=0.16, halo=0.025)


@sign("当心滑倒", "警告", aliases=("当心滑跌", "小心地滑", "小心滑倒", "当心地滑", "注意防滑"), number="2-37")
def slippery(pen: Pen) -> None:
    """A figure slipping backwards, one leg flying up, on a wet floor."""
    pen.rect(0.06, 0.89, 0.88, 0.06)
    person(pen, (0.33, 0.29), (0.38, 0.40), (0.50, 0.62),
            [[(0.50, 0.62), (0.68, 0.62), (0.86, 0.52)], [(0.50, 0.62), (0.44, 0.75), (0.34, 0.83)],
             [(0.39, 0.43), (0.24, 0.47), (0.14, 0.40)], [(0.39, 0.43), (0.52, 0.34), (0.62, 0.24)]])
    pen.stroke([(0.66, 0.84), (0.90, 0.84)], 0.03)
    pen.stroke([(0.56, 0.79), (0.74, 0.79)], 0.03)


@sign("当心坑洞", "警告", aliases=("当心洞口", "注意坑洞", "小心坑洞", "当心坑"), number="2-13")
def hole(pen: Pen) -> None:
    """A walking figure stepping into a pit in the ground."""
    pen.rect(0.06, 0.78, 0.36, 0.08)
    pen.rect(0.72, 0.78, 0.22, 0.08)
    pen.stroke([(0.42, 0.82), (0.42, 0.94), (0.72, 0.94), (0.72, 0.82)], 0.05)
    person(pen, (0.42, 0.26), (0.45, 0.37), (0.50, 0.57),
            [[(0.50, 0.57), (0.38, 0.66), (0.30, 0.74)], [(0.50, 0.57), (0.58, 0.72), (0.58, 0.84)],
             [(0.46, 0.40), (0.34, 0.48), (0.26, 0.44)], [(0.46, 0.40), (0.60, 0.44), (0.68, 0.38)]])


@sign("当心塌方", "警告", aliases=("当心坍塌", "注意塌方", "小心塌方"), number="2-11")
def collapse(pen: Pen) -> None:
    """A steep bank breaking up, its rocks tumbling down onto a heap."""
    pen.polygon([(0.06, 0.95), (0.06, 0.34), (0.24, 0.30), (0.30, 0.42), (0.27, 0.56), (0.36, 0.70), (0.33, 0.82),
                 (0.42, 0.95)])
    pen.stroke([(0.10, 0.50), (0.18, 0.58), (0.13, 0.68), (0.22, 0.78)], 0.035, knockout=True)
    rocks = ((0.47, 0.38, 0.10, 10), (0.66, 0.56, 0.09, 40), (0.52, 0.68, 0.065, -20))
    for x, y, r, turn in rocks:
        rock(pen, x, y, r, turn)
    pen.polygon([(0.42, 0.95), (0.50, 0.86), (0.60, 0.87), (0.68, 0.79), (0.80, 0.83), (0.87, 0.88), (0.94, 0.95)])


@sign("当心有限空间", "警告", aliases=("有限空间危险", "有限空间 未经许可禁止入内", "当心密闭空间", "有限空间作业危险", "当心缺氧"),
      standard="GB 2894—2025")
def confined_space(pen: Pen) -> None:
    """A figure shut in an underground chamber whose only way out is a narrow manhole, its lid thrown open."""
    pen.rect(0.06, 0.42, 0.88, 0.53)
    pen.fill([("M", 0.38, 0.40), ("L", 0.62, 0.40), ("L", 0.62, 0.50), ("L", 0.82, 0.50),
              ("C", 0.85, 0.50, 0.87, 0.52, 0.87, 0.55), ("L", 0.87, 0.85), ("C", 0.87, 0.88, 0.85, 0.90, 0.82, 0.90),
              ("L", 0.18, 0.90), ("C", 0.15, 0.90, 0.13, 0.88, 0.13, 0.85), ("L", 0.13, 0.55),
              ("C", 0.13, 0.52, 0.15, 0.50, 0.18, 0.50), ("L", 0.38, 0.50), ("Z",)], knockout=True)
    pen.ellipse(0.77, 0.385, 0.12, 0.035)
    person(pen, (0.50, 0.575), (0.50, 0.66), (0.50, 0.77),
            [[(0.50, 0.77), (0.43, 0.82), (0.41, 0.89)], [(0.50, 0.77), (0.57, 0.82), (0.59, 0.89)],
             [(0.50, 0.68), (0.38, 0.64), (0.36, 0.54)], [(0.50, 0.68), (0.62, 0.64), (0.64, 0.54)]],
            head_r=0.06, torso=0.095, limb=0.065)


@sign("当心电离辐射", "警告", aliases=("当心放射线", "当心射线", "当心放射性", "注意辐射"), number="2-27")
def ionizing_radiation(pen: Pen) -> None:
    """The radiation trefoil: a centre disc and three blades."""
    cx, cy, r = 0.5, 0.585, 0.072
    pen.circle(cx, cy, r)
    for mid in (90.0, 210.0, 330.0):
        outer = [(cx + 5 * r * math.cos(math.radians(a)), cy + 5 * r * math.sin(math.radians(a)))
                 for a in (mid - 30 + 60 * i / 12 for i in range(13))]
        inner = [(cx + 1.5 * r * math.cos(math.radians(a)), cy + 1.5 * r * math.sin(math.radians(a)))
                 for a in (mid + 30 - 60 * i / 12 for i in range(13))]
        pen.polygon(outer + inner)


@sign("当心高温表面", "警告", aliases=("当心表面高温", "小心高温", "高温表面"), number="2-24")
def hot_surface(pen: Pen) -> None:
    """Three heat waves rising from a hot surface."""
    for x in (0.30, 0.50, 0.70):
        pen.stroke(vwave(x, 0.78, 0.12, 0.045, 1.5), 0.07)
    pen.rect(0.08, 0.84, 0.84, 0.10)


@sign("当心落水", "警告", aliases=("小心落水", "注意落水", "水深危险"), number="2-38")
def fall_into_water(pen: Pen) -> None:
    """A figure toppling head first off a quay into waves."""
    pen.polygon([(0.06, 0.40), (0.36, 0.40), (0.36, 0.95), (0.06, 0.95)])
    falling_person(pen, 0.0, -0.06)
    for y in (0.80, 0.91):
        pen.stroke(wave(0.44, 0.92, y, 0.022, 2.5), 0.05)


@sign("当心弧光", "警告", aliases=("注意弧光", "当心弧光伤眼", "当心电弧光"), number="2-23")
def arc_flash(pen: Pen) -> None:
    """An electric arc flashing between the tips of two electrodes."""
    for sx in (-1.0, 1.0):
        pen.stroke([(0.5 + sx * 0.12, 0.68), (0.5 + sx * 0.30, 0.78)], 0.07)
        pen.polygon(rotate([(0.5 + sx * 0.28, 0.73), (0.5 + sx * 0.43, 0.73), (0.5 + sx * 0.43, 0.85),
                             (0.5 + sx * 0.28, 0.85)], 0.5 + sx * 0.355, 0.79, sx * 29))
    pen.polygon(star(0.5, 0.60, (0.17, 0.11) * 4, 0.055, start=-90))
    for angle in (-90.0, -50.0, -130.0, -10.0, -170.0):
        a = math.radians(angle)
        pen.stroke([(0.5 + 0.23 * math.cos(a), 0.60 + 0.23 * math.sin(a)),
                    (0.5 + 0.37 * math.cos(a), 0.60 + 0.37 * math.sin(a))], 0.05)
