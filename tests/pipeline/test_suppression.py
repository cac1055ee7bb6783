"""Inline suppression in site files: what a comment silences, and what is said about the comments."""

from __future__ import annotations

from signkit.diagnostics import Diagnostic
from signkit.pipeline.check import check_text
from signkit.pipeline.selection import Layer, Selection
from tests.conftest import SMALL

DUTY = "      - 开炉前检查天然气管道"
SECOND_POST = "  - 岗位名称: 锻锤操作工"


def _with(old: str, new: str) -> str:
    text = SMALL.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def _rules(text: str) -> list[tuple[str, int | None]]:
    return [(d.rule, d.location.line) for d in check_text(text, "s.yaml").diagnostics]


def test_a_trailing_comment_silences_its_line_only() -> None:
    numbered = _with(DUTY, "      - 1. 开炉前检查天然气管道")
    line = next(n for rule, n in _rules(numbered) if rule == "SK219")
    silenced = numbered.replace("确认可燃气体报警器和紧急切断阀处于投用状态\n",
                                "确认可燃气体报警器和紧急切断阀处于投用状态  # signkit: ignore[SK219]\n", 1)
    assert ("SK219", line) not in _rules(silenced)
    assert not any(rule in ("SK016", "SK017") for rule, _ in _rules(silenced))


def test_an_own_line_comment_covers_the_whole_item_below_it() -> None:
    text = SMALL.read_text(encoding="utf-8")
    start = text.index(SECOND_POST)
    duties = text.index("岗位安全生产责任:\n", start) + len("岗位安全生产责任:\n")
    numbered = text[:duties] + "      - 1. 班前检查\n      - 2、锻打前检查\n" + text[duties:]
    assert [r for r, _ in _rules(numbered)].count("SK219") == 2
    covered = numbered.replace(SECOND_POST, "  # signkit: ignore[SK219]\n" + SECOND_POST, 1)
    assert "SK219" not in [r for r, _ in _rules(covered)]
    # the same comment above another post silences nothing there, and says so
    elsewhere = numbered.replace("  - 岗位名称: 加热炉工", "  # signkit: ignore[SK219]\n  - 岗位名称: 加热炉工", 1)
    rules = [r for r, _ in _rules(elsewhere)]
    assert rules.count("SK219") == 2 and "SK016" in rules


def test_wrong_comments_are_reported() -> None:
    text = _with("  企业主要负责人:", "  # signkit: ignore\n  企业主要负责人:")
    comment_line = text.splitlines().index("  # signkit: ignore") + 1
    assert [(d.rule, d.location.line) for d in check_text(text, "s.yaml").diagnostics
            if d.rule == "SK017"] == [("SK017", comment_line)]  # once, at the comment itself
    unknown = _with("  企业主要负责人: 郭建平", "  企业主要负责人: 郭建平  # signkit: ignore[SK999]")
    assert any(d.rule == "SK017" and "SK999" in d.message for d in check_text(unknown, "s.yaml").diagnostics)
    structural = _with("  企业主要负责人: 郭建平", "  企业主要负责人:  # signkit: ignore[SK103]")
    found = check_text(structural, "s.yaml").diagnostics
    assert {"SK103", "SK018"} <= {d.rule for d in found}  # the empty value is still an error


def test_suppression_notes_can_themselves_be_ignored() -> None:
    text = _with("  企业主要负责人: 郭建平", "  企业主要负责人: 郭建平  # signkit: ignore[SK218]")
    assert "SK016" in {d.rule for d in check_text(text, "s.yaml").diagnostics}
    quiet = check_text(text, "s.yaml", selection=Selection((Layer(ignore=("SK016",)),)))
    assert "SK016" not in {d.rule for d in quiet.diagnostics}


def test_unused_suppressions_are_fixed_away_like_ruffs_unused_noqa() -> None:
    from signkit.pipeline.fixing import fix_text

    def diagnostics(text: str) -> list[Diagnostic]:
        return check_text(text, "s.yaml").diagnostics

    original = SMALL.read_text(encoding="utf-8")
    trailing = original.replace("  企业主要负责人: 郭建平", "  企业主要负责人: 郭建平   # signkit: ignore[SK218]", 1)
    own = original.replace("  企业主要负责人: 郭建平", "  # signkit: ignore[SK218, SK219]\n  企业主要负责人: 郭建平", 1)
    assert fix_text(trailing, diagnostics).text == original
    assert fix_text(own, diagnostics).text == original
    assert fix_text(own.replace("\n", "\r\n"), diagnostics).text == original.replace("\n", "\r\n")
    # one id still used: only the other goes
    numbered = original.replace(DUTY, "      - 1. 开炉前检查天然气管道", 1)
    line_end = "确认可燃气体报警器和紧急切断阀处于投用状态"
    partly = numbered.replace(line_end + "\n", line_end + "  # signkit: ignore[SK219, SK218]\n", 1)
    assert fix_text(partly, diagnostics).text == numbered.replace(
        line_end + "\n", line_end + "  # signkit: ignore[SK219]\n", 1)
    # an unknown id in the comment: left to the user
    unknown = original.replace("  企业主要负责人: 郭建平", "  企业主要负责人: 郭建平  # signkit: ignore[SK218, SK999]", 1)
    assert fix_text(unknown, diagnostics).text == unknown
