"""警告 pictograms for hazards met on the way: low beams, floor obstacles, drops, gaps, nails and guard dogs.

GB 2894—2008 表2 signs 2-16 当心碰头, 2-21 当心扎脚, 2-22 当心有犬, 2-35 当心障碍物,
2-36 当心跌落 and 2-39 当心缝隙, drawn in the visual language of their ISO 7010 twins
(W020, W013, W007, W008) where there is one.
"""

from __future__ import annotations

from signkit.art.pen import Pen
from signkit.art.pictograms.warning_parts import person
from signkit.art.registry import sign


@sign("当心碰头", "警告", aliases=("小心碰头", "注意碰头", "当心头顶"), number="2-16")
def overhead_obstacle(pen: Pen) -> None:
    """A walking figure knocking its head on a low beam, with impact marks either side."""
    pen.rect(0.14, 0.19, 0.72, 0.12)
    for sx in (-1.0, 1.0):
        for (x0, y0), (x1, y1) in (((0.13, 0.35), (0.23, 0.37)), ((0.12, 0.42), (0.20, 0.47))):
            pen.stroke([(0.5 + sx * x0, y0), (0.5 + sx * x1, y1)], 0.05)
    person(pen, (0.50, 0.39), (0.49, 0.50), (0.46, 0.68),
           [[(0.46, 0.68), (0.56, 0.79), (0.60, 0.92)], [(0.46, 0.68), (0.40, 0.80), (0.30, 0.90)],
            [(0.49, 0.52), (0.58, 0.61), (0.66, 0.58)], [(0.49, 0.52), (0.41, 0.61), (0.35, 0.67)]])


@sign("当心扎脚", "警告", aliases=("小心扎脚", "当心扎伤", "当心钉子"), number="2-21")
def nail_underfoot(pen: Pen) -> None:
    """A shoe treading on a plank with nails sticking up out of it, one already through the sole."""
    pen.rect(0.10, 0.84, 0.80, 0.09)
    for x, tip in ((0.30, 0.70), (0.50, 0.60), (0.70, 0.70)):
        pen.polygon([(x - 0.04, 0.845), (x + 0.04, 0.845), (x, tip)])
    pen.stroke([(0.37, 0.12), (0.37, 0.36)], 0.16)
    pen.fill([("M", 0.28, 0.30), ("L", 0.46, 0.30), ("L", 0.48, 0.40), ("C", 0.58, 0.42, 0.74, 0.45, 0.81, 0.52),
              ("C", 0.85, 0.56, 0.84, 0.62, 0.79, 0.62), ("L", 0.23, 0.62), ("C", 0.20, 0.62, 0.20, 0.58, 0.22, 0.55),
              ("Z",)])
    pen.polygon([(0.47, 0.62), (0.53, 0.62), (0.50, 0.55)], knockout=True)


@sign("当心有犬", "警告", aliases=("内有恶犬", "小心有狗"), number="2-22")
def guard_dog(pen: Pen) -> None:
    """A guard dog in profile, standing alert with ears pricked and mouth open."""
    pen.ellipse(0.56, 0.62, 0.23, 0.11)
    pen.stroke([(0.40, 0.62), (0.31, 0.46)], 0.15)
    pen.circle(0.30, 0.43, 0.09)
    pen.polygon([(0.26, 0.36), (0.10, 0.42), (0.10, 0.47), (0.22, 0.46), (0.12, 0.51), (0.14, 0.54), (0.30, 0.52)])
    pen.polygon([(0.27, 0.38), (0.31, 0.24), (0.38, 0.39)])
    pen.circle(0.265, 0.41, 0.016, knockout=True)
    for points in ([(0.38, 0.66), (0.36, 0.79), (0.36, 0.92)], [(0.46, 0.68), (0.47, 0.80), (0.48, 0.92)],
                   [(0.66, 0.68), (0.71, 0.79), (0.67, 0.92)], [(0.74, 0.64), (0.80, 0.78), (0.77, 0.92)]):
        pen.stroke(points, 0.07)
    pen.stroke([(0.76, 0.58), (0.83, 0.52), (0.86, 0.42)], 0.055)


@sign("当心障碍物", "警告", aliases=("当心绊倒", "小心绊倒", "注意障碍物"), number="2-35")
def floor_obstacle(pen: Pen) -> None:
    """A figure pitching forward over a low block on the floor, arms thrown out to break the fall."""
    pen.rect(0.06, 0.89, 0.88, 0.06)
    pen.rect(0.22, 0.77, 0.15, 0.12)
    person(pen, (0.73, 0.37), (0.65, 0.45), (0.50, 0.62),
           [[(0.50, 0.62), (0.42, 0.69), (0.37, 0.74)], [(0.50, 0.62), (0.61, 0.71), (0.63, 0.86)],
            [(0.63, 0.47), (0.75, 0.53), (0.85, 0.56)], [(0.63, 0.47), (0.72, 0.57), (0.79, 0.65)]])


@sign("当心跌落", "警告", aliases=("小心跌落", "当心踏空", "小心台阶"), number="2-36")
def drop_fall(pen: Pen) -> None:
    """A figure stepping off the edge of a step into the drop, toppling backwards with arms flung up."""
    pen.polygon([(0.06, 0.68), (0.50, 0.68), (0.50, 0.89), (0.94, 0.89), (0.94, 0.95), (0.06, 0.95)])
    person(pen, (0.38, 0.25), (0.42, 0.35), (0.49, 0.52),
           [[(0.49, 0.52), (0.45, 0.60), (0.43, 0.66)], [(0.49, 0.52), (0.60, 0.63), (0.63, 0.78)],
            [(0.43, 0.37), (0.32, 0.37), (0.25, 0.29)], [(0.43, 0.37), (0.54, 0.32), (0.61, 0.25)]])


@sign("当心缝隙", "警告", aliases=("当心间隙", "小心缝隙", "注意缝隙"), number="2-39")
def gap(pen: Pen) -> None:
    """A walking figure whose front leg has dropped into the narrow gap between two slabs."""
    pen.rect(0.06, 0.76, 0.41, 0.19)
    pen.rect(0.60, 0.76, 0.34, 0.19)
    person(pen, (0.53, 0.29), (0.51, 0.40), (0.47, 0.58),
           [[(0.47, 0.58), (0.38, 0.66), (0.31, 0.73)], [(0.47, 0.58), (0.535, 0.70), (0.535, 0.90)],
            [(0.50, 0.42), (0.62, 0.46), (0.70, 0.40)], [(0.50, 0.42), (0.39, 0.46), (0.31, 0.41)]])
