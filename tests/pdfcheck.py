"""Checking PDFs the way a print shop does: page boxes, embedded fonts, text in reading order, CMYK only.

Pure Python (pypdf, and pikepdf to parse content streams), so the checks run on any CI machine
without poppler.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

import pikepdf
from pypdf import PdfReader

MM = 72.0 / 25.4
RGB_OPERATORS = {"rg", "RG"}


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def boxes_mm(pdf: bytes, page: int = 0) -> dict[str, tuple[float, float, float, float]]:
    """MediaBox, TrimBox, BleedBox and CropBox of a page, as (x0, y0, x1, y1) in mm."""
    p = reader(pdf).pages[page]
    out = {}
    for name, box in (("media", p.mediabox), ("trim", p.trimbox), ("bleed", p.bleedbox), ("crop", p.cropbox)):
        out[name] = tuple(float(v) / MM for v in (box.left, box.bottom, box.right, box.top))
    return out  # type: ignore[return-value]


def assert_trim(pdf: bytes, width_mm: float, height_mm: float, tolerance: float = 0.1) -> None:
    """Every page's TrimBox is ``width × height`` mm within ``tolerance`` (0.1 mm)."""
    for index in range(len(reader(pdf).pages)):
        x0, y0, x1, y1 = boxes_mm(pdf, index)["trim"]
        assert abs((x1 - x0) - width_mm) <= tolerance, (index, x1 - x0, width_mm)
        assert abs((y1 - y0) - height_mm) <= tolerance, (index, y1 - y0, height_mm)


def fonts(pdf: bytes) -> list[dict[str, Any]]:
    """Like ``pdffonts``: every font resource with its name, subtype and whether it is embedded."""
    seen: dict[str, dict[str, Any]] = {}
    for page in reader(pdf).pages:
        resources = page.get("/Resources") or {}
        font_dict = resources.get("/Font") or {}
        for font_ref in font_dict.values():
            font = font_ref.get_object()
            name = str(font.get("/BaseFont"))
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            seen[name] = {"name": name, "subtype": str(font.get("/Subtype")), "embedded": embedded,
                          "unicode": "/ToUnicode" in font}
    return list(seen.values())


def assert_fonts_embedded(pdf: bytes) -> list[str]:
    """Every font is embedded and has a ToUnicode map; returns the base font names."""
    found = fonts(pdf)
    assert found, "no fonts at all"
    for font in found:
        assert font["embedded"], font
        assert font["unicode"], font
        assert "Helvetica" not in font["name"] and "Times" not in font["name"], font
    return [f["name"] for f in found]


def page_texts(pdf: bytes) -> list[str]:
    """Extracted text of each page, in reading order."""
    return [page.extract_text() for page in reader(pdf).pages]


def assert_in_order(text: str, labels: Sequence[str] | Iterable[str]) -> None:
    """Each label appears in ``text``, after the previous one."""
    position = 0
    for label in labels:
        found = text.find(label, position)
        assert found >= 0, f"「{label}」 missing after position {position} in:\n{text}"
        position = found + len(label)


def colour_problems(pdf: bytes) -> list[str]:
    """Every RGB operator or RGB colour space anywhere in the file's pages and forms."""
    problems: list[str] = []
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for number, page in enumerate(document.pages, start=1):
            for operands, operator in pikepdf.parse_content_stream(page):
                if str(operator) in RGB_OPERATORS:
                    problems.append(f"page {number}: {operator} {operands}")
            resources = page.obj.get("/Resources", {})
            for name, space in dict(resources.get("/ColorSpace", {})).items():
                text = repr(space)
                if "RGB" in text:
                    problems.append(f"page {number}: colour space {name} {text}")
            for name, shading in dict(resources.get("/Shading", {})).items():
                if shading.get("/ColorSpace") != pikepdf.Name.DeviceCMYK:
                    problems.append(f"page {number}: shading {name} in {shading.get('/ColorSpace')}")
        for obj in document.objects:
            is_image = isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == pikepdf.Name.Image
            if is_image and obj.get("/ColorSpace") == pikepdf.Name.DeviceRGB:
                problems.append("RGB image")
    return problems


def image_xobjects(pdf: bytes) -> list[str]:
    """Every image XObject in the file (pages and nested forms)."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        return [str(o.get("/ColorSpace")) for o in document.objects
                if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == pikepdf.Name.Image]
