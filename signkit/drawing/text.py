"""Chinese text in a box: line breaking by the standard, shrink-to-fit, and honest overflow.

Rules a sign maker follows, made mechanical:

* lines break where the Unicode line-breaking algorithm (UAX #14) allows, minus what
  Chinese 禁则 forbids: no line starts with closing punctuation, ℃, ％, × or a number's
  unit, and none ends with an opening bracket (:mod:`signkit.drawing.breaks`);
* numbers with their units, ranges, telephone numbers, standards' numbers and Latin
  words stay on one line when they fit on one, and break at the best place left when
  they cannot;
* text shrinks from the board's preferred size down to its legible minimum and no
  further: if it does not fit then, the caller gets an :class:`Overflow` that says by
  how much, never clipped text.

Widths come from the fonts' own advance widths (:mod:`signkit.fonts.metrics`), through
the same fallback chain the renderer uses, so what fits here fits on the board.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Protocol

from signkit.drawing.breaks import NO_LINE_END, NO_LINE_START, Segment, segments, unbreakable_runs
from signkit.fonts import FontSet, Role, font_for_char
from signkit.fonts.metrics import face_metrics

__all__ = [
    "ASCENT", "LEADING", "NO_LINE_END", "NO_LINE_START", "PARAGRAPH_GAP", "Fitted", "FontMeasurer", "Line", "Measurer",
    "Overflow", "Para", "Segment", "atoms", "fit", "layout_at", "least_height", "remembered", "segments", "summed",
    "unbreakable_runs", "wording", "wrap_para",
]

#: Line height as a multiple of the text size, and the extra gap between paragraphs.
LEADING = 1.32
PARAGRAPH_GAP = 0.3

#: Where the baseline sits in a CJK em box (ideographs rise about 0.88 em above it).
ASCENT = 0.88


class Measurer(Protocol):
    def width(self, text: str, size: float, role: Role, letter_spacing: float = 0.0) -> float:
        """Width in mm of ``text`` set at ``size`` mm in ``role``'s fonts."""


class FontMeasurer:
    """Measures with the resolved fonts, character by character through the fallback chain."""

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        self._cache: dict[tuple[Role, str], float] = {}
        #: Em widths of whole strings: fitting measures the same atoms thousands of times
        #: (every trial size of every cell), and the sum is the same float each time.
        self._text_cache: dict[tuple[Role, str], float] = {}
        #: Paragraphs laid out at one width and size (:func:`remembered`): a layout tries the
        #: same cells at the same widths and sizes many times over — every candidate row
        #: height of a 2-2 table, every row that shares a label, the search for the type
        #: size and then the drawing — and with these fonts the answer is always the same.
        self.layouts: dict[Hashable, Fitted | None] = {}
        self._ink_cache: dict[tuple[Role, str], float] = {}
        self._segment_cache: dict[tuple[Role, str], tuple[tuple[float, int, float, int], ...]] = {}

    def _em(self, ch: str, role: Role) -> float:
        key = (role, ch)
        cached = self._cache.get(key)
        if cached is None:
            chain = self.fonts.chain(role)
            font = font_for_char(ch, chain) or chain[0]
            cached = face_metrics(font.path, font.face_index).advance(ord(ch))
            self._cache[key] = cached
        return cached

    def ink(self, text: str, role: Role) -> float:
        """Width in em of ``text``'s characters but its white space: every line of the text holds some of it.

        Lines never drop a visible character and never run past the width, so a text
        needs at least ``ink × size / width`` lines: :func:`fit` uses this to pass over
        sizes the text cannot fit without laying it out (:func:`least_height`).
        """
        key = (role, text)
        found = self._ink_cache.get(key)
        if found is None:
            if len(self._ink_cache) > 200_000:
                self._ink_cache.clear()
            found = self._ink_cache[key] = sum(self._em(ch, role) for ch in text if not ch.isspace())
        return found

    def segment_ems(self, text: str, role: Role) -> tuple[tuple[float, int, float, int], ...]:
        """For each of ``text``'s segments (:func:`segments`): its body's em width and length, and its text's.

        :func:`wrap_para` needs every segment's width at every trial size; a width is the
        em width times the size plus the letter spacing (see :meth:`width`), so the em
        widths are summed once per text and the widths made from them are the very floats
        :meth:`width` would return.
        """
        key = (role, text)
        found = self._segment_cache.get(key)
        if found is None:
            if len(self._segment_cache) > 100_000:
                self._segment_cache.clear()
            found = self._segment_cache[key] = tuple(
                (self._text_em(segment.body, role), len(segment.body), self._text_em(segment.text, role), len(segment.text))
                for segment in segments(text))
        return found

    def _text_em(self, text: str, role: Role) -> float:
        """The em width :meth:`width` uses for ``text`` (the same cache, the same sum)."""
        key = (role, text)
        em = self._text_cache.get(key)
        if em is None:
            if len(self._text_cache) > 200_000:
                self._text_cache.clear()
            em = self._text_cache[key] = sum(self._em(ch, role) for ch in text)
        return em

    def width(self, text: str, size: float, role: Role, letter_spacing: float = 0.0) -> float:
        if not text:
            return 0.0
        key = (role, text)
        em = self._text_cache.get(key)
        if em is None:
            if len(self._text_cache) > 200_000:  # bounded: a batch of a thousand enterprises shares one measurer
                self._text_cache.clear()
            em = self._text_cache[key] = sum(self._em(ch, role) for ch in text)
        return em * size + letter_spacing * (len(text) - 1)


def summed(measure: Measurer) -> FontMeasurer | None:
    """``measure`` when its widths are :class:`FontMeasurer`'s own sums of advances, else ``None``.

    Only then may a width be made from em widths summed beforehand (:meth:`FontMeasurer.segment_ems`,
    :meth:`FontMeasurer.ink`); a subclass that measures otherwise is asked every time.
    """
    return measure if isinstance(measure, FontMeasurer) and type(measure).width is FontMeasurer.width else None


def atoms(text: str) -> list[str]:
    """Cut ``text`` into the runs a line breaks between by preference (a fresh list; see :func:`segments`)."""
    return [segment.text for segment in segments(text)]


@dataclass(frozen=True)
class Para:
    """A paragraph; ``prefix`` (such as ``（一）``) hangs to the left of every line.

    ``continued`` marks a paragraph that goes on with the previous one's wording: the
    break before it is a line break the layout chose (2-2 breaks a long label where
    the 附表 does when the label does not fit on one line), not a break in the text.
    It changes nothing on the board; it keeps :func:`wording` — and so the content
    hash — the same whichever of the two the fonts led the layout to choose.
    """

    text: str
    prefix: str = ""
    continued: bool = False


def wording(paras: Sequence[Para]) -> tuple[str, ...]:
    """What ``paras`` print, paragraph by paragraph, wherever the lines break.

    This is what the content hash covers (:mod:`signkit.layout.stamp`), so it keeps
    everything a reader can see — every character, every space inside a line, which
    paragraph a word is in — and drops only what never prints or depends on the fonts:
    the white space at a paragraph's end (:func:`wrap_para` strips it), and the line
    breaks, whether the lines ran out or the layout chose them (``continued``).  White
    space where a line happens to break is kept as written: where lines break is the
    fonts' business, and the hash must not depend on the fonts.
    """
    out: list[str] = []
    for para in paras:
        text = (para.prefix + para.text).rstrip()
        if para.continued and out:
            out[-1] += text
        else:
            out.append(text)
    return tuple(out)


@dataclass(frozen=True)
class Line:
    indent: float
    text: str


@dataclass(frozen=True)
class Fitted:
    """Text that fits: its size, its lines (paragraph breaks marked by ``gaps``), its height."""

    size: float
    lines: tuple[Line, ...]
    gaps_before: tuple[bool, ...]
    height: float
    letter_spacing: float = 0.0

    @property
    def line_height(self) -> float:
        return self.size * LEADING


@dataclass(frozen=True)
class Overflow:
    """Text that does not fit even at ``min_size``: how much room it would need."""

    min_size: float
    needed_height: float
    available_height: float
    too_wide: str | None = None

    @property
    def ratio(self) -> float:
        """How many times the available height the text needs (∞ for an unbreakable run)."""
        if self.too_wide is not None or self.available_height <= 0:
            return float("inf")
        return self.needed_height / self.available_height


def wrap_para(para: Para, width: float, size: float, role: Role, measure: Measurer,
              letter_spacing: float = 0.0) -> list[Line] | None:
    """Greedy line breaking of one paragraph; ``None`` when a run that cannot be broken is wider than the line.

    Segments (:func:`segments`) fill the lines; a segment that cannot fit a line even on
    its own is broken at its last-resort opportunities, starting on the current line.
    Spaces at the end of a segment hang past the line's end: they neither count towards
    the fit nor print.
    """
    indent = measure.width(para.prefix, size, role, letter_spacing) if para.prefix else 0.0
    limit = width + 1e-9
    room = width - indent + 1e-9  # a fresh line's room beside the prefix or the hanging indent
    lines: list[Line] = []
    current = para.prefix
    current_width = indent
    filled = False  # the current line holds some of the paragraph's visible text

    def new_line(text: str) -> bool:
        """End the current line (if it holds anything) and start one with ``text``; False if it cannot fit."""
        nonlocal current, current_width, filled
        if filled:
            lines.append(Line(0.0 if not lines else indent, current.rstrip()))
            current, current_width = "", indent
        else:  # still the first line: drop the paragraph's leading spaces, keep the prefix
            current, current_width = para.prefix, indent
        text = text.lstrip()
        if measure.width(text.rstrip(), size, role, letter_spacing) > room:
            return False
        gap = letter_spacing if current else 0.0
        current += text
        current_width += gap + measure.width(text, size, role, letter_spacing)
        filled = True
        return True

    # with the fonts' own widths, each segment's em widths are summed once per text, not at every size
    own = summed(measure)
    ems = own.segment_ems(para.text, role) if own is not None else None
    for index, segment in enumerate(segments(para.text)):
        gap = letter_spacing if current else 0.0
        if ems is None:
            body_width = measure.width(segment.body, size, role, letter_spacing)
        else:
            body_em, body_length, text_em, text_length = ems[index]
            body_width = body_em * size + letter_spacing * (body_length - 1) if body_length else 0.0
        if current_width + gap + body_width <= limit:
            current += segment.text
            # most segments end in no space (their body is their text): measure once
            if segment.body is segment.text:
                current_width += gap + body_width
            elif ems is None:
                current_width += gap + measure.width(segment.text, size, role, letter_spacing)
            else:
                current_width += gap + (text_em * size + letter_spacing * (text_length - 1))
            filled = filled or bool(segment.body)
            continue
        if not segment.body:
            continue  # spaces hang past the line's end
        if len(segment.pieces) == 1 or measure.width(segment.body.lstrip(), size, role, letter_spacing) <= room:
            if not new_line(segment.text):
                return None
            continue
        for piece in segment.pieces:  # too wide for any line: break it where it least hurts
            gap = letter_spacing if current else 0.0
            body = piece.rstrip()
            if current_width + gap + measure.width(body, size, role, letter_spacing) <= limit:
                current += piece
                current_width += gap + measure.width(piece, size, role, letter_spacing)
                filled = filled or bool(body)
            elif body and not new_line(piece):
                return None
    if filled:
        lines.append(Line(0.0 if not lines else indent, current.rstrip()))
    return lines


#: Texts longer than this are not remembered (:func:`remembered`): a long text is seldom
#: laid out twice at one width and size, and each copy of its lines would hold all of it.
REMEMBERED_TEXT = 2_000
#: Layouts remembered per measurer before the memory is cleared (a batch shares one measurer).
REMEMBERED_LAYOUTS = 50_000


def remembered(measure: Measurer, paras: Sequence[Para], key: Hashable,
               lay: Callable[[], Fitted | None]) -> Fitted | None:
    """``lay()``, or what it returned before for ``key`` with this measurer.

    ``key`` must hold everything the layout depends on but the measurer (the paragraphs,
    width, size, role, letter spacing and what is kept together): the memory belongs to
    the :class:`FontMeasurer`, so other fonts never share it.  A layout is a pure function
    of these, and :class:`Fitted` is immutable, so the answer can be handed out again.
    Other measurers (tests' fakes) are not remembered.
    """
    if not isinstance(measure, FontMeasurer) or sum(len(p.text) + len(p.prefix) for p in paras) > REMEMBERED_TEXT:
        return lay()
    memory = measure.layouts
    if key in memory:
        return memory[key]
    if len(memory) >= REMEMBERED_LAYOUTS:
        memory.clear()
    found = memory[key] = lay()
    return found


def layout_at(paras: list[Para], width: float, size: float, role: Role, measure: Measurer,
              letter_spacing: float = 0.0) -> Fitted | None:
    """All paragraphs at one size, or ``None`` if an unbreakable run is too wide (remembered per measurer)."""
    return remembered(measure, paras, ("plain", tuple(paras), width, size, role, letter_spacing),
                      lambda: _layout_at(paras, width, size, role, measure, letter_spacing))


def _layout_at(paras: list[Para], width: float, size: float, role: Role, measure: Measurer,
               letter_spacing: float) -> Fitted | None:
    wrapped: list[list[Line]] = []
    for para in paras:
        lines = wrap_para(para, width, size, role, measure, letter_spacing)
        if lines is None:
            return None
        wrapped.append(lines)
    return stacked(wrapped, size, letter_spacing)


def stacked(paragraphs: Sequence[Sequence[Line]], size: float, letter_spacing: float = 0.0) -> Fitted:
    """Wrapped paragraphs one under another, a paragraph gap before each but the first, and their height.

    One place for the arithmetic of a text block's height, whichever breaker wrapped the lines.
    """
    lines: list[Line] = []
    gaps: list[bool] = []
    for index, paragraph in enumerate(paragraphs):
        for position, line in enumerate(paragraph):
            lines.append(line)
            gaps.append(index > 0 and position == 0)
    height = len(lines) * size * LEADING + sum(gaps) * size * PARAGRAPH_GAP
    return Fitted(size, tuple(lines), tuple(gaps), height, letter_spacing)


def least_height(paras: Sequence[Para], width: float, size: float, role: Role, measure: FontMeasurer) -> float:
    """A height the paragraphs cannot come in under at ``size`` in lines ``width`` wide, however they break.

    Each line holds at most ``width`` of visible characters, every visible character is
    on some line, and a paragraph with any takes a line at least (gaps and indents only
    add, letter spacing is not negative).  The margins cover the rounding of summing the
    widths in another order, so the bound never exceeds the height :func:`stacked` gives.
    """
    if width <= 0:
        return 0.0
    lines = 0
    for para in paras:
        ink = measure.ink(para.text, role) * size
        if ink > 0:
            lines += max(1, math.ceil(ink * (1 - 1e-9) / (width + 1e-6)))
    return lines * size * LEADING


#: How paragraphs are laid out at one size: :func:`layout_at`, or a layout's variant that keeps more together.
LayAt = Callable[[list[Para], float, float, Role, Measurer, float], "Fitted | None"]


def fit(paras: list[Para], width: float, height: float, role: Role, measure: Measurer, *,
        max_size: float, min_size: float, letter_spacing: float = 0.0, lay: LayAt | None = None) -> Fitted | Overflow:
    """The largest size in [min_size, max_size] (0.1 mm steps) at which the text fits the box.

    ``lay`` lays the paragraphs out at one size (default :func:`layout_at`); a frame that keeps
    runs together passes its own, so the search for the size is written once.
    """
    lay_out = lay or layout_at
    # any layout fills lines from the text's visible characters, so a size too big for them
    # is known without wrapping (a long text is then wrapped a few times rather than at every size)
    bounded = summed(measure) if letter_spacing >= 0 else None

    def attempt(size: float) -> Fitted | None:
        if bounded is not None and least_height(paras, width, size, role, bounded) > height + 1e-9:
            return None
        spacing = letter_spacing * size
        result = lay_out(paras, width, size, role, measure, spacing)
        if result is None or result.height > height + 1e-9:
            return None
        return result

    best = attempt(max_size)
    if best is not None:
        return best
    at_min = lay_out(paras, width, min_size, role, measure, letter_spacing * min_size)
    smallest = at_min if at_min is not None and at_min.height <= height + 1e-9 else None
    if smallest is None:
        if at_min is None:
            widest = max((run for p in paras for run in unbreakable_runs(p.text)),
                         key=lambda run: measure.width(run, min_size, role), default="")
            return Overflow(min_size, float("inf"), height, widest)
        return Overflow(min_size, at_min.height, height)
    low, high = round(min_size * 10), round(max_size * 10)  # in 0.1 mm steps; low fits, high does not
    while high - low > 1:
        middle = (low + high) // 2
        found = attempt(middle / 10)
        if found is not None:
            low, smallest = middle, found
        else:
            high = middle
    return smallest
