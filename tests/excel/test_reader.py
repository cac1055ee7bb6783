"""signkit.excel.reader: a file → one site or a roster of sites; sheets that cannot be read are named, never dropped."""

from __future__ import annotations

from pathlib import Path

import openpyxl  # type: ignore[import-untyped, unused-ignore]
import pytest

from signkit.diagnostics import Severity
from signkit.excel.reader import read_workbook
from signkit.pipeline.check import check_imported
from tests.conftest import Cli, rules_of, workbook_report
from tests.excel import ledger_samples as samples
from tests.excel.ledger_samples import Sheet

_CSV = ("风险点名称,风险等级,所在工作场所,风险及可能造成的危害,事故诱因,管控责任人,管控措施,应急处置措施\r\n"
        "配电室,一般,合成车间,\"电气设备漏电，可能造成触电\n线路短路过载，可能引发火灾\",绝缘老化；无证操作,梁俊峰,"
        "电工持证上岗,有人触电立即断电施救\r\n"
        "成品仓库,蓝,,堆垛倒塌,堆垛超高,霍志明,1.堆高不超过2米 2.叉车限速,拨打120\r\n")


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8"])
def test_csv_ledger_in_each_encoding(encoding: str, tmp_path: Path) -> None:
    path = tmp_path / "风险清单.csv"
    path.write_bytes(_CSV.encode(encoding))
    book = read_workbook(path)
    imported = book.sites[0]
    points = imported.data["风险点"]
    assert [p["风险点名称"] for p in points] == ["配电室", "成品仓库"]
    assert points[0]["风险及可能造成的危害"] == ["电气设备漏电，可能造成触电", "线路短路过载，可能引发火灾"]
    assert points[0]["事故诱因"] == ["绝缘老化", "无证操作"]
    assert points[1]["管控措施"] == ["堆高不超过2米", "叉车限速"] and "所在工作场所" not in points[1]
    assert (any(d.rule == "SK912" for d in imported.diagnostics)) == (encoding == "gbk")
    report = check_imported(imported)
    # a ledger alone is not a site: the missing sheets are said once each, not per key
    assert [d.message for d in report.diagnostics if d.rule == "SK902"] == [
        "工作簿中没有「企业信息」工作表（地区、企业是必填的）", "工作簿中没有「监管责任」工作表（监管责任是必填的）"]
    assert "SK102" not in rules_of(report)
    assert any(d.render().startswith("风险清单.csv:风险清单!") or str(path) in d.render() for d in report.diagnostics)


def test_wrong_sheet_names_are_reported(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "别的.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    book.active.append(["姓名", "年龄"])
    book.active.append(["张三", 30])
    book.save(path)
    code, out, _ = cli("check", "-q", "--no-layout", str(path))
    assert code == 1 and "无法识别工作表「Sheet1」" in out and "工作簿中没有可识别的工作表 [SK902]" in out


def test_hidden_sheets_are_named_not_dropped_silently(template_xlsx: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(template_xlsx)
    book["风险点"].sheet_state = "veryHidden"
    book["企业信息"].sheet_state = "hidden"
    path = tmp_path / "隐藏.xlsx"
    book.save(path)
    report = workbook_report(path)
    hidden = [d for d in report.diagnostics if d.rule == "SK905"]
    assert {d.location.sheet for d in hidden} == {"风险点", "企业信息"}
    assert all("隐藏" in d.message for d in hidden)
    missing = [d for d in report.diagnostics if d.rule == "SK902"]
    assert len(missing) == 1 and "企业信息" in missing[0].message and "隐藏" in missing[0].message


def test_a_workbook_is_read_once_per_content(tmp_path: Path) -> None:
    """A batch reads a roster to list it and again per enterprise: the second read is the first one's result."""
    path = tmp_path / "风险清单.csv"
    path.write_bytes(_CSV.encode("utf-8"))
    first = read_workbook(path)
    assert read_workbook(path) is first
    assert read_workbook(path, display="别名.csv") is not first  # messages name the file as asked
    path.write_bytes(_CSV.replace("配电室", "变电所").encode("utf-8"))
    assert read_workbook(path).sites[0].data["风险点"][0]["风险点名称"] == "变电所"


def test_summary_sheets_are_not_read_as_more_risk_points(tmp_path: Path) -> None:
    path = samples.FOUNDRY.xlsx(tmp_path / "清单.xlsx", samples.SUMMARY)
    site = read_workbook(path).sites[0]
    assert [p["风险点名称"] for p in site.data["风险点"]] == ["中频炉熔炼区", "浇注区", "抛丸清理", "配电室"]  # not 6
    note = next(d for d in site.diagnostics if d.location.sheet == "风险点统计表")
    assert note.rule == "SK905" and note.severity is Severity.INFO and "是汇总或评价记录，未读取" in note.message


def test_rows_below_the_footer_are_said_not_read(tmp_path: Path) -> None:
    sheet = Sheet("风险点", [["风险点名称", "风险等级", "管控措施"], ["配电室", "一般", "持证上岗"], ["编制：张三　审核：李四"],
                            ["仓库", "低", "禁止烟火"]])
    site = read_workbook(sheet.xlsx(tmp_path / "清单.xlsx")).sites[0]
    assert [p["风险点名称"] for p in site.data["风险点"]] == ["配电室"]
    said = next(d for d in site.diagnostics if d.rule == "SK905")
    assert said.location.cell == "A4" and "在表尾「编制：张三　审核：李四」（第 3 行）之下，未读取" in said.message
