"""--fix: certain corrections applied as edits to the user's own text, everything else left byte for byte."""

from __future__ import annotations

from signkit.diagnostics import Diagnostic, Edit, Fix, Location, Severity
from signkit.pipeline.check import check_text
from signkit.pipeline.fixing import MAX_PASSES, apply_fixes, fix_text, unified_diff
from tests.conftest import SMALL

ORIGINAL = SMALL.read_text(encoding="utf-8")


def _broken() -> str:
    """A misspelt key (one close match), two self-numbered duties, with comments and CRLF line endings kept."""
    text = ORIGINAL.replace("  企业名称:", "  企业名秤:", 1)
    text = text.replace("      - 开炉前检查天然气管道", "      - 1. 开炉前检查天然气管道", 1)
    return text.replace("      - 班前检查空气锤", "      - （二）  班前检查空气锤", 1)


def _diagnostics(text: str) -> list[Diagnostic]:
    return check_text(text, "s.yaml").diagnostics


def test_fixes_restore_the_original_exactly() -> None:
    broken = _broken()
    fixable = [d for d in _diagnostics(broken) if d.fix is not None]
    assert sorted(d.rule for d in fixable) == ["SK101", "SK219", "SK219"]
    outcome = fix_text(broken, _diagnostics)
    assert outcome.text == ORIGINAL  # comments, quoting, spacing: every other character as it was
    assert not [d for d in _diagnostics(outcome.text) if d.rule in ("SK101", "SK102", "SK219")]


def test_line_endings_and_comments_survive() -> None:
    crlf = _broken().replace("\n", "\r\n")
    outcome = fix_text(crlf, _diagnostics)
    assert outcome.text == ORIGINAL.replace("\n", "\r\n") and len(outcome.fixed) == 3


def test_a_key_with_no_single_certain_match_is_not_fixed() -> None:
    text = ORIGINAL.replace("  企业主要负责人:", "  负责人:", 1)  # 分管负责人 or 企业主要负责人?
    unknown = [d for d in _diagnostics(text) if d.rule == "SK101"]
    assert unknown and all(d.fix is None for d in unknown)
    # renaming into a key the mapping already has would make a duplicate: not offered
    doubled = ORIGINAL.replace("  企业主要负责人: 郭建平\n", "  企业主要负责人: 郭建平\n  企业主要负责任: 郭建平\n", 1)
    assert [d.fix for d in _diagnostics(doubled) if d.rule == "SK101"] == [None]


def test_a_quoted_value_is_left_to_the_user() -> None:
    quoted = ORIGINAL.replace("      - 开炉前检查天然气管道", '      - "1. 开炉前检查天然气管道', 1).replace(
        "确认可燃气体报警器和紧急切断阀处于投用状态\n", '确认可燃气体报警器和紧急切断阀处于投用状态"\n', 1)
    numbered = [d for d in _diagnostics(quoted) if d.rule == "SK219"]
    assert numbered and numbered[0].fix is None  # the edit's text is not where the value starts (the quote is)


def test_a_number_that_would_leave_a_yaml_indicator_first_is_not_fixed() -> None:
    text = ORIGINAL.replace("      - 开炉前检查天然气管道", "      - 1. *开炉前检查天然气管道", 1)
    assert [d.fix for d in _diagnostics(text) if d.rule == "SK219"] == [None]


def test_overlapping_edits_wait_for_the_next_pass() -> None:
    at = Location("s.yaml", 1, 1)
    first = Diagnostic("SK219", Severity.WARNING, "m", at, fix=Fix((Edit(1, 1, "ab", "x"),), "m"))
    second = Diagnostic("SK219", Severity.WARNING, "m", at, fix=Fix((Edit(1, 2, "bc", "y"),), "m"))
    unsafe = Diagnostic("SK219", Severity.WARNING, "m", at, fix=Fix((Edit(1, 4, "d", "z"),), "m", "unsafe"))
    text, fixed = apply_fixes("abcd\n", [first, second, unsafe])
    assert text == "xcd\n" and fixed == [first]
    assert apply_fixes("abcd\n", [unsafe], unsafe=True)[0] == "abcz\n"
    assert apply_fixes("zzzz\n", [first])[1] == []  # the text is not there any more: nothing applied


def test_a_fix_that_never_settles_stops() -> None:
    calls: list[str] = []

    def forever(text: str) -> list[Diagnostic]:
        calls.append(text)
        return [Diagnostic("SK219", Severity.WARNING, "m", Location("s", 1, 1),
                           fix=Fix((Edit(1, 1, text[0], "a" + text[0]),), "m"))]

    outcome = fix_text("a\n", forever)
    assert len(calls) == MAX_PASSES and outcome.text == "a" * (MAX_PASSES + 1) + "\n"


def test_unified_diff() -> None:
    diff = unified_diff("a\nb\n", "a\nc\n", "s.yaml")
    assert diff.startswith("--- a/s.yaml\n+++ b/s.yaml\n") and "-b\n+c\n" in diff
    assert unified_diff("a\n", "a\n", "s.yaml") == ""
    assert "\\ No newline at end of file" in unified_diff("a", "b", "s.yaml")


def test_invisible_characters_are_deleted_and_private_use_ones_only_when_unsafe() -> None:
    text = ORIGINAL.replace("  企业主要负责人: 郭建平", "  企业主要负责人: 郭建\u200b平", 1).replace(
        "  安全管理人员: 李晓东", "  安全管理人员: 李晓\ue000东", 1)
    fixes = {d.location.line: d.fix for d in _diagnostics(text) if d.rule == "SK227"}
    assert sorted(f.applicability for f in fixes.values() if f) == ["safe", "unsafe"]
    safe = fix_text(text, _diagnostics)
    assert "\u200b" not in safe.text and "\ue000" in safe.text
    assert fix_text(text, _diagnostics, unsafe=True).text == ORIGINAL
    # a character whose deletion would turn the value into a mapping is left alone
    risky = ORIGINAL.replace("  企业主要负责人: 郭建平", "  企业主要负责人: 郭建:\u200b 平", 1)
    assert [d.fix for d in _diagnostics(risky) if d.rule == "SK227"] == [None]
