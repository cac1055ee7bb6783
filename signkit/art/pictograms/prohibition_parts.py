"""Shared parts of the 禁止 (prohibition) pictograms: curves, turns, a figure, a hand, a flame, drops, wheels.

The prohibition modules (``prohibition.py`` and the ``prohibition_*.py`` themes) draw
their symbols from these pieces so that a person, a hand or a flame looks the same on
every sign.  Everything is in the unit square (0–1, y down); the frame adds the red
ring and the 45° bar that runs from the upper left to the lower right.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from signkit.art.pen import KAPPA, Local, Pen, Point

#: Stroke widths of a figure: head radius, torso, limbs (the house figure of 禁止通行 and 禁止入内).
HEAD = 0.09
TORSO = 0.15
LIMB = 0.09




def rotated(points: Sequence[Point], cx: float, cy: float, degrees: float) -> list[Point]:
    """``points`` turned ``degrees`` clockwise (y down) about (cx, cy)."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return [(cx + (x - cx) * c - (y - cy) * s, cy + (x - cx) * s + (y - cy) * c) for x, y in points]


def drop(pen: Pen, x: float, y: float, r: float) -> None:
    """A water drop whose round bottom is centred on (x, y)."""
    pen.fill([("M", x, y - 2.2 * r), ("C", x + 0.4 * r, y - 1.3 * r, x + r, y - 0.7 * r, x + r, y),
              ("C", x + r, y + 0.55 * r, x + 0.55 * r, y + r, x, y + r),
              ("C", x - 0.55 * r, y + r, x - r, y + 0.55 * r, x - r, y),
              ("C", x - r, y - 0.7 * r, x - 0.4 * r, y - 1.3 * r, x, y - 2.2 * r), ("Z",)])




def person(pen: Pen, head: Point, neck: Point, hip: Point, limbs: Sequence[Sequence[Point]], *,
           head_r: float = HEAD, torso: float = TORSO, limb: float = LIMB) -> None:
    """A figure: a round head, a thick torso from neck to hip and round-capped limbs (each a polyline)."""
    pen.circle(head[0], head[1], head_r)
    pen.stroke([neck, hip], torso)
    for line in limbs:
        pen.stroke(line, limb)


def open_hand(pen: Pen, place: Local | None = None) -> None:
    """The open hand of 禁止触摸, palm forward, fingers up (wrist at the bottom, about 0.26–0.76 wide, 0.08–0.98 tall).

    ``place`` moves, turns and scales it (unit coordinates are its local ones).
    """
    at = place or Local(0.0, 0.0)
    pen.fill(at.segments([("M", 0.26, 0.44), ("L", 0.74, 0.44), ("C", 0.76, 0.62, 0.72, 0.76, 0.66, 0.82),
                          ("L", 0.66, 0.98), ("L", 0.38, 0.98), ("L", 0.38, 0.84),
                          ("C", 0.30, 0.76, 0.26, 0.62, 0.26, 0.44), ("Z",)]))
    for (bx, by), (tx, ty) in (((0.32, 0.48), (0.28, 0.22)), ((0.44, 0.46), (0.43, 0.09)),
                               ((0.56, 0.46), (0.58, 0.08)), ((0.68, 0.48), (0.72, 0.19))):
        pen.stroke(at.pts([(bx, by), (tx, ty)]), 0.105 * at.scale)
    pen.stroke(at.pts([(0.34, 0.72), (0.20, 0.58), (0.13, 0.42)]), 0.105 * at.scale)


def side_hand(pen: Pen, wrist: Point, degrees: float, length: float, *, mirror: bool = False, sleeve: float = 0.25,
              halo: float = 0.0) -> None:
    """A flat hand seen from the side, fingers together and thumb out, reaching from ``wrist`` along ``degrees``.

    ``length`` is wrist to fingertip; ``sleeve`` the depth of the cuff behind the wrist
    (a share of ``length``).  Unmirrored the thumb is on the upper side when the hand
    points right.  ``halo`` first clears a white border that wide around the hand.
    """
    at = Local(wrist[0], wrist[1], degrees, length, mirror=mirror)
    w = length
    parts = [
        (at.pts([(-0.02, 0.0), (0.46, 0.0)]), 0.44 * w),  # palm
        (at.pts([(0.40, 0.04), (0.86, 0.06)]), 0.30 * w),  # fingers together
        (at.pts([(0.24, -0.14), (0.44, -0.30), (0.60, -0.34)]), 0.15 * w),  # thumb
    ]
    cuff = at.pts([(-0.06 - sleeve, -0.27), (-0.06, -0.27), (-0.06, 0.27), (-0.06 - sleeve, 0.27)])
    for grow, knockout in ((2 * halo, True), (0.0, False)) if halo else ((0.0, False),):
        for points, width in parts:
            pen.stroke(points, width + grow, knockout=knockout)
        if grow:
            pen.stroke([*cuff, cuff[0]], grow, knockout=True)
        pen.polygon(cuff, knockout=knockout)


def flame(pen: Pen, x: float, base: float, width: float, height: float, *, turn: float = 0.0,
          knockout: bool = False, inner: bool = True) -> None:
    """A flame: a round base centred on x sitting on ``base``, its main tongue ``height`` tall, a lick on its left.

    ``turn`` tilts it clockwise about the middle of its base; ``inner`` cuts the
    inner tongue out of it (the paper colour, or the ink when ``knockout``).
    """
    at = Local(x, base, turn)
    w, h = width / 2, height
    pen.fill(at.segments([
        ("M", 0.0, 0.0),
        ("C", -1.05 * w, 0.0, -1.15 * w, -0.42 * h, -0.72 * w, -0.74 * h),
        ("C", -0.70 * w, -0.60 * h, -0.52 * w, -0.50 * h, -0.36 * w, -0.50 * h),
        ("C", -0.42 * w, -0.72 * h, -0.20 * w, -0.88 * h, 0.12 * w, -h),
        ("C", 0.02 * w, -0.86 * h, 1.10 * w, -0.66 * h, 0.98 * w, -0.30 * h),
        ("C", 0.92 * w, -0.08 * h, 0.52 * w, 0.0, 0.0, 0.0), ("Z",)]), knockout=knockout)
    if inner:
        r = w * 0.45
        pen.fill(at.segments([
            ("M", 0.0, -0.07 * h),
            ("C", -1.2 * r, -0.07 * h, -1.2 * r, -0.30 * h, -0.1 * r, -0.52 * h),
            ("C", 0.0, -0.38 * h, 1.25 * r, -0.32 * h, 1.05 * r, -0.17 * h),
            ("C", 0.95 * r, -0.09 * h, 0.5 * r, -0.07 * h, 0.0, -0.07 * h), ("Z",)]), knockout=not knockout)


def knife_switch(pen: Pen, angle: float) -> None:
    """A knife switch: the jaw clip above, the blade on its hinge below turned to ``angle`` (−90 = closed, in the jaw).

    The drawing of 禁止合闸 (open at −56°) and of the GB 26860 boards that carry it.
    """
    hx, hy, jaw = 0.44, 0.80, 0.24
    pen.stroke([(hx, 0.05), (hx, jaw - 0.08)], 0.075)
    pen.stroke([(hx - 0.10, jaw + 0.12), (hx - 0.10, jaw - 0.07), (hx + 0.10, jaw - 0.07), (hx + 0.10, jaw + 0.12)],
               0.085)
    length = hy - jaw
    tip = (hx + length * math.cos(math.radians(angle)), hy + length * math.sin(math.radians(angle)))
    pen.stroke([(hx, hy), tip], 0.10)
    pen.stroke(rotated([(tip[0] - 0.13, tip[1]), (tip[0] + 0.13, tip[1])], tip[0], tip[1], angle + 90), 0.12)
    pen.stroke([(hx, hy), (hx, 0.95)], 0.075)
    pen.circle(hx, hy, 0.10)
    pen.circle(hx, hy, 0.035, knockout=True)


def wheel(pen: Pen, cx: float, cy: float, r: float, *, hub: float = 0.35) -> None:
    """A wheel: a white gap around a black tyre with a white hub (``hub`` a share of ``r``)."""
    pen.circle(cx, cy, r * 1.22, knockout=True)
    pen.circle(cx, cy, r)
    pen.circle(cx, cy, r * hub, knockout=True)


def arrowhead(pen: Pen, tip: Point, degrees: float, size: float, *, knockout: bool = False) -> None:
    """A solid triangular arrowhead pointing along ``degrees`` (0 = right, clockwise), ``size`` long."""
    a = math.radians(degrees)
    ux, uy = math.cos(a), math.sin(a)
    bx, by = tip[0] - ux * size, tip[1] - uy * size
    half = size * 0.62
    pen.polygon([tip, (bx - uy * half, by + ux * half), (bx + uy * half, by - ux * half)], knockout=knockout)


def gear(pen: Pen, cx: float, cy: float, r: float, teeth: int, phase: float = 0.0, *, hub: float = 0.32,
         knockout: bool = False) -> None:
    """A spur gear: a disc with square-ish teeth and a hub hole (``hub`` a share of the root radius)."""
    root = r * 0.76
    points: list[Point] = []
    step = 360 / teeth
    for i in range(teeth):
        a = phase + step * i
        for da, rr in ((-0.30, root), (-0.17, r), (0.17, r), (0.30, root)):
            ang = math.radians(a + da * step)
            points.append((cx + rr * math.cos(ang), cy + rr * math.sin(ang)))
    pen.polygon(points, knockout=knockout)
    pen.circle(cx, cy, root * hub, knockout=not knockout)


def rounded_rect(x: float, y: float, w: float, h: float, r: float) -> list[tuple[object, ...]]:
    """A rectangle with quarter-circle corners of radius ``r``, as path segments."""
    k = KAPPA * r
    return [("M", x + r, y), ("L", x + w - r, y), ("C", x + w - r + k, y, x + w, y + r - k, x + w, y + r),
            ("L", x + w, y + h - r), ("C", x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h),
            ("L", x + r, y + h), ("C", x + r - k, y + h, x, y + h - r + k, x, y + h - r),
            ("L", x, y + r), ("C", x, y + r - k, x + r - k, y, x + r, y), ("Z",)]


def spark(pen: Pen, cx: float, cy: float, r: float, *, points: int = 4) -> None:
    """A small star-shaped spark of ``points`` spikes, ``r`` to a spike's tip."""
    outline: list[Point] = []
    for i in range(points * 2):
        a = math.radians(-90 + 180 * i / points)
        rr = r if i % 2 == 0 else r * 0.34
        outline.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    pen.polygon(outline)


def liquor(pen: Pen, x: float, y: float, scale: float = 1.0) -> None:
    """A liquor bottle (neck up) beside a small cup; (x, y) is the bottle's bottom left, about 0.62 × 0.66 at scale 1."""
    at = Local(x, y, 0.0, scale)
    pen.fill(at.segments([("M", 0.0, 0.0), ("L", 0.0, -0.36), ("C", 0.0, -0.44, 0.06, -0.48, 0.10, -0.50),
                          ("L", 0.10, -0.62), ("L", 0.22, -0.62), ("L", 0.22, -0.50),
                          ("C", 0.26, -0.48, 0.32, -0.44, 0.32, -0.36), ("L", 0.32, 0.0), ("Z",)]))
    pen.rect(*at(0.08, -0.66), 0.16 * scale, 0.05 * scale)
    pen.rect(*at(0.05, -0.30), 0.22 * scale, 0.14 * scale, knockout=True)
    pen.polygon(at.pts([(0.40, -0.22), (0.62, -0.22), (0.58, 0.0), (0.44, 0.0)]))
