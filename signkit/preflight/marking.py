"""What the marks on a page look like once printed: ink, overprint, thin lines, small text, the trim.

:class:`~signkit.preflight.content.PageWalker` follows the colour, overprint, line width
and text state and, at every painting operator (``f``, ``S``, ``B``… and text
showing), hands :class:`Marking` what is painted, where (the path's or the text's
position in page space) and in which colour.  This module judges it:

* **total ink** (SK614): a fill or text in CMYK whose C+M+Y+K exceeds the limit
  (default 300 %); grey is K only and never exceeds 100 %.  Images are not measured.
* **hairlines** (SK615): a stroke narrower than 0.1 mm once printed (the line width
  times the CTM's scale), or of width 0, which a RIP draws as the thinnest line the
  device can make; strokes in registration colour (crop and tile marks) are exempt.
* **small text** (SK616): text under 6 pt (font size times the text and current
  matrices' scale) whose colour is not one ink at 100 % — rich black or a tint is
  screened or printed from several plates, and misregistration blurs it.
* **white overprint** (SK617): white (CMYK 0 0 0 0, grey 1) painted while overprint is
  on (``/op`` for fills and text, ``/OP`` for strokes): it prints as nothing.
* **registration colour in the trim** (SK618): ``Separation /All`` painted inside the
  TrimBox (more than 0.1 mm in) prints on every plate; only marks outside the trim may.
* **bleed not reached** (SK619): a BleedBox more than 0.5 mm beyond the trim, while
  nothing painted (registration marks aside) reaches beyond the trim.
* **text near the trim** (SK620): text whose start (its origin, and its height above
  it) lies inside the trim but within 3 mm of an edge.  Glyph widths are not read, so
  text that *runs* towards the right edge is not seen; text starting outside the trim
  (slug notes) is not judged.

Positions are given in mm from the top-left corner of the trim (of the MediaBox
without one), y downwards, as a ruler on the printed piece reads them.  Clipping,
``/Rotate``, text rise and horizontal scaling are not followed; content inside
tiling patterns, Type3 glyphs and annotation appearances without a usable placement
is judged for ink only.  Office-printer output (proofs, tiles) is not judged for thin
lines, small text or the trim: a proof scales a board down on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass

from signkit.diagnostics import KeyPath
from signkit.pdfkit.geometry import MM, PdfRect
from signkit.preflight.findings import Findings

#: A colour as painted: its kind and components.  ``cmyk`` (4 components 0–1), ``gray`` (1, 1 = white),
#: ``reg`` (registration, tint), ``other`` (anything the other checks judge: RGB, spot, patterns).
Paint = tuple[str, tuple[float, ...]]
BLACK: Paint = ("gray", (0.0,))

DEFAULT_MAX_INK = 300.0
MIN_LINE_MM = 0.1
MIN_TEXT_PT = 6.0
SAFETY_MM = 3.0
#: How far in from the trim registration colour may reach (marks that touch the trim edge are fine).
REGISTRATION_SLACK = 0.1 * MM
#: Bleed smaller than this is not a claim of bleed; content reaching this far beyond the trim reaches it.
BLEED_CLAIM = 0.5 * MM
BLEED_REACH = 0.1 * MM

HINT_INK = "降低暗部的总墨量（如深色用 C60 M40 Y40 K100），或按印厂给的 ICC 特性文件转换"
HINT_HAIRLINE = "把线宽加到 0.1 mm（约 0.28 pt）以上；线宽 0 在高精度设备上几乎看不见"
HINT_SMALL_TEXT = "小字用 100 % K（单黑）或单色实地；不要用四色黑或网点色"
HINT_WHITE_OP = "白色对象不要设叠印（在设计软件的“属性”面板中取消叠印填充/描边）"
HINT_REGISTRATION = "套准色只用于裁切线、套准标记等成品范围外的印刷标记；画面中的黑色请用 K100"
HINT_BLEED = "把贴边的底色和图片延伸到出血线（超出裁切线 3 mm）；没有出血就不要写 BleedBox"
HINT_SAFETY = "文字离裁切线至少留 3 mm 的安全距离"


def ink_total(paint: Paint) -> float:
    """Total ink in per cent (grey counts as K)."""
    kind, values = paint
    if kind == "cmyk":
        return sum(values) * 100
    if kind == "gray" and values:
        return (1 - values[0]) * 100
    return 0.0


def is_white(paint: Paint) -> bool:
    kind, values = paint
    return (kind == "cmyk" and all(v <= 1e-6 for v in values)) or (kind == "gray" and bool(values) and values[0] >= 1 - 1e-6)


def is_solid_single(paint: Paint) -> bool:
    """One ink at 100 % (K-only grey black, or one process plate solid); other kinds are judged elsewhere."""
    kind, values = paint
    if kind == "gray":
        return bool(values) and values[0] <= 1e-6
    if kind == "cmyk":
        used = [v for v in values if v > 1e-6]
        return len(used) == 1 and used[0] >= 1 - 1e-6
    return True


def describe(paint: Paint) -> str:
    kind, values = paint
    if kind == "cmyk":
        return "C{:g} M{:g} Y{:g} K{:g}".format(*(round(v * 100, 1) for v in values))
    if kind == "gray":
        return f"K{round((1 - values[0]) * 100, 1):g}（灰度）" if values else "灰度"
    if kind == "reg":
        return "套准色"
    return "其他颜色"


def union(first: PdfRect | None, second: PdfRect) -> PdfRect:
    if first is None:
        return second
    return min(first[0], second[0]), min(first[1], second[1]), max(first[2], second[2]), max(first[3], second[3])


def overlaps_inside(box: PdfRect, frame: PdfRect, slack: float) -> bool:
    """``box`` reaches more than ``slack`` into ``frame``."""
    return (box[2] > frame[0] + slack and box[0] < frame[2] - slack
            and box[3] > frame[1] + slack and box[1] < frame[3] - slack)


@dataclass(frozen=True)
class PageFrame:
    """A page's boxes in page space (points, UserUnit applied); ``trim`` only when the page has a TrimBox."""

    media: PdfRect
    trim: PdfRect | None = None
    bleed: PdfRect | None = None


class Marking:
    """Judges the marks of one page as the walker paints them (see the module docstring)."""

    def __init__(self, findings: Findings, frame: PageFrame, *, max_ink: float, office: bool, imposed: bool) -> None:
        self.findings = findings
        self.frame = frame
        self.max_ink = max_ink
        self.office = office
        self.imposed = imposed
        #: The union of everything painted, registration colour aside; ``shaded`` when ``sh`` painted the clip.
        self.painted: PdfRect | None = None
        self.shaded = False

    def at(self, x: float, y: float) -> str:
        ref = self.frame.trim or self.frame.media
        return f"位置 x {(x - ref[0]) / MM:.1f} mm、y {(ref[3] - y) / MM:.1f} mm"

    def fill(self, paint: Paint, box: PdfRect | None, overprint: bool, where: KeyPath, what: str = "填充") -> None:
        place = f"，{self.at(box[0], box[3])}" if box is not None else ""
        total = ink_total(paint)
        if total > self.max_ink + 0.05:
            self.findings.add("SK614", f"{what}总墨量 {total:.0f} %（{describe(paint)}），超过 {self.max_ink:g} %{place}",
                              where, key=f"ink {describe(paint)} {what}", hint=HINT_INK)
        if overprint and is_white(paint):
            self.findings.add("SK617", f"白色{what}设为叠印，印出时会消失{place}", where, key=f"white {what}",
                              hint=HINT_WHITE_OP)
        self.mark(paint, box, where, what)

    def stroke(self, paint: Paint, box: PdfRect | None, width: float, overprint: bool, where: KeyPath) -> None:
        place = f"，{self.at(box[0], box[3])}" if box is not None else ""
        if overprint and is_white(paint):
            self.findings.add("SK617", f"白色描边设为叠印，印出时会消失{place}", where, key="white stroke",
                              hint=HINT_WHITE_OP)
        if box is not None and not self.office and paint[0] != "reg" and width < MIN_LINE_MM * MM - 1e-6:
            frame = self.frame.trim or self.frame.media
            if overlaps_inside(box, frame, 0):
                label = "线宽为 0（按设备最细线输出）" if width <= 1e-9 else f"线宽 {width / MM:.3f} mm"
                self.findings.add("SK615", f"细线：{label}，小于 {MIN_LINE_MM:g} mm{place}", where,
                                  key=f"hairline {label}", hint=HINT_HAIRLINE)
        if box is not None:
            half = width / 2
            box = (box[0] - half, box[1] - half, box[2] + half, box[3] + half)
        self.mark(paint, box, where, "描边")

    def text(self, paint: Paint, x: float, y: float, size: float, overprint: bool, where: KeyPath) -> None:
        box = (x, y, x, y + size * 0.7)
        self.fill(paint, box, overprint, where, "文字")
        if self.office:
            return
        place = self.at(x, y)
        if size < MIN_TEXT_PT - 1e-6 and not is_white(paint) and not is_solid_single(paint):
            self.findings.add("SK616", f"{size:.1f} pt 的小字用 {describe(paint)} 印出，{place}", where,
                              key=f"small {describe(paint)}", hint=HINT_SMALL_TEXT)
        trim = self.frame.trim
        if trim is None or not (trim[0] <= x <= trim[2] and trim[1] <= y <= trim[3]):
            return
        gap = min(x - trim[0], trim[2] - x, y - trim[1], trim[3] - (y + size * 0.7))
        if gap < SAFETY_MM * MM - 1e-6:
            self.findings.add("SK620", f"文字离裁切线只有 {max(gap, 0) / MM:.1f} mm（安全距离 {SAFETY_MM:g} mm），{place}",
                              where, key="near trim", hint=HINT_SAFETY)

    def mark(self, paint: Paint, box: PdfRect | None, where: KeyPath, what: str) -> None:
        if box is None:
            return
        if paint[0] != "reg":
            self.painted = union(self.painted, box)
            return
        trim = self.frame.trim
        if trim is not None and not self.imposed and not self.office and overlaps_inside(box, trim, REGISTRATION_SLACK):
            self.findings.add("SK618", f"成品范围内的{what}使用套准色（印在每个色版上），{self.at(box[0], box[3])}", where,
                              key=f"registration {what}", hint=HINT_REGISTRATION)

    def image(self, box: PdfRect) -> None:
        self.painted = union(self.painted, box)

    def finish(self, where: KeyPath) -> None:
        """SK619: a BleedBox that claims bleed nothing reaches."""
        trim, bleed = self.frame.trim, self.frame.bleed
        if trim is None or bleed is None or self.shaded or self.painted is None:
            return
        claims = [bleed[0] < trim[0] - BLEED_CLAIM, bleed[1] < trim[1] - BLEED_CLAIM,
                  bleed[2] > trim[2] + BLEED_CLAIM, bleed[3] > trim[3] + BLEED_CLAIM]
        if not any(claims):
            return
        p = self.painted
        reaches = [p[0] < trim[0] - BLEED_REACH, p[1] < trim[1] - BLEED_REACH,
                   p[2] > trim[2] + BLEED_REACH, p[3] > trim[3] + BLEED_REACH]
        if not any(c and r for c, r in zip(claims, reaches, strict=True)):
            width = max(trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2], bleed[3] - trim[3]) / MM
            self.findings.add("SK619", f"BleedBox 标明有 {width:.1f} mm 出血，但没有内容超出裁切线", where, hint=HINT_BLEED)
