"""Print-ready output: CMYK only (content streams parsed), boxes with bleed and marks, PDF/X keys, print order."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pikepdf
import pytest

from signkit.pipeline.options import RenderOptions
from signkit.pipeline.render_files import render_files
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


def test_print_order(rendered_examples: Any) -> None:
    out, outcome = rendered_examples
    raw = (out / "印刷清单.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM for UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    header, body, total = rows[0], rows[1:-1], rows[-1]
    assert header[:3] == ["企业", "文件", "附表"]
    assert len(body) == len(outcome.written)
    for row in body:
        assert (out / row[1]).is_file()
        width, height = (float(v) for v in row[5].split("×"))
        assert abs(float(row[9]) - width * height / 1e6) < 0.00006
        assert abs(float(row[10]) - width * height / 1e6 * int(row[8])) < 0.00006
    cards = [row for row in body if row[2] == "2-5" and row[4] == "合成操作工"]
    assert cards[0][8] == "12"
    assert int(total[8]) == sum(int(row[8]) for row in body)
    assert abs(float(total[10]) - sum(float(row[10]) for row in body)) < 0.01
    notes = {row[2]: row[11] for row in body}
    assert "塑封" in notes["2-2"] and "不易损坏" in notes["2-6"]
    from tests.pdfcheck import assert_fonts_embedded, page_texts

    pdf = (out / "印刷清单.pdf").read_bytes()
    assert_fonts_embedded(pdf)
    text = "".join("".join(page_texts(pdf)).split())
    assert "印刷清单" in text and "总面积" in text and "合成操作工" in text
