"""The four GB 2894 sign categories: shapes, colours, proportions, and the text panel.

Proportions from GB 2894:
* 禁止 (prohibition): red ring on white, inner diameter 0.8 of the outer, a 45° bar of
  width 0.08 of the outer diameter from upper left to lower right, black symbol;
* 警告 (warning): black-bordered yellow triangle, inner side 0.7 of the outer, corners
  rounded with radius 0.08 of the inner side, black symbol;
* 指令 (mandatory): blue circle, white symbol;
* 提示 (safe condition): green square, white symbol.
The 文字辅助标志 sits below: white text on red (禁止), black on white (警告), white on
blue (指令), white on green (提示), in 黑体.  A name that would be set smaller than
:data:`ONE_LINE_MIN` of the width on one line (eight characters and more) is set on two
lines, broken after its comma or 顿号 or else near the middle, in a panel one line taller:
the sign can then stay about as wide as a short name's while its words stay as large.
"""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass

from signkit.art.pen import Pen, circle_segments, polygon_segments
from signkit.art.registry import Category, SignSpec
from signkit.drawing.box import Box
from signkit.drawing.colors import BLACK, WHITE
from signkit.drawing.frame import Frame, Misfit, TextStyle, place
from signkit.drawing.items import Color, Path, Text
from signkit.drawing.text import LEADING, Fitted, Line, Measurer, Overflow, Para, atoms, fit

SAFETY_RED = Color("安全红", 0.0, 1.0, 1.0, 0.0)
SAFETY_YELLOW = Color("安全黄", 0.0, 0.15, 1.0, 0.0)
SAFETY_BLUE = Color("安全蓝", 1.0, 0.5, 0.0, 0.0)
SAFETY_GREEN = Color("安全绿", 1.0, 0.0, 1.0, 0.2)

RING_INNER = 0.8
BAR_WIDTH = 0.08
TRIANGLE_INNER = 0.7
CORNER_RADIUS = 0.08
#: The text panel's height as a share of the sign's width (one line of text), and with a second line.
PANEL = 0.3
PANEL_TWO_LINES = 0.5
PANEL_GAP = 0.04
#: The panel's words: at most this share of the sign's width, inside a margin of PANEL_INSET on every side.
PANEL_TEXT = 0.16
PANEL_INSET = 0.03
#: A name that fits one line only below this share of the width is set on two lines.
ONE_LINE_MIN = 0.12
#: Where a two-line name breaks by preference: after one of these.
_BREAK_AFTER = "，、,"

PANEL_COLOURS: dict[Category, tuple[Color, Color]] = {  # (background, text)
    "禁止": (SAFETY_RED, WHITE), "警告": (WHITE, BLACK), "指令": (SAFETY_BLUE, WHITE), "提示": (SAFETY_GREEN, WHITE),
}


@dataclass(frozen=True)
class SignGeometry:
    """Key measurements of one drawn sign, in mm (for tests and for layout)."""

    outer: float
    inner: float
    bar: float = 0.0


def total_height(width: float, lines: int = 1) -> float:
    """Height of a sign of ``width`` with its text panel of ``lines`` lines (1 or 2)."""
    return width * (1 + PANEL_GAP + (PANEL_TWO_LINES if lines > 1 else PANEL))


def caption_split(name: str, measure: Measurer) -> tuple[str, ...]:
    """The lines of the sign's text panel: the name, or its two halves when one line would set it too small.

    Scale-free (everything in a sign scales with its width), so it depends on the name and the
    fonts only.  The break is after a comma or 顿号 when the name has one (止步，/高压危险！),
    else at the break the line breaker allows that makes the longer line shortest; a name with
    no break allowed stays on one line.
    """
    one_line = measure.width(name, 1.0, "title")
    if one_line <= 0 or (1 - 2 * PANEL_INSET) / one_line >= ONE_LINE_MIN - 1e-9:
        return (name,)
    ends = []
    at = 0
    for atom in atoms(name)[:-1]:
        at += len(atom)
        ends.append(at)
    if not ends:
        return (name,)
    marked = [end for end in ends if name[:end].rstrip()[-1:] in _BREAK_AFTER]

    def longer(end: int) -> float:
        return max(measure.width(name[:end].rstrip(), 1.0, "title"), measure.width(name[end:].lstrip(), 1.0, "title"))

    end = min(marked or ends, key=lambda e: (longer(e), e))
    return (name[:end].rstrip(), name[end:].lstrip())


def caption_lines(name: str, measure: Measurer) -> int:
    """How many lines the sign's text panel takes (see :func:`caption_split`)."""
    return len(caption_split(name, measure))


def _rounded_triangle(cx: float, top: float, side: float, radius: float) -> list[tuple[object, ...]]:
    """An equilateral triangle (apex up) with rounded corners."""
    h = side * math.sqrt(3) / 2
    pts = [(cx, top), (cx + side / 2, top + h), (cx - side / 2, top + h)]
    segments: list[tuple[object, ...]] = []
    for i, (vx, vy) in enumerate(pts):
        px, py = pts[i - 1]
        nx, ny = pts[(i + 1) % 3]
        # cut each corner: the arc starts and ends ``cut`` from the vertex along its edges
        cut = radius * math.sqrt(3)  # tangent length for a 60° corner
        def towards(ax: float, ay: float, bx: float, by: float, d: float) -> tuple[float, float]:
            length = math.hypot(bx - ax, by - ay)
            return ax + (bx - ax) * d / length, ay + (by - ay) * d / length
        start = towards(vx, vy, px, py, cut)
        end = towards(vx, vy, nx, ny, cut)
        segments.append(("M" if i == 0 else "L", *start))
        c1 = towards(start[0], start[1], vx, vy, cut * 0.55)
        c2 = towards(end[0], end[1], vx, vy, cut * 0.55)
        segments.append(("C", *c1, *c2, *end))
    segments.append(("Z",))
    return segments


def draw_sign(frame: Frame, spec: SignSpec, box: Box, *, min_text: float) -> SignGeometry:
    """Draw ``spec`` (shape, pictogram, text panel) at the top of ``box`` (its width sets the size)."""
    w = box.w
    x, y = box.x, box.y
    category = spec.category
    geometry: SignGeometry
    if category == "禁止":
        d1 = w * 0.96
        cx, cy = x + w / 2, y + w / 2
        r1, r2 = d1 / 2, d1 * RING_INNER / 2
        frame.add(Path(tuple(circle_segments(cx, cy, r1)), fill=WHITE))
        pen = Pen(cx - r2 * 0.72, cy - r2 * 0.72, r2 * 1.44, BLACK, WHITE)
        spec.draw(pen)
        frame.add(*pen.items)
        frame.add(Path((*circle_segments(cx, cy, r1), *circle_segments(cx, cy, r2)), fill=SAFETY_RED,
                       even_odd=True))
        half, bar = r2, d1 * BAR_WIDTH / 2
        c, s = math.cos(math.radians(45)), math.sin(math.radians(45))
        corners = [(-half, -bar), (half, -bar), (half, bar), (-half, bar)]
        frame.add(Path(tuple(polygon_segments([(cx + px * c - py * s, cy + px * s + py * c) for px, py in corners])),
                       fill=SAFETY_RED))
        geometry = SignGeometry(d1, d1 * RING_INNER, d1 * BAR_WIDTH)
    elif category == "警告":
        a1 = w
        h1 = a1 * math.sqrt(3) / 2
        top = y + (w - h1) / 2
        a2 = a1 * TRIANGLE_INNER
        h2 = a2 * math.sqrt(3) / 2
        centroid_y = top + h1 * 2 / 3
        top2 = centroid_y - h2 * 2 / 3
        frame.add(Path(tuple(_rounded_triangle(x + w / 2, top, a1, a2 * CORNER_RADIUS * 1.6)), fill=BLACK))
        frame.add(Path(tuple(_rounded_triangle(x + w / 2, top2, a2, a2 * CORNER_RADIUS)), fill=SAFETY_YELLOW))
        size = a2 * 0.58
        pen = Pen(x + w / 2 - size / 2, top2 + h2 * 0.34, size, BLACK, SAFETY_YELLOW)
        spec.draw(pen)
        frame.add(*pen.items)
        geometry = SignGeometry(a1, a2)
    elif category == "指令":
        d = w * 0.96
        cx, cy = x + w / 2, y + w / 2
        frame.add(Path(tuple(circle_segments(cx, cy, d / 2)), fill=SAFETY_BLUE))
        size = d * 0.64
        pen = Pen(cx - size / 2, cy - size / 2, size, WHITE, SAFETY_BLUE)
        spec.draw(pen)
        frame.add(*pen.items)
        geometry = SignGeometry(d, size)
    else:
        a = w * 0.96
        left, top = x + (w - a) / 2, y + (w - a) / 2
        frame.rect(Box(left, top, a, a), fill=SAFETY_GREEN)
        size = a * 0.76
        pen = Pen(left + (a - size) / 2, top + (a - size) / 2, size, WHITE, SAFETY_GREEN)
        spec.draw(pen)
        frame.add(*pen.items)
        geometry = SignGeometry(a, size)
    background, text_colour = PANEL_COLOURS[category]
    lines = caption_split(spec.name, frame.measure)
    panel = Box(x, y + w * (1 + PANEL_GAP), w, w * (PANEL if len(lines) == 1 else PANEL_TWO_LINES))
    frame.rect(panel, fill=background, stroke=BLACK if background == WHITE else None, width=w * 0.008)
    style = TextStyle("title", w * PANEL_TEXT, min_text, align="center", color=text_colour)
    if len(lines) == 1:
        frame.text(spec.name, panel.inset(w * PANEL_INSET), style, label=spec.name)
    else:
        _two_lines(frame, spec.name, lines, panel.inset(w * PANEL_INSET), style)
    return geometry


def _two_lines(frame: Frame, name: str, lines: tuple[str, ...], box: Box, style: TextStyle) -> None:
    """Set ``lines`` one under the other at one size, the largest at which each fits its line; never wrapped again."""
    size = style.max_size
    for line in lines:
        found = fit([Para(line)], box.w, box.h / len(lines), style.role, frame.measure, max_size=style.max_size,
                    min_size=style.min_size)
        if isinstance(found, Overflow) or len(found.lines) != 1:
            needed = frame.measure.width(line, style.min_size, style.role)
            frame.misfits.append(Misfit((), name, Overflow(style.min_size, math.inf, box.h, line if needed > box.w
                                                           else None), box))
            return
        size = min(size, found.size)
    fitted = Fitted(size, tuple(Line(0.0, line) for line in lines), (False,) * len(lines), len(lines) * size * LEADING)
    frame.add(*place(fitted, box, style, frame.measure))
    frame.texts.append((name,))


# --- how wide a sign must be for its words --------------------------------------------------------------------------

#: The sign width at which the text panels are measured, before scaling to the width a name needs (mm).
_PROBE_WIDTH = 100.0
#: The narrowest the panel's type may be set while measuring (a share of the width): below any legible need.
_PROBE_MIN = 0.05


def caption_sizes(frame: Frame, sign: Box) -> list[float]:
    """The sizes of the text-panel lines drawn for the sign in ``sign`` (the panel is below the symbol)."""
    return [item.size for item in frame.items
            if isinstance(item, Text) and sign.x - 1e-6 <= item.x <= sign.right and sign.y + sign.w < item.baseline
            <= sign.bottom + 1e-6]


#: Widths found by :func:`caption_width`, per measurer (one per set of fonts), name and legible minimum.
_CAPTION_WIDTHS: weakref.WeakKeyDictionary[Measurer, dict[tuple[str, float], float]] = weakref.WeakKeyDictionary()


def caption_width(spec: SignSpec, measure: Measurer, min_text: float) -> float:
    """The narrowest width (0.5 mm steps) at which the sign's text panel is set at ``min_text`` or larger.

    The one place this is worked out: the layout sizes a board's signs by it and the content
    rules count how many fit by it, so the check and the board never disagree.  Everything
    in a sign scales with its width, so the panel's type does too: measured once at a probe
    width, scaled, then checked.  A name the panel cannot hold at all gives ``inf``.
    Remembered per set of fonts: every 2-4 board of a batch asks for the same few signs.
    """
    try:
        known = _CAPTION_WIDTHS.setdefault(measure, {})
    except TypeError:  # a measurer that cannot be weakly referenced: measure every time
        known = {}
    key = (spec.name, min_text)
    if key not in known:
        known[key] = _caption_width(spec, measure, min_text)
    return known[key]


def _caption_width(spec: SignSpec, measure: Measurer, min_text: float) -> float:
    lines = caption_lines(spec.name, measure)

    def sizes_at(width: float) -> list[float]:
        scratch = Frame(measure)
        box = Box(0.0, 0.0, width, total_height(width, lines))
        draw_sign(scratch, spec, box, min_text=width * _PROBE_MIN)
        return [] if scratch.misfits else caption_sizes(scratch, box)

    probe = sizes_at(_PROBE_WIDTH)
    if not probe:
        return math.inf
    width = math.ceil(min_text * _PROBE_WIDTH / min(probe) * 2) / 2
    for _ in range(20):  # the type is set in 0.1 mm steps: a little more width may be needed
        found = sizes_at(width)
        if found and min(found) >= min_text - 1e-9:
            return width
        width += 0.5
    return math.inf
