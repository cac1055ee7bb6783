"""警告 pictograms for mines: roof falls, rib spalling, water inrush, firedamp, harmful gases and ore passes.

GB 2894—2008 表2 sign 2-12 当心冒顶 and the GB 14161 mine warnings 当心瓦斯, 当心片帮,
当心透水, 当心有害气体中毒 and 当心坠入溜井.  The roadway scenes share one arched
section (:func:`~signkit.art.pictograms.warning_parts.roadway`); GB 14161's own figures
were not available, so these follow the sign research's descriptions.
"""

from __future__ import annotations

from signkit.art.pen import Pen, bezier
from signkit.art.pictograms.warning_parts import cloud, crossbones, person, roadway, rock, rotate, skull, vwave, wave
from signkit.art.registry import sign

#: GB 14161—1993 《矿山安全标志》.
MINES = "GB 14161—1993"


@sign("当心冒顶", "警告", aliases=("注意冒顶", "小心冒顶", "当心顶板"), number="2-12")
def roof_fall(pen: Pen) -> None:
    """Rocks dropping through a break in a roadway's roof onto a crouching miner."""
    roadway(pen, gap=(248.0, 292.0))
    for x, y, r, turn in ((0.50, 0.31, 0.075, 15), (0.39, 0.44, 0.06, -30), (0.61, 0.45, 0.055, 40)):
        rock(pen, x, y, r, turn)
    person(pen, (0.50, 0.62), (0.50, 0.70), (0.48, 0.81),
           [[(0.48, 0.81), (0.39, 0.86), (0.39, 0.93)], [(0.48, 0.81), (0.58, 0.85), (0.59, 0.93)],
            [(0.50, 0.71), (0.40, 0.65), (0.40, 0.56)], [(0.50, 0.71), (0.60, 0.65), (0.60, 0.56)]],
           head_r=0.06, torso=0.09, limb=0.065)


@sign("当心片帮", "警告", aliases=("注意片帮", "当心煤壁片帮"), standard=MINES)
def rib_spall(pen: Pen) -> None:
    """Slabs bursting off a roadway's side wall towards a miner who shields himself."""
    roadway(pen, walls=(False, True))
    pen.stroke([(0.13, 0.60), (0.13, 0.64)], 0.07)
    pen.stroke([(0.13, 0.85), (0.13, 0.93)], 0.07)
    for x, y, turn in ((0.20, 0.70, 15.0), (0.32, 0.62, 40.0), (0.34, 0.80, -25.0)):
        pen.polygon(rotate([(x - 0.045, y - 0.08), (x + 0.04, y - 0.07), (x + 0.05, y + 0.08), (x - 0.035, y + 0.07)],
                           x, y, turn))
    person(pen, (0.66, 0.50), (0.65, 0.59), (0.66, 0.76),
           [[(0.66, 0.76), (0.60, 0.84), (0.58, 0.93)], [(0.66, 0.76), (0.72, 0.84), (0.74, 0.93)],
            [(0.65, 0.61), (0.55, 0.60), (0.49, 0.53)], [(0.65, 0.61), (0.72, 0.68), (0.76, 0.75)]],
           head_r=0.065, torso=0.10, limb=0.07)


@sign("当心透水", "警告", aliases=("当心水灾", "当心突水", "注意透水", "防止透水"), standard=MINES)
def water_inrush(pen: Pen) -> None:
    """Water bursting out of a roadway's side wall and flooding its floor."""
    roadway(pen, walls=(True, False))
    pen.stroke([(0.87, 0.60), (0.87, 0.62)], 0.07)
    pen.stroke([(0.87, 0.80), (0.87, 0.93)], 0.07)
    for start, c1, c2, end in (((0.86, 0.66), (0.66, 0.58), (0.52, 0.62), (0.42, 0.76)),
                               ((0.86, 0.71), (0.70, 0.67), (0.60, 0.70), (0.55, 0.77)),
                               ((0.86, 0.76), (0.76, 0.74), (0.70, 0.76), (0.67, 0.79))):
        pen.stroke(bezier(start, c1, c2, end), 0.05)
    for y in (0.83, 0.91):
        pen.stroke(wave(0.20, 0.80, y, 0.02, 3.0), 0.045)


@sign("当心瓦斯", "警告", aliases=("注意瓦斯", "瓦斯危险", "当心瓦斯积聚"), standard=MINES)
def firedamp(pen: Pen) -> None:
    """A cloud of gas marked CH₄ (methane, firedamp)."""
    cloud(pen, 0.08, 0.92, 0.34, 0.92)
    pen.arc(0.29, 0.67, 0.085, 45, 315, 0.055, knockout=True)
    for x in (0.43, 0.57):
        pen.stroke([(x, 0.575), (x, 0.765)], 0.055, knockout=True)
    pen.stroke([(0.43, 0.67), (0.57, 0.67)], 0.055, knockout=True)
    pen.stroke([(0.72, 0.84), (0.72, 0.69), (0.64, 0.79), (0.76, 0.79)], 0.04, knockout=True)


@sign("当心有害气体中毒", "警告", aliases=("当心CO中毒", "当心一氧化碳中毒"), standard=MINES)
def harmful_gas(pen: Pen) -> None:
    """A skull above crossed bones, poisonous fumes curling up from it."""
    crossbones(pen, 0.5, 0.80, 0.27, 0.085, 0.065)
    skull(pen, 0.5, 0.53, 0.15)
    for x in (0.40, 0.50, 0.60):
        pen.stroke(vwave(x, 0.34, 0.14, 0.025, 1.0), 0.05)


@sign("当心坠入溜井", "警告", aliases=("当心溜井", "当心坠落溜煤眼", "当心坠入煤仓"), standard=MINES)
def ore_pass(pen: Pen) -> None:
    """A figure plunging head first into the mouth of an ore pass sunk in the ground."""
    for side in (-1.0, 1.0):
        pen.stroke([(0.5 + side * 0.42, 0.56), (0.5 + side * 0.17, 0.56), (0.5 + side * 0.17, 0.93)], 0.07)
    person(pen, (0.50, 0.68), (0.505, 0.595), (0.53, 0.42),
           [[(0.53, 0.42), (0.47, 0.32), (0.44, 0.23)], [(0.53, 0.42), (0.62, 0.35), (0.69, 0.32)],
            [(0.51, 0.58), (0.43, 0.63), (0.42, 0.74)], [(0.51, 0.58), (0.59, 0.64), (0.59, 0.75)]],
           head_r=0.065, torso=0.10, limb=0.065)
