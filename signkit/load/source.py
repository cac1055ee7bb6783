"""Reading a site file from disk safely, before any YAML is parsed.

Why a separate step: the checks here (size cap, binary content, encoding) must run
on bytes, must never read an unbounded file into memory, and decide the exit code
class (a file that cannot be read at all is a usage problem, exit 2; a file with bad
content is exit 1).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from signkit.diagnostics import Diagnostic, Location, Severity

#: Default cap on a site file's size.  A real site file is a few tens of kilobytes;
#: the cap stops a stray 50 MB file before the parser ever sees it.
DEFAULT_MAX_BYTES = 4 * 1024 * 1024


@dataclass
class SourceText:
    """The decoded text of a site file, or the reasons it could not be had."""

    name: str
    text: str | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: True when the file could not be read at all (missing, a folder, too large):
    #: the CLI maps this to exit code 2.
    unreadable: bool = False


def _error(name: str, rule: str, message: str, hint: str | None = None, line: int | None = None,
           column: int | None = None) -> Diagnostic:
    return Diagnostic(rule, Severity.ERROR, message, Location(name, line, column), hint)


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and character column of byte ``offset`` in UTF-8-ish ``data``."""
    before = data[:offset]
    line = before.count(b"\n") + 1
    last = before.rfind(b"\n")
    column = len(before[last + 1:].decode("utf-8", errors="replace")) + 1
    return line, column


def decode(data: bytes, name: str) -> SourceText:
    """Decode bytes as UTF-8 (a BOM is allowed), refusing binary data with a clear message."""
    if b"\x00" in data[:8192] or b"\x00" in data:
        return SourceText(name, None, [_error(
            name, "SK005", "这不是文本文件（含有二进制内容），无法作为站点文件读取",
            "请选择 .yaml 站点文件")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _line_col(data, exc.start)
        hint = "请用文本编辑器另存为 UTF-8 编码"
        try:
            data.decode("gb18030")
            hint = "文件看起来是 GBK/GB18030 编码；" + hint
        except UnicodeDecodeError:
            pass
        return SourceText(name, None, [_error(
            name, "SK004", f"文件不是 UTF-8 编码（第 {line} 行第 {column} 列附近的字节 0x{data[exc.start]:02X} 无法解码）",
            hint, line, column)])
    return SourceText(name, text)


def read_bytes(data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Bytes from a stream (standard input) checked as a file's are: size cap, binary content, encoding.

    ``data`` should be read with a limit of ``max_bytes + 1``: one byte more than the
    cap is how a stream says it is too large (its size is not known in advance).
    """
    if len(data) > max_bytes:
        return SourceText(name, None, [_error(
            name, "SK003", f"输入过大（超过上限 {max_bytes:,} 字节），未读取",
            "站点文件通常只有几十 KB；确需更大请用 --max-bytes 调高上限")], True)
    return decode(data, name)


def read_source(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES, display: str | None = None) -> SourceText:
    """Read ``path`` with a size cap; never raises for bad input, returns diagnostics."""
    path = Path(path)
    name = display if display is not None else str(path)
    if not path.exists():
        return SourceText(name, None, [_error(name, "SK001", "文件不存在", "请检查路径是否写错")], True)
    if path.is_dir():
        return SourceText(name, None, [_error(
            name, "SK002", "这是一个文件夹，不是站点文件", "请给出 .yaml 文件的路径")], True)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return SourceText(name, None, [_error(
                name, "SK003", f"文件过大（{size:,} 字节，上限 {max_bytes:,} 字节），未读取",
                "站点文件通常只有几十 KB；确需更大请用 --max-bytes 调高上限")], True)
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        reason = os.strerror(exc.errno) if exc.errno else str(exc)
        return SourceText(name, None, [_error(name, "SK001", f"无法读取文件：{reason}")], True)
    if len(data) > max_bytes:  # the file grew between stat and read, or is a device
        return SourceText(name, None, [_error(
            name, "SK003", f"文件过大（超过上限 {max_bytes:,} 字节），未读取")], True)
    return decode(data, name)
