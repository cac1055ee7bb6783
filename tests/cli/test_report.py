"""signkit.cli.report: GitHub annotations only name files GitHub can show."""

from __future__ import annotations

from pathlib import Path

import pytest

from signkit.cli.report import github_report
from signkit.diagnostics import Diagnostic, Location, Severity


def _note(file: str) -> Diagnostic:
    return Diagnostic("SK308", Severity.WARNING, "系统中的法定正文字体无法使用，已跳过", Location(file, 3, 1, ()))


def test_a_file_outside_the_tree_is_named_in_the_message_not_annotated(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    (repo / "sites").mkdir(parents=True)
    monkeypatch.chdir(repo)
    outside = str(tmp_path / "fonts" / "simkai.ttf")
    (line,) = github_report([], notes=[_note(outside)]).splitlines()
    assert line.startswith("::warning title=SK308::") and outside in line  # on the run, the path in the words
    for inside in ("sites/site.yaml", str(repo / "sites" / "site.yaml")):
        (line,) = github_report([], notes=[_note(inside)]).splitlines()
        assert line.startswith(f"::warning file={inside.replace(':', '%3A')},line=3,col=1,title=SK308::"), line
    (line,) = github_report([], notes=[_note("../elsewhere/site.yaml")]).splitlines()
    assert "file=" not in line.split("::")[1]
