"""--select / --ignore and signkit.toml's [check]: which rules a run reports (ruff's resolution)."""

from __future__ import annotations

from pathlib import Path

import pytest

from signkit.codes import CODES
from signkit.diagnostics import Diagnostic, Location, Severity
from signkit.errors import SignkitError
from signkit.pipeline.check import check_text
from signkit.pipeline.config import load_config
from signkit.pipeline.selection import (
    UNIGNORABLE,
    Layer,
    Selection,
    SelectorError,
    check_selector,
    filter_report,
    parse_selectors,
)
from tests.conftest import SMALL


def _numbered() -> str:
    """The small example with a self-numbered duty (SK219, a warning) and a misspelt key (SK101 + SK102, errors)."""
    text = SMALL.read_text(encoding="utf-8")
    text = text.replace("      - 开炉前检查天然气管道", "      - 1. 开炉前检查天然气管道", 1)
    return text.replace("  企业名称:", "  企业名秤:", 1)


def test_selectors_are_ids_prefixes_or_all_in_any_case() -> None:
    assert parse_selectors(["sk218, SK2", "ALL"]) == ("SK218", "SK2", "ALL")
    with pytest.raises(SelectorError, match="SK218"):
        check_selector("SK2180")
    with pytest.raises(SelectorError, match="signkit rules"):
        check_selector("XYZ")
    with pytest.raises(SelectorError):
        check_selector("SK99")  # a well-formed prefix that names no rule


def test_layers_resolve_like_ruff() -> None:
    only_two = Selection((Layer(select=("SK2",)),)).enabled()
    assert only_two == {rule for rule in CODES if rule.startswith("SK2")}
    # within a layer, the more specific selector wins
    assert "SK218" in Selection((Layer(select=("SK218",), ignore=("SK2",)),)).enabled()
    assert "SK219" not in Selection((Layer(ignore=("SK21",)),)).enabled()
    assert "SK219" not in Selection((Layer(select=("SK21",), ignore=("SK219",)),)).enabled()
    # the command line's select replaces the config's; its ignore takes from what the config left
    config, command = Layer(select=("SK2",)), Layer(select=("SK3",))
    assert Selection((config, command)).enabled() == {rule for rule in CODES if rule.startswith("SK3")}
    assert "SK218" not in Selection((Layer(extend_select=("SK218",)), Layer(ignore=("SK218",)))).enabled()
    assert "SK101" in Selection((Layer(select=("SK2",)), Layer(extend_select=("SK101",)))).enabled()


def test_per_file_ignores_match_the_shown_name() -> None:
    selection = Selection((Layer(per_file_ignores=(("工地/*.yaml", ("SK218",)),)),))
    assert "SK218" not in selection.enabled("工地/一号.yaml")
    assert "SK218" in selection.enabled("工厂/一号.yaml")


def test_ignored_rules_neither_show_nor_fail_but_structural_ones_stay() -> None:
    text = _numbered()
    plain = check_text(text, "s.yaml")
    assert {"SK101", "SK102", "SK219"} <= {d.rule for d in plain.diagnostics} and not plain.ok()
    ignored = check_text(text, "s.yaml", selection=Selection((Layer(ignore=("SK1", "SK219")),)))
    rules = {d.rule for d in ignored.diagnostics}
    assert "SK219" not in rules and "SK101" not in rules
    assert "SK102" in rules and not ignored.ok()  # the missing 企业名称 cannot be ignored
    warned = check_text(text.replace("企业名秤", "企业名称"), "s.yaml")
    assert not warned.ok(strict=True)
    assert check_text(text.replace("企业名秤", "企业名称"), "s.yaml",
                      selection=Selection((Layer(ignore=("SK219",)),))).ok(strict=True)


def test_unignorable_rules_stay_and_ignoring_them_says_so() -> None:
    diag = Diagnostic("SK306", Severity.ERROR, "缺字", Location("s.yaml", 3, 1))
    selection = Selection((Layer(ignore=("SK3",)),))
    assert filter_report([diag], selection, "s.yaml") == [diag]
    notes = selection.notes()
    assert [n.rule for n in notes] == ["SK018"] and "SK306" in notes[0].message
    assert not Selection((Layer(ignore=("SK218",)),)).notes()
    assert {"SK306", "SK501", "SK102", "SK006"} <= UNIGNORABLE and "SK218" not in UNIGNORABLE


def test_ignoring_an_error_lets_its_boards_be_made() -> None:
    text = SMALL.read_text(encoding="utf-8")
    text = text.replace("  - 岗位名称: 加热炉工\n", "  - 岗位名称: 加热炉工\n    岗位编号: 7\n", 1)
    blocked = check_text(text, "s.yaml")
    assert blocked.blockers() and "SK101" in {d.rule for d in blocked.diagnostics}
    freed = check_text(text, "s.yaml", selection=Selection((Layer(ignore=("SK101",)),)))
    assert not freed.blockers() and freed.ok()


def test_config_check_table(tmp_path: Path) -> None:
    config = tmp_path / "signkit.toml"
    config.write_text('[check]\nselect = ["SK2"]\nextend-select = ["SK101"]\nignore = ["SK218"]\n\n'
                      '[check.per-file-ignores]\n"旧/*.yaml" = ["SK219"]\n', encoding="utf-8")
    layer = load_config(config).rules
    assert layer is not None
    assert layer.select == ("SK2",) and layer.extend_select == ("SK101",) and layer.ignore == ("SK218",)
    assert layer.per_file_ignores == (("旧/*.yaml", ("SK219",)),)


@pytest.mark.parametrize(("text", "line", "words"), [
    ('[check]\nselect = ["SK2"]\nignore = ["SK2180"]\n', 3, "SK218"),
    ('[check]\nselcet = ["SK2"]\n', 2, "check.selcet"),
    ('[check]\nignore = 5\n', 2, "列表"),
])
def test_a_bad_check_setting_is_located(tmp_path: Path, text: str, line: int, words: str) -> None:
    config = tmp_path / "signkit.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(SignkitError) as raised:
        load_config(config)
    diag = raised.value.diagnostics[0]
    assert diag.rule == "SK014" and diag.location.line == line and words in diag.message


def test_per_file_ignores_match_the_path_without_dot_slash_or_the_bare_name() -> None:
    selection = Selection((Layer(per_file_ignores=(("旧/*.yaml", ("SK218",)), ("草稿*.yaml", ("SK219",)))),))
    assert "SK218" not in selection.enabled("./旧/一号.yaml")
    assert "SK219" not in selection.enabled("某处/草稿1.yaml") and "SK219" in selection.enabled("某处/正式.yaml")


def test_a_stale_comment_fails_strict_but_blocks_no_board() -> None:
    text = SMALL.read_text(encoding="utf-8").replace("  企业主要负责人: 郭建平", "  企业主要负责人: 郭建平  # signkit: ignore[SK218]", 1)
    report = check_text(text, "s.yaml")
    assert "SK016" in {d.rule for d in report.diagnostics}
    assert not report.ok(strict=True) and report.blockers(strict=True) == {}
