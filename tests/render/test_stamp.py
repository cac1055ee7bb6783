"""The revision stamp as printed: at least 6 pt, 100 % K with no tint, configurable per 附表, and the hash always kept."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from pypdf import PdfReader

from signkit.drawing.colors import BLACK, GREY
from signkit.drawing.items import Board, Page, Text
from signkit.drawing.text import FontMeasurer
from signkit.pipeline.options import RenderOptions
from signkit.pipeline.render_files import render_files
from signkit.render.settings import PrintSettings
from signkit.render.stamp import STAMP_MIN_MM, restamp, stamp_line
from tests.conftest import SMALL

BLACK_INK = (0.0, 0.0, 0.0, 1.0)


def stamp_runs(path: Path, short: str) -> list[tuple[str, float, object]]:
    """The text runs of the stamp line (the one holding ``short``), each with its size in pt and its fill colour."""
    runs: list[tuple[str, float, float, object]] = []
    fill: dict[str, object] = {}

    def before(op: bytes, args: list[Any], cm: Any, tm: Any) -> None:
        if op == b"k":
            fill["k"] = tuple(float(a) for a in args)
        elif op in (b"g", b"rg", b"scn", b"sc"):
            fill["k"] = "not DeviceCMYK"

    def text(value: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if value.strip():
            scale = (tm[2] ** 2 + tm[3] ** 2) ** 0.5 * (cm[3] ** 2 + cm[2] ** 2) ** 0.5
            runs.append((value, round(size * scale, 3), round(tm[5] * cm[3] + cm[5], 2), fill.get("k")))

    for page in PdfReader(path).pages:
        fill.clear()
        page.extract_text(visitor_operand_before=before, visitor_text=text)
    # pypdf hands text over in pieces that need not match the PDF's text operators: join them by line
    lines: dict[tuple[float, float], str] = {}
    for value, size, y, _ in runs:
        lines[(y, size)] = lines.get((y, size), "") + value
    found = [key for key, joined in lines.items() if short in joined]
    assert found, f"no stamp with {short} in {path.name}"
    y, height = found[0]
    return [(value, size, colour) for value, size, yy, colour in runs if abs(yy - y) < 0.01 and size == height]


def _rendered(tmp_path: Path, fonts: Any, options: RenderOptions = RenderOptions()) -> tuple[Path, list[dict[str, Any]]]:
    outcome = render_files([str(SMALL)], tmp_path, fonts, options)
    assert outcome.ok
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    return tmp_path, [f for e in manifest["enterprises"] for f in e["files"]]


def test_every_stamp_is_6pt_or_more_in_solid_black_and_2_1_says_no_signkit(rendered_examples: Any) -> None:
    out, _ = rendered_examples
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    sizes: dict[str, float] = {}
    for entry in (f for e in manifest["enterprises"] for f in e["files"]):
        runs = stamp_runs(out / entry["file"], entry["stamp"])
        line = "".join(value for value, _, _ in runs)
        assert all(size >= 6.0 - 1e-3 for _, size, _ in runs), (entry["file"], runs)
        assert all(colour == BLACK_INK for _, _, colour in runs), (entry["file"], runs)  # 100 % K, no tint
        assert ("signkit" in line) != entry["form"].startswith("2-1"), line
        assert entry["stamp_printed"].replace(" ", "") == line.replace(" ", "")
        sizes[entry["form"]] = min(size for _, size, _ in runs)
        with pikepdf.open(out / entry["file"]) as document:  # the whole hash, whatever the stamp shows
            assert str(document.docinfo["/SignkitContentHash"]) == entry["content_hash"]
    assert sizes["2-5"] == pytest.approx(6.0, abs=0.01)
    assert all(size >= 19 for form, size in sizes.items() if form != "2-5")


def test_a_stamp_switched_off_or_cut_down_keeps_the_hash_in_manifest_and_metadata(tmp_path: Path,
                                                                                  bundled_fonts: Any) -> None:
    shop = PrintSettings(stamp=(("2-1-2", ()), ("2-5", ("内容",)), ("默认", ("附表", "内容"))))
    out, entries = _rendered(tmp_path, bundled_fonts, RenderOptions(printing=shop))
    for entry in entries:
        reader = PdfReader(out / entry["file"])
        text = "".join(page.extract_text() for page in reader.pages)
        with pikepdf.open(out / entry["file"]) as document:
            assert str(document.docinfo["/SignkitContentHash"]) == entry["content_hash"]
        assert entry["stamp"] == entry["content_hash"][:8]
        if entry["form"] == "2-1-2":
            assert entry["stamp"] not in text and entry["stamp_printed"] == ""
        elif entry["form"] == "2-5":
            assert entry["stamp_printed"] == f"内容 {entry['stamp']}" and "修订" not in entry["stamp_printed"]
        else:
            assert entry["stamp_printed"] == f"附表 {entry['form']} · 内容 {entry['stamp']}"


def _stamped_board(size: float, width: float = 105.0) -> Board:
    digest = "0123456789abcdef" * 4
    stamp = Text(7, 140, "附表 2-5 · 内容 01234567 · 修订 2026-04-20 · signkit", size, "body", GREY)
    other = Text(7, 100, "岗位名称", 4, "body", BLACK)
    texts = (("岗位名称",), ("附表 2-5 · 内容 ######## · 修订 2026-04-20 · signkit",))
    return Board("2-5", "t", "s", (Page(width, 148, (other, stamp), texts=texts),), content_hash=digest)


def test_restamp_grows_down_keeps_the_left_edge_and_never_touches_other_text(bundled_fonts: Any) -> None:
    measure = FontMeasurer(bundled_fonts)
    board = restamp(_stamped_board(1.6), ("附表", "内容", "修订"), measure)
    other, stamp = board.pages[0].items
    assert isinstance(stamp, Text) and isinstance(other, Text)
    assert other.text == "岗位名称" and other.size == 4
    assert stamp.size == pytest.approx(STAMP_MIN_MM) and stamp.color == BLACK and stamp.x == 7
    assert stamp.baseline - 0.8 * stamp.size == pytest.approx(140 - 0.8 * 1.6)  # the top of the letters stays put
    assert stamp.text == "附表 2-5 · 内容 01234567 · 修订 2026-04-20"
    big = restamp(_stamped_board(9.0, 1200), ("附表", "内容", "修订", "signkit"), measure).pages[0].items[1]
    assert isinstance(big, Text) and big.size == 9.0 and big.baseline == 140 and big.color == BLACK
    assert board.pages[0].texts == (("岗位名称",), ("附表 2-5 · 内容 ######## · 修订 2026-04-20",))  # as drawn
    off = restamp(_stamped_board(1.6), (), measure).pages[0]
    assert off.items == (other,) and off.texts == (("岗位名称",),)


def test_a_stamp_too_wide_at_6pt_drops_parts_rather_than_shrinking(bundled_fonts: Any) -> None:
    measure = FontMeasurer(bundled_fonts)
    narrow = restamp(_stamped_board(1.6, 40), ("附表", "内容", "修订", "signkit"), measure).pages[0].items[1]
    assert isinstance(narrow, Text) and narrow.size == pytest.approx(STAMP_MIN_MM)
    assert "01234567" in narrow.text and "signkit" not in narrow.text
    assert measure.width(narrow.text, narrow.size, "body") <= 40 - 2 * 7


def test_stamp_line_keeps_the_parts_asked_for_in_the_stamps_order() -> None:
    line = "附表 2-1-1 · 内容 0123abcd · 修订 2026-04-20 · signkit"
    assert stamp_line(line, ("修订", "附表")) == "附表 2-1-1 · 修订 2026-04-20"
    assert stamp_line(line, ("内容",)) == "内容 0123abcd"
