"""禁止 pictograms of things people must not do with their bodies (GB 2894—2008 表1).

Approaching, pushing, standing, stepping over, jumping down, leaning out, leaning on,
sitting, stepping on, throwing, swimming and skating: each a figure in the house style
of 禁止通行 (round head, thick torso, round-capped limbs) caught in the forbidden act.
"""

from __future__ import annotations

from signkit.art.pen import Local, Pen, bezier
from signkit.art.pictograms.prohibition_parts import LIMB, person, rotated
from signkit.art.registry import sign


@sign("禁止靠近", "禁止", aliases=("请勿靠近", "严禁靠近", "不得靠近", "禁止接近"), number="1-12")
def no_approaching(pen: Pen) -> None:
    """A figure walking up to a tall machine cabinet, motion lines behind it."""
    pen.rect(0.66, 0.14, 0.22, 0.78)
    pen.rect(0.70, 0.22, 0.14, 0.05, knockout=True)
    pen.circle(0.77, 0.40, 0.045, knockout=True)
    person(pen, (0.44, 0.15), (0.42, 0.31), (0.38, 0.56),
           [[(0.38, 0.58), (0.50, 0.73), (0.55, 0.92)], [(0.38, 0.58), (0.30, 0.76), (0.20, 0.91)],
            [(0.42, 0.32), (0.53, 0.44), (0.58, 0.56)], [(0.42, 0.32), (0.31, 0.44), (0.25, 0.57)]])
    for y, x0 in ((0.30, 0.10), (0.44, 0.06), (0.58, 0.10)):
        pen.stroke([(x0, y), (x0 + 0.10, y)], 0.05)


@sign("禁止推动", "禁止", aliases=("请勿推动", "禁止推"), number="1-14")
def no_pushing(pen: Pen) -> None:
    """A figure leaning into an upright slab, pushing it with both hands."""
    pen.rect(0.70, 0.16, 0.18, 0.76)
    person(pen, (0.50, 0.20), (0.47, 0.33), (0.34, 0.58),
           [[(0.34, 0.60), (0.24, 0.76), (0.12, 0.88)], [(0.34, 0.60), (0.44, 0.74), (0.46, 0.92)],
            [(0.48, 0.34), (0.58, 0.40), (0.68, 0.32)], [(0.47, 0.37), (0.55, 0.50), (0.68, 0.48)]])


@sign("禁止停留", "禁止", aliases=("禁止逗留", "严禁停留", "吊物下禁止停留", "禁止站人", "严禁站人"), number="1-15")
def no_standing(pen: Pen) -> None:
    """A pair of shoe prints side by side, toes turned out: someone standing still on the spot."""
    # along the foot (toes at +u), across it (v)
    sole = [("M", 0.30, -0.10), ("C", 0.44, -0.13, 0.66, -0.12, 0.68, 0.0), ("C", 0.69, 0.12, 0.50, 0.14, 0.40, 0.11),
            ("C", 0.34, 0.09, 0.31, 0.07, 0.27, 0.07), ("L", 0.27, -0.10), ("Z",)]
    heel = [("M", 0.22, -0.09), ("L", 0.22, 0.07), ("L", 0.07, 0.07), ("C", 0.02, 0.07, 0.0, 0.04, 0.0, -0.01),
            ("C", 0.0, -0.06, 0.02, -0.09, 0.07, -0.09), ("Z",)]
    for at in (Local(0.36, 0.86, -100.0, mirror=True), Local(0.64, 0.82, -80.0)):
        pen.fill(at.segments(sole))
        pen.fill(at.segments(heel))


@sign("禁止跨越", "禁止", aliases=("严禁跨越", "禁止翻越", "禁止跨越护栏", "禁止跨越输送带"), number="1-17")
def no_stepping_over(pen: Pen) -> None:
    """A figure swinging one leg over a railing, the other foot still on the ground behind it."""
    person(pen, (0.38, 0.13), (0.39, 0.27), (0.42, 0.50),
           [[(0.42, 0.52), (0.36, 0.72), (0.30, 0.92)],
            [(0.39, 0.29), (0.50, 0.37), (0.60, 0.31)], [(0.39, 0.29), (0.30, 0.40), (0.24, 0.50)]])
    for y in (0.64, 0.80):
        pen.stroke([(0.10, y), (0.90, y)], 0.12, knockout=True)
        pen.stroke([(0.10, y), (0.90, y)], 0.06)
    for x in (0.16, 0.84):
        pen.stroke([(x, 0.64), (x, 0.94)], 0.06)
    pen.stroke([(0.42, 0.52), (0.62, 0.44), (0.76, 0.54)], LIMB)


@sign("禁止跳下", "禁止", aliases=("严禁跳下", "禁止往下跳"), number="1-19")
def no_jumping_down(pen: Pen) -> None:
    """A figure dropping past the edge of a high platform, arms flung up, knees drawn up, the ground far below."""
    pen.polygon([(0.06, 0.40), (0.40, 0.40), (0.40, 0.96), (0.06, 0.96)])
    pen.stroke([(0.40, 0.92), (0.92, 0.92)], 0.06)
    person(pen, (0.65, 0.30), (0.66, 0.41), (0.68, 0.58),
           [[(0.66, 0.42), (0.56, 0.36), (0.53, 0.24)], [(0.66, 0.42), (0.77, 0.36), (0.81, 0.24)],
            [(0.68, 0.60), (0.79, 0.64), (0.78, 0.76)], [(0.68, 0.60), (0.59, 0.68), (0.63, 0.78)]],
           head_r=0.085, torso=0.14, limb=0.085)
    for x in (0.57, 0.67, 0.77):
        pen.stroke([(x, 0.06), (x, 0.14)], 0.045)


@sign("禁止伸出窗外", "禁止", aliases=("请勿将头手伸出窗外", "禁止探身窗外"), number="1-20")
def no_leaning_out(pen: Pen) -> None:
    """A head and an arm sticking out of a carriage window."""
    pen.fill([("M", 0.06, 0.30), ("L", 0.52, 0.30), ("L", 0.52, 0.90), ("L", 0.06, 0.90), ("Z",),
              ("M", 0.13, 0.38), ("L", 0.45, 0.38), ("L", 0.45, 0.62), ("L", 0.13, 0.62), ("Z",)], even_odd=True)
    pen.stroke([(0.28, 0.60), (0.46, 0.52)], 0.20, knockout=True)
    pen.circle(0.62, 0.40, 0.12, knockout=True)
    pen.stroke([(0.28, 0.60), (0.46, 0.52)], 0.14)
    pen.circle(0.62, 0.40, 0.09)
    pen.stroke([(0.44, 0.56), (0.66, 0.62), (0.84, 0.52)], 0.13, knockout=True)
    pen.stroke([(0.44, 0.56), (0.66, 0.62), (0.84, 0.52)], 0.09)


@sign("禁止倚靠", "禁止", aliases=("禁止依靠", "请勿倚靠", "请勿依靠", "禁止靠压"), number="1-21")
def no_leaning(pen: Pen) -> None:
    """A figure leaning its back against a wall, feet planted away from it."""
    pen.rect(0.72, 0.08, 0.16, 0.86)
    person(pen, (0.58, 0.17), (0.58, 0.31), (0.46, 0.56),
           [[(0.46, 0.58), (0.38, 0.75), (0.28, 0.92)], [(0.46, 0.58), (0.44, 0.76), (0.40, 0.92)],
            [(0.57, 0.33), (0.47, 0.45), (0.46, 0.58)]])
    pen.stroke([(0.64, 0.27), (0.72, 0.27)], 0.07)


@sign("禁止坐卧", "禁止", aliases=("请勿坐卧", "禁止坐", "禁止躺卧"), number="1-22")
def no_sitting(pen: Pen) -> None:
    """A figure sitting on a low ledge."""
    pen.rect(0.08, 0.66, 0.40, 0.10)
    pen.rect(0.08, 0.66, 0.10, 0.28)
    pen.rect(0.38, 0.66, 0.10, 0.28)
    person(pen, (0.26, 0.24), (0.26, 0.37), (0.28, 0.58),
           [[(0.28, 0.59), (0.56, 0.59), (0.60, 0.88)], [(0.26, 0.39), (0.36, 0.50), (0.48, 0.50)]])
    pen.stroke([(0.60, 0.90), (0.70, 0.90)], 0.07)


@sign("禁止蹬踏", "禁止", aliases=("禁止踩踏", "请勿踩踏", "请勿蹬踏"), number="1-23")
def no_stepping_on(pen: Pen) -> None:
    """A shoe stepping down onto a surface."""
    pen.rect(0.10, 0.82, 0.80, 0.08)
    pen.stroke([(0.36, 0.06), (0.37, 0.40)], 0.16)
    pen.fill([("M", 0.28, 0.36), ("L", 0.46, 0.36), ("C", 0.50, 0.44, 0.60, 0.46, 0.72, 0.49),
              ("C", 0.82, 0.52, 0.86, 0.56, 0.86, 0.62), ("L", 0.86, 0.64), ("L", 0.28, 0.64), ("Z",)])
    pen.rect(0.26, 0.66, 0.62, 0.04)
    pen.rect(0.28, 0.66, 0.13, 0.08)


@sign("禁止抛物", "禁止", aliases=("严禁抛物", "禁止高空抛物", "严禁高处抛物", "禁止抛掷"), number="1-27")
def no_throwing(pen: Pen) -> None:
    """A figure on a high edge flinging a brick out into the air."""
    pen.polygon([(0.06, 0.72), (0.40, 0.72), (0.40, 0.96), (0.06, 0.96)])
    person(pen, (0.20, 0.30), (0.21, 0.42), (0.23, 0.58),
           [[(0.23, 0.60), (0.17, 0.72)], [(0.23, 0.60), (0.31, 0.72)],
            [(0.22, 0.44), (0.34, 0.40), (0.44, 0.28)], [(0.21, 0.44), (0.13, 0.52), (0.10, 0.60)]])
    pen.polygon(rotated([(0.66, 0.34), (0.84, 0.34), (0.84, 0.46), (0.66, 0.46)], 0.75, 0.40, 30))
    pen.stroke(bezier((0.44, 0.16), (0.52, 0.12), (0.60, 0.16), (0.64, 0.24)), 0.04)
    pen.stroke(bezier((0.50, 0.26), (0.54, 0.24), (0.58, 0.26), (0.60, 0.30)), 0.04)


@sign("禁止游泳", "禁止", aliases=("严禁游泳", "水深危险禁止游泳", "禁止下水"), number="1-35")
def no_swimming(pen: Pen) -> None:
    """A swimmer's head and reaching arm above the waves."""
    pen.circle(0.62, 0.50, 0.10)
    pen.stroke(bezier((0.46, 0.62), (0.38, 0.36), (0.52, 0.22), (0.80, 0.30)), 0.09)
    pen.stroke([(0.24, 0.64), (0.50, 0.62)], 0.14)
    for y in (0.72, 0.86):
        pen.stroke([p for k in range(3) for p in bezier((0.10 + 0.27 * k, y), (0.16 + 0.27 * k, y - 0.06),
                                                          (0.25 + 0.27 * k, y + 0.06), (0.37 + 0.27 * k, y))], 0.06)


@sign("禁止滑冰", "禁止", aliases=("严禁滑冰", "冰面危险禁止滑冰"), number="1-36")
def no_skating(pen: Pen) -> None:
    """A skater gliding forward on one skate, the other leg stretched back."""
    person(pen, (0.60, 0.18), (0.56, 0.31), (0.42, 0.52),
           [[(0.42, 0.54), (0.52, 0.66), (0.48, 0.82)], [(0.42, 0.54), (0.28, 0.60), (0.12, 0.56)],
            [(0.55, 0.33), (0.66, 0.42), (0.78, 0.40)], [(0.55, 0.33), (0.42, 0.36), (0.32, 0.28)]])
    pen.stroke([(0.46, 0.84), (0.58, 0.84)], 0.08)
    pen.stroke([(0.40, 0.90), (0.64, 0.90), (0.68, 0.87)], 0.04)
    pen.stroke([(0.16, 0.95), (0.84, 0.95)], 0.04)
