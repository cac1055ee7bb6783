"""SARIF 2.1.0 (validated against the official OASIS schema) and JUnit XML (the shape CI test reporters read)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from signkit.cli.ci_formats import artifact_uri, junit_report, sarif_report
from signkit.codes import CODES
from signkit.pipeline.check import check_path
from signkit.pipeline.convert import write_template
from tests.conftest import CHEMICAL, SMALL, Cli, dump, example_data, workbook_report

SCHEMA = json.loads((Path(__file__).parent.parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _validate(document: dict[str, Any]) -> None:
    jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(document)


def _content(folder: Path, name: str = "站点.yaml") -> Path:
    """SK215 (error, with a hint) and SK218 (warning) and SK216 (warning)."""
    data = example_data(CHEMICAL)
    data["工作场所"][0]["岗位"][0]["名称"] = "合成操作员"
    data["岗位"][0]["岗位安全生产责任"].append("服从领导安排")
    path = folder / name
    path.write_text(dump(data), encoding="utf-8")
    return path


def test_sarif_is_valid_and_points_at_each_problem(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sites").mkdir()
    path = _content(tmp_path / "sites")
    code, out, _ = cli("check", "--no-layout", "--format", "sarif", "sites/站点.yaml", str(SMALL))
    assert code == 1
    log = json.loads(out)
    _validate(log)
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "signkit" and driver["version"]
    report = check_path(path)
    results = [r for r in run["results"] if r["ruleId"].startswith("SK2")]
    assert [r["ruleId"] for r in results] == [d.rule for d in report.diagnostics]
    for result, diag in zip(results, report.diagnostics, strict=True):
        assert driver["rules"][result["ruleIndex"]]["id"] == diag.rule
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[diag.severity.value]
        physical = result["locations"][0]["physicalLocation"]
        # relative to the folder check ran in, percent-encoded, resolved against %SRCROOT%
        assert physical["artifactLocation"] == {"uri": "sites/%E7%AB%99%E7%82%B9.yaml", "uriBaseId": "%SRCROOT%"}
        assert physical["region"] == {"startLine": diag.location.line, "startColumn": diag.location.column}
    sk215 = next(r for r in results if r["ruleId"] == "SK215")
    assert sk215["message"]["text"].startswith("工作场所[0].岗位[0].名称 岗位「合成操作员」")
    assert sk215["message"]["text"].endswith("提示：是否想写「合成操作工」？")
    assert sk215["properties"]["keyPath"] == "工作场所[0].岗位[0].名称"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert sorted(rules) == sorted({r["ruleId"] for r in run["results"]})
    assert rules["SK218"]["defaultConfiguration"]["level"] == "warning"
    assert rules["SK218"]["shortDescription"]["text"] == CODES["SK218"].title
    assert "三、3" in rules["SK218"]["help"]["text"]  # the basis in the regulation is in the help
    # --strict reports warnings as errors
    _, out, _ = cli("check", "--no-layout", "--format", "sarif", "--strict", "sites/站点.yaml")
    assert {r["level"] for r in json.loads(out)["runs"][0]["results"] if r["ruleId"] == "SK218"} == {"error"}


def test_sarif_fingerprints_survive_lines_moving(tmp_path: Path) -> None:
    """Code scanning matches a problem across runs by its fingerprint: a line added above must not make it new."""
    path = _content(tmp_path)
    before = json.loads(sarif_report([check_path(path)], base=tmp_path))["runs"][0]["results"]
    path.write_text("# 新加的一行注释\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    after = json.loads(sarif_report([check_path(path)], base=tmp_path))["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after] == [
        r["locations"][0]["physicalLocation"]["region"]["startLine"] + 1 for r in before]
    assert [r["partialFingerprints"] for r in after] == [r["partialFingerprints"] for r in before]
    assert len({r["partialFingerprints"]["signkitDiagnostic/v1"] for r in after}) == len(after)


def test_sarif_for_a_workbook_names_the_cell_not_a_line(tmp_path: Path) -> None:
    import openpyxl  # type: ignore[import-untyped, unused-ignore]

    book_path = tmp_path / "模板.xlsx"
    write_template(book_path)
    book = openpyxl.load_workbook(book_path)
    book["风险点"]["B2"] = "很大"
    book.save(book_path)
    document = json.loads(sarif_report([workbook_report(book_path)], base=tmp_path))
    _validate(document)
    result = next(r for r in document["runs"][0]["results"] if r["ruleId"] == "SK107")
    (location,) = result["locations"]
    assert "region" not in location["physicalLocation"]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "%E6%A8%A1%E6%9D%BF.xlsx"
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "风险点!B2"
    assert result["message"]["text"].startswith("风险点!B2：风险点[0].风险等级")
    assert (result["properties"]["sheet"], result["properties"]["cell"]) == ("风险点", "B2")


def test_sarif_uris_outside_the_folder_are_absolute(tmp_path: Path) -> None:
    inside = tmp_path / "a"
    inside.mkdir()
    assert artifact_uri(str(inside / "x y.yaml"), inside) == ("x%20y.yaml", "%SRCROOT%")
    uri, base = artifact_uri(str(tmp_path / "b.yaml"), inside)
    assert uri == (tmp_path / "b.yaml").resolve().as_uri() and base is None
    assert artifact_uri("<stdin>", inside) == ("%3Cstdin%3E", None)


def test_a_clean_run_is_a_valid_empty_sarif_log(tmp_path: Path) -> None:
    document = json.loads(sarif_report([check_path(SMALL)], base=tmp_path))
    _validate(document)
    assert document["runs"][0]["results"] == [] and document["runs"][0]["tool"]["driver"]["rules"] == []


def test_junit_has_one_suite_per_file_and_a_failure_per_rule_with_errors(cli: Cli, tmp_path: Path) -> None:
    path = _content(tmp_path)
    missing = tmp_path / "missing.yaml"
    code, out, _ = cli("check", "--no-layout", "--format", "junit", str(path), str(SMALL), str(missing))
    assert code == 2
    root = ET.fromstring(out)
    assert root.tag == "testsuites"
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert {str(path), str(SMALL), str(missing)} <= suites.keys()
    content = suites[str(path)]
    cases = {case.get("name", "").split()[0]: case for case in content.iter("testcase")}
    assert sorted(cases) == sorted({d.rule for d in check_path(path).diagnostics})
    failure = cases["SK215"].find("failure")
    assert failure is not None and failure.get("type") == "SK215"
    assert failure.text is not None and f"{path}:" in failure.text and "[SK215]" in failure.text
    assert cases["SK215"].get("file") == str(path) and cases["SK215"].get("line", "").isdigit()
    assert cases["SK218"].find("failure") is None and "[SK218]" in (cases["SK218"].findtext("system-out") or "")
    assert (content.get("tests"), content.get("failures"), content.get("errors")) == (str(len(cases)), "1", "0")
    clean = suites[str(SMALL)]
    assert [case.get("name") for case in clean.iter("testcase")] == ["检查通过"] and clean.get("failures") == "0"
    unreadable = suites[str(missing)]
    assert unreadable.get("errors") == "1" and unreadable.find("testcase/error") is not None
    # the totals add up across suites
    for key in ("tests", "failures", "errors"):
        assert root.get(key) == str(sum(int(suite.get(key, "0")) for suite in suites.values()))


def test_junit_strict_fails_on_warnings() -> None:
    report = check_path(SMALL)
    assert ET.fromstring(junit_report([report], strict=True)).get("failures") == "0"
    data = example_data(SMALL)
    data["岗位"][0]["岗位安全生产责任"].append("服从领导安排")
    from signkit.pipeline.check import check_text

    warned = check_text(dump(data), "warn.yaml")
    assert ET.fromstring(junit_report([warned])).get("failures") == "0"
    assert ET.fromstring(junit_report([warned], strict=True)).get("failures") == "1"


def test_the_formats_are_deterministic(tmp_path: Path) -> None:
    path = _content(tmp_path)
    reports = [check_path(path)]
    assert sarif_report(reports, base=tmp_path) == sarif_report([check_path(path)], base=tmp_path)
    assert junit_report(reports) == junit_report([check_path(path)])
