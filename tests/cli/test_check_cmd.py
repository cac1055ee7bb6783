"""``signkit check`` options that linters have taught users: --output-file, --exit-zero, --statistics, --stdin-filename, -q -b."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from signkit.cli.report import rule_counts, statistics_text
from signkit.pipeline.check import check_path
from tests.conftest import CHEMICAL, SMALL, Cli, dump, example_data

GNU = re.compile(r"^(.+):(\d+):(\d+): (错误|警告|说明)：(.*) \[(SK\d{3})\]$")


def _two_problems(tmp_path: Path) -> Path:
    """SK215 (error) and SK218 (warning) twice, SK216 (warning) once."""
    data = example_data(CHEMICAL)
    data["工作场所"][0]["岗位"][0]["名称"] = "合成操作员"
    data["岗位"][0]["岗位安全生产责任"] += ["服从领导安排", "完成领导交办的其他工作任务"]
    path = tmp_path / "content.yaml"
    path.write_text(dump(data), encoding="utf-8")
    return path


def test_every_text_line_is_parsed_by_a_problem_matcher(cli: Cli, tmp_path: Path) -> None:
    path = _two_problems(tmp_path)
    code, out, _ = cli("check", "-q", "--no-layout", str(path))
    assert code == 1
    located = [GNU.match(line) for line in out.splitlines() if line.startswith(str(path))]
    assert located and all(located), out
    report = check_path(path)
    assert [(m.group(1), int(m.group(2)), int(m.group(3)), m.group(6)) for m in located if m] == [
        (str(path), d.location.line, d.location.column, d.rule) for d in report.diagnostics]


def test_output_file_gets_the_report_and_the_screen_nothing(cli: Cli, tmp_path: Path) -> None:
    path = _two_problems(tmp_path)
    target = tmp_path / "报告" / "check.json"
    target.parent.mkdir()
    code, out, _ = cli("check", "--no-layout", "--format", "json", "--output-file", str(target), str(path))
    assert code == 1 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["errors"] == 1
    assert [p.name for p in target.parent.iterdir()] == ["check.json"]  # written whole, no temporary left behind
    code, _, err = cli("check", "--no-layout", "-o", str(path / "a.txt"), str(path))  # "inside" a file
    assert code == 2 and "无法写入" in err


def test_exit_zero_keeps_the_report_but_not_the_failure(cli: Cli, tmp_path: Path) -> None:
    path = _two_problems(tmp_path)
    code, out, _ = cli("check", "--no-layout", "--exit-zero", str(path))
    assert code == 0 and "[SK215]" in out and "1 个文件未通过" in out
    code, _, _ = cli("check", "--no-layout", "--exit-zero", str(path), str(tmp_path / "missing.yaml"))
    assert code == 2  # an unreadable file is still the environment's failure
    assert cli("check", "--exit-zero", "--format", "nonsense", str(path))[0] == 2


def test_statistics_count_each_rule_most_frequent_first(cli: Cli, tmp_path: Path) -> None:
    path = _two_problems(tmp_path)
    code, out, _ = cli("check", "--no-layout", "--statistics", "--fonts", "bundled", str(path))
    assert code == 1
    lines = out.strip().splitlines()
    rows = [line.split()[:3] for line in lines]
    assert rows[:1] == [["2", "SK218", "警告"]]  # bundled fonts were asked for: no SK304 stand-in notice
    assert ["1", "SK215", "错误"] in rows and ["1", "SK216", "警告"] in rows and len(rows) == 3
    assert lines[0].endswith("岗位安全生产责任模糊宽泛或列入了其他工作职责")
    code, out, _ = cli("check", "--no-layout", "--statistics", "--format", "json", "--strict", str(path))
    counted = {row["rule"]: (row["count"], row["severity"]) for row in json.loads(out)}
    assert counted["SK218"] == (2, "error") and counted["SK215"] == (1, "error")  # --strict counts warnings as errors
    code, out, _ = cli("check", "--no-layout", "--statistics", str(SMALL))
    assert code == 0 and "SK2" not in out  # a clean file: only the run's font notes, if any
    assert statistics_text([check_path(SMALL)]) == "检查了 1 个文件：没有发现问题"
    assert cli("check", "--statistics", "--format", "sarif", str(SMALL))[0] == 2


def test_rule_counts_are_sorted_by_count_then_id(tmp_path: Path) -> None:
    report = check_path(_two_problems(tmp_path))
    counts = rule_counts([report])
    assert [(rule, count) for rule, count, _ in counts] == sorted(
        ((rule, sum(d.rule == rule for d in report.diagnostics)) for rule in {d.rule for d in report.diagnostics}),
        key=lambda item: (-item[1], item[0]))


def test_stdin_filename_names_the_buffer_and_finds_its_settings(cli: Cli, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    data = example_data(SMALL)
    data["企业"]["企业名秤"] = data["企业"].pop("企业名称")
    folder = tmp_path / "项目"
    folder.mkdir()
    (folder / "signkit.toml").write_text('[signs]\nfolder = "没有这个文件夹"\n', encoding="utf-8")
    text = dump(data).encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text), encoding="utf-8"))
    name = str(folder / "site.yaml")
    code, out, _ = cli("check", "-q", "--no-layout", "--stdin-filename", name, "-")
    assert code == 1
    assert any(line.startswith(f"{name}:") and "[SK101]" in line for line in out.splitlines()), out
    assert "<stdin>" not in out
    assert "没有这个文件夹" in out and "[SK711]" in out  # the signkit.toml beside the named file was read
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text), encoding="utf-8"))
    code, out, _ = cli("check", "-q", "--no-layout", "-")
    assert "<stdin>:" in out and "[SK711]" not in out


def test_boards_wins_over_quiet(cli: Cli) -> None:
    """-q hides the plan; -b asks for the board listing by name, so it is shown rather than silently dropped."""
    code, quiet, _ = cli("check", "-q", "--no-layout", str(SMALL))
    assert code == 0 and "逐块" not in quiet and "需制作" not in quiet
    code, both, _ = cli("check", "-q", "-b", "--no-layout", "--fonts", "bundled", str(SMALL))
    _, boards, _ = cli("check", "-b", "--no-layout", "--fonts", "bundled", str(SMALL))  # -q also hides 说明
    assert code == 0 and "  逐块，修订日期" in both
    assert both == boards


def test_output_file_that_is_a_folder_is_said_in_plain_words(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "报告"
    folder.mkdir()
    code, out, err = cli("check", "-q", "--no-layout", "--format", "junit", "--output-file", str(folder), str(SMALL))
    assert code == 2 and out == "" and f"无法写入 {folder}：这是一个文件夹" in err and ".tmp" not in err
    assert list(folder.iterdir()) == [] and not list(tmp_path.glob(".*.tmp"))
