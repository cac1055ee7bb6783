"""One enterprise per folder: during a run, each enterprise claims its folder before writing into it.

Folder names come from 企业名称 through :func:`signkit.output.names.safe_name`, so two
site files can lead to one folder: the same 企业名称 twice, names that agree in their
first characters (names are cut to a length a file system takes), ``.`` and ``..``, or
names that differ only where a case-insensitive file system (Windows, macOS) does not
look.  The second enterprise would overwrite the first's boards, and with ``-j 2`` two
workers would write the folder at once.  So the first to claim a folder gets it, and any
other enterprise of the same run that comes to it is refused with both site files
named (SK805).  A claim is a file created exclusively (``O_EXCL``) in a folder of the
run's own under OUTDIR, so worker processes need no other coordination; the run removes
the folder when it ends, under the output lock.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
import unicodedata
from pathlib import Path

from signkit.output.atomic import NOFOLLOW

#: The run's claims, below OUTDIR (a dot-name: never an enterprise's folder, and skipped by folder searches).
CLAIMS = ".signkit.claims"


def folder_key(name: str) -> str:
    """A folder name as a case- and normalisation-insensitive file system compares it."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", name)).casefold()


def start_claims(outdir: Path) -> None:
    """Begin a run's claims afresh (a killed run may have left its own)."""
    end_claims(outdir)
    (outdir / CLAIMS).mkdir(exist_ok=True)


def end_claims(outdir: Path) -> None:
    """Forget the run's claims."""
    path = outdir / CLAIMS
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    elif path.is_dir():
        shutil.rmtree(path, ignore_errors=True)


def claim(outdir: Path, folder: str, site_file: str) -> str | None:
    """Claim ``folder`` for ``site_file``; ``None`` if it is now ours, else the site file that holds it.

    Claiming again for the same site file succeeds.  Without a claims folder (a dry run,
    which writes nothing) every claim succeeds.
    """
    claims = outdir / CLAIMS
    if not claims.is_dir() or claims.is_symlink():
        return None
    path = claims / hashlib.sha256(folder_key(folder).encode("utf-8")).hexdigest()
    if _create_with(path, site_file.encode("utf-8")):
        return None
    holder = _holder(path)
    return None if holder == site_file else holder or "（另一家企业）"


def _create_with(path: Path, data: bytes) -> bool:
    """Create ``path`` holding ``data`` if no one has; ``False`` if it exists.

    The claim must appear with its content at once: a claim created empty and written a
    moment later lets a rival worker read it empty in between and name no holder.  So the
    content is written to a private file first and hard-linked into place (``link``
    refuses an existing target, atomically).  Where hard links are not available the
    claim is created exclusively and written, and :func:`_holder` waits for the content.
    """
    fd, private = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        try:
            os.link(private, path)
            return True
        except FileExistsError:
            return False
        except OSError:  # no hard links on this file system
            pass
    finally:
        os.unlink(private)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | NOFOLLOW, 0o644)
    except FileExistsError:
        return False
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return True


#: How long to wait for a rival's claim to show its content (only where claims cannot be linked into place).
_HOLDER_WAIT = 2.0


def _holder(path: Path) -> str:
    """The site file named in an existing claim ("" if it cannot be read)."""
    deadline = time.monotonic() + _HOLDER_WAIT
    while True:
        try:
            holder = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return ""
        if holder or time.monotonic() > deadline:
            return holder
        time.sleep(0.01)
