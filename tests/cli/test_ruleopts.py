"""--select / --extend-select / --ignore on check and render, and [check] in signkit.toml."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SMALL, Cli

NUMBERED = SMALL.read_text(encoding="utf-8").replace(
    "      - 开炉前检查天然气管道", "      - 1. 开炉前检查天然气管道", 1)


def _site(tmp_path: Path, text: str = NUMBERED) -> Path:
    site = tmp_path / "site.yaml"
    site.write_text(text, encoding="utf-8")
    return site


def test_ignore_takes_a_warning_out_of_strict(cli: Cli, tmp_path: Path) -> None:
    site = _site(tmp_path)
    args = ("check", str(site), "--strict", "--fonts", "bundled", "--no-layout", "-q")
    code, out, _ = cli(*args)
    assert code == 1 and "[SK219]" in out
    code, out, _ = cli(*args, "--ignore", "sk21")
    assert code == 0 and "SK219" not in out
    code, out, _ = cli(*args, "--select", "SK1,SK3")
    assert code == 0 and "SK219" not in out
    code, out, _ = cli(*args, "--ignore", "SK2", "--extend-select", "SK219")
    assert code == 1 and "[SK219]" in out


def test_an_unknown_selector_is_a_usage_error_with_a_suggestion(cli: Cli, tmp_path: Path) -> None:
    code, out, err = cli("check", str(_site(tmp_path)), "--ignore", "SK2190", "--fonts", "bundled")
    assert code == 2 and out == "" and "未知的规则编号或前缀「SK2190」" in err and "SK219" in err


def test_ignoring_what_cannot_be_ignored_says_so(cli: Cli, tmp_path: Path) -> None:
    text = NUMBERED.replace("  企业主要负责人: 郭建平", "  企业主要负责人:", 1)
    code, out, _ = cli("check", str(_site(tmp_path, text)), "--ignore", "SK103", "--fonts", "bundled", "--no-layout", "-q")
    assert code == 1 and "[SK103]" in out and "忽略 SK103 无效" in out and "[SK018]" in out


def test_config_check_table_and_the_command_line_after_it(cli: Cli, tmp_path: Path) -> None:
    site = _site(tmp_path)
    config = tmp_path / "signkit.toml"
    config.write_text('[check]\nignore = ["SK219"]\n', encoding="utf-8")
    args = ("check", str(site), "--strict", "--config", str(config), "--fonts", "bundled", "--no-layout", "-q")
    assert cli(*args)[0] == 0
    assert cli(*args, "--extend-select", "SK219")[0] == 1
    config.write_text('[check]\n\nignore = ["SK2190"]\n', encoding="utf-8")
    code, _, err = cli(*args)
    assert code == 2 and f"{config}:3:1" in err and "SK014" in err and "SK219" in err


def test_render_makes_the_boards_an_ignored_error_blocked(cli: Cli, tmp_path: Path) -> None:
    text = SMALL.read_text(encoding="utf-8").replace("  - 岗位名称: 加热炉工\n", "  - 岗位名称: 加热炉工\n    岗位编号: 7\n", 1)
    site = _site(tmp_path, text)
    args = ("render", str(site), "--fonts", "bundled", "--dry-run", "-o")
    code, out, _ = cli(*args, str(tmp_path / "a"))
    assert code == 1 and "SK101" in out
    code, out, _ = cli(*args, str(tmp_path / "b"), "--ignore", "SK101")
    assert code == 0 and "SK101" not in out


def test_tofu_cannot_be_ignored_on_the_command_line_or_in_the_config(cli: Cli, tmp_path: Path) -> None:
    text = SMALL.read_text(encoding="utf-8").replace("  企业主要负责人: 郭建平", "  企业主要负责人: 郭建\U0002a6a5", 1)
    site = _site(tmp_path, text)
    code, out, _ = cli("check", str(site), "--ignore", "SK3", "--fonts", "bundled", "-q")
    assert "忽略 SK3 中的 SK301、SK302、SK303、SK306、SK307、SK309 无效" in out  # SK309: the final print
    assert code == 1 and "[SK306]" in out and "[SK018]" in out
    config = tmp_path / "signkit.toml"
    config.write_text('[check]\nignore = ["SK306"]\n', encoding="utf-8")
    code, out, _ = cli("check", str(site), "--config", str(config), "--fonts", "bundled", "-q")
    assert code == 1 and "[SK306]" in out and f"{config}:2:1: 警告：check.ignore 忽略 SK306 无效" in out
    code, out, _ = cli("render", str(site), "--config", str(config), "--fonts", "bundled", "--dry-run",
                       "-o", str(tmp_path / "out"))
    assert code == 1 and "SK306" in out


def test_an_empty_selector_is_a_usage_error_not_a_silent_select_nothing(cli: Cli, tmp_path: Path) -> None:
    site = _site(tmp_path)
    for option, value in (("--ignore", ""), ("--select", ",,"), ("--extend-select", " ")):
        code, _, err = cli("check", str(site), "--fonts", "bundled", "--no-layout", option, value)
        assert code == 2 and "规则编号为空" in err, (option, value, err)
