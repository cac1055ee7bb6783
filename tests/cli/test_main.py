"""The CLI in-process: exit codes, the three output formats, init, schema, layouts, rules, no tracebacks."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from signkit.cli import main
from signkit.codes import CODES, rules_markdown
from signkit.model.schema import site_schema_json
from tests.conftest import CHEMICAL, ROOT, SMALL, dump, example_data

Cli = Callable[..., tuple[int, str, str]]


def _broken(tmp_path: Path) -> Path:
    """A schema error: content rules do not run until the shape is right."""
    data = example_data(CHEMICAL)
    data["工作场所"][0]["班组"][0]["负责人"] = None
    path = tmp_path / "broken.yaml"
    path.write_text(dump(data), encoding="utf-8")
    return path


def _content(tmp_path: Path) -> Path:
    """One content error (SK215) and one warning (SK218)."""
    data = example_data(CHEMICAL)
    data["工作场所"][0]["岗位"][0]["名称"] = "合成操作员"
    data["岗位"][0]["岗位安全生产责任"].append("服从领导安排")
    path = tmp_path / "content.yaml"
    path.write_text(dump(data), encoding="utf-8")
    return path


def test_check_examples_clean(cli: Cli) -> None:
    code, out, _ = cli("check", str(CHEMICAL), str(SMALL))
    assert code == 0
    assert "附表 2-1-1" in out and "附表 2-1-2" in out
    assert "岗位风险告知卡 × 5，共 27 张" in out
    assert out.strip().endswith("全部通过")


def test_check_errors_exit_1_with_located_lines(cli: Cli, tmp_path: Path) -> None:
    path = _broken(tmp_path)
    code, out, _ = cli("check", str(path))
    assert code == 1
    assert f"{path}:" in out and "工作场所[0].班组[0].负责人 不能为空 [SK103]" in out


def test_warnings_pass_unless_strict(cli: Cli, tmp_path: Path) -> None:
    data = example_data(CHEMICAL)
    data["岗位"][0]["岗位安全生产责任"].append("服从领导安排")
    path = tmp_path / "warn.yaml"
    path.write_text(dump(data), encoding="utf-8")
    code, out, _ = cli("check", str(path))
    assert code == 0 and "警告：" in out and "[SK218]" in out
    code, _, _ = cli("check", "--strict", str(path))
    assert code == 1


def test_unreadable_file_exits_2_even_beside_good_ones(cli: Cli, tmp_path: Path) -> None:
    code, out, _ = cli("check", str(CHEMICAL), str(tmp_path / "missing.yaml"))
    assert code == 2 and "文件不存在 [SK001]" in out
    code, _, err = cli("check", str(tmp_path))  # a folder is searched; this one holds no site file
    assert code == 2 and "没有找到站点文件" in err


def test_usage_error_exits_2(cli: Cli) -> None:
    assert cli("check")[0] == 2
    assert cli("check", "--format", "xml", str(CHEMICAL))[0] == 2
    assert cli("no-such-command")[0] == 2


def test_json_format(cli: Cli, tmp_path: Path) -> None:
    path = _content(tmp_path)
    code, out, _ = cli("check", "--format", "json", str(path), str(SMALL))
    assert code == 1
    doc = json.loads(out)
    assert doc["summary"] == {"files": 2, "failed": 1, "errors": 1, "warnings": 2}  # SK218, and SK216 for the orphaned post
    broken, small = doc["files"]
    assert broken["ok"] is False and broken["plan_counts"]["2-1-1"] == {"designs": 1, "pieces": 1}
    diag = next(d for d in broken["diagnostics"] if d["rule"] == "SK215")
    assert diag["severity"] == "error"
    assert diag["location"]["path"] == "工作场所[0].岗位[0].名称"
    assert diag["location"]["path_parts"] == ["工作场所", 0, "岗位", 0, "名称"]
    assert diag["hint"] == "是否想写「合成操作工」？"
    assert isinstance(diag["location"]["line"], int) and isinstance(diag["location"]["column"], int)
    assert small["ok"] is True and small["plan_counts"]["2-1-2"] == {"designs": 1, "pieces": 1}
    code, out, _ = cli("check", "--format", "json", "--strict", str(path))
    assert json.loads(out)["summary"]["errors"] == 3


def test_check_boards_lists_stamps_with_the_revision_date(cli: Cli) -> None:
    """What an inspector compares with the stamp on the wall: 内容 <hash> · 修订 <date>, per board."""
    from signkit.fonts import resolve_fonts
    from signkit.pipeline.check import check_path

    code, out, _ = cli("check", "--boards", "--fonts", "bundled", str(CHEMICAL))
    assert code == 0
    lines = out.splitlines()
    (header,) = [line for line in lines if line.startswith("  逐块")]
    assert "修订日期 2026-05-18" in header
    report = check_path(str(CHEMICAL), fonts=resolve_fonts(mode="bundled"), layout=True)
    listed = [line.split()[0] for line in lines[lines.index(header) + 1:] if line.startswith("    ")]
    assert listed == [stamp[:8] for stamp in report.stamps] and len(listed) == len(report.plan)

    code, out, _ = cli("check", "--format", "json", "--fonts", "bundled", str(CHEMICAL), str(SMALL))
    chemical, small = json.loads(out)["files"]
    assert (chemical["revised"], small["revised"]) == ("2026-05-18", "2026-04-20")
    for entry, revised in ((chemical, "2026-05-18"), (small, "2026-04-20")):
        for board in entry["plan"]:  # the old fields are still there, the date beside them
            assert board["revised"] == revised and board["stamp"] == board["content_hash"][:8]
            assert {"form", "subject", "quantity", "maker", "hangs", "source"} <= board.keys()


def test_github_format(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the checked-out repository, as in a workflow: its files get annotations
    path = _content(tmp_path)
    code, out, _ = cli("check", "--format", "github", str(path))
    assert code == 1
    lines = out.strip().splitlines()
    error = next(line for line in lines if "title=SK215" in line)
    assert error.startswith(f"::error file={path},line=")
    assert ",col=" in error and "::工作场所[0].岗位[0].名称 岗位「合成操作员」不在" in error
    assert error.endswith("%0A提示：是否想写「合成操作工」？")
    assert any(line.startswith("::warning ") and "title=SK218" in line for line in lines)
    code, out, _ = cli("check", "--format", "github", "--fonts", "bundled", str(CHEMICAL))
    assert code == 0
    assert out == ""  # bundled fonts were asked for: no stand-in notice to annotate


def test_init_writes_a_starter_that_passes(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "新企业"
    code, out, _ = cli("init", str(target))
    assert code == 0
    site = target / "site.yaml"
    assert site.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=./signkit-site.schema.json")
    assert json.loads((target / "signkit-site.schema.json").read_text(encoding="utf-8"))["title"] == "站点文件"
    code, out, _ = cli("check", "--strict", str(site))
    assert code == 0, out
    # never overwrites without --force
    site.write_text("改过的内容\n", encoding="utf-8")
    code, _, err = cli("init", str(target))
    assert code == 1 and "已存在" in err
    assert site.read_text(encoding="utf-8") == "改过的内容\n"
    assert cli("init", "--force", str(target))[0] == 0


@pytest.mark.parametrize("command", [["init"], ["schema", "-o"]])
def test_an_unwritable_target_is_exit_2_with_the_reason(cli: Cli, tmp_path: Path, command: list[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    code, out, err = cli(*command, str(blocker / "sub" / "target"))
    assert code == 2, err
    assert "无法写入" in err and "路径中有一段不是文件夹" in err and "Traceback" not in out + err
    assert blocker.read_text(encoding="utf-8") == "x"


def test_schema_is_current_and_in_chinese(cli: Cli) -> None:
    code, out, _ = cli("schema")
    assert code == 0
    schema = json.loads(out)
    assert "地区" in schema["properties"] and schema["additionalProperties"] is False
    assert schema["$defs"]["RiskPoint"]["properties"]["风险等级"]["enum"][:4] == ["重大", "较大", "一般", "低"]
    committed = (ROOT / "docs" / "site.schema.json").read_text(encoding="utf-8")
    assert committed == site_schema_json(), "docs/site.schema.json is stale: run signkit schema -o docs/site.schema.json"


def test_rules_doc_is_current(cli: Cli) -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(), "docs/rules.md is stale: run signkit rules --markdown > docs/rules.md"
    code, out, _ = cli("rules")
    assert code == 0 and all(rule in out for rule in CODES)


def test_every_rule_id_the_code_emits_is_in_the_one_table() -> None:
    """One table (signkit/codes.py) holds every rule id; the code emits no id missing from it, and it lists none unused."""
    emitted: set[str] = set()
    for path in (ROOT / "signkit").rglob("*.py"):
        if path.name != "codes.py":
            emitted.update(re.findall(r'"(SK\d{3})"', path.read_text(encoding="utf-8")))
    assert emitted - set(CODES) == set(), "rule ids emitted but missing from signkit/codes.py"
    assert set(CODES) - emitted == set(), "rule ids in signkit/codes.py that nothing emits"
    assert all(code.severity in ("error", "warning", "info") and code.title for code in CODES.values())


def test_layouts(cli: Cli) -> None:
    code, out, _ = cli("layouts")
    assert code == 0
    assert "附表 2-6  安全生产举报公示栏" in out and "300 × 150 cm" in out and "60 × 90 cm" in out
    code, out, _ = cli("layouts", "--json")
    forms = json.loads(out)
    assert [f["form"] for f in forms] == ["2-1-1", "2-1-2", "2-2", "2-3", "2-4", "2-5", "2-6", "2-7"]


def test_version(cli: Cli) -> None:
    code, out, _ = cli("--version")
    assert code == 0 and out.startswith("signkit ")


def test_internal_error_is_a_message_not_a_traceback(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.delenv("SIGNKIT_DEBUG", raising=False)
    monkeypatch.setattr("signkit.pipeline.check.check_source", boom)
    code, out, err = cli("check", str(CHEMICAL))
    assert code == 3
    assert "内部错误" in err and "Traceback" not in err + out


def test_python_dash_m_entry_point() -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "signkit", "check", "-q", str(CHEMICAL)],
                            capture_output=True, text=True, encoding="utf-8", check=False)
    assert result.returncode == 0, result.stderr
    assert "全部通过" in result.stdout


def test_main_defaults_to_sys_argv(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.argv", ["signkit", "--version"])
    assert main() == 0
    assert "signkit" in capsys.readouterr().out


def test_a_render_that_makes_nothing_leaves_no_folder_and_names_no_file(cli: Cli, tmp_path: Path) -> None:
    """Every enterprise failed: no empty output folder is left, and the summary names no manifest it did not write."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("企业:\n  企业名称: 坏\n", encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, _ = cli("render", str(bad), "-o", str(out), "--fonts", "bundled")
    assert code == 1 and "失败 1" in stdout
    assert not out.exists() and "manifest.json" not in stdout and "印刷清单：" not in stdout
    # a folder that was there before the run is the user's: kept, even when the run leaves it empty
    out.mkdir()
    assert cli("render", str(bad), "-o", str(out), "--fonts", "bundled")[0] == 1 and out.is_dir()


def test_a_dry_run_says_it_wrote_nothing_and_points_at_no_print_order(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stdout, _ = cli("render", str(SMALL), "-o", str(out), "--fonts", "bundled", "--dry-run")
    assert code == 0 and not out.exists()
    assert "没有写入任何文件" in stdout and "见印刷清单" not in stdout, stdout


def test_cards_that_do_not_fit_the_sheet_are_sk505_and_the_boards_are_still_made(cli: Cli, tmp_path: Path) -> None:
    """A 60 mm gripper on A4 leaves no room for an A6 card: a located error, exit 1, never an internal error."""
    out = tmp_path / "out"
    code, stdout, stderr = cli("render", str(SMALL), "-o", str(out), "--fonts", "bundled", "--impose", "A4",
                               "--gripper", "60")
    assert code == 1 and "内部错误" not in stdout + stderr
    assert "[SK505]" in stdout + stderr and "没有生成拼版文件" in stdout + stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["complete"] is True
    assert len(list(out.glob("*/*.pdf"))) == 17 and not list(out.glob("*/*拼版*"))


def test_a_2_1_1_grown_by_its_major_points_says_its_new_size(cli: Cli, tmp_path: Path) -> None:
    """Six long 重大 risk points make 2-1-1 taller than asked: the office is told the size to make (SK506, info)."""
    data = example_data(CHEMICAL)
    first = data["风险点"][0]
    data["风险点"] = [{**first, "风险点名称": f"液氨储罐区及配套装卸鹤管与输送管廊第{n}号区域", "风险等级": "重大"}
                     for n in range(1, 7)]
    data["监管责任"].pop("风险点", None)
    site = tmp_path / "site.yaml"
    site.write_text(dump(data), encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, stderr = cli("render", str(site), "-o", str(out), "--fonts", "bundled", "--producer", "政府")
    assert code == 0, stdout + stderr
    said = [line for line in (stdout + stderr).splitlines() if "[SK506]" in line]
    assert len(said) == 1 and "附表 2-1-1" in said[0] and "由 1200×800 mm 增高到 1200×" in said[0], said
    manifest = json.loads(next(out.glob("*/manifest.json")).read_text(encoding="utf-8"))
    (entry,) = [e for e in manifest["files"] if e["form"] == "2-1-1"]
    assert entry["trim_mm"][1] > 800 and f"{entry['trim_mm'][1]:.0f} mm" in said[0]
    # check says the same before anything is rendered (the size to order is known from the data)
    code, stdout, stderr = cli("check", str(site), "--fonts", "bundled")
    assert code == 0 and [line for line in (stdout + stderr).splitlines() if "[SK506]" in line] == said


def test_a_problem_that_blocks_every_board_is_said_once_and_no_other_boards_are_promised(tmp_path: Path, cli: Cli) -> None:
    data = example_data(SMALL)
    data["企业"]["企业名称"] = ""
    site = tmp_path / "site.yaml"
    site.write_text(dump(data), encoding="utf-8")
    code, out, err = cli("render", str(site), "-o", str(tmp_path / "out"), "--fonts", "bundled")
    text = out + err
    assert code == 1
    assert text.count("[SK103]") == 1, text  # once for all seven kinds, not once per board
    assert "原因见上" in text and "2-1-2、2-2" in text and "2-7" in text
    assert "其余的牌不受影响" not in text  # there are no other boards


def test_check_says_a_problem_that_blocks_every_board_once(tmp_path: Path, cli: Cli) -> None:
    data = example_data(SMALL)
    data["企业"]["企业名秤"] = data["企业"].pop("企业名称")
    site = tmp_path / "site.yaml"
    site.write_text(dump(data), encoding="utf-8")
    code, out, _ = cli("check", str(site), "--fonts", "bundled", "--no-layout")
    assert code == 1
    assert "全部 17 块牌受阻，原因相同：SK102、SK101" in out, out
    assert "其余的牌照常生成" not in out  # no board can be made
    data = example_data(SMALL)
    data["工作场所"][0]["负责人"] = ""  # blocks that workplace's boards only
    site.write_text(dump(data), encoding="utf-8")
    code, out, _ = cli("check", str(site), "--fonts", "bundled", "--no-layout")
    assert code == 1 and "受阻的牌（改正下列问题后才会生成，其余的牌照常生成）：" in out, out


def test_rules_checks_its_format_and_lists_every_rule_as_json(cli: Cli) -> None:
    code, _, err = cli("rules", "--format", "bogus")
    assert code == 2 and "未知的格式「bogus」" in err
    code, out, _ = cli("rules", "--format", "json")
    listed = json.loads(out)
    assert code == 0 and {entry["rule"] for entry in listed} == set(CODES)
