"""The last few workbooks read in this process, kept by their content.

Why: a batch reads a regulator's roster once to list its enterprises and then once per
enterprise, and ``signkit render 名册.xlsx`` would otherwise parse the same file as many
times as it has rows.  A result is reused only for the same bytes (a SHA-256 of the
file), the same display name and the same size cap, so an edited file is read again and
messages keep the name they were asked for.  Files over the cap, and files that cannot
be opened, are never kept: reading them again is cheap and says the same.

The hash itself is kept by the file's identity on disk (device, inode, size, mtime and
ctime in nanoseconds): a batch over a 100,000-row roster asks for the same file once per
row, and hashing all of it each time made checking it quadratic (403 s).  Any write to
the file changes its ctime, which no program can set back, so an edited file is still
hashed — and read — again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")


#: sha256 of a file by its identity on disk (the last few files only).
_DIGESTS: dict[tuple[str, int, int, int, int, int], str] = {}
_DIGESTS_KEPT = 16


def _digest(path: Path, max_bytes: int) -> str | None:
    try:
        info = path.stat()
        if info.st_size > max_bytes or not path.is_file():
            return None
        identity = (str(path.resolve()), info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
        digest = _DIGESTS.get(identity)
        if digest is None:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if len(_DIGESTS) >= _DIGESTS_KEPT:
                _DIGESTS.pop(next(iter(_DIGESTS)))
            _DIGESTS[identity] = digest
        return digest
    except OSError:
        return None


class ContentCache(Generic[T]):
    """Results of reading files, by (display name, resolved path, size cap, content hash); the oldest goes first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: dict[tuple[str, str, int, str], T] = {}

    def read(self, path: Path, name: str, max_bytes: int, compute: Callable[[], T]) -> T:
        """The kept result for this file's content, or ``compute()``'s (kept when the file could be hashed).

        Callers must not modify the returned result: the next reader of the same file gets it too.
        """
        digest = _digest(path, max_bytes)
        if digest is None:
            return compute()
        key = (name, str(path.resolve()), max_bytes, digest)
        if key in self._entries:
            return self._entries[key]
        result = compute()
        if len(self._entries) >= self.size:
            self._entries.pop(next(iter(self._entries)))
        self._entries[key] = result
        return result
