"""Walking a page's content the way a RIP would, to find what prints wrong.

One pass over each content stream, with a small graphics state (CTM, font, text
render mode, saved and restored by ``q``/``Q``), finds:

* **colour** (SK607 RGB/Lab, SK608 spot): the ``rg``/``RG`` operators, every colour
  space selected with ``cs``/``CS`` (judged by :mod:`signkit.pdfkit.colorspaces`), the colour space of
  every image (XObject or inline) and shading (``sh`` and shading patterns).  Grey is
  fine: ``g``/``G`` and ``DeviceGray`` print on the black plate only, which is what
  K-only content wants.  ``sc``/``scn`` only set components of the space already
  chosen, which was judged when it was chosen.
* **transparency** (SK609): ``gs`` with ``CA``/``ca`` < 1, a soft mask, or a blend mode
  other than Normal/Compatible; images with ``/SMask`` or ``/SMaskInData``; Form
  XObjects with a transparency ``/Group`` (reported as a warning: a declared group
  without any of the former is usually harmless, but PDF/X-1a forbids it).
* **fonts** (SK606): the font current when text is *shown* (``Tj TJ ' "``) must be
  embedded; invisible text (render mode 3, as in OCR layers) is exempt.  Type3 fonts
  are embedded by construction (their glyphs are content streams, which are walked
  too).  Fonts only listed in resources and never used to show text are not reported.
* **resolution** (SK610, SK625 below half the limit): every image's placed size comes
  from the CTM at ``Do`` (or the inline image); pixels ÷ inches at print size, the lower
  of the two axes, with the page's ``/UserUnit`` applied.
* **what is painted where** (SK614–SK620, judged by :mod:`.marking`): the walk follows
  the fill and stroke colour values, line width, overprint (``/OP``, ``/op`` of ``gs``),
  the current path's extent (its subpaths' starting points ``m`` and rectangles ``re``,
  through the CTM: lines and curves are not kept, for speed) and where text
  starts (``BT Tm Td TD T* TL``, font size from ``Tf``), and hands each painting
  operator and text show to :class:`~signkit.preflight.marking.Marking`.  A form
  inherits the graphics state it is drawn in (colour, overprint), as PDF says.
* **transfer functions** (SK623) in ``gs``, and **annotations** in the trim (SK624)
  and their actions (SK622).

The walking itself — bounded decoding, tokens, ``q``/``Q``, ``cm``, colour operators,
Form XObjects with their ``/Matrix``, own resources (the parent's when they have none),
cycle and depth guards, and the budget — is :class:`signkit.pdfkit.interpreter.Interpreter`'s,
shared with the PDF sign reader, with the preflight's limits (:mod:`.limits`; reaching
one is SK613); this module is the preflight's judgement of what it
sees (:class:`PageWalker`, one per page).  Printing annotations'
normal appearance streams are walked as forms placed on their ``/Rect``; tiling
patterns and Type3 glyph procedures are walked for colour, fonts and transparency but
their images are not measured (the pattern/glyph space is not followed to the page).

Not seen: content of soft-mask groups (reported only as transparency), PostScript
XObjects, overprint mode (``/OPM``), optional-content (layer) visibility, clipping (an image
half outside the page still counts), ``/DefaultRGB``-style colour-space remapping,
the colours inside JPEG 2000 images that carry no ``/ColorSpace``, and colours set by
``d0`` Type3 glyphs beyond the operators listed above.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pikepdf

import signkit.preflight.resources as facts
from signkit.diagnostics import KeyPath, Severity
from signkit.pdfkit.budget import Budget
from signkit.pdfkit.colorspaces import ColorInfo, Ink, classify, name_text
from signkit.pdfkit.decode import Undecodable
from signkit.pdfkit.geometry import (
    IDENTITY,
    MM,
    Matrix,
    PdfRect,
    appearance_matrix,
    box_of,
    line_scale,
    matrix_of,
    multiply,
    number,
    transform,
    unit_square_size,
)
from signkit.pdfkit.interpreter import TEXT_SHOWING, DeviceSpace, GraphicsState, Interpreter, Parsed, Scope
from signkit.pdfkit.objects import ObjectId, object_id, resource
from signkit.preflight.document import check_object_actions
from signkit.preflight.findings import Findings
from signkit.preflight.limits import HINT_LIMIT, LIMITS, exceeded
from signkit.preflight.marking import BLACK, DEFAULT_MAX_INK, Marking, PageFrame, Paint, overlaps_inside, union

STANDARD_14 = frozenset({
    "Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic",
    "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique",
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique",
    "Symbol", "ZapfDingbats",
})
#: The only operators the walk looks at; the parser drops the rest (path construction
#: and painting, text positioning) before they become Python objects, which keeps
#: vector-heavy artwork fast.
OPERATORS = ("q Q cm g G rg RG k K cs CS sc scn SC SCN sh gs w m re f F f* B B* b b* S s n "
             "BT Tm Td TD T* TL Tf Tr Tj TJ ' \" Do BI ID EI")
#: Painting operators: whether they fill and whether they stroke.
PAINTING = {"f": (True, False), "F": (True, False), "f*": (True, False), "S": (False, True), "s": (False, True),
            "B": (True, True), "B*": (True, True), "b": (True, True), "b*": (True, True), "n": (False, False)}
#: Path construction kept: where each subpath starts (``re`` is handled on its own).  ``l c v y`` are
#: left to the parser to drop: they are most of a vector drawing's instructions, and keeping them made
#: a designer's artwork three times as costly (and reach the operator budget three times as soon), so a
#: path's extent is that of its starting points and rectangles — enough to place a finding.
PATH_POINTS = {"m": 2}
#: Text render modes that fill and that stroke the glyphs (3 and 7 are invisible).
FILLING_TEXT = frozenset({0, 2, 4, 6})
STROKING_TEXT = frozenset({1, 5})
INVISIBLE_TEXT = 3
#: Text-positioning operators followed for where text starts.
TEXT_POSITIONING = frozenset({"BT", "Tm", "Td", "TD", "T*", "TL"})
#: Below this share of ``--min-dpi`` a low resolution is an error (SK625), above it a warning (SK610).
ERROR_RESOLUTION = 0.5
#: Annotation types that may sit in the trim: links never print, printer's marks and trap networks are the shop's.
ANNOTATIONS_ALLOWED = frozenset({"/Link", "/PrinterMark", "/TrapNet", "/Popup"})



@dataclass
class DocumentState:
    """What is shared by all pages of one file: reported fonts, the budget, parsed streams."""

    min_dpi: float
    budget: Budget = field(default_factory=lambda: Budget(LIMITS))
    fonts_done: set[ObjectId] = field(default_factory=set)
    type3_walked: set[ObjectId] = field(default_factory=set)
    #: Parsed content of indirect streams (forms drawn many times are parsed once).
    parsed: dict[tuple[int, int], Parsed] = field(default_factory=dict)
    #: Transparency found in each ExtGState (by identity): ``gs`` repeated a million times is looked up once.
    gstates: dict[ObjectId, tuple[str, ...]] = field(default_factory=dict)
    #: The total-ink limit (per cent) and what kind of file it is (see :mod:`.kind`).
    max_ink: float = DEFAULT_MAX_INK
    office: bool = False
    imposed: bool = False


@dataclass(frozen=True, kw_only=True)
class _GState(GraphicsState):
    #: Whether the CTM maps to the page: not inside tiling patterns and Type3 glyphs (their
    #: space is not followed to the page) nor annotations without a usable Rect/BBox, where
    #: images are not measured.
    placed: bool = True
    font: tuple[str, pikepdf.Object] | None = None
    render_mode: int = 0
    font_size: float = 0.0
    leading: float = 0.0
    fill: Paint = BLACK
    stroke: Paint = BLACK
    fill_space: ColorInfo | None = None
    stroke_space: ColorInfo | None = None
    line_width: float = 1.0
    overprint_fill: bool = False
    overprint_stroke: bool = False


_UNPLACED = _GState(placed=False)


@dataclass
class _LowRes:
    ppi: float
    message: str
    place: str


class PageWalker(Interpreter[_GState]):
    """Walks everything that prints on one page and records findings under ``第 N 页``."""

    operators = OPERATORS
    library_filters = True

    def __init__(self, findings: Findings, doc: DocumentState, page_path: KeyPath, user_unit: float,
                 frame: PageFrame | None = None) -> None:
        super().__init__(doc.budget, doc.parsed)
        self.marking = Marking(findings, frame or PageFrame(media=(0.0, 0.0, 0.0, 0.0)), max_ink=doc.max_ink,
                               office=doc.office, imposed=doc.imposed)
        #: The current path's bounding box in page space, and the text and text-line matrices.
        self.path_box: PdfRect | None = None
        self.text_matrix: Matrix = IDENTITY
        self.line_matrix: Matrix = IDENTITY
        self.findings = findings
        self.doc = doc
        self.page_path = page_path
        self.user_unit = user_unit
        self.low_res: dict[KeyPath, _LowRes] = {}
        self.walked_patterns: set[ObjectId] = set()
        self.inline_count = 0

    # -- entry points -------------------------------------------------------------------

    def walk_page(self, page: pikepdf.Dictionary, resources: pikepdf.Object | None) -> None:
        unit = (self.user_unit, 0.0, 0.0, self.user_unit, 0.0, 0.0)
        self.run(page, Scope(resources, self.page_path), _GState(ctm=unit))
        self.walk_annotations(page, resources)
        self.flush()
        self.marking.finish(self.page_path)

    def flush(self) -> None:
        """Report each low-resolution image once, at its lowest resolution on the page."""
        for path, low in self.low_res.items():
            if low.ppi < self.doc.min_dpi * ERROR_RESOLUTION:
                self.findings.add("SK625", f"{low.message}，也低于 {self.doc.min_dpi * ERROR_RESOLUTION:g} ppi 的错误下限，"
                                  f"{low.place}", path, hint=facts.HINT_RESOLUTION)
            else:
                self.findings.add("SK610", f"{low.message}，{low.place}", path, hint=facts.HINT_RESOLUTION)
        self.low_res.clear()

    # -- reading ------------------------------------------------------------------------

    def unparsable(self, error: Exception | None, scope: Scope) -> None:
        what = "页面内容不是内容流" if error is None else f"内容流无法解析（{_short(error)}）"
        self.findings.add("SK612", f"{what}，这部分内容未能检查", scope.where)

    def undecodable(self, problem: Undecodable, scope: Scope) -> None:
        name = problem.filter.lstrip("/")
        if problem.reason == "unbounded":
            room = self.budget.room // 1024 // 1024
            self.findings.add("SK613", f"内容流使用 {name} 压缩，解压后可能超过检查上限（还剩 {room} MB），未解压，"
                              "这部分内容未检查", scope.where, hint=HINT_LIMIT)
        elif problem.reason == "damaged":
            detail = "数据不完整" if problem.detail == "incomplete" else _short(Exception(problem.detail))
            self.findings.add("SK612", f"内容流已损坏，无法解压（{name}：{detail}），这部分内容未能检查", scope.where)
        else:
            self.findings.add("SK612", f"内容流使用了内容流不能用的压缩方式 {name}，RIP 可能无法输出，这部分内容未能检查",
                              scope.where)

    def out_of_budget(self, scope: Scope) -> None:
        limit = self.budget.exhausted or "operators"
        self.findings.add("SK613", f"{exceeded(limit, self.budget.limits)}，检查在此停止：此处之后的内容（包括之后各页的内容）未检查",
                          scope.where, hint=HINT_LIMIT)

    def operator(self, op: str, operands: list[pikepdf.Object], scope: Scope, state: _GState) -> _GState:
        """Text state and showing, ``sh`` and ``gs``: the operators of :data:`OPERATORS` the interpreter leaves to us."""
        first = operands[0] if operands else None
        if op in PAINTING:
            self.paint(op, state, scope)
            return state
        if op in PATH_POINTS or op == "re":
            self.path(op, operands, state)
            return state
        if op in TEXT_POSITIONING:
            return self.text_position(op, operands, state)
        if op == "w":
            width = number(first)
            return replace(state, line_width=abs(width)) if width is not None else state
        if op in TEXT_SHOWING:
            if op in ("'", '"'):
                self.text_position("T*", [], state)
            self.shown_text(state, scope.resources, scope.where)
            self.text_mark(state, scope)
        elif op == "Tr" and operands:
            mode = number(first)
            return replace(state, render_mode=int(mode) if mode is not None else 0)
        elif isinstance(first, pikepdf.Name):
            name = name_text(first)
            if op == "sh":
                self.marking.shaded = True
                shading = resource(scope.resources, "/Shading", str(first))
                self.shading(shading, scope.resources, (*scope.where, f"渐变 {name}"))
            elif op == "gs":
                gstate = resource(scope.resources, "/ExtGState", str(first))
                self.ext_gstate(gstate, name, scope.where)
                return _overprint(gstate, state)
            elif op == "Tf":
                font = resource(scope.resources, "/Font", str(first))
                if font is None:
                    self.findings.add("SK612", f"引用了未定义的字体 {name}，RIP 可能报错或换用其他字体", scope.where,
                                      severity=Severity.WARNING)
                size = number(operands[1]) if len(operands) > 1 else None
                return replace(state, font=(name, font) if font is not None else None,
                               font_size=abs(size) if size is not None else state.font_size)
        return state

    # -- what is painted, and where (judged by :mod:`.marking`) ---------------------------

    def path(self, op: str, operands: list[pikepdf.Object], state: _GState) -> None:
        values = [number(v) for v in operands]
        if any(v is None for v in values):
            return
        numbers = [float(v) for v in values if v is not None]
        if op == "re":
            if len(numbers) != 4:
                return
            x, y, w, h = numbers
            points = [(x, y), (x + w, y), (x, y + h), (x + w, y + h)]
        else:
            if len(numbers) != PATH_POINTS[op]:
                return
            points = list(zip(numbers[0::2], numbers[1::2], strict=True))
        for x, y in points:
            px, py = transform(state.ctm, x, y)
            self.path_box = union(self.path_box, (px, py, px, py))

    def paint(self, op: str, state: _GState, scope: Scope) -> None:
        box, self.path_box = self.path_box, None
        fills, strokes = PAINTING[op]
        if not state.placed:
            box = None
        if fills:
            self.marking.fill(state.fill, box, state.overprint_fill, scope.where)
        if strokes:
            width = state.line_width * line_scale(state.ctm)
            self.marking.stroke(state.stroke, box, width, state.overprint_stroke, scope.where)

    def text_position(self, op: str, operands: list[pikepdf.Object], state: _GState) -> _GState:
        values = [number(v) for v in operands]
        numbers = [float(v) for v in values if v is not None]
        if len(numbers) != len(operands):
            return state
        if op == "BT":
            self.text_matrix = self.line_matrix = IDENTITY
        elif op == "Tm" and len(numbers) == 6:
            a, b, c, d, e, f = numbers
            self.text_matrix = self.line_matrix = (a, b, c, d, e, f)
        elif op in ("Td", "TD") and len(numbers) == 2:
            shift: Matrix = (1.0, 0.0, 0.0, 1.0, numbers[0], numbers[1])
            self.text_matrix = self.line_matrix = multiply(shift, self.line_matrix)
            if op == "TD":
                return replace(state, leading=-numbers[1])
        elif op == "T*":
            self.text_matrix = self.line_matrix = multiply((1.0, 0.0, 0.0, 1.0, 0.0, -state.leading), self.line_matrix)
        elif op == "TL" and len(numbers) == 1:
            return replace(state, leading=numbers[0])
        return state

    def text_mark(self, state: _GState, scope: Scope) -> None:
        mode = state.render_mode
        if mode in FILLING_TEXT:
            paint, overprint = state.fill, state.overprint_fill
        elif mode in STROKING_TEXT:
            paint, overprint = state.stroke, state.overprint_stroke
        else:
            return
        if not state.placed:
            self.marking.fill(paint, None, overprint, scope.where, "文字")
            return
        matrix = multiply(self.text_matrix, state.ctm)
        x, y = transform(matrix, 0.0, 0.0)
        self.marking.text(paint, x, y, state.font_size * line_scale(matrix), overprint, scope.where)

    # -- colour and transparency --------------------------------------------------------

    def device_colour(self, op: str, space: DeviceSpace, stroking: bool, operands: list[pikepdf.Object],
                      scope: Scope, state: _GState) -> _GState:
        if space == "rgb":
            self.findings.add("SK607", "用 RGB 颜色绘制（rg/RG 运算符）", scope.where, hint=facts.HINT_RGB)
        values = [number(v) for v in operands]
        paint: Paint = ("other", ())
        if len(values) == 4 and space == "cmyk" and all(v is not None for v in values):
            paint = ("cmyk", tuple(min(max(float(v), 0.0), 1.0) for v in values if v is not None))
        elif len(values) == 1 and space == "gray" and values[0] is not None:
            paint = ("gray", (min(max(values[0], 0.0), 1.0),))
        return replace(state, stroke=paint) if stroking else replace(state, fill=paint)

    def colour_space(self, op: str, stroking: bool, space: pikepdf.Object, scope: Scope, state: _GState) -> _GState:
        info = classify(space, scope.resources)
        self.color(info, scope.where)
        initial = facts.paint_of(info, None)
        if stroking:
            return replace(state, stroke_space=info, stroke=initial)
        return replace(state, fill_space=info, fill=initial)

    def colour(self, op: str, stroking: bool, operands: list[pikepdf.Object], pattern: pikepdf.Name | None,
               scope: Scope, state: _GState) -> _GState:
        if pattern is not None:
            self.pattern(name_text(pattern), scope)
            paint: Paint = ("other", ())
        else:
            values = [number(v) for v in operands]
            numbers = tuple(float(v) for v in values if v is not None)
            paint = facts.paint_of(state.stroke_space if stroking else state.fill_space,
                           numbers if len(numbers) == len(values) else ())
        return replace(state, stroke=paint) if stroking else replace(state, fill=paint)

    def color(self, info: ColorInfo, path: KeyPath) -> None:
        """Report a colour space (of the page's drawing, an image or a shading) that is not CMYK-safe."""
        if info.ink is Ink.RGB:
            self.findings.add("SK607", f"使用 RGB 颜色空间（{info.label}）", path, hint=facts.HINT_RGB)
        elif info.ink is Ink.NON_CMYK:
            self.findings.add("SK607", f"使用非 CMYK 颜色空间（{info.label}）", path, hint=facts.HINT_RGB)
        elif info.ink is Ink.SPOT:
            spots = "、".join(f"「{s}」" for s in info.spots)
            self.findings.add("SK608", f"使用专色 {spots}（{info.label}）", path, hint=facts.HINT_SPOT)
        elif info.ink is Ink.PATTERN and info.base is not None:
            self.color(info.base, path)
        elif info.ink is Ink.UNKNOWN:
            self.findings.add("SK612", f"颜色空间无法识别（{info.label}），未能判断是否为 CMYK", path,
                              severity=Severity.WARNING)

    def ext_gstate(self, gstate: pikepdf.Object | None, name: str, path: KeyPath) -> None:
        if not isinstance(gstate, pikepdf.Dictionary | pikepdf.Stream):
            return
        ident = object_id(gstate, (*path, name))
        problems = self.doc.gstates.get(ident)
        if problems is None:
            problems = self.doc.gstates[ident] = facts.transparency_of(gstate)
        if problems:
            self.findings.add("SK609", f"图形状态 {name} 使用了透明效果：{'、'.join(problems)}", path,
                              hint=facts.HINT_TRANSPARENCY)
        transfer = [key.lstrip("/") for key in ("/TR", "/TR2") if facts.changes_transfer(gstate.get(key))]
        if transfer:
            self.findings.add("SK623", f"图形状态 {name} 使用了传递函数（{'、'.join(transfer)}）", path,
                              hint="导出时不要保留传递函数（Acrobat：“传递函数：删除”）")

    def transparency_group(self, holder: pikepdf.Object, path: KeyPath, what: str = "") -> None:
        group = holder.get("/Group") if isinstance(holder, pikepdf.Dictionary | pikepdf.Stream) else None
        if isinstance(group, pikepdf.Dictionary) and group.get("/S") == pikepdf.Name.Transparency:
            self.findings.add("SK609", f"{what}声明了透明组（/Group /S /Transparency）；"
                              "若其中并无透明效果，多数 RIP 可照常输出，但 PDF/X-1a 不允许", path,
                              severity=Severity.WARNING, hint=facts.HINT_TRANSPARENCY)

    def shading(self, shading: pikepdf.Object | None, resources: pikepdf.Object | None, path: KeyPath) -> None:
        if isinstance(shading, pikepdf.Dictionary | pikepdf.Stream):
            self.color(classify(shading.get("/ColorSpace"), resources), path)

    def pattern(self, name: str, scope: Scope) -> None:
        pattern = resource(scope.resources, "/Pattern", f"/{name}")
        if not isinstance(pattern, pikepdf.Dictionary | pikepdf.Stream):
            return
        ident = object_id(pattern, (*scope.where, name))
        if ident in self.walked_patterns or ident in scope.forms:
            return
        self.walked_patterns.add(ident)
        here = (*scope.where, f"图案 {name}")
        if number(pattern.get("/PatternType")) == 2:
            self.shading(pattern.get("/Shading"), scope.resources, here)
            gstate = pattern.get("/ExtGState")
            self.ext_gstate(gstate, name, here)
        elif isinstance(pattern, pikepdf.Stream):
            own = pattern.get("/Resources")
            self.run(pattern, Scope(own if own is not None else scope.resources, here, (*scope.forms, ident)), _UNPLACED)

    # -- text ---------------------------------------------------------------------------

    def shown_text(self, state: _GState, resources: pikepdf.Object | None, path: KeyPath) -> None:
        if state.font is None or state.render_mode == INVISIBLE_TEXT:
            return
        name, font = state.font
        ident = object_id(font, (*path, name))
        if ident in self.doc.fonts_done:
            return
        self.doc.fonts_done.add(ident)
        label = facts.font_label(font, name)
        here = (*path, f"字体 {label}")
        if not facts.font_embedded(font):
            note = "（标准 14 字体，PDF 允许不嵌入，但印厂的 RIP 会换用自己的同名字体）" if label in STANDARD_14 else ""
            self.findings.add("SK606", f"未嵌入{note}", here, hint=facts.HINT_FONT)
        elif isinstance(font, pikepdf.Dictionary) and font.get("/Subtype") == pikepdf.Name.Type3:
            self.type3_glyphs(font, ident, resources, here)

    def type3_glyphs(self, font: pikepdf.Dictionary, ident: ObjectId, resources: pikepdf.Object | None,
                     path: KeyPath) -> None:
        if ident in self.doc.type3_walked:
            return
        self.doc.type3_walked.add(ident)
        procs = font.get("/CharProcs")
        own = font.get("/Resources")
        if not isinstance(procs, pikepdf.Dictionary):
            return
        for _glyph, proc in procs.items():
            if isinstance(proc, pikepdf.Stream):
                self.run(proc, Scope(own if own is not None else resources, path, (ident,)), _UNPLACED)

    # -- images and forms ---------------------------------------------------------------

    def inline_image(self, image: pikepdf.PdfInlineImage, scope: Scope, state: _GState) -> None:
        self.inline_count += 1
        self.image(image.obj, scope.resources, state, (*scope.where, f"内嵌图像 {self.inline_count}"))

    def image_xobject(self, name: str, image: pikepdf.Stream, scope: Scope, state: _GState) -> None:
        self.image(image, scope.resources, state, (*scope.where, f"图像 {name}"))

    def missing_xobject(self, name: str, found: pikepdf.Object | None, scope: Scope) -> None:
        if found is None:
            self.findings.add("SK612", f"引用了不存在的对象 {name}", scope.where, severity=Severity.WARNING)

    def form_where(self, scope: Scope, name: str) -> KeyPath:
        return (*scope.where, f"表单 {name}")

    def form_loops(self, name: str, where: KeyPath) -> None:
        self.findings.add("SK612", f"表单 {name} 引用了自身（循环引用），RIP 可能无法输出", where)

    def forms_too_deep(self, name: str, where: KeyPath) -> None:
        self.findings.add("SK613", f"表单嵌套超过 {self.max_depth} 层的检查上限，更深的内容未检查", where, hint=HINT_LIMIT)

    def enter_form(self, form: pikepdf.Stream, where: KeyPath, state: _GState) -> _GState:
        """A form is checked for a transparency group and starts without a current font."""
        self.transparency_group(form, where)
        return replace(state, font=None, render_mode=0)

    def image(self, image: pikepdf.Object, resources: pikepdf.Object | None, state: _GState, path: KeyPath) -> None:
        """Colour, transparency and resolution of an image dictionary (XObject or inline)."""
        if not isinstance(image, pikepdf.Dictionary | pikepdf.Stream):
            return
        if not _is_true(image.get("/ImageMask")):
            space = image.get("/ColorSpace")
            if space is not None:
                self.color(classify(space, resources), path)
        smask = image.get("/SMask")
        if isinstance(smask, pikepdf.Stream):
            self.findings.add("SK609", "带软蒙版（SMask，即透明通道）", path, hint=facts.HINT_TRANSPARENCY)
        smask_in_data = number(image.get("/SMaskInData"))
        if smask_in_data:
            self.findings.add("SK609", "带透明通道（JPEG 2000 SMaskInData）", path, hint=facts.HINT_TRANSPARENCY)
        self.resolution(image, state, path)

    def resolution(self, image: pikepdf.Object, state: _GState, path: KeyPath) -> None:
        if not state.placed:
            return
        corners = [transform(state.ctm, x, y) for x in (0.0, 1.0) for y in (0.0, 1.0)]
        xs, ys = [p[0] for p in corners], [p[1] for p in corners]
        self.marking.image((min(xs), min(ys), max(xs), max(ys)))
        pixels_w, pixels_h = number(image.get("/Width")), number(image.get("/Height"))
        if not pixels_w or not pixels_h:
            return
        width_pt, height_pt = unit_square_size(state.ctm)
        if width_pt <= 1e-6 or height_pt <= 1e-6:
            return
        ppi = min(pixels_w / (width_pt / 72.0), pixels_h / (height_pt / 72.0))
        if ppi + 1e-6 >= self.doc.min_dpi:
            return
        known = self.low_res.get(path)
        if known is not None and known.ppi <= ppi:
            return
        message = (f"{pixels_w:.0f}×{pixels_h:.0f} 像素，印出约 {width_pt / MM:.0f}×{height_pt / MM:.0f} mm，"
                   f"有效分辨率 {ppi:.0f} ppi，低于 {self.doc.min_dpi:g} ppi")
        self.low_res[path] = _LowRes(ppi, message, self.marking.at(min(xs), max(ys)))

    # -- annotations --------------------------------------------------------------------

    def annotation_place(self, annotation: pikepdf.Dictionary, index: int) -> None:
        subtype = annotation.get("/Subtype")
        kind = str(subtype) if isinstance(subtype, pikepdf.Name) else ""
        label = f"批注 {index + 1}（{kind.lstrip('/')}）" if kind else f"批注 {index + 1}"
        here = (*self.page_path, label)
        check_object_actions(annotation, "批注", here, self.findings)
        rect = box_of(annotation.get("/Rect"))
        trim = self.marking.frame.trim
        if kind in ANNOTATIONS_ALLOWED or rect is None or trim is None:
            return
        unit = self.user_unit
        placed = (rect[0] * unit, rect[1] * unit, rect[2] * unit, rect[3] * unit)
        if overlaps_inside(placed, trim, 0):
            self.findings.add("SK624", f"成品范围内有批注，{self.marking.at(placed[0], placed[3])}", here,
                              hint="印刷用 PDF 中删除批注和表单域，或把需要印出的内容拼合到页面中")

    def walk_annotations(self, page: pikepdf.Object, resources: pikepdf.Object | None) -> None:
        """Walk the normal appearance of every annotation that prints (Print flag set, not Hidden).

        Every annotation is also looked at for actions (SK622) and, except links and the
        shop's own marks, for sitting inside the trim (SK624).
        """
        annotations = page.get("/Annots") if isinstance(page, pikepdf.Dictionary) else None
        if not isinstance(annotations, pikepdf.Array):
            return
        for index, annotation in enumerate(annotations):
            if not isinstance(annotation, pikepdf.Dictionary):
                continue
            self.annotation_place(annotation, index)
            flags = int(number(annotation.get("/F")) or 0)
            if flags & 2 or not flags & 4:  # Hidden, or not Print
                continue
            appearance = annotation.get("/AP")
            normal = appearance.get("/N") if isinstance(appearance, pikepdf.Dictionary) else None
            if isinstance(normal, pikepdf.Dictionary):  # appearance states: use the current one
                state_name = annotation.get("/AS")
                normal = normal.get(str(state_name)) if isinstance(state_name, pikepdf.Name) else None
            if not isinstance(normal, pikepdf.Stream):
                continue
            subtype = annotation.get("/Subtype")
            label = f"批注 {index + 1}（{name_text(subtype)}）" if isinstance(subtype, pikepdf.Name) else f"批注 {index + 1}"
            here = (*self.page_path, label)
            rect = box_of(annotation.get("/Rect"))
            bbox = box_of(normal.get("/BBox"))
            matrix = matrix_of(normal.get("/Matrix")) or IDENTITY
            placed = appearance_matrix(rect, bbox, matrix) if rect is not None and bbox is not None else None
            self.transparency_group(normal, here, "外观")
            own = normal.get("/Resources")
            if placed is None:
                state = _UNPLACED
            else:
                unit = (self.user_unit, 0.0, 0.0, self.user_unit, 0.0, 0.0)
                state = _GState(ctm=multiply(matrix, multiply(placed, unit)))
            self.run(normal, Scope(own if own is not None else resources, here, (object_id(normal, here),)), state)


def _overprint(gstate: pikepdf.Object | None, state: _GState) -> _GState:
    """The overprint flags after ``gs``: ``/OP`` for strokes, and for fills too unless ``/op`` says otherwise."""
    if not isinstance(gstate, pikepdf.Dictionary | pikepdf.Stream):
        return state
    stroke, fill = gstate.get("/OP"), gstate.get("/op")
    if isinstance(stroke, bool):
        state = replace(state, overprint_stroke=stroke, overprint_fill=stroke)
    if isinstance(fill, bool):
        state = replace(state, overprint_fill=fill)
    return state


def _is_true(value: object) -> bool:
    return value is True


def _short(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text if len(text) <= 120 else text[:117] + "…"
