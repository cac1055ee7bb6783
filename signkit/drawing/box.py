"""A rectangle in millimetres, origin at the top-left corner of the trim, y growing downwards.

The unit every layout, sign placement and cell geometry works in (the way a sign maker
measures a board).  Kept in a module of its own, below everything that measures, so that
the facts of the 附表 (:mod:`signkit.spec.grids`) can use it without importing the text
machinery of :mod:`signkit.drawing.frame`.
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
