"""QR codes drawn as vectors: the ``qrcode`` package computes the matrix, signkit draws the modules.

Each run of dark modules in a row becomes one filled rectangle (no bitmap, so the code
is as sharp on a 3-metre board as on a card), inside a white quiet zone of four modules
as the standard requires.  A code is only drawn where the user gave its content:
signkit never invents an address.
"""

from __future__ import annotations

from functools import lru_cache

from signkit.layout.colors import BLACK, WHITE
from signkit.layout.doc import Path
from signkit.layout.frame import Box, Frame
from signkit.signs.pen import polygon_segments

QUIET = 4
#: Beyond this many modules a side (version 14) a code on a board is hard to scan; refuse longer content.
MAX_MODULES = 73


@lru_cache(maxsize=64)
def matrix(content: str) -> tuple[tuple[bool, ...], ...]:
    """The QR matrix of ``content`` (error correction M, no border)."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(content)
    code.make(fit=True)
    return tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())


def modules(content: str) -> int:
    """Modules per side, quiet zone excluded."""
    return len(matrix(content))


def draw_qr(frame: Frame, content: str, box: Box) -> float:
    """Draw the code, quiet zone included, as a square centred in ``box``; returns the module size in mm."""
    grid = matrix(content)
    count = len(grid) + 2 * QUIET
    side = min(box.w, box.h)
    module = side / count
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
