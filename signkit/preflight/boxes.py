"""Page boxes: is there a TrimBox, are the boxes nested, is the trim the 附表's size.

A print shop cuts along the TrimBox, prints up to the BleedBox and images the
MediaBox, so it needs ``TrimBox ⊆ BleedBox ⊆ MediaBox``; a CropBox that cuts into the
trim (or the bleed) hides artwork in viewers and in RIPs that honour it.  Without a
TrimBox the shop has to guess the finished size (SK603, a warning: it falls back to
the CropBox, then the MediaBox, and the size check uses that).

The finished size (the TrimBox, turned by ``/Rotate``, scaled by ``/UserUnit``) is
checked against :func:`signkit.spec.sizes.size_problem` — the 附表's minimum and,
for 2-3 and 2-6, its proportions — when the file names its 附表 in the document
information's ``/Subject`` (signkit writes the form id there) or the caller names one.
Sizes are rounded to 0.1 mm first, so writers' rounding of points does not matter.

Not checked: ArtBox, boxes of different sizes on different pages of one board
(each page is checked on its own), and whether a tiled or imposed sheet is meant.
"""

from __future__ import annotations

from dataclasses import dataclass

import pikepdf

from signkit.diagnostics import KeyPath, Severity
from signkit.pdfkit.geometry import MM, PdfRect, box_of, inside, number
from signkit.pdfkit.objects import inherited
from signkit.preflight.findings import Findings
from signkit.preflight.marking import PageFrame
from signkit.spec.sizes import size_problem


@dataclass(frozen=True)
class FormChoice:
    """Which 附表 the sizes are checked against, and who said so (for the message)."""

    form_id: str
    source: str


def _mm(box: PdfRect, unit: float) -> tuple[float, float]:
    return round((box[2] - box[0]) * unit / MM, 1), round((box[3] - box[1]) * unit / MM, 1)


def _describe(box: PdfRect, unit: float) -> str:
    width, height = _mm(box, unit)
    return f"{width:g}×{height:g} mm"


def user_unit(page: pikepdf.Object) -> float:
    """The page's ``/UserUnit`` (PDF 1.6; 1 point by default)."""
    unit = number(page.get("/UserUnit")) if isinstance(page, pikepdf.Dictionary) else None
    return unit if unit is not None and unit > 0 else 1.0


def page_frame(page: pikepdf.Object) -> PageFrame:
    """The page's MediaBox, TrimBox and BleedBox in page space (UserUnit applied), for judging marks."""
    unit = user_unit(page)

    def scaled(raw: object) -> PdfRect | None:
        box = box_of(raw)
        if box is None or box[2] - box[0] <= 0 or box[3] - box[1] <= 0:
            return None
        return box[0] * unit, box[1] * unit, box[2] * unit, box[3] * unit

    own = page if isinstance(page, pikepdf.Dictionary) else pikepdf.Dictionary()
    media = scaled(inherited(page, "/MediaBox")) or (0.0, 0.0, 0.0, 0.0)
    return PageFrame(media=media, trim=scaled(own.get("/TrimBox")), bleed=scaled(own.get("/BleedBox")))


def check_boxes(page: pikepdf.Object, path: KeyPath, findings: Findings, form: FormChoice | None, *,
                trim_expected: bool = True) -> None:
    """SK603 (no TrimBox), SK605 (nesting, invalid boxes) and SK604 (size against the 附表) for one page.

    ``trim_expected`` is false for office-printer output (proofs, tiles), printed whole and
    never cut by a shop: a missing TrimBox is then not reported.
    """
    unit = user_unit(page)
    media = box_of(inherited(page, "/MediaBox"))
    if media is None or media[2] - media[0] <= 0 or media[3] - media[1] <= 0:
        findings.add("SK605", "页面没有有效的 MediaBox，无法确定页面大小", path)
        return
    boxes: dict[str, PdfRect] = {"MediaBox": media}
    for key, raw in (("CropBox", inherited(page, "/CropBox")),
                     ("BleedBox", page.get("/BleedBox") if isinstance(page, pikepdf.Dictionary) else None),
                     ("TrimBox", page.get("/TrimBox") if isinstance(page, pikepdf.Dictionary) else None)):
        if raw is None:
            continue
        box = box_of(raw)
        if box is None:
            findings.add("SK605", f"{key} 格式不对（应为 4 个数字），按没有 {key} 处理", path)
        elif box[2] - box[0] <= 0 or box[3] - box[1] <= 0:
            findings.add("SK605", f"{key} 的面积为 0（{_describe(box, unit)}），按没有 {key} 处理", path)
        else:
            boxes[key] = box
    _check_nesting(boxes, unit, path, findings)
    trim = boxes.get("TrimBox")
    fallback = ""
    if trim is None:
        used = "CropBox" if "CropBox" in boxes else "MediaBox"
        trim = boxes[used]
        fallback = f"（没有 TrimBox，按 {used} 计）"
        if trim_expected:
                findings.add("SK603", f"页面没有 TrimBox（成品裁切框），印厂只能猜测裁切位置；按 {used} "
                         f"{_describe(trim, unit)} 计", path,
                         hint="导出时勾选“使用文档出血设置”或写入 TrimBox；signkit 生成的 PDF 总有 TrimBox")
    if form is not None:
        _check_size(page, trim, unit, form, fallback, path, findings)


def _check_nesting(boxes: dict[str, PdfRect], unit: float, path: KeyPath, findings: Findings) -> None:
    pairs = (("TrimBox", "BleedBox", Severity.ERROR), ("BleedBox", "MediaBox", Severity.ERROR),
             ("TrimBox", "MediaBox", Severity.ERROR), ("CropBox", "MediaBox", Severity.WARNING),
             ("TrimBox", "CropBox", Severity.ERROR), ("BleedBox", "CropBox", Severity.WARNING))
    for inner_key, outer_key, severity in pairs:
        inner, outer = boxes.get(inner_key), boxes.get(outer_key)
        if inner is None or outer is None or inside(inner, outer):
            continue
        if inner_key == "TrimBox" and outer_key == "MediaBox" and "BleedBox" in boxes \
                and not inside(boxes["TrimBox"], boxes["BleedBox"]):
            continue  # already said: the trim leaves the bleed
        message = f"{inner_key}（{_describe(inner, unit)}）超出了 {outer_key}（{_describe(outer, unit)}）"
        if outer_key == "CropBox":
            message += "，超出部分在阅读器中看不到，部分 RIP 也会裁掉"
        findings.add("SK605", message, path, severity=severity,
                     hint="应为 TrimBox ⊆ BleedBox ⊆ MediaBox，CropBox 不小于 BleedBox")


def _check_size(page: pikepdf.Object, trim: PdfRect, unit: float, form: FormChoice, fallback: str, path: KeyPath,
                findings: Findings) -> None:
    width, height = _mm(trim, unit)
    rotate = number(inherited(page, "/Rotate")) or 0
    if int(rotate) % 180 == 90:
        width, height = height, width
    problem = size_problem(form.form_id, width, height)
    if problem is not None:
        findings.add("SK604", f"成品尺寸不符（{form.source}）：{problem}{fallback}", path,
                     hint="按附表尺寸重新排版；用 signkit render 生成的牌卡总是合规尺寸")
