"""A user's PDF sign file read as vectors: page 1's content stream interpreted into CMYK shapes.

An office that holds the official GB 2894 artwork usually has it as PDF (the standard's
own figures, or the sign maker's files).  ReportLab cannot place a PDF page, and the
bridges that can (pdfrw) copy the page's content stream unchanged — RGB, ICC colour,
fonts, transparency and all — past the board's CMYK-only guarantee.  So signkit reads
the page itself, the way a RIP would, and turns every painted path into the same
:class:`~signkit.art.files.Shape` items an SVG becomes: what reaches the board is
signkit's own vector paths in CMYK, checked like the rest of the board.

What is understood: path construction (``m l c v y h re``) and painting (``f F f* S s
B B* b b* n``), ``q``/``Q``, ``cm``, Form XObjects (recursively, with their
``/Matrix``, ``/BBox`` and own resources), line width, caps and joins (``w J j`` and
the same keys of ``gs``), and colour by ``g G rg RG k K`` or ``cs``/``CS`` with
``sc``/``scn``/``SC``/``SCN`` in DeviceGray, DeviceRGB, DeviceCMYK, CalGray, CalRGB or
ICCBased spaces.  CMYK values are kept exactly; grey becomes K; RGB goes through the
same naive conversion as SVG (:func:`~signkit.art.files.naive_cmyk`); ICC profiles
are not applied (the numbers are used as they are, like a RIP set to preserve them).

What is refused, each with its own message, because it cannot be drawn faithfully as
plain CMYK paths: text that is shown (an empty ``BT … ET``, which ReportLab writes on
every page, is harmless), images (XObjects and inline), shadings, patterns, spot and
Lab colours, partial transparency, soft masks and blend modes, dashed strokes,
hairlines (``0 w``), stroke styles the board cannot reproduce, hidden layers,
printing annotations, and clipping that would cut something.  Board paths cannot be
clipped, so a clip is honoured by proving it cuts nothing: everything painted under a
rectangular clip (as exporters put around the artboard) must lie inside it, and
anything painted under a non-rectangular one is refused.  The page's box (CropBox
within MediaBox) is such a rectangle too, so nothing outside the page can spill onto
the board.  Encrypted files and files with
more than one page are refused as well (:mod:`signkit.art.files` explains why).

Guards: decoded content is capped at :data:`MAX_CONTENT_BYTES` (Flate is decompressed
with a bound, so a small "zip bomb" cannot ask for gigabytes), executed operators at
:data:`MAX_OPERATORS` (forms drawn many times count every time, so forms that multiply
each other are stopped), forms nest at most :data:`MAX_DEPTH` deep and a form that
draws itself is refused.

Not reproduced: the miter limit (``M``; the board uses PDF's default 10 — only very
sharp mitred corners differ), overprint settings, rendering intents and flatness.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import math
import warnings
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pikepdf

from signkit.errors import SignkitError
from signkit.pdfkit.geometry import (
    IDENTITY,
    Matrix,
    PdfRect,
    box_of,
    inside,
    inverse,
    is_uniform,
    line_scale,
    matrix_of,
    multiply,
    number,
    transform,
)
from signkit.pdfkit.objects import inherited, resource
from signkit.pdfkit.quiet import quiet_qpdf

if TYPE_CHECKING:
    from signkit.art.files import FileProblem, Kind, Shape, VectorArt
    from signkit.drawing.items import Color

#: Decoded content read at all, all streams together (a detailed sign is a few hundred kilobytes).
MAX_CONTENT_BYTES = 2 * 1024 * 1024
#: Operators executed, a form's counted each time it is drawn (a detailed sign needs a few thousand).
MAX_OPERATORS = 100_000
#: Form XObjects within forms.
MAX_DEPTH = 16
#: How far (as a share of the page's shorter side) painting may reach past a clip or the page box:
#: exporters round coordinates, and a hair of overlap is invisible.
EDGE_TOLERANCE = 0.005

#: Path construction operators and how many numbers each takes.
_PATH_OPS = {"m": 2, "l": 2, "c": 6, "v": 4, "y": 4, "h": 0, "re": 4}
_PAINT_OPS = frozenset({"f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "n"})
_TEXT_SHOWING = frozenset({"Tj", "TJ", "'", '"'})
#: Operators without effect on what the paths look like: text state and positioning (text is refused
#: when shown), marked content, rendering intent, flatness, miter limit, compatibility sections.
_IGNORED = frozenset({"BT", "ET", "Tc", "Tw", "Tz", "TL", "Tf", "Tr", "Ts", "Td", "TD", "Tm", "T*",
                      "BMC", "BDC", "EMC", "MP", "DP", "ri", "i", "M", "BX", "EX"})
_TEXT = "文字（请在绘图软件中把文字转为轮廓/路径）"
_OUTLINE = "请在绘图软件中把描边扩展为路径后重新导出"
_BLEND_NORMAL = frozenset({"/Normal", "/Compatible"})


class Refused(SignkitError):
    """Why a PDF cannot become sign vectors: a :data:`~signkit.art.files.Kind` and the Chinese reason."""

    def __init__(self, kind: Kind, what: str) -> None:
        super().__init__(what)
        self.kind: Kind = kind
        self.what = what


# --- colours -------------------------------------------------------------------------


def _cmyk(c: float, m: float, y: float, k: float) -> Color:
    from signkit.drawing.items import Color

    c, m, y, k = (round(min(max(v, 0.0), 1.0), 4) for v in (c, m, y, k))
    return Color(f"PDF {c:g}/{m:g}/{y:g}/{k:g}", c, m, y, k)


def _colour(space: str, values: Sequence[float]) -> Color:
    """Components in a device-like space (``gray``, ``rgb``, ``cmyk``) as signkit's CMYK."""
    from signkit.art.files import naive_cmyk

    if space == "gray":
        return _cmyk(0.0, 0.0, 0.0, 1.0 - values[0])
    if space == "rgb":
        return _cmyk(*naive_cmyk(*(min(max(v, 0.0), 1.0) for v in values[:3])))
    return _cmyk(*values[:4])


_COMPONENTS = {"gray": 1, "rgb": 3, "cmyk": 4}
_DEVICE = {"/DeviceGray": "gray", "/G": "gray", "/DeviceRGB": "rgb", "/RGB": "rgb", "/DeviceCMYK": "cmyk",
           "/CMYK": "cmyk", "/CalGray": "gray", "/CalRGB": "rgb", "/CalCMYK": "cmyk"}


def _space(operand: object, resources: object, depth: int = 0) -> str:
    """``gray``, ``rgb`` or ``cmyk`` for a colour space operand, or the Chinese reason it cannot be used."""
    if depth > 4:
        return "格式不对的颜色空间"
    if isinstance(operand, pikepdf.Name):
        name = str(operand)
        if name in _DEVICE:
            return _DEVICE[name]
        if name == "/Pattern":
            return "图案填充（请改为纯色）"
        named = resource(resources, "/ColorSpace", name)
        return _space(named, resources, depth + 1) if named is not None else f"未定义的颜色空间 {name[1:]}"
    if not isinstance(operand, pikepdf.Array) or len(operand) == 0:
        return "格式不对的颜色空间"
    head = str(operand[0])
    if head in _DEVICE:
        return _DEVICE[head]
    if head == "/ICCBased" and len(operand) > 1 and isinstance(operand[1], pikepdf.Stream):
        n = number(operand[1].get("/N"))
        return {1.0: "gray", 3.0: "rgb", 4.0: "cmyk"}.get(n or 0.0, f"{n:g} 通道的 ICC 颜色空间" if n else "ICC 颜色空间")
    if head in ("/Separation", "/DeviceN"):
        return "专色（请改为 CMYK 印刷色）"
    if head == "/Pattern":
        return "图案填充（请改为纯色）"
    return f"颜色空间 {head[1:]}（请改为 CMYK）"


# --- geometry ------------------------------------------------------------------------

Segment = tuple[object, ...]


def _mapped(m: Matrix, segments: Sequence[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for op, *values in segments:
        numbers: list[float] = []
        for i in range(0, len(values) - 1, 2):
            numbers.extend(transform(m, float(values[i]), float(values[i + 1])))  # type: ignore[arg-type]
        out.append((op, *numbers))
    return out


def _extremes(p0: float, p1: float, p2: float, p3: float) -> list[float]:
    """A cubic Bézier's values at its ends and at the turning points of one coordinate."""
    a = -p0 + 3 * p1 - 3 * p2 + p3
    b = 2 * (p0 - 2 * p1 + p2)
    c = p1 - p0
    roots: list[float] = []
    if abs(a) < 1e-12:
        if abs(b) > 1e-12:
            roots.append(-c / b)
    else:
        disc = b * b - 4 * a * c
        if disc >= 0:
            root = math.sqrt(disc)
            roots.extend(((-b + root) / (2 * a), (-b - root) / (2 * a)))
    values = [p0, p3]
    for t in roots:
        if 0 < t < 1:
            s = 1 - t
            values.append(s * s * s * p0 + 3 * s * s * t * p1 + 3 * s * t * t * p2 + t * t * t * p3)
    return values


def bounds(segments: Sequence[Segment]) -> PdfRect | None:
    """The exact bounding box of a path (curves by their turning points, not their control points)."""
    xs: list[float] = []
    ys: list[float] = []
    current: tuple[float, float] | None = None
    for op, *values in segments:
        numbers = [float(v) for v in values]  # type: ignore[arg-type]
        if op in ("M", "L"):
            current = (numbers[0], numbers[1])
            xs.append(current[0])
            ys.append(current[1])
        elif op == "C" and current is not None:
            xs.extend(_extremes(current[0], numbers[0], numbers[2], numbers[4]))
            ys.extend(_extremes(current[1], numbers[1], numbers[3], numbers[5]))
            current = (numbers[4], numbers[5])
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def _rectangle(segments: Sequence[Segment]) -> PdfRect | None:
    """The box a path is, when it is one axis-aligned rectangle (as ``re`` or four ``l``); else ``None``."""
    points = [(float(s[1]), float(s[2])) for s in segments if s[0] in ("M", "L")]  # type: ignore[arg-type]
    if any(s[0] == "C" for s in segments) or sum(s[0] == "M" for s in segments) != 1:
        return None
    if len(points) == 5 and math.isclose(points[0][0], points[4][0]) and math.isclose(points[0][1], points[4][1]):
        points = points[:4]
    if len(points) != 4:
        return None
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        if not (math.isclose(x0, x1, abs_tol=1e-9) or math.isclose(y0, y1, abs_tol=1e-9)):
            return None
    xs, ys = {round(p[0], 9) for p in points}, {round(p[1], 9) for p in points}
    if len(xs) != 2 or len(ys) != 2:
        return None
    return min(xs), min(ys), max(xs), max(ys)


@dataclass(frozen=True)
class _Clip:
    """A clipping region: ``box`` in the space of ``matrix`` (user space → page), or not a rectangle.

    ``page_box`` is the same box in page space when ``matrix`` keeps axes axis-aligned (the
    usual case), so a path is compared with it without being transformed again.
    """

    matrix: Matrix
    box: PdfRect
    rectangular: bool
    what: str
    page_box: PdfRect | None = None

    @classmethod
    def of(cls, matrix: Matrix, box: PdfRect, rectangular: bool, what: str) -> _Clip:
        page_box = None
        if matrix[1] == 0 and matrix[2] == 0:
            (x0, y0), (x1, y1) = transform(matrix, box[0], box[1]), transform(matrix, box[2], box[3])
            page_box = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        return cls(matrix, box, rectangular, what, page_box)


def _within(clip: _Clip, segments: Sequence[Segment], found: PdfRect, half_width: float, tolerance: float) -> bool:
    """Whether a path (in page space, ``found`` its bounds there) and half its stroke width lie inside ``clip``."""
    if clip.page_box is not None:
        return inside(found, clip.page_box, tolerance - half_width)
    undo = inverse(clip.matrix)
    if undo is None:
        return False
    back = bounds(_mapped(undo, segments))
    return back is None or inside(back, clip.box, (tolerance - half_width) / (line_scale(clip.matrix) or 1.0))


# --- the interpreter -----------------------------------------------------------------


@dataclass(frozen=True)
class _State:
    ctm: Matrix
    #: A colour, or the Chinese reason the current colour cannot be printed (refused when painted with).
    fill: Color | str
    stroke: Color | str
    fill_space: str = "gray"
    stroke_space: str = "gray"
    width: float = 1.0
    cap: int = 0
    join: int = 0
    dashed: bool = False
    clips: tuple[_Clip, ...] = ()


@dataclass
class _Reader:
    pdf: pikepdf.Pdf
    #: Page space (default user space) → the art's canvas, y down.
    to_art: Matrix
    tolerance: float
    shapes: list[Shape] = field(default_factory=list)
    operators: int = 0
    content_bytes: int = 0
    parsed: dict[tuple[int, int], list[Any]] = field(default_factory=dict)

    # -- content --------------------------------------------------------------------

    def decoded(self, stream: pikepdf.Stream) -> bytes:
        """A content stream's data, decoded with a bound (see :data:`MAX_CONTENT_BYTES`)."""
        room = MAX_CONTENT_BYTES - self.content_bytes
        data = _decode(stream, room)
        self.content_bytes += len(data)
        return data

    def instructions(self, holder: pikepdf.Stream | pikepdf.Array) -> list[Any]:
        """Parsed instructions of a stream (or a page's array of streams), each stream parsed once."""
        key = holder.objgen if isinstance(holder, pikepdf.Stream) and holder.is_indirect else None
        if key is not None and key in self.parsed:
            return self.parsed[key]
        parts = [holder] if isinstance(holder, pikepdf.Stream) else list(holder)
        streams = [p for p in parts if isinstance(p, pikepdf.Stream)]
        if len(streams) != len(parts):
            raise Refused("not_image", "页面内容不是内容流")
        data = b"\n".join(self.decoded(p) for p in streams)
        try:
            with warnings.catch_warnings(record=True) as complaints:  # a truncated stream is only warned about
                warnings.simplefilter("always")
                parsed = list(pikepdf.parse_content_stream(pikepdf.Stream(self.pdf, data)))
        except (pikepdf.PdfError, TypeError, ValueError) as error:
            raise Refused("not_image", f"内容流无法解析（{_short(error)}）") from None
        if complaints:  # part of the drawing may be missing: printing the rest would be wrong
            raise Refused("not_image", f"内容流不完整或有错（{_short(Exception(str(complaints[0].message)))}）")
        if key is not None:
            self.parsed[key] = parsed
        return parsed

    def run(self, holder: pikepdf.Stream | pikepdf.Array, resources: object, state: _State,
            active: tuple[tuple[int, int], ...]) -> None:
        """Interpret one content stream with ``resources``, starting from ``state``."""
        stack: list[_State] = []
        path: list[Segment] = []
        current: tuple[float, float] | None = None
        start: tuple[float, float] | None = None
        clipping = False  # W or W* seen: the path clips once it is painted (or ended with n)
        for instruction in self.instructions(holder):
            self.operators += 1
            if self.operators > MAX_OPERATORS:
                raise Refused("too_large", f"绘图指令超过 {MAX_OPERATORS:,} 条（或表单层层重复绘制）")
            if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                raise Refused("not_vector", "内嵌的位图图像（请改为矢量图形）")
            op = str(instruction.operator)
            operands = list(instruction.operands)
            if op in _PATH_OPS:
                values = _numbers(op, operands, _PATH_OPS[op])
                if op == "m":
                    current = start = (values[0], values[1])
                    path.append(("M", *values))
                elif op == "re":
                    x, y, w, h = values
                    path.extend((("M", x, y), ("L", x + w, y), ("L", x + w, y + h), ("L", x, y + h), ("Z",)))
                    current = start = (x, y)
                elif current is None:
                    raise Refused("not_image", f"内容流有错：路径没有起点（{op} 之前缺少 m）")
                elif op == "l":
                    path.append(("L", *values))
                    current = (values[0], values[1])
                elif op == "c":
                    path.append(("C", *values))
                    current = (values[4], values[5])
                elif op == "v":
                    path.append(("C", *current, *values))
                    current = (values[2], values[3])
                elif op == "y":
                    path.append(("C", *values[:2], *values[2:], *values[2:]))
                    current = (values[2], values[3])
                else:  # h
                    path.append(("Z",))
                    current = start
            elif op in ("W", "W*"):
                clipping = True
            elif op in _PAINT_OPS:
                if op in ("s", "b", "b*") and path:
                    path.append(("Z",))
                if path:
                    self.paint(op, path, state)
                    if clipping:
                        state = self.clipped(state, path)
                path, current, start, clipping = [], None, None, False
            elif op == "q":
                stack.append(state)
            elif op == "Q":
                if stack:
                    state = stack.pop()
            elif op == "cm":
                matrix = matrix_of(operands)
                if matrix is None:
                    raise Refused("not_image", "内容流有错：cm 的参数不是 6 个数")
                state = replace(state, ctm=multiply(matrix, state.ctm))
            else:
                state = self.other(op, operands, resources, state, active)

    def other(self, op: str, operands: list[Any], resources: object, state: _State,
              active: tuple[tuple[int, int], ...]) -> _State:
        """Every operator but path construction, painting, ``q``/``Q`` and ``cm``: the new state."""
        if op in ("g", "G", "rg", "RG", "k", "K"):
            space = {"g": "gray", "rg": "rgb", "k": "cmyk"}[op.lower()]
            device = _colour(space, _numbers(op, operands, _COMPONENTS[space]))
            return replace(state, fill=device, fill_space=space) if op.islower() \
                else replace(state, stroke=device, stroke_space=space)
        if op in ("cs", "CS"):
            if len(operands) != 1:
                raise Refused("not_image", f"内容流有错：{op} 的参数不对")
            space = _space(operands[0], resources)
            initial: Color | str = _colour(space, (0.0, 0.0, 0.0, 1.0) if space == "cmyk" else (0.0, 0.0, 0.0)) \
                if space in _COMPONENTS else space
            return replace(state, fill=initial, fill_space=space) if op == "cs" \
                else replace(state, stroke=initial, stroke_space=space)
        if op in ("sc", "scn", "SC", "SCN"):
            space = state.fill_space if op.islower() else state.stroke_space
            if operands and isinstance(operands[-1], pikepdf.Name):
                colour: Color | str = "图案填充（请改为纯色）"
            elif space in _COMPONENTS:
                colour = _colour(space, _numbers(op, operands, _COMPONENTS[space]))
            else:
                colour = space
            return replace(state, fill=colour) if op.islower() else replace(state, stroke=colour)
        if op == "w":
            return replace(state, width=_numbers(op, operands, 1)[0])
        if op in ("J", "j"):
            style = int(_numbers(op, operands, 1)[0])
            return replace(state, cap=style) if op == "J" else replace(state, join=style)
        if op == "d":
            if len(operands) != 2 or not isinstance(operands[0], pikepdf.Array):
                raise Refused("not_image", "内容流有错：d 的参数不对")
            return replace(state, dashed=_dashed(operands[0]))
        if op == "gs":
            return self.ext_gstate(operands, resources, state)
        if op == "Do":
            if len(operands) != 1 or not isinstance(operands[0], pikepdf.Name):
                raise Refused("not_image", "内容流有错：Do 的参数不对")
            self.xobject(str(operands[0]), resources, state, active)
            return state
        if op in _TEXT_SHOWING:
            raise Refused("not_vector", _TEXT)
        if op == "sh":
            raise Refused("not_vector", "渐变（请改为纯色）")
        if op == "PS":
            raise Refused("not_vector", "PostScript 片段")
        if op in _IGNORED:
            return state
        raise Refused("not_vector", f"不支持的 PDF 绘图指令「{op}」")

    def ext_gstate(self, operands: list[Any], resources: object, state: _State) -> _State:
        """``gs``: line style and transparency from an ExtGState dictionary."""
        name = str(operands[0]) if len(operands) == 1 and isinstance(operands[0], pikepdf.Name) else None
        gstate = resource(resources, "/ExtGState", name) if name else None
        if not isinstance(gstate, pikepdf.Dictionary):
            raise Refused("not_image", f"内容流引用了不存在的图形状态 {name[1:] if name else ''}".rstrip())
        for key in ("/CA", "/ca"):
            alpha = number(gstate.get(key))
            if alpha is not None and alpha < 1:
                raise Refused("not_vector", f"半透明（不透明度 {alpha * 100:.0f}%，请改为不透明的颜色）")
        mask = gstate.get("/SMask")
        if mask is not None and mask != pikepdf.Name("/None"):
            raise Refused("not_vector", "透明蒙版（SMask，请拼合透明度）")
        blend = gstate.get("/BM")
        modes = [str(b) for b in blend] if isinstance(blend, pikepdf.Array) else [str(blend)] if blend is not None else []
        if modes and modes[0] not in _BLEND_NORMAL:
            raise Refused("not_vector", f"混合模式 {modes[0][1:]}（请拼合透明度）")
        width = number(gstate.get("/LW"))
        cap, join = number(gstate.get("/LC")), number(gstate.get("/LJ"))
        dash = gstate.get("/D")
        return replace(state, width=state.width if width is None else width,
                       cap=state.cap if cap is None else int(cap), join=state.join if join is None else int(join),
                       dashed=_dashed(dash[0]) if isinstance(dash, pikepdf.Array) and len(dash) == 2
                       and isinstance(dash[0], pikepdf.Array) else state.dashed)

    def xobject(self, name: str, resources: object, state: _State, active: tuple[tuple[int, int], ...]) -> None:
        """``Do``: a Form XObject drawn with its matrix and box; an image is refused."""
        xobject = resource(resources, "/XObject", name)
        if not isinstance(xobject, pikepdf.Stream):
            raise Refused("not_image", f"内容流引用了不存在的对象 {name[1:]}")
        subtype = xobject.get("/Subtype")
        if subtype == pikepdf.Name.Image:
            raise Refused("not_vector", "位图图像（请改为矢量图形）")
        if subtype == pikepdf.Name.PS:
            raise Refused("not_vector", "PostScript 片段")
        if subtype != pikepdf.Name.Form:
            raise Refused("not_image", f"对象 {name[1:]} 不是表单也不是图像")
        ident = xobject.objgen
        if ident in active:
            raise Refused("not_image", f"表单 {name[1:]} 引用了自身（循环引用）")
        if len(active) >= MAX_DEPTH:
            raise Refused("too_large", f"表单嵌套超过 {MAX_DEPTH} 层")
        matrix = matrix_of(xobject.get("/Matrix")) or IDENTITY
        ctm = multiply(matrix, state.ctm)
        clips = state.clips
        box = box_of(xobject.get("/BBox"))
        if box is not None:
            clips = (*clips, _Clip.of(ctm, box, True, "表单边界（BBox）"))
        own = xobject.get("/Resources")
        inner = replace(state, ctm=ctm, clips=clips)
        self.run(xobject, own if own is not None else resources, inner, (*active, ident))

    # -- painting -------------------------------------------------------------------

    def paint(self, op: str, path: list[Segment], state: _State) -> None:
        """One painting operator: a :class:`Shape` on the art's canvas, after every check."""
        from signkit.art.files import Shape

        fills = op in ("f", "F", "f*", "B", "B*", "b", "b*")
        strokes = op in ("S", "s", "B", "B*", "b", "b*")
        if not fills and not strokes:
            return
        if inverse(state.ctm) is None:  # everything collapses onto a line or a point: nothing shows
            return
        fill = state.fill if fills else None
        stroke = state.stroke if strokes else None
        if isinstance(fill, str):
            raise Refused("not_vector", fill)
        if isinstance(stroke, str):
            raise Refused("not_vector", stroke)
        width = 0.0
        round_caps = False
        if strokes:
            if state.dashed:
                raise Refused("not_vector", f"虚线描边（{_OUTLINE}）")
            width = state.width * line_scale(state.ctm)
            if width <= 0:
                raise Refused("not_vector", "宽度为 0 的细线（印出来看不见或粗细不定，请给出实际线宽）")
            if not is_uniform(state.ctm):
                raise Refused("not_vector", f"经过不等比缩放的描边（{_OUTLINE}）")
            round_caps = _round_style(path, state.cap, state.join)
        page = _mapped(state.ctm, path)
        found = bounds(page)
        for clip in state.clips:
            if not clip.rectangular:
                raise Refused("not_vector", "非矩形的剪切路径（请在绘图软件中释放剪切蒙版，或把剪切结果扩展为路径）")
            if found is not None and not _within(clip, page, found, width / 2, self.tolerance):
                raise Refused("not_vector", f"超出{clip.what}的图形（会被裁掉，而 signkit 不裁切）；"
                                            "请在绘图软件中删去多余部分，或把画板调整到包含全部图形")
        self.shapes.append(Shape(tuple(_mapped(self.to_art, page)), fill, stroke, width, op in ("f*", "B*", "b*"),
                                 round_caps))

    def clipped(self, state: _State, path: list[Segment]) -> _State:
        """``W``/``W*`` then a painting operator: the path becomes part of the clip."""
        if inverse(state.ctm) is None:
            raise Refused("not_image", "剪切路径的坐标变换退化（缩放为 0）")
        box = _rectangle(path)
        if box is not None:
            return replace(state, clips=(*state.clips, _Clip.of(state.ctm, box, True, "剪切路径")))
        # its box is never read: anything painted under a non-rectangular clip is refused (see paint)
        return replace(state, clips=(*state.clips, _Clip.of(state.ctm, (0.0, 0.0, 0.0, 0.0), False, "剪切路径")))


def _dashed(array: pikepdf.Array) -> bool:
    """A dash array that draws gaps (all zeros, or empty, is a solid line)."""
    return any((number(v) or 0) > 0 for v in array)


def _round_style(path: Sequence[Segment], cap: int, join: int) -> bool:
    """Whether the stroke's caps and joins are round; refused unless the board can draw them alike.

    A board path has either butt caps with miter joins or round caps with round joins.
    Caps only matter on open subpaths and joins only where a subpath has two segments,
    so a closed outline with round joins, or a single line with round caps, is fine.
    """
    has_caps = has_joins = False
    count, closed = 0, False
    for op, *_ in [*path, ("M",)]:
        if op == "M":
            if count:
                has_caps = has_caps or not closed
                has_joins = has_joins or count + closed >= 2
            count, closed = 0, False
        elif op == "Z":
            closed = True
        else:
            count += 1
    wanted = ({cap} if has_caps else set()) | ({join} if has_joins else set())
    if wanted <= {0}:
        return False
    if wanted == {1}:
        return True
    names = {0: "平头", 1: "圆头", 2: "方头"}, {0: "尖角", 1: "圆角", 2: "斜角"}
    style = "、".join(([f"线端{names[0].get(cap, str(cap))}"] if has_caps else [])
                     + ([f"拐角{names[1].get(join, str(join))}"] if has_joins else []))
    raise Refused("not_vector", f"描边样式（{style}）signkit 无法照样绘制（{_OUTLINE}）")


def _numbers(op: str, operands: list[Any], count: int) -> list[float]:
    values = [number(v) for v in operands]
    if len(values) != count or any(v is None for v in values):
        raise Refused("not_image", f"内容流有错：{op} 的参数不是 {count} 个数")
    return [float(v) for v in values if v is not None]


def _short(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    text = text.split(": ", 1)[-1] if text.startswith("stream <") else text
    return text if len(text) <= 80 else text[:77] + "…"


# --- decoding ------------------------------------------------------------------------

_FLATE = ("/FlateDecode", "/Fl")
_A85 = ("/ASCII85Decode", "/A85")
_AHX = ("/ASCIIHexDecode", "/AHx")


def _decode(stream: pikepdf.Stream, room: int) -> bytes:
    """A stream's data through its filters, never more than ``room`` bytes (``too_large`` beyond).

    Only the filters content streams use are decoded here — Flate (with a bound: its
    expansion has no limit), ASCII85 and ASCIIHex (which shrink) — so nothing is ever
    inflated without a cap; other filters (LZW, run-length, predictors) are refused.
    """
    filters = stream.get("/Filter")
    names = [str(f) for f in filters] if isinstance(filters, pikepdf.Array) \
        else [str(filters)] if filters is not None else []
    parms = stream.get("/DecodeParms")
    data = stream.read_raw_bytes()
    if len(data) > room and not names:
        raise Refused("too_large", f"内容流超过 {MAX_CONTENT_BYTES // 1024 // 1024} MB")
    for index, name in enumerate(names):
        parm = parms[index] if isinstance(parms, pikepdf.Array) and index < len(parms) else parms
        if isinstance(parm, pikepdf.Dictionary) and (number(parm.get("/Predictor")) or 1) > 1:
            raise Refused("unsupported", "内容流使用了带预测器的压缩（请重新导出 PDF）")
        try:
            if name in _FLATE:
                inflater = zlib.decompressobj()
                data = inflater.decompress(data, room + 1)
            elif name in _A85:
                data = base64.a85decode(data.split(b"~>", 1)[0].strip().removeprefix(b"<~"))
            elif name in _AHX:
                digits = bytes(ch for ch in data.split(b">", 1)[0] if ch not in b" \t\r\n\f\x00")
                data = binascii.unhexlify(digits + b"0" * (len(digits) % 2))
            else:
                raise Refused("unsupported", f"内容流的压缩方式 {name[1:]} 不受支持（请重新导出 PDF）")
        except (zlib.error, ValueError, binascii.Error):
            raise Refused("not_image", "内容流已损坏，无法解压") from None
        if len(data) > room:
            raise Refused("too_large", f"解压后的内容流超过 {MAX_CONTENT_BYTES // 1024 // 1024} MB")
    return data


# --- the file ------------------------------------------------------------------------


def _art_matrix(box: PdfRect, rotate: int) -> tuple[Matrix, float, float]:
    """Page space → the art's canvas (origin top left, y down) as the page is shown, and its size."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    if rotate == 90:  # shown turned clockwise: the page's left edge is on top
        return (0.0, 1.0, 1.0, 0.0, -y0, -x0), h, w
    if rotate == 180:
        return (-1.0, 0.0, 0.0, 1.0, x1, -y0), w, h
    if rotate == 270:
        return (0.0, -1.0, -1.0, 0.0, y1, x1), h, w
    return (1.0, 0.0, 0.0, -1.0, -x0, y1), w, h


def _page_box(page: pikepdf.Object) -> PdfRect:
    media = box_of(inherited(page, "/MediaBox"))
    if media is None or media[2] - media[0] <= 0 or media[3] - media[1] <= 0:
        raise Refused("not_image", "页面没有有效的页面大小（MediaBox）")
    crop = box_of(inherited(page, "/CropBox"))
    if crop is None:
        return media
    box = (max(crop[0], media[0]), max(crop[1], media[1]), min(crop[2], media[2]), min(crop[3], media[3]))
    if box[2] - box[0] <= 0 or box[3] - box[1] <= 0:
        raise Refused("not_image", "裁剪框（CropBox）在页面之外")
    return box


def _document_checks(pdf: pikepdf.Pdf, page: pikepdf.Object) -> None:
    """Refusals that concern the file rather than the drawing: hidden layers, printing annotations."""
    properties = pdf.Root.get("/OCProperties")
    default = properties.get("/D") if isinstance(properties, pikepdf.Dictionary) else None
    if isinstance(default, pikepdf.Dictionary):
        off = default.get("/OFF")
        if (isinstance(off, pikepdf.Array) and len(off)) or default.get("/BaseState") == pikepdf.Name.OFF:
            raise Refused("not_vector", "隐藏的图层（可选内容），无法确定哪些内容该印；请删除隐藏图层或全部显示后重新导出")
    annotations = page.get("/Annots")
    for annotation in annotations if isinstance(annotations, pikepdf.Array) else []:
        if not isinstance(annotation, pikepdf.Dictionary):
            continue
        flags = int(number(annotation.get("/F")) or 0)
        if annotation.get("/Subtype") in (pikepdf.Name.Link, pikepdf.Name.Popup) or flags & 2 or not flags & 4:
            continue
        if annotation.get("/AP") is not None:
            raise Refused("not_vector", "批注或表单域（请在 PDF 软件中拼合或删除批注后重新保存）")


def load_pdf(path: Path, data: bytes) -> VectorArt | FileProblem:
    """Read page 1 of a PDF sign file as CMYK vector shapes, or say why it cannot be used."""
    with quiet_qpdf():
        return _load_pdf(path, data)


def _load_pdf(path: Path, data: bytes) -> VectorArt | FileProblem:
    from signkit.art.files import FileProblem, VectorArt

    name = path.name
    if b"%PDF-" not in data[:1024]:
        return FileProblem("not_image", f"标志文件「{name}」不是 PDF 文件（文件开头没有 %PDF- 标记）",
                           "也许是改了扩展名的其他文件；请从绘图软件重新导出 PDF")
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        return FileProblem("encrypted", f"标志文件「{name}」是设有打开密码的 PDF，无法读取",
                           "请向提供方索取未加密的文件")
    except (pikepdf.PdfError, ValueError, OSError) as error:
        return FileProblem("not_image", f"标志文件「{name}」不是有效的 PDF（已损坏，{_short(error)}）",
                           "请用绘图软件重新导出 PDF")
    with pdf:
        if pdf.is_encrypted:
            return FileProblem("encrypted", f"标志文件「{name}」是加密的 PDF（设有权限密码）：signkit 不读取加密文件的内容",
                               "加密常表示提供方限制了再利用；请向提供方索取未加密的文件")
        try:
            count = len(pdf.pages)
            if count != 1:
                return FileProblem("multi_page", f"标志文件「{name}」有 {count} 页；一个标志文件应只有一页（一个标志）",
                                   "请把要用的那一页单独导出为 PDF，每个标志一个文件，按标志名称命名")
            page = pdf.pages[0].obj
            box = _page_box(page)
            rotate = int(number(inherited(page, "/Rotate")) or 0) % 360
            if rotate % 90:
                raise Refused("not_image", f"页面旋转角度 {rotate}° 不是 90° 的倍数")
            to_art, width, height = _art_matrix(box, rotate)
            _document_checks(pdf, page)
            contents = page.get("/Contents")
            reader = _Reader(pdf, to_art, EDGE_TOLERANCE * min(width, height))
            black = _cmyk(0.0, 0.0, 0.0, 1.0)
            start = _State(IDENTITY, black, black, clips=(_Clip.of(IDENTITY, box, True, "页面（CropBox）"),))
            if isinstance(contents, pikepdf.Stream | pikepdf.Array):
                reader.run(contents, inherited(page, "/Resources"), start, ())
        except Refused as refused:
            return _problem(name, refused)
        except (pikepdf.PdfError, TypeError, ValueError, KeyError, IndexError, AttributeError, RecursionError,
                ArithmeticError) as error:
            return FileProblem("not_image", f"标志文件「{name}」的 PDF 结构已损坏（{_short(error)}）",
                               "请用绘图软件重新导出 PDF")
    if not reader.shapes:
        return FileProblem("not_image", f"标志文件「{name}」中没有可印制的图形", "请检查 PDF 第 1 页是否为空")
    return VectorArt(path, width, height, tuple(reader.shapes), hashlib.sha256(data).hexdigest())


def _problem(name: str, refused: Refused) -> FileProblem:
    from signkit.art.files import FileProblem

    if refused.kind == "not_vector":
        return FileProblem("not_vector", f"标志文件「{name}」含有无法按矢量印制的内容：{refused.what}",
                           "请在绘图软件中处理后重新导出 PDF")
    if refused.kind == "too_large":
        return FileProblem("too_large", f"标志文件「{name}」的内容过于复杂，未读取：{refused.what}",
                           "标志不需要这么复杂：请在绘图软件中简化路径后重新导出")
    return FileProblem(refused.kind, f"标志文件「{name}」不是有效的 PDF 标志：{refused.what}", "请用绘图软件重新导出 PDF")


__all__ = ["MAX_CONTENT_BYTES", "MAX_DEPTH", "MAX_OPERATORS", "Refused", "bounds", "load_pdf"]
