"""The last few workbooks read in this process, kept by their content.

Why: a batch reads a regulator's roster once to list its enterprises and then once per
enterprise, and ``signkit render 名册.xlsx`` would otherwise parse the same file as many
times as it has rows.  A result is reused only for the same bytes (a SHA-256 of the
file), the same display name and the same size cap, so an edited file is read again and
messages keep the name they were asked for.  Files over the cap, and files that cannot
be opened, are never kept: reading them again is cheap and says the same.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")


def _digest(path: Path, max_bytes: int) -> str | None:
    try:
        if path.stat().st_size > max_bytes or not path.is_file():
            return None
        return hashlib.sha256(path.read_bytes()).hexdigest()
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
