"""signkit.excel.template (and the help signkit.excel.style puts on it): a template that checks as it stands."""

from __future__ import annotations

from pathlib import Path

import openpyxl  # type: ignore[import-untyped, unused-ignore]
import pytest

from signkit.diagnostics import Severity
from signkit.excel.reader import read_workbook
from signkit.excel.template import EXAMPLE, example_site, roster_example_site, template_workbook
from signkit.pipeline.check import check_imported
from signkit.pipeline.convert import write_template
from tests.conftest import CHEMICAL, example_data, rendered, workbook_report


def test_template_reads_back_as_the_valid_example(template_xlsx: Path) -> None:
    report = workbook_report(template_xlsx)
    assert report.ok() and report.diagnostics == [], rendered(report)
    assert report.site == example_site()
    book = openpyxl.load_workbook(template_xlsx)
    assert book.sheetnames[:6] == ["企业信息", "监管责任", "工作场所", "班组与岗位", "岗位责任与风险", "风险点"]
    assert book["选项"].sheet_state == "hidden"  # the sign names do not fit Excel's 255-character inline list
    risks = book["风险点"]
    assert risks.freeze_panes == "A2" and risks["B1"].value == "风险等级" and risks["B1"].comment is not None
    formulas = {v.formula1 for v in risks.data_validations.dataValidation}
    assert '"重大,较大,一般,低"' in formulas and any(f.startswith("'选项'!") for f in formulas)
    assert any("中毒和窒息" in f for f in formulas)
    assert risks.column_dimensions["J"].width >= 40


def test_template_example_is_taken_from_the_chemical_plant() -> None:
    chem = example_data(CHEMICAL)
    assert EXAMPLE["地区"] == chem["地区"] and EXAMPLE["企业"] == chem["企业"] and EXAMPLE["监管责任"] == chem["监管责任"]
    assert EXAMPLE["风险点"][0] == chem["风险点"][0]
    post = next(p for p in chem["岗位"] if p["岗位名称"] == "储罐操作工")
    assert EXAMPLE["岗位"][0] == {**post, "人数": int(post["人数"])}
    place = next(w for w in chem["工作场所"] if w["名称"] == "罐区")
    assert {k: v for k, v in EXAMPLE["工作场所"][0].items() if k != "岗位"} == {k: v for k, v in place.items() if k != "岗位"}


def test_roster_template_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "名册.xlsx"
    write_template(path, roster=True)
    book = read_workbook(path)
    assert book.kind == "roster" and len(book.sites) == 1
    report = check_imported(book.sites[0])
    assert report.ok() and report.site is not None
    expected = roster_example_site()
    assert report.site.supervision == expected.supervision and report.site.enterprise == expected.enterprise
    # a roster row knows no risk points, so the plan gives it 2-1-2: the example is written for that
    assert [board.form_id for board in report.plan][:1] == ["2-1-2"]
    assert {d.rule for d in report.diagnostics if d.severity is Severity.WARNING} == {"SK222"}
    titles = [d.leader.title for d in (expected.supervision.industry_dept, expected.supervision.safety_dept)]
    assert all(title.startswith("副") for title in titles)


def test_template_workbook_is_built_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The excel package returns the workbook; only signkit.pipeline.convert writes it."""
    monkeypatch.chdir(tmp_path)
    site, roster = template_workbook(), template_workbook(roster=True)
    assert list(tmp_path.iterdir()) == []
    assert site.sheetnames[0] == "企业信息" and roster.sheetnames == ["企业名册"]
    header, example = ([cell.value for cell in row] for row in roster["企业名册"].iter_rows(max_row=2))
    assert example[header.index("企业名称")] == EXAMPLE["企业"]["企业名称"]
