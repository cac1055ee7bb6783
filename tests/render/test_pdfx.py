"""Black overprint and the output intent: read from the PDFs as a RIP would."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pikepdf
import pytest

from signkit.drawing.colors import BLACK, WHITE
from signkit.drawing.items import Board, Color, Line, Page, Rect, Text
from signkit.pipeline.options import RenderOptions
from signkit.pipeline.render_files import render_files
from signkit.render.pdf import PrintSpec, render_pdf
from signkit.render.pdfx import FOGRA39, JAPAN_COLOR_2001_COATED, ProfileError, icc_condition, output_condition
from signkit.render.settings import PrintSettings
from tests.conftest import SMALL
from tests.printcheck import read_page

K = ("cmyk", (0.0, 0.0, 0.0, 1.0))
BLUE = Color("蓝", 1, 0.6, 0, 0)


def _board() -> Board:
    items = (Text(10, 20, "黑字", 5, "body", BLACK), Text(10, 40, "蓝字", 5, "body", BLUE),
             Line(0, 50, 100, 50, BLACK, 0.3), Line(0, 60, 100, 60, BLACK, 2.0), Line(0, 70, 100, 70, BLUE, 0.3),
             Rect(5, 5, 50, 10, fill=WHITE, stroke=BLACK, stroke_width=0.2))
    return Board("2-2", "t", "s", (Page(100, 80, items, WHITE),), content_hash="ab" * 32)


def test_black_text_and_thin_black_rules_overprint_and_nothing_else(bundled_fonts: Any) -> None:
    pdf = render_pdf(_board(), bundled_fonts, spec=PrintSpec())
    reading = read_page(pdf)
    black = [t for t in reading.texts if t.fill == K]
    blue = [t for t in reading.texts if t.fill != K]
    assert black and blue
    assert all(t.overprint and t.mode == 1 for t in black)  # fill overprint, overprint mode 1
    assert not any(t.overprint for t in blue)
    thin = [s for s in reading.strokes if s.space == "cmyk" and s.color == (0, 0, 0, 1) and s.width_pt < 1.5]
    thick = [s for s in reading.strokes if s.color == (0, 0, 0, 1) and s.width_pt > 5]
    coloured = [s for s in reading.strokes if s.color != (0, 0, 0, 1)]
    assert thin and thick and coloured
    assert all(s.overprint for s in thin) and not any(s.overprint for s in thick + coloured)
    with pikepdf.open(io.BytesIO(pdf)) as document:  # a stroke's overprint never makes the white fill overprint
        states = dict(document.pages[0].obj.Resources.ExtGState)
        assert any("/OP" in g and bool(g.OP) for g in states.values())
        assert any("/op" in g and not bool(g.op) for g in states.values())
        assert all(not any(k in g for k in ("/CA", "/ca", "/SMask", "/BM")) for g in states.values())
    off = read_page(render_pdf(_board(), bundled_fonts, spec=PrintSpec(overprint=False)))
    assert not any(t.overprint for t in off.texts) and not any(s.overprint for s in off.strokes)


def test_overprint_is_on_in_the_boards_and_stated_in_the_manifest(rendered_examples: Any) -> None:
    out, _ = rendered_examples
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    entries = [f for e in manifest["enterprises"] for f in e["files"]]
    card = next(e for e in entries if e["form"] == "2-5")
    reading = read_page((out / card["file"]).read_bytes(), 1)
    black = [t for t in reading.texts if t.fill == K]
    assert black and all(t.overprint and t.mode == 1 for t in black)
    assert all(e["overprint"] is True and e["output_intent"] == "FOGRA39" for e in entries)


def _icc(device: bytes = b"prtr", space: bytes = b"CMYK", description: str = "Shop Coated 2026") -> bytes:
    """A small ICC header with a v2 ``desc`` tag: enough to be recognised as what it claims to be."""
    text = description.encode("ascii") + b"\0"
    desc = b"desc" + b"\0" * 4 + len(text).to_bytes(4, "big") + text
    size = 128 + 4 + 12 + len(desc)
    header = bytearray(128)
    header[0:4] = size.to_bytes(4, "big")
    header[8:12] = bytes([2, 0x10, 0, 0])
    header[12:16], header[16:20], header[20:24], header[36:40] = device, space, b"Lab ", b"acsp"
    return bytes(header) + (1).to_bytes(4, "big") + b"desc" + (144).to_bytes(4, "big") + len(desc).to_bytes(4, "big") + desc


def test_a_cmyk_output_profile_is_embedded_in_the_output_intent(tmp_path: Path, bundled_fonts: Any) -> None:
    path = tmp_path / "shop.icc"
    path.write_bytes(_icc())
    condition = icc_condition(path)
    assert condition.info == "Shop Coated 2026" and condition.profile == path.read_bytes()
    outcome = render_files([str(SMALL)], tmp_path / "o", bundled_fonts,
                           RenderOptions(printing=PrintSettings(intent=condition)))
    assert outcome.ok
    written = outcome.written[0]
    with pikepdf.open(written.path) as document:
        (intent,) = document.Root.OutputIntents
        assert intent.S == pikepdf.Name.GTS_PDFX and str(intent.OutputConditionIdentifier) == "Custom"
        assert str(intent.Info) == "Shop Coated 2026"
        assert intent.DestOutputProfile.read_bytes() == path.read_bytes() and intent.DestOutputProfile.N == 4
    manifest = json.loads((written.path.parent / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["files"][0]["output_intent"] == condition.key and "Shop Coated 2026" in condition.key
    order = (tmp_path / "o" / "印刷清单.csv").read_text(encoding="utf-8-sig")
    assert condition.key in order


def test_japan_color_by_reference(bundled_fonts: Any) -> None:
    assert output_condition("JapanColor2001Coated") is JAPAN_COLOR_2001_COATED
    assert output_condition("fogra39") is FOGRA39
    pdf = render_pdf(_board(), bundled_fonts, spec=PrintSpec(intent=JAPAN_COLOR_2001_COATED))
    with pikepdf.open(io.BytesIO(pdf)) as document:
        (intent,) = document.Root.OutputIntents
        assert str(intent.OutputConditionIdentifier) == "JC200103" and "/DestOutputProfile" not in intent
        assert str(intent.RegistryName) == "http://www.color.org"


@pytest.mark.parametrize(("data", "message"), [
    (_icc(device=b"mntr", space=b"RGB "), "色彩空间是 RGB"),
    (_icc(device=b"scnr"), "设备类别是 scnr"),
    (b"not a profile at all" * 10, "不是 ICC"),
])
def test_a_profile_that_cannot_be_an_output_intent_is_refused_in_chinese(tmp_path: Path, data: bytes,
                                                                        message: str) -> None:
    path = tmp_path / "bad.icc"
    path.write_bytes(data)
    with pytest.raises(ProfileError, match=message):
        icc_condition(path)
    with pytest.raises(ProfileError, match="未知的输出意图"):
        output_condition("GRACoL")
    with pytest.raises(ProfileError, match="无法读取"):
        icc_condition(tmp_path / "missing.icc")


def test_the_real_srgb_profile_is_refused(tmp_path: Path) -> None:
    srgb = Path(pikepdf.__file__).parent / "pdfa" / "data" / "sRGB.icc"
    if not srgb.is_file():
        pytest.skip("pikepdf ships no sRGB profile here")
    with pytest.raises(ProfileError, match="RGB"):
        icc_condition(srgb)


def test_the_keys_are_written_with_the_file_in_pdf_1_4_and_the_id_covers_the_content(bundled_fonts: Any) -> None:
    from dataclasses import replace

    from reportlab import rl_config

    first = render_pdf(_board(), bundled_fonts, spec=PrintSpec())
    other = render_pdf(replace(_board(), content_hash="cd" * 32), bundled_fonts, spec=PrintSpec())
    assert first == render_pdf(_board(), bundled_fonts, spec=PrintSpec())
    assert first.startswith(b"%PDF-1.4\n")
    with pikepdf.open(io.BytesIO(first)) as a, pikepdf.open(io.BytesIO(other)) as b:
        assert str(a.docinfo["/GTS_PDFXVersion"]) == "PDF/X-1a:2003" and str(a.docinfo["/Trapped"]) == "/False"
        assert bytes(a.trailer.ID[0]) != bytes(b.trailer.ID[0])  # same title, different content: different IDs
        streams = [o for o in a.objects if isinstance(o, pikepdf.Stream)]
        assert streams and all("ASCII85" not in str(s.stream_dict.get("/Filter", "")) for s in streams)
    assert rl_config.useA85  # ReportLab's own default is left as it was for other canvases
