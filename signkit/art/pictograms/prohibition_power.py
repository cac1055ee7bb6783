"""The 禁止 标示牌 (hanging boards) of the electric power safety rules, GB 26860—2011 (and GB 26859—2011).

The standard's boards are text boards: 禁止合闸，有人工作！ and 禁止合闸，线路有人工作！
are hung on the operating handles of breakers and disconnectors that feed equipment or a
line under work, 禁止分闸！ on those that must stay closed, and 禁止攀登，高压危险！ on the
climbing parts of structures next to live equipment.  The older boards are white with
red characters and no symbol; newer ones print the GB 2894 symbol above the words.  Here
each is a 禁止 sign whose text panel carries the board's wording, with the GB 2894 symbol
(禁止合闸's open knife switch, 禁止攀登's climber) or, for 禁止分闸, a closed switch.
"""

from __future__ import annotations

from signkit.art.pen import Pen
from signkit.art.pictograms.prohibition import no_climbing
from signkit.art.pictograms.prohibition_parts import arrowhead, knife_switch
from signkit.art.registry import sign

GB26860 = "GB 26860—2011"


@sign("禁止合闸，有人工作！", "禁止", aliases=("禁止合闸有人工作", "禁止合闸 有人工作", "有人工作禁止合闸"), standard=GB26860)
def no_switching_on_work(pen: Pen) -> None:
    """禁止合闸's open knife switch."""
    knife_switch(pen, -56.0)


@sign("禁止合闸，线路有人工作！", "禁止", aliases=("禁止合闸线路有人工作", "线路有人工作禁止合闸"), standard=GB26860)
def no_switching_on_line_work(pen: Pen) -> None:
    """禁止合闸's open knife switch."""
    knife_switch(pen, -56.0)


@sign("禁止分闸！", "禁止", aliases=("禁止分闸",), standard=GB26860)
def no_switching_off(pen: Pen) -> None:
    """A closed knife switch, its blade home in the jaw, and the arrow of the opening swing it must not make."""
    knife_switch(pen, -90.0)
    pen.arc(0.44, 0.80, 0.44, -84, -46, 0.05)
    arrowhead(pen, (0.79, 0.52), 52.0, 0.13)


@sign("禁止攀登，高压危险！", "禁止", aliases=("禁止攀登高压危险", "高压危险禁止攀登"), standard=GB26860)
def no_climbing_high_voltage(pen: Pen) -> None:
    """禁止攀登's figure climbing a ladder."""
    no_climbing(pen)
