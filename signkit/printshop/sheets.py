"""Paper for print-shop output: sheet sizes, which way round to use them, and sheet labels.

Everything here is plain geometry in millimetres, with no ReportLab, so the tests can
check it exactly.  Sheets are stored portrait (width < height), as paper is sold, and
turned by :func:`oriented`; which way round a job uses is each job's decision (a proof
follows the board, tiles and imposed cards take whichever needs fewer sheets).

Sizes: A4 and A3 are ISO 216; SRA3 (ISO 217) is the press sheet that holds an A3 trim
with bleed and marks, the usual sheet of a digital press.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from signkit.drawing.colors import BLACK
from signkit.drawing.items import Color, Text
from signkit.drawing.text import Measurer
from signkit.fonts import Role

#: Portrait sizes (width, height) in mm.
SHEETS: dict[str, tuple[float, float]] = {
    "A4": (210.0, 297.0),
    "A3": (297.0, 420.0),
    "SRA3": (320.0, 450.0),
}

#: Which sheets each job offers: proofs and tiles come from an office printer (A4/A3);
#: imposed cards go to a press, which also takes SRA3.
PROOF_SHEETS: tuple[str, ...] = ("A4", "A3")
TILE_SHEETS: tuple[str, ...] = ("A4", "A3")
IMPOSE_SHEETS: tuple[str, ...] = ("A4", "A3", "SRA3")

#: Float tolerance for "fits" comparisons: sizes are whole or half millimetres, so
#: anything below a micrometre is rounding noise, never a real overhang.
EPSILON = 1e-6

Align = Literal["left", "center", "right"]


def sheet_size(name: str, choices: Sequence[str] = tuple(SHEETS)) -> tuple[float, float]:
    """The portrait size of sheet ``name`` (any case), refusing sheets not in ``choices``.

    Raises ``ValueError`` with a Chinese message listing the choices, for the CLI to show.
    """
    key = name.strip().upper()
    if key not in SHEETS or key not in choices:
        raise ValueError(f"纸张「{name}」不可用，可用：{'、'.join(choices)}")
    return SHEETS[key]


def is_landscape(width: float, height: float) -> bool:
    """Wider than tall; a square counts as portrait, the way paper is fed."""
    return width > height


def oriented(size: tuple[float, float], landscape: bool) -> tuple[float, float]:
    """``size`` turned so that it is landscape (``True``) or portrait (``False``)."""
    short, long = sorted(size)
    return (long, short) if landscape else (short, long)


def format_mm(value: float) -> str:
    """A length for people: ``1200``, ``1236.5``; never ``1200.0`` or float noise."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text or "0"


def format_scale(n: float) -> str:
    """``1:N`` as printed on a proof: ``1:5``, ``1:12.5``."""
    return f"1:{format_mm(n)}"


def label(text: str, x: float, baseline: float, size: float, measure: Measurer, *, align: Align = "left",
          max_width: float | None = None, role: Role = "body", color: Color = BLACK) -> Text:
    """A one-line sheet label as a layout :class:`Text`, anchored at ``x`` by ``align``.

    Sheet notes are drawn by the board renderer itself (so they use signkit's embedded
    fonts and fallback chain, and CMYK); a note longer than ``max_width`` is set
    smaller rather than run off the sheet, since a proof note must be read in full.
    """
    width = measure.width(text, size, role)
    if max_width is not None and width > max_width > 0:
        size *= max_width / width
        width = max_width
    left = x if align == "left" else x - width / 2 if align == "center" else x - width
    return Text(left, baseline, text, size, role, color)
