"""Usage errors are said in Chinese: the usage line, where to get help, the error; exit 2, no traceback."""

from __future__ import annotations

import re

import pytest

from signkit.cli.usage_errors import chinese_message
from tests.conftest import Cli

ENGLISH = re.compile(r"Usage|Error|Try |Missing|Invalid|No such|unexpected|Did you mean|requires|Input should|is not one of")

CASES = [
    (["chek", "site.yaml"], "没有 chek 这个命令。您是不是要找 check"),
    (["check"], "缺少参数 文件…。"),
    (["render", "site.yaml"], "缺少选项 --output / -o。"),
    (["check", "--format", "xml", "site.yaml"], "--format / -f 的值无效：「xml」不是可选的值（可选：text、json、github、sarif、junit）。"),
    (["check", "--max-bytes", "abc", "site.yaml"], "--max-bytes 的值无效：应为整数。"),
    (["check", "--max-bytes", "0", "site.yaml"], "--max-bytes 的值无效：应不小于 1。"),
    (["render", "-o", "out", "--bleed", "99", "site.yaml"], "--bleed 的值无效：应不大于 20。"),
    (["check", "--frmat", "text", "site.yaml"], "没有 --frmat 这个选项。您是不是要找 --format？"),
    (["check", "site.yaml", "--format"], "选项 --format 后面要写一个值。"),
    (["check", "--strict=yes", "site.yaml"], "选项 --strict 是开关，不带值。"),
    (["init", "a", "b", "c"], "多余的参数：b c。"),
    (["diff", "old.yaml"], "缺少参数 新版本。"),
]


@pytest.mark.parametrize(("argv", "message"), CASES, ids=[" ".join(argv) for argv, _ in CASES])
def test_usage_errors_are_chinese(cli: Cli, argv: list[str], message: str) -> None:
    code, out, err = cli(*argv)
    assert code == 2
    assert out == ""
    assert f"错误：{message}" in err, err
    assert err.startswith("用法：signkit")
    assert "查看帮助。" in err and "-h" in err
    assert not ENGLISH.search(err), err
    assert "Traceback" not in err


def test_help_hint_names_the_subcommand(cli: Cli) -> None:
    err = cli("check", "--frmat")[2]
    assert "用法：signkit check [选项] 文件…\n运行 signkit check -h 查看帮助。" in err


def test_no_arguments_shows_the_help(cli: Cli) -> None:
    code, _, err = cli()
    assert code == 2
    assert err.startswith("用法：signkit [选项] 命令 [参数]…") and "命令：" in err


def test_unknown_value_messages_pass_through_unchanged() -> None:
    assert chinese_message("something typer never said") == "something typer never said"
    assert chinese_message("Input should be a valid number, unable to parse string as a number") == "应为数字"
