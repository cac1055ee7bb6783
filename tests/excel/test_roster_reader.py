"""signkit.excel.roster_reader: a regulator's roster → one enterprise per row, each message at its row."""

from __future__ import annotations

from pathlib import Path

from signkit.excel.reader import read_workbook
from signkit.pipeline.check import check_imported, check_path
from signkit.pipeline.inputs import collect_inputs
from tests.conftest import Cli, write_roster


def test_roster_gives_one_site_file_per_enterprise(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "名册.xlsx"
    write_roster(path)
    book = read_workbook(path)
    assert book.kind == "roster" and [s.name for s in book.sites] == [f"{path}#{row}" for row in (2, 3, 4)]
    specials = [[d["部门"] for d in s.data["监管责任"].get("专业监管部门", [])] for s in book.sites]
    assert specials == [["定襄县市场监督管理局"], [], ["定襄县市场监督管理局", "定襄县消防救援大队"]]
    assert book.sites[0].data["监管责任"]["属地监管"]["责任领导"] == {"姓名": "薛志强", "职务": "副镇长"}
    code, out, _ = cli("import", str(path), "-o", str(tmp_path / "sites"))
    written = sorted(p.name for p in (tmp_path / "sites").glob("*.yaml"))
    assert written == ["丙建材有限公司.yaml", "乙机械有限公司.yaml", "甲化工有限公司.yaml"]
    assert code == 1  # the county channel is not in the roster: each file still needs it (SK204)
    assert "名册.xlsx#3" in out
    report = check_path(tmp_path / "sites" / "乙机械有限公司.yaml")
    assert report.site is not None and report.site.supervision.industry_dept.officer == "王海鹏"
    # the batch sees one enterprise per row, named after it
    inputs = collect_inputs([str(path)])
    assert [i.name for i in inputs] == [f"{path}#2", f"{path}#3", f"{path}#4"] and inputs[2].index == 2
    code, out, _ = cli("check", "-q", "--no-layout", str(path))
    assert code == 1 and out.count("[SK204]") == 6  # 电话 and 来信地址, for each enterprise
    assert f"{path}:监管企业名册!A4 工作场所 警告：没有填写任何工作场所" in out  # each message names its row


def test_roster_columns_that_are_missing_are_said_once(tmp_path: Path) -> None:
    path = tmp_path / "名册.csv"
    path.write_text("企业名称,城市,行业主管部门,行业主管部门责任领导,安全监管部门\r\n"
                    "甲公司,忻州市,工信局,张三,应急局\r\n乙公司,忻州市,工信局,张三,应急局\r\n", encoding="utf-8")
    book = read_workbook(path)
    assert book.kind == "roster" and [s.row for s in book.sites] == [2, 3]
    first, second = book.sites
    missing = [d.message for d in first.diagnostics if d.rule == "SK903"]
    assert "名册缺少「地区.县区」列" in missing and "名册缺少「地区.城市」列" not in missing
    assert not [d for d in second.diagnostics if d.rule == "SK903"]  # said on the first enterprise only
    # the missing column explains the missing value: no SK102 for it on any row
    for site in book.sites:
        assert site.data["地区"]["城市"] == "忻州市"
        report = check_imported(site)
        assert not [d for d in report.diagnostics if d.rule == "SK102" and d.location.path[:2] == ("地区", "县区")]
