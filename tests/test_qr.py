"""QR codes: drawn as vectors, decodable from the rasterised board, only where the user gave an address."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pikepdf
import zxingcpp

from signkit.preview import rasterize
from signkit.qr import matrix
from tests.conftest import CHEMICAL, SMALL, check_data, example_data

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
    from signkit.check import check_text
    from tests.conftest import dump

    data = example_data(SMALL)
    before = check_text(dump(data), "a.yaml", fonts=bundled_fonts, layout=True)
    data["地区"]["举报网址"] = URL + "/v2"
    after = check_text(dump(data), "a.yaml", fonts=bundled_fonts, layout=True)
    changed = {b.form_id for b, x, y in zip(before.plan, before.stamps, after.stamps, strict=True) if x != y}
    assert changed == {"2-6", "2-7"}


def test_quiet_zone_and_module_size(bundled_fonts: Any) -> None:
    from signkit.layout.doc import Path as VectorPath
    from signkit.layout.doc import Rect
    from signkit.layout.frame import Box, Frame
    from signkit.layout.text import FontMeasurer
    from signkit.qr import QUIET, draw_qr

    frame = Frame(FontMeasurer(bundled_fonts))
    module = draw_qr(frame, URL, Box(0, 0, 200, 300))
    count = len(matrix(URL))
    (paper,) = [i for i in frame.items if isinstance(i, Rect)]
    assert paper.w == paper.h == 200 and abs(module * (count + 2 * QUIET) - 200) < 1e-9
    (modules,) = [i for i in frame.items if isinstance(i, VectorPath)]
    xs = [float(seg[1]) for seg in modules.segments if seg[0] == "M"]  # type: ignore[arg-type]
    assert min(xs) >= paper.x + QUIET * module - 1e-9
    assert check_data(example_data(CHEMICAL)).site is not None
