"""``signkit preflight``: each fault is caught on a small hand-made bad PDF, and signkit's own output passes."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf
import pytest
import typer
from PIL import Image
from reportlab.lib.colors import CMYKColor, CMYKColorSep
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from typer.testing import CliRunner

from signkit.cli import preflight_cmd
from signkit.diagnostics import Diagnostic, Severity
from signkit.pdfkit.colorspaces import Ink, classify
from signkit.preflight import preflight_path, preflight_pdf
from tests.conftest import SMALL

MM = 72.0 / 25.4
SIDE = 100 * MM  # a 100 × 100 mm page

Draw = Callable[[Canvas], None]


def canvas_pdf(draw: Draw | None = None, *, trim: bool = True, subject: str | None = None,
               size: tuple[float, float] = (SIDE, SIDE)) -> bytes:
    """A one-page ReportLab PDF: CMYK black square unless ``draw`` says otherwise, TrimBox = page."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size, invariant=1)
    if trim:
        canvas.setTrimBox((0, 0, *size))
    if subject:
        canvas.setSubject(subject)
    if draw is None:
        canvas.setFillColor(CMYKColor(0, 0, 0, 1))
        canvas.rect(10, 10, 50, 50, stroke=0, fill=1)
    else:
        draw(canvas)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def edit(pdf: bytes, change: Callable[[pikepdf.Pdf], None], **save: Any) -> bytes:
    """``pdf`` after ``change`` was applied with pikepdf."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        change(document)
        out = io.BytesIO()
        document.save(out, **save)
    return out.getvalue()


def content_pdf(content: bytes, resources: Callable[[pikepdf.Pdf], pikepdf.Dictionary] | None = None) -> bytes:
    """A 100 × 100 mm page with TrimBox whose content stream is ``content``."""
    document = pikepdf.new()
    document.add_blank_page(page_size=(SIDE, SIDE))
    page = document.pages[0].obj
    page.TrimBox = pikepdf.Array([0, 0, SIDE, SIDE])
    page.Contents = document.make_stream(content)
    page.Resources = resources(document) if resources else pikepdf.Dictionary()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def rules(diagnostics: list[Diagnostic]) -> set[str]:
    return {d.rule for d in diagnostics}


def only(diagnostics: list[Diagnostic], rule: str) -> list[Diagnostic]:
    return [d for d in diagnostics if d.rule == rule]


def problems(diagnostics: list[Diagnostic]) -> list[str]:
    """Errors and warnings, rendered: what must be empty for a clean file."""
    return [d.render() for d in diagnostics if d.severity is not Severity.INFO]


def rgb_image(width: int, height: int, mode: str = "RGB") -> ImageReader:
    return ImageReader(Image.new(mode, (width, height), (200, 30, 30, 128)[: len(mode)]))


# -- a clean file, and signkit's own output ------------------------------------------------


def test_clean_cmyk_page_has_only_notes() -> None:
    found = preflight_pdf(canvas_pdf(), "clean.pdf")
    assert problems(found) == []
    # a foreign file: no 附表 stated (size not checked) and no PDF/X keys — both only notes
    assert rules(found) == {"SK604", "SK611"}
    assert all(d.severity is Severity.INFO for d in found)


def test_signkit_output_passes(rendered_examples: Any) -> None:
    out, _outcome = rendered_examples
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    files = [entry["file"] for enterprise in manifest["enterprises"] for entry in enterprise["files"]]
    assert len(files) > 20
    for file in files:
        found, unreadable = preflight_path(out / file, name=file)
        assert not unreadable
        assert found == [], [d.render() for d in found]  # the form id is stated: sizes were checked too


def test_signkit_output_with_bleed_and_marks_passes(bundled_fonts: Any) -> None:
    from signkit.pipeline.build import build_site
    from signkit.pipeline.check import check_path
    from signkit.pipeline.options import RenderOptions

    report = check_path(SMALL, fonts=bundled_fonts)
    assert report.site is not None and report.source is not None
    result = build_site(report.site, report.source, bundled_fonts, RenderOptions(producer="政府", bleed=3, marks=True))
    assert result.ok and result.boards
    for built in result.boards:
        with pikepdf.open(io.BytesIO(built.pdf)) as document:
            spaces = document.pages[0].Resources.get("/ColorSpace")
            assert spaces is not None and "/All" in spaces  # the marks really are in registration colour
        assert preflight_pdf(built.pdf, "marks.pdf") == []


def test_render_pdf_with_bleed_and_marks(bundled_fonts: Any) -> None:
    from signkit.drawing.items import Board, Color, Gradient, Page, Rect, Text
    from signkit.render.pdf import PrintSpec, render_pdf

    black = Color("黑", 0, 0, 0, 1)
    page = Page(105, 148, (Rect(10, 10, 85, 20, fill=black), Text(12, 60, "岗位风险告知卡", 6, "title", black)),
                background=Gradient(Color("天蓝", 0.5, 0.1, 0, 0), Color("白", 0, 0, 0, 0)))
    board = Board("2-5", "岗位风险告知卡", "电工", (page, page))
    pdf = render_pdf(board, bundled_fonts, spec=PrintSpec(bleed=3, marks=True))
    assert preflight_pdf(pdf, "card.pdf") == []


# -- each fault ---------------------------------------------------------------------------


def test_rgb_fill_is_an_error_located_on_its_page() -> None:
    def draw(c: Canvas) -> None:
        c.setFillColorRGB(1, 0, 0)
        c.rect(0, 0, 10, 10, fill=1)
        c.rect(20, 0, 10, 10, fill=1)

    found = only(preflight_pdf(canvas_pdf(draw), "rgb.pdf"), "SK607")
    assert len(found) == 1  # repeats are merged, with a count
    diag = found[0]
    assert diag.severity is Severity.ERROR and diag.location.path == ("第 1 页",)
    assert diag.render().startswith("rgb.pdf: 错误：第 1 页 用 RGB 颜色绘制")
    assert diag.render().split("\n")[0].endswith("[SK607]")


def test_grey_is_fine() -> None:
    def draw(c: Canvas) -> None:
        c.setFillGray(0.3)
        c.setStrokeGray(0)
        c.rect(0, 0, 10, 10, fill=1)

    assert problems(preflight_pdf(canvas_pdf(draw), "grey.pdf")) == []


def test_rgb_image_and_inline_image() -> None:
    def draw(c: Canvas) -> None:
        c.drawImage(rgb_image(300, 300), 0, 0, 50, 50)
        c.drawInlineImage(Image.new("RGB", (300, 300)), 100, 100, 50, 50)

    found = only(preflight_pdf(canvas_pdf(draw), "img.pdf"), "SK607")
    paths = [d.location.path for d in found]
    assert len(found) == 2
    assert paths[0][0] == "第 1 页" and str(paths[0][1]).startswith("图像 ")
    assert paths[1] == ("第 1 页", "内嵌图像 1")
    assert "DeviceRGB" in found[0].message


def test_cmyk_and_grey_images_are_fine() -> None:
    def draw(c: Canvas) -> None:
        c.drawImage(ImageReader(Image.new("CMYK", (300, 300))), 0, 0, 50, 50)
        c.drawImage(ImageReader(Image.new("L", (300, 300))), 60, 0, 50, 50)

    assert problems(preflight_pdf(canvas_pdf(draw), "img.pdf")) == []


def test_spot_colour_is_a_warning() -> None:
    def draw(c: Canvas) -> None:
        c.setFillColor(CMYKColorSep(0, 0.5, 1, 0, spotName="PANTONE 021 C"))
        c.rect(0, 0, 10, 10, fill=1)

    found = only(preflight_pdf(canvas_pdf(draw), "spot.pdf"), "SK608")
    assert len(found) == 1 and found[0].severity is Severity.WARNING
    assert "PANTONE 021 C" in found[0].message


def test_registration_marks_pass() -> None:
    def draw(c: Canvas) -> None:
        c.setStrokeColor(CMYKColorSep(1, 1, 1, 1, spotName="All"))
        c.line(0, 0, 10, 10)

    def trim_inside(document: pikepdf.Pdf) -> None:  # the mark sits in the slug, outside the trim
        document.pages[0].obj.TrimBox = pikepdf.Array([20, 20, SIDE, SIDE])

    assert problems(preflight_pdf(edit(canvas_pdf(draw), trim_inside), "marks.pdf")) == []


def test_fill_alpha_is_transparency() -> None:
    def draw(c: Canvas) -> None:
        c.setFillColor(CMYKColor(0, 0, 0, 1))
        c.setFillAlpha(0.5)
        c.rect(0, 0, 10, 10, fill=1)

    found = only(preflight_pdf(canvas_pdf(draw), "alpha.pdf"), "SK609")
    assert len(found) == 1 and found[0].is_error and "填充不透明度 0.5" in found[0].message


def test_image_with_alpha_channel_is_transparency() -> None:
    def draw(c: Canvas) -> None:
        c.drawImage(rgb_image(300, 300, "RGBA"), 0, 0, 50, 50, mask="auto")

    found = preflight_pdf(canvas_pdf(draw), "rgba.pdf")
    assert any(d.rule == "SK609" and "SMask" in d.message for d in found)


def test_blend_mode_and_page_group() -> None:
    def change(document: pikepdf.Pdf) -> None:
        page = document.pages[0].obj
        page.Group = pikepdf.Dictionary(S=pikepdf.Name.Transparency, CS=pikepdf.Name.DeviceCMYK)

    pdf = content_pdf(b"/GS0 gs 0 0 0 1 k 0 0 10 10 re f",
                      lambda d: pikepdf.Dictionary(ExtGState=pikepdf.Dictionary(GS0=pikepdf.Dictionary(BM=pikepdf.Name.Multiply))))
    found = only(preflight_pdf(edit(pdf, change), "blend.pdf"), "SK609")
    assert {d.severity for d in found} == {Severity.ERROR, Severity.WARNING}
    assert any("混合模式 Multiply" in d.message for d in found)
    assert any("透明组" in d.message and d.severity is Severity.WARNING for d in found)


def test_missing_trimbox_is_a_warning() -> None:
    found = only(preflight_pdf(canvas_pdf(trim=False), "notrim.pdf"), "SK603")
    assert len(found) == 1 and found[0].severity is Severity.WARNING
    assert "MediaBox 100×100 mm" in found[0].message


def test_wrong_size_for_layout() -> None:
    pdf = canvas_pdf()
    assert only(preflight_pdf(pdf, "a.pdf", layout="2-2"), "SK604")[0].is_error
    message = only(preflight_pdf(pdf, "a.pdf", layout="2-2"), "SK604")[0].message
    assert "1200×800" in message and "100×100" in message
    # the form id the file states (signkit writes it as the Subject) is used without --layout
    stated = only(preflight_pdf(canvas_pdf(subject="2-3"), "post.pdf"), "SK604")
    assert stated and stated[0].is_error and "附表 2-3" in stated[0].message and "Subject" in stated[0].message
    # the regulation's 2-3 grows only in proportion
    odd = canvas_pdf(size=(700 * MM, 900 * MM))
    assert "比例" in only(preflight_pdf(odd, "a.pdf", layout="2-3"), "SK604")[0].message
    # a right-sized page passes
    a6 = canvas_pdf(size=(105 * MM, 148 * MM), subject="2-5")
    assert problems(preflight_pdf(a6, "card.pdf")) == []


def test_layout_overrides_the_stated_form() -> None:
    found = preflight_pdf(canvas_pdf(subject="2-5"), "a.pdf", layout="2-2")  # fine as a 2-5 card
    notes = [d for d in found if d.rule == "SK604" and d.severity is Severity.INFO]
    assert notes and "2-5" in notes[0].message
    assert any(d.rule == "SK604" and d.is_error and "附表 2-2" in d.message for d in found)


def test_unknown_layout_is_a_caller_error() -> None:
    with pytest.raises(ValueError, match="未知的附表"):
        preflight_pdf(canvas_pdf(), "a.pdf", layout="9-9")


def test_boxes_not_nested() -> None:
    def change(document: pikepdf.Pdf) -> None:
        page = document.pages[0].obj
        page.BleedBox = pikepdf.Array([10, 10, 100, 100])  # smaller than the trim
        page.CropBox = pikepdf.Array([0, 0, SIDE + 50, SIDE])  # wider than the media

    found = only(preflight_pdf(edit(canvas_pdf(), change), "boxes.pdf"), "SK605")
    messages = " | ".join(d.message for d in found)
    assert "TrimBox（100×100 mm）超出了 BleedBox" in messages
    assert "CropBox" in messages and "超出了 MediaBox" in messages
    assert any(d.is_error for d in found)


def test_unembedded_helvetica() -> None:
    def draw(c: Canvas) -> None:
        c.drawString(10, 10, "Hello")

    found = only(preflight_pdf(canvas_pdf(draw), "font.pdf"), "SK606")
    assert len(found) == 1 and found[0].is_error
    assert found[0].location.path == ("第 1 页", "字体 Helvetica")
    assert "标准 14 字体" in found[0].message


def test_unembedded_chinese_cid_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

    def draw(c: Canvas) -> None:
        c.setFont("STSong-Light", 12)
        c.drawString(10, 10, "安全生产")

    found = only(preflight_pdf(canvas_pdf(draw), "cid.pdf"), "SK606")
    assert [d.location.path[1] for d in found] == ["字体 STSong-Light"]


def test_fonts_selected_but_unused_or_invisible_are_not_reported() -> None:
    def draw(c: Canvas) -> None:
        text = c.beginText(10, 10)
        text.setTextRenderMode(3)  # invisible, as an OCR layer
        text.textOut("hidden")
        c.drawText(text)

    # ReportLab selects Helvetica at the top of every page even when nothing is written
    assert "SK606" not in rules(preflight_pdf(canvas_pdf(), "a.pdf"))
    assert "SK606" not in rules(preflight_pdf(canvas_pdf(draw), "a.pdf"))


def test_type3_font_counts_as_embedded() -> None:
    def resources(document: pikepdf.Pdf) -> pikepdf.Dictionary:
        glyph = document.make_stream(b"1000 0 0 0 750 750 d1 0 0 750 750 re f")
        font = pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type3, FontBBox=[0, 0, 750, 750],
            FontMatrix=[0.001, 0, 0, 0.001, 0, 0], CharProcs=pikepdf.Dictionary(square=glyph),
            Encoding=pikepdf.Dictionary(Type=pikepdf.Name.Encoding, Differences=[65, pikepdf.Name.square]),
            FirstChar=65, LastChar=65, Widths=[1000])
        return pikepdf.Dictionary(Font=pikepdf.Dictionary(T3=document.make_indirect(font)))

    found = preflight_pdf(content_pdf(b"BT /T3 12 Tf 10 10 Td (A) Tj ET", resources), "t3.pdf")
    assert problems(found) == []


def test_encrypted_with_permissions_only() -> None:
    pdf = edit(canvas_pdf(), lambda _d: None, encryption=pikepdf.Encryption(owner="owner", user=""))
    found = preflight_pdf(pdf, "locked.pdf")
    assert only(found, "SK602")[0].is_error
    assert "SK607" not in rules(found)  # still readable: the rest was checked


def test_encrypted_with_password() -> None:
    pdf = edit(canvas_pdf(), lambda _d: None, encryption=pikepdf.Encryption(owner="owner", user="secret"))
    found = preflight_pdf(pdf, "secret.pdf")
    assert rules(found) == {"SK602"} and "密码" in found[0].message


def test_text_file_renamed_pdf_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    path.write_text("这不是 PDF\n", encoding="utf-8")
    found, unreadable = preflight_path(path)
    assert unreadable and rules(found) == {"SK601"}
    assert found[0].location.file == str(path) and "不是 PDF" in found[0].message
    png = tmp_path / "picture.pdf"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    found, unreadable = preflight_path(png)
    assert unreadable and "PNG" in found[0].message


@pytest.mark.parametrize("kind", ["missing", "folder", "empty", "broken"])
def test_unreadable_paths(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "x.pdf"
    if kind == "folder":
        path.mkdir()
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "broken":
        path.write_bytes(b"%PDF-1.4\nnothing useful here\n")
    found, unreadable = preflight_path(path)
    assert unreadable and rules(found) == {"SK601"}


def test_repaired_damage_is_a_warning() -> None:
    pdf = canvas_pdf()
    found, unreadable = preflight_path_bytes(pdf[: pdf.rindex(b"startxref")])
    assert not unreadable
    damaged = only(found, "SK612")
    assert damaged and damaged[0].severity is Severity.WARNING


def preflight_path_bytes(data: bytes) -> tuple[list[Diagnostic], bool]:
    from signkit.preflight.checks import _preflight

    return _preflight(data, "damaged.pdf", None, 100)


def test_low_resolution_image_placed_large() -> None:
    def draw(c: Canvas) -> None:
        c.drawImage(ImageReader(Image.new("CMYK", (40, 40))), 0, 0, 80 * MM, 80 * MM)  # ≈ 13 ppi
        c.drawImage(ImageReader(Image.new("CMYK", (400, 400))), 0, 0, 50 * MM, 50 * MM)  # ≈ 203 ppi

    found = preflight_pdf(canvas_pdf(draw), "lowres.pdf")  # below half of 100 ppi: an error
    assert "SK610" not in rules(found)
    found = only(found, "SK625")
    assert len(found) == 1 and found[0].severity is Severity.ERROR
    assert "40×40 像素" in found[0].message and "80×80 mm" in found[0].message and "13 ppi" in found[0].message
    assert "位置 x 0.0 mm、y 20.0 mm" in found[0].message  # its top-left corner, from the trim's
    assert str(found[0].location.path[1]).startswith("图像 ")
    warned = preflight_pdf(canvas_pdf(draw), "lowres.pdf", min_dpi=20)  # 13 ppi is above half of 20: a warning
    assert rules(warned) >= {"SK610"} and "SK625" not in rules(warned)
    assert only(warned, "SK610")[0].severity is Severity.WARNING
    assert not rules(preflight_pdf(canvas_pdf(draw), "lowres.pdf", min_dpi=10)) & {"SK610", "SK625"}


def test_resolution_follows_the_ctm_through_forms() -> None:
    def draw(c: Canvas) -> None:
        c.beginForm("logo")
        c.drawImage(ImageReader(Image.new("CMYK", (100, 100))), 0, 0, 10 * MM, 10 * MM)  # 254 ppi as drawn
        c.endForm()
        c.saveState()
        c.scale(8, 8)  # …but placed 80 mm wide: 32 ppi
        c.doForm("logo")
        c.restoreState()

    found = only(preflight_pdf(canvas_pdf(draw), "form.pdf"), "SK625")
    assert len(found) == 1 and "32 ppi" in found[0].message
    assert str(found[0].location.path[1]).startswith("表单 ")


def test_user_unit_scales_the_page() -> None:
    def change(document: pikepdf.Pdf) -> None:
        document.pages[0].obj.UserUnit = 10  # the page is now 1000 × 1000 mm

    found = only(preflight_pdf(edit(canvas_pdf(subject="2-2"), change), "big.pdf"), "SK604")
    assert len(found) == 1 and "1000×1000 mm 小于最小尺寸 1200×800 mm" in found[0].message


def test_annotation_appearance_in_rgb() -> None:
    def change(document: pikepdf.Pdf) -> None:
        appearance = document.make_stream(b"1 0 0 rg 0 0 10 10 re f")
        appearance.BBox = [0, 0, 10, 10]
        appearance.Subtype = pikepdf.Name.Form
        annotation = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Square, Rect=[0, 0, 10, 10],
                                        F=4, AP=pikepdf.Dictionary(N=appearance))
        document.pages[0].obj.Annots = pikepdf.Array([document.make_indirect(annotation)])

    found = only(preflight_pdf(edit(canvas_pdf(), change), "annot.pdf"), "SK607")
    assert [d.location.path for d in found] == [("第 1 页", "批注 1（Square）")]


def test_shading_and_colour_space_resources() -> None:
    def resources(document: pikepdf.Pdf) -> pikepdf.Dictionary:
        function = pikepdf.Dictionary(FunctionType=2, Domain=[0, 1], C0=[1, 0, 0], C1=[0, 0, 1], N=1)
        shading = pikepdf.Dictionary(ShadingType=2, ColorSpace=pikepdf.Name.DeviceRGB, Coords=[0, 0, 100, 0],
                                     Function=function)
        icc = document.make_stream(b"\0" * 16)
        icc.N = 3
        return pikepdf.Dictionary(Shading=pikepdf.Dictionary(Sh0=shading),
                                  ColorSpace=pikepdf.Dictionary(CS0=pikepdf.Array([pikepdf.Name.ICCBased, icc])))

    found = only(preflight_pdf(content_pdf(b"/Sh0 sh /CS0 cs 1 0 0 scn 0 0 5 5 re f", resources), "sh.pdf"), "SK607")
    assert {d.location.path for d in found} == {("第 1 页", "渐变 Sh0"), ("第 1 页",)}
    assert any("ICCBased（RGB）" in d.message for d in found)


def test_form_that_draws_itself_does_not_hang() -> None:
    def resources(document: pikepdf.Pdf) -> pikepdf.Dictionary:
        form = document.make_stream(b"/Fm0 Do")
        form.Subtype = pikepdf.Name.Form
        form.BBox = [0, 0, 10, 10]
        form = document.make_indirect(form)
        form.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm0=form))
        return pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm0=form))

    found = only(preflight_pdf(content_pdf(b"/Fm0 Do", resources), "loop.pdf"), "SK612")
    assert found and "循环" in found[0].message


def test_forms_multiplying_each_other_stop_at_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    from signkit.preflight import content

    monkeypatch.setattr(content, "LIMITS", dataclasses.replace(content.LIMITS, operators=2_000))

    def resources(document: pikepdf.Pdf) -> pikepdf.Dictionary:
        inner: pikepdf.Object = document.make_stream(b"1 0 0 rg 0 0 1 1 re f")
        for _level in range(6):  # each level draws the one below ten times: 10^6 leaves
            inner.Subtype = pikepdf.Name.Form
            inner.BBox = [0, 0, 1, 1]
            outer = document.make_stream(b"q /X Do Q " * 10)
            outer.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(X=document.make_indirect(inner)))
            inner = outer
        inner.Subtype = pikepdf.Name.Form
        inner.BBox = [0, 0, 1, 1]
        return pikepdf.Dictionary(XObject=pikepdf.Dictionary(X=document.make_indirect(inner)))

    found = preflight_pdf(content_pdf(b"/X Do", resources), "bomb.pdf")
    assert any(d.rule == "SK613" and "2,000 个的检查上限" in d.message and d.is_error for d in found)
    assert "SK607" in rules(found)  # what was seen before giving up is still reported


def test_pdfx_keys_note() -> None:
    found = only(preflight_pdf(canvas_pdf(), "a.pdf"), "SK611")
    assert found and found[0].severity is Severity.INFO and "PDF/X 输出意图未写入" in found[0].message


@pytest.mark.parametrize(("space", "ink"), [
    (pikepdf.Name.DeviceRGB, Ink.RGB),
    (pikepdf.Name.DeviceCMYK, Ink.PROCESS),
    (pikepdf.Name.DeviceGray, Ink.GRAY),
    (pikepdf.Array([pikepdf.Name.CalRGB, pikepdf.Dictionary()]), Ink.RGB),
    (pikepdf.Array([pikepdf.Name.Lab, pikepdf.Dictionary()]), Ink.NON_CMYK),
    (pikepdf.Array([pikepdf.Name.Indexed, pikepdf.Name.DeviceRGB, 1, b"\0\0\0\1\1\1"]), Ink.RGB),
    (pikepdf.Array([pikepdf.Name.Separation, pikepdf.Name.All, pikepdf.Name.DeviceCMYK, pikepdf.Dictionary()]),
     Ink.REGISTRATION),
    (pikepdf.Array([pikepdf.Name.Separation, pikepdf.Name("/None"), pikepdf.Name.DeviceCMYK, pikepdf.Dictionary()]),
     Ink.NONE),
    (pikepdf.Array([pikepdf.Name.Separation, pikepdf.Name.Cyan, pikepdf.Name.DeviceCMYK, pikepdf.Dictionary()]),
     Ink.PROCESS),
    (pikepdf.Array([pikepdf.Name.Separation, pikepdf.Name("/Gold"), pikepdf.Name.DeviceCMYK, pikepdf.Dictionary()]),
     Ink.SPOT),
    (pikepdf.Array([pikepdf.Name.DeviceN, [pikepdf.Name.Cyan, pikepdf.Name.Black], pikepdf.Name.DeviceCMYK,
                    pikepdf.Dictionary()]), Ink.PROCESS),
    (pikepdf.Array([pikepdf.Name.DeviceN, [pikepdf.Name.Cyan, pikepdf.Name("/Gold")], pikepdf.Name.DeviceCMYK,
                    pikepdf.Dictionary()]), Ink.SPOT),
    (pikepdf.Name("/CS9"), Ink.UNKNOWN),
])
def test_colour_space_classes(space: pikepdf.Object, ink: Ink) -> None:
    assert classify(space, pikepdf.Dictionary()).ink is ink


def test_rule_table() -> None:
    from signkit.codes import CODES

    assert [code for code in CODES if code.startswith("SK6")] == [f"SK6{n:02d}" for n in range(1, 26)]


# -- the command --------------------------------------------------------------------------


@pytest.fixture
def run() -> Callable[..., tuple[int, str]]:
    app = typer.Typer()
    app.command("preflight")(preflight_cmd.preflight)
    app.command("other", hidden=True)(lambda: None)  # keeps "preflight" a subcommand
    runner = CliRunner()

    def invoke(*args: str) -> tuple[int, str]:
        result = runner.invoke(app, ["preflight", *args])
        return result.exit_code, result.output

    return invoke


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_cli_exit_codes(run: Callable[..., tuple[int, str]], tmp_path: Path) -> None:
    clean = _write(tmp_path, "clean.pdf", canvas_pdf())
    code, out = run(clean)
    assert code == 0 and out.strip().endswith("全部通过")
    rgb = _write(tmp_path, "rgb.pdf", canvas_pdf(lambda c: c.setFillColorRGB(1, 0, 0) or c.rect(0, 0, 5, 5, fill=1)))
    code, out = run(clean, rgb)
    assert code == 1 and f"{rgb}: 错误：第 1 页 用 RGB 颜色绘制" in out and "[SK607]" in out
    notrim = _write(tmp_path, "notrim.pdf", canvas_pdf(trim=False))
    assert run(notrim)[0] == 0
    assert run("--strict", notrim)[0] == 1
    text = _write(tmp_path, "text.pdf", b"hello")
    assert run(clean, text)[0] == 2


def test_cli_layout_and_dpi_options(run: Callable[..., tuple[int, str]], tmp_path: Path) -> None:
    clean = _write(tmp_path, "clean.pdf", canvas_pdf())
    code, out = run("--layout", "2-2", clean)
    assert code == 1 and "[SK604]" in out
    code, out = run("--layout", "9-9", clean)
    assert code == 2 and "未知的附表编号" in out


def test_cli_json_and_github(run: Callable[..., tuple[int, str]], tmp_path: Path) -> None:
    alpha = _write(tmp_path, "alpha.pdf", canvas_pdf(lambda c: c.setFillAlpha(0.3) or c.rect(0, 0, 5, 5, fill=1)))
    code, out = run("--format", "json", alpha)
    document = json.loads(out)
    assert code == 1
    entry = document["files"][0]
    assert entry["file"] == alpha and entry["readable"] and not entry["ok"]
    located = [d for d in entry["diagnostics"] if d["rule"] == "SK609"]
    assert located[0]["location"]["path_parts"] == ["第 1 页"]
    code, out = run("--format", "github", alpha)
    assert code == 1 and out.startswith("::") and "title=SK609" in out
    code, out = run("--format", "sarif", alpha)  # the CI formats of check serve a print shop's pipeline too
    assert code == 1 and "SK609" in [r["ruleId"] for r in json.loads(out)["runs"][0]["results"]]
    code, out = run("--format", "junit", alpha)
    assert code == 1 and '<failure type="SK609"' in out


def test_cli_max_ink_and_new_rules_in_every_format(run: Callable[..., tuple[int, str]], tmp_path: Path) -> None:
    from tests.preflight.test_corpus import Page

    rich = _write(tmp_path, "rich.pdf", Page(content=b"0.7 0.6 0.6 1 k 20 20 30 30 re f").build())  # 290 %
    assert run(rich)[0] == 0
    code, out = run("--max-ink", "280", rich)
    assert code == 1 and "总墨量 290 %" in out and "位置 x 7.1 mm、y 82.4 mm" in out and "[SK614]" in out
    code, out = run("--max-ink", "280", "--format", "json", rich)
    assert code == 1 and [d["rule"] for d in json.loads(out)["files"][0]["diagnostics"]
                          if d["severity"] == "error"] == ["SK614"]
    code, out = run("--max-ink", "280", "--format", "github", rich)
    assert code == 1 and "title=SK614" in out
    assert run("--max-ink", "500", rich)[0] == 2


def test_a_font_resource_that_is_a_number_is_reported_not_a_crash() -> None:
    """A damaged file whose /Font entry is a bare number (pikepdf gives a Python int): found by the fuzzer."""
    pdf = content_pdf(b"BT /F1 12 Tf 10 10 Td (A) Tj ET",
                      lambda doc: pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=5)))
    found = preflight_pdf(pdf, "damaged.pdf")
    assert "SK606" in rules(found), [d.render() for d in found]  # not embedded: what the print shop must hear
