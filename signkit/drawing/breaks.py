"""Where a line of safety text may break: UAX #14, then Chinese 禁则, then the glue a sign maker adds.

Three layers, each taking break opportunities away from the one below:

1. **UAX #14** (the Unicode line-breaking algorithm, through :mod:`uniseg`): between
   ideographs, after spaces, around Latin words and numbers — the answer browsers and
   word processors give, instead of rules of our own.
2. **禁则 (kinsoku)**, hard: no line starts with a character of :data:`NO_LINE_START`
   (，。、）℃％× …) nor with a unit that follows a number (``30 |kV``), and no line
   ends with one of :data:`NO_LINE_END` (（《“【 …).  UAX #14 already forbids most of
   these; it allows a few that Chinese typesetting does not (``×``, ``·``, ``～``, a
   unit after a space).
3. **Glue**, soft: runs a reader takes in at a glance — a quantity with its compound
   unit (``10.8m/s``), a range (``40N·m～65N·m``), a standard's number
   (``GB/T 5082—2019``), a list of telephone numbers (``119、120``), a web or mail
   address — stay on one line when they fit on one.  A run too wide for a line even
   alone breaks at the layer-2 opportunities inside it, the best places left, rather
   than overflowing.  Addresses are the one place a break is added: as a last resort
   they may also break after a separator (``www.example.|com``), which UAX #14 does
   not allow and without which a long domain would fit no narrow cell.

A paragraph is cut into segments (:class:`Segment`, the text between preferred
opportunities), each cut into pieces (between last-resort ones);
:mod:`signkit.drawing.text` fills lines greedily with segments and falls back on the
pieces of a segment only when the segment cannot fit a line on its own.  A piece wider
than the line is a run that cannot be broken: the caller reports it, never clips it.

uniseg's UAX #14 is pure Python and costs about 0.4 ms a character: run on whole
paragraphs it would add seconds to the first layout of a site.  :func:`uax14` runs it
on short chunks instead, cut where the algorithm always breaks and none of its rules
looks across, with ideographs, digits and letters replaced by one of their kind
(:func:`_shape`), so that the chunks recur (``一，``, ``00a``) and a cache answers
nearly all of them; ``tests/drawing/test_breaks.py`` checks the result against uniseg
on the whole string.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, cast

from uniseg.linebreak import LineBreak, line_break, line_break_breakables

#: No line starts with these (GB/T 15834 and the sign maker's 禁则: closing marks, pause
#: and stop marks, postfix signs such as ℃ and ％, and the joiners × · ～ of a quantity);
#: issue 13's list first, then the other closing marks signkit has always kept off a line's start.
NO_LINE_START = frozenset("℃％%‰）)；，。、：！？×～·" + "」』》〉】〕…—,.;:?!]}’”〃々")
#: No line ends with these: opening brackets and quotation marks.
NO_LINE_END = frozenset("（(“《【" + "「『〈〔[{‘")

#: Break opportunities, from none to preferred (the layers of the module docstring).
NEVER, LAST_RESORT, PREFERRED = 0, 1, 2

_NUMBER = r"[0-9]+(?:[.,][0-9]+)*"
#: Units a number may carry.  Their order does not matter: the look-ahead in
#: ``_COMPOUND_UNIT`` refuses a unit followed by another Latin letter (``m`` in ``mile``),
#: so the expression backtracks to the longer unit or to none.
_UNIT = (r"(?:dB\(A\)|%LEL|mSv|μSv|MPa|kPa|kVA|kvar|kWh|kHz|rpm|ppm|min|mol|"
         r"mm|cm|km|dm|μm|nm|kg|mg|kt|mL|ml|kV|mV|kA|mA|MW|kW|Pa|kN|kJ|Hz|°C|ms|dB|lx|kΩ|MΩ|Sv|Gy|Bq|cd|lm|"
         r"m|g|t|L|V|A|W|N|J|K|h|s|d|r|Ω|℃|°|%|％|‰)[²³]?")
_COMPOUND_UNIT = rf"{_UNIT}(?:[/·⋅]{_UNIT})*(?![A-Za-z])"
#: A number and the unit it carries, with at most one space between: a hard 禁则 — the
#: unit never starts a line (``30 |kV``).
_NUMBER_UNIT = re.compile(rf"(?<![0-9.])({_NUMBER}) ?(?={_COMPOUND_UNIT})")
#: A quantity or a range of them (``≤30mA``, ``1.5m×1.8m``, ``40N·m～65N·m``, ``0350-1234567``).
_QUANTITY = rf"{_NUMBER}(?: ?{_COMPOUND_UNIT})?"
_RANGE = re.compile(rf"(?<![0-9.])(?:[≤≥<>±] ?)?{_QUANTITY}(?: ?[～~×xX*\-–—] ?{_QUANTITY})*")
#: A standard's number (``GB/T 5082—2019``, ``AQ 3013-2008``, ``Q/GDW 1799.1—2013``).
_STANDARD = re.compile(
    r"(?<![A-Za-z])(?:GBZ|GBJ|GB|AQ|JGJ|TSG|DL|HG|SH|SY|JB|MT|NB|WS|GA|XF|CJJ|JTG|YS|[A-Z]{1,5}/[A-Z]{1,5})"
    r"(?:/[TZ])? ?[0-9]+(?:\.[0-9]+)*(?: ?[—–-] ?[0-9]{2,4})?")
#: Numbers listed with 、 (``119、120``, ``1、2号``).
_NUMBER_LIST = re.compile(r"(?<![0-9.])[0-9]+(?:、[0-9]+)+")
#: Web and mail addresses: kept whole when they fit; when they cannot, they may break
#: after a separator too (``www.example.|com``), where UAX #14 alone would leave a run
#: too long for any narrow cell.
_ADDRESS = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.|[A-Za-z0-9._%+-]+@)[A-Za-z0-9\-._~:/?#@!$&'*+=%]*[A-Za-z0-9/=#]")
_ADDRESS_SEPARATORS = frozenset("./-_?&=#@:~")
_GLUE = (_RANGE, _STANDARD, _NUMBER_LIST, _ADDRESS)


class Segment(NamedTuple):
    """A run kept on one line when it fits: ``text``, its ``body`` (without the trailing
    spaces, which hang past the line's end), and its ``pieces``, the places it may still
    break when it is wider than a line on its own.  (A named tuple: a site's text makes
    tens of thousands of them, and a tuple is the cheapest to build.)"""

    text: str
    body: str
    pieces: tuple[str, ...]


_classes: dict[str, LineBreak] = {}


def line_break_class(ch: str) -> LineBreak:
    """The character's Line_Break property, cached: uniseg looks it up afresh each time."""
    found = _classes.get(ch)
    if found is None:
        found = _classes[ch] = cast(LineBreak, line_break(ch))
    return found


def uax14(text: str) -> tuple[bool, ...]:
    """UAX #14's answer for ``text``: entry ``i`` says whether a line may break before ``text[i + 1]``."""
    if len(text) < 2:
        return ()
    shape = _shape(text)
    out: list[bool] = []
    start = 0
    before = line_break_class(text[0])
    plain = shape[0] in _PLAIN  # the last character that is not a space is a plain letter, digit or ideograph
    for index in range(1, len(text)):
        here = line_break_class(text[index])
        if (before, here) in _CUTS or (before is LineBreak.SP and plain and here in _CUT_STARTS):
            out.extend(_chunk(shape[start:index]))
            out.append(True)
            start = index
        if here is not LineBreak.SP:
            plain = shape[index] in _PLAIN
        before = here
    out.extend(_chunk(shape[start:]))
    return tuple(out)


#: Where UAX #14 always breaks and none of its rules looks across, so a paragraph may be
#: cut into chunks there: before an ideograph, a letter or a digit that follows an
#: ideograph or a closing mark; before an ideograph that follows a letter or a digit;
#: after spaces that follow a plain letter, digit or ideograph (the rules that look back
#: across spaces want an opening or closing mark, a quotation mark or a dash there).
#: tests/drawing/test_breaks.py checks the chunked answer against uniseg on whole strings.
_CUT_STARTS = frozenset({LineBreak.ID, LineBreak.AL, LineBreak.NU})
_CUTS = frozenset(
    {(before, LineBreak.ID) for before in (LineBreak.ID, LineBreak.CL, LineBreak.NS, LineBreak.EX, LineBreak.AL, LineBreak.NU)}
    | {(before, here) for before in (LineBreak.ID, LineBreak.CL, LineBreak.NS, LineBreak.EX)
       for here in (LineBreak.AL, LineBreak.NU)})
_PLAIN = frozenset("一0a")


_IDEOGRAPHS = re.compile("[\u4e00-\u9fff]")
_DIGITS = re.compile("[0-9]")
_LETTERS = re.compile("[A-Za-z]")


def _shape(text: str) -> str:
    """``text`` with every ideograph, ASCII digit and ASCII letter replaced by one of its kind.

    The algorithm reads nothing of these characters but properties they share (Line_Break
    ID, NU or AL; general category; East Asian width), so ``10m`` and ``25t`` break alike
    and one cached answer serves both: a site's text then needs a few dozen calls into uniseg.
    """
    return _LETTERS.sub("a", _DIGITS.sub("0", _IDEOGRAPHS.sub("一", text)))


@lru_cache(maxsize=16384)
def _chunk(text: str) -> tuple[bool, ...]:
    """UAX #14 on one chunk of shapes (see :func:`uax14`), by uniseg."""
    if len(text) < 2:
        return ()
    breakables = cast(list[int], list(line_break_breakables(text, property=line_break_class)))
    return tuple(bool(flag) for flag in breakables[1:])


def opportunities(text: str) -> tuple[int, ...]:
    """For every position between two characters, how good a place it is to break a line.

    Entry ``i`` is about the break before ``text[i + 1]``: :data:`NEVER`,
    :data:`LAST_RESORT` (only inside a run that cannot fit a line on its own) or
    :data:`PREFERRED`.
    """
    levels = [PREFERRED if allowed else NEVER for allowed in uax14(text)]
    if not levels:
        return ()
    _apply_kinsoku(text, levels)
    for pattern in _GLUE:
        for match in pattern.finditer(text):
            _demote(levels, match.start(), match.end(), LAST_RESORT)
    for match in _ADDRESS.finditer(text):
        for index in range(match.start(), match.end() - 1):
            if text[index] in _ADDRESS_SEPARATORS and text[index + 1].isalnum() and levels[index] == NEVER:
                levels[index] = LAST_RESORT
    return tuple(levels)


def _apply_kinsoku(text: str, levels: list[int]) -> None:
    """Take away every break that would start a line with a closing mark or a number's
    unit, or end one with an opening mark (spaces at a break are dropped, so look past them)."""
    last_visible = ""
    for index, ch in enumerate(text[:-1]):
        if not ch.isspace():
            last_visible = ch
        if levels[index] == NEVER:
            continue
        following = text[index + 1]
        if following.isspace():  # UAX #14 breaks after spaces, never before them, but for a mandatory break
            following = text[index + 1:].lstrip()[:1]
        if following in NO_LINE_START or last_visible in NO_LINE_END:
            levels[index] = NEVER
    for match in _NUMBER_UNIT.finditer(text):
        _demote(levels, match.start(), match.end() + 1, NEVER)


def _demote(levels: list[int], start: int, end: int, ceiling: int) -> None:
    """Lower the breaks strictly inside ``text[start:end]`` to at most ``ceiling``."""
    for index in range(start, min(end, len(levels) + 1) - 1):
        if levels[index] > ceiling:
            levels[index] = ceiling


@lru_cache(maxsize=65536)
def segments(text: str) -> tuple[Segment, ...]:
    """``text`` cut at its preferred break opportunities, each segment cut at its last-resort ones.

    Cached: a paragraph is cut again at every trial size while a cell is fitted.
    """
    levels = opportunities(text)
    out: list[Segment] = []
    pieces: list[str] = []  # the pieces of the segment under way, but its last one
    start = piece_start = 0
    for index, level in enumerate(levels, start=1):
        if level == PREFERRED:
            run = text[start:index]
            if pieces:
                pieces.append(text[piece_start:index])
                out.append(Segment(run, run.rstrip(), tuple(pieces)))
                pieces = []
            else:
                out.append(Segment(run, run.rstrip(), (run,)))
            start = piece_start = index
        elif level == LAST_RESORT:
            pieces.append(text[piece_start:index])
            piece_start = index
    if text:
        run = text[start:]
        out.append(Segment(run, run.rstrip(), (*pieces, text[piece_start:])))
    return tuple(out)


def unbreakable_runs(text: str) -> list[str]:
    """The runs of ``text`` that no line break may split, whatever the width (without the spaces around them)."""
    return [piece.strip() for segment in segments(text) for piece in segment.pieces if piece.strip()]

