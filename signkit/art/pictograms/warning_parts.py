"""Shared parts of the 警告 pictograms: a person, a hand, waves, stars, gears, drops, flame tongues.

Everything here draws in the unit square of :class:`~signkit.art.pen.Pen` (0–1, y down).
Inside the warning triangle that square sits low: its top edge is only about 0.59 wide
(x 0.21–0.79) and the triangle's sides reach the square's edges near y 0.36, so symbols
keep their upper parts near the centre line.  Figures follow the reference style: a
circle head and thick round-capped strokes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from signkit.art.pen import KAPPA, Local, Pen, Point

HEAD = 0.075
TORSO = 0.11
LIMB = 0.08


def rotate(points: Sequence[Point], cx: float, cy: float, degrees: float) -> list[Point]:
    """Rotate points about (cx, cy); positive angles turn clockwise (y down)."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return [(cx + (x - cx) * c - (y - cy) * s, cy + (x - cx) * s + (y - cy) * c) for x, y in points]




def hand(pen: Pen, wrist: Point, degrees: float, length: float, *, mirror: bool = False, cuff: float = 0.26,
          halo: float = 0.0) -> None:
    """A flat hand with its fingers together and the thumb out, wrist at ``wrist``, fingers along ``degrees``.

    Unmirrored, the thumb sits on the hand's left when looking along the fingers
    (local −y); ``length`` is wrist to fingertip and ``cuff`` the sleeve's depth as a
    share of it.  ``halo`` (unit coordinates) first clears a background-coloured border
    that wide around the hand, to lift it off whatever it overlaps.
    """
    t = Local(wrist[0], wrist[1], degrees, length, mirror=mirror)
    w = length
    palm = t.pts([(0.0, -0.21), (0.45, -0.21), (0.45, 0.21), (0.0, 0.21)])
    sleeve = t.pts([(-0.08 - cuff, -0.25), (-0.08, -0.25), (-0.08, 0.25), (-0.08 - cuff, 0.25)])
    fingers = t.pts([(0.10, 0.0), (0.80, 0.0)])
    thumb = t.pts([(0.22, -0.14), (0.44, -0.34), (0.60, -0.40)])
    for grow, knockout in ((2 * halo, True), (0.0, False)) if halo else ((0.0, False),):
        pen.stroke(fingers, 0.42 * w + grow, knockout=knockout)
        pen.stroke(thumb, 0.15 * w + grow, knockout=knockout)
        for shape in (palm, sleeve):
            pen.polygon(shape, knockout=knockout)
            if grow:
                pen.stroke(shape, grow, closed=True, knockout=True)
    # finger separations (show at large sizes, close up when small)
    for y in (-0.105, 0.0, 0.105):
        pen.stroke(t.pts([(0.62, y), (1.05, y)]), 0.025 * w, knockout=True)


def wave(x0: float, x1: float, y: float, amplitude: float, waves: float, steps: int = 48) -> list[Point]:
    """A horizontal sine line from x0 to x1 around y."""
    return [(x0 + (x1 - x0) * i / steps, y - amplitude * math.sin(2 * math.pi * waves * i / steps))
            for i in range(steps + 1)]


def vwave(x: float, y0: float, y1: float, amplitude: float, waves: float, steps: int = 48) -> list[Point]:
    """A vertical sine line from y0 (bottom) up to y1 around x."""
    return [(x + amplitude * math.sin(2 * math.pi * waves * i / steps), y0 + (y1 - y0) * i / steps)
            for i in range(steps + 1)]


def star(cx: float, cy: float, radii: Sequence[float], inner: float, start: float = -90.0) -> list[Point]:
    """A star with one spike per entry of ``radii`` (first spike at ``start`` degrees)."""
    n = len(radii)
    points: list[Point] = []
    for i, r in enumerate(radii):
        a = math.radians(start + 360 * i / n)
        b = math.radians(start + 360 * (i + 0.5) / n)
        points.append((cx + r * math.cos(a), cy + r * math.sin(a)))
        points.append((cx + inner * math.cos(b), cy + inner * math.sin(b)))
    return points


def gear(pen: Pen, cx: float, cy: float, r: float, teeth: int, phase: float) -> None:
    """A spur gear: a disc with square-ish teeth and a knocked-out hub."""
    root = r * 0.78
    points: list[Point] = []
    for i in range(teeth):
        a = phase + 360 * i / teeth
        step = 360 / teeth
        for da, rr in ((-0.30, root), (-0.17, r), (0.17, r), (0.30, root)):
            ang = math.radians(a + da * step)
            points.append((cx + rr * math.cos(ang), cy + rr * math.sin(ang)))
    pen.polygon(points)
    pen.circle(cx, cy, root * 0.32, knockout=True)


def drop(pen: Pen, x: float, y: float, r: float, *, knockout: bool = False) -> None:
    """A falling drop: round bottom centred at (x, y), point upwards."""
    k = KAPPA * r
    pen.fill([("M", x, y - 2.3 * r), ("C", x + 0.3 * r, y - 1.5 * r, x + r, y - 0.9 * r, x + r, y),
              ("C", x + r, y + k, x + k, y + r, x, y + r), ("C", x - k, y + r, x - r, y + k, x - r, y),
              ("C", x - r, y - 0.9 * r, x - 0.3 * r, y - 1.5 * r, x, y - 2.3 * r), ("Z",)], knockout=knockout)


def tongue(pen: Pen, bx: float, by: float, r: float, tx: float, ty: float, *, knockout: bool = False) -> None:
    """A flame tongue: a round base centred at (bx, by) drawn up to a tip at (tx, ty)."""
    k = KAPPA * r
    rise = by - ty
    pen.fill([("M", tx, ty),
              ("C", tx + 0.15 * r, ty + rise * 0.30, bx + r * 1.15, by - r * 1.0, bx + r, by),
              ("C", bx + r, by + k, bx + k, by + r, bx, by + r),
              ("C", bx - k, by + r, bx - r, by + k, bx - r, by),
              ("C", bx - r * 1.1, by - r * 1.2, tx - 0.15 * r, ty + rise * 0.50, tx, ty),
              ("Z",)], knockout=knockout)


def person(pen: Pen, head: Point, neck: Point, hip: Point, limbs: Sequence[Sequence[Point]],
            *, head_r: float = HEAD, torso: float = TORSO, limb: float = LIMB) -> None:
    """A figure: circle head, thick torso from neck to hip, and round-capped limbs."""
    pen.circle(head[0], head[1], head_r)
    pen.stroke([neck, hip], torso)
    for line in limbs:
        pen.stroke(line, limb)


def falling_person(pen: Pen, dx: float, dy: float) -> None:
    """A figure pitching head first down to the right, legs still up by the edge it left, arms flung out."""
    def at(points: Sequence[Point]) -> list[Point]:
        return [(x + dx, y + dy) for x, y in points]

    head, neck, hip = at([(0.76, 0.72), (0.68, 0.63), (0.55, 0.48)])
    person(pen, head, neck, hip,
            [at([(0.55, 0.48), (0.47, 0.38), (0.38, 0.32)]), at([(0.55, 0.48), (0.60, 0.36), (0.56, 0.25)]),
             at([(0.67, 0.61), (0.80, 0.56), (0.88, 0.47)]), at([(0.67, 0.61), (0.62, 0.73), (0.66, 0.83)])])


#: The lightning bolt with an arrowhead of 当心触电, in the unit square.
BOLT: tuple[Point, ...] = ((0.58, 0.02), (0.30, 0.50), (0.50, 0.50), (0.36, 0.86), (0.30, 0.80), (0.34, 0.99),
                           (0.52, 0.86), (0.45, 0.86), (0.72, 0.40), (0.52, 0.40), (0.70, 0.02))


def bolt(pen: Pen, x: float, y: float, scale: float, *, knockout: bool = False) -> None:
    """当心触电's lightning bolt shrunk by ``scale``, the top left of its unit square at (x, y)."""
    pen.polygon([(x + px * scale, y + py * scale) for px, py in BOLT], knockout=knockout)




def skull(pen: Pen, cx: float, cy: float, r: float, *, knockout: bool = False) -> None:
    """A skull face on: a cranium of radius ``r`` centred at (cx, cy), eye sockets, nose and a toothed jaw below."""
    def at(x: float, y: float) -> tuple[float, float]:
        return cx + x * r, cy + y * r

    pen.circle(cx, cy, r, knockout=knockout)
    pen.fill([("M", *at(-0.65, 0.35)), ("L", *at(0.65, 0.35)), ("L", *at(0.55, 1.4)),
              ("C", *at(0.55, 1.5), *at(0.5, 1.55), *at(0.4, 1.55)), ("L", *at(-0.4, 1.55)),
              ("C", *at(-0.5, 1.55), *at(-0.55, 1.5), *at(-0.55, 1.4)), ("Z",)], knockout=knockout)
    pen.ellipse(*at(-0.375, 0.15), 0.275 * r, 0.3 * r, knockout=not knockout)
    pen.ellipse(*at(0.375, 0.15), 0.275 * r, 0.3 * r, knockout=not knockout)
    pen.polygon([at(0.0, 0.55), at(-0.15, 0.85), at(0.15, 0.85)], knockout=not knockout)
    for x in (-0.25, 0.0, 0.25):
        pen.stroke([at(x, 1.1), at(x, 1.55)], 0.09 * r, knockout=not knockout)


def crossbones(pen: Pen, cx: float, cy: float, half_w: float, half_h: float, width: float) -> None:
    """Two bones crossed in an X centred at (cx, cy), knobbed at both ends."""
    for (x0, y0), (x1, y1) in (((cx - half_w, cy - half_h), (cx + half_w, cy + half_h)),
                               ((cx + half_w, cy - half_h), (cx - half_w, cy + half_h))):
        pen.stroke([(x0, y0), (x1, y1)], width)
        dx, dy = x1 - x0, y1 - y0
        length = math.hypot(dx, dy)
        nx, ny = -dy / length * width * 7 / 15, dx / length * width * 7 / 15
        for x, y in ((x0, y0), (x1, y1)):
            pen.circle(x + nx, y + ny, width * 0.6)
            pen.circle(x - nx, y - ny, width * 0.6)


def cloud(pen: Pen, x0: float, x1: float, top: float, bottom: float, *, knockout: bool = False) -> None:
    """A billowing cloud (of gas or dust) with a rounded flat base, from x0 to x1 and top to bottom."""
    w, h = x1 - x0, bottom - top
    for fx, fy, fr in ((0.22, 0.60, 0.36), (0.47, 0.42, 0.42), (0.75, 0.55, 0.36), (0.86, 0.76, 0.24),
                       (0.12, 0.78, 0.22)):
        pen.circle(x0 + fx * w, top + fy * h, fr * h, knockout=knockout)
    r = 0.22 * h
    pen.fill([("M", x0 + 0.12 * w, bottom - 2 * r), ("L", x1 - 0.14 * w, bottom - 2 * r), ("L", x1 - 0.14 * w, bottom),
              ("L", x0 + 0.12 * w, bottom), ("Z",)], knockout=knockout)


def rock(pen: Pen, x: float, y: float, r: float, turn: float) -> None:
    """An angular lump of rock about ``r`` across either way from (x, y), turned ``turn`` degrees."""
    pen.polygon(rotate([(x - r, y - r * 0.3), (x - r * 0.1, y - r), (x + r, y - r * 0.5), (x + r * 0.7, y + r * 0.8),
                        (x - r * 0.6, y + r * 0.9)], x, y, turn))


def roadway(pen: Pen, *, gap: tuple[float, float] | None = None, walls: tuple[bool, bool] = (True, True)) -> None:
    """A mine roadway in section: an arched roof on two straight walls.

    ``gap`` (degrees, clockwise from +x) breaks the arch there; ``walls`` leaves out the
    left or right wall for a pictogram that draws its own.
    """
    cx, cy, r, width = 0.5, 0.60, 0.37, 0.07
    if gap:
        pen.arc(cx, cy, r, 180, gap[0], width)
        pen.arc(cx, cy, r, gap[1], 360, width)
    else:
        pen.arc(cx, cy, r, 180, 360, width)
    for side, present in zip((-1.0, 1.0), walls, strict=True):
        if present:
            pen.stroke([(cx + side * r, cy), (cx + side * r, 0.93)], width)
