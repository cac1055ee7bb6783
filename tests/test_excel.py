"""Excel and CSV in and out: the template, export ⇄ import, messy ledgers, rosters, located problems, the CLI."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped, unused-ignore]
import pytest

from signkit.diagnostics import Severity
from signkit.excel.reader import read_workbook
from signkit.excel.template import EXAMPLE, example_site, roster_example_site
from signkit.excel.values import phone, split_items
from signkit.pipeline.check import FileReport, check_imported, check_path, check_workbook
from signkit.pipeline.convert import export_site, unique_file_names, write_template
from signkit.pipeline.inputs import collect_inputs
from tests.conftest import CHEMICAL, SMALL, example_data

Cli = Callable[..., tuple[int, str, str]]


def _only(path: Path) -> FileReport:
    reports = check_workbook(path)
    assert len(reports) == 1
    return reports[0]


def _rendered(report: FileReport) -> list[str]:
    return [d.render() for d in report.diagnostics]


def _rules(report: FileReport) -> set[str]:
    return {d.rule for d in report.diagnostics}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "模板.xlsx"
    write_template(path)
    return path


# --- the template ------------------------------------------------------------------------


def test_template_reads_back_as_the_valid_example(template: Path) -> None:
    report = _only(template)
    assert report.ok() and report.diagnostics == [], _rendered(report)
    assert report.site == example_site()
    book = openpyxl.load_workbook(template)
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


# --- export ⇄ import ---------------------------------------------------------------------


@pytest.mark.parametrize("example", [CHEMICAL, SMALL], ids=["chemical", "small"])
def test_export_then_import_gives_the_same_site(example: Path, tmp_path: Path, cli: Cli) -> None:
    xlsx = tmp_path / "导出.xlsx"
    original = check_path(example)
    assert export_site(example, xlsx).site is not None
    report = _only(xlsx)
    assert report.ok() and report.site == original.site, _rendered(report)
    # and the YAML that import writes from it is the same site again
    code, out, _ = cli("import", str(xlsx), "-o", str(tmp_path / "yaml"))
    assert code == 0, out
    written = sorted((tmp_path / "yaml").glob("*.yaml"))
    assert original.site is not None and [p.stem for p in written] == [original.site.enterprise.name]
    again = check_path(written[0])
    assert again.ok() and again.site == original.site
    text = written[0].read_text(encoding="utf-8")
    assert "# 工作表「企业信息」" in text and "# 风险点!A2" in text


def test_export_keeps_output_options_and_odd_lists(tmp_path: Path) -> None:
    data = example_data(SMALL)
    data["输出"] = {"尺寸": {"2-2": "1500×1000"}, "份数": {"2-6": "2"}, "出血": {"2-5": "3"}, "渐变背景": "否"}
    data["风险点"][0]["重要提示"] = ["点火前必须吹扫炉膛；先点火、后开气"]  # one item with a ； in it
    data["工作场所"][1]["岗位"].append({"名称": "加热炉工", "责任人": "梁文斌"})  # more 岗位 than 班组
    site_file = tmp_path / "site.yaml"
    from tests.conftest import dump

    site_file.write_text(dump(data), encoding="utf-8")
    xlsx = tmp_path / "site.xlsx"
    original = export_site(site_file, xlsx)
    assert original.site is not None
    assert _only(xlsx).site == original.site


# --- a messy real-world ledger ------------------------------------------------------------


def _messy(path: Path) -> None:
    """A ledger as offices keep it: other sheet names, title rows, synonyms, merges, blanks, floats."""
    book = openpyxl.Workbook()
    info = book.active
    info.title = "企业基本信息"
    info.append(["项目", "填写内容"])
    for label, value in (("城市", "忻州市 "), ("县（市、区）", "定襄县"), ("县级举报电话", "０３５０－６０２２３５０"),
                         ("县级来信地址", "定襄县晋昌镇定襄县应急管理局"), ("县级邮编", 35400),
                         ("企业全称", "  定襄县示例锻造有限公司"), ("主要负责人", "郭建平"), ("安全管理员", "李晓东"),
                         ("行业", "机械"), ("监督举报电话", 3506036518.0), ("应急电话", 13912345678.0),
                         ("是否市级直接监管", "否"), ("修订日期", dt.datetime(2026, 4, 20)), ("法人代表", "郭建平")):
        info.append([label, value])
    sup = book.create_sheet("监管部门")
    sup.append(["监管类别", "部门层级", "部门名称", "领导姓名", "领导职务", "责任人"])
    sup.append(["行业主管", "县", "定襄县工业和信息化局", "赵文斌", "副局长", "王海鹏"])
    sup.append(["安全监管部门", "县", "定襄县应急管理局", "张志刚", "副局长", "刘燕"])
    sup.append([])
    sup.append(["属地管理部门", "乡镇", "宏道镇人民政府", "薛志强", "副镇长", "邢丽娟"])
    risks = book.create_sheet("安全风险分级管控清单")
    risks.append(["定襄县示例锻造有限公司安全风险分级管控清单"])
    risks.merge_cells("A1:I1")
    risks.append(["序号", "责任人 ", "风险级别", "风险点（场所）名称", "可能造成的危害", "事故原因",
                  "工程技术措施", "管理措施", "应急处置措施", "评价方法"])
    risks.append([1, "范永明", "较大风险", "燃气加热炉", "1.天然气泄漏可能爆炸 2.高温炉体可能灼烫",
                  "管道腐蚀；点火程序错误", "炉前设可燃气体报警器", "每班巡检燃气管道", "关闭紧急切断阀\n疏散人员", "LEC"])
    risks.append([None, None, None, None, None, "报警器失效", "设紧急切断阀", "点火作业持证上岗", None, None])
    risks.merge_cells("D3:D4")
    risks.merge_cells("B3:B4")
    risks.merge_cells("C3:C4")
    risks.merge_cells("A3:A4")
    risks.append([])  # a blank row between risk points
    risks.append([2, "杨建军", "黄", "空气锤锻打区  ", "（一）锤头落下砸伤（二）飞溅伤眼", "误操作", "设防护挡板",
                  "统一指挥信号", "停锤断电，拨打 120", None])
    book.save(path)


def test_messy_ledger_imports_to_the_expected_values(tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    _messy(path)
    book = read_workbook(path)
    assert book.kind == "workbook" and len(book.sites) == 1
    imported = book.sites[0]
    data = imported.data
    assert data["地区"] == {"城市": "忻州市", "县区": "定襄县", "县级举报渠道": {
        "电话": "0350-6022350", "来信地址": "定襄县晋昌镇定襄县应急管理局", "邮编": "035400"}}
    enterprise = data["企业"]
    assert enterprise["企业名称"] == "定襄县示例锻造有限公司"
    assert enterprise["企业监督举报电话"] == "03506036518"  # the leading 0 Excel dropped is back
    assert enterprise["企业应急电话"] == "13912345678"  # no ".0"
    assert enterprise["修订日期"] == "2026-04-20"
    assert [d["部门"] for d in (data["监管责任"][k] for k in ("行业主管部门", "安全监管部门", "属地监管"))] == [
        "定襄县工业和信息化局", "定襄县应急管理局", "宏道镇人民政府"]
    first, second = data["风险点"]
    assert first == {
        "风险点名称": "燃气加热炉", "风险等级": "较大风险", "风险及可能造成的危害": ["天然气泄漏可能爆炸", "高温炉体可能灼烫"],
        "事故诱因": ["管道腐蚀", "点火程序错误", "报警器失效"], "管控责任人": "范永明",
        "管控措施": ["炉前设可燃气体报警器", "设紧急切断阀", "每班巡检燃气管道", "点火作业持证上岗"],
        "应急处置措施": ["关闭紧急切断阀", "疏散人员"]}
    assert second["风险点名称"] == "空气锤锻打区" and second["风险等级"] == "黄"
    assert second["风险及可能造成的危害"] == ["锤头落下砸伤", "飞溅伤眼"]
    report = check_imported(imported)
    messages = _rendered(report)
    # every header that was not the site file's own wording is reported as mapped
    assert any("台账.xlsx:安全风险分级管控清单!C2" in m and "列「风险级别」按「风险等级」读取 [SK904]" in m for m in messages)
    assert any("列「工程技术措施」按「管控措施」读取" in m for m in messages)
    assert any("!J2" in m and "列「评价方法」" in m and "[SK905]" in m for m in messages)  # unknown column, ignored
    assert any("企业基本信息!A15" in m and "法人代表" in m for m in messages)  # unknown item
    assert any("企业基本信息!B11" in m and "补回为「03506036518」" in m and "[SK906]" in m for m in messages)
    assert any("企业基本信息!B6" in m and "035400" in m for m in messages)
    assert not any("序号" in m for m in messages)
    assert report.site is not None
    assert report.site.risk_points[0].level == "较大" and report.site.risk_points[1].level == "一般"
    # the enterprise has no workplaces, posts yet: warnings, not errors; no 工作场所 sheet is no error
    assert "SK222" in _rules(report)


def test_merged_rows_that_disagree_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "风险点.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "风险点"
    sheet.append(["风险点名称", "风险等级", "管控责任人", "管控措施"])
    sheet.append(["配电室", "一般", "梁俊峰", "持证上岗"])
    sheet.append([None, None, "王五", "每月检测"])
    sheet.merge_cells("A2:A3")
    book.save(path)
    imported = read_workbook(path).sites[0]
    assert imported.data["风险点"] == [{"风险点名称": "配电室", "风险等级": "一般", "管控责任人": "梁俊峰",
                                      "管控措施": ["持证上岗", "每月检测"]}]
    assert any(d.rule == "SK908" and d.location.cell == "C3" for d in imported.diagnostics)


# --- CSV ---------------------------------------------------------------------------------

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
    assert "SK102" not in _rules(report)
    assert any(d.render().startswith("风险清单.csv:风险清单!") or str(path) in d.render() for d in report.diagnostics)


def test_csv_roster_and_undecodable_csv(tmp_path: Path) -> None:
    roster = tmp_path / "名册.csv"
    roster.write_text("企业名称,行业主管部门,行业主管部门责任领导,安全监管部门\r\n甲公司,工信局,张三,应急局\r\n",
                      encoding="utf-8")
    assert read_workbook(roster).kind == "roster"
    bad = tmp_path / "坏.csv"
    bad.write_bytes(b"\xff\xfe\x00a\x00b")
    book = read_workbook(bad)
    assert book.unreadable and book.diagnostics[0].rule == "SK901"


# --- a regulator's roster ---------------------------------------------------------------


def _roster(path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "监管企业名册"
    dept = ["层级", "", "责任领导", "职务", "具体责任人"]
    header = ["序号", "城市", "县区", "企业名称", "企业主要负责人", "所属行业", "修订日期", "安全管理人员"]
    for name in ("行业主管部门", "安全监管部门", "专业监管部门（一）", "专业监管部门（二）", "属地管理部门"):
        header += [f"{name}{field}" for field in dept]
    sheet.append(header)
    for number, (enterprise, industry) in enumerate((("甲化工有限公司", "危险化学品"), ("乙机械有限公司", "机械"),
                                                    ("丙建材有限公司", "建材")), start=1):
        row: list[Any] = [number, "忻州市", "定襄县", enterprise, f"负责人{number}", industry, "2026-05-01", f"安全员{number}"]
        row += ["县", "定襄县工业和信息化局", "赵文斌", "副局长", "王海鹏"]
        row += ["县", "定襄县应急管理局", "张志刚", "副局长", "刘燕"]
        row += ["县", "定襄县市场监督管理局", "韩俊峰", "副局长", "高磊"] if number != 2 else [None] * 5
        row += [None] * 5 if number != 3 else ["县", "定襄县消防救援大队", "武晓军", "副大队长", "陈亮"]
        row += ["乡镇", "宏道镇人民政府", "薛志强", "副镇长", "邢丽娟"]
        sheet.append(row)
    book.save(path)


def test_roster_gives_one_site_file_per_enterprise(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "名册.xlsx"
    _roster(path)
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


# --- located problems ---------------------------------------------------------------------


def _edit(template: Path, tmp_path: Path, change: Callable[[Any], None]) -> Path:
    book = openpyxl.load_workbook(template)
    change(book)
    path = tmp_path / "模板.xlsx"
    book.save(path)
    return path


def _set(sheet: str, cell: str, value: Any) -> Callable[[Any], None]:
    def change(book: Any) -> None:
        book[sheet][cell] = value

    return change


@pytest.mark.parametrize(("change", "rule", "where", "text"), [
    (_set("风险点", "B2", "很大"), "SK107", "风险点!B2", "风险点[0].风险等级 应为以下之一：重大、较大、一般、低；实际是「很大」"),
    (_set("风险点", "G2", None), "SK103", "风险点!G2", "风险点[0].管控责任人 不能为空"),
    (_set("岗位责任与风险", "B2", "六人"), "SK104", "岗位责任与风险!B2", "岗位[0].人数 应为整数"),
    (_set("监管责任", "B3", "省"), "SK107", "监管责任!B3", "监管责任.行业主管部门.层级 应为以下之一"),
    (_set("监管责任", "A3", "主管部门"), "SK107", "监管责任!A3", "类别应为以下之一"),
    (_set("企业信息", "B19", "0350-816"), "SK201", "企业信息!B19", "企业.企业监督举报电话"),
    (_set("企业信息", "B22", "2026年13月1日"), "SK106", "企业信息!B22", "日期格式不对"),
    (_set("班组与岗位", "D2", "储罐工"), "SK215", "班组与岗位!D2", "工作场所[0].岗位[0].名称"),
    (_set("班组与岗位", "A2", "泵房"), "SK909", "班组与岗位!A2", "工作场所「泵房」不在「工作场所」工作表中"),
    (_set("风险点", "C2", "泵房"), "SK217", "风险点!C2", "风险点[0].所在工作场所"),
    (_set("风险点", "F2", "中毒、爆燃"), "SK709", "风险点!F2", "风险点[0].事故类型[1]"),
    (_set("岗位责任与风险", "C2", "#N/A"), "SK910", "岗位责任与风险!C2", "单元格是错误值「#N/A」"),
    (_set("岗位责任与风险", "C2", "#N/A"), "SK103", "岗位责任与风险!C2", "岗位[0].岗位安全生产责任 不能为空"),
    (_set("风险点", "B1", "等级颜色"), "SK903", "风险点!A1", "工作表「风险点」缺少「风险等级」列"),
])
def test_each_problem_points_at_its_cell(template: Path, tmp_path: Path, change: Callable[[Any], None], rule: str,
                                        where: str, text: str) -> None:
    report = _only(_edit(template, tmp_path, change))
    found = [d.render() for d in report.diagnostics if d.rule == rule]
    assert any(line.startswith(f"{tmp_path / '模板.xlsx'}:{where} ") and text in line for line in found), \
        _rendered(report)
    if rule == "SK903":  # the missing column is said once, not once per row
        assert "SK102" not in _rules(report)


def test_error_values_and_location_dicts(template: Path, tmp_path: Path) -> None:
    def change(book: Any) -> None:
        book["风险点"]["G2"] = "#DIV/0!"  # stored as an error cell, as Excel saves a failed formula

    report = _only(_edit(template, tmp_path, change))
    error = next(d for d in report.diagnostics if d.rule == "SK910")
    assert error.to_dict()["location"]["sheet"] == "风险点" and error.to_dict()["location"]["cell"] == "G2"
    assert "#DIV/0!" in error.message
    # the cell then counts as empty: the required value is reported at the same cell
    empty = next(d for d in report.diagnostics if d.rule == "SK103")
    assert (empty.location.sheet, empty.location.cell) == ("风险点", "G2")


# --- files that cannot be read ------------------------------------------------------------


@pytest.mark.parametrize(("name", "content", "code", "text"), [
    ("坏.xlsx", b"PK\x03\x04 not really a zip", 2, "工作簿已损坏"),
    ("空.xlsx", b"", 2, "不是有效的 .xlsx 文件"),
    ("密码.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") + b"\0" * 64, 2, "设有打开密码"),
    ("旧.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, 2, "旧版 Excel 97-2003"),
    ("文本.xlsx", "风险点名称,风险等级\n".encode(), 2, "扩展名改为 .csv"),
    ("缺.xlsx", None, 2, "文件不存在"),
])
def test_unreadable_files_exit_2_with_a_message(name: str, content: bytes | None, code: int, text: str, tmp_path: Path,
                                                 cli: Cli) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    got, out, _ = cli("check", "-q", "--no-layout", str(path))
    assert got == code and text in out and "Traceback" not in out
    got, out, _ = cli("import", str(path), "-o", str(tmp_path / "o"))
    assert got == code and text in out


def test_wrong_sheet_names_are_reported(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "别的.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    book.active.append(["姓名", "年龄"])
    book.active.append(["张三", 30])
    book.save(path)
    code, out, _ = cli("check", "-q", "--no-layout", str(path))
    assert code == 1 and "无法识别工作表「Sheet1」" in out and "工作簿中没有可识别的工作表 [SK902]" in out


# --- the command line --------------------------------------------------------------------


def test_template_check_render_in_process(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "模板.xlsx"
    code, out, _ = cli("template", "--xlsx", str(path))
    assert code == 0 and path.exists()
    code, _, err = cli("template", "--xlsx", str(path))
    assert code == 1 and "已存在" in err
    assert cli("template", "--xlsx", str(tmp_path / "x.txt"))[0] == 2
    code, out, _ = cli("check", "--fonts", "bundled", str(path))
    assert code == 0 and "忻州晋原精细化工有限公司 需制作" in out, out
    out_dir = tmp_path / "out"
    code, out, _ = cli("render", str(path), "-o", str(out_dir), "--fonts", "bundled", "-j", "1")
    assert code == 0, out
    pdfs = sorted(p.name for p in (out_dir / "忻州晋原精细化工有限公司").glob("*.pdf"))
    assert len(pdfs) == 7 and pdfs[0].startswith("2-1-1_")
    code, out, _ = cli("render", str(path), "-o", str(out_dir), "--fonts", "bundled", "-j", "1")
    assert code == 0 and "未变化 1" in out  # unchanged workbook: nothing rebuilt


def test_export_command(tmp_path: Path, cli: Cli) -> None:
    target = tmp_path / "small.xlsx"
    code, out, _ = cli("export", str(SMALL), "--xlsx", str(target))
    assert code == 0 and "已导出" in out and target.exists()
    broken = tmp_path / "broken.yaml"
    broken.write_text("地区: [\n", encoding="utf-8")
    code, out, _ = cli("export", str(broken), "--xlsx", str(tmp_path / "b.xlsx"))
    assert code == 1 and "未导出" in out and not (tmp_path / "b.xlsx").exists()


def test_folders_are_searched_for_site_files_only(tmp_path: Path, template: Path) -> None:
    (tmp_path / "site.yaml").write_text(CHEMICAL.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "模板.xlsx").write_bytes(template.read_bytes())
    assert [Path(i.name).name for i in collect_inputs([str(tmp_path)])] == ["site.yaml"]
    named = collect_inputs([str(tmp_path / "模板.xlsx")])
    assert len(named) == 1 and named[0].workbook and named[0].index is None


# --- cell values --------------------------------------------------------------------------


def test_list_cells_are_split_and_numbering_dropped() -> None:
    assert split_items("1.储罐液位监测；2.设置报警 3.高度不超过1.5米") == ["储罐液位监测", "设置报警", "高度不超过1.5米"]
    assert split_items("(一)严格执行规程(二)按时巡检，2号罐") == ["严格执行规程", "按时巡检，2号罐"]
    assert split_items("①甲②乙\n③丙；丁") == ["甲", "乙", "丙；丁"]  # with line breaks, only line breaks split
    assert split_items("郝建国、李志强 温国庆", "people") == ["郝建国", "李志强", "温国庆"]
    assert split_items("当心中毒，当心爆炸", "names") == ["当心中毒", "当心爆炸"]


def test_phone_numbers_stored_as_numbers() -> None:
    assert phone(3508161208.0)[0] == "03508161208"
    assert phone(13912345678.0) == ("13912345678", phone(13912345678.0)[1]) and phone(13912345678.0)[1][0].rule == "SK906"
    assert phone(119) == ("119", [])
    assert phone("1.3912345678E+10")[0] == "13912345678"
    lost = phone("3.5012350E+09")
    assert lost[1][0].rule == "SK907"  # Excel's display rounded digits away: reported, not guessed
    ambiguous = phone(1012345678)
    assert ambiguous[0] == "1012345678" and ambiguous[1][0].rule == "SK907"
    # a CSV holds only text: the same lost 0 arrives as digits and is restored the same way
    restored = phone("3508161208")
    assert restored[0] == "03508161208" and [n.rule for n in restored[1]] == ["SK906"]
    assert phone("1012345678") == ("1012345678", [])  # not a 03xx landline: left for the phone rule (SK201)
    negative = phone(-5)
    assert negative[1][0].rule == "SK907" and "科学计数法" not in negative[1][0].message


def test_dates_with_a_time_or_as_csv_serials() -> None:
    from signkit.excel.values import date

    day, notes = date(dt.datetime(2026, 5, 18, 14, 30))
    assert day == "2026-05-18" and [n.rule for n in notes] == ["SK906"] and "14:30" in notes[0].message
    assert date(dt.datetime(2026, 5, 18)) == ("2026-05-18", [])
    assert date("46160")[0] == "2026-05-18" and date("46160")[1][0].rule == "SK906"
    assert date("2026-05-18") == ("2026-05-18", [])


def test_imported_yaml_reads_the_same_in_any_yaml_tool(tmp_path: Path, cli: Cli) -> None:
    """034100 plain would be the octal number 14400 to PyYAML, editors and linters: it is quoted."""
    import yaml

    xlsx = tmp_path / "导出.xlsx"
    assert export_site(CHEMICAL, xlsx).site is not None
    code, out, _ = cli("import", str(xlsx), "-o", str(tmp_path / "yaml"))
    assert code == 0, out
    written = next((tmp_path / "yaml").glob("*.yaml"))
    loaded = yaml.safe_load(written.read_text(encoding="utf-8"))
    original = yaml.safe_load(CHEMICAL.read_text(encoding="utf-8"))
    assert loaded["地区"]["县级举报渠道"]["邮编"] == "034100" == original["地区"]["县级举报渠道"]["邮编"]

    def strings(node: Any) -> list[Any]:
        if isinstance(node, dict):
            return [x for v in node.values() for x in strings(v)]
        if isinstance(node, list):
            return [x for v in node for x in strings(v)]
        return [node]

    # every value another tool reads as a non-string means what the text says (人数 6, a date)
    odd = [v for v in strings(loaded) if not isinstance(v, (str, int, dt.date))]
    assert odd == []
    assert all(str(v) == str(int(v)) for v in strings(loaded) if isinstance(v, int))


def test_hidden_sheets_are_named_not_dropped_silently(template: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(template)
    book["风险点"].sheet_state = "veryHidden"
    book["企业信息"].sheet_state = "hidden"
    path = tmp_path / "隐藏.xlsx"
    book.save(path)
    report = _only(path)
    hidden = [d for d in report.diagnostics if d.rule == "SK905"]
    assert {d.location.sheet for d in hidden} == {"风险点", "企业信息"}
    assert all("隐藏" in d.message for d in hidden)
    missing = [d for d in report.diagnostics if d.rule == "SK902"]
    assert len(missing) == 1 and "企业信息" in missing[0].message and "隐藏" in missing[0].message


def test_formulas_without_a_saved_result_are_explained(template: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(template)
    book["风险点"]["B2"] = '=IF(1,"较大","")'  # openpyxl saves no cached value, as any program would
    path = tmp_path / "公式.xlsx"
    book.save(path)
    report = _only(path)
    [formula] = [d for d in report.diagnostics if d.rule == "SK913"]
    assert formula.location.sheet == "风险点" and formula.location.cell == "B2"
    assert "没有保存计算结果" in formula.message
    # a workbook without formulas is read once and says nothing of the kind
    assert not [d for d in _only(template).diagnostics if d.rule == "SK913"]


def test_import_into_a_file_is_a_clear_error(template: Path, tmp_path: Path, cli: Cli) -> None:
    blocker = tmp_path / "输出"
    blocker.write_text("不是文件夹", encoding="utf-8")
    code, out, err = cli("import", str(template), "-o", str(blocker))
    assert code == 2 and "不是文件夹" in err and "Traceback" not in out + err
    assert blocker.read_text(encoding="utf-8") == "不是文件夹"


def test_import_never_gives_two_enterprises_one_file() -> None:
    names = unique_file_names(["甲_2", "甲", "甲", "Abc", "abc"])
    assert names == ["甲_2.yaml", "甲.yaml", "甲_3.yaml", "Abc.yaml", "abc_2.yaml"]
    assert len({n.casefold() for n in names}) == len(names)


def test_template_target_must_be_a_file_in_an_existing_folder(tmp_path: Path, cli: Cli) -> None:
    folder = tmp_path / "目录.xlsx"
    folder.mkdir()
    code, _, err = cli("template", "--xlsx", str(folder), "--force")
    assert code == 2 and "文件夹" in err and ".tmp" not in err
    missing = tmp_path / "没有" / "模板.xlsx"
    code, _, err = cli("template", "--xlsx", str(missing))
    assert code == 2 and "不存在" in err and not missing.parent.exists()
