"""Parts shared by several pictograms: people, heads, hands, drops, arrows, crosses, flames and outlines.

Every part draws with the pen it is given, in the unit square (0–1, y down), so it is
white on the blue 指令 disc and the green 提示 square alike; ``knockout=True`` draws in the
sign's ground colour, which is how gaps, seams and details inside a white shape are cut.
A part never registers a sign: the category modules compose parts into pictograms.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from signkit.art.pen import KAPPA, Pen, Point

Segments = list[tuple[object, ...]]


# --- geometry ----------------------------------------------------------------------


def rotated(points: Sequence[Point], cx: float, cy: float, degrees: float) -> list[Point]:
    """``points`` turned ``degrees`` clockwise (y down) about (cx, cy)."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return [(cx + (x - cx) * c - (y - cy) * s, cy + (x - cx) * s + (y - cy) * c) for x, y in points]


def outline(segments: Sequence[tuple[object, ...]], steps: int = 8) -> list[Point]:
    """The points along a path of M/L/C segments, to stroke a gap around a filled shape."""
    points: list[Point] = []
    for op, *values in segments:
        v = [float(x) for x in values]  # type: ignore[arg-type]
        if op in ("M", "L"):
            points.append((v[0], v[1]))
        elif op == "C":
            (x0, y0) = points[-1]
            for i in range(1, steps + 1):
                t = i / steps
                a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t ** 2, t ** 3
                points.append((a * x0 + b * v[0] + c * v[2] + d * v[4], a * y0 + b * v[1] + c * v[3] + d * v[5]))
    return points


def rounded_rect(x: float, y: float, w: float, h: float, r: float) -> Segments:
    """A rectangle with quarter-circle corners of radius ``r``."""
    k = KAPPA * r
    return [("M", x + r, y), ("L", x + w - r, y), ("C", x + w - r + k, y, x + w, y + r - k, x + w, y + r),
            ("L", x + w, y + h - r), ("C", x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h),
            ("L", x + r, y + h), ("C", x + r - k, y + h, x, y + h - r + k, x, y + h - r),
            ("L", x, y + r), ("C", x, y + r - k, x + r - k, y, x + r, y), ("Z",)]


# --- people ------------------------------------------------------------------------


def bust(pen: Pen, head_y: float = 0.42, rx: float = 0.25, ry: float = 0.32) -> None:
    """A head seen face on, with neck and shoulders."""
    pen.fill([("M", 0.10, 0.96), ("C", 0.10, 0.85, 0.24, 0.80, 0.50, 0.80), ("C", 0.76, 0.80, 0.90, 0.85, 0.90, 0.96),
              ("Z",)])
    pen.rect(0.40, head_y + ry * 0.6, 0.20, 0.80 - head_y - ry * 0.6 + 0.02)
    pen.ellipse(0.50, head_y, rx, ry)


def figure(pen: Pen, x: float, top: float, height: float, spread: float = 1.0) -> None:
    """A person standing face on, ``height`` tall from the top of the head at (x, top); ``spread`` scales the arms' reach."""
    u = height / 0.9
    pen.circle(x, top + 0.09 * u, 0.09 * u)
    pen.stroke([(x, top + 0.28 * u), (x, top + 0.52 * u)], 0.18 * u)
    for side in (-1, 1):
        pen.stroke([(x + side * 0.11 * u, top + 0.26 * u), (x + side * (0.11 + 0.08 * spread) * u, top + 0.40 * u),
                    (x + side * (0.11 + 0.10 * spread) * u, top + 0.56 * u)], 0.08 * u)
        pen.stroke([(x + side * 0.05 * u, top + 0.56 * u), (x + side * 0.06 * u, top + 0.86 * u)], 0.09 * u)


# --- small symbols -----------------------------------------------------------------


def cross(pen: Pen, cx: float, cy: float, size: float, *, knockout: bool = False) -> None:
    """A Greek cross ``size`` across, its arms a third of that wide."""
    arm = size / 3
    pen.rect(cx - size / 2, cy - arm / 2, size, arm, knockout=knockout)
    pen.rect(cx - arm / 2, cy - size / 2, arm, size, knockout=knockout)


def drop(pen: Pen, x: float, y: float, r: float) -> None:
    """A water drop whose round bottom is centred on (x, y)."""
    pen.fill([("M", x, y - 2.3 * r), ("C", x + 0.4 * r, y - 1.4 * r, x + r, y - 0.7 * r, x + r, y),
              ("C", x + r, y + 0.55 * r, x + 0.55 * r, y + r, x, y + r),
              ("C", x - 0.55 * r, y + r, x - r, y + 0.55 * r, x - r, y),
              ("C", x - r, y - 0.7 * r, x - 0.4 * r, y - 1.4 * r, x, y - 2.3 * r), ("Z",)])


def arrow(pen: Pen, tail: Point, head: Point, width: float) -> None:
    """A straight arrow from ``tail`` to ``head`` with a solid triangular head."""
    dx, dy = head[0] - tail[0], head[1] - tail[1]
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    barb = width * 2.6
    base = (head[0] - ux * barb, head[1] - uy * barb)
    pen.stroke([tail, base], width)
    pen.polygon([head, (base[0] - uy * barb * 0.75, base[1] + ux * barb * 0.75),
                 (base[0] + uy * barb * 0.75, base[1] - ux * barb * 0.75)])


def earth(pen: Pen, cx: float, top: float, width: float, *, stem: float = 0.0, line: float = 0.06) -> None:
    """The electrical earth symbol: three bars, each narrower, the widest at ``top``, under a stem ``stem`` long."""
    gap = line * 1.35
    if stem:
        pen.stroke([(cx, top - stem), (cx, top)], line)
    for i, share in enumerate((1.0, 0.62, 0.26)):
        y = top + i * gap
        pen.stroke([(cx - width * share / 2 + line / 2, y), (cx + width * share / 2 - line / 2, y)], line)


def placed(points: Sequence[Point], origin: Point, degrees: float, scale: float, *, mirror: bool = False) -> list[Point]:
    """Local ``points`` (x forward, y to the right of it) scaled, turned ``degrees`` clockwise and moved to ``origin``."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    out: list[Point] = []
    for x, y in points:
        y = -y if mirror else y
        out.append((origin[0] + scale * (x * c - y * s), origin[1] + scale * (x * s + y * c)))
    return out




def wave(start: Point, end: Point, amplitude: float, waves: float, steps: int = 40) -> list[Point]:
    """A sine line from ``start`` to ``end``, swinging ``amplitude`` to either side ``waves`` times."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy)
    nx, ny = -dy / length, dx / length
    return [(start[0] + dx * i / steps + nx * amplitude * math.sin(2 * math.pi * waves * i / steps),
             start[1] + dy * i / steps + ny * amplitude * math.sin(2 * math.pi * waves * i / steps)) for i in range(steps + 1)]


def hand(pen: Pen, wrist: Point, degrees: float, length: float, *, mirror: bool = False, halo: float = 0.0,
         cuff: float = 0.0) -> None:
    """A flat open hand, fingers together and thumb out, from ``wrist`` along ``degrees`` (0 = +x), ``length`` long.

    Unmirrored the thumb is on the hand's left looking along the fingers; ``cuff`` adds a
    sleeve that long behind the wrist; ``halo`` first clears a border that wide around it.
    """
    def at(points: Sequence[Point]) -> list[Point]:
        return placed(points, wrist, degrees, length, mirror=mirror)

    palm = at([(0.0, -0.20), (0.50, -0.21), (0.50, 0.21), (0.0, 0.19)])
    thumb = at([(0.18, -0.16), (0.40, -0.34), (0.56, -0.40)])
    fingers = [at([(0.45, y), (tip, y)]) for y, tip in ((-0.15, 0.92), (-0.05, 1.0), (0.05, 0.97), (0.15, 0.84))]
    sleeve = at([(-cuff, -0.25), (0.0, -0.25), (0.0, 0.25), (-cuff, 0.25)]) if cuff else []
    for grow, knockout in ((2 * halo, True), (0.0, False)) if halo else ((0.0, False),):
        for finger in fingers:
            pen.stroke(finger, 0.11 * length + grow, knockout=knockout)
        pen.stroke(thumb, 0.13 * length + grow, knockout=knockout)
        for shape in (palm, sleeve):
            if shape:
                pen.polygon(shape, knockout=knockout)
                if grow:
                    pen.stroke(shape, grow, closed=True, knockout=True)


def person(pen: Pen, head: Point, neck: Point, hip: Point, limbs: Sequence[Sequence[Point]], *, size: float = 1.0,
           halo: float = 0.0) -> None:
    """A figure: a round head, a thick torso from neck to hip and round-capped limbs; ``size`` scales the line widths.

    ``halo`` first clears a border that wide around the whole figure, to stand it in front of what it overlaps.
    """
    for grow, knockout in ((2 * halo, True), (0.0, False)) if halo else ((0.0, False),):
        pen.circle(head[0], head[1], 0.085 * size + grow / 2, knockout=knockout)
        pen.stroke([neck, hip], 0.15 * size + grow, knockout=knockout)
        for limb in limbs:
            pen.stroke(limb, 0.075 * size + grow, knockout=knockout)


def walker(pen: Pen, x: float, top: float, height: float, *, reach: Point | None = None, halo: float = 0.0) -> None:
    """A person walking to the right, ``height`` tall from the top of the head at about (x, top).

    ``reach`` puts the front hand there (a hand on a rail) instead of swinging it.
    """
    u = height / 0.9

    def p(dx: float, dy: float) -> Point:
        return (x + dx * u, top + dy * u)

    shoulder, hip = p(0.02, 0.26), p(-0.01, 0.53)
    front_arm = [shoulder, reach] if reach else [shoulder, p(0.10, 0.40), p(0.17, 0.50)]
    person(pen, p(0.04, 0.09), shoulder, hip,
           [[shoulder, p(-0.08, 0.40), p(-0.15, 0.49)], front_arm,
            [hip, p(-0.08, 0.70), p(-0.17, 0.86)], [hip, p(0.09, 0.69), p(0.13, 0.87)]],
           size=u, halo=halo)


def runner(pen: Pen, x: float, top: float, height: float, *, halo: float = 0.0) -> None:
    """A person running to the right, leaning into the stride, ``height`` tall from about (x, top)."""
    u = height / 0.9

    def p(dx: float, dy: float) -> Point:
        return (x + dx * u, top + dy * u)

    shoulder, hip = p(0.06, 0.27), p(-0.04, 0.52)
    person(pen, p(0.10, 0.10), shoulder, hip,
           [[shoulder, p(0.17, 0.36), p(0.27, 0.30)], [shoulder, p(-0.06, 0.38), p(-0.17, 0.33)],
            [hip, p(0.12, 0.64), p(0.10, 0.84)], [hip, p(-0.12, 0.68), p(-0.28, 0.72)]],
           size=u, halo=halo)


def flame(pen: Pen, cx: float, bottom: float, height: float, *, knockout: bool = False) -> None:
    """A flame standing on (cx, bottom), ``height`` tall: a round belly, a tall tongue and a shorter one beside it."""
    h = height
    pen.fill([("M", cx, bottom), ("C", cx - 0.36 * h, bottom, cx - 0.42 * h, bottom - 0.34 * h, cx - 0.26 * h, bottom - 0.56 * h),
              ("C", cx - 0.20 * h, bottom - 0.46 * h, cx - 0.16 * h, bottom - 0.42 * h, cx - 0.12 * h, bottom - 0.44 * h),
              ("C", cx - 0.16 * h, bottom - 0.66 * h, cx - 0.02 * h, bottom - 0.86 * h, cx + 0.06 * h, bottom - h),
              ("C", cx + 0.08 * h, bottom - 0.80 * h, cx + 0.40 * h, bottom - 0.62 * h, cx + 0.36 * h, bottom - 0.30 * h),
              ("C", cx + 0.34 * h, bottom - 0.10 * h, cx + 0.20 * h, bottom, cx, bottom), ("Z",)], knockout=knockout)
    pen.fill([("M", cx + 0.02 * h, bottom - 0.06 * h),
              ("C", cx - 0.12 * h, bottom - 0.06 * h, cx - 0.16 * h, bottom - 0.20 * h, cx - 0.08 * h, bottom - 0.32 * h),
              ("C", cx - 0.04 * h, bottom - 0.26 * h, cx, bottom - 0.26 * h, cx + 0.02 * h, bottom - 0.28 * h),
              ("C", cx + 0.02 * h, bottom - 0.38 * h, cx + 0.06 * h, bottom - 0.46 * h, cx + 0.10 * h, bottom - 0.52 * h),
              ("C", cx + 0.12 * h, bottom - 0.40 * h, cx + 0.22 * h, bottom - 0.32 * h, cx + 0.20 * h, bottom - 0.18 * h),
              ("C", cx + 0.18 * h, bottom - 0.10 * h, cx + 0.10 * h, bottom - 0.06 * h, cx + 0.02 * h, bottom - 0.06 * h),
              ("Z",)], knockout=not knockout)
