"""提示 (safe condition) pictograms for the electric-power 标示牌 of GB 26860 that say where work may be done.

GB 26860's own boards (在此工作！, 从此上下！, 从此进出！) have no pictogram: a large white
circle on green with the words in black inside it.  signkit keeps that white circle and
cuts a symbol out of it in the green (a spanner, a ladder, a doorway), leaving the words to
the text panel beneath, so that the board reads alike in every size the library prints.
An office that must hang the standard's own board can override these by name with its
artwork (a 标志文件夹 file called after the sign).
"""

from __future__ import annotations

from signkit.art.pen import Pen
from signkit.art.pictograms.parts import placed
from signkit.art.registry import sign

POWER = "GB 26860—2011"


def _disc(pen: Pen) -> None:
    """The standard board's white circle."""
    pen.circle(0.50, 0.50, 0.50)


def _arrow_out(pen: Pen, tail: tuple[float, float], head: tuple[float, float], width: float) -> None:
    """A straight arrow cut out of the disc (green on white)."""
    dx, dy = head[0] - tail[0], head[1] - tail[1]
    length = (dx * dx + dy * dy) ** 0.5
    ux, uy = dx / length, dy / length
    barb = width * 2.4
    base = (head[0] - ux * barb, head[1] - uy * barb)
    pen.stroke([tail, base], width, knockout=True)
    pen.polygon([head, (base[0] - uy * barb * 0.75, base[1] + ux * barb * 0.75),
                 (base[0] + uy * barb * 0.75, base[1] - ux * barb * 0.75)], knockout=True)


@sign("在此工作！", "提示", aliases=("在此工作",), standard=POWER)
def work_here(pen: Pen) -> None:
    """A spanner in the white circle: the place where the work is to be done."""
    _disc(pen)
    shaft = placed([(-0.23, 0.0), (0.23, 0.0)], (0.50, 0.50), -45.0, 1.0)
    pen.stroke(shaft, 0.12, knockout=True)
    for end, turn in ((shaft[0], 135.0), (shaft[1], -45.0)):
        pen.circle(end[0], end[1], 0.13, knockout=True)
        jaw = placed([(0.0, -0.05), (0.16, -0.05), (0.16, 0.05), (0.0, 0.05)], end, turn, 1.0)
        pen.polygon(jaw)


@sign("从此上下！", "提示", aliases=("从此上下",), standard=POWER)
def climb_here(pen: Pen) -> None:
    """A ladder in the white circle with an arrow pointing up and down it: the way up and down."""
    _disc(pen)
    for x in (0.30, 0.54):
        pen.stroke([(x, 0.10), (x, 0.90)], 0.06, knockout=True)
    for y in (0.22, 0.38, 0.54, 0.70, 0.86):
        pen.stroke([(0.30, y), (0.54, y)], 0.05, knockout=True)
    _arrow_out(pen, (0.74, 0.50), (0.74, 0.14), 0.06)
    _arrow_out(pen, (0.74, 0.50), (0.74, 0.86), 0.06)


@sign("从此进出！", "提示", aliases=("从此进出",), standard=POWER)
def enter_here(pen: Pen) -> None:
    """A doorway in the white circle with arrows going in and coming out: the way in and out."""
    _disc(pen)
    pen.stroke([(0.58, 0.88), (0.58, 0.16), (0.84, 0.16), (0.84, 0.88)], 0.06, knockout=True)
    _arrow_out(pen, (0.10, 0.40), (0.52, 0.40), 0.06)
    _arrow_out(pen, (0.52, 0.64), (0.10, 0.64), 0.06)
