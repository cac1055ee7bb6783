"""Placing text in boxes and grids, and collecting what did not fit.

Every form module lays its board out through a :class:`Frame`: it asks for text in a
box (or for a grid of labelled cells) and gets drawable items back.  When text does not
fit at the legible minimum, the frame records a :class:`Misfit` naming the site-file
field and draws nothing for it; the caller turns misfits into located errors, so no
board with clipped text is ever written.

A layout may also forbid line breaks the general line breaker of
:mod:`signkit.drawing.text` would allow, in the cells it controls (:class:`Keep`): a sign
maker does not break inside a parenthesis or between a number and its unit.  This is
done here, on top of that module's public API (:func:`~signkit.drawing.text.atoms` gives
the break opportunities; they are only ever removed), so the breaker itself can change
without the layouts knowing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from signkit.diagnostics import KeyPath
from signkit.drawing.box import Box
from signkit.drawing.colors import BLACK
from signkit.drawing.items import Align, Color, Item, Line, Rect, Text, VAlign
from signkit.drawing.text import (
    ASCENT,
    PARAGRAPH_GAP,
    Fitted,
    Measurer,
    Overflow,
    Para,
    atoms,
    fit,
    layout_at,
    remembered,
    stacked,
    wording,
    wrap_para,
)
from signkit.drawing.text import Line as TextLine
from signkit.fonts import Role


@dataclass(frozen=True)
class Misfit:
    """Text that did not fit its box at the legible minimum size."""

    path: KeyPath
    label: str
    overflow: Overflow
    box: Box


@dataclass(frozen=True)
class Keep:
    """Line breaks a layout forbids in its own cells, on top of the line breaker's rules.

    ``groups``: nothing inside a parenthesis (（企业内部）, (坑), 《…》) and nothing between a
    number and its unit (5 公里/小时, 1.5 米, 30 mA, 40N·m～65N·m).  ``words``: these words
    stay whole (the 重大 risk points named on 2-1-1, so that a name is never cut in two).
    Break opportunities are only removed, never added; a kept run too wide for a line
    even on its own is broken where the breaker allows, as if it were not kept, so
    keeping never turns text that fits into a misfit.
    """

    groups: bool = True
    words: tuple[str, ...] = ()


#: The house rule for every cell a layout fills with the user's text.
KEEP = Keep()


@dataclass(frozen=True)
class TextStyle:
    role: Role
    max_size: float
    min_size: float
    align: Align = "left"
    valign: VAlign = "middle"
    color: Color = BLACK
    letter_spacing: float = 0.0  # in em
    keep: Keep | None = None


# --- keeping runs together ------------------------------------------------------------------------------------------

_NUMBER = r"\d+(?:[.,]\d+)*"
#: Units that follow a number (longest first, so 毫米 wins over 米 and min over m).
_UNITS = (
    "公里/小时", "千米/小时", "米/秒", "m/s", "km/h", "r/min", "mg/m³", "mg/m3", "N·m", "dB\\(A\\)",
    "摄氏度", "平方米", "立方米", "毫米", "厘米", "千米", "公里", "千克", "公斤", "毫升", "千伏", "毫安", "千瓦", "兆帕",
    "千帕", "分贝", "小时", "分钟", "米", "克", "吨", "升", "伏", "安", "瓦", "帕", "度", "秒", "天", "周", "次", "人",
    "个", "台", "层", "级", "倍", "号", "条", "处", "名", "min", "MPa", "kPa", "Pa", "kV", "mA", "kW", "kg", "km", "mm",
    "cm", "m³", "m²", "dB", "ppm", "Hz", "lx", "mL", "℃", "°C", "°", "％", "%", "‰", "m", "g", "t", "V", "A", "W",
    "h", "s", "L",
)
_LATIN_TAIL = "(?![A-Za-z])"
_ONE_UNIT = "(?:" + "|".join(u + (_LATIN_TAIL if u[-1].isascii() and u[-1].isalpha() else "") for u in _UNITS) + ")"
#: A unit, or one per another (立方米/小时, m³/h).
_UNIT = rf"{_ONE_UNIT}(?:/{_ONE_UNIT})?"
_QUANTITY = rf"{_NUMBER}(?:\s?{_UNIT})?"
#: A number with its unit, or a run of them (1.5m×1.8m, 5～10 米, 40N·m～65N·m).
_MEASURE = re.compile(rf"{_QUANTITY}(?:\s?[×xX*～~—–\-]\s?{_QUANTITY})*")
_BRACKETS = re.compile(r"（[^（）]*）|\([^()]*\)|《[^《》]*》|【[^【】]*】|〔[^〔〕]*〕")


def kept_spans(text: str, keep: Keep) -> list[tuple[int, int]]:
    """The character ranges of ``text`` that must not be broken inside."""
    return list(_kept_spans(text, keep))


@lru_cache(maxsize=16384)
def _kept_spans(text: str, keep: Keep) -> tuple[tuple[int, int], ...]:
    """Cached: a cell's text is looked at again at every trial size while it is fitted."""
    spans: list[tuple[int, int]] = []
    if keep.groups:
        spans.extend(m.span() for m in _BRACKETS.finditer(text))
        spans.extend(m.span() for m in _MEASURE.finditer(text) if m.end() - m.start() > 1)
    for word in keep.words:
        if len(word) > 1:
            spans.extend((m.start(), m.end()) for m in re.finditer(re.escape(word), text))
    return tuple(spans)


@lru_cache(maxsize=16384)
def kept_units(text: str, keep: Keep) -> tuple[tuple[str, ...], ...]:
    """The line breaker's atoms of ``text``, grouped so that no group boundary falls inside a kept span.

    Each unit is a tuple of the breaker's atoms, so a unit too wide for any line can be
    broken again where the breaker allows.
    """
    pieces = atoms(text)
    spans = _kept_spans(text, keep)
    if not spans or "".join(pieces) != text:  # nothing to keep (or atoms that do not spell the text: keep out)
        return tuple((piece,) for piece in pieces)
    inside = [False] * (len(text) + 1)
    for start, end in spans:
        for position in range(start + 1, end):
            inside[position] = True
    units: list[tuple[str, ...]] = []
    current: list[str] = []
    position = 0
    for piece in pieces:
        if current and not inside[position]:
            units.append(tuple(current))
            current = []
        current.append(piece)
        position += len(piece)
    if current:
        units.append(tuple(current))
    return tuple(units)


def _keeps_anything(paras: Sequence[Para], keep: Keep | None) -> bool:
    return keep is not None and any(_kept_spans(p.text, keep) for p in paras)


def wrap_kept(para: Para, width: float, size: float, role: Role, measure: Measurer, letter_spacing: float,
              keep: Keep) -> list[TextLine] | None:
    """Greedy line breaking of one paragraph over its kept units (as :func:`signkit.drawing.text.wrap_para`)."""
    indent = measure.width(para.prefix, size, role, letter_spacing) if para.prefix else 0.0
    available = width - indent
    lines: list[TextLine] = []
    current = para.prefix
    current_width = indent
    first = True
    queue = list(kept_units(para.text, keep))
    index = 0
    while index < len(queue):
        unit = queue[index]
        index += 1
        piece = "".join(unit)
        gap = letter_spacing if current else 0.0
        # spaces at the end of a run hang past the line's end, as the breaker has them: they do not count
        if current_width + gap + measure.width(piece.rstrip(), size, role, letter_spacing) <= width + 1e-9:
            current += piece
            current_width += gap + measure.width(piece, size, role, letter_spacing)
            continue
        if piece.isspace():
            continue
        stripped = piece.lstrip()
        stripped_width = measure.width(stripped.rstrip(), size, role, letter_spacing)
        if len(unit) > 1 and stripped_width > available + 1e-9:
            queue[index:index] = [(atom,) for atom in unit]  # too wide for any line: break it as the breaker would
            continue
        if current.strip() and current != para.prefix:
            lines.append(TextLine(0.0 if first else indent, current.rstrip()))
            first = False
        elif current == para.prefix and para.prefix:
            return None  # not even one unit fits beside the prefix
        if stripped_width > available + 1e-9:
            return None
        current, current_width = stripped, indent + measure.width(stripped, size, role, letter_spacing)
    if current.strip():
        lines.append(TextLine(0.0 if first else indent, current.rstrip()))
    return lines


def lay_at(paras: list[Para], width: float, size: float, role: Role, measure: Measurer, letter_spacing: float = 0.0,
           keep: Keep | None = None) -> Fitted | None:
    """All paragraphs at one size (:func:`signkit.drawing.text.layout_at`), keeping what ``keep`` keeps (remembered)."""
    if not _keeps_anything(paras, keep):
        return layout_at(paras, width, size, role, measure, letter_spacing)
    assert keep is not None
    return remembered(measure, paras, ("kept", tuple(paras), width, size, role, letter_spacing, keep),
                      lambda: _lay_kept(paras, width, size, role, measure, letter_spacing, keep))


def _lay_kept(paras: list[Para], width: float, size: float, role: Role, measure: Measurer, letter_spacing: float,
              keep: Keep) -> Fitted | None:
    paragraphs: list[list[TextLine]] = []
    for para in paras:
        wrapped = wrap_kept(para, width, size, role, measure, letter_spacing, keep)
        if wrapped is None:  # a run no line holds: the breaker's last-resort breaks, as if nothing were kept
            wrapped = wrap_para(para, width, size, role, measure, letter_spacing)
        if wrapped is None:
            return None
        paragraphs.append(wrapped)
    return stacked(paragraphs, size, letter_spacing)


def fit_text(paras: list[Para], width: float, height: float, role: Role, measure: Measurer, *, max_size: float,
             min_size: float, letter_spacing: float = 0.0, keep: Keep | None = None) -> Fitted | Overflow:
    """The largest size in [min_size, max_size] (0.1 mm steps) at which the text fits (:func:`~signkit.drawing.text.fit`)."""
    if not _keeps_anything(paras, keep):
        return fit(paras, width, height, role, measure, max_size=max_size, min_size=min_size,
                   letter_spacing=letter_spacing)

    def kept(paras: list[Para], width: float, size: float, role: Role, measure: Measurer,
             spacing: float) -> Fitted | None:
        return lay_at(paras, width, size, role, measure, spacing, keep)

    return fit(paras, width, height, role, measure, max_size=max_size, min_size=min_size,
               letter_spacing=letter_spacing, lay=kept)


# --- the frame ------------------------------------------------------------------------------------------------------

@dataclass
class Frame:
    """Collects the items of one page and the misfits found while laying it out.

    ``texts`` records the wording of every block of text placed (one per :meth:`text`
    call: a cell, a title, a list; see :func:`signkit.drawing.text.wording`), in order.
    The drawn lines cannot serve for the content hash: where they break, and so what
    each line holds, depends on the fonts.  Pages carry these records
    (:attr:`signkit.drawing.items.Page.texts`).

    ``type_sizes`` is the type size the layout settled on for each kind of text it sets
    uniformly ("label", "value", "list" …): boards of one kind are given one set of
    sizes from these (:mod:`signkit.layout.type_scale`), and a file whose sizes changed
    is rebuilt.
    """

    measure: Measurer
    items: list[Item] = field(default_factory=list)
    misfits: list[Misfit] = field(default_factory=list)
    texts: list[tuple[str, ...]] = field(default_factory=list)
    type_sizes: dict[str, float] = field(default_factory=dict)

    def add(self, *items: Item) -> None:
        self.items.extend(items)

    def text(self, paras: list[Para] | str, box: Box, style: TextStyle, path: KeyPath = (), label: str = "") -> Fitted | None:
        """Fit ``paras`` into ``box`` and place them; record a misfit (and draw nothing) if impossible."""
        if isinstance(paras, str):
            paras = [Para(paras)]
        result = fit_text(paras, box.w, box.h, style.role, self.measure, max_size=style.max_size,
                          min_size=style.min_size, letter_spacing=style.letter_spacing, keep=style.keep)
        if isinstance(result, Overflow):
            self.misfits.append(Misfit(path, label, result, box))
            return None
        self.items.extend(place(result, box, style, self.measure))
        self.texts.append(wording(paras))
        return result

    def rect(self, box: Box, *, fill: Color | None = None, stroke: Color | None = None, width: float = 0.0) -> None:
        self.items.append(Rect(box.x, box.y, box.w, box.h, fill, stroke, width))

    def hline(self, x1: float, x2: float, y: float, color: Color, width: float) -> None:
        self.items.append(Line(x1, y, x2, y, color, width))


def place(fitted: Fitted, box: Box, style: TextStyle, measure: Measurer) -> list[Text]:
    """Turn fitted lines into positioned :class:`Text` items inside ``box``."""
    size = fitted.size
    if style.valign == "top":
        top = box.y
    elif style.valign == "bottom":
        top = box.bottom - fitted.height
    else:
        top = box.y + (box.h - fitted.height) / 2
    out: list[Text] = []
    line_height = fitted.line_height
    cursor = top
    for line, gap in zip(fitted.lines, fitted.gaps_before, strict=True):
        if gap:
            cursor += size * PARAGRAPH_GAP
        baseline = cursor + (line_height - size) / 2 + size * ASCENT
        width = measure.width(line.text, size, style.role, fitted.letter_spacing)
        if style.align == "center":
            x = box.x + (box.w - width) / 2
        elif style.align == "right":
            x = box.right - width
        else:
            x = box.x + line.indent
        out.append(Text(x, baseline, line.text, size, style.role, style.color, fitted.letter_spacing))
        cursor += line_height
    return out


@dataclass(frozen=True)
class Cell:
    """One cell of a grid: its position and span, its content and which field it prints."""

    row: int
    col: int
    content: list[Para] | str
    style: TextStyle
    rowspan: int = 1
    colspan: int = 1
    path: KeyPath = ()
    label: str = ""
    fill: Color | None = None


def grid(frame: Frame, origin: Box, col_widths: list[float], row_heights: list[float], cells: list[Cell], *,
         padding: float, border: Color, border_width: float) -> list[Fitted | None]:
    """Draw a ruled grid with merged cells and fit each cell's text inside its padding.

    Returns what each cell's text became, in the order of ``cells`` (``None`` for a
    misfit), so the layout can tell which type sizes it ended up with.
    """
    xs = [origin.x]
    for width in col_widths:
        xs.append(xs[-1] + width)
    ys = [origin.y]
    for height in row_heights:
        ys.append(ys[-1] + height)
    results: list[Fitted | None] = []
    for cell in cells:
        box = Box(xs[cell.col], ys[cell.row], xs[cell.col + cell.colspan] - xs[cell.col],
                  ys[cell.row + cell.rowspan] - ys[cell.row])
        if cell.fill is not None:
            frame.rect(box, fill=cell.fill)
        results.append(frame.text(cell.content, box.inset(padding), cell.style, cell.path, cell.label))
    for cell in cells:
        box = Box(xs[cell.col], ys[cell.row], xs[cell.col + cell.colspan] - xs[cell.col],
                  ys[cell.row + cell.rowspan] - ys[cell.row])
        frame.rect(box, stroke=border, width=border_width)
    return results
