"""The 警示标识 of a 2-4 board: which signs, how wide, drawn so that every text panel can be read from 2 m.

GB 2894's rule of thumb makes a sign's outer dimension at least 1/40 of the distance it
is read from (:func:`signkit.art.place.min_sign_width`: 52.5 mm at the 2 m a 2-4 board is
read from).  That is the pictogram's need; the text panel under it (文字辅助标志) is set at
no more than 0.16 of the sign's width (:func:`signkit.art.frames.draw_sign`), and its words
must be read from the same 2 m, so at the board's legible minimum (10 mm) or larger.  At
52.5 mm they would be 8.4 mm: the panel, not the pictogram, decides how wide a sign must
be.  A long name is set on two lines in a taller panel, so it needs about a short name's
width.  :func:`signkit.art.place.sign_need` finds the width (and the panel's lines) for a
board's signs, for this layout and for the check (SK707) alike (a file of the office's own
has no panel signkit draws, and keeps GB 2894's minimum); every sign of a board gets the
width its longest name needs, or more, and ``警示标识: 自动`` adds only as many suggested
signs as leave that width.  Named signs are never dropped: more than fit is a misfit naming
the field (a larger board takes them).
"""

from __future__ import annotations

import math
from pathlib import Path

from signkit.art.accidents import board_signs
from signkit.art.frames import caption_sizes
from signkit.art.frames import caption_width as frame_caption_width
from signkit.art.place import SignNeed, arrange, capacity, draw_signs, min_sign_width, sign_need
from signkit.art.sign_files.sources import LibrarySign, Resolved, resolve, resolve_path
from signkit.diagnostics import KeyPath
from signkit.drawing.box import Box
from signkit.drawing.frame import Frame, Misfit
from signkit.drawing.text import Measurer, Overflow
from signkit.layout.context import LayoutContext
from signkit.model.site import RiskPoint
from signkit.spec.forms import FORMS, viewing_distance

MIN_TEXT = FORMS["2-4"].min_text
#: The board is read from about 2 m (as its legible minimum assumes); no sign is narrower than
#: GB 2894's distance / 40 (mm), and none narrower than its text panel needs (:func:`caption_width`).
SIGN_MIN_WIDTH = min_sign_width(viewing_distance("2-4"))


def _base_dir(ctx: LayoutContext) -> Path:
    """The folder relative sign-file paths start from: the site file's (the current one for stdin)."""
    return ctx.base_dir if ctx.base_dir is not None else Path.cwd()


def caption_width(resolved: LibrarySign, measure: Measurer) -> float:
    """The narrowest width at which the sign's text panel is set at the board's legible minimum or larger."""
    return frame_caption_width(resolved.spec, measure, MIN_TEXT)


def _needed(resolved: list[Resolved], measure: Measurer) -> SignNeed:
    """How wide every sign of the board must be (GB 2894's minimum, or what the widest name needs), how tall its panels."""
    return sign_need(resolved, measure, min_text=MIN_TEXT, floor=SIGN_MIN_WIDTH)


def draw_point_signs(frame: Frame, ctx: LayoutContext, point: RiskPoint, index: int, area: Box) -> tuple[str, ...]:
    """Draw the risk point's signs (自动 expanded) in the 警示标识 cell; the digests of user files drawn.

    自动 adds as many suggested signs as still leave every sign wide enough for its name;
    named signs are never dropped (more than fit is a misfit naming the field).
    """

    base = _base_dir(ctx)
    folder_text = ctx.site.output.sign_folder
    folder = resolve_path(folder_text, base) if folder_text else None
    field: KeyPath = ("风险点", index, "警示标识")

    def chosen(room: int) -> tuple[list[tuple[Resolved, KeyPath]], SignNeed]:
        entries = board_signs(point.signs, point.accidents, room)
        resolved = [(resolve(entry, base=base, folder=folder), (*field, at)) for entry, at in entries]
        return resolved, _needed([r for r, _ in resolved], ctx.measure)

    room = capacity(area, SIGN_MIN_WIDTH)
    resolved, need = chosen(room)
    while room > 0 and len(resolved) > 0 and arrange(len(resolved), area, min_width=need.width,
                                                      lines=need.lines) is None:
        fewer, less = chosen(room - 1)
        if len(fewer) == len(resolved):  # only named signs left: they misfit, as they must
            break
        room, resolved, need = room - 1, fewer, less
    start = len(frame.items)
    placement, digests = draw_signs(frame, resolved, area, min_width=need.width, field=field, lines=need.lines)
    if placement is not None:
        small = [size for box in placement.boxes for size in caption_sizes(_items(frame, start), box)
                 if size < MIN_TEXT - 1e-9]
        if small:  # never expected (the width was chosen for it), never printed
            frame.misfits.append(Misfit(field, "警示标识", Overflow(MIN_TEXT, math.inf, area.h, "警示标识"), area))
    return digests


def _items(frame: Frame, start: int) -> Frame:
    """A frame holding only ``frame``'s items from ``start`` on (to read back what was just drawn)."""
    view = Frame(frame.measure)
    view.items = frame.items[start:]
    return view


__all__ = ["SIGN_MIN_WIDTH", "caption_width", "draw_point_signs"]
