"""Placing text in boxes and grids, and collecting what did not fit.

Every form module lays its board out through a :class:`Frame`: it asks for text in a
box (or for a grid of labelled cells) and gets drawable items back.  When text does not
fit at the legible minimum, the frame records a :class:`Misfit` naming the site-file
field and draws nothing for it; the caller turns misfits into located errors, so no
board with clipped text is ever written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from signkit.diagnostics import KeyPath
from signkit.drawing.box import Box
from signkit.drawing.colors import BLACK
from signkit.drawing.items import Align, Color, Item, Line, Rect, Text, VAlign
from signkit.drawing.text import ASCENT, PARAGRAPH_GAP, Fitted, Measurer, Overflow, Para, fit, wording
from signkit.fonts import Role


@dataclass(frozen=True)
class Misfit:
    """Text that did not fit its box at the legible minimum size."""

    path: KeyPath
    label: str
    overflow: Overflow
    box: Box


@dataclass(frozen=True)
class TextStyle:
    role: Role
    max_size: float
    min_size: float
    align: Align = "left"
    valign: VAlign = "middle"
    color: Color = BLACK
    letter_spacing: float = 0.0  # in em


@dataclass
class Frame:
    """Collects the items of one page and the misfits found while laying it out.

    ``texts`` records the wording of every block of text placed (one per :meth:`text`
    call: a cell, a title, a list; see :func:`signkit.drawing.text.wording`), in order.
    The drawn lines cannot serve for the content hash: where they break, and so what
    each line holds, depends on the fonts.  Pages carry these records
    (:attr:`signkit.drawing.items.Page.texts`).
    """

    measure: Measurer
    items: list[Item] = field(default_factory=list)
    misfits: list[Misfit] = field(default_factory=list)
    texts: list[tuple[str, ...]] = field(default_factory=list)

    def add(self, *items: Item) -> None:
        self.items.extend(items)

    def text(self, paras: list[Para] | str, box: Box, style: TextStyle, path: KeyPath = (), label: str = "") -> Fitted | None:
        """Fit ``paras`` into ``box`` and place them; record a misfit (and draw nothing) if impossible."""
        if isinstance(paras, str):
            paras = [Para(paras)]
        result = fit(paras, box.w, box.h, style.role, self.measure, max_size=style.max_size,
                     min_size=style.min_size, letter_spacing=style.letter_spacing)
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
         padding: float, border: Color, border_width: float) -> None:
    """Draw a ruled grid with merged cells and fit each cell's text inside its padding."""
    xs = [origin.x]
    for width in col_widths:
        xs.append(xs[-1] + width)
    ys = [origin.y]
    for height in row_heights:
        ys.append(ys[-1] + height)
    for cell in cells:
        box = Box(xs[cell.col], ys[cell.row], xs[cell.col + cell.colspan] - xs[cell.col],
                  ys[cell.row + cell.rowspan] - ys[cell.row])
        if cell.fill is not None:
            frame.rect(box, fill=cell.fill)
        frame.text(cell.content, box.inset(padding), cell.style, cell.path, cell.label)
    for cell in cells:
        box = Box(xs[cell.col], ys[cell.row], xs[cell.col + cell.colspan] - xs[cell.col],
                  ys[cell.row + cell.rowspan] - ys[cell.row])
        frame.rect(box, stroke=border, width=border_width)
