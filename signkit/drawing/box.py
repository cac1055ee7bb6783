"""Placing text in boxes and grids, and collecting what did not fit.

Every form module lays its board out through a :class:`Frame`: it asks for text in a
box (or for a grid of labelled cells) and gets drawable items back.  When text does not
fit at the legible minimum, the frame records a :class:`Misfit` naming the site-file
field and draws nothing for it; the caller turns misfits into located errors, so no
board with clipped text is ever written.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    def inset(self, dx: float, dy: float | None = None) -> Box:
        dy = dx if dy is None else dy
        return Box(self.x + dx, self.y + dy, max(self.w - 2 * dx, 0.0), max(self.h - 2 * dy, 0.0))

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w
