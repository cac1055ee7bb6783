"""What a page's resources say, read without walking its content: fonts, ExtGStates and colour values.

Kept apart from :mod:`signkit.preflight.content` (the walk) because each answer depends only
on one PDF object: whether a font program is embedded and what to call it, what makes an
ExtGState transparent or gives it a transfer function, and what ink a colour value makes in
its colour space — the facts the walk asks about at every ``Tf``, ``gs`` and colour operator.
"""

from __future__ import annotations

import pikepdf

from signkit.pdfkit.colorspaces import ColorInfo, Ink, name_text
from signkit.pdfkit.geometry import number
from signkit.preflight.marking import Paint

#: What to do about each kind of finding these facts lead to (said in the finding's hint).
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


def paint_of(space: ColorInfo | None, values: tuple[float, ...] | None) -> Paint:
    """The colour ``values`` (``None``: the space's initial colour) make in ``space`` (``None``: DeviceGray)."""
    label = space.label if space is not None else "DeviceGray"
    ink = space.ink if space is not None else Ink.GRAY
    clamp = tuple(min(max(v, 0.0), 1.0) for v in values) if values is not None else None
    if ink is Ink.PROCESS and label in ("DeviceCMYK", "ICCBased（CMYK）", "CalCMYK"):
        return ("cmyk", clamp if clamp is not None and len(clamp) == 4 else (0.0, 0.0, 0.0, 1.0))
    if ink is Ink.GRAY:
        return ("gray", clamp if clamp is not None and len(clamp) == 1 else (0.0,))
    if ink is Ink.REGISTRATION:
        return ("reg", clamp if clamp is not None and len(clamp) == 1 else (1.0,))
    return ("other", ())


def changes_transfer(value: object) -> bool:
    """A transfer function that changes something (``/Identity`` and ``/Default`` do not)."""
    if value is None:
        return False
    return not (isinstance(value, pikepdf.Name) and str(value) in ("/Identity", "/Default"))


def transparency_of(gstate: pikepdf.Object) -> tuple[str, ...]:
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
