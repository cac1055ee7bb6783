"""The four GB 2894 sign categories: shapes, colours, proportions, and the text panel.

Proportions from GB 2894:
* 禁止 (prohibition): red ring on white, inner diameter 0.8 of the outer, a 45° bar of
  width 0.08 of the outer diameter from upper left to lower right, black symbol;
* 警告 (warning): black-bordered yellow triangle, inner side 0.7 of the outer, corners
  rounded with radius 0.08 of the inner side, black symbol;
* 指令 (mandatory): blue circle, white symbol;
* 提示 (safe condition): green square, white symbol.
The 文字辅助标志 sits below: white text on red (禁止), black on white (警告), white on
blue (指令), white on green (提示), in 黑体.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from signkit.art.pen import Pen, circle_segments, polygon_segments
from signkit.art.registry import Category, SignSpec
from signkit.drawing.box import Box
from signkit.drawing.colors import BLACK, WHITE
from signkit.drawing.frame import Frame, TextStyle
from signkit.drawing.items import Color, Path

SAFETY_RED = Color("安全红", 0.0, 1.0, 1.0, 0.0)
SAFETY_YELLOW = Color("安全黄", 0.0, 0.15, 1.0, 0.0)
SAFETY_BLUE = Color("安全蓝", 1.0, 0.5, 0.0, 0.0)
SAFETY_GREEN = Color("安全绿", 1.0, 0.0, 1.0, 0.2)

RING_INNER = 0.8
BAR_WIDTH = 0.08
TRIANGLE_INNER = 0.7
CORNER_RADIUS = 0.08
#: The text panel's height as a share of the sign's width.
PANEL = 0.3
PANEL_GAP = 0.04

PANEL_COLOURS: dict[Category, tuple[Color, Color]] = {  # (background, text)
    "禁止": (SAFETY_RED, WHITE), "警告": (WHITE, BLACK), "指令": (SAFETY_BLUE, WHITE), "提示": (SAFETY_GREEN, WHITE),
}


@dataclass(frozen=True)
class SignGeometry:
    """Key measurements of one drawn sign, in mm (for tests and for layout)."""

    outer: float
    inner: float
    bar: float = 0.0


def total_height(width: float) -> float:
    """Height of a sign of ``width`` with its text panel."""
    return width * (1 + PANEL_GAP + PANEL)


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
    panel = Box(x, y + w * (1 + PANEL_GAP), w, w * PANEL)
    frame.rect(panel, fill=background, stroke=BLACK if background == WHITE else None, width=w * 0.008)
    frame.text(spec.name, panel.inset(w * 0.03), TextStyle("title", w * 0.16, min_text, align="center",
                                                          color=text_colour), label=spec.name)
    return geometry
