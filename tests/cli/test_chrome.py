"""Help screens in Chinese that fit 80 display columns; the wrapping rules behind them."""

from __future__ import annotations

import re

import pytest

from signkit.cli import app
from signkit.cli.chrome import display_width, fill, wrap_line
from tests.conftest import Cli

COMMANDS = [info.name for info in app.registered_commands if info.name]
ENGLISH_CHROME = re.compile(r"Usage|Options|Arguments|Commands|Show this message|default|required|\[OPTIONS\]|COMMAND|OUTDIR")
# typer's own metavars: <str>, <path>, <int range>, <list[str]>, {files}...
TYPE_METAVAR = re.compile(r"<[a-z |\[\]]+>|\{\w+\}|\.\.\.")


def test_every_command_is_covered() -> None:
    assert {"check", "render", "preview", "preflight", "diff", "init", "schema", "import", "export"} <= set(COMMANDS)


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_is_chinese_and_fits_80_columns(cli: Cli, monkeypatch: pytest.MonkeyPatch, command: str | None) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, out, err = cli(*([command] if command else []), "--help")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith(f"用法：signkit {command or ''}".rstrip())
    too_wide = [line for line in lines if display_width(line) > 80]
    assert not too_wide, too_wide
    assert not ENGLISH_CHROME.search(out), ENGLISH_CHROME.search(out)
    assert not TYPE_METAVAR.search(out), TYPE_METAVAR.search(out)
    assert "显示本帮助并退出" in out and "选项：" in out


def test_check_help_keeps_paragraphs_and_notes(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = cli("check", "--help")[1]
    assert "用法：signkit check [选项] 文件…" in out
    assert "\n参数：\n  文件…" in out
    assert re.search(r"^  退出码：0 通过", out, re.MULTILINE), "the exit-code sentence keeps its own line"
    assert "[默认：4194304；≥1]" in out and "[必填]" in out and "[默认：text]" in out
    assert "--format text|json|github" in out and "--max-bytes 字节数" in out and "--title-font 字体文件" in out


def test_root_help_lists_commands_under_a_chinese_heading(cli: Cli) -> None:
    out = cli("--help")[1]
    assert "用法：signkit [选项] 命令 [参数]…" in out
    assert "\n命令：\n  check " in out


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("abc") == 3
    assert display_width("检查") == 4
    assert display_width("ａ（") == 4  # full-width forms
    assert display_width("e\u0301") == 1  # a combining accent takes no column


def test_chinese_wraps_between_characters_within_width() -> None:
    text = "同时逐字检查每个要印出的字能否由所选字体印出，使结果与机器无关。"
    lines = wrap_line(text, 20)
    assert len(lines) > 1
    assert all(display_width(line) <= 20 for line in lines)
    assert "".join(lines) == text


def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one() -> None:
    text = "一二三四五六七八九，十一二三四五六七八（九十）一二三四五六七八九十。"
    for width in range(8, 40):
        for line in wrap_line(text, width):
            assert line[0] not in "，。）", (width, line)
            assert line[-1] != "（", (width, line)


def test_latin_words_and_options_are_not_cut() -> None:
    lines = wrap_line("写 --fonts bundled 使结果与机器无关 signkit.toml 也可以", 16)
    assert all(display_width(line) <= 16 for line in lines)
    joined = " ".join(lines)
    for word in ("--fonts", "bundled", "signkit.toml"):
        assert word in joined.split() or any(word in line for line in lines)


def test_paragraphs_and_no_rewrap_blocks_stay_apart() -> None:
    text = "第一段第一行，\n接着写。\n第二句单独一行。\n\n\b\n  保留  原样\n  不重排\n\n第三段"
    lines = fill(text, 40, "  ")
    assert lines == ["  第一段第一行，接着写。", "  第二句单独一行。", "", "    保留  原样", "    不重排", "", "  第三段"]


def test_lines_of_latin_text_join_with_a_space() -> None:
    assert fill("use --fonts\nbundled in CI", 80) == ["use --fonts bundled in CI"]


def test_a_bound_and_its_number_stay_together() -> None:
    for width in range(12, 30):
        lines = wrap_line("站点文件大小上限（字节） [默认：4194304；≥1]", width)
        assert not any(line.endswith("≥") for line in lines), (width, lines)
        assert all(display_width(line) <= width for line in lines)
