"""signkit preview as a library call: one PNG per page of every planned board, and nothing for a file with errors."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

from PIL import Image

from signkit.pipeline.preview import preview_files
from signkit.render.raster import PREVIEW_LEVEL, png_bytes
from tests.conftest import SMALL, dump, example_data


def test_every_page_of_every_board_becomes_a_picture_of_the_asked_width(tmp_path: Path, bundled_fonts: Any) -> None:
    outcome = preview_files([str(SMALL)], tmp_path / "新建" / "预览", bundled_fonts, width=300)  # -o not made yet
    assert outcome.exit_code == 0 and not outcome.diagnostics
    pages = sum(2 if board.form_id == "2-5" else 1 for board in outcome.reports[0].plan)
    assert len(outcome.pictures) == pages == len(list(tmp_path.rglob("*.png")))
    assert all(p.parent.name == "定襄县鑫宏盛法兰锻造有限公司" for p in outcome.pictures)
    for picture in outcome.pictures:
        with Image.open(picture) as image:
            assert abs(image.width - 300) <= 1
    assert any(p.name.endswith("_2.png") for p in outcome.pictures)  # the card's back


def test_a_file_with_errors_gets_no_pictures(tmp_path: Path, bundled_fonts: Any, small: dict[str, Any]) -> None:
    small["企业"]["企业应急电话"] = "0350-60365"
    site = tmp_path / "site.yaml"
    site.write_text(dump(small), encoding="utf-8")
    outcome = preview_files([str(site)], tmp_path / "out", bundled_fonts)
    assert outcome.exit_code == 1 and not outcome.pictures and not (tmp_path / "out").exists()
    assert [d.rule for d in outcome.reports[0].errors()] == ["SK201"]


def test_an_unreadable_file_is_exit_code_2(tmp_path: Path, bundled_fonts: Any) -> None:
    outcome = preview_files([str(tmp_path / "missing.yaml")], tmp_path / "out", bundled_fonts)
    assert outcome.exit_code == 2 and not outcome.pictures


def test_preview_command_reports_the_count(cli: Any, tmp_path: Path) -> None:
    code, out, _ = cli("preview", str(SMALL), "-o", str(tmp_path), "--fonts", "bundled", "--width", "200")
    assert code == 0 and f"已生成 {len(list(tmp_path.rglob('*.png')))} 张预览图" in out
    assert example_data(SMALL)  # the example itself is untouched


def test_an_unwritable_folder_is_a_write_error_not_a_crash(tmp_path: Path, bundled_fonts: Any) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    outcome = preview_files([str(SMALL)], blocker / "out", bundled_fonts, width=100)
    assert outcome.exit_code == 2 and not outcome.pictures
    assert [d.rule for d in outcome.diagnostics] == ["SK802"]
    assert "路径中有一段不是文件夹" in outcome.diagnostics[0].message


def test_a_planted_enterprise_folder_link_is_refused(tmp_path: Path, bundled_fonts: Any) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "定襄县鑫宏盛法兰锻造有限公司").symlink_to(outside, target_is_directory=True)
    outcome = preview_files([str(SMALL)], out, bundled_fonts, width=100)
    assert outcome.exit_code == 2 and [d.rule for d in outcome.diagnostics] == ["SK804"]
    assert not list(outside.iterdir())


def test_the_fast_compression_level_keeps_every_pixel() -> None:
    """Previews are written at zlib level 1 for speed; a PNG is lossless at any level, and this says so."""
    image = Image.new("RGB", (64, 48), (250, 200, 0))
    for x in range(64):
        image.putpixel((x, x % 48), (x * 3, 255 - x, 7))
    fast, small = png_bytes(image), png_bytes(image, level=9)
    assert PREVIEW_LEVEL < 9 and fast != small
    for data in (fast, small):
        with Image.open(BytesIO(data)) as back:
            assert back.tobytes() == image.tobytes()
