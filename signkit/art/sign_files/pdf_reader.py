"""The PDF sign reader's judgement of a page: every painted path as a CMYK shape, or a refusal.

:class:`signkit.pdfkit.interpreter.Interpreter` walks the content (``q``/``Q``, ``cm``,
Form XObjects with their ``/Matrix``, ``/BBox`` and own resources, the colour
operators); :class:`SignReader` is its client for sign files.  It understands path
construction (``m l c v y h re``) and painting (``f F f* S s B B* b b* n``), line
width, caps and joins (``w J j`` and the same keys of ``gs``), and colour by
``g G rg RG k K`` or ``cs``/``CS`` with ``sc``/``scn``/``SC``/``SCN`` in DeviceGray,
DeviceRGB, DeviceCMYK, CalGray, CalRGB or ICCBased spaces.  CMYK values are kept
exactly; grey becomes K; RGB goes through the naive formula of
:mod:`signkit.art.sign_files.cmyk`; ICC profiles are not applied (the numbers are used
as they are, like a RIP set to preserve them).

Everything else that would show is refused with its own message
(:class:`~signkit.art.sign_files.results.Refused`), because it cannot be drawn
faithfully as plain CMYK paths: text that is shown (an empty ``BT … ET``, which
ReportLab writes on every page, is harmless), images (XObjects and inline), shadings,
patterns, spot and Lab colours, partial transparency, soft masks and blend modes,
dashed strokes, hairlines (``0 w``), stroke styles the board cannot reproduce, and
clipping that would cut something (see :mod:`.pdf_paths`).  Malformed content is
refused rather than guessed at.

Limits (:data:`LIMITS`, one :class:`~signkit.pdfkit.budget.Budget` per file, each cost
charged before it is paid): decoded content at :data:`MAX_CONTENT_BYTES` (only Flate,
ASCII85 and ASCIIHex, inflated with a cap), tokens parsed at :data:`MAX_TOKENS`,
executed operators at :data:`MAX_OPERATORS` (forms drawn many times count every time),
forms drawn at :data:`MAX_FORM_DRAWS`, forms nested at most :data:`MAX_DEPTH` deep, a
form that draws itself refused.  Not reproduced: the miter limit (``M``; the board uses
PDF's default 10 — only very sharp mitred corners differ), overprint settings,
rendering intents and flatness.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import pikepdf

from signkit.art.sign_files.cmyk import naive_cmyk
from signkit.art.sign_files.pdf_paths import Clip, bounds, mapped, rectangle, within
from signkit.art.sign_files.results import Refused, Segment, Shape
from signkit.diagnostics import KeyPath
from signkit.drawing.items import Color
from signkit.pdfkit.budget import Budget, Limits
from signkit.pdfkit.decode import Undecodable
from signkit.pdfkit.geometry import Matrix, box_of, inverse, is_uniform, line_scale, number
from signkit.pdfkit.interpreter import (
    COMPONENTS,
    TEXT_SHOWING,
    DeviceSpace,
    GraphicsState,
    Holder,
    Instruction,
    Interpreter,
    Scope,
)
from signkit.pdfkit.objects import resource

#: Decoded content read at all, all streams together: a detailed sign is a few hundred kilobytes,
#: and what is read is parsed and kept as Python objects while the page is drawn.
MAX_CONTENT_BYTES = 2 * 1024 * 1024
#: Tokens parsed (numbers, names, operators), counted before parsing: qpdf spends about a microsecond
#: on each and every kept instruction is a Python object of ~300 bytes, so 400,000 bound a page to
#: about half a second and ~120 MB; a sign of 100,000 operators (the next limit) needs fewer.
MAX_TOKENS = 400_000
#: Operators executed, a form's counted each time it is drawn (a detailed sign needs a few thousand).
MAX_OPERATORS = 100_000
#: Forms drawn, each time counted: a form costs a hundred times an instruction, and forms that draw
#: each other twice at every level would double the work per level within any operator budget;
#: artwork places a symbol a few dozen times.
MAX_FORM_DRAWS = 2_000
#: Form XObjects within forms.
MAX_DEPTH = 16
#: All of them, as the interpreter's budget (charged instruction by instruction: the file is refused when it runs out).
LIMITS = Limits(content_bytes=MAX_CONTENT_BYTES, tokens=MAX_TOKENS, operators=MAX_OPERATORS,
                form_draws=MAX_FORM_DRAWS, depth=MAX_DEPTH, whole_streams=False)

#: What each limit of :data:`LIMITS` says when a file runs out of it.
_EXCEEDED = {
    "content_bytes": f"解压后的内容流超过 {MAX_CONTENT_BYTES // 1024 // 1024} MB",
    "tokens": f"内容流中的数字和指令超过 {MAX_TOKENS:,} 个",
    "operators": f"绘图指令超过 {MAX_OPERATORS:,} 条（表单每绘制一次都计入）",
    "form_draws": f"表单绘制超过 {MAX_FORM_DRAWS:,} 次（表单层层重复绘制）",
}

#: Path construction operators and how many numbers each takes.
_PATH_OPS = {"m": 2, "l": 2, "c": 6, "v": 4, "y": 4, "h": 0, "re": 4}
_PAINT_OPS = frozenset({"f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "n"})
#: Operators without effect on what the paths look like: text state and positioning (text is refused
#: when shown), marked content, rendering intent, flatness, miter limit, compatibility sections.
_IGNORED = frozenset({"BT", "ET", "Tc", "Tw", "Tz", "TL", "Tf", "Tr", "Ts", "Td", "TD", "Tm", "T*",
                      "BMC", "BDC", "EMC", "MP", "DP", "ri", "i", "M", "BX", "EX"})
_TEXT = "文字（请在绘图软件中把文字转为轮廓/路径）"
_OUTLINE = "请在绘图软件中把描边扩展为路径后重新导出"
_PATTERN = "图案填充（请改为纯色）"
_BLEND_NORMAL = frozenset({"/Normal", "/Compatible"})
#: Components of the spaces :func:`_space` names (the device spaces, and what reads as one).
_COMPONENTS: dict[str, int] = {str(space): count for space, count in COMPONENTS.items()}
_DEVICE = {"/DeviceGray": "gray", "/G": "gray", "/DeviceRGB": "rgb", "/RGB": "rgb", "/DeviceCMYK": "cmyk",
           "/CMYK": "cmyk", "/CalGray": "gray", "/CalRGB": "rgb", "/CalCMYK": "cmyk"}


# --- colours -------------------------------------------------------------------------


def cmyk(c: float, m: float, y: float, k: float) -> Color:
    """A PDF sign's colour as signkit's :class:`Color` (components clamped to 0–1, four decimals)."""
    c, m, y, k = (round(min(max(v, 0.0), 1.0), 4) for v in (c, m, y, k))
    return Color(f"PDF {c:g}/{m:g}/{y:g}/{k:g}", c, m, y, k)


def _colour(space: str, values: Sequence[float]) -> Color:
    """Components in a device-like space (``gray``, ``rgb``, ``cmyk``) as signkit's CMYK."""
    if space == "gray":
        return cmyk(0.0, 0.0, 0.0, 1.0 - values[0])
    if space == "rgb":
        return cmyk(*naive_cmyk(*(min(max(v, 0.0), 1.0) for v in values[:3])))
    return cmyk(*values[:4])


def _space(operand: object, resources: object, depth: int = 0) -> str:
    """``gray``, ``rgb`` or ``cmyk`` for a colour space operand, or the Chinese reason it cannot be used."""
    if depth > 4:
        return "格式不对的颜色空间"
    if isinstance(operand, pikepdf.Name):
        name = str(operand)
        if name in _DEVICE:
            return _DEVICE[name]
        if name == "/Pattern":
            return _PATTERN
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
        return _PATTERN
    return f"颜色空间 {head[1:]}（请改为 CMYK）"


# --- the reader ----------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class SignState(GraphicsState):
    """The graphics state of a sign page, beyond the CTM."""

    #: A colour, or the Chinese reason the current colour cannot be printed (refused when painted with).
    fill: Color | str
    stroke: Color | str
    fill_space: str = "gray"
    stroke_space: str = "gray"
    width: float = 1.0
    cap: int = 0
    join: int = 0
    dashed: bool = False
    clips: tuple[Clip, ...] = ()


@dataclass
class _PathInProgress:
    """The path being built in one content stream (not part of the graphics state: ``q``/``Q`` leave it alone)."""

    segments: list[Segment] = field(default_factory=list)
    current: tuple[float, float] | None = None
    start: tuple[float, float] | None = None
    #: ``W`` or ``W*`` seen: the path clips once it is painted (or ended with ``n``).
    clipping: bool = False


class SignReader(Interpreter[SignState]):
    """Reads one sign page into :attr:`shapes` on the art's canvas, raising :class:`Refused` at the first problem."""

    def __init__(self, to_art: Matrix, tolerance: float) -> None:
        super().__init__(Budget(LIMITS))
        #: Page space (default user space) → the art's canvas, y down.
        self.to_art = to_art
        self.tolerance = tolerance
        self.shapes: list[Shape] = []
        self.path = _PathInProgress()

    # -- reading --------------------------------------------------------------------

    def tokenise(self, data: bytes, scope: Scope) -> Sequence[Instruction] | None:
        """The parse of the decoded content; a stream qpdf only warns about is refused, not guessed at."""
        with warnings.catch_warnings(record=True) as complaints:  # a truncated stream is only warned about
            warnings.simplefilter("always")
            parsed = super().tokenise(data, scope)
        if complaints:  # part of the drawing may be missing: printing the rest would be wrong
            raise Refused("not_image", f"内容流不完整或有错（{short(Exception(str(complaints[0].message)))}）")
        return parsed

    def unparsable(self, error: Exception | None, scope: Scope) -> None:
        if error is None:
            raise Refused("not_image", "页面内容不是内容流")
        raise Refused("not_image", f"内容流无法解析（{short(error)}）")

    def undecodable(self, problem: Undecodable, scope: Scope) -> None:
        if problem.reason == "predictor":
            raise Refused("unsupported", "内容流使用了带预测器的压缩（请重新导出 PDF）")
        if problem.reason == "damaged":
            raise Refused("not_image", "内容流已损坏，无法解压" + ("（数据不完整）" if problem.detail == "incomplete" else ""))
        raise Refused("unsupported", f"内容流的压缩方式 {problem.filter[1:]} 不受支持（请重新导出 PDF）")

    def run(self, holder: Holder, scope: Scope, state: SignState) -> None:
        """Interpret one stream; a form's content builds its own paths, the caller's path waits for it."""
        outer, self.path = self.path, _PathInProgress()
        super().run(holder, scope, state)
        self.path = outer

    def out_of_budget(self, scope: Scope) -> None:
        raise Refused("too_large", _EXCEEDED[self.budget.exhausted or "operators"])

    def malformed(self, op: str, scope: Scope) -> None:
        raise Refused("not_image", "内容流有错：cm 的参数不是 6 个数" if op == "cm" else f"内容流有错：{op} 的参数不对")

    # -- paths and painting ---------------------------------------------------------

    def operator(self, op: str, operands: list[pikepdf.Object], scope: Scope, state: SignState) -> SignState:
        """Paths, painting, line style, ``gs`` and what is refused; colours and ``Do`` come through their own hooks."""
        if op in _PATH_OPS:
            self.construct(op, _numbers(op, operands, _PATH_OPS[op]))
            return state
        if op in ("W", "W*"):
            self.path.clipping = True
            return state
        if op in _PAINT_OPS:
            path = self.path.segments
            if op in ("s", "b", "b*") and path:
                path.append(("Z",))
            if path:
                self.paint(op, path, state)
                if self.path.clipping:
                    state = self.clipped(state, path)
            self.path = _PathInProgress()
            return state
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
            return self.ext_gstate(operands, scope.resources, state)
        if op in TEXT_SHOWING:
            raise Refused("not_vector", _TEXT)
        if op == "sh":
            raise Refused("not_vector", "渐变（请改为纯色）")
        if op == "PS":
            raise Refused("not_vector", "PostScript 片段")
        if op in _IGNORED:
            return state
        raise Refused("not_vector", f"不支持的 PDF 绘图指令「{op}」")

    def construct(self, op: str, values: list[float]) -> None:
        """One path construction operator, its operands already checked."""
        path = self.path
        if op == "m":
            path.current = path.start = (values[0], values[1])
            path.segments.append(("M", *values))
        elif op == "re":
            x, y, w, h = values
            path.segments.extend((("M", x, y), ("L", x + w, y), ("L", x + w, y + h), ("L", x, y + h), ("Z",)))
            path.current = path.start = (x, y)
        elif path.current is None:
            raise Refused("not_image", f"内容流有错：路径没有起点（{op} 之前缺少 m）")
        elif op == "l":
            path.segments.append(("L", *values))
            path.current = (values[0], values[1])
        elif op == "c":
            path.segments.append(("C", *values))
            path.current = (values[4], values[5])
        elif op == "v":
            path.segments.append(("C", *path.current, *values))
            path.current = (values[2], values[3])
        elif op == "y":
            path.segments.append(("C", *values[:2], *values[2:], *values[2:]))
            path.current = (values[2], values[3])
        else:  # h
            path.segments.append(("Z",))
            path.current = path.start

    def paint(self, op: str, path: list[Segment], state: SignState) -> None:
        """One painting operator: a :class:`Shape` on the art's canvas, after every check."""
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
        page = mapped(state.ctm, path)
        found = bounds(page)
        for clip in state.clips:
            if not clip.rectangular:
                raise Refused("not_vector", "非矩形的剪切路径（请在绘图软件中释放剪切蒙版，或把剪切结果扩展为路径）")
            if found is not None and not within(clip, page, found, width / 2, self.tolerance):
                raise Refused("not_vector", f"超出{clip.what}的图形（会被裁掉，而 signkit 不裁切）；"
                                            "请在绘图软件中删去多余部分，或把画板调整到包含全部图形")
        self.shapes.append(Shape(tuple(mapped(self.to_art, page)), fill, stroke, width, op in ("f*", "B*", "b*"),
                                 round_caps))

    def clipped(self, state: SignState, path: list[Segment]) -> SignState:
        """``W``/``W*`` then a painting operator: the path becomes part of the clip."""
        if inverse(state.ctm) is None:
            raise Refused("not_image", "剪切路径的坐标变换退化（缩放为 0）")
        box = rectangle(path)
        if box is not None:
            return replace(state, clips=(*state.clips, Clip.of(state.ctm, box, True, "剪切路径")))
        # its box is never read: anything painted under a non-rectangular clip is refused (see paint)
        return replace(state, clips=(*state.clips, Clip.of(state.ctm, (0.0, 0.0, 0.0, 0.0), False, "剪切路径")))

    # -- colour and graphics state --------------------------------------------------

    def device_colour(self, op: str, space: DeviceSpace, stroking: bool, operands: list[pikepdf.Object],
                      scope: Scope, state: SignState) -> SignState:
        device = _colour(space, _numbers(op, operands, COMPONENTS[space]))
        return replace(state, stroke=device, stroke_space=space) if stroking \
            else replace(state, fill=device, fill_space=space)

    def colour_space(self, op: str, stroking: bool, space: pikepdf.Object, scope: Scope,
                     state: SignState) -> SignState:
        kind = _space(space, scope.resources)
        initial: Color | str = _colour(kind, (0.0, 0.0, 0.0, 1.0) if kind == "cmyk" else (0.0, 0.0, 0.0)) \
            if kind in _COMPONENTS else kind
        return replace(state, stroke=initial, stroke_space=kind) if stroking \
            else replace(state, fill=initial, fill_space=kind)

    def colour(self, op: str, stroking: bool, operands: list[pikepdf.Object], pattern: pikepdf.Name | None,
               scope: Scope, state: SignState) -> SignState:
        space = state.stroke_space if stroking else state.fill_space
        if pattern is not None:
            colour: Color | str = _PATTERN
        elif space in _COMPONENTS:
            colour = _colour(space, _numbers(op, operands, _COMPONENTS[space]))
        else:
            colour = space
        return replace(state, stroke=colour) if stroking else replace(state, fill=colour)

    def ext_gstate(self, operands: list[pikepdf.Object], resources: object, state: SignState) -> SignState:
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

    # -- images and forms -----------------------------------------------------------

    def inline_image(self, image: pikepdf.PdfInlineImage, scope: Scope, state: SignState) -> None:
        raise Refused("not_vector", "内嵌的位图图像（请改为矢量图形）")

    def image_xobject(self, name: str, image: pikepdf.Stream, scope: Scope, state: SignState) -> None:
        raise Refused("not_vector", "位图图像（请改为矢量图形）")

    def missing_xobject(self, name: str, found: pikepdf.Object | None, scope: Scope) -> None:
        raise Refused("not_image", f"内容流引用了不存在的对象 {name}")

    def other_xobject(self, name: str, xobject: pikepdf.Stream, scope: Scope) -> None:
        if xobject.get("/Subtype") == pikepdf.Name.PS:
            raise Refused("not_vector", "PostScript 片段")
        raise Refused("not_image", f"对象 {name} 不是表单也不是图像")

    def form_loops(self, name: str, where: KeyPath) -> None:
        raise Refused("not_image", f"表单 {name} 引用了自身（循环引用）")

    def forms_too_deep(self, name: str, where: KeyPath) -> None:
        raise Refused("too_large", f"表单嵌套超过 {MAX_DEPTH} 层")

    def enter_form(self, form: pikepdf.Stream, where: KeyPath, state: SignState) -> SignState:
        """A form draws within its ``/BBox``: a clip like any other, proven harmless or refused."""
        box = box_of(form.get("/BBox"))
        if box is None:
            return state
        return replace(state, clips=(*state.clips, Clip.of(state.ctm, box, True, "表单边界（BBox）")))


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


def _numbers(op: str, operands: Sequence[object], count: int) -> list[float]:
    values = [number(v) for v in operands]
    if len(values) != count or any(v is None for v in values):
        raise Refused("not_image", f"内容流有错：{op} 的参数不是 {count} 个数")
    return [float(v) for v in values if v is not None]


def short(error: BaseException) -> str:
    """The first line of an error, without qpdf's ``stream <…>:`` prefix, for a refusal message."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    text = text.split(": ", 1)[-1] if text.startswith("stream <") else text
    return text if len(text) <= 80 else text[:77] + "…"
