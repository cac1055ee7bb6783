"""警告 pictograms for occupational health hazards: infection, dust, heat, toxic gas, noise and coal gas.

GB 2894—2008 表2 sign 2-6 当心感染 (ISO 7010 W009, renamed 当心生物危害 in GB 2894—2025),
the four GBZ 158—2003 warnings GB 2894 lacks (注意防尘, 注意高温, 当心有毒气体, 噪声有害) and
GB 6222's 当心煤气中毒.  GBZ 158's own figures were not available: these follow the
descriptions in the sign research and GB 2894's visual language.
"""

from __future__ import annotations

import math

from signkit.art.pen import Pen, arc_points, bezier
from signkit.art.pictograms.warning_parts import cloud, skull, vwave
from signkit.art.registry import sign


@sign("当心感染", "警告", aliases=("当心生物危害", "生物危害", "当心生物感染"), number="2-6")
def biohazard(pen: Pen) -> None:
    """The biohazard trefoil: three open rings round a small centre, crossed by a fourth ring."""
    cx, cy, unit = 0.5, 0.62, 0.0155
    axes = (-90.0, 30.0, 150.0)
    for axis in axes:
        a = math.radians(axis)
        pen.circle(cx + 11 * unit * math.cos(a), cy + 11 * unit * math.sin(a), 15 * unit)
    for axis in axes:
        a = math.radians(axis)
        pen.circle(cx + 15 * unit * math.cos(a), cy + 15 * unit * math.sin(a), 10.5 * unit, knockout=True)
    for axis in axes:
        pen.stroke(arc_points(cx, cy, 12.75 * unit, axis - 36, axis + 36, 8), 3.5 * unit)
    pen.circle(cx, cy, 3 * unit, knockout=True)


@sign("注意防尘", "警告", aliases=("当心粉尘", "粉尘危害", "当心粉尘危害", "注意粉尘"), standard="GBZ 158—2003",
      number="2.6")
def dust(pen: Pen) -> None:
    """A cloud of fine dust rising off a heap of powder."""
    pen.polygon(arc_points(0.5, 0.95, 0.36, 180, 360))
    specks = ((0.50, 0.52, 0.048), (0.36, 0.60, 0.042), (0.64, 0.60, 0.045), (0.42, 0.40, 0.040), (0.59, 0.38, 0.040),
              (0.26, 0.47, 0.034), (0.74, 0.47, 0.036), (0.50, 0.26, 0.032), (0.22, 0.63, 0.032), (0.79, 0.64, 0.032),
              (0.36, 0.27, 0.026), (0.63, 0.23, 0.026))
    for x, y, r in specks:
        pen.circle(x, y, r)


@sign("注意高温", "警告", aliases=("当心中暑", "高温危害", "高温作业"), standard="GBZ 158—2003", number="2.7")
def heat(pen: Pen) -> None:
    """A thermometer near the top of its scale, with heat shimmering up on either side."""
    pen.stroke([(0.5, 0.80), (0.5, 0.26)], 0.13)
    pen.circle(0.5, 0.80, 0.12)
    pen.stroke([(0.5, 0.28), (0.5, 0.40)], 0.05, knockout=True)
    for y in (0.36, 0.46, 0.56):
        pen.stroke([(0.585, y), (0.63, y)], 0.035)
    for x in (0.23, 0.77):
        pen.stroke(vwave(x, 0.88, 0.46, 0.035, 1.5), 0.055)


@sign("当心有毒气体", "警告", aliases=("有毒气体", "有毒气体危险", "当心有害气体"), standard="GBZ 158—2003",
      number="2.8")
def toxic_gas(pen: Pen) -> None:
    """A cloud of gas with a skull in it."""
    cloud(pen, 0.10, 0.90, 0.34, 0.92)
    skull(pen, 0.5, 0.58, 0.12, knockout=True)


@sign("噪声有害", "警告", aliases=("当心噪声", "注意噪声", "噪声危害", "噪声区域"), standard="GBZ 158—2003",
      number="2.9")
def noise(pen: Pen) -> None:
    """An ear with sound waves beating on it."""
    pen.stroke(bezier((0.56, 0.50), (0.56, 0.34), (0.84, 0.32), (0.85, 0.52))
               + bezier((0.85, 0.52), (0.86, 0.66), (0.74, 0.70), (0.72, 0.80))[1:]
               + bezier((0.72, 0.80), (0.70, 0.91), (0.60, 0.93), (0.56, 0.86))[1:], 0.075)
    pen.stroke(bezier((0.64, 0.57), (0.64, 0.47), (0.76, 0.47), (0.76, 0.56))
               + bezier((0.76, 0.56), (0.76, 0.63), (0.67, 0.65), (0.67, 0.72))[1:], 0.055)
    for r in (0.14, 0.24, 0.34):
        pen.arc(0.58, 0.63, r, 145, 215, 0.055)


@sign("当心煤气中毒", "警告", aliases=("当心煤气", "煤气危险区域", "注意煤气", "煤气区域 禁止停留"),
      standard="GB 6222—2005")
def coal_gas(pen: Pen) -> None:
    """Gas leaking up out of a flanged pipe towards a skull."""
    pen.stroke([(0.10, 0.85), (0.90, 0.85)], 0.11)
    for x in (0.26, 0.74):
        pen.rect(x - 0.03, 0.76, 0.06, 0.18)
    for x in (0.41, 0.50, 0.59):
        pen.stroke(vwave(x, 0.74, 0.57, 0.022, 1.0), 0.05)
    skull(pen, 0.5, 0.31, 0.13)
