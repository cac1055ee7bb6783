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
* **resolution** (SK610): every image's placed size comes from the CTM at ``Do`` (or
  the inline image); pixels ÷ inches at print size, the lower of the two axes, with the
  page's ``/UserUnit`` applied.

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
XObjects, overprint settings, optional-content (layer) visibility, clipping (an image
half outside the page still counts), ``/DefaultRGB``-style colour-space remapping,
the colours inside JPEG 2000 images that carry no ``/ColorSpace``, and colours set by
``d0`` Type3 glyphs beyond the operators listed above.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pikepdf

from signkit.diagnostics import KeyPath, Severity
from signkit.pdfkit.budget import Budget
from signkit.pdfkit.colorspaces import ColorInfo, Ink, classify, name_text
from signkit.pdfkit.decode import Undecodable
from signkit.pdfkit.geometry import IDENTITY, MM, appearance_matrix, box_of, matrix_of, multiply, number, unit_square_size
from signkit.pdfkit.interpreter import TEXT_SHOWING, DeviceSpace, GraphicsState, Interpreter, Parsed, Scope
from signkit.pdfkit.objects import ObjectId, object_id, resource
from signkit.preflight.findings import Findings
from signkit.preflight.limits import HINT_LIMIT, LIMITS, exceeded

STANDARD_14 = frozenset({
    "Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic",
    "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique",
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique",
    "Symbol", "ZapfDingbats",
})
#: The only operators the walk looks at; the parser drops the rest (path construction
#: and painting, text positioning) before they become Python objects, which keeps
#: vector-heavy artwork fast.
OPERATORS = "q Q cm rg RG cs CS scn SCN sh gs Tf Tr Tj TJ ' \" Do BI ID EI"
INVISIBLE_TEXT = 3

HINT_RGB = "在设计软件中把颜色（含图像）转换为 CMYK 后重新导出；signkit 自己生成的 PDF 只用 CMYK"
HINT_SPOT = "如确需专色，请事先与印厂确认；否则导出时把专色转换为 CMYK"
HINT_TRANSPARENCY = "导出为 PDF/X-1a（会拼合透明度），或在设计软件中拼合透明度后重新导出"
HINT_FONT = "导出 PDF 时选择嵌入全部字体（子集即可）"
HINT_RESOLUTION = "换用更高分辨率的原图，或把图像印得小一些；--min-dpi 可调整下限"


def font_label(font: pikepdf.Object, resource_name: str) -> str:
    """The font's BaseFont without a subset prefix (``AAAAAA+``), else its resource name."""
    base = font.get("/BaseFont") if isinstance(font, pikepdf.Dictionary) else None
    if isinstance(base, pikepdf.Name):
        text = name_text(base)
        prefix, plus, rest = text.partition("+")
        return rest if plus and len(prefix) == 6 and prefix.isupper() else text
    return resource_name


def font_embedded(font: pikepdf.Object) -> bool:
    """Whether the font program is in the file (Type3 always is; standard 14 without FontFile is not)."""
    if not isinstance(font, pikepdf.Dictionary):
        return False
    subtype = font.get("/Subtype")
    if subtype == pikepdf.Name.Type3:
        return True
    holder: pikepdf.Object | None = font
    if subtype == pikepdf.Name.Type0:
        descendants = font.get("/DescendantFonts")
        holder = descendants[0] if isinstance(descendants, pikepdf.Array) and len(descendants) else None
    descriptor = holder.get("/FontDescriptor") if isinstance(holder, pikepdf.Dictionary) else None
    if not isinstance(descriptor, pikepdf.Dictionary):
        return False
    return any(isinstance(descriptor.get(key), pikepdf.Stream) for key in ("/FontFile", "/FontFile2", "/FontFile3"))


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


@dataclass(frozen=True, kw_only=True)
class _GState(GraphicsState):
    #: Whether the CTM maps to the page: not inside tiling patterns and Type3 glyphs (their
    #: space is not followed to the page) nor annotations without a usable Rect/BBox, where
    #: images are not measured.
    placed: bool = True
    font: tuple[str, pikepdf.Object] | None = None
    render_mode: int = 0


_UNPLACED = _GState(placed=False)


@dataclass
class _LowRes:
    ppi: float
    message: str


class PageWalker(Interpreter[_GState]):
    """Walks everything that prints on one page and records findings under ``第 N 页``."""

    operators = OPERATORS
    library_filters = True

    def __init__(self, findings: Findings, doc: DocumentState, page_path: KeyPath, user_unit: float) -> None:
        super().__init__(doc.budget, doc.parsed)
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

    def flush(self) -> None:
        """Report each low-resolution image once, at its lowest resolution on the page."""
        for path, low in self.low_res.items():
            self.findings.add("SK610", low.message, path, hint=HINT_RESOLUTION)
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
        if op in TEXT_SHOWING:
            self.shown_text(state, scope.resources, scope.where)
        elif op == "Tr" and operands:
            mode = number(first)
            return replace(state, render_mode=int(mode) if mode is not None else 0)
        elif isinstance(first, pikepdf.Name):
            name = name_text(first)
            if op == "sh":
                shading = resource(scope.resources, "/Shading", str(first))
                self.shading(shading, scope.resources, (*scope.where, f"渐变 {name}"))
            elif op == "gs":
                self.ext_gstate(resource(scope.resources, "/ExtGState", str(first)), name, scope.where)
            elif op == "Tf":
                font = resource(scope.resources, "/Font", str(first))
                if font is None:
                    self.findings.add("SK612", f"引用了未定义的字体 {name}，RIP 可能报错或换用其他字体", scope.where,
                                      severity=Severity.WARNING)
                return replace(state, font=(name, font) if font is not None else None)
        return state

    # -- colour and transparency --------------------------------------------------------

    def device_colour(self, op: str, space: DeviceSpace, stroking: bool, operands: list[pikepdf.Object],
                      scope: Scope, state: _GState) -> _GState:
        if space == "rgb":
            self.findings.add("SK607", "用 RGB 颜色绘制（rg/RG 运算符）", scope.where, hint=HINT_RGB)
        return state

    def colour_space(self, op: str, stroking: bool, space: pikepdf.Object, scope: Scope, state: _GState) -> _GState:
        self.color(classify(space, scope.resources), scope.where)
        return state

    def colour(self, op: str, stroking: bool, operands: list[pikepdf.Object], pattern: pikepdf.Name | None,
               scope: Scope, state: _GState) -> _GState:
        if pattern is not None:
            self.pattern(name_text(pattern), scope)
        return state

    def color(self, info: ColorInfo, path: KeyPath) -> None:
        """Report a colour space (of the page's drawing, an image or a shading) that is not CMYK-safe."""
        if info.ink is Ink.RGB:
            self.findings.add("SK607", f"使用 RGB 颜色空间（{info.label}）", path, hint=HINT_RGB)
        elif info.ink is Ink.NON_CMYK:
            self.findings.add("SK607", f"使用非 CMYK 颜色空间（{info.label}）", path, hint=HINT_RGB)
        elif info.ink is Ink.SPOT:
            spots = "、".join(f"「{s}」" for s in info.spots)
            self.findings.add("SK608", f"使用专色 {spots}（{info.label}）", path, hint=HINT_SPOT)
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
            problems = self.doc.gstates[ident] = _transparency(gstate)
        if problems:
            self.findings.add("SK609", f"图形状态 {name} 使用了透明效果：{'、'.join(problems)}", path,
                              hint=HINT_TRANSPARENCY)

    def transparency_group(self, holder: pikepdf.Object, path: KeyPath, what: str = "") -> None:
        group = holder.get("/Group") if isinstance(holder, pikepdf.Dictionary | pikepdf.Stream) else None
        if isinstance(group, pikepdf.Dictionary) and group.get("/S") == pikepdf.Name.Transparency:
            self.findings.add("SK609", f"{what}声明了透明组（/Group /S /Transparency）；"
                              "若其中并无透明效果，多数 RIP 可照常输出，但 PDF/X-1a 不允许", path,
                              severity=Severity.WARNING, hint=HINT_TRANSPARENCY)

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
        label = font_label(font, name)
        here = (*path, f"字体 {label}")
        if not font_embedded(font):
            note = "（标准 14 字体，PDF 允许不嵌入，但印厂的 RIP 会换用自己的同名字体）" if label in STANDARD_14 else ""
            self.findings.add("SK606", f"未嵌入{note}", here, hint=HINT_FONT)
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
        return _GState(ctm=state.ctm, placed=state.placed)

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
            self.findings.add("SK609", "带软蒙版（SMask，即透明通道）", path, hint=HINT_TRANSPARENCY)
        smask_in_data = number(image.get("/SMaskInData"))
        if smask_in_data:
            self.findings.add("SK609", "带透明通道（JPEG 2000 SMaskInData）", path, hint=HINT_TRANSPARENCY)
        self.resolution(image, state, path)

    def resolution(self, image: pikepdf.Object, state: _GState, path: KeyPath) -> None:
        if not state.placed:
            return
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
        self.low_res[path] = _LowRes(ppi, message)

    # -- annotations --------------------------------------------------------------------

    def walk_annotations(self, page: pikepdf.Object, resources: pikepdf.Object | None) -> None:
        """Walk the normal appearance of every annotation that prints (Print flag set, not Hidden)."""
        annotations = page.get("/Annots") if isinstance(page, pikepdf.Dictionary) else None
        if not isinstance(annotations, pikepdf.Array):
            return
        for index, annotation in enumerate(annotations):
            if not isinstance(annotation, pikepdf.Dictionary):
                continue
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


def _transparency(gstate: pikepdf.Object) -> tuple[str, ...]:
    """What makes an ExtGState transparent (constant opacity < 1, a soft mask, a blend mode), in words."""
    problems: list[str] = []
    for key, label in (("/CA", "描边不透明度"), ("/ca", "填充不透明度")):
        alpha = number(gstate.get(key))
        if alpha is not None and alpha < 1:
            problems.append(f"{label} {alpha:g}")
    smask = gstate.get("/SMask")
    if smask is not None and not (isinstance(smask, pikepdf.Name) and str(smask) == "/None"):
        problems.append("软蒙版（SMask）")
    blend = gstate.get("/BM")
    first = blend[0] if isinstance(blend, pikepdf.Array) and len(blend) else blend
    if isinstance(first, pikepdf.Name) and str(first) not in ("/Normal", "/Compatible"):
        problems.append(f"混合模式 {name_text(first)}")
    return tuple(problems)


def _is_true(value: object) -> bool:
    return value is True


def _short(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text if len(text) <= 120 else text[:117] + "…"
