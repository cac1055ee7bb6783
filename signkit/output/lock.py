"""The output lock: one signkit run at a time writes an output folder.

Two runs writing the same OUTDIR would interleave their manifests and remove each
other's files, so a run holds an exclusive lock on OUTDIR from before it sweeps the
temporary files of killed runs until its reprint list is delivered.  It is a module of
its own because getting it right is platform work (``flock`` on POSIX, exclusive
creation elsewhere), unrelated to what is written.
"""

from __future__ import annotations

import errno
import os
import socket
import stat
import time
from pathlib import Path

from signkit.errors import SignkitError
from signkit.output.atomic import NOFOLLOW as _NOFOLLOW
from signkit.output.atomic import LinkError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: exclusive creation instead (OutputLock)
    fcntl = None  # type: ignore[assignment]



class LockError(SignkitError):
    """Another signkit run holds the output folder."""


class OutputLock:
    """An exclusive lock on OUTDIR, so two runs never write one folder at once.

    On POSIX the lock is ``flock`` on ``.signkit.lock``: the kernel holds it exactly while
    the process (or a worker it forked) lives and drops it when it dies, however it dies,
    so there is no stale lock to guess about and no window between creating the file and
    writing a PID into it in which a second run could take it over.  The PID in the file
    is only for the message.  Without ``fcntl`` (Windows) the file is created exclusively
    and one whose process is gone is taken over; a file without a PID yet is treated as
    held while it is young (its writer may be between the two steps).
    """

    NAME = ".signkit.lock"
    #: Without flock: how long a lock file with no PID in it is presumed to be in the middle of being written.
    FRESH_SECONDS = 30.0

    def __init__(self, outdir: Path) -> None:
        self.path = outdir / self.NAME
        self._fd: int | None = None
        self.held = False

    def __enter__(self) -> OutputLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if fcntl is None:  # pragma: no cover - Windows
            return self._enter_exclusive()
        for _ in range(5):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_RDWR | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0), 0o644)
            except OSError as refused:
                if refused.errno == errno.ELOOP:
                    raise LinkError(f"输出文件夹中的锁文件 {self.path} 是符号链接，signkit 不会跟随它写入别处；"
                                    "请删除它后再运行") from None
                raise
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                os.close(fd)
                raise LinkError(f"输出文件夹中的锁文件 {self.path} 不是普通文件；请删除它后再运行")
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as busy:
                os.close(fd)
                if busy.errno not in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES):
                    raise
                raise LockError(self._busy_message()) from None
            if not self._same_file(fd):  # the last holder removed the file between our open and our lock
                os.close(fd)
                continue
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()} {socket.gethostname()}\n".encode())
            self._fd, self.held = fd, True
            return self
        raise LockError(f"无法锁定输出文件夹 {self.path.parent}")

    def _same_file(self, fd: int) -> bool:
        try:
            mine, there = os.fstat(fd), os.lstat(self.path)
        except OSError:
            return False
        return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)

    def _busy_message(self) -> str:
        holder = self._holder()
        who = f"另一个 signkit（进程 {holder}）" if holder is not None else "另一个 signkit"
        return f"{who}正在写入 {self.path.parent}"

    def _enter_exclusive(self) -> OutputLock:  # pragma: no cover - Windows
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = self._holder()
                if holder is None and self._young():
                    raise LockError(self._busy_message()) from None
                if holder is not None and holder != os.getpid() and _alive(holder):
                    raise LockError(self._busy_message()) from None
                self.path.unlink(missing_ok=True)  # stale: its process is gone
                continue
            with os.fdopen(fd, "w") as handle:
                handle.write(f"{os.getpid()} {socket.gethostname()}\n")
            self.held = True
            return self
        raise LockError(f"无法锁定输出文件夹 {self.path.parent}")

    def _young(self) -> bool:  # pragma: no cover - Windows
        try:
            return time.time() - self.path.stat().st_mtime < self.FRESH_SECONDS
        except OSError:
            return False

    def _holder(self) -> int | None:
        try:
            return int(self.path.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def __exit__(self, *exc: object) -> None:
        if not self.held:
            return
        self.held = False
        try:
            self.path.unlink(missing_ok=True)  # while still locked, so nobody can have taken it meanwhile
        finally:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None


def _alive(pid: int) -> bool:  # pragma: no cover - Windows
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
