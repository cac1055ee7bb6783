"""Loading a sign file: the checks every format shares, then the reader for its suffix.

A missing file, a folder, an unknown suffix, a file over :data:`MAX_BYTES` and an empty
file are told apart here, once, before any reader sees the bytes; then SVG goes to
:mod:`.svg`, PDF to :mod:`.pdf_file` and PNG/JPEG to :mod:`.bitmap`.  Results are cached
while the file is unchanged (its modification time and size are part of the key), since
one sign is usually drawn on many boards.
"""

from __future__ import annotations

import functools
from pathlib import Path

from signkit.art.sign_files.bitmap import load_raster
from signkit.art.sign_files.pdf_file import load_pdf
from signkit.art.sign_files.results import Art, FileProblem
from signkit.art.sign_files.sources import SUPPORTED_SUFFIXES
from signkit.art.sign_files.svg import load_svg
from signkit.errors import describe_os_error

#: Largest sign file read at all.
MAX_BYTES = 64 * 1024 * 1024


def load_art(path: Path) -> Art | FileProblem:
    """Check and load a sign file (cached while the file is unchanged)."""
    try:
        stat = path.stat()
    except OSError:
        return FileProblem("missing", f"标志文件「{path}」不存在", "请检查路径；相对路径从站点文件所在的文件夹算起")
    if path.is_dir():
        return FileProblem("missing", f"「{path}」是文件夹，不是标志文件", "请给出 .svg、.pdf、.png 或 .jpg 文件")
    return _load_cached(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=64)
def _load_cached(name: str, _mtime: int, size: int) -> Art | FileProblem:
    path = Path(name)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return FileProblem("unsupported", f"标志文件「{path.name}」的格式不受支持（{suffix or '无扩展名'}）",
                           "请使用 SVG 或 PDF（矢量，推荐），或 PNG、JPEG 图片")
    if size > MAX_BYTES:
        return FileProblem("too_large", f"标志文件「{path.name}」有 {size / 1024 / 1024:.0f} MB，超过上限 "
                                        f"{MAX_BYTES // 1024 // 1024} MB，未读取", "请压缩，或改用 SVG、PDF")
    try:
        data = path.read_bytes()
    except OSError as exc:
        return FileProblem("missing", f"无法读取标志文件「{path.name}」：{describe_os_error(exc)}")
    if not data.strip():
        return FileProblem("not_image", f"标志文件「{path.name}」是空文件（{len(data)} 字节）",
                           "文件可能没有保存完整或复制失败，请重新导出")
    if suffix == ".pdf":
        return load_pdf(path, data)
    if suffix == ".svg":
        return load_svg(path, data)
    return load_raster(path, data)
