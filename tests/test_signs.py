"""Safety signs on boards: the library against reference images, GB 2894 proportions, placement in the
2-4 cell, the accident-type table, 自动, the SK7xx rules, user sign files (SVG and PDF as vectors,
PNG/JPEG checked and in CMYK), the sign folder from the site file or ``signkit.toml``, and ``signkit signs``.

The sign references live in ``tests/refimg-signs`` (one PNG per library sign, zero tolerance, as in
``test_reference_images.py``); after a deliberate change, or when a sign is added, regenerate them
with ``pytest tests/test_signs.py --update-refs`` and review the pictures before committing.
"""

from __future__ import annotations

import hashlib
import io
import math
import struct
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from PIL import Image

from signkit.art import CATEGORIES, SIGNS, draw_sign, load_library, lookup, total_height
from signkit.art.accidents import ACCIDENT_SIGNS, ACCIDENT_TYPES, AUTO, board_signs, close_types, suggest
from signkit.art.frames import BAR_WIDTH, RING_INNER, SAFETY_RED, TRIANGLE_INNER
from signkit.art.place import ARTWORK_NOTE, arrange, capacity, catalogue, draw_signs, min_sign_width
from signkit.art.sign_files.bitmap import MAX_PIXELS, required_ppi
from signkit.art.sign_files.cmyk import naive_cmyk
from signkit.art.sign_files.loader import load_art
from signkit.art.sign_files.pdf_paths import bounds
from signkit.art.sign_files.results import FileProblem, RasterArt, VectorArt
from signkit.art.sign_files.sources import folder_signs, resolve
from signkit.diagnostics import Severity
from signkit.drawing.box import Box
from signkit.drawing.frame import Frame
from signkit.drawing.items import Board, Page, Raster, Text
from signkit.drawing.items import Path as PathItem
from signkit.drawing.text import FontMeasurer
from signkit.errors import SignkitError
from signkit.layout import risk_board
from signkit.layout.context import LayoutContext
from signkit.layout.registry import layout_board
from signkit.render.pdf import PrintSpec, render_pdf
from signkit.render.raster import rasterize
from signkit.spec.sizes import Sizing
from tests.conftest import ROOT, check_data, example_data, find, rules_of
from tests.pdfcheck import colour_problems, image_xobjects
from tests.refcompare import compare

REFS = ROOT / "tests" / "refimg-signs"
FAILURES = ROOT / "tests" / "_failures" / "signs"
#: Sign width on the reference pages (mm) and the resolution they are rasterised at.
REF_WIDTH = 40.0
REF_DPI = 150
BOARD = Sizing(1200.0, 800.0, 1.0)

Cli = Callable[..., tuple[int, str, str]]


# --- the library ---------------------------------------------------------------------


def _sign_page(fonts: Any, name: str) -> Page:
    frame = Frame(FontMeasurer(fonts))
    from signkit.art.place import draw_library_sign

    draw_library_sign(frame, SIGNS[name], Box(2, 2, REF_WIDTH, total_height(REF_WIDTH)))
    assert frame.misfits == [], name
    return Page(REF_WIDTH + 4, total_height(REF_WIDTH) + 4, tuple(frame.items), None, name)


def test_every_library_sign_matches_its_reference_image(bundled_fonts: Any, request: pytest.FixtureRequest) -> None:
    library = load_library()
    assert len(library) >= 4
    names = list(library)
    board = Board("标志", "标志", "", tuple(_sign_page(bundled_fonts, n) for n in names))
    images = rasterize(render_pdf(board, bundled_fonts, spec=PrintSpec(pdfx=False)), REF_DPI)
    update = request.config.getoption("--update-refs")
    problems: list[str] = []
    for name, image in zip(names, images, strict=True):
        problem = compare(image, REFS / f"{name}.png", update=update, label=name)
        if problem:
            problems.append(problem)
    stale = sorted(p.name for p in REFS.glob("*.png") if p.stem not in library)
    if update:
        for name in stale:
            (REFS / name).unlink()
        pytest.skip("sign reference images regenerated: review them before committing")
    assert not stale, f"reference images of signs no longer in the library: {stale}"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", [40.0, 54.0, 300.0])
def test_category_proportions(bundled_fonts: Any, width: float) -> None:
    """GB 2894: ring inner 0.8 of outer, bar 0.08 of outer; triangle inner side 0.7 of outer — reported and drawn."""
    measure = FontMeasurer(bundled_fonts)
    by_category = {spec.category: spec for spec in reversed(list(load_library().values()))}
    box = Box(10, 10, width, total_height(width))
    frame = Frame(measure)
    prohibition = draw_sign(frame, by_category["禁止"], box, min_text=1)
    assert prohibition.inner / prohibition.outer == pytest.approx(RING_INNER) == pytest.approx(0.8)
    assert prohibition.bar / prohibition.outer == pytest.approx(BAR_WIDTH) == pytest.approx(0.08)
    # the red ring as drawn: one even-odd path of two circles of those diameters
    (ring,) = [i for i in frame.items if isinstance(i, PathItem) and i.fill == SAFETY_RED and i.even_odd]
    xs = [[float(s[1]) for s in ring.segments[k:k + 5] if s[0] != "Z"] for k in (0, 6)]
    outer_d, inner_d = (max(x) - min(x) for x in xs)
    assert outer_d == pytest.approx(prohibition.outer) and inner_d / outer_d == pytest.approx(0.8)
    # the bar: a rectangle as thick as 0.08 of the outer diameter, at 45°
    (bar,) = [i for i in frame.items if isinstance(i, PathItem) and i.fill == SAFETY_RED and not i.even_odd]
    (x0, y0), (x1, y1), (x2, y2) = ((float(s[1]), float(s[2])) for s in bar.segments[:3])
    assert math.hypot(x2 - x1, y2 - y1) == pytest.approx(prohibition.outer * 0.08)
    assert math.degrees(math.atan2(y1 - y0, x1 - x0)) == pytest.approx(45)
    warning = draw_sign(Frame(measure), by_category["警告"], box, min_text=1)
    assert warning.inner / warning.outer == pytest.approx(TRIANGLE_INNER) == pytest.approx(0.7)
    assert warning.outer == pytest.approx(width)
    for category in ("指令", "提示"):
        geometry = draw_sign(Frame(measure), by_category[category], box, min_text=1)
        assert geometry.outer == pytest.approx(width * 0.96)



def test_catalogue_sheet_is_pure_vectors_with_every_sign(bundled_fonts: Any) -> None:
    board, frame = catalogue(FontMeasurer(bundled_fonts))
    assert frame.misfits == []
    assert {p.width for p in board.pages} == {210.0} and {p.height for p in board.pages} == {297.0}
    texts = "".join(i.text for p in board.pages for i in p.items if isinstance(i, Text))
    for spec in load_library().values():
        assert spec.name in texts
    for category in CATEGORIES:
        assert f"{category}标志" in texts
    assert ARTWORK_NOTE in texts and "不是 GB 2894—2025 的官方图形" in ARTWORK_NOTE
    assert "标志名称.pdf" in ARTWORK_NOTE and "[signs] folder" in ARTWORK_NOTE
    pdf = render_pdf(board, bundled_fonts, spec=PrintSpec(pdfx=False))
    assert image_xobjects(pdf) == []
    assert colour_problems(pdf) == []


# --- placement in the 2-4 cell -------------------------------------------------------


def test_minimum_sign_width_follows_the_viewing_distance() -> None:
    assert min_sign_width(2.0) == 52.5  # 2000 / 40 = 50 mm outer dimension, / 0.96 for circles and squares
    assert risk_board.SIGN_MIN_WIDTH == 52.5
    assert min_sign_width(4.0) > min_sign_width(2.0)


def test_the_minimum_board_takes_six_signs() -> None:
    area = risk_board.sign_area(BOARD)
    assert capacity(area, risk_board.SIGN_MIN_WIDTH) == 6
    assert arrange(7, area, min_width=risk_board.SIGN_MIN_WIDTH) is None
    bigger = risk_board.sign_area(Sizing(1800.0, 1200.0, 1.5))
    assert capacity(bigger, risk_board.SIGN_MIN_WIDTH) > 6


@pytest.mark.parametrize("count", range(1, 7))
def test_arrange_fits_centres_and_keeps_one_width(count: int) -> None:
    area = risk_board.sign_area(BOARD)
    placement = arrange(count, area, min_width=risk_board.SIGN_MIN_WIDTH)
    assert placement is not None and len(placement.boxes) == count
    assert {round(b.w, 9) for b in placement.boxes} == {round(placement.width, 9)}
    for box in placement.boxes:
        assert area.x - 1e-6 <= box.x and box.right <= area.right + 1e-6
        assert area.y - 1e-6 <= box.y and box.bottom <= area.bottom + 1e-6
        assert box.h == pytest.approx(total_height(box.w))
    left = min(b.x for b in placement.boxes) - area.x
    right = area.right - max(b.right for b in placement.boxes)
    assert left == pytest.approx(right)
    for a in placement.boxes:  # no overlaps
        for b in placement.boxes:
            if a is not b:
                assert a.right <= b.x + 1e-6 or b.right <= a.x + 1e-6 or a.bottom <= b.y + 1e-6 or b.bottom <= a.y + 1e-6


def test_too_many_signs_misfit_names_the_field(bundled_fonts: Any) -> None:
    frame = Frame(FontMeasurer(bundled_fonts))
    area = risk_board.sign_area(BOARD)
    signs = [(resolve("当心触电", base=Path(".")), ("风险点", 0, "警示标识", k)) for k in range(7)]
    placement, _ = draw_signs(frame, signs, area, min_width=risk_board.SIGN_MIN_WIDTH, field=("风险点", 0, "警示标识"))
    assert placement is None and frame.items == []
    (misfit,) = frame.misfits
    assert misfit.path == ("风险点", 0, "警示标识")
    assert misfit.overflow.needed_height > area.h


# --- the accident table --------------------------------------------------------------

#: Sign words → the only accident categories they may answer: keeps the table free of nonsense.
THEMES: dict[tuple[str, ...], set[str]] = {
    ("落水", "救生衣", "游泳"): {"淹溺"},
    ("触电", "合闸", "接地"): {"触电"},
    ("爆炸",): {"放炮", "火药爆炸", "瓦斯爆炸", "锅炉爆炸", "容器爆炸", "其他爆炸"},
    ("烟火", "吸烟", "火灾", "火种"): {"火灾", "火药爆炸", "瓦斯爆炸", "其他爆炸"},
    ("中毒", "防毒", "有限空间", "缺氧"): {"中毒和窒息"},
    ("坠落", "安全带", "攀登", "坑洞"): {"高处坠落"},
    ("车辆", "叉车"): {"车辆伤害"},
    ("吊物",): {"起重伤害"},
    ("机械", "夹手", "启动"): {"机械伤害"},
    ("烫伤", "高温", "腐蚀", "弧光", "辐射", "洗眼"): {"灼烫"},
    ("塌方", "冒顶"): {"坍塌", "冒顶片帮"},
    ("落物",): {"物体打击"},
    ("触摸",): {"触电", "灼烫", "机械伤害"},
    ("加锁",): {"触电", "机械伤害"},
    ("安全帽",): {"物体打击", "起重伤害", "坍塌", "冒顶片帮", "高处坠落"},
}


def test_accident_table_covers_gb6441_and_names_library_signs() -> None:
    assert len(ACCIDENT_TYPES) == 20 and set(ACCIDENT_SIGNS) == set(ACCIDENT_TYPES)
    for accident, names in ACCIDENT_SIGNS.items():
        assert len(set(names)) == len(names), accident
        for name in names:
            spec = lookup(name)
            assert spec is not None and spec.name == name, f"{accident} → {name}: not a library sign"
        if names:  # the sign that names the hazard comes first
            assert lookup(names[0]).category == "警告", accident  # type: ignore[union-attr]


def test_accident_table_has_no_nonsensical_pairs() -> None:
    assert "当心落水" not in ACCIDENT_SIGNS["触电"]
    assert "当心触电" not in ACCIDENT_SIGNS["淹溺"]
    for accident, names in ACCIDENT_SIGNS.items():
        for name in names:
            for words, allowed in THEMES.items():
                if any(word in name for word in words):
                    assert accident in allowed, f"{accident} → {name}"


def test_suggestions_are_round_robin_without_repeats() -> None:
    assert suggest(["触电"])[:2] == ["当心触电", "禁止合闸"]
    both = suggest(["触电", "火灾"])
    assert both[:2] == ["当心触电", "当心火灾"] and len(both) == len(set(both))
    assert suggest(["火药爆炸", "瓦斯爆炸"]).count("当心爆炸") == 1
    assert suggest(["透水"]) == ["注意安全"]  # no sign of its own: only the general warning
    assert suggest(["不存在"]) == []
    assert close_types("爆炸") == ["火药爆炸", "瓦斯爆炸", "锅炉爆炸", "容器爆炸", "其他爆炸"]
    assert "中毒和窒息" in close_types("中毒")


def test_auto_expands_to_the_suggestions_that_fit() -> None:
    assert [e for e, _ in board_signs([AUTO], ["触电"], 6)] == suggest(["触电"])[:6]
    expanded = board_signs(["禁止烟火", AUTO], ["火灾"], 3)
    assert expanded == [("禁止烟火", 0), ("当心火灾", 1), ("禁止吸烟", 1)]  # listed signs are not repeated
    assert board_signs(["当心触电"], ["触电"], 6) == [("当心触电", 0)]  # nothing nobody chose
    many = [f"当心{k}" for k in range(8)]
    assert len(board_signs(many, [], 6)) == 8  # named signs are never dropped (SK707 reports them)


# --- rules ---------------------------------------------------------------------------


def _point(chem: dict[str, Any], index: int = 0) -> dict[str, Any]:
    point: dict[str, Any] = chem["风险点"][index]
    return point


def test_sign_rules_are_in_the_rules_doc() -> None:
    from signkit.codes import CODES

    signs = [code for code in CODES if code.startswith("SK7")]
    assert signs == [f"SK7{n:02d}" for n in range(1, 13)]
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8").count("| SK7") == len(signs)


def test_examples_signs_are_clean(chem: dict[str, Any]) -> None:
    report = check_data(chem)
    assert not [d for d in report.diagnostics if d.rule.startswith("SK7")]


def test_unknown_sign_name_suggests_the_closest(chem: dict[str, Any]) -> None:
    _point(chem)["警示标识"] = ["当心中毒", "当心触点"]
    (diag,) = find(check_data(chem), "SK701")
    assert diag.location.path == ("风险点", 0, "警示标识", 1)
    assert "当心触点" in diag.message and diag.hint is not None and "是否想写「当心触电」" in diag.hint


def test_unknown_name_never_suggests_the_opposite_instruction(chem: dict[str, Any]) -> None:
    _point(chem)["警示标识"] = ["禁止戴防护手套"]
    (diag,) = find(check_data(chem), "SK701")
    assert "必须" not in (diag.hint or "")


def test_too_many_signs_is_a_located_error(chem: dict[str, Any]) -> None:
    names = [s for s in load_library() if s.startswith("当心")][:7]
    _point(chem, 1)["警示标识"] = names
    (diag,) = find(check_data(chem), "SK707")
    assert diag.severity is Severity.ERROR and diag.location.path == ("风险点", 1, "警示标识")
    assert "7 个" in diag.message and "最多放 6 个" in diag.message and "输出.尺寸" in (diag.hint or "")
    chem["输出"] = {"尺寸": {"2-4": "1800×1200"}}
    assert "SK707" not in rules_of(check_data(chem))


def test_accident_types_unknown_and_unanswered(chem: dict[str, Any]) -> None:
    point = _point(chem, 3)  # 成品仓库: 当心车辆, 当心落物
    point["事故类型"] = ["车辆伤害", "触电", "爆炸"]
    report = check_data(chem)
    (unanswered,) = find(report, "SK708")
    assert unanswered.severity is Severity.WARNING and unanswered.location.path == ("风险点", 3, "事故类型", 1)
    assert "当心触电" in unanswered.message
    (unknown,) = find(report, "SK709")
    assert unknown.location.path == ("风险点", 3, "事故类型", 2) and "瓦斯爆炸" in (unknown.hint or "")


def test_auto_without_accident_types(chem: dict[str, Any]) -> None:
    point = _point(chem, 3)
    point["警示标识"] = AUTO
    point.pop("事故类型", None)
    (diag,) = find(check_data(chem), "SK710")
    assert diag.location.path == ("风险点", 3, "警示标识")


def test_auto_prints_the_suggestions_that_fit(chem: dict[str, Any], bundled_fonts: Any) -> None:
    point = _point(chem, 3)
    point["警示标识"] = ["当心车辆", AUTO]
    point["事故类型"] = ["车辆伤害", "触电"]
    report = check_data(chem)
    assert report.ok(strict=True), [d.render() for d in report.diagnostics]
    assert report.site is not None
    planned = [p for p in report.plan if p.form_id == "2-4"][3]
    board, frame = layout_board(LayoutContext(report.site, FontMeasurer(bundled_fonts)), planned, BOARD)
    assert frame.misfits == []
    texts = [t.text for t in board.pages[0].items if isinstance(t, Text)]
    expected = [e for e, _ in board_signs(["当心车辆", AUTO], ["车辆伤害", "触电"], 6)]
    assert expected[:3] == ["当心车辆", "当心触电", "禁止合闸"]
    assert [t for t in texts if t in expected] == expected
    assert AUTO not in texts


# --- user sign files -----------------------------------------------------------------

SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="100" height="134" viewBox="0 0 100 134">
  <rect x="0" y="0" width="100" height="100" fill="#0000ff"/>
  <circle cx="50" cy="50" r="30" fill="none" stroke="#ff0000" stroke-width="8"/>
  <path d="M10 110 L90 110 L90 130 L10 130 Z" fill="rgb(0,0,0)"/>
</svg>
"""


def _png_header(width: int, height: int) -> bytes:
    """A PNG that claims ``width × height`` pixels (header only: a decompression bomb in miniature)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 16)) + chunk(b"IEND", b"")


def _png(path: Path, size: tuple[int, int], colour: tuple[int, int, int] = (255, 0, 0)) -> Path:
    Image.new("RGB", size, colour).save(path)
    return path


@pytest.mark.parametrize(("make", "rule", "words"), [
    (lambda d: d / "没有这个文件.png", "SK702", "不存在"),
    (lambda d: (d / "假图.png").write_bytes(b"this is not a picture") and d / "假图.png", "SK703", "不是有效的图片"),
    (lambda d: (d / "炸弹.png").write_bytes(_png_header(20_000, 20_000)) and d / "炸弹.png", "SK704", "百万像素"),
    (lambda d: _png(d / "太小.png", (20, 27)), "SK705", "ppi"),
    (lambda d: (d / "坏的.pdf").write_bytes(b"%PDF-1.4\n") and d / "坏的.pdf", "SK703", "不是有效的 PDF"),
    (lambda d: (d / "有字.svg").write_text(SVG.replace("</svg>", "<text x='5' y='20'>字</text></svg>"),
                                           encoding="utf-8") and d / "有字.svg", "SK706", "文字"),
])
def test_image_inputs_each_get_their_message(chem: dict[str, Any], tmp_path: Path, make: Any, rule: str,
                                             words: str) -> None:
    path = make(tmp_path)
    _point(chem)["警示标识"] = ["当心中毒", str(path)]
    _point(chem).pop("事故类型")
    report = check_data(chem)
    sign_diags = [d for d in report.diagnostics if d.rule.startswith("SK7")]
    assert [d.rule for d in sign_diags] == [rule], [d.render() for d in sign_diags]
    (diag,) = sign_diags
    assert words in diag.message and diag.location.path == ("风险点", 0, "警示标识", 1)
    assert diag.severity is (Severity.WARNING if rule == "SK705" else Severity.ERROR)


# --- PDF sign files ------------------------------------------------------------------

#: The sign drawn in the PDFs below: a blue square on top, a red ring stroked on it, a black panel under it.
BLUE, RED, BLACK_K = (1.0, 1.0, 0.0, 0.0), (0.0, 1.0, 1.0, 0.0), (0.0, 0.0, 0.0, 1.0)


def _sign_drawing(c: Any) -> None:
    from reportlab.lib.colors import CMYKColor

    c.setFillColor(CMYKColor(*BLUE))
    c.rect(0, 34, 100, 100, stroke=0, fill=1)
    c.setStrokeColor(CMYKColor(*RED))
    c.setLineWidth(8)
    c.circle(50, 84, 30, stroke=1, fill=0)
    c.setFillColor(CMYKColor(*BLACK_K))
    panel = c.beginPath()
    panel.moveTo(10, 4)
    panel.lineTo(90, 4)
    panel.lineTo(90, 30)
    panel.lineTo(10, 30)
    panel.close()
    c.drawPath(panel, stroke=0, fill=1)


def _pdf_bytes(draw: Callable[[Any], None] = _sign_drawing, pages: int = 1,
               size: tuple[float, float] = (100, 134)) -> bytes:
    """A PDF made with ReportLab (deterministic: ``invariant``), ``draw`` on each of ``pages`` pages."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=size, invariant=1)
    for _ in range(pages):
        draw(c)
        c.showPage()
    c.save()
    return out.getvalue()


def _pdf(path: Path, draw: Callable[[Any], None] = _sign_drawing, pages: int = 1) -> Path:
    path.write_bytes(_pdf_bytes(draw, pages))
    return path


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


def _with_text(c: Any) -> None:
    _sign_drawing(c)
    c.drawString(20, 10, "Danger")


def _with_image(c: Any) -> None:
    from reportlab.lib.utils import ImageReader

    _sign_drawing(c)
    c.drawImage(ImageReader(Image.new("RGB", (8, 8), (255, 0, 0))), 10, 40, 20, 20)


def _with_inline_image(c: Any) -> None:
    _sign_drawing(c)
    c.drawInlineImage(Image.new("RGB", (8, 8), (255, 0, 0)), 10, 40, 20, 20)


def _with_gradient(c: Any) -> None:
    from reportlab.lib.colors import CMYKColor

    c.linearGradient(0, 0, 100, 134, (CMYKColor(1, 0, 0, 0), CMYKColor(0, 1, 0, 0)))


def _with_transparency(c: Any) -> None:
    c.setFillAlpha(0.5)
    _sign_drawing(c)


def _past_the_page(c: Any) -> None:
    _sign_drawing(c)
    c.rect(60, 60, 80, 20, stroke=0, fill=1)


def _dashed(c: Any) -> None:
    c.setDash(6, 3)
    c.line(10, 10, 90, 90)


def _round_clip(c: Any) -> None:
    clip = c.beginPath()
    clip.circle(50, 84, 40)
    c.clipPath(clip, stroke=0)
    _sign_drawing(c)


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
    (lambda d: _pdf(d / "有字.pdf", _with_text), "SK706", "文字"),
    (lambda d: _pdf(d / "有图.pdf", _with_image), "SK706", "位图图像"),
    (lambda d: _pdf(d / "内嵌图.pdf", _with_inline_image), "SK706", "内嵌的位图"),
    (lambda d: _pdf(d / "渐变.pdf", _with_gradient), "SK706", "渐变"),
    (lambda d: _pdf(d / "半透明.pdf", _with_transparency), "SK706", "半透明"),
    (lambda d: _pdf(d / "出界.pdf", _past_the_page), "SK706", "超出页面"),
    (lambda d: _pdf(d / "虚线.pdf", _dashed), "SK706", "虚线"),
    (lambda d: _pdf(d / "圆形裁切.pdf", _round_clip), "SK706", "非矩形的剪切路径"),
    (lambda d: _raw_pdf(d / "专色.pdf", b"/CS0 cs 1 scn 0 0 10 10 re f", _spot_colour), "SK706", "专色"),
    (lambda d: _pdf(d / "两页.pdf", pages=2), "SK712", "有 2 页"),
    (lambda d: _raw_pdf(d / "加密.pdf", b"0 0 10 10 re f", encryption=pikepdf.Encryption(owner="o", user="")),
     "SK712", "加密"),
    (lambda d: _raw_pdf(d / "密码.pdf", b"0 0 10 10 re f", encryption=pikepdf.Encryption(owner="o", user="u")),
     "SK712", "打开密码"),
    (lambda d: (d / "乱码.pdf").write_bytes(bytes(range(256)) * 8) and d / "乱码.pdf", "SK703", "不是 PDF 文件"),
    (lambda d: _raw_pdf(d / "坏指令.pdf", b"10 10 l S"), "SK703", "路径没有起点"),
    (lambda d: _raw_pdf(d / "自引用.pdf", b"/X Do", _form_drawing_itself), "SK703", "循环引用"),
    (lambda d: _raw_pdf(d / "层层表单.pdf", b"/X Do", _forms_that_multiply), "SK704", "绘图指令超过"),
    (lambda d: _flate_bomb(d / "压缩炸弹.pdf"), "SK704", "解压后的内容流超过"),
    (lambda d: _raw_pdf(d / "空白.pdf", b""), "SK703", "没有可印制的图形"),
])
def test_pdf_inputs_each_get_their_message(chem: dict[str, Any], tmp_path: Path, make: Any, rule: str,
                                           words: str) -> None:
    path = make(tmp_path)
    _point(chem)["警示标识"] = ["当心中毒", str(path)]
    _point(chem).pop("事故类型")
    sign_diags = [d for d in check_data(chem).diagnostics if d.rule.startswith("SK7")]
    assert [d.rule for d in sign_diags] == [rule], [d.render() for d in sign_diags]
    (diag,) = sign_diags
    assert words in diag.message and path.name in diag.message, diag.message
    assert diag.location.path == ("风险点", 0, "警示标识", 1) and diag.severity is Severity.ERROR
    assert diag.hint


def test_pdf_sign_becomes_cmyk_shapes_with_its_geometry(tmp_path: Path) -> None:
    art = load_art(_pdf(tmp_path / "标志.pdf"))
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

    art = load_art(_pdf(tmp_path / "表单.pdf", drawing))
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
        _sign_drawing(c)

    clipped, plain = load_art(_pdf(tmp_path / "裁.pdf", drawing)), load_art(_pdf(tmp_path / "原.pdf"))
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
    _pdf(folder / "当心中毒.pdf")
    board, frame, _ = _layout_with(chem, bundled_fonts, ["当心中毒", "禁止烟火"], folder)
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

    _pdf(tmp_path / "当心中毒.pdf")
    first, _, _ = _layout_with(chem, bundled_fonts, ["当心中毒"], tmp_path)
    _load_cached.cache_clear()
    second, _, _ = _layout_with(example_data(), bundled_fonts, ["当心中毒"], tmp_path)
    assert first.content_hash == second.content_hash
    assert render_pdf(first, bundled_fonts) == render_pdf(second, bundled_fonts)


def test_pdf_in_the_sign_folder_extends_the_library_by_name(chem: dict[str, Any], tmp_path: Path,
                                                            bundled_fonts: Any) -> None:
    _pdf(tmp_path / "当心氨气.pdf")
    board, frame, _ = _layout_with(chem, bundled_fonts, ["当心氨气"], tmp_path)
    assert frame.misfits == [] and any(e.startswith("当心氨气:") for e in board.content_extra)
    (tmp_path / "当心氨气.svg").write_text(SVG, encoding="utf-8")
    assert folder_signs(tmp_path)["当心氨气"].suffix == ".svg"  # one name, two files: SVG, then PDF, then bitmaps
    assert list(folder_signs(tmp_path)) == ["当心氨气"]


# --- the sign folder in signkit.toml ---------------------------------------------------------


def _config(folder: Path, value: str) -> Path:
    path = folder / "signkit.toml"
    path.write_text(f'[fonts]\nmode = "bundled"\n\n[signs]\nfolder = "{value}"\n', encoding="utf-8")
    return path


def test_config_names_the_sign_folder_relative_to_itself(tmp_path: Path) -> None:
    from signkit.pipeline.config import load_config

    settings = load_config(_config(tmp_path, "官方标志"))
    assert settings.sign_folder is not None
    assert settings.sign_folder.path == tmp_path / "官方标志" and settings.sign_folder.path.is_absolute()
    assert settings.sign_folder.location.line == 5 and settings.sign_folder.location.path == ("signs", "folder")
    bad = tmp_path / "bad.toml"
    bad.write_text("[signs]\nfoldr = \"x\"\n", encoding="utf-8")
    with pytest.raises(SignkitError) as raised:
        load_config(bad)
    (diag,) = raised.value.diagnostics
    assert "signs.foldr" in diag.message and diag.location.line == 2


def test_config_sign_folder_serves_site_files_without_one(chem: dict[str, Any], tmp_path: Path,
                                                         bundled_fonts: Any) -> None:
    from signkit.pipeline.check import check_text
    from signkit.pipeline.config import load_config
    from tests.conftest import dump

    official = tmp_path / "官方标志"
    official.mkdir()
    _pdf(official / "当心中毒.pdf")
    configured = load_config(_config(tmp_path, "官方标志")).sign_folder
    _point(chem)["警示标识"] = ["当心中毒"]
    site_dir = tmp_path / "企业"
    site_dir.mkdir()
    report = check_text(dump(chem), str(site_dir / "site.yaml"), fonts=bundled_fonts, layout=True,
                        sign_folder=configured)
    assert report.ok(), [d.render() for d in report.diagnostics]
    assert report.site is not None and report.site.output.sign_folder == str(official)
    plain = check_text(dump(chem), str(site_dir / "site.yaml"), fonts=bundled_fonts, layout=True)
    assert plain.stamps != report.stamps  # the 2-4 board with the office's sign prints something else
    # the site file's own folder wins over the config's
    own = site_dir / "本厂标志"
    own.mkdir()
    chem["输出"] = {"标志文件夹": "本厂标志"}
    report = check_text(dump(chem), str(site_dir / "site.yaml"), sign_folder=configured)
    assert report.site is not None and report.site.output.sign_folder == "本厂标志"


def test_missing_config_sign_folder_is_located_in_the_config(chem: dict[str, Any], tmp_path: Path) -> None:
    from signkit.pipeline.check import check_text
    from signkit.pipeline.config import load_config
    from tests.conftest import dump

    config = _config(tmp_path, "没有")
    report = check_text(dump(chem), str(tmp_path / "site.yaml"), sign_folder=load_config(config).sign_folder)
    (diag,) = find(report, "SK711")
    assert diag.location.file == str(config) and diag.location.line == 5 and "「没有」不存在" in diag.message


def test_check_command_uses_the_config_sign_folder(cli: Cli, chem: dict[str, Any], tmp_path: Path) -> None:
    from tests.conftest import dump

    official = tmp_path / "官方标志"
    official.mkdir()
    _pdf(official / "当心中毒.pdf", _with_text)  # a file the check must see to complain about
    config = _config(tmp_path, "官方标志")
    _point(chem)["警示标识"] = ["当心中毒"]
    site = tmp_path / "site.yaml"
    site.write_text(dump(chem), encoding="utf-8")
    code, out, _ = cli("check", str(site), "--config", str(config), "--no-layout", "-q")
    assert code == 1 and "SK706" in out and "当心中毒.pdf" in out
    code, out, _ = cli("check", str(site), "--fonts", "bundled", "--no-layout", "-q")
    assert "SK706" not in out


def test_diff_command_uses_the_config_sign_folder(cli: Cli, chem: dict[str, Any], tmp_path: Path) -> None:
    """diff must see the boards render makes: with the config's folder, its sign files count."""
    from tests.conftest import dump

    official = tmp_path / "官方标志"
    official.mkdir()
    _pdf(official / "当心中毒.pdf", _with_text)
    config = _config(tmp_path, "官方标志")
    _point(chem)["警示标识"] = ["当心中毒"]
    site = tmp_path / "site.yaml"
    site.write_text(dump(chem), encoding="utf-8")
    code, out, _ = cli("diff", str(site), str(site), "--config", str(config))
    assert code == 2 and "SK706" in out and "当心中毒.pdf" in out
    code, out, _ = cli("diff", str(site), str(site), "--fonts", "bundled")
    assert code == 0 and "SK706" not in out


def test_config_sign_folder_is_part_of_the_input_hash(tmp_path: Path, bundled_fonts: Any) -> None:
    from signkit.pipeline.config import load_config
    from signkit.pipeline.incremental import input_hash
    from signkit.pipeline.options import RenderOptions

    configured = load_config(_config(tmp_path, "官方标志")).sign_folder
    assert input_hash(b"x", RenderOptions(), bundled_fonts) != input_hash(b"x", RenderOptions(sign_folder=configured),
                                                                    bundled_fonts)


def test_decompression_bomb_is_refused_before_decoding(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(_png_header(10_000, 10_000))
    problem = load_art(bomb)
    assert isinstance(problem, FileProblem) and problem.kind == "too_large"
    assert MAX_PIXELS < 10_000 * 10_000


def test_required_resolution_is_one_pixel_per_arc_minute() -> None:
    assert required_ppi(2.0) == 44
    assert required_ppi(0.5) > required_ppi(2.0)


def test_naive_cmyk_keeps_safety_colours() -> None:
    assert naive_cmyk(1, 0, 0) == (0, 1, 1, 0)
    assert naive_cmyk(0, 0, 0) == (0, 0, 0, 1)
    assert naive_cmyk(1, 1, 1) == (0, 0, 0, 0)
    assert naive_cmyk(0.5, 0, 0) == (0, 1, 1, 0.5)


def _layout_with(chem: dict[str, Any], fonts: Any, signs: list[str], folder: Path | None = None,
                 index: int = 0) -> tuple[Board, Frame, Any]:
    _point(chem, index)["警示标识"] = signs
    if folder is not None:
        chem["输出"] = {"标志文件夹": str(folder)}
    report = check_data(chem)
    assert report.ok(), [d.render() for d in report.diagnostics]
    assert report.site is not None
    planned = [p for p in report.plan if p.form_id == "2-4"][index]
    board, frame = layout_board(LayoutContext(report.site, FontMeasurer(fonts)), planned, BOARD)
    return board, frame, report


def test_svg_override_replaces_a_library_sign_as_vectors(chem: dict[str, Any], tmp_path: Path,
                                                         bundled_fonts: Any) -> None:
    folder = tmp_path / "标志"
    folder.mkdir()
    (folder / "当心中毒.svg").write_text(SVG, encoding="utf-8")
    art = load_art(folder / "当心中毒.svg")
    assert isinstance(art, VectorArt) and len(art.shapes) == 3
    board, frame, _ = _layout_with(chem, bundled_fonts, ["当心中毒", "禁止烟火"], folder)
    assert frame.misfits == []
    items = board.pages[0].items
    texts = [i.text for i in items if isinstance(i, Text)]
    assert "禁止烟火" in texts and "当心中毒" not in texts  # the office's file is the whole sign
    fills = {(i.fill.c, i.fill.m, i.fill.y, i.fill.k) for i in items if isinstance(i, PathItem) and i.fill}
    assert (1, 1, 0, 0) in fills  # the SVG's blue, converted to CMYK
    strokes = [i for i in items if isinstance(i, PathItem) and i.stroke and i.stroke.name.startswith("SVG")]
    assert [(s.stroke.c, s.stroke.m, s.stroke.y, s.stroke.k) for s in strokes] == [(0, 1, 1, 0)]  # type: ignore[union-attr]
    assert any(e.startswith("当心中毒:") for e in board.content_extra)
    assert not [i for i in items if isinstance(i, Raster)]
    pdf = render_pdf(board, bundled_fonts)
    assert image_xobjects(pdf) == []
    assert colour_problems(pdf) == []


def test_svg_given_as_a_path_draws_in_its_sign_box(chem: dict[str, Any], tmp_path: Path, bundled_fonts: Any) -> None:
    path = tmp_path / "自绘.svg"
    path.write_text(SVG, encoding="utf-8")
    board, _, _ = _layout_with(chem, bundled_fonts, [str(path)])
    paths = [i for i in board.pages[0].items if isinstance(i, PathItem) and i.fill and i.fill.name.startswith("SVG")]
    area = risk_board.sign_area(BOARD)
    xs = [float(s[k]) for p in paths for s in p.segments for k in range(1, len(s), 2)]
    ys = [float(s[k]) for p in paths for s in p.segments for k in range(2, len(s), 2)]
    assert area.x <= min(xs) and max(xs) <= area.right and area.y <= min(ys) and max(ys) <= area.bottom


def test_png_sign_is_embedded_in_cmyk(chem: dict[str, Any], tmp_path: Path, bundled_fonts: Any) -> None:
    path = _png(tmp_path / "当心.png", (400, 536), (255, 0, 0))
    art = load_art(path)
    assert isinstance(art, RasterArt) and art.pixels == (400, 536)
    board, frame, _ = _layout_with(chem, bundled_fonts, [str(path), "当心中毒"])
    assert frame.misfits == []
    (raster,) = [i for i in board.pages[0].items if isinstance(i, Raster)]
    assert len(raster.pixels) == raster.size[0] * raster.size[1] * 4
    assert raster.pixels[:4] == bytes((0, 255, 255, 0))  # pure red → M + Y
    pdf = render_pdf(board, bundled_fonts)
    assert image_xobjects(pdf) == ["/DeviceCMYK"]
    assert colour_problems(pdf) == []


def test_relative_paths_start_from_the_site_files_folder(chem: dict[str, Any], tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from signkit.pipeline.check import check_path
    from tests.conftest import dump

    (tmp_path / "标志").mkdir()
    (tmp_path / "标志" / "当心氨气.svg").write_text(SVG, encoding="utf-8")
    _point(chem)["警示标识"] = ["当心中毒", "当心爆炸", "标志/当心氨气.svg"]
    chem["输出"] = {"标志文件夹": "标志"}
    site = tmp_path / "site.yaml"
    site.write_text(dump(chem), encoding="utf-8")
    monkeypatch.chdir(ROOT)  # not the site file's folder
    report = check_path(site)
    assert not [d for d in report.diagnostics if d.rule.startswith("SK7")], [d.render() for d in report.diagnostics]


def test_sign_folder_must_exist(chem: dict[str, Any], tmp_path: Path) -> None:
    chem["输出"] = {"标志文件夹": str(tmp_path / "没有")}
    (diag,) = find(check_data(chem), "SK711")
    assert diag.location.path == ("输出", "标志文件夹")


def test_folder_signs_extend_the_library_by_file_name(chem: dict[str, Any], tmp_path: Path,
                                                      bundled_fonts: Any) -> None:
    (tmp_path / "当心氨气.svg").write_text(SVG, encoding="utf-8")
    board, frame, _ = _layout_with(chem, bundled_fonts, ["当心氨气"], tmp_path)
    assert frame.misfits == [] and any(e.startswith("当心氨气:") for e in board.content_extra)


def test_a_folder_named_like_a_sign_file_is_an_error_not_the_library_drawing(chem: dict[str, Any],
                                                                             tmp_path: Path) -> None:
    (tmp_path / "当心中毒.pdf").mkdir()
    chem["输出"] = {"标志文件夹": str(tmp_path)}
    _point(chem)["警示标识"] = ["当心中毒"]
    report = check_data(chem)
    problems = [d for d in report.diagnostics if d.is_error and "当心中毒.pdf" in d.message]
    assert problems and problems[0].location.path[-2:] == ("警示标识", 0)


# --- the command ---------------------------------------------------------------------


def test_signs_command_lists_suggests_and_writes_a_catalogue(cli: Cli, tmp_path: Path) -> None:
    code, out, _ = cli("signs")
    assert code == 0 and "当心触电" in out and "警告标志" in out
    assert out.rstrip().endswith(ARTWORK_NOTE)
    code, out, _ = cli("signs", "--for", "触电")
    assert code == 0 and out.index("当心触电") < out.index("禁止合闸")
    code, out, _ = cli("signs", "--json")
    import json

    data = json.loads(out)
    assert {d["name"] for d in data} == set(load_library())
    assert next(d for d in data if d["name"] == "当心触电")["accidents"] == ["触电"]
    code, _, err = cli("signs", "--for", "爆炸")
    assert code == 2 and "瓦斯爆炸" in err
    target = tmp_path / "目录.pdf"
    code, out, _ = cli("signs", "--pdf", str(target), "--fonts", "bundled")
    assert code == 0 and target.read_bytes().startswith(b"%PDF")
    assert image_xobjects(target.read_bytes()) == []


@pytest.mark.parametrize("name", ["当心中毒.svg", "当心中毒.pdf", "当心中毒.png"])
def test_an_empty_sign_file_is_called_empty(tmp_path: Path, name: str) -> None:
    empty = tmp_path / name
    empty.write_bytes(b"")
    problem = load_art(empty)
    assert isinstance(problem, FileProblem) and problem.kind == "not_image" and "空文件" in problem.message
