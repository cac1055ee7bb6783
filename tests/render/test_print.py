"""Print-ready output: CMYK only (content streams parsed), boxes with bleed and marks, PDF/X keys, print order."""

from __future__ import annotations

import csv
import io
import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pikepdf
import pytest

from signkit.pipeline.options import RenderOptions
from signkit.pipeline.render_files import render_files
from signkit.render.settings import PrintSettings
from tests.conftest import SMALL
from tests.pdfcheck import boxes_mm, colour_problems


def _entries(out: Path) -> list[dict[str, Any]]:
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return [f for e in manifest["enterprises"] for f in e["files"]]


def test_no_rgb_anywhere(rendered_examples: Any) -> None:
    out, _ = rendered_examples
    for entry in _entries(out):
        assert colour_problems((out / entry["file"]).read_bytes()) == [], entry["file"]
    assert colour_problems((out / "印刷清单.pdf").read_bytes()) == []


def test_gradient_is_a_cmyk_shading(rendered_examples: Any) -> None:
    out, _ = rendered_examples
    entry = next(e for e in _entries(out) if e["form"] == "2-6")
    with pikepdf.open(out / entry["file"]) as document:
        shadings = dict(document.pages[0].obj.Resources.get("/Shading", {}))
        assert shadings and all(s.ColorSpace == pikepdf.Name.DeviceCMYK for s in shadings.values())


def test_pdfx_keys(rendered_examples: Any) -> None:
    out, _ = rendered_examples
    entry = _entries(out)[0]
    with pikepdf.open(out / entry["file"]) as document:
        assert str(document.docinfo["/GTS_PDFXVersion"]) == "PDF/X-1a:2003"
        assert document.docinfo["/Trapped"] == pikepdf.Name("/False")
        (intent,) = document.Root.OutputIntents
        assert intent.S == pikepdf.Name.GTS_PDFX and str(intent.OutputConditionIdentifier) == "FOGRA39"
        assert document.pdf_version == "1.4"
        assert "/ID" in document.trailer


@pytest.mark.parametrize(("bleed", "marks"), [(0.0, False), (3.0, False), (3.0, True), (0.0, True)])
def test_boxes_with_bleed_and_marks(tmp_path: Path, bundled_fonts: Any, bleed: float, marks: bool) -> None:
    outcome = render_files([str(SMALL)], tmp_path, bundled_fonts, RenderOptions(bleed=bleed, marks=marks))
    assert outcome.ok
    card = next(w for w in outcome.written if w.built.planned.form_id == "2-5")
    data = card.path.read_bytes()
    for page in range(2):
        boxes = boxes_mm(data, page)
        tx0, ty0, tx1, ty1 = boxes["trim"]
        assert abs(tx1 - tx0 - 105) < 0.1 and abs(ty1 - ty0 - 148) < 0.1
        bx0, by0, bx1, by1 = boxes["bleed"]
        assert abs((tx0 - bx0) - bleed) < 0.1 and abs((bx1 - tx1) - bleed) < 0.1
        assert abs((ty0 - by0) - bleed) < 0.1 and abs((by1 - ty1) - bleed) < 0.1
        mx0, my0, mx1, my1 = boxes["media"]
        margin = bleed + (10 if marks else 0)
        assert abs((tx0 - mx0) - margin) < 0.1 and abs((mx1 - tx1) - margin) < 0.1
        assert abs((ty0 - my0) - margin) < 0.1 and abs((my1 - ty1) - margin) < 0.1
        assert mx0 <= bx0 <= tx0 and tx1 <= bx1 <= mx1
    with pikepdf.open(io.BytesIO(data)) as document:
        spaces = dict(document.pages[0].obj.Resources.get("/ColorSpace", pikepdf.Dictionary()))
        registration = any(s[0] == pikepdf.Name.Separation and s[1] == pikepdf.Name.All for s in spaces.values())
    assert registration == marks
    assert colour_problems(data) == []
    entry = next(e for e in _entries(tmp_path) if e["form"] == "2-5")
    assert entry["bleed_mm"] == bleed and entry["marks"] == marks


def test_site_file_bleed_per_form(tmp_path: Path, bundled_fonts: Any) -> None:
    from tests.conftest import dump, example_data

    data = example_data(SMALL)
    data["输出"] = {"出血": {"2-5": "3"}, "裁切标记": "是"}
    site = tmp_path / "site.yaml"
    site.write_text(dump(data), encoding="utf-8")
    outcome = render_files([str(site)], tmp_path / "o", bundled_fonts)
    assert outcome.ok
    bleeds = {w.built.planned.form_id: w.built.bleed for w in outcome.written}
    assert bleeds["2-5"] == 3.0 and bleeds["2-2"] == 0.0


def _order(out: Path) -> tuple[list[dict[str, str]], dict[str, str]]:
    raw = (out / "印刷清单.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM for UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    return rows[:-1], rows[-1]


def test_print_order(rendered_examples: Any) -> None:
    out, outcome = rendered_examples
    body, total = _order(out)
    assert list(body[0])[:4] == ["企业", "文件", "用途", "附表"]
    assert len(body) == len(outcome.written) and all(row["用途"] == "印刷" for row in body)
    for row in body:
        assert (out / row["文件"]).is_file()
        width, height = (Decimal(v) for v in row["成品尺寸(mm)"].split("×"))
        assert Decimal(row["单块面积(m²)"]) == (width * height / 1_000_000).quantize(Decimal("0.0001"), ROUND_HALF_UP)
        exact = width * height * int(row["数量"]) / 1_000_000
        assert Decimal(row["总面积(m²)"]) == exact.quantize(Decimal("0.001"), ROUND_HALF_UP)
        assert row["输出意图"] == "FOGRA39"
    cards = [row for row in body if row["附表"] == "2-5" and row["对象"] == "合成操作工"]
    assert cards[0]["数量"] == "12" and cards[0]["出血(mm)"] == "3"
    # the totals are the sums of the values as displayed, to the last digit
    assert int(total["数量"]) == sum(int(row["数量"]) for row in body)
    assert Decimal(total["总面积(m²)"]) == sum(Decimal(row["总面积(m²)"]) for row in body)
    notes = {row["附表"]: row["材质与工艺"] for row in body}
    assert "塑封" in notes["2-2"] and "不易损坏" in notes["2-6"]
    from tests.pdfcheck import assert_fonts_embedded, page_texts

    pdf = (out / "印刷清单.pdf").read_bytes()
    assert_fonts_embedded(pdf)
    text = "".join("".join(page_texts(pdf)).split())
    assert "印刷清单" in text and "合成操作工" in text and "FOGRA39" in text
    assert f"总面积{total['总面积(m²)']}m²" in text  # the PDF's total is the CSV's, digit for digit
    for row in body:  # and so is every row's
        assert row["总面积(m²)"] in text and row["单块面积(m²)"] in text


def test_print_order_lists_the_imposed_sheets_to_print_and_the_cards_for_reference(tmp_path: Path,
                                                                                    bundled_fonts: Any) -> None:
    outcome = render_files([str(SMALL)], tmp_path, bundled_fonts, RenderOptions(impose="SRA3"))
    assert outcome.ok
    body, total = _order(tmp_path)
    sheets = [row for row in body if "拼版" in row["文件"]]
    cards = [row for row in body if row["附表"] == "2-5" and row not in sheets]
    (sheet,) = sheets
    assert sheet["用途"] == "印刷" and sheet["成品尺寸(mm)"] == "320×450" and sheet["出血(mm)"] == "3"
    assert (tmp_path / sheet["文件"]).is_file()
    people = sum(int(row["数量"]) for row in cards)
    assert f"共 {people} 张卡" in sheet["对象"] and f"每张 {4} 位" in sheet["对象"]
    assert sheet["印张"] == sheet["数量"] == str(-(-people // 4)) and sheet["页数"] == str(2 * int(sheet["印张"]))
    assert Decimal(sheet["总面积(m²)"]) == Decimal("0.144") * int(sheet["印张"])
    assert cards and all(row["用途"] == "参考" and row["总面积(m²)"] == "—" and sheet["文件"] in row["材质与工艺"]
                         for row in cards)
    printed = [row for row in body if row["用途"] == "印刷"]
    assert int(total["数量"]) == sum(int(row["数量"]) for row in printed)
    assert Decimal(total["总面积(m²)"]) == sum(Decimal(row["总面积(m²)"]) for row in printed)
    entry = json.loads((tmp_path / cards[0]["文件"].split("/")[0] / "manifest.json").read_text(encoding="utf-8"))
    (extra,) = entry["extras"]
    assert extra["sheets"] == int(sheet["印张"]) and extra["cards"] == people and extra["output_intent"] == "FOGRA39"


def test_the_card_has_3mm_bleed_and_boards_none_by_default(rendered_examples: Any) -> None:
    out, _ = rendered_examples
    for entry in _entries(out):
        data = (out / entry["file"]).read_bytes()
        bleed = 3.0 if entry["form"] == "2-5" else 0.0
        assert entry["bleed_mm"] == bleed
        boxes = boxes_mm(data)
        tx0, ty0, tx1, ty1 = boxes["trim"]
        assert abs(tx1 - tx0 - entry["trim_mm"][0]) < 0.1 and abs(ty1 - ty0 - entry["trim_mm"][1]) < 0.1
        bx0, by0, bx1, by1 = boxes["bleed"]
        assert all(abs(d - bleed) < 0.1 for d in (tx0 - bx0, ty0 - by0, bx1 - tx1, by1 - ty1)), entry["file"]
        mx0, my0, mx1, my1 = boxes["media"]
        assert mx0 <= bx0 + 0.01 and my0 <= by0 + 0.01 and mx1 >= bx1 - 0.01 and my1 >= by1 - 0.01


def test_a_shop_sets_the_boards_bleed_once_and_the_site_file_or_command_line_still_wins(tmp_path: Path,
                                                                                        bundled_fonts: Any) -> None:
    from tests.conftest import dump, example_data

    shop = PrintSettings(bleed=(("默认", 10.0), ("2-4", 5.0)))
    outcome = render_files([str(SMALL)], tmp_path / "a", bundled_fonts, RenderOptions(printing=shop))
    assert outcome.ok
    bleeds = {w.built.planned.form_id: w.built.bleed for w in outcome.written}
    assert bleeds == {"2-1-2": 10.0, "2-2": 10.0, "2-3": 10.0, "2-4": 5.0, "2-5": 3.0, "2-6": 10.0, "2-7": 10.0}
    data = example_data(SMALL)
    data["输出"] = {"出血": {"2-2": "0"}}
    site = tmp_path / "site.yaml"
    site.write_text(dump(data), encoding="utf-8")
    outcome = render_files([str(site)], tmp_path / "b", bundled_fonts, RenderOptions(printing=shop))
    bleeds = {w.built.planned.form_id: w.built.bleed for w in outcome.written}
    assert bleeds["2-2"] == 0.0 and bleeds["2-3"] == 10.0
    outcome = render_files([str(site)], tmp_path / "c", bundled_fonts, RenderOptions(printing=shop, bleed=1.0))
    assert {w.built.bleed for w in outcome.written} == {1.0}


def test_the_background_and_bands_touching_the_trim_run_into_the_bleed(bundled_fonts: Any) -> None:
    from signkit.drawing.colors import WHITE
    from signkit.drawing.items import Board, Color, Page, Rect
    from signkit.render.pdf import PrintSpec, render_pdf
    from signkit.render.raster import rasterize

    red = Color("红", 0, 1, 1, 0)
    band = Rect(0, 0, 100, 10, fill=red)  # along the top edge, from the left edge
    inner = Rect(40, 40, 20, 20, fill=red)  # touches nothing
    board = Board("2-2", "t", "s", (Page(100, 80, (band, inner), WHITE),))
    bleed = 3.0
    (image,) = rasterize(render_pdf(board, bundled_fonts, spec=PrintSpec(bleed=bleed)), 254, trim=False)  # 10 px/mm
    def px(x_mm: float, y_mm: float) -> tuple[int, ...]:  # layout mm (y down from the trim's top), bleed included
        return tuple(image.getpixel((round((x_mm + bleed) * 10), round((y_mm + bleed) * 10))))
    assert px(-1.5, -1.5)[0] > 200 and px(-1.5, -1.5)[1] < 80  # the band's corner in the bleed is red
    assert px(50, -1.5)[1] < 80 and px(101.5, 5)[1] < 80 and px(-1.5, 5)[1] < 80
    assert px(-1.5, 40)[1] > 200  # below the band the white background runs out
    assert image.size == (round((100 + 2 * bleed) * 10), round((80 + 2 * bleed) * 10))
    (trimmed,) = rasterize(render_pdf(board, bundled_fonts, spec=PrintSpec(bleed=bleed)), 254)  # a preview: the trim
    assert abs(trimmed.width - 1000) <= 1 and abs(trimmed.height - 800) <= 1


