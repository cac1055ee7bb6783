"""--fix over files: BOMs kept, links written through, standard input returned, workbooks left alone."""

from __future__ import annotations

from pathlib import Path

from signkit.pipeline.fix_files import fix_inputs
from tests.conftest import SMALL

ORIGINAL = SMALL.read_text(encoding="utf-8")
BROKEN = ORIGINAL.replace("  企业名称:", "  企业名秤:", 1)


def test_a_bom_is_kept_and_a_link_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_bytes(b"\xef\xbb\xbf" + BROKEN.encode("utf-8"))
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    run = fix_inputs([str(link)], write=True)
    assert link.is_symlink() and real.read_bytes() == b"\xef\xbb\xbf" + ORIGINAL.encode("utf-8")
    assert run.fixed_count == 1 and [f.changed for f in run.files] == [True]


def test_nothing_is_written_without_write(tmp_path: Path) -> None:
    site = tmp_path / "s.yaml"
    site.write_text(BROKEN, encoding="utf-8")
    run = fix_inputs([str(tmp_path)], write=False)
    assert site.read_text(encoding="utf-8") == BROKEN and run.files[0].after == ORIGINAL
    assert "+  企业名称:" in run.files[0].diff()


def test_standard_input_is_fixed_in_memory() -> None:
    run = fix_inputs(["-"], write=True, read_stdin=lambda: BROKEN.encode("utf-8"))
    assert run.files[0].path is None and run.files[0].after == ORIGINAL
