"""The revision stamp as printed: legible, solid black, showing what the shop configured, or nothing.

The layouts set the stamp as a small grey line in the bottom margin (:func:`signkit.layout.context.revision_stamp`).
A prepress check found two problems with printing it as laid out: on the 105 × 148 mm
card it was 4.5 pt in a 55 % grey tint, and a screened tint at 1.6 mm breaks up into
dots; and on the government's 2-1 boards it printed "signkit".  So before a board is
rendered its stamp is set again here:

* at least :data:`STAMP_MIN_PT` (6 pt) and 100 % K, no tint — legible on every product;
* in the same place: its left edge and the top of its letters are kept, so a larger
  stamp grows down into the bottom margin (where the layouts put it, below everything
  else) and away from the content above it;
* showing only the parts configured for the 附表 (:data:`signkit.render.settings.STAMP_PARTS`),
  or removed altogether.  When a 6 pt line would run past the page's margin, parts are
  dropped (signkit, then 附表, then the date) rather than the text clipped or shrunk;
  the content hash stays as long as there is a stamp.

The content hash itself stays in the manifest and the PDF's metadata whatever the stamp
shows.  A stamp is recognised by the board's own short content hash, which no other
text on the board contains.  The page's record of its text (:attr:`Page.texts
<signkit.drawing.items.Page.texts>`) is set to the stamp as printed too (placeholder in
place of the hash, as the layout recorded it), so it still holds exactly what is drawn
and the build hash (:func:`signkit.layout.stamp.stamp_text`) covers what the stamp shows.
"""

from __future__ import annotations

from dataclasses import replace

from signkit.drawing.colors import BLACK
from signkit.drawing.items import Board, Item, Text
from signkit.drawing.text import Measurer
from signkit.layout.stamp import STAMP_LENGTH, STAMP_PLACEHOLDER

#: The smallest stamp a print shop accepts as legible (points), and the same in mm.
STAMP_MIN_PT = 6.0
STAMP_MIN_MM = STAMP_MIN_PT * 25.4 / 72.0

#: How far the top of a CJK line's letters lies above its baseline, as a fraction of its size.
_ASCENT = 0.8

#: The parts dropped, in this order, when a stamp does not fit at the legible size.
_DROP_ORDER = ("signkit", "附表", "修订")

_SEPARATOR = " · "


def _part_of(piece: str) -> str | None:
    for part in ("附表", "内容", "修订", "signkit"):
        if piece.startswith(part):
            return part
    return None


def stamp_line(text: str, parts: tuple[str, ...]) -> str:
    """The laid-out stamp ``text`` with only ``parts`` (in the stamp's own order); unknown pieces are kept."""
    kept = [piece for piece in text.split(_SEPARATOR) if (_part_of(piece) or piece) in parts or _part_of(piece) is None]
    return _SEPARATOR.join(kept)


def is_stamp(item: Item, board: Board) -> bool:
    """Whether ``item`` is ``board``'s revision stamp: the only text holding its short content hash."""
    short = board.content_hash[:STAMP_LENGTH]
    return bool(short) and isinstance(item, Text) and short in item.text


def _restamped(item: Text, parts: tuple[str, ...], page_width: float, measure: Measurer) -> Text | None:
    size = max(item.size, STAMP_MIN_MM)
    room = page_width - 2 * item.x if item.x < page_width / 2 else page_width - item.x
    wanted = list(parts)
    text = stamp_line(item.text, tuple(wanted))
    for part in _DROP_ORDER:
        if measure.width(text, size, item.role, item.letter_spacing) <= room:
            break
        if part in wanted:
            wanted.remove(part)
            text = stamp_line(item.text, tuple(wanted))
    if not text.strip():
        return None
    top = item.baseline - _ASCENT * item.size
    return replace(item, text=text, size=size, color=BLACK, baseline=top + _ASCENT * size)


def restamp(board: Board, parts: tuple[str, ...], measure: Measurer) -> Board:
    """``board`` with its revision stamp set as printed (see the module notes); ``parts`` empty removes it."""
    if not board.content_hash:
        return board
    short = board.content_hash[:STAMP_LENGTH]
    pages = []
    for page in board.pages:
        items: list[Item] = []
        printed: list[str] = []
        for item in page.items:
            if isinstance(item, Text) and is_stamp(item, board):
                stamped = _restamped(item, parts, page.width, measure) if parts else None
                if stamped is not None:
                    items.append(stamped)
                    printed.append(stamped.text.replace(short, STAMP_PLACEHOLDER))
            else:
                items.append(item)
        texts: list[tuple[str, ...]] = []
        for block in page.texts:
            if any(STAMP_PLACEHOLDER in para for para in block):
                if printed:
                    texts.append((printed.pop(0),))
            else:
                texts.append(block)
        texts.extend((line,) for line in printed)
        pages.append(replace(page, items=tuple(items), texts=tuple(texts)))
    return replace(board, pages=tuple(pages))


def printed_stamps(board: Board) -> list[str]:
    """The revision stamp lines ``board`` prints (none when switched off), for the manifest."""
    return [item.text for page in board.pages for item in page.items if isinstance(item, Text) and is_stamp(item, board)]
