"""提示 (safe condition) pictograms for mines: the refuge niche (GB 14161) and the escape route (煤矿安全规程).

Neither figure was available from its standard; these follow the names in GB 2894's
visual language, white on the green square.
"""

from __future__ import annotations

from signkit.art.pen import Pen, arc_points
from signkit.art.pictograms.parts import arrow, figure, runner
from signkit.art.registry import sign


@sign("躲避硐", "提示", aliases=("躲避硐室", "避车硐"), standard="GB 14161—1993")
def refuge_niche(pen: Pen) -> None:
    """A person standing safe in an arched niche in the roadway wall, a mine car on the track beside it."""
    pen.stroke([(0.04, 0.93), (0.96, 0.93)], 0.06)
    pen.stroke([(0.52, 0.90), *arc_points(0.74, 0.42, 0.22, 180, 360), (0.96, 0.90)], 0.07)
    figure(pen, 0.74, 0.34, 0.54, spread=0.3)
    pen.polygon([(0.03, 0.58), (0.43, 0.58), (0.39, 0.80), (0.07, 0.80)])
    for x in (0.13, 0.33):
        pen.circle(x, 0.84, 0.055)


@sign("避灾路线", "提示", aliases=("避灾路线指示", "避水灾路线", "避火灾路线", "避灾方向"), standard="煤矿安全规程 (2022)")
def escape_route(pen: Pen) -> None:
    """A person running the way a long arrow points: the route out of the mine in a disaster."""
    runner(pen, 0.44, 0.04, 0.64)
    arrow(pen, (0.06, 0.86), (0.96, 0.86), 0.09)
