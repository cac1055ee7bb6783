"""User sign files in PDF: read as CMYK vector shapes, everything that cannot print refused with its own message."""

from __future__ import annotations

import hashlib
import io
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from PIL import Image

from signkit.art.sign_files.loader import load_art
from signkit.art.sign_files.pdf_paths import bounds
from signkit.art.sign_files.results import FileProblem, VectorArt
from signkit.art.sign_files.sources import folder_signs
from signkit.diagnostics import Severity
from signkit.drawing.items import Path as PathItem
from signkit.drawing.items import Text
from signkit.render.pdf import render_pdf
from tests.art.signutil import BLACK_K, BLUE, RED, SVG, layout_with, risk_point, sign_drawing, sign_pdf, with_text
from tests.conftest import check_data, example_data
from tests.pdfcheck import colour_problems, image_xobjects


def _raw_pdf(path: Path, content: bytes, resources: Callable[[pikepdf.Pdf], Any] | None = None,
             size: tuple[float, float] = (100, 100), **save: Any) -> Path:
    """A one-page PDF with exactly ``content`` as its content stream (for what ReportLab will not write)."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=size)
    page = pdf.pages[0].obj
    page.Contents = pdf.make_stream(content)
    if resources is not None:
        page.Resources = resources(pdf)
    pdf.save(path, **save)
    return path


def _with_image(c: Any) -> None:
    from reportlab.lib.utils import ImageReader

    sign_drawing(c)
    c.drawImage(ImageReader(Image.new("RGB", (8, 8), (255, 0, 0))), 10, 40, 20, 20)


def _with_inline_image(c: Any) -> None:
    sign_drawing(c)
    c.drawInlineImage(Image.new("RGB", (8, 8), (255, 0, 0)), 10, 40, 20, 20)


def _with_gradient(c: Any) -> None:
    from reportlab.lib.colors import CMYKColor

    c.linearGradient(0, 0, 100, 134, (CMYKColor(1, 0, 0, 0), CMYKColor(0, 1, 0, 0)))


def _with_transparency(c: Any) -> None:
    c.setFillAlpha(0.5)
    sign_drawing(c)


def _past_the_page(c: Any) -> None:
    sign_drawing(c)
    c.rect(60, 60, 80, 20, stroke=0, fill=1)


def _dashed(c: Any) -> None:
    c.setDash(6, 3)
    c.line(10, 10, 90, 90)


def _round_clip(c: Any) -> None:
    clip = c.beginPath()
    clip.circle(50, 84, 40)
    c.clipPath(clip, stroke=0)
    sign_drawing(c)


def _forms_that_multiply(pdf: pikepdf.Pdf) -> Any:
    """Four levels of forms each drawing the next 60 times: 60⁴ rectangles from a few hundred bytes."""
    level = pdf.make_stream(b"0 0 1 1 re f\n", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 100, 100])
    for _ in range(4):
        level = pdf.make_stream(b"/X Do\n" * 60, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                                BBox=[0, 0, 100, 100], Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(X=level)))
    return pikepdf.Dictionary(XObject=pikepdf.Dictionary(X=level))


def _form_drawing_itself(pdf: pikepdf.Pdf) -> Any:
    form = pdf.make_stream(b"0 0 10 10 re f /X Do", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                           BBox=[0, 0, 100, 100])
    form.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(X=form))
    return pikepdf.Dictionary(XObject=pikepdf.Dictionary(X=form))


def _spot_colour(pdf: pikepdf.Pdf) -> Any:
    tint = pdf.make_stream(b"{0 exch 0 0}", FunctionType=4, Domain=[0, 1], Range=[0, 1, 0, 1, 0, 1, 0, 1])
    space = pikepdf.Array([pikepdf.Name.Separation, pikepdf.Name("/PANTONE 485 C"), pikepdf.Name.DeviceCMYK, tint])
    return pikepdf.Dictionary(ColorSpace=pikepdf.Dictionary(CS0=space))


def _flate_bomb(path: Path) -> Path:
    """A content stream of a few hundred kilobytes that inflates to 100 MB."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(100, 100))
    stream = pikepdf.Stream(pdf, zlib.compress(b" " * 100_000_000, 9))
    stream.Filter = pikepdf.Name.FlateDecode
    pdf.pages[0].obj.Contents = stream
    pdf.save(path, compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.none)
    return path


@pytest.mark.parametrize(("make", "rule", "words"), [
    (lambda d: sign_pdf(d / "有字.pdf", with_text), "SK706", "文字"),
    (lambda d: sign_pdf(d / "有图.pdf", _with_image), "SK706", "位图图像"),
    (lambda d: sign_pdf(d / "内嵌图.pdf", _with_inline_image), "SK706", "内嵌的位图"),
    (lambda d: sign_pdf(d / "渐变.pdf", _with_gradient), "SK706", "渐变"),
    (lambda d: sign_pdf(d / "半透明.pdf", _with_transparency), "SK706", "半透明"),
    (lambda d: sign_pdf(d / "出界.pdf", _past_the_page), "SK706", "超出页面"),
    (lambda d: sign_pdf(d / "虚线.pdf", _dashed), "SK706", "虚线"),
    (lambda d: sign_pdf(d / "圆形裁切.pdf", _round_clip), "SK706", "非矩形的剪切路径"),
    (lambda d: _raw_pdf(d / "专色.pdf", b"/CS0 cs 1 scn 0 0 10 10 re f", _spot_colour), "SK706", "专色"),
    (lambda d: sign_pdf(d / "两页.pdf", pages=2), "SK712", "有 2 页"),
    (lambda d: _raw_pdf(d / "加密.pdf", b"0 0 10 10 re f", encryption=pikepdf.Encryption(owner="o", user="")),
     "SK712", "加密"),
    (lambda d: _raw_pdf(d / "密码.pdf", b"0 0 10 10 re f", encryption=pikepdf.Encryption(owner="o", user="u")),
     "SK712", "打开密码"),
    (lambda d: (d / "乱码.pdf").write_bytes(bytes(range(256)) * 8) and d / "乱码.pdf", "SK703", "不是 PDF 文件"),
    (lambda d: _raw_pdf(d / "坏指令.pdf", b"10 10 l S"), "SK703", "路径没有起点"),
    (lambda d: _raw_pdf(d / "自引用.pdf", b"/X Do", _form_drawing_itself), "SK703", "循环引用"),
    (lambda d: _raw_pdf(d / "层层表单.pdf", b"/X Do", _forms_that_multiply), "SK704", "表单绘制超过 2,000 次"),
    (lambda d: _raw_pdf(d / "指令太多.pdf", b"0 0 1 1 re\n" * 25_000), "SK704", "绘图指令超过 100,000 条"),
    (lambda d: _flate_bomb(d / "压缩炸弹.pdf"), "SK704", "解压后的内容流超过"),
    (lambda d: _raw_pdf(d / "空白.pdf", b""), "SK703", "没有可印制的图形"),
])
def test_pdf_inputs_each_get_their_message(chem: dict[str, Any], tmp_path: Path, make: Any, rule: str,
                                           words: str) -> None:
    path = make(tmp_path)
    risk_point(chem)["警示标识"] = ["当心中毒", str(path)]
    risk_point(chem).pop("事故类型")
    sign_diags = [d for d in check_data(chem).diagnostics if d.rule.startswith("SK7")]
    assert [d.rule for d in sign_diags] == [rule], [d.render() for d in sign_diags]
    (diag,) = sign_diags
    assert words in diag.message and path.name in diag.message, diag.message
    assert diag.location.path == ("风险点", 0, "警示标识", 1) and diag.severity is Severity.ERROR
    assert diag.hint


def test_pdf_sign_becomes_cmyk_shapes_with_its_geometry(tmp_path: Path) -> None:
    art = load_art(sign_pdf(tmp_path / "标志.pdf"))
    assert isinstance(art, VectorArt) and (art.width, art.height) == (100, 134)
    square, ring, panel = art.shapes
    assert square.fill is not None and (square.fill.c, square.fill.m, square.fill.y, square.fill.k) == BLUE
    assert square.fill.name.startswith("PDF") and square.stroke is None
    assert ring.fill is None and ring.stroke is not None and ring.stroke_width == 8
    assert (ring.stroke.c, ring.stroke.m, ring.stroke.y, ring.stroke.k) == RED
    assert panel.fill is not None and (panel.fill.c, panel.fill.m, panel.fill.y, panel.fill.k) == BLACK_K
    # y grows downwards on the art's canvas: the square (PDF y 34–134) is on top, the panel (y 4–30) below
    assert bounds(square.segments) == pytest.approx((0, 0, 100, 100))
    assert bounds(ring.segments) == pytest.approx((20, 20, 80, 80))
    assert bounds(panel.segments) == pytest.approx((10, 104, 90, 130))


def test_pdf_forms_colours_and_page_rotation(tmp_path: Path) -> None:
    def drawing(c: Any) -> None:
        c.beginForm("f")
        c.setFillColorRGB(1, 0, 0)
        c.rect(0, 0, 10, 10, stroke=0, fill=1)
        c.endForm()
        c.translate(20, 20)
        c.scale(2, 2)
        c.doForm("f")
        c.setFillGray(0.25)
        c.rect(0, 0, 5, 5, stroke=0, fill=1)

    art = load_art(sign_pdf(tmp_path / "表单.pdf", drawing))
    assert isinstance(art, VectorArt)
    red, grey = art.shapes
    assert bounds(red.segments) == pytest.approx((20, 134 - 40, 40, 134 - 20))  # the form's /Matrix and the CTM
    assert red.fill is not None and (red.fill.c, red.fill.m, red.fill.y, red.fill.k) == (0, 1, 1, 0)  # RGB, naively
    assert grey.fill is not None and (grey.fill.c, grey.fill.m, grey.fill.y, grey.fill.k) == (0, 0, 0, 0.75)  # K
    turned = _raw_pdf(tmp_path / "转.pdf", b"0 0 0 1 k 0 0 10 10 re f", size=(100, 50))
    with pikepdf.open(turned, allow_overwriting_input=True) as pdf:
        pdf.pages[0].obj.Rotate = 90
        pdf.save(turned)
    art = load_art(turned)
    assert isinstance(art, VectorArt) and (art.width, art.height) == (50, 100)  # shown turned clockwise
    assert bounds(art.shapes[0].segments) == pytest.approx((0, 0, 10, 10))  # bottom left → top left


def test_pdf_clip_around_the_artboard_is_harmless(tmp_path: Path) -> None:
    """Exporters clip to the artboard; a rectangular clip that cuts nothing changes nothing."""
    def drawing(c: Any) -> None:
        board = c.beginPath()
        board.rect(0, 0, 100, 134)
        c.clipPath(board, stroke=0)
        sign_drawing(c)

    clipped, plain = load_art(sign_pdf(tmp_path / "裁.pdf", drawing)), load_art(sign_pdf(tmp_path / "原.pdf"))
    assert isinstance(clipped, VectorArt) and isinstance(plain, VectorArt)
    assert clipped.shapes == plain.shapes
    narrow = _raw_pdf(tmp_path / "窄.pdf", b"0 0 50 100 re W n 0 0 100 100 re f")
    problem = load_art(narrow)
    assert isinstance(problem, FileProblem) and problem.kind == "not_vector" and "剪切路径" in problem.message


def _board_operators(pdf: bytes) -> list[tuple[str, tuple[float, ...]]]:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        return [(str(op), tuple(float(v) for v in operands)) for operands, op in
                pikepdf.parse_content_stream(document.pages[0]) if str(op) in ("k", "K")]


def test_pdf_override_replaces_a_library_sign_as_vectors(chem: dict[str, Any], tmp_path: Path,
                                                         bundled_fonts: Any) -> None:
    folder = tmp_path / "标志"
    folder.mkdir()
    sign_pdf(folder / "当心中毒.pdf")
    board, frame, _ = layout_with(chem, bundled_fonts, ["当心中毒", "禁止烟火"], folder)
    assert frame.misfits == []
    items = board.pages[0].items
    texts = [i.text for i in items if isinstance(i, Text)]
    assert "禁止烟火" in texts and "当心中毒" not in texts  # the office's file is the whole sign
    own = [i for i in items if isinstance(i, PathItem) and any(c is not None and c.name.startswith("PDF")
                                                               for c in (i.fill, i.stroke))]
    assert len(own) == 3
    square, _, panel = own
    (x0, y0, x1, y1), (_, panel_top, _, _) = bounds(square.segments), bounds(panel.segments)  # type: ignore[misc]
    assert x1 - x0 == pytest.approx(y1 - y0) and panel_top > y1  # proportions kept, the right way up
    digest = hashlib.sha256((folder / "当心中毒.pdf").read_bytes()).hexdigest()
    assert f"当心中毒:{digest}" in board.content_extra
    pdf = render_pdf(board, bundled_fonts)
    assert image_xobjects(pdf) == [] and colour_problems(pdf) == []
    operators = _board_operators(pdf)
    assert ("k", BLUE) in operators and ("K", RED) in operators and ("k", BLACK_K) in operators


def test_pdf_sign_output_is_deterministic(chem: dict[str, Any], tmp_path: Path, bundled_fonts: Any) -> None:
    from signkit.art.sign_files.loader import _load_cached

    sign_pdf(tmp_path / "当心中毒.pdf")
    first, _, _ = layout_with(chem, bundled_fonts, ["当心中毒"], tmp_path)
    _load_cached.cache_clear()
    second, _, _ = layout_with(example_data(), bundled_fonts, ["当心中毒"], tmp_path)
    assert first.content_hash == second.content_hash
    assert render_pdf(first, bundled_fonts) == render_pdf(second, bundled_fonts)


def test_pdf_in_the_sign_folder_extends_the_library_by_name(chem: dict[str, Any], tmp_path: Path,
                                                            bundled_fonts: Any) -> None:
    sign_pdf(tmp_path / "当心氨气.pdf")
    board, frame, _ = layout_with(chem, bundled_fonts, ["当心氨气"], tmp_path)
    assert frame.misfits == [] and any(e.startswith("当心氨气:") for e in board.content_extra)
    (tmp_path / "当心氨气.svg").write_text(SVG, encoding="utf-8")
    assert folder_signs(tmp_path)["当心氨气"].suffix == ".svg"  # one name, two files: SVG, then PDF, then bitmaps
    assert list(folder_signs(tmp_path)) == ["当心氨气"]
