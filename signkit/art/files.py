"""A user's own sign files: SVG and PDF drawn as vectors, PNG/JPEG checked and converted to CMYK.

A 警示标识 entry may name a file instead of a library sign (``标志/当心氨气.svg``), and an
office that holds the official artwork can replace any sign *by name*: a file
``当心触电.svg`` (or ``当心触电.pdf``) in the sign folder (``输出.标志文件夹`` in the site
file, else ``[signs] folder`` in ``signkit.toml``) is used wherever 当心触电 is printed,
自动 included.  The folder may also hold signs the library lacks; they are then used by
their file name.  When one name has several files, the first of SVG, PDF, PNG, JPEG is
used (vectors before bitmaps).  Relative paths are taken from the site file's folder.

What a file is: **the complete sign as it is to be printed**, symbol and (if the office
wants one) the 文字辅助标志; signkit fits it into the sign's box (the width of a library
sign, the height of sign and text panel), keeping its proportions, centred across and
at the top, and adds nothing.  What you give is what prints.

* **SVG** is read with svglib (external references confined to the file's own folder,
  XML entities not resolved) and converted into signkit's own
  :class:`~signkit.drawing.items.Path` items: no bitmap, no font, nothing ReportLab-specific
  reaches the layout, so the board stays pure vectors and passes the same print checks.
  Colours are converted to CMYK *naively* (K = 1 − max(R, G, B), then C, M, Y from the
  remainder, full grey-component replacement): pure safety red, yellow, blue, green and
  black come out as the process colours a sign maker expects, but there is no ICC
  colour management — artwork already in CMYK (``cmyk(…)`` colours, as svglib reads
  them) is kept exactly.  Text (convert it to outlines), embedded bitmaps, gradients,
  dashed lines and partial transparency cannot be printed faithfully this way and are
  reported; clipping paths are ignored (artwork clipped to its own canvas draws the same).
* **PNG and JPEG** are checked before anything is decoded — the file exists, is an
  image, and has no more than :data:`MAX_PIXELS` pixels (a "decompression bomb" of a few
  kilobytes can otherwise ask for gigabytes) — then converted to 8-bit CMYK with the
  same naive formula (transparency flattened onto white) and embedded losslessly.  A
  bitmap whose resolution at its printed size is below what the viewing distance needs
  (:func:`required_ppi`) is a warning, not an error: it prints, only blurred.
* **PDF** is read by :mod:`signkit.art.pdf_sign`: page 1's content stream is
  interpreted (forms, the CTM, colours) into the same shapes an SVG becomes — CMYK kept
  exactly, grey as K, RGB by the same naive formula — within the page's CropBox.
  ReportLab cannot place a PDF page itself, and the bridges that can copy the content
  stream unchanged, RGB and fonts included, past the CMYK-only guarantee; reading it
  ourselves keeps the board pure CMYK vectors.  Text, images, shadings, patterns, spot
  colours, transparency, dashes and clipping that would cut something are reported.
  A file with more than one page is refused rather than reduced to its first page: a
  sign file is one sign, and a catalogue or a multi-page proof given by mistake would
  otherwise print whatever happens to come first.  Encrypted files are refused too
  (a permissions password usually means the supplier restricts reuse).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from signkit.art.catalog import load_library, lookup
from signkit.art.pen import KAPPA, ellipse_segments
from signkit.art.registry import SignSpec
from signkit.drawing.box import Box
from signkit.drawing.items import Color, Raster
from signkit.drawing.items import Path as PathItem
from signkit.errors import SignkitError
from signkit.pdfkit.geometry import IDENTITY, Matrix, line_scale, multiply, transform

#: Suffixes that mark a 警示标识 entry as a file rather than a sign name, in the sign folder's order of preference.
VECTOR_SUFFIXES = (".svg", ".pdf")
RASTER_SUFFIXES = (".png", ".jpg", ".jpeg")
SUPPORTED_SUFFIXES = (*VECTOR_SUFFIXES, *RASTER_SUFFIXES)
#: Largest bitmap accepted, in pixels (50 megapixels: a 1 m sign at 180 ppi, far more than
#: any board needs), checked from the file header before decoding.
MAX_PIXELS = 50_000_000
#: Largest sign file read at all.
MAX_BYTES = 64 * 1024 * 1024
#: Bitmaps are resampled down to this resolution at their printed size: more only makes the PDF heavier.
MAX_PPI = 300

Kind = Literal["missing", "not_image", "unsupported", "too_large", "not_vector", "low_resolution", "encrypted",
               "multi_page"]


@dataclass(frozen=True)
class FileProblem:
    """Why a sign file cannot be used (or, for ``low_resolution``, will print blurred)."""

    kind: Kind
    message: str
    hint: str | None = None


@dataclass(frozen=True)
class Shape:
    """One filled and/or stroked path of an SVG or PDF, in the drawing's units with y growing downwards."""

    segments: tuple[tuple[object, ...], ...]
    fill: Color | None
    stroke: Color | None
    stroke_width: float
    even_odd: bool
    round_caps: bool


@dataclass(frozen=True)
class VectorArt:
    """An SVG or PDF page converted to CMYK shapes on a ``width × height`` canvas."""

    path: Path
    width: float
    height: float
    shapes: tuple[Shape, ...]
    digest: str


@dataclass(frozen=True)
class RasterArt:
    """A PNG or JPEG that passed the checks: its pixel size and digest (pixels are read when placed)."""

    path: Path
    pixels: tuple[int, int]
    digest: str

    @property
    def width(self) -> float:
        return float(self.pixels[0])

    @property
    def height(self) -> float:
        return float(self.pixels[1])


Art = VectorArt | RasterArt


@dataclass(frozen=True)
class LibrarySign:
    """A 警示标识 entry answered by the built-in library."""

    entry: str
    spec: SignSpec


@dataclass(frozen=True)
class FileSign:
    """A 警示标识 entry answered by a file: a path given in the entry, or the folder's file for a name."""

    entry: str
    path: Path
    #: The sign name the file stands for (an override or a folder sign), ``None`` for a path entry.
    name: str | None = None


@dataclass(frozen=True)
class UnknownSign:
    """A name that neither the library nor the sign folder knows, with the closest names."""

    entry: str
    close: tuple[str, ...]


Resolved = LibrarySign | FileSign | UnknownSign


def is_file_entry(entry: str) -> bool:
    """Whether a 警示标识 entry is a file path: it has a suffix such as ``.svg`` or a path separator.

    Sign names are Chinese words without dots or slashes, so the two cannot be confused.
    """
    suffix = Path(entry).suffix
    return "/" in entry or "\\" in entry or (1 < len(suffix) <= 6 and suffix[1:].isascii() and suffix[1:].isalnum())


def resolve_path(text: str, base: Path) -> Path:
    """``text`` as a path: absolute as given, relative to ``base`` (the site file's folder) otherwise."""
    path = Path(os.path.expanduser(text))
    return path if path.is_absolute() else base / path


def folder_signs(folder: Path | None) -> dict[str, Path]:
    """The sign files of the sign folder by name (file name without suffix), SVG, PDF, PNG, JPEG in that order.

    A folder named like a sign file (当心爆炸.pdf/) is kept too, so that using it is a located
    "cannot read" error: skipping it would print the library's drawing instead of the
    office's artwork without a word.
    """
    if folder is None or not folder.is_dir():
        return {}
    found: dict[str, Path] = {}
    for suffix in SUPPORTED_SUFFIXES:
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() == suffix and not path.name.startswith(".") and (path.is_file() or path.is_dir()):
                found.setdefault(path.stem, path)
    return found


#: A sign name starts with its category's word; a suggestion keeps it (禁止戴手套 must never become 必须戴防护手套).
_PREFIXES = ("禁止", "当心", "注意", "必须")


def close_names(entry: str, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The library (and folder) names closest to a mistyped ``entry``, best first, at most three.

    Names are compared without their shared opening word (当心触点 is close to 当心触电,
    not to every 当心 sign), and only with names of the same opening word.
    """
    import difflib

    from signkit.art.registry import ALIASES

    names = list(dict.fromkeys([*load_library(), *ALIASES, *extra]))
    prefix = next((p for p in _PREFIXES if entry.startswith(p)), "")
    pool = [n for n in names if n.startswith(prefix)]
    rest = entry[len(prefix):]
    scored = [(difflib.SequenceMatcher(None, rest, name[len(prefix):]).ratio(), -i, name) for i, name in enumerate(pool)]
    return tuple(name for score, _, name in sorted(scored, reverse=True)[:3] if score >= 0.5)


def resolve(entry: str, *, base: Path, folder: Path | None = None) -> Resolved:
    """Where the artwork for a 警示标识 entry comes from: a file, the sign folder (by name), or the library."""
    if is_file_entry(entry):
        return FileSign(entry, resolve_path(entry, base))
    own = folder_signs(folder)
    spec = lookup(entry)
    name = spec.name if spec else entry
    for candidate in (entry, name):
        if candidate in own:
            return FileSign(entry, own[candidate], name)
    if spec is not None:
        return LibrarySign(entry, spec)
    return UnknownSign(entry, close_names(entry, tuple(own)))


# --- loading -----------------------------------------------------------------------


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
    from signkit.output.atomic import describe_os_error

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
        from signkit.art.pdf_sign import load_pdf

        return load_pdf(path, data)
    if suffix == ".svg":
        return _load_svg(path, data)
    return _load_raster(path, data)


def _load_raster(path: Path, data: bytes) -> RasterArt | FileProblem:
    import io
    import warnings

    from PIL import Image, UnidentifiedImageError

    not_image = FileProblem("not_image", f"标志文件「{path.name}」不是有效的图片（无法识别或已损坏）",
                            "请用图片软件重新导出为 PNG 或 JPEG")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                fmt = image.format
                if width * height > MAX_PIXELS:
                    return _too_many_pixels(path, width, height)
                if fmt not in ("PNG", "JPEG"):
                    return FileProblem("unsupported", f"标志文件「{path.name}」实际是 {fmt} 图片，扩展名与内容不符",
                                       "请导出为 PNG 或 JPEG")
                image.load()  # decode once: a truncated or corrupt file fails here, not while rendering
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return FileProblem("too_large", f"标志文件「{path.name}」的像素数远超上限 {MAX_PIXELS // 1_000_000} 百万像素"
                                        "（疑似“解压炸弹”），未读取", "标志不需要这么高的分辨率：请缩小图片，或改用 SVG")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return not_image
    return RasterArt(path, (width, height), hashlib.sha256(data).hexdigest())


def _too_many_pixels(path: Path, width: int, height: int) -> FileProblem:
    return FileProblem("too_large",
                       f"标志文件「{path.name}」有 {width}×{height} 像素（{width * height / 1e6:.0f} 百万像素），"
                       f"超过上限 {MAX_PIXELS // 1_000_000} 百万像素，未读取",
                       "标志不需要这么高的分辨率：请缩小图片，或改用 SVG")


def required_ppi(distance_m: float) -> int:
    """Pixels per inch a bitmap needs when read from ``distance_m`` metres.

    One pixel per arc-minute, the resolving power of normal eyesight — the print trade's
    rule "ppi ≥ 3438 / viewing distance in inches"; 44 ppi at 2 m.  Below it, pixel
    edges show on the board.
    """
    inches = distance_m * 1000 / 25.4
    return math.ceil(1 / math.tan(math.radians(1 / 60)) / inches)


def fitted(art_width: float, art_height: float, box: Box) -> Box:
    """Where art of the given proportions goes in a sign's box: as large as fits, centred across, at the top."""
    scale = min(box.w / art_width, box.h / art_height)
    w, h = art_width * scale, art_height * scale
    return Box(box.x + (box.w - w) / 2, box.y, w, h)


def effective_ppi(art: RasterArt, box: Box) -> float:
    """The resolution a bitmap prints at when fitted into ``box`` (mm)."""
    placed = fitted(art.width, art.height, box)
    return art.pixels[0] / (placed.w / 25.4)


def resolution_problem(art: RasterArt, box: Box, distance_m: float) -> FileProblem | None:
    """A warning when the bitmap, printed in ``box``, has fewer pixels per inch than ``distance_m`` needs."""
    ppi = effective_ppi(art, box)
    needed = required_ppi(distance_m)
    if ppi >= needed:
        return None
    placed = fitted(art.width, art.height, box)
    return FileProblem("low_resolution",
                       f"标志图片「{art.path.name}」只有 {art.pixels[0]}×{art.pixels[1]} 像素，印成 {placed.w:.0f} mm 宽时"
                       f"约 {ppi:.0f} ppi，{distance_m:g} m 外看清边缘至少要 {needed} ppi，印出会模糊",
                       f"请提供至少 {math.ceil(needed * placed.w / 25.4)} 像素宽的图片，或改用 SVG")


# --- SVG ---------------------------------------------------------------------------

def _matrix(values: Any) -> Matrix:
    """A ReportLab transform (six numbers, or none) as a :data:`~signkit.pdfkit.geometry.Matrix`.

    An SVG transform is PDF's six numbers; a child's applies first, then its parent's:
    ``multiply(child, parent)``.
    """
    return tuple(float(v) for v in (values or IDENTITY))  # type: ignore[return-value]


def naive_cmyk(red: float, green: float, blue: float) -> tuple[float, float, float, float]:
    """RGB (0–1) to CMYK with full grey-component replacement and no colour management."""
    k = 1.0 - max(red, green, blue)
    if k >= 1.0 - 1e-9:
        return 0.0, 0.0, 0.0, 1.0
    return tuple(round(v, 4) for v in ((1 - red - k) / (1 - k), (1 - green - k) / (1 - k),  # type: ignore[return-value]
                                       (1 - blue - k) / (1 - k), k))


def _colour(value: Any) -> Color | None:
    """A ReportLab colour as signkit's CMYK :class:`Color` (``None`` for no paint or full transparency)."""
    from reportlab.lib.colors import CMYKColor

    if value is None or getattr(value, "alpha", 1) == 0:
        return None
    if isinstance(value, CMYKColor):
        c, m, y, k = (round(float(v), 4) for v in (value.cyan, value.magenta, value.yellow, value.black))
    else:
        c, m, y, k = naive_cmyk(float(value.red), float(value.green), float(value.blue))
    return Color(f"SVG {c:g}/{m:g}/{y:g}/{k:g}", c, m, y, k)


class _Unsupported(SignkitError):
    """Content of an SVG that cannot be printed as signkit vectors; the message names it in Chinese."""


def _segments(shape: Any) -> list[tuple[object, ...]]:
    """The outline of a ReportLab shape as M/L/C/Z segments in its own (y-up) coordinates."""
    from reportlab.graphics import shapes

    if isinstance(shape, shapes.Path):
        out: list[tuple[object, ...]] = []
        points = [float(v) for v in shape.points]
        position = 0
        for op in shape.operators:
            if op == 0:
                out.append(("M", *points[position:position + 2]))
                position += 2
            elif op == 1:
                out.append(("L", *points[position:position + 2]))
                position += 2
            elif op == 2:
                out.append(("C", *points[position:position + 6]))
                position += 6
            else:
                out.append(("Z",))
        return out
    if isinstance(shape, shapes.Rect):
        x, y, w, h = float(shape.x), float(shape.y), float(shape.width), float(shape.height)
        rx, ry = min(float(shape.rx or 0), w / 2), min(float(shape.ry or 0), h / 2)
        if rx <= 0 or ry <= 0:
            return [("M", x, y), ("L", x + w, y), ("L", x + w, y + h), ("L", x, y + h), ("Z",)]
        kx, ky = KAPPA * rx, KAPPA * ry
        return [("M", x + rx, y), ("L", x + w - rx, y), ("C", x + w - rx + kx, y, x + w, y + ry - ky, x + w, y + ry),
                ("L", x + w, y + h - ry), ("C", x + w, y + h - ry + ky, x + w - rx + kx, y + h, x + w - rx, y + h),
                ("L", x + rx, y + h), ("C", x + rx - kx, y + h, x, y + h - ry + ky, x, y + h - ry),
                ("L", x, y + ry), ("C", x, y + ry - ky, x + rx - kx, y, x + rx, y), ("Z",)]
    if isinstance(shape, shapes.Circle):
        return ellipse_segments(float(shape.cx), float(shape.cy), float(shape.r), float(shape.r))
    if isinstance(shape, shapes.Ellipse):
        return ellipse_segments(float(shape.cx), float(shape.cy), float(shape.rx), float(shape.ry))
    if isinstance(shape, shapes.Polygon | shapes.PolyLine):
        flat = [float(v) for v in shape.points]
        pairs = [(flat[i], flat[i + 1]) for i in range(0, len(flat) - 1, 2)]
        if not pairs:
            return []
        segments: list[tuple[object, ...]] = [("M", *pairs[0]), *(("L", *p) for p in pairs[1:])]
        return [*segments, ("Z",)] if isinstance(shape, shapes.Polygon) else segments
    if isinstance(shape, shapes.Line):
        return [("M", float(shape.x1), float(shape.y1)), ("L", float(shape.x2), float(shape.y2))]
    raise _Unsupported(_describe(shape))


def _describe(shape: Any) -> str:
    from reportlab.graphics import shapes

    if isinstance(shape, shapes.String):
        return "文字（请在绘图软件中把文字转为路径/轮廓）"
    if isinstance(shape, shapes.Image):
        return "嵌入的位图"
    if isinstance(shape, shapes.DirectDraw):
        return "渐变或图案填充（请改为纯色）"
    return f"不支持的图形（{type(shape).__name__}）"


def _transform(matrix: Matrix, segments: list[tuple[object, ...]], height: float) -> tuple[tuple[object, ...], ...]:
    """Apply ``matrix`` and flip to y-down on a canvas ``height`` tall."""
    out: list[tuple[object, ...]] = []
    for op, *values in segments:
        flat = [float(v) for v in values]  # type: ignore[arg-type]
        mapped: list[float] = []
        for i in range(0, len(flat) - 1, 2):
            x, y = transform(matrix, flat[i], flat[i + 1])
            mapped.extend((x, height - y))
        out.append((op, *mapped))
    return tuple(out)


def _walk(node: Any, matrix: Matrix, height: float, out: list[Shape]) -> None:
    from reportlab.graphics import shapes

    for child in getattr(node, "contents", ()):
        if isinstance(child, shapes.Group):
            _walk(child, multiply(_matrix(child.transform), matrix), height, out)
            continue
        if getattr(child, "isClipPath", 0):
            continue
        segments = _segments(child)
        if not segments:
            continue
        fill = None if isinstance(child, shapes.PolyLine | shapes.Line) else _colour(getattr(child, "fillColor", None))
        stroke = _colour(getattr(child, "strokeColor", None))
        width = float(getattr(child, "strokeWidth", 0) or 0)
        if stroke is None or width <= 0:
            stroke, width = None, 0.0
        if fill is None and stroke is None:
            continue
        for attribute in ("fillOpacity", "strokeOpacity"):
            opacity = getattr(child, attribute, 1)
            if opacity is not None and 0 < float(opacity) < 1:
                raise _Unsupported("半透明（请改为不透明的颜色）")
        if stroke is not None and getattr(child, "strokeDashArray", None):
            raise _Unsupported("虚线描边（请在绘图软件中扩展为路径）")
        out.append(Shape(_transform(matrix, segments, height), fill, stroke, width * line_scale(matrix),
                         getattr(child, "fillMode", 1) == 0, getattr(child, "strokeLineCap", 0) == 1))


def _load_svg(path: Path, data: bytes) -> VectorArt | FileProblem:
    from svglib.svglib import svg2rlg

    messages: list[str] = []

    class _Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    logger = logging.getLogger("svglib")
    handler, propagate = _Collect(logging.ERROR), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False  # svglib's complaints become our message, not stray lines on the terminal
    try:
        drawing = svg2rlg(str(path), external_reference_root=str(path.parent))
    except Exception:  # svglib raises a variety of errors on malformed input
        drawing = None
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
    not_svg = FileProblem("not_image", f"标志文件「{path.name}」不是有效的 SVG 图形", "请用绘图软件重新导出为 SVG")
    if drawing is None or not drawing.width or not drawing.height:
        return not_svg
    shapes: list[Shape] = []
    try:
        _walk(drawing, _matrix(drawing.transform), float(drawing.height), shapes)
    except _Unsupported as what:
        return FileProblem("not_vector", f"标志文件「{path.name}」含有无法按矢量印制的内容：{what}",
                           "请在绘图软件中处理后重新导出 SVG")
    if not shapes:
        return FileProblem("not_image", f"标志文件「{path.name}」中没有可印制的图形", "请检查 SVG 是否为空或全部透明")
    return VectorArt(path, float(drawing.width), float(drawing.height), tuple(shapes), hashlib.sha256(data).hexdigest())


# --- placing -----------------------------------------------------------------------


def vector_items(art: VectorArt, box: Box) -> list[PathItem]:
    """The SVG's or PDF's shapes fitted into a sign's ``box`` (mm)."""
    placed = fitted(art.width, art.height, box)
    scale = placed.w / art.width
    items: list[PathItem] = []
    for shape in art.shapes:
        segments = []
        for op, *values in shape.segments:
            numbers = [float(v) for v in values]  # type: ignore[arg-type]
            segments.append((op, *(placed.x + v * scale if i % 2 == 0 else placed.y + v * scale
                                   for i, v in enumerate(numbers))))
        items.append(PathItem(tuple(segments), fill=shape.fill, stroke=shape.stroke,
                              stroke_width=shape.stroke_width * scale, even_odd=shape.even_odd,
                              round_caps=shape.round_caps))
    return items


def raster_item(art: RasterArt, box: Box) -> Raster:
    """The bitmap fitted into a sign's ``box``, as CMYK pixels no finer than :data:`MAX_PPI`."""
    placed = fitted(art.width, art.height, box)
    target = min(art.pixels[0], max(1, math.ceil(placed.w / 25.4 * MAX_PPI)))
    pixels, size = _cmyk_pixels(str(art.path), art.digest, target)
    return Raster(placed.x, placed.y, placed.w, placed.h, pixels, size)


@functools.lru_cache(maxsize=16)
def _cmyk_pixels(name: str, _digest: str, width: int) -> tuple[bytes, tuple[int, int]]:
    """Decode, flatten onto white, resample to ``width`` pixels and convert to CMYK (cached)."""
    from PIL import Image

    with Image.open(name) as image:
        if image.mode == "CMYK":
            converted = image.copy()
        else:
            rgba = image.convert("RGBA")
            white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
            converted = to_cmyk(Image.alpha_composite(white, rgba).convert("RGB"))
    if width < converted.width:
        height = max(1, round(converted.height * width / converted.width))
        converted = converted.resize((width, height), Image.Resampling.LANCZOS)
    return converted.tobytes(), converted.size


def to_cmyk(rgb: Any) -> Any:
    """An RGB Pillow image in CMYK by :func:`naive_cmyk` (Pillow's own conversion leaves K empty)."""
    from PIL import Image, ImageMath

    red, green, blue = rgb.split()
    top = ImageMath.lambda_eval(lambda a: a["max"](a["max"](a["r"], a["g"]), a["b"]), r=red, g=green, b=blue)

    def channel(values: Any) -> Any:
        # C = (1 − R − K) / (1 − K) = (max − R) / max, on 0–255
        return ImageMath.lambda_eval(lambda a: ((a["t"] - a["v"]) * 255 / a["max"](a["t"], 1)), t=top, v=values
                                     ).convert("L")

    black = ImageMath.lambda_eval(lambda a: 255 - a["t"], t=top).convert("L")
    return Image.merge("CMYK", (channel(red), channel(green), channel(blue), black))
