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
from functools import lru_cache
from pathlib import Path

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


def font_identity(path: Path) -> str:
    """A cheap, machine-independent identity of a font file: name, size, and a digest of its ends.

    Asked for every board and every enterprise (build and input hashes), so it is read
    once per process per version of the file (same size, mtime and inode).
    """
    stat = path.stat()
    return _font_identity(str(path), stat.st_size, stat.st_mtime_ns, stat.st_ino)


@lru_cache(maxsize=64)
def _font_identity(name: str, size: int, _mtime: int, _inode: int) -> str:
    path = Path(name)
    with open(path, "rb") as handle:
        head = handle.read(65536)
        handle.seek(max(size - 65536, 0))
        tail = handle.read(65536)
    return f"{path.name}:{size}:{hashlib.sha256(head + tail).hexdigest()[:16]}"


def build_hash(content: str, *, fonts: list[str], options: dict[str, object]) -> str:
    """The content hash plus everything else that shapes the file: fonts, signkit's version, output options.

    When only this changes (a signkit upgrade, a new font file, bleed added) the file is
    rebuilt, but nobody is asked to reprint a board whose printed content is the same.
    """
    from signkit import __version__

    payload = {"content": content, "signkit": __version__, "fonts": sorted(fonts), "options": options}
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()


def content_hash(board: Board, width: float, height: float) -> str:
    """SHA-256 (hex) of what ``board`` prints at ``width`` × ``height`` mm."""
    payload = {
        "form": board.form_id,
        "size": [round(width, 1), round(height, 1)],
        "pages": printed_text(board),
        "backgrounds": [repr(page.background) for page in board.pages],
        "extra": list(board.content_extra),
    }
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()
