"""User sign files: SVG drawn as vectors, PNG/JPEG checked and embedded in CMYK, named from the sign folder."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from signkit.art.sign_files.bitmap import MAX_PIXELS, required_ppi
from signkit.art.sign_files.cmyk import naive_cmyk
from signkit.art.sign_files.loader import load_art
from signkit.art.sign_files.results import FileProblem, RasterArt, VectorArt
from signkit.diagnostics import Severity
from signkit.drawing.items import Path as PathItem
from signkit.drawing.items import Raster, Text
from signkit.layout import risk_board
from signkit.render.pdf import render_pdf
from tests.art.signutil import BOARD, SVG, layout_with, risk_point
from tests.conftest import ROOT, check_data
from tests.pdfcheck import colour_problems, image_xobjects


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
    risk_point(chem)["警示标识"] = ["当心中毒", str(path)]
    risk_point(chem).pop("事故类型")
    report = check_data(chem)
    sign_diags = [d for d in report.diagnostics if d.rule.startswith("SK7")]
    assert [d.rule for d in sign_diags] == [rule], [d.render() for d in sign_diags]
    (diag,) = sign_diags
    assert words in diag.message and diag.location.path == ("风险点", 0, "警示标识", 1)
    assert diag.severity is (Severity.WARNING if rule == "SK705" else Severity.ERROR)


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


def test_svg_override_replaces_a_library_sign_as_vectors(chem: dict[str, Any], tmp_path: Path,
                                                         bundled_fonts: Any) -> None:
    folder = tmp_path / "标志"
    folder.mkdir()
    (folder / "当心中毒.svg").write_text(SVG, encoding="utf-8")
    art = load_art(folder / "当心中毒.svg")
    assert isinstance(art, VectorArt) and len(art.shapes) == 3
    board, frame, _ = layout_with(chem, bundled_fonts, ["当心中毒", "禁止烟火"], folder)
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
    board, _, _ = layout_with(chem, bundled_fonts, [str(path)])
    paths = [i for i in board.pages[0].items if isinstance(i, PathItem) and i.fill and i.fill.name.startswith("SVG")]
    area = risk_board.sign_area(BOARD)
    xs = [float(s[k]) for p in paths for s in p.segments for k in range(1, len(s), 2)]
    ys = [float(s[k]) for p in paths for s in p.segments for k in range(2, len(s), 2)]
    tolerance = 1e-6  # the SVG's coordinates are rounded when converted: a sign filling the area may touch its edge
    assert area.x - tolerance <= min(xs) and max(xs) <= area.right + tolerance
    assert area.y - tolerance <= min(ys) and max(ys) <= area.bottom + tolerance


def test_png_sign_is_embedded_in_cmyk(chem: dict[str, Any], tmp_path: Path, bundled_fonts: Any) -> None:
    path = _png(tmp_path / "当心.png", (400, 536), (255, 0, 0))
    art = load_art(path)
    assert isinstance(art, RasterArt) and art.pixels == (400, 536)
    board, frame, _ = layout_with(chem, bundled_fonts, [str(path), "当心中毒"])
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
    risk_point(chem)["警示标识"] = ["当心中毒", "当心爆炸", "标志/当心氨气.svg"]
    chem["输出"] = {"标志文件夹": "标志"}
    site = tmp_path / "site.yaml"
    site.write_text(dump(chem), encoding="utf-8")
    monkeypatch.chdir(ROOT)  # not the site file's folder
    report = check_path(site)
    assert not [d for d in report.diagnostics if d.rule.startswith("SK7")], [d.render() for d in report.diagnostics]


def test_folder_signs_extend_the_library_by_file_name(chem: dict[str, Any], tmp_path: Path,
                                                      bundled_fonts: Any) -> None:
    (tmp_path / "当心氨气.svg").write_text(SVG, encoding="utf-8")
    board, frame, _ = layout_with(chem, bundled_fonts, ["当心氨气"], tmp_path)
    assert frame.misfits == [] and any(e.startswith("当心氨气:") for e in board.content_extra)


def test_a_folder_named_like_a_sign_file_is_an_error_not_the_library_drawing(chem: dict[str, Any],
                                                                             tmp_path: Path) -> None:
    (tmp_path / "当心中毒.pdf").mkdir()
    chem["输出"] = {"标志文件夹": str(tmp_path)}
    risk_point(chem)["警示标识"] = ["当心中毒"]
    report = check_data(chem)
    problems = [d for d in report.diagnostics if d.is_error and "当心中毒.pdf" in d.message]
    assert problems and problems[0].location.path[-2:] == ("警示标识", 0)


@pytest.mark.parametrize("name", ["当心中毒.svg", "当心中毒.pdf", "当心中毒.png"])
def test_an_empty_sign_file_is_called_empty(tmp_path: Path, name: str) -> None:
    empty = tmp_path / name
    empty.write_bytes(b"")
    problem = load_art(empty)
    assert isinstance(problem, FileProblem) and problem.kind == "not_image" and "空文件" in problem.message
