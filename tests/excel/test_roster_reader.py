"""signkit.excel.roster_reader: a regulator's roster → one enterprise per row, each message at its row."""

from __future__ import annotations

from pathlib import Path

from signkit.excel.reader import read_workbook
from signkit.pipeline.check import check_imported, check_path
from signkit.pipeline.inputs import collect_inputs
from signkit.rules.phones import phone_problem
from tests.conftest import Cli, write_roster
from tests.excel.ledger_samples import roster_csv


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
    assert f"{path}:监管企业名册!A4: 警告：工作场所 没有填写任何工作场所" in out  # each message names its row


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


def test_a_county_roster_as_kept(tmp_path: Path) -> None:
    """rosters.md §6: title lines, leaders as 姓名（职务）, messy phones, 监管层级 and 最高风险等级 instead of 是/否."""
    book = read_workbook(roster_csv(tmp_path / "名册.csv"))
    assert book.kind == "roster" and [s.row for s in book.sites] == [4, 5, 6, 7, 8, 9, 10]
    mine, cold, project, station, shop, foundry, washery = (s.data for s in book.sites)
    assert mine["监管责任"]["行业主管部门"]["责任领导"] == {"姓名": "任俊峰", "职务": "局长"}
    assert cold["监管责任"]["行业主管部门"]["责任领导"] == {"姓名": "薛志宏", "职务": "局长"}  # "薛志宏,局长"
    assert project["监管责任"]["行业主管部门"]["责任领导"] == {"姓名": "高志强", "职务": "局长"}  # "高志强 局长"
    assert project["监管责任"]["安全监管部门"]["责任领导"] == {"姓名": "杨晓东", "职务": "局长"}  # "局长 杨晓东"
    assert "责任领导" not in foundry["监管责任"]["行业主管部门"]  # not named yet: said by the check (SK102)
    assert [d["企业"]["企业应急电话"] for d in (mine, station, shop, foundry, washery)] == [
        "0350-4721186", "0350-5022817/13613502297", "6035518", "0350-6021458", "03507321156"]
    assert [d["企业"]["市级直接监管"] for d in (mine, cold)] == ["否", "是"]
    first = book.sites[0]
    said = {(d.rule, d.location.cell): d.message for d in first.diagnostics}
    assert "「任俊峰（局长）」按姓名「任俊峰」、职务「局长」读取" in said[("SK904", "K4")]
    assert "去掉了「调度」" in said[("SK906", "I4")]
    assert "「县级」按市级直接监管「否」读取" in said[("SK904", "F4")]
    # 最高风险等级 重大 without the points' names: the 2-1-1 board cannot be made, and that is said
    assert "没有写出是哪些" in said[("SK103", "G4")]
    assert not any("信用代码" in d.message or "乡镇" in d.message for d in first.diagnostics)  # known columns, skipped
    assert "职务" not in " ".join(d.message for d in first.diagnostics if d.rule == "SK903")  # titles come with the names
    shop_said = {(d.rule, d.location.cell): d.message for d in book.sites[4].diagnostics}
    assert "去掉了「办」" in shop_said[("SK906", "I8")]
    assert "缺少区号" in (phone_problem(shop["企业"]["企业应急电话"]) or "")  # 6035518: the rule still says so


def test_which_enterprises_have_a_major_risk_point(tmp_path: Path) -> None:
    path = tmp_path / "名册.csv"
    rows = ["城市,县区,企业名称,企业主要负责人,所属行业,修订日期,是否存在重大风险点,重大风险点,行业主管部门,安全监管部门,属地监管",
            "忻州市,宁武县,甲煤业,张三,煤矿,2026-05-01,是,2201综采工作面、瓦斯抽采泵站,宁武县能源局,宁武县应急管理局,阳方口镇人民政府",
            "忻州市,宁武县,乙加油站,李四,加油站,2026-05-01,否,,宁武县商务局,宁武县应急管理局,阳方口镇人民政府",
            "忻州市,宁武县,丙冷库,王五,冷库,2026-05-01,是,,宁武县商务局,宁武县应急管理局,阳方口镇人民政府",
            "忻州市,宁武县,丁铸造,赵六,铸造,2026-05-01,否,配电室,宁武县工信局,宁武县应急管理局,阳方口镇人民政府"]
    path.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
    mine, station, cold, foundry = read_workbook(path).sites
    assert mine.data["风险点"] == [{"风险点名称": "2201综采工作面", "风险等级": "重大"}, {"风险点名称": "瓦斯抽采泵站", "风险等级": "重大"}]
    report = check_imported(mine)
    assert report.site is not None and report.site.supervision.risk_points == ["2201综采工作面", "瓦斯抽采泵站"]
    assert any(board.form_id == "2-1-1" for board in report.plan)  # the board a county enterprise with 重大 points gets
    missing = {d.location.path for d in report.diagnostics if d.rule == "SK102" and d.location.path[:1] == ("风险点",)}
    assert ("风险点", 0, "管控措施") in missing  # the 2-4 content is the enterprise's to add
    assert "风险点" not in station.data
    assert any(d.rule == "SK103" and d.location.cell == "H4" and "没有写出是哪些" in d.message for d in cold.diagnostics)
    assert "风险点" not in foundry.data
    assert any(d.rule == "SK908" and d.location.cell == "H5" and "没有重大风险点（G5）" in d.message for d in foundry.diagnostics)
