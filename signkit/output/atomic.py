"""Writing files so that a reader never sees half of one, and saying in Chinese why a write failed.

Every file signkit writes goes to a temporary file in the same folder and is then
renamed over the target (atomic on POSIX and on Windows with ``os.replace``).  A run
that fails or is killed leaves either the old file, the new file, or nothing — never
a truncated PDF on a print shop's disk.  What a killed run can leave is a temporary
file (``.name.XXXXXXXX.tmp``); :func:`remove_temp_files` sweeps them at the start of
the next run, under the output lock.
"""

from __future__ import annotations

import os
import re
import signal
import stat
import tempfile
from pathlib import Path

from signkit.errors import SignkitError

#: What ``tempfile.mkstemp(prefix=".NAME.", suffix=".tmp")`` makes: 8 characters from its alphabet.
_TEMP_NAME = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")


#: How deep below OUTDIR signkit writes: OUTDIR/企业/分块/x.pdf is two folders down.
_TEMP_DEPTH = 2


#: Test-only: ``SIGNKIT_TEST_KILL_AT=<phase>`` makes the process SIGKILL itself at that
#: named point of the publish protocol (see :func:`kill_point`), so tests can prove that
#: a run killed exactly there is repaired by the next one.  Never set it in production.
KILL_ENV = "SIGNKIT_TEST_KILL_AT"


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


def remove_temp_files(outdir: Path) -> list[Path]:
    """Delete the temporary files killed runs left in ``outdir`` and the folders signkit writes below it.

    Only names :func:`atomic_write_bytes` makes are touched, and only as deep as signkit
    writes, so a user's own files (or a mistaken ``-o ~``) are never walked or removed.
    Call it while holding the output lock: another run's temporary file is a file being
    written, not a stray.
    """
    removed: list[Path] = []
    level = [outdir]
    for depth in range(_TEMP_DEPTH + 1):
        below: list[Path] = []
        for folder in level:
            try:
                children = list(os.scandir(folder))
            except OSError:
                continue
            for child in children:
                if child.is_dir(follow_symlinks=False):
                    if depth < _TEMP_DEPTH:
                        below.append(Path(child.path))
                elif _TEMP_NAME.match(child.name) and child.is_file(follow_symlinks=False):
                    Path(child.path).unlink(missing_ok=True)
                    removed.append(Path(child.path))
        level = below
    return removed


def kill_point(phase: str) -> None:
    """Test-only: die at once, as SIGKILL would, when :data:`KILL_ENV` names ``phase``.

    The crash-safety tests need kills at exact points of the publish protocol (a timer
    lands wherever it happens to); a real kill runs no cleanup, and neither does this.
    """
    if os.environ.get(KILL_ENV) == phase:
        kill = getattr(signal, "SIGKILL", None)
        if kill is not None:
            os.kill(os.getpid(), kill)
        os._exit(137)  # pragma: no cover - Windows has no SIGKILL


#: ``O_NOFOLLOW`` where the system has it: opening a symbolic link then fails (ELOOP) instead of following it.
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class LinkError(SignkitError):
    """A path signkit would write through is a symbolic link (or not a plain file or folder): refused, never followed.

    A link planted in the output folder would otherwise turn signkit's writes into writes
    somewhere else (truncating the file the lock's link points to, or a board written into
    a folder outside OUTDIR).
    """


def real_folder(root: Path, relative: str | Path, *, create: bool = True) -> Path:
    """``root/relative`` as a real folder (made if missing and ``create``): no part of it may be a symbolic link.

    Every folder signkit writes into below OUTDIR (an enterprise's, its 分块/) is made or
    checked through here, so a link planted in the output folder is refused, never followed.
    """
    path = root
    for part in Path(relative).parts:
        path = path / part
        try:
            found = os.lstat(path)
        except FileNotFoundError:
            if not create:
                return root / relative
            path.mkdir()
            continue
        if stat.S_ISLNK(found.st_mode) or not stat.S_ISDIR(found.st_mode):
            what = "是符号链接" if stat.S_ISLNK(found.st_mode) else "不是文件夹"
            raise LinkError(f"输出文件夹中的 {path} {what}，signkit 不会写入它；请删除或改名后再运行")
    return path
