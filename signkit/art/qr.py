"""QR codes drawn as vectors: the ``qrcode`` package computes the matrix, signkit draws the modules.

Each run of dark modules in a row becomes one filled rectangle (no bitmap, so the code
is as sharp on a 3-metre board as on a card), inside a white quiet zone of four modules
as the standard requires.  A code is only drawn where the user gave its content:
signkit never invents an address.

Whether a code can be scanned depends on the printed size of one module, not on the
number of characters: the same URL that scans from a 2-6 bulletin may be too dense for
the smaller corner of a 2-4 board.  The module size is the printed side divided by the
modules across *including* the quiet zone (:func:`module_size`), and it must be at least
:func:`min_module` for the board's viewing distance (docs/design.md): **distance / 700**.
That figure is what a phone needs from where the board is read: a 1080p camera preview
is 1920 pixels across a field of view of about 70° (1.4 × the distance), and a decoder
needs about two pixels per module, so 2 × 1.4 × distance / 1920 ≈ distance / 686,
rounded to distance / 700 — 2.9 mm at 2 m (2-4), 4.3 mm at 3 m (2-6, 2-7).  Anyone
closer than the viewing distance scans it more easily still.
"""

from __future__ import annotations

from functools import lru_cache

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from qrcode.exceptions import DataOverflowError

from signkit.art.pen import polygon_segments
from signkit.drawing.box import Box
from signkit.drawing.colors import BLACK, WHITE
from signkit.drawing.frame import Frame
from signkit.drawing.items import Path
from signkit.errors import SignkitError

QUIET = 4
#: A module must be at least the viewing distance divided by this (see the module docstring).
DISTANCE_PER_MODULE = 700.0


class TooLong(SignkitError, ValueError):
    """The content does not fit in any QR code (more than version 40 holds)."""


@lru_cache(maxsize=64)
def matrix(content: str) -> tuple[tuple[bool, ...], ...]:
    """The QR matrix of ``content`` (error correction M, no border); :class:`TooLong` past version 40."""

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(content)
    try:
        code.make(fit=True)
    except (DataOverflowError, ValueError) as overflow:
        raise TooLong(content) from overflow
    return tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())


def modules(content: str) -> int:
    """Modules per side, quiet zone excluded."""
    return len(matrix(content))


def module_size(side: float, count: int) -> float:
    """The printed size (mm) of one module of a ``count``-module code drawn ``side`` mm square, quiet zone included."""
    return side / (count + 2 * QUIET)


def min_module(distance_m: float) -> float:
    """The smallest module (mm) a phone resolves from ``distance_m`` metres (distance / 700)."""
    return distance_m * 1000 / DISTANCE_PER_MODULE


def max_modules(side: float, distance_m: float) -> int:
    """The largest QR symbol (21, 25, 29 … modules per side, quiet zone excluded) a code ``side`` mm square
    may be at that distance; 0 when not even the smallest fits.  A real size, because the hint tells
    the user what will print: there is no code 34 modules across.
    """
    room = int(side / min_module(distance_m) + 1e-9) - 2 * QUIET
    return 0 if room < 21 else 21 + (room - 21) // 4 * 4


def draw_qr(frame: Frame, content: str, box: Box) -> float:
    """Draw the code, quiet zone included, as a square centred in ``box``; returns the module size in mm."""
    grid = matrix(content)
    side = min(box.w, box.h)
    module = module_size(side, len(grid))
    x0 = box.x + (box.w - side) / 2 + QUIET * module
    y0 = box.y + (box.h - side) / 2 + QUIET * module
    frame.rect(Box(x0 - QUIET * module, y0 - QUIET * module, side, side), fill=WHITE)
    segments: list[tuple[object, ...]] = []
    for r, row in enumerate(grid):
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            x, y = x0 + start * module, y0 + r * module
            segments.extend(polygon_segments([(x, y), (x0 + c * module, y), (x0 + c * module, y + module),
                                              (x, y + module)]))
    frame.add(Path(tuple(segments), fill=BLACK))
    return module
