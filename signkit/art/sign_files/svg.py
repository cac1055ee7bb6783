"""SVG sign files read with svglib and converted into signkit's own CMYK vector shapes.

The XML is read first within the limits of :mod:`.svg_budget` (elements, nesting, path
data, embedded pictures, canvas size; references to other files removed and warned
about, XML entities not resolved), then svglib renders the tree into a ReportLab
drawing; this module walks that drawing into
:class:`~signkit.art.sign_files.results.Shape` items, so no bitmap, no font, nothing
ReportLab-specific reaches the layout: the board stays pure vectors and passes the
same print checks.  Colours become CMYK by the naive formula of :mod:`.cmyk`; artwork
already in CMYK (``cmyk(…)`` colours, as svglib reads them) is kept exactly.  Text
(convert it to outlines), embedded bitmaps, gradients, dashed lines and partial
transparency cannot be printed faithfully this way and are reported; clipping paths
are ignored (artwork clipped to its own canvas draws the same).

Transforms are composed with :func:`signkit.pdfkit.geometry.multiply` (an SVG
``transform`` is PDF's six numbers): a child's transform applies first, then its
parent's.  svglib and ReportLab's graphics module are imported inside the functions
that use them: together they take a quarter of a second to load, which commands that
read no SVG should not pay.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any

from signkit.art.pen import KAPPA, ellipse_segments
from signkit.art.sign_files.cmyk import naive_cmyk
from signkit.art.sign_files.results import FileProblem, Refused, Segment, Shape, VectorArt
from signkit.art.sign_files.svg_budget import Reference, read_svg
from signkit.drawing.items import Color
from signkit.errors import SignkitError
from signkit.pdfkit.geometry import IDENTITY, Matrix, line_scale, multiply, transform


class _Unsupported(SignkitError):
    """Content of an SVG that cannot be printed as signkit vectors; the message names it in Chinese."""


def _matrix(values: Any) -> Matrix:
    """A ReportLab transform (six numbers, or none) as a :data:`~signkit.pdfkit.geometry.Matrix`."""
    return tuple(float(v) for v in (values or IDENTITY))  # type: ignore[return-value]


def _colour(value: Any) -> Color | None:
    """A ReportLab colour as signkit's CMYK :class:`Color` (``None`` for no paint or full transparency)."""
    from reportlab.lib.colors import CMYKColor  # only when an SVG is read (see the module's docstring)

    if value is None or getattr(value, "alpha", 1) == 0:
        return None
    if isinstance(value, CMYKColor):
        c, m, y, k = (round(float(v), 4) for v in (value.cyan, value.magenta, value.yellow, value.black))
    else:
        c, m, y, k = naive_cmyk(float(value.red), float(value.green), float(value.blue))
    return Color(f"SVG {c:g}/{m:g}/{y:g}/{k:g}", c, m, y, k)


def _segments(shape: Any) -> list[Segment]:
    """The outline of a ReportLab shape as M/L/C/Z segments in its own (y-up) coordinates."""
    from reportlab.graphics import shapes  # only when an SVG is read (see the module's docstring)

    if isinstance(shape, shapes.Path):
        out: list[Segment] = []
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
        segments: list[Segment] = [("M", *pairs[0]), *(("L", *p) for p in pairs[1:])]
        return [*segments, ("Z",)] if isinstance(shape, shapes.Polygon) else segments
    if isinstance(shape, shapes.Line):
        return [("M", float(shape.x1), float(shape.y1)), ("L", float(shape.x2), float(shape.y2))]
    raise _Unsupported(_describe(shape))


def _describe(shape: Any) -> str:
    from reportlab.graphics import shapes  # only when an SVG is read (see the module's docstring)

    if isinstance(shape, shapes.String):
        return "文字（请在绘图软件中把文字转为路径/轮廓）"
    if isinstance(shape, shapes.Image):
        return "嵌入的位图"
    if isinstance(shape, shapes.DirectDraw):
        return "渐变或图案填充（请改为纯色）"
    return f"不支持的图形（{type(shape).__name__}）"


def _transform(matrix: Matrix, segments: list[Segment], height: float) -> tuple[Segment, ...]:
    """Apply ``matrix`` and flip to y-down on a canvas ``height`` tall."""
    out: list[Segment] = []
    for op, *values in segments:
        flat = [float(v) for v in values]  # type: ignore[arg-type]
        mapped: list[float] = []
        for i in range(0, len(flat) - 1, 2):
            x, y = transform(matrix, flat[i], flat[i + 1])
            mapped.extend((x, height - y))
        out.append((op, *mapped))
    return tuple(out)


def _walk(node: Any, matrix: Matrix, height: float, out: list[Shape]) -> None:
    from reportlab.graphics import shapes  # only when an SVG is read (see the module's docstring)

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


def load_svg(path: Path, data: bytes) -> VectorArt | FileProblem:
    """Read an SVG sign file as CMYK vector shapes, or say why it cannot be used.

    The XML is read within :mod:`.svg_budget`'s limits first; only then does svglib
    render the tree (references to other files already removed, each one a warning).
    """
    from svglib.svglib import SvgRenderer  # only when an SVG is read (see the module's docstring)

    not_svg = FileProblem("not_image", f"标志文件「{path.name}」不是有效的 SVG 图形", "请用绘图软件重新导出为 SVG")
    try:
        checked = read_svg(data)
    except Refused as refused:
        if refused.kind == "not_vector":
            return FileProblem("not_vector", f"标志文件「{path.name}」含有无法按矢量印制的内容：{refused.what}",
                               "请在绘图软件中处理后重新导出 SVG")
        return FileProblem(refused.kind, f"标志文件「{path.name}」过于复杂或尺寸异常：{refused.what}，未读取",
                           "标志不需要这么复杂：请在绘图软件中简化（合并路径、删去隐藏内容）后重新导出 SVG，或导出为 PDF")
    if checked is None:
        return not_svg
    messages: list[str] = []

    class _Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    logger = logging.getLogger("svglib")
    handler, propagate = _Collect(logging.ERROR), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False  # svglib's complaints become our message, not stray lines on the terminal
    try:
        drawing = SvgRenderer(str(path), external_reference_root=str(path.parent)).render(checked.root)
    except Exception:  # svglib raises a variety of errors on malformed input
        drawing = None
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
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
    notes = tuple(_outside(path, reference) for reference in checked.references)
    return VectorArt(path, float(drawing.width), float(drawing.height), tuple(shapes),
                     hashlib.sha256(data).hexdigest(), notes)


def _outside(path: Path, reference: Reference) -> FileProblem:
    """The warning for a reference to another file (removed before rendering, never read)."""
    target = reference.target if len(reference.target) <= 80 else reference.target[:77] + "…"
    return FileProblem("external", f"标志文件「{path.name}」第 {reference.line} 行第 {reference.column} 列的 "
                                   f"<{reference.element}> 引用了外部文件「{target}」：signkit 不读取 SVG 之外的文件，"
                                   "这部分不会印出", "请在绘图软件中把引用的图形嵌入（或合并）到这个 SVG 中后重新导出",
                       line=reference.line, column=reference.column)
