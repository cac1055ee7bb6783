"""Content hashes: what a board prints, independent of fonts, signkit's version and the clock.

The *content hash* of a board covers exactly what a reader of the printed board sees:
its 附表, its trim size, its backgrounds, non-text content such as QR payloads and
sign files, and its text — block by block (a cell, a title, a list), each block
paragraph by paragraph, as the layout was asked to print it (:attr:`Page.texts
<signkit.drawing.items.Page.texts>`).  It is printed, shortened, in the board's revision
stamp, so an inspector can compare the board on the wall with the current data; and
it decides whether a board must be reprinted.

Why blocks and not the drawn lines: where a line breaks depends on the fonts (another
face, other widths), and a board must keep its hash when only the font changes.  Why
blocks and not all text run together: a space inside a name (刘燕 → 刘 燕) and text
moving from one cell to the next (段海军 | 智国栋 → 段海 | 军智国栋) are visible on the
board, so they change the hash.  Only what never prints is normalised away
(:func:`signkit.drawing.text.wording`).

The revision stamp's own line is left out of the content hash: it holds the hash, and
its revision date changing is not a reason to reprint a board whose content is the
same.  The date is printed, though, so the stamp's text is part of the *build hash*
(:func:`build_hash`): a new date rebuilds the file, and asks nobody to reprint.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from signkit.fonts import FontSet, ResolvedFont


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


def face_identities(faces: Iterable[ResolvedFont]) -> list[str]:
    """``font_identity#face_index`` of each face, in order: what the build hashes record of the fonts."""
    return [f"{font_identity(face.path)}#{face.face_index}" for face in faces]


def fontset_identity(fonts: FontSet) -> list[str]:
    """Every face a run may draw with (both roles, fallbacks included), sorted and without repeats."""
    return sorted(set(face_identities(face for role in ("title", "body") for face in fonts.chain(role))))
