"""Advance widths and vertical metrics of a face, for laying text out without ReportLab.

The layout stage measures text in millimetres to decide line breaks and sizes; the
renderer then draws with the same fonts.  Reading ``hmtx`` through fontTools here keeps
layout independent of ReportLab (and testable with tiny fonts), while giving the same
widths ReportLab uses, since both read the font's own advance widths.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont  # type: ignore[import-untyped, unused-ignore]


@dataclass(frozen=True)
class FaceMetrics:
    """Advances per code point in em units (1.0 = the font size), and the ascent/descent."""

    advances: dict[int, float]
    ascent: float
    descent: float
    default_advance: float

    def advance(self, cp: int) -> float:
        return self.advances.get(cp, self.default_advance)


@lru_cache(maxsize=16)
def _load(path_text: str, index: int) -> FaceMetrics:

    with TTFont(path_text, fontNumber=index, lazy=True) as font:
        use_glyph_indices(font)
        upem = float(font["head"].unitsPerEm)
        cmap = font.getBestCmap() or {}
        hmtx = font["hmtx"].metrics
        advances = {cp: hmtx[glyph][0] / upem for cp, glyph in cmap.items() if glyph in hmtx}
        hhea = font["hhea"]
        ascent = hhea.ascent / upem
        descent = -hhea.descent / upem
    return FaceMetrics(advances, ascent, descent, 1.0)


def use_glyph_indices(font: object) -> None:
    """Name glyphs by index instead of reading their names from ``post``.

    fontTools names every glyph before it decodes ``cmap`` or ``hmtx``; for a CJK face
    with 30,000 glyphs, decoding the ``post`` names costs about a third of a second per
    face and per process, and nothing here needs the names — only which glyph a code
    point maps to and how wide it is, which the glyph's index determines.
    """
    glyphs = int(font["maxp"].numGlyphs)  # type: ignore[index]
    font.setGlyphOrder([f"g{number}" for number in range(glyphs)])  # type: ignore[attr-defined]


def face_metrics(path: Path, face_index: int) -> FaceMetrics:
    """Metrics of one face, read once per process."""
    return _load(str(path), face_index)
