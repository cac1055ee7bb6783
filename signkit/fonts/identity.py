"""A cheap, machine-independent identity of the font files a run draws with.

Build hashes and input hashes record which faces a board was (or would be) drawn with,
so that a new font file rebuilds the boards even when their content is the same.
Reading whole font files (tens of MB) for every board would cost seconds, so a file is
identified by its name, size and a digest of its two ends, once per process per
version of the file.
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
    """Every face a run may draw with, by role and in the order it is tried (fallbacks included).

    Keyed by role and order, not as one sorted set: swapping the title and body faces, or
    the order of the fallbacks, prints different glyphs and must not count as unchanged.
    """
    return [f"{role}:{identity}" for role in ("title", "body") for identity in face_identities(fonts.chain(role))]
