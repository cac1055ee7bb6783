"""Writing files so that a reader never sees half of one.

Every file signkit writes goes to a temporary file in the same folder and is then
renamed over the target (atomic on POSIX and on Windows with ``os.replace``).  A run
that fails or is killed leaves either the old file, the new file, or nothing — never
a truncated PDF on a print shop's disk.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, creating parent folders.

    ``mkstemp`` creates the file readable by its owner only; the final file gets the
    permissions an ordinary ``open()`` would give (0666 less the umask), so a shared
    print-shop folder can read it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """Write UTF-8 ``text`` atomically (LF line endings on every platform)."""
    atomic_write_bytes(path, text.encode("utf-8"))
