"""The one-line form of a diagnostic: the GNU ``file:line:col: message`` that editors and CI problem matchers parse."""

from __future__ import annotations

import re

import pytest

from signkit.diagnostics import Diagnostic, Location, Severity

#: The matcher GCC- and ruff-style problem matchers use (VS Code's $gcc, GitHub's, Emacs compile mode).
GNU = re.compile(r"^(.+):(\d+):(\d+): (.*)$")


def test_a_located_line_is_parsed_by_a_gnu_problem_matcher() -> None:
    diag = Diagnostic("SK103", Severity.ERROR, "不能为空", Location("site.yaml", 42, 7, ("工作场所", 2, "班组", 0, "负责人")),
                      "填写班组负责人的姓名")
    first, hint = diag.render().split("\n")
    match = GNU.match(first)
    assert match is not None
    assert match.groups() == ("site.yaml", "42", "7", "错误：工作场所[2].班组[0].负责人 不能为空 [SK103]")
    assert hint == "    提示：填写班组负责人的姓名" and not GNU.match(hint)  # a hint is never taken for another problem


@pytest.mark.parametrize(("severity", "word"), [(Severity.ERROR, "错误"), (Severity.WARNING, "警告"), (Severity.INFO, "说明")])
def test_every_line_names_its_level(severity: Severity, word: str) -> None:
    line = Diagnostic("SK218", severity, "模糊宽泛", Location("a b/站点.yaml", 3, 1, ("岗位", 0))).render()
    match = GNU.match(line)
    assert match is not None and match.group(1) == "a b/站点.yaml"
    assert match.group(4) == f"{word}：岗位[0] 模糊宽泛 [SK218]"


@pytest.mark.parametrize(("location", "expected"), [
    (Location("台账.xlsx", sheet="风险点", cell="C5", path=("风险点", 2, "风险等级")),
     "台账.xlsx:风险点!C5: 错误：风险点[2].风险等级 坏了 [SK001]"),
    (Location("site.yaml"), "site.yaml: 错误：坏了 [SK001]"),
    (Location("site.yaml", 12), "site.yaml:12: 错误：坏了 [SK001]"),
])
def test_places_without_a_line_and_column_are_not_sent_to_one(location: Location, expected: str) -> None:
    """A workbook cell has no line to jump to: a line matcher must leave it alone, not open the zip file at line 5."""
    line = Diagnostic("SK001", Severity.ERROR, "坏了", location).render()
    assert line == expected
    assert GNU.match(line) is None
