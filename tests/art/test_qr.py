"""QR codes: drawn as vectors, decodable from the rasterised board, only where the user gave an address,
and only when their modules are big enough to scan from the board's viewing distance."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pikepdf
import pytest
import zxingcpp

from signkit.art.qr import matrix
from signkit.diagnostics import Severity
from signkit.drawing.colors import WHITE
from signkit.drawing.items import Board, Rect, Text
from signkit.drawing.items import Path as VectorPath
from signkit.drawing.text import FontMeasurer
from signkit.layout import bulletin, risk_board
from signkit.layout.context import LayoutContext
from signkit.model.region import resolve_region
from signkit.render.raster import rasterize
from signkit.spec.sizes import Sizing
from tests.conftest import CHEMICAL, SMALL, check_data, example_data, find, rules_of

URL = "https://jubao.example.org/dingxiang"


def _entry(out: Path, enterprise_prefix: str, form: str) -> bytes:
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for enterprise in manifest["enterprises"]:
        if enterprise["enterprise"].startswith(enterprise_prefix):
            (entry,) = [f for f in enterprise["files"] if f["form"] == form]
            return (out / entry["file"]).read_bytes()
    raise AssertionError(enterprise_prefix)


def test_bulletins_carry_a_scannable_code(rendered_examples: Any) -> None:
    out, _ = rendered_examples
    for form in ("2-6", "2-7"):
        pdf = _entry(out, "定襄县", form)
        (image,) = rasterize(pdf, 30)
        found = zxingcpp.read_barcodes(image)
        assert [code.text for code in found] == [URL]


def test_code_is_vectors_not_an_image(rendered_examples: Any) -> None:
    out, _ = rendered_examples
    with pikepdf.open(io.BytesIO(_entry(out, "定襄县", "2-6"))) as document:
        xobjects = dict(document.pages[0].obj.Resources.get("/XObject", {}))
        assert not [x for x in xobjects.values() if x.get("/Subtype") == pikepdf.Name.Image]


def test_no_address_no_code(rendered_examples: Any) -> None:
    out, _ = rendered_examples
    (image,) = rasterize(_entry(out, "忻州晋原", "2-6"), 30)
    assert zxingcpp.read_barcodes(image) == []


def test_address_is_part_of_the_content_hash(bundled_fonts: Any) -> None:
    from signkit.pipeline.check import check_text
    from tests.conftest import dump

    data = example_data(SMALL)
    before = check_text(dump(data), "a.yaml", fonts=bundled_fonts, layout=True)
    data["地区"]["举报网址"] = URL + "/v2"
    after = check_text(dump(data), "a.yaml", fonts=bundled_fonts, layout=True)
    changed = {b.form_id for b, x, y in zip(before.plan, before.stamps, after.stamps, strict=True) if x != y}
    assert changed == {"2-6", "2-7"}


def test_quiet_zone_and_module_size(bundled_fonts: Any) -> None:
    from signkit.art.qr import QUIET, draw_qr
    from signkit.drawing.box import Box
    from signkit.drawing.frame import Frame
    from signkit.drawing.items import Path as VectorPath
    from signkit.drawing.items import Rect
    from signkit.drawing.text import FontMeasurer

    frame = Frame(FontMeasurer(bundled_fonts))
    module = draw_qr(frame, URL, Box(0, 0, 200, 300))
    count = len(matrix(URL))
    (paper,) = [i for i in frame.items if isinstance(i, Rect)]
    assert paper.w == paper.h == 200 and abs(module * (count + 2 * QUIET) - 200) < 1e-9
    (modules,) = [i for i in frame.items if isinstance(i, VectorPath)]
    xs = [float(seg[1]) for seg in modules.segments if seg[0] == "M"]  # type: ignore[arg-type]
    assert min(xs) >= paper.x + QUIET * module - 1e-9
    assert check_data(example_data(CHEMICAL)).site is not None


# --- 2-4: the enterprise's risk-information page -------------------------------------------

RISK_URL = "https://jinyuan.example.com/fengxian"  # examples/chemical-plant.yaml
BOARD_2_4 = Sizing(1200.0, 800.0, 1.0)
BULLETIN = Sizing(3000.0, 1500.0, 1.0)


def _entries(out: Path, enterprise_prefix: str, form: str) -> list[bytes]:
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    (enterprise,) = [e for e in manifest["enterprises"] if e["enterprise"].startswith(enterprise_prefix)]
    return [(out / f["file"]).read_bytes() for f in enterprise["files"] if f["form"] == form]


def _layout(data: dict[str, Any], fonts: Any, form: str, index: int = 0) -> Board:
    from signkit.layout.registry import layout_board

    report = check_data(data)
    assert report.site is not None and report.ok(), [d.render() for d in report.diagnostics]
    planned = [p for p in report.plan if p.form_id == form][index]
    sizing = BOARD_2_4 if form == "2-4" else BULLETIN
    board, frame = layout_board(LayoutContext(report.site, FontMeasurer(fonts)), planned, sizing)
    assert frame.misfits == []
    return board


def _decoded(board: Board, fonts: Any, dpi: float = 30) -> list[str]:
    from signkit.render.pdf import render_pdf

    (image,) = rasterize(render_pdf(board, fonts), dpi)
    return [code.text for code in zxingcpp.read_barcodes(image)]


def test_every_risk_board_carries_the_risk_information_code(rendered_examples: Any) -> None:
    out, _ = rendered_examples
    pdfs = _entries(out, "忻州晋原", "2-4")
    assert len(pdfs) == 4
    for pdf in pdfs:
        (image,) = rasterize(pdf, 30)  # about 3.8 px a module
        assert [code.text for code in zxingcpp.read_barcodes(image)] == [RISK_URL]
        with pikepdf.open(io.BytesIO(pdf)) as document:
            xobjects = dict(document.pages[0].obj.Resources.get("/XObject", {}))
            assert not [x for x in xobjects.values() if x.get("/Subtype") == pikepdf.Name.Image]


def test_no_risk_information_address_no_code_and_no_caption(rendered_examples: Any, bundled_fonts: Any) -> None:
    out, _ = rendered_examples
    for pdf in _entries(out, "定襄县", "2-4"):  # the small example gives no 风险信息网址
        (image,) = rasterize(pdf, 30)
        assert zxingcpp.read_barcodes(image) == []
    data = example_data(CHEMICAL)
    del data["企业"]["风险信息网址"]
    board = _layout(data, bundled_fonts, "2-4")
    texts = [t.text for t in board.pages[0].items if isinstance(t, Text)]
    assert not {"扫码查看", "风险信息"} & set(texts)
    box = risk_board.qr_box(BOARD_2_4)
    assert not [i for i in board.pages[0].items if isinstance(i, Rect) and i.fill == WHITE and i.w == box.w]
    modules_drawn = [i for i in board.pages[0].items if isinstance(i, VectorPath)
                     and any(seg[0] == "M" and float(seg[1]) >= box.x for seg in i.segments)]  # type: ignore[arg-type]
    assert modules_drawn == []
    assert not [x for x in board.content_extra if x.startswith("二维码:")]


def test_risk_code_sits_in_the_title_band_and_leaves_the_grid_alone(bundled_fonts: Any) -> None:
    with_code = _layout(example_data(CHEMICAL), bundled_fonts, "2-4")
    data = example_data(CHEMICAL)
    del data["企业"]["风险信息网址"]
    without = _layout(data, bundled_fonts, "2-4")

    def grid(board: Board) -> list[Rect]:
        return [i for i in board.pages[0].items if isinstance(i, Rect) and i.stroke is not None]

    def body(board: Board) -> list[tuple[str, float, float, float]]:
        top = risk_board.MARGIN + risk_board.TITLE_HEIGHT
        return [(t.text, t.x, t.baseline, t.size) for t in board.pages[0].items
                if isinstance(t, Text) and t.baseline > top and "内容" not in t.text]

    assert grid(with_code) == grid(without)  # every rule of the table where it was
    assert body(with_code) == body(without)  # and every label and value
    box = risk_board.qr_box(BOARD_2_4)
    grid_top = min(r.y for r in grid(with_code))
    assert box.bottom < grid_top and box.y > risk_board.MARGIN - 1e-9 and box.right <= BOARD_2_4.width - risk_board.MARGIN
    (paper,) = [i for i in with_code.pages[0].items if isinstance(i, Rect) and i.fill == WHITE and i.w == box.w]
    assert (paper.x, paper.y, paper.w) == pytest.approx((box.x, box.y, box.w))
    title = next(t for t in with_code.pages[0].items if isinstance(t, Text) and t.text == risk_board.TITLE)
    caption = [t for t in with_code.pages[0].items if isinstance(t, Text) and t.text in ("扫码查看", "风险信息")]
    assert len(caption) == 2 and all(t.x + 1e-6 >= title.x + title.size for t in caption)
    assert all(t.size >= risk_board.MIN_TEXT for t in caption)
    # the title stays centred on the board, only smaller
    measure = FontMeasurer(bundled_fonts)
    width = measure.width(title.text, title.size, title.role, title.letter_spacing)
    assert abs(title.x + width / 2 - BOARD_2_4.width / 2) < 1.0
    assert f"二维码:{RISK_URL}" in with_code.content_extra


def test_risk_address_changes_the_risk_boards_hashes_only(bundled_fonts: Any) -> None:
    from signkit.pipeline.check import check_text
    from tests.conftest import dump

    data = example_data(CHEMICAL)
    before = check_text(dump(data), "a.yaml", fonts=bundled_fonts, layout=True)
    data["企业"]["风险信息网址"] = RISK_URL + "/2026"
    after = check_text(dump(data), "a.yaml", fonts=bundled_fonts, layout=True)
    changed = [b.form_id for b, x, y in zip(before.plan, before.stamps, after.stamps, strict=True) if x != y]
    assert changed == ["2-4"] * 4


# --- 2-6 / 2-7: the address from the city's profile ------------------------------------------

PROFILE_URL = "https://city.example.org/report"


def test_builtin_xinzhou_profile_invents_no_address() -> None:
    from signkit.model.region import CITY_PROFILES

    assert CITY_PROFILES["忻州市"].report_url is None
    data = example_data(CHEMICAL)  # no 举报网址: no code on its bulletins
    report = check_data(data)
    assert report.site is not None
    region = resolve_region(report.site.region)
    assert region.report_url is None and not region.report_url_from_profile


def test_profile_address_is_used_when_the_site_file_has_none(bundled_fonts: Any, monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    from dataclasses import replace

    from signkit.model import region as region_module

    profile = region_module.CITY_PROFILES["忻州市"]
    monkeypatch.setitem(region_module.CITY_PROFILES, "忻州市", replace(profile, report_url=PROFILE_URL))
    data = example_data(SMALL)
    del data["地区"]["举报网址"]
    for form in ("2-6", "2-7"):
        board = _layout(data, bundled_fonts, form)
        assert _decoded(board, bundled_fonts) == [PROFILE_URL]
        assert board.content_extra == (f"二维码:{PROFILE_URL}",)
    # the site file's own address wins over the profile's
    assert _decoded(_layout(example_data(SMALL), bundled_fonts, "2-6"), bundled_fonts) == [URL]
    # a bad profile address is reported at 地区.城市, which chose the profile
    monkeypatch.setitem(region_module.CITY_PROFILES, "忻州市", replace(profile, report_url="官网-互动交流"))
    (diag,) = find(check_data(data), "SK228")
    assert diag.location.path == ("地区", "城市") and "内置资料" in diag.message


# --- readability: module size against the viewing distance -----------------------------------


def test_module_size_is_side_over_modules_and_quiet_zone() -> None:
    from signkit.art.qr import QUIET, max_modules, min_module, module_size

    assert module_size(120, 29) == pytest.approx(120 / (29 + 2 * QUIET))
    assert min_module(2) == pytest.approx(2000 / 700) and min_module(3) == pytest.approx(3000 / 700)
    # 120 mm leaves room for 34 modules at 2 m, but QR symbols come as 21 + 4k: the largest is 33
    assert max_modules(120, 2) == 33 and max_modules(210, 3) == 41 and max_modules(60, 2) == 0
    # the boards' own codes at their minimum sizes
    assert risk_board.qr_box(BOARD_2_4).w == pytest.approx(120)
    assert bulletin.qr_box(BULLETIN).w == pytest.approx(210)
    from signkit.rules.links import qr_fit

    on_risk = qr_fit(RISK_URL, "2-4", 1200, 800)
    assert (on_risk.count, on_risk.side) == (29, pytest.approx(120))
    assert on_risk.module == pytest.approx(3.243, abs=1e-3) and on_risk.readable
    on_bulletin = qr_fit(URL, "2-6", 3000, 1500)
    assert on_bulletin.module == pytest.approx(5.676, abs=1e-3) and on_bulletin.readable
    # a bigger board, a bigger code
    assert qr_fit(RISK_URL, "2-4", 1800, 1200).module == pytest.approx(1.5 * on_risk.module)


def _url(length: int) -> str:
    prefix = "https://jinyuan.example.com/"
    return prefix + "a" * (length - len(prefix))


def test_address_too_dense_for_the_risk_board_is_located_and_sized() -> None:
    ok, dense = _url(62), _url(63)
    assert len(matrix(ok)) == 33 and len(matrix(dense)) == 37  # versions 4 and 5
    data = example_data(CHEMICAL)
    data["企业"]["风险信息网址"] = ok
    assert "SK229" not in rules_of(check_data(data))
    data["企业"]["风险信息网址"] = dense
    (diag,) = find(check_data(data), "SK229")
    assert diag.severity is Severity.ERROR
    assert diag.location.path == ("企业", "风险信息网址")
    assert diag.location.line is not None and diag.location.column is not None
    # 120 mm / (37 + 8) = 2.67 mm, below 2000 / 700 = 2.86 mm
    assert "企业.风险信息网址" in diag.message and "37×37" in diag.message
    assert "2.67 mm" in diag.message and "2.86 mm" in diag.message and "2 m" in diag.message
    assert "33×33" in (diag.hint or "")
    size = re.search(r"至少 (\d+)×(\d+) mm", diag.hint or "")
    assert size is not None
    data["输出"] = {"尺寸": {"2-4": f"{size[1]}×{size[2]}"}}  # the size the hint names is enough
    assert "SK229" not in rules_of(check_data(data))
    # the same address is fine as the 举报网址 of the larger, 3 m bulletins
    data = example_data(SMALL)
    data["地区"]["举报网址"] = dense
    assert "SK229" not in rules_of(check_data(data))


def test_address_beyond_any_qr_code_is_a_diagnostic_not_a_crash() -> None:
    data = example_data(CHEMICAL)
    data["企业"]["风险信息网址"] = "https://jinyuan.example.com/" + "x" * 3000
    (diag,) = find(check_data(data), "SK229")
    assert diag.location.path == ("企业", "风险信息网址") and "无法印成二维码" in diag.message
    data["企业"]["风险信息网址"] = "jinyuan.example.com/fengxian"
    (diag,) = find(check_data(data), "SK228")
    assert diag.location.path == ("企业", "风险信息网址")
    assert "http:// 或 https:// 开头" in diag.message


def test_an_address_with_a_space_is_told_what_is_wrong() -> None:
    data = example_data(CHEMICAL)
    data["企业"]["风险信息网址"] = "https://jinyuan.example.com/feng xian"
    (diag,) = find(check_data(data), "SK228")
    assert "空格" in diag.message and "开头" not in diag.message
    data["企业"]["风险信息网址"] = "不是网址" * 40
    (diag,) = find(check_data(data), "SK228")
    assert "…" in diag.message and len(diag.message) < 140  # a long wrong value is not echoed in full
