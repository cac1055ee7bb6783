"""signkit check --fix / --diff / --unsafe-fixes: what is written, printed and returned."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import SMALL, Cli

ORIGINAL = SMALL.read_text(encoding="utf-8")
BROKEN = ORIGINAL.replace("  企业名称:", "  企业名秤:", 1).replace(
    "      - 开炉前检查天然气管道", "      - 1. 开炉前检查天然气管道", 1)


def _site(tmp_path: Path, text: str = BROKEN) -> Path:
    site = tmp_path / "site.yaml"
    site.write_text(text, encoding="utf-8")
    return site


def test_the_report_marks_what_fix_can_correct(cli: Cli, tmp_path: Path) -> None:
    site = _site(tmp_path)
    code, out, _ = cli("check", str(site), "--fonts", "bundled", "--no-layout", "-q")
    assert code == 1
    marked = [line for line in out.splitlines() if line.endswith("[*]")]
    assert len(marked) == 2 and any("[SK101]" in line for line in marked) and any("[SK219]" in line for line in marked)
    assert "[*] 2 个问题可用 --fix 自动修复" in out
    assert site.read_text(encoding="utf-8") == BROKEN  # a plain check writes nothing


def test_fix_writes_the_file_and_checks_again(cli: Cli, tmp_path: Path) -> None:
    site = _site(tmp_path)
    os.chmod(site, 0o640)
    code, out, err = cli("check", str(site), "--fix", "--fonts", "bundled", "--no-layout", "-q")
    assert site.read_text(encoding="utf-8") == ORIGINAL
    assert code == 0 and "已修复 2 个问题（1 个文件）" in err and "全部通过" in out and "[*]" not in out
    assert site.stat().st_mode & 0o777 == 0o640


def test_fix_leaves_what_it_cannot_fix(cli: Cli, tmp_path: Path) -> None:
    text = BROKEN.replace("  企业主要负责人: 郭建平", "  企业主要负责人:", 1)
    site = _site(tmp_path, text)
    code, out, _ = cli("check", str(site), "--fix", "--fonts", "bundled", "--no-layout", "-q")
    assert code == 1 and "SK103" in out and "SK101" not in out
    assert site.read_text(encoding="utf-8") == ORIGINAL.replace("  企业主要负责人: 郭建平", "  企业主要负责人:", 1)


def test_diff_shows_and_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    site = _site(tmp_path)
    code, out, err = cli("check", str(site), "--diff", "--fonts", "bundled")
    assert code == 1 and site.read_text(encoding="utf-8") == BROKEN
    assert f"--- a/{site}" in out and "-  企业名秤: " in out and "+  企业名称: " in out
    assert "+      - 开炉前检查天然气管道" in out and "2 个问题可自动修复（1 个文件）" in err
    clean = _site(tmp_path, ORIGINAL)
    assert cli("check", str(clean), "--diff", "--fonts", "bundled") == (0, "", "没有可自动修复的问题\n")


def test_diff_does_not_pass_a_file_it_cannot_read_or_parse(cli: Cli, tmp_path: Path) -> None:
    """A CI gate running --diff: nothing to fix in a missing or broken file is no reason to pass."""
    code, _, err = cli("check", str(tmp_path / "missing.yaml"), "--diff", "--fonts", "bundled")
    assert code == 2 and "[SK001]" in err
    broken = _site(tmp_path, "企业: [\n")
    code, _, err = cli("check", str(broken), "--diff", "--fonts", "bundled")
    assert code == 1 and f"{broken}:" in err and "错误" in err
    (tmp_path / "empty").mkdir()
    code, _, err = cli("check", str(tmp_path / "empty"), "--diff")
    assert code == 2 and "没有找到站点文件" in err


def test_diff_refuses_options_whose_output_it_would_not_write(cli: Cli, tmp_path: Path) -> None:
    site = _site(tmp_path)
    for extra in (["--format", "sarif"], ["--output-file", str(tmp_path / "r.txt")], ["--statistics"]):
        code, out, err = cli("check", str(site), "--diff", *extra)
        assert code == 2 and "--diff 只输出修改的差异" in err and out == "", extra
    assert not (tmp_path / "r.txt").exists()


def test_fix_from_standard_input_prints_the_fixed_document(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BROKEN.encode("utf-8")), encoding="utf-8"))
    code, out, err = cli("check", "-", "--fix", "--fonts", "bundled", "--no-layout", "-q")
    assert code == 0 and out == ORIGINAL and "全部通过" in err


def test_ignored_diagnostics_are_not_fixed(cli: Cli, tmp_path: Path) -> None:
    site = _site(tmp_path)
    cli("check", str(site), "--fix", "--ignore", "SK219", "--fonts", "bundled", "--no-layout", "-q")
    assert site.read_text(encoding="utf-8") == ORIGINAL.replace(
        "      - 开炉前检查天然气管道", "      - 1. 开炉前检查天然气管道", 1)


def test_workbooks_are_never_modified(cli: Cli, tmp_path: Path, template_xlsx: Path) -> None:
    book = tmp_path / "book.xlsx"
    book.write_bytes(template_xlsx.read_bytes())
    before = book.read_bytes()
    _, _, err = cli("check", str(book), "--fix", "--fonts", "bundled", "--no-layout", "-q")
    assert book.read_bytes() == before and "工作簿不会被修改" in err


def test_unsafe_fixes_are_counted_apart_and_applied_only_when_asked(cli: Cli, tmp_path: Path) -> None:
    site = _site(tmp_path, ORIGINAL.replace("  安全管理人员: 李晓东", "  安全管理人员: 李晓\ue000东", 1))
    args = ("check", str(site), "--fonts", "bundled", "--no-layout", "-q")
    code, out, _ = cli(*args)
    assert "[*] 0 个问题可用 --fix 自动修复（另有 1 个可加 --unsafe-fixes 修复）" in out and "[SK227] [*]" not in out
    assert "[SK227] [*]" in cli(*args, "--unsafe-fixes")[1]
    cli(*args, "--fix")
    assert "\ue000" in site.read_text(encoding="utf-8")
    code, _, _ = cli(*args, "--fix", "--unsafe-fixes")
    assert code == 0 and site.read_text(encoding="utf-8") == ORIGINAL


def test_fix_leaves_a_read_only_file_alone_and_says_so(cli: Cli, tmp_path: Path) -> None:
    """The atomic replace goes through the folder, so without this check a read-only file would be rewritten."""
    site = _site(tmp_path)
    site.chmod(0o444)
    try:
        code, _, err = cli("check", str(site), "--fix", "--fonts", "bundled", "--no-layout", "-q")
        assert site.read_text(encoding="utf-8") == BROKEN
        assert code == 1 and f"未修改 {site}：文件是只读的" in err, err
    finally:
        site.chmod(0o644)
