"""The one base of every exception signkit raises on purpose.

An exception that derives from :class:`SignkitError` is an expected failure with
something to tell the user: located diagnostics (a font file that cannot be read, a
template that does not render, a ``signkit.toml`` with an unknown key) or a Chinese
message.  Callers of the library catch ``SignkitError`` and report it; the CLI turns it
into a message and an exit code.  Anything else that escapes is a bug in signkit (the
CLI's exit code 3).  Control-flow exceptions that never leave their module (a budget
exceeded while parsing, a PDF construct a sign reader refuses) derive from it too, so
that no exception of signkit's own is mistaken for a bug.

Also here: :func:`describe_os_error`, which says in Chinese why the operating system
refused a read or a write, for every stage that touches files.
"""

from __future__ import annotations

import errno
from collections.abc import Sequence

from signkit.diagnostics import Diagnostic


class SignkitError(Exception):
    """Base of signkit's own exceptions: they carry diagnostics or a message, never a traceback for the user."""

    def __init__(self, problem: str | Sequence[Diagnostic] = "") -> None:
        if isinstance(problem, str):
            self.diagnostics: list[Diagnostic] = []
            message = problem
        else:
            self.diagnostics = list(problem)
            message = "; ".join(d.render() for d in self.diagnostics)
        super().__init__(message)


_ERRNO_TEXT: dict[int, str] = {
    errno.ENOSPC: "磁盘已满",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "只读文件系统",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EISDIR: "目标是一个文件夹",
    errno.ENOENT: "文件或文件夹不存在",
    errno.ENAMETOOLONG: "文件名或路径太长",
    errno.EIO: "磁盘读写错误",
    errno.EMFILE: "打开的文件太多",
    errno.EFBIG: "文件太大",
    errno.EEXIST: "已有同名的文件（不是文件夹）",
}
if hasattr(errno, "EDQUOT"):
    _ERRNO_TEXT[errno.EDQUOT] = "超出磁盘配额"


def describe_os_error(failure: OSError) -> str:
    """Why a write failed, in the words of the person reading it: 「磁盘已满（/out/印刷清单.csv）」.

    ``strerror`` is English (or the C library's locale), which an officer in a district
    office should not have to decode; the common causes get Chinese names and the rest
    the errno's symbol, which is at least searchable.
    """
    reason = _ERRNO_TEXT.get(failure.errno or -1)
    if reason is None:
        symbol = errno.errorcode.get(failure.errno or -1)
        reason = f"系统错误 {symbol}" if symbol else "系统错误"
    where = failure.filename
    return f"{reason}（{where}）" if where else reason
