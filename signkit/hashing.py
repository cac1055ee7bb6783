"""Content hashes: what a board prints, independent of fonts, signkit's version and the clock.

The *content hash* of a board covers exactly what a reader of the printed board sees:
its 附表, its trim size, every piece of text in order (white space removed, so a
different font that breaks lines elsewhere gives the same hash), and non-text content
such as QR payloads.  It is printed, shortened, in the board's revision stamp, so an
inspector can compare the board on the wall with the current data; and it decides
whether a board must be reprinted.
"""

from __future__ import annotations

import hashlib
import json

from signkit.layout.doc import Board, Text

#: Replaced in the revision stamp by the first :data:`STAMP_LENGTH` hex digits of the hash.
STAMP_PLACEHOLDER = "#" * 8
STAMP_LENGTH = len(STAMP_PLACEHOLDER)


def printed_text(board: Board) -> list[str]:
    """The text of each page, white space removed, the revision stamp left out."""
    pages = []
    for page in board.pages:
        parts = [item.text for item in page.items if isinstance(item, Text) and STAMP_PLACEHOLDER not in item.text]
        pages.append("".join("".join(parts).split()))
    return pages


def content_hash(board: Board, width: float, height: float) -> str:
    """SHA-256 (hex) of what ``board`` prints at ``width`` × ``height`` mm."""
    payload = {
        "form": board.form_id,
        "size": [round(width, 1), round(height, 1)],
        "pages": printed_text(board),
        "extra": list(board.content_extra),
    }
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()
