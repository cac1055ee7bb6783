"""禁止 pictograms against fire: ignition sources, static sparks, flammable goods, hot work and lifts in a fire.

GB 2894—2008 表1 (带火种, 放置易燃物, 穿化纤服装, 穿带钉鞋, 开启无线移动通讯设备) and the
GB 2894—2025 additions 禁止动火作业, 禁止火灾时使用电梯 and 禁止电动自行车进入, which are
known only by name: their figures here follow the name (and ISO 7010 P020 for the lift).
"""

from __future__ import annotations

from signkit.art.pen import Pen, bezier
from signkit.art.pictograms.prohibition_parts import arrowhead, flame, person, rounded_rect, spark
from signkit.art.registry import sign

GB2894_2025 = "GB 2894—2025"


@sign("禁止带火种", "禁止", aliases=("禁带火种", "禁止携带火种", "严禁携带火种", "严禁带火种入内"), number="1-3")
def no_carrying_fire(pen: Pen) -> None:
    """A matchbox with matches standing in its open tray, and a lit lighter beside it."""
    for x, lean in ((0.17, -0.04), (0.26, 0.0), (0.35, 0.03)):
        pen.stroke([(x, 0.64), (x + lean, 0.42)], 0.05)
        pen.ellipse(x + lean, 0.41, 0.04, 0.055)
    pen.rect(0.08, 0.62, 0.38, 0.26)
    pen.rect(0.08, 0.66, 0.38, 0.05, knockout=True)
    pen.fill(rounded_rect(0.60, 0.32, 0.24, 0.30, 0.04))
    pen.rect(0.60, 0.32, 0.24, 0.04, knockout=True)
    pen.rect(0.62, 0.24, 0.14, 0.07)
    pen.circle(0.80, 0.27, 0.04)
    flame(pen, 0.69, 0.21, 0.10, 0.16, inner=False)


@sign("禁止放置易燃物", "禁止", aliases=("禁放易燃物", "禁止放易燃物", "严禁存放易燃物", "禁止堆放易燃物"), number="1-5")
def no_flammables(pen: Pen) -> None:
    """A drum and a can of flammable goods set down on the floor, each marked with a flame."""
    pen.rect(0.06, 0.88, 0.88, 0.06)
    pen.fill(rounded_rect(0.10, 0.40, 0.34, 0.46, 0.04))
    for y in (0.50, 0.78):
        pen.stroke([(0.10, y), (0.44, y)], 0.025, knockout=True)
    flame(pen, 0.27, 0.74, 0.16, 0.20, knockout=True, inner=False)
    pen.fill(rounded_rect(0.60, 0.34, 0.28, 0.52, 0.04))
    pen.stroke([(0.67, 0.28), (0.81, 0.28)], 0.07)
    pen.polygon([(0.62, 0.36), (0.70, 0.24), (0.74, 0.36)])
    flame(pen, 0.75, 0.62, 0.15, 0.20, knockout=True, inner=False)


@sign("禁止穿化纤服装", "禁止", aliases=("禁止穿化纤衣服", "严禁穿化纤服装", "禁止穿化纤衣服入井"), number="1-29")
def no_synthetic_clothing(pen: Pen) -> None:
    """A shirt giving off static sparks."""
    pen.polygon([(0.36, 0.16), (0.44, 0.16), (0.50, 0.24), (0.56, 0.16), (0.64, 0.16), (0.88, 0.32), (0.80, 0.48),
                 (0.70, 0.42), (0.70, 0.88), (0.30, 0.88), (0.30, 0.42), (0.20, 0.48), (0.12, 0.32)])
    for points in ([(0.36, 0.52), (0.44, 0.58), (0.38, 0.64), (0.46, 0.70)],
                   [(0.54, 0.58), (0.62, 0.64), (0.56, 0.70), (0.64, 0.76)]):
        pen.stroke(points, 0.04, knockout=True)
    spark(pen, 0.16, 0.66, 0.08)
    spark(pen, 0.86, 0.62, 0.08)
    spark(pen, 0.84, 0.80, 0.05)


@sign("禁止穿带钉鞋", "禁止", aliases=("禁止穿钉鞋", "严禁穿带钉鞋"), number="1-30")
def no_spiked_shoes(pen: Pen) -> None:
    """A shoe in profile with nails sticking out of its sole."""
    pen.fill([("M", 0.10, 0.30), ("C", 0.18, 0.34, 0.28, 0.36, 0.36, 0.32), ("L", 0.42, 0.32),
              ("C", 0.48, 0.42, 0.58, 0.45, 0.70, 0.47), ("C", 0.84, 0.50, 0.90, 0.56, 0.90, 0.63), ("L", 0.90, 0.66),
              ("L", 0.10, 0.66), ("Z",)])
    for x in (0.46, 0.52, 0.58):
        pen.stroke([(x, 0.40 + (x - 0.46) * 0.6), (x + 0.03, 0.46 + (x - 0.46) * 0.6)], 0.025, knockout=True)
    pen.stroke([(0.08, 0.60), (0.92, 0.60)], 0.03, knockout=True)
    for x in (0.17, 0.30, 0.46, 0.60, 0.73, 0.85):
        pen.polygon([(x - 0.035, 0.65), (x + 0.035, 0.65), (x, 0.78)])


@sign("禁止开启无线移动通讯设备", "禁止",
      aliases=("禁止使用手机", "禁止打手机", "禁打手机", "严禁使用手机", "请关闭手机", "禁止接打电话"), number="1-31")
def no_mobile_phones(pen: Pen) -> None:
    """A mobile phone sending out radio waves."""
    pen.fill(rounded_rect(0.26, 0.22, 0.30, 0.66, 0.05))
    pen.stroke([(0.30, 0.10), (0.30, 0.22)], 0.05)
    pen.rect(0.31, 0.30, 0.20, 0.22, knockout=True)
    for row in range(3):
        for col in range(3):
            pen.rect(0.31 + col * 0.075, 0.58 + row * 0.075, 0.05, 0.045, knockout=True)
    for r in (0.12, 0.22):
        pen.arc(0.56, 0.30, r, -70, 10, 0.05)


@sign("禁止动火作业", "禁止", aliases=("严禁动火", "禁止动火", "未经审批禁止动火"), standard=GB2894_2025)
def no_hot_work(pen: Pen) -> None:
    """A gas cutting torch: hose, handle and valve knobs, its bent head shooting a flame, sparks flying."""
    pen.stroke(bezier((0.06, 0.96), (0.08, 0.88), (0.10, 0.84), (0.16, 0.80)), 0.05)
    pen.stroke([(0.14, 0.82), (0.40, 0.62)], 0.12)
    for x, y in ((0.22, 0.68), (0.30, 0.62)):
        pen.stroke([(x, y), (x - 0.05, y - 0.07)], 0.05)
        pen.circle(x - 0.05, y - 0.07, 0.035)
    pen.stroke([(0.38, 0.64), (0.50, 0.52), (0.56, 0.40)], 0.06)
    flame(pen, 0.58, 0.38, 0.20, 0.42, turn=32.0)
    spark(pen, 0.88, 0.30, 0.07)
    spark(pen, 0.84, 0.50, 0.05)
    spark(pen, 0.50, 0.08, 0.05)


@sign("禁止火灾时使用电梯", "禁止", aliases=("禁止火灾时用电梯", "火灾时禁止使用电梯", "火灾时请勿乘坐电梯"), standard=GB2894_2025)
def no_lift_in_fire(pen: Pen) -> None:
    """A lift car with a person inside, its up and down arrows above, and a fire burning beside it."""
    pen.stroke([(0.42, 0.28), (0.84, 0.28), (0.84, 0.90), (0.42, 0.90)], 0.06, closed=True)
    person(pen, (0.63, 0.42), (0.63, 0.53), (0.63, 0.70),
           [[(0.60, 0.72), (0.59, 0.86)], [(0.66, 0.72), (0.67, 0.86)],
            [(0.60, 0.54), (0.55, 0.62), (0.54, 0.72)], [(0.66, 0.54), (0.71, 0.62), (0.72, 0.72)]],
           head_r=0.065, torso=0.12, limb=0.065)
    arrowhead(pen, (0.56, 0.08), -90.0, 0.10)
    arrowhead(pen, (0.72, 0.20), 90.0, 0.10)
    flame(pen, 0.22, 0.90, 0.28, 0.40)


@sign("禁止电动自行车进入", "禁止", aliases=("禁止电动车进入", "电动车禁止入内", "禁止电动自行车进电梯"), standard=GB2894_2025)
def no_e_bikes(pen: Pen) -> None:
    """An electric scooter-type bicycle in profile, a lightning flash on its battery."""
    for x in (0.22, 0.78):
        pen.ring(x, 0.74, 0.15, 0.095)
        pen.circle(x, 0.74, 0.035)
    pen.fill([("M", 0.08, 0.60), ("C", 0.10, 0.50, 0.16, 0.46, 0.26, 0.46), ("L", 0.46, 0.46), ("L", 0.50, 0.60),
              ("L", 0.62, 0.60), ("L", 0.62, 0.68), ("L", 0.36, 0.68), ("C", 0.34, 0.60, 0.28, 0.56, 0.22, 0.56),
              ("C", 0.16, 0.56, 0.10, 0.60, 0.08, 0.60), ("Z",)])
    pen.fill(rounded_rect(0.16, 0.36, 0.26, 0.07, 0.03))
    pen.polygon([(0.30, 0.48), (0.24, 0.56), (0.29, 0.56), (0.26, 0.63), (0.34, 0.53), (0.29, 0.53), (0.33, 0.48)],
                knockout=True)
    pen.stroke([(0.60, 0.64), (0.68, 0.30)], 0.08)
    pen.stroke([(0.68, 0.30), (0.78, 0.74)], 0.05)
    pen.stroke([(0.60, 0.24), (0.68, 0.28), (0.80, 0.24)], 0.05)
    pen.stroke(bezier((0.64, 0.64), (0.70, 0.58), (0.80, 0.56), (0.88, 0.62)), 0.04)
