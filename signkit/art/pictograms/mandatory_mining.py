"""指令 (mandatory) pictograms of the mine sign standard GB 14161 that GB 2894 has no sign for.

The miner's helmet, cap lamp and self-rescuer every person going underground must carry,
the footbridge over a belt conveyor and the walkway beside the track.  GB 14161's own
figures were not available: these follow the standard's names in GB 2894's visual language
(white on the blue disc; the footbridge and walkway after ISO 7010 M023 and M024).
"""

from __future__ import annotations

from signkit.art.pen import Pen, bezier
from signkit.art.pictograms.parts import outline, rounded_rect, walker
from signkit.art.registry import sign

MINES = "GB 14161—1993"


def _profile_head(pen: Pen) -> None:
    """A head in profile looking left, its crown cut level at the brim of a helmet (y 0.36)."""
    pen.fill([("M", 0.42, 0.36), ("L", 0.38, 0.46), ("L", 0.32, 0.52), ("L", 0.38, 0.55), ("L", 0.37, 0.62),
              ("C", 0.38, 0.68, 0.42, 0.72, 0.50, 0.74), ("L", 0.54, 0.76), ("L", 0.55, 0.96), ("L", 0.80, 0.96),
              ("L", 0.78, 0.70), ("C", 0.86, 0.60, 0.87, 0.46, 0.82, 0.36), ("Z",)])


def _helmet(pen: Pen) -> None:
    """A miner's helmet seen from the side, on the head of :func:`_profile_head`, with the cap lamp on its front."""
    pen.fill([("M", 0.36, 0.31), ("C", 0.36, 0.14, 0.50, 0.06, 0.64, 0.06), ("C", 0.80, 0.06, 0.90, 0.18, 0.90, 0.31),
              ("Z",)])
    pen.fill(rounded_rect(0.26, 0.29, 0.70, 0.06, 0.03))
    pen.fill(rounded_rect(0.25, 0.13, 0.14, 0.13, 0.03), knockout=True)
    pen.fill(rounded_rect(0.28, 0.15, 0.10, 0.09, 0.02))


@sign("必须戴矿工帽", "指令", aliases=("入井必须戴矿工帽",), standard=MINES)
def wear_miners_helmet(pen: Pen) -> None:
    """A head in profile in a miner's helmet, the cap lamp on its front shining ahead."""
    _profile_head(pen)
    _helmet(pen)
    for y in (0.10, 0.195, 0.29):
        pen.stroke([(0.20, 0.195 + (y - 0.195) * 0.3), (0.06, y)], 0.045)


@sign("必须携带矿灯", "指令", aliases=("必须带矿灯", "入井必须携带矿灯"), standard=MINES)
def carry_cap_lamp(pen: Pen) -> None:
    """A cap lamp: the lamp head shining to the left, its cable coiling down to the battery worn on the belt."""
    pen.fill(rounded_rect(0.56, 0.10, 0.30, 0.24, 0.06))
    pen.ellipse(0.56, 0.22, 0.06, 0.13)
    pen.ellipse(0.56, 0.22, 0.025, 0.075, knockout=True)
    for y in (0.06, 0.22, 0.38):
        pen.stroke([(0.44, 0.22 + (y - 0.22) * 0.35), (0.08, y)], 0.05)
    pen.stroke(bezier((0.80, 0.34), (0.96, 0.50), (0.70, 0.50), (0.62, 0.60)), 0.05)
    pen.fill(rounded_rect(0.24, 0.60, 0.50, 0.34, 0.05))
    pen.stroke([(0.24, 0.70), (0.74, 0.70)], 0.035, knockout=True)


@sign("必须携带自救器", "指令", aliases=("必须佩戴自救器", "必须带自救器", "入井必须携带自救器"), standard=MINES)
def carry_self_rescuer(pen: Pen) -> None:
    """A miner in profile biting the mouthpiece of the self-rescuer, its hose running down to the canister on his chest."""
    _profile_head(pen)
    _helmet(pen)
    pen.stroke([(0.40, 0.59), (0.24, 0.60)], 0.10, knockout=True)
    pen.stroke([(0.40, 0.59), (0.28, 0.60)], 0.07)
    pen.stroke(bezier((0.28, 0.60), (0.16, 0.60), (0.14, 0.64), (0.20, 0.70)), 0.06)
    can = rounded_rect(0.10, 0.68, 0.30, 0.28, 0.07)
    pen.stroke(outline(can), 0.05, closed=True, knockout=True)
    pen.fill(can)
    pen.stroke([(0.10, 0.75), (0.40, 0.75)], 0.03, knockout=True)


@sign("必须桥上通过", "指令", aliases=("必须走过桥", "从行人过桥通过"), standard=MINES)
def use_footbridge(pen: Pen) -> None:
    """A person crossing a footbridge with handrails, a belt conveyor running underneath (after ISO M023)."""
    pen.stroke([(0.30, 0.80), (0.70, 0.80)], 0.13)
    for x in (0.30, 0.70):
        pen.circle(x, 0.80, 0.03, knockout=True)
    for side in (-1, 1):
        pen.stroke([(0.50 + side * 0.44, 0.94), (0.50 + side * 0.24, 0.56)], 0.06)
        pen.stroke([(0.50 + side * 0.44, 0.72), (0.50 + side * 0.24, 0.36)], 0.045)
        pen.stroke([(0.50 + side * 0.24, 0.36), (0.50 + side * 0.24, 0.56)], 0.045)
    pen.stroke([(0.26, 0.56), (0.74, 0.56)], 0.06)
    pen.stroke([(0.26, 0.36), (0.74, 0.36)], 0.045)
    walker(pen, 0.49, 0.06, 0.45, halo=0.02)


@sign("必须走人行道", "指令", aliases=("走人行道", "行人走人行道"), standard=MINES)
def use_walkway(pen: Pen) -> None:
    """A person walking along a marked walkway (after ISO M024)."""
    walker(pen, 0.46, 0.04, 0.74)
    pen.rect(0.04, 0.80, 0.92, 0.14)
    for x in (0.10, 0.34, 0.58, 0.82):
        pen.stroke([(x, 0.87), (x + 0.10, 0.87)], 0.035, knockout=True)
