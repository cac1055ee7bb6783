"""禁止 pictograms at machines, vehicles, hoists and stores (GB 2894—2008 表1 and GB 2894—2025 additions).

Stacking goods, turning a machine, forklifts, riding a goods hoist, reaching into a
machine, gloves at rotating machinery, heavy loads on a surface and spraying water: the
forbidden object drawn the way ISO 7010 draws its twin where there is one (P006, P012,
P015, P016, P028).
"""

from __future__ import annotations

from signkit.art.pen import Local, Pen, bezier
from signkit.art.pictograms.prohibition_parts import arrowhead, drop, gear, open_hand, person, rounded_rect, side_hand, wheel
from signkit.art.registry import sign

GB2894_2025 = "GB 2894—2025"


@sign("禁止堆放", "禁止", aliases=("禁止堆放杂物", "严禁堆放", "禁止堆物", "禁止占用"), number="1-6")
def no_stacking(pen: Pen) -> None:
    """Three cartons stacked on one another on the floor."""
    for x, y in ((0.12, 0.62), (0.52, 0.62), (0.32, 0.30)):
        pen.rect(x, y, 0.36, 0.28)
        pen.rect(x + 0.14, y, 0.08, 0.10, knockout=True)
    pen.rect(0.06, 0.92, 0.88, 0.04)


@sign("禁止转动", "禁止", aliases=("检修时禁止转动", "严禁转动"), number="1-9")
def no_turning(pen: Pen) -> None:
    """A gear wheel with a curved arrow turning round it."""
    gear(pen, 0.46, 0.58, 0.27, 10, 9.0)
    pen.arc(0.46, 0.58, 0.38, 200, 318, 0.06)
    arrowhead(pen, (0.82, 0.46), 60.0, 0.14)


@sign("禁止叉车和厂内机动车辆通行", "禁止", aliases=("禁止叉车通行", "禁止机动车通行", "禁止厂内机动车辆通行", "禁止车辆通行"),
      number="1-10")
def no_forklifts(pen: Pen) -> None:
    """A forklift truck in profile: driver under the overhead guard, mast and forks in front."""
    pen.fill([("M", 0.14, 0.52), ("L", 0.60, 0.52), ("L", 0.60, 0.80), ("L", 0.10, 0.80), ("L", 0.10, 0.60),
              ("C", 0.10, 0.56, 0.11, 0.52, 0.14, 0.52), ("Z",)])
    pen.stroke([(0.20, 0.52), (0.24, 0.22), (0.54, 0.22), (0.56, 0.52)], 0.05)
    pen.circle(0.40, 0.32, 0.065)
    pen.stroke([(0.38, 0.40), (0.34, 0.52)], 0.09)
    pen.stroke([(0.40, 0.42), (0.50, 0.46)], 0.05)
    pen.stroke([(0.68, 0.12), (0.68, 0.86)], 0.07)
    pen.stroke([(0.74, 0.30), (0.74, 0.86), (0.94, 0.86)], 0.05)
    wheel(pen, 0.22, 0.82, 0.10)
    wheel(pen, 0.52, 0.82, 0.10)


@sign("禁止乘人", "禁止", aliases=("禁止载人", "严禁乘人", "严禁搭乘", "货梯禁止乘人", "禁止乘车"), number="1-11")
def no_riding(pen: Pen) -> None:
    """A person riding in the open cage of a goods hoist, hung from the hoisting rope by a hook."""
    pen.stroke([(0.34, 0.04), (0.34, 0.22)], 0.05)
    pen.arc(0.34, 0.28, 0.06, -80, 200, 0.05)
    pen.stroke([(0.12, 0.38), (0.12, 0.84)], 0.05)
    pen.stroke([(0.58, 0.38), (0.58, 0.84)], 0.05)
    pen.stroke([(0.10, 0.38), (0.60, 0.38)], 0.06)
    pen.rect(0.06, 0.82, 0.58, 0.08)
    person(pen, (0.32, 0.50), (0.32, 0.60), (0.32, 0.72),
           [[(0.30, 0.74), (0.28, 0.82)], [(0.34, 0.74), (0.36, 0.82)],
            [(0.32, 0.61), (0.23, 0.64), (0.14, 0.58)], [(0.32, 0.61), (0.40, 0.66), (0.44, 0.74)]],
           head_r=0.07, torso=0.12, limb=0.07)


@sign("禁止伸入", "禁止", aliases=("严禁伸入", "禁止伸手", "禁止将手伸入"), number="1-25")
def no_reaching_in(pen: Pen) -> None:
    """A hand reaching into the opening of a machine with gears inside."""
    pen.rect(0.52, 0.24, 0.38, 0.68)
    gear(pen, 0.72, 0.44, 0.13, 9, 0.0, knockout=True)
    pen.rect(0.52, 0.64, 0.24, 0.18, knockout=True)
    side_hand(pen, (0.14, 0.72), 0.0, 0.46, sleeve=0.22)


@sign("禁止戴手套", "禁止", aliases=("严禁戴手套操作", "操作时禁止戴手套", "禁止戴手套作业"), number="1-28")
def no_gloves(pen: Pen) -> None:
    """A work glove with a flared cuff."""
    open_hand(pen, Local(0.11, 0.02, 0.0, 0.78))
    pen.polygon([(0.38, 0.80), (0.62, 0.80), (0.70, 0.96), (0.30, 0.96)])
    pen.stroke([(0.34, 0.80), (0.66, 0.80)], 0.04, knockout=True)
    pen.stroke([(0.38, 0.70), (0.62, 0.70)], 0.025, knockout=True)


@sign("禁止放置重物", "禁止", aliases=("禁止重压", "严禁放置重物"), standard=GB2894_2025)
def no_heavy_load(pen: Pen) -> None:
    """A heavy weight set down on a surface, pressing it."""
    pen.arc(0.50, 0.30, 0.11, 180, 360, 0.07)
    pen.stroke([(0.39, 0.30), (0.39, 0.36)], 0.07)
    pen.stroke([(0.61, 0.30), (0.61, 0.36)], 0.07)
    pen.polygon([(0.28, 0.36), (0.72, 0.36), (0.82, 0.76), (0.18, 0.76)])
    pen.rect(0.06, 0.80, 0.88, 0.07)
    for x in (0.14, 0.86):
        arrowhead(pen, (x, 0.76), 90.0, 0.12)
        pen.stroke([(x, 0.50), (x, 0.66)], 0.05)


@sign("禁止喷水", "禁止", aliases=("禁止用水冲洗", "严禁喷水"), standard=GB2894_2025)
def no_water_spray(pen: Pen) -> None:
    """A hose nozzle spraying a fan of water."""
    pen.stroke(bezier((0.08, 0.96), (0.10, 0.86), (0.14, 0.80), (0.22, 0.74)), 0.07)
    start = Local(0.22, 0.74, -42.0)
    pen.fill(start.segments(rounded_rect(-0.02, -0.07, 0.30, 0.14, 0.03)))
    pen.polygon(start.pts([(0.28, -0.06), (0.36, -0.04), (0.36, 0.04), (0.28, 0.06)]))
    for angle in (-80.0, -55.0, -30.0, -5.0):
        ray = Local(0.46, 0.50, angle)
        pen.stroke(ray.pts([(0.08, 0.0), (0.26, 0.0)]), 0.05)
        x, y = ray(0.40, 0.0)
        drop(pen, x, y + 0.03, 0.042)
