"""提示 (safe condition) pictograms for places and equipment: hot-work area, break-glass, medical and shower points.

GB 2894—2008 表4's 4-4, 4-5 and 4-8 and the GB 2894—2025 additions 安全淋浴设施 and
紧急集合点, as white symbols on the green square in the manner of ``safe.py``; the ISO 7010
sign each follows is named in its docstring.
"""

from __future__ import annotations

import math

from signkit.art.pen import Pen
from signkit.art.pictograms.parts import cross, figure, flame, placed
from signkit.art.pictograms.safe import assembly_point
from signkit.art.registry import sign


@sign("可动火区", "提示", aliases=("动火区", "动火区域", "允许动火区"), number="4-4")
def hot_work_area(pen: Pen) -> None:
    """A flame: fire is allowed here."""
    flame(pen, 0.50, 0.95, 0.90)


@sign("击碎板面", "提示", aliases=("击碎玻璃", "破窗取用"), number="4-5")
def break_to_obtain_access(pen: Pen) -> None:
    """A hammer striking a panel that bursts into jagged shards (ISO E008)."""
    shards = ((0, 0.46), (14, 0.24), (34, 0.40), (50, 0.22), (72, 0.47), (96, 0.25), (118, 0.36), (136, 0.20),
              (160, 0.47), (180, 0.26), (200, 0.38), (222, 0.22), (246, 0.46), (268, 0.24), (290, 0.40), (318, 0.21),
              (338, 0.44))
    star = [(0.48 + r * math.cos(math.radians(a - 95)), 0.52 + r * math.sin(math.radians(a - 95))) for a, r in shards]
    pen.polygon(star)
    handle = placed([(0.0, 0.0), (0.52, 0.0)], (0.44, 0.46), 40.0, 1.0)
    head = placed([(-0.08, -0.10), (0.08, -0.10), (0.08, 0.20), (-0.08, 0.20)], (0.44, 0.46), 40.0, 1.0)
    head = [(x, y - 0.06) for x, y in head]
    pen.stroke(handle, 0.17, knockout=True)
    pen.polygon(head, knockout=True)
    pen.stroke(head, 0.05, closed=True, knockout=True)
    pen.stroke(handle, 0.08)
    pen.polygon(head)


@sign("紧急医疗站", "提示", aliases=("医疗站", "医务室", "急救医疗站"), number="4-8")
def doctor(pen: Pen) -> None:
    """A doctor with a stethoscope round the neck, and a first-aid cross (ISO E009)."""
    pen.fill([("M", 0.06, 0.96), ("C", 0.06, 0.68, 0.20, 0.56, 0.40, 0.56), ("C", 0.60, 0.56, 0.74, 0.68, 0.74, 0.96),
              ("Z",)])
    pen.rect(0.32, 0.44, 0.16, 0.14)
    pen.ellipse(0.40, 0.32, 0.15, 0.18)
    pen.stroke([(0.26, 0.60), (0.26, 0.74), (0.32, 0.82), (0.40, 0.84), (0.48, 0.82), (0.54, 0.74), (0.54, 0.60)], 0.04,
               knockout=True)
    pen.stroke([(0.40, 0.84), (0.40, 0.90)], 0.04, knockout=True)
    pen.circle(0.62, 0.84, 0.06, knockout=True)
    pen.stroke([(0.40, 0.90), (0.56, 0.90)], 0.04, knockout=True)
    cross(pen, 0.80, 0.20, 0.30)


@sign("安全淋浴设施", "提示", aliases=("紧急喷淋", "紧急淋浴", "安全淋浴", "紧急冲淋"), standard="GB 2894—2025")
def safety_shower(pen: Pen) -> None:
    """A person standing under a shower head, water falling all round, and a first-aid cross (ISO E012)."""
    pen.stroke([(0.40, 0.02), (0.40, 0.08)], 0.06)
    pen.fill([("M", 0.26, 0.15), ("C", 0.26, 0.08, 0.32, 0.06, 0.40, 0.06), ("C", 0.48, 0.06, 0.54, 0.08, 0.54, 0.15),
              ("Z",)])
    for row, y in enumerate((0.24, 0.34, 0.44, 0.54, 0.64)):
        spread = 0.10 + 0.05 * row
        for k in (-1.0, -0.5, 0.0, 0.5, 1.0):
            x = 0.40 + k * spread
            if row >= 2 and abs(k) < 0.75:
                continue
            pen.circle(x, y, 0.025)
    figure(pen, 0.40, 0.40, 0.56)
    cross(pen, 0.82, 0.18, 0.28)


@sign("紧急集合点", "提示", aliases=("应急集合点", "紧急疏散集合点"), standard="GB 2894—2025")
def evacuation_assembly_point(pen: Pen) -> None:
    """People gathered in the middle, arrows pointing in from every corner (ISO E007), as 应急避难场所 draws it.

    GB 2894—2008 gives this figure to 应急避难场所 ("Evacuation assembly point"); the 2025
    edition names 紧急集合点 beside it, and which figure each now has is not known.
    """
    assembly_point(pen)
