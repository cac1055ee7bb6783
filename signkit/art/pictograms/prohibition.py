"""禁止 (prohibition) pictograms: only the forbidden object or act is drawn here.

The frame puts the red ring and the 45° bar (upper left to lower right) over the
symbol; the inner circle covers all of the unit square but its very corners, and the
key details sit off the diagonal where the bar will run.
"""

from __future__ import annotations

from signkit.art.pen import Pen, bezier
from signkit.art.pictograms.prohibition_parts import drop, knife_switch, open_hand, rotated
from signkit.art.registry import sign


@sign("禁止吸烟", "禁止", aliases=("严禁吸烟", "请勿吸烟", "禁烟", "此处禁止吸烟", "禁止抽烟"), number="1-1")
def no_smoking(pen: Pen) -> None:
    """A lit cigarette with smoke rising from its glowing end."""
    pen.rect(0.06, 0.58, 0.70, 0.16)
    pen.rect(0.27, 0.58, 0.04, 0.16, knockout=True)
    pen.rect(0.80, 0.58, 0.12, 0.16)
    for x in (0.74, 0.88):
        pen.stroke(bezier((x, 0.50), (x - 0.11, 0.40), (x + 0.11, 0.28), (x, 0.14)), 0.06)


@sign("禁止触摸", "禁止", aliases=("请勿触摸", "严禁触摸", "不得触摸", "禁止用手触摸"), number="1-24")
def no_touching(pen: Pen) -> None:
    """An open hand, palm forward."""
    open_hand(pen)


@sign("禁止合闸", "禁止", aliases=("严禁合闸",), number="1-8")
def no_switching_on(pen: Pen) -> None:
    """An open knife switch: the jaw clip above, the blade swung out on its hinge, handle at its end."""
    knife_switch(pen, -56.0)


@sign("禁止攀登", "禁止", aliases=("禁止攀爬", "严禁攀登"), number="1-18")
def no_climbing(pen: Pen) -> None:
    """A figure climbing a ladder."""
    pen.stroke([(0.60, 0.05), (0.60, 0.96)], 0.065)
    pen.stroke([(0.88, 0.05), (0.88, 0.96)], 0.065)
    for y in (0.20, 0.40, 0.60, 0.80):
        pen.stroke([(0.60, y), (0.88, y)], 0.055)
    pen.circle(0.40, 0.14, 0.095)
    pen.stroke([(0.38, 0.30), (0.30, 0.56)], 0.13)
    pen.stroke([(0.40, 0.31), (0.52, 0.30), (0.61, 0.20)], 0.075)
    pen.stroke([(0.30, 0.56), (0.50, 0.50), (0.60, 0.60)], 0.09)
    pen.stroke([(0.30, 0.58), (0.30, 0.80), (0.60, 0.80)], 0.09)


@sign("禁止入内", "禁止", aliases=("禁止进入", "闲人免进", "非工作人员禁止入内", "未经许可不得入内", "严禁入内"),
      number="1-13")
def no_entry(pen: Pen) -> None:
    """A person standing face on."""
    pen.circle(0.50, 0.13, 0.10)
    pen.stroke([(0.50, 0.32), (0.50, 0.58)], 0.20)
    pen.stroke([(0.38, 0.30), (0.29, 0.46), (0.26, 0.64)], 0.09)
    pen.stroke([(0.62, 0.30), (0.71, 0.46), (0.74, 0.64)], 0.09)
    pen.stroke([(0.445, 0.60), (0.43, 0.94)], 0.10)
    pen.stroke([(0.555, 0.60), (0.57, 0.94)], 0.10)


@sign("禁止用水灭火", "禁止", aliases=("严禁用水灭火", "不可用水灭火", "不得用水灭火"), number="1-4")
def no_water_on_fire(pen: Pen) -> None:
    """Water pouring from a tipped bucket onto a flame."""
    cx, cy, turn = 0.72, 0.27, -118.0
    pen.polygon(rotated([(cx - 0.20, cy - 0.17), (cx + 0.20, cy - 0.17), (cx + 0.14, cy + 0.19),
                          (cx - 0.14, cy + 0.19)], cx, cy, turn))
    pen.stroke(rotated([(cx - 0.21, cy - 0.18), (cx + 0.21, cy - 0.18)], cx, cy, turn), 0.07)
    mouth = rotated([(cx, cy - 0.18)], cx, cy, turn)[0]
    pen.stroke(bezier(mouth, (mouth[0] - 0.10, mouth[1] + 0.02), (0.34, 0.40), (0.30, 0.52)), 0.08)
    drop(pen, 0.16, 0.44, 0.045)
    drop(pen, 0.46, 0.54, 0.04)
    pen.fill([("M", 0.27, 0.52), ("C", 0.52, 0.64, 0.56, 0.84, 0.47, 0.96), ("L", 0.11, 0.96),
              ("C", 0.01, 0.82, 0.06, 0.68, 0.14, 0.61), ("C", 0.14, 0.71, 0.18, 0.75, 0.22, 0.73),
              ("C", 0.19, 0.66, 0.21, 0.58, 0.27, 0.52), ("Z",)])


@sign("禁止启动", "禁止", aliases=("禁止开机", "严禁启动", "检修中禁止启动", "禁止开动"), number="1-7")
def no_starting(pen: Pen) -> None:
    """A power (start) button symbol."""
    pen.arc(0.50, 0.54, 0.33, -58, 238, 0.11)
    pen.stroke([(0.50, 0.12), (0.50, 0.50)], 0.11)


@sign("禁止通行", "禁止", aliases=("禁止通过", "严禁通行", "此路不通", "禁止行人通行"), number="1-16")
def no_passage(pen: Pen) -> None:
    """A person walking."""
    pen.circle(0.54, 0.12, 0.10)
    pen.stroke([(0.52, 0.30), (0.47, 0.56)], 0.15)
    pen.stroke([(0.47, 0.58), (0.61, 0.74), (0.66, 0.94)], 0.10)
    pen.stroke([(0.47, 0.58), (0.38, 0.76), (0.26, 0.92)], 0.10)
    pen.stroke([(0.52, 0.31), (0.65, 0.44), (0.72, 0.58)], 0.085)
    pen.stroke([(0.52, 0.31), (0.40, 0.44), (0.33, 0.58)], 0.085)
