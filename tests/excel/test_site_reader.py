"""signkit.excel.site_reader: an enterprise's own sheets → its site data, every value and problem at its cell."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped, unused-ignore]
import pytest

from signkit.excel.reader import read_workbook
from signkit.pipeline.check import check_imported
from tests.conftest import rendered, rules_of, workbook_report


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
                  "工程技术措施", "管理措施", "应急处置措施", "整改情况"])
    risks.append([1, "范永明", "较大风险", "燃气加热炉", "1.天然气泄漏可能爆炸 2.高温炉体可能灼烫",
                  "管道腐蚀；点火程序错误", "炉前设可燃气体报警器", "每班巡检燃气管道", "关闭紧急切断阀\n疏散人员", "已整改"])
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
        "风险点名称": "燃气加热炉", "风险等级": "较大", "风险及可能造成的危害": ["天然气泄漏可能爆炸", "高温炉体可能灼烫"],
        "事故诱因": ["管道腐蚀", "点火程序错误", "报警器失效"], "管控责任人": "范永明",
        "管控措施": ["炉前设可燃气体报警器", "设紧急切断阀", "每班巡检燃气管道", "点火作业持证上岗"],
        "应急处置措施": ["关闭紧急切断阀", "疏散人员"]}
    assert second["风险点名称"] == "空气锤锻打区" and second["风险等级"] == "一般"  # level words as the site file writes them
    assert second["风险及可能造成的危害"] == ["锤头落下砸伤", "飞溅伤眼"]
    report = check_imported(imported)
    messages = rendered(report)
    # every header that was not the site file's own wording is reported as mapped
    assert any("台账.xlsx:安全风险分级管控清单!C2" in m and "列「风险级别」按「风险等级」读取 [SK904]" in m for m in messages)
    assert any("列「工程技术措施」按「管控措施」读取" in m for m in messages)
    assert any("!J2" in m and "列「整改情况」" in m and "[SK905]" in m for m in messages)  # unknown column, ignored
    assert any("企业基本信息!A15" in m and "法人代表" in m for m in messages)  # unknown item
    assert any("企业基本信息!B11" in m and "补回为「03506036518」" in m and "[SK906]" in m for m in messages)
    assert any("企业基本信息!B6" in m and "035400" in m for m in messages)
    assert not any("序号" in m for m in messages)
    assert report.site is not None
    assert report.site.risk_points[0].level == "较大" and report.site.risk_points[1].level == "一般"
    # the enterprise has no workplaces, posts yet: warnings, not errors; no 工作场所 sheet is no error
    assert "SK222" in rules_of(report)


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
    (_set("监管责任", "B3", "村"), "SK107", "监管责任!B3", "监管责任.行业主管部门.层级 应为以下之一"),
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
def test_each_problem_points_at_its_cell(template_xlsx: Path, tmp_path: Path, change: Callable[[Any], None], rule: str,
                                        where: str, text: str) -> None:
    report = workbook_report(_edit(template_xlsx, tmp_path, change))
    found = [d.render() for d in report.diagnostics if d.rule == rule]
    assert any(line.startswith(f"{tmp_path / '模板.xlsx'}:{where}: ") and text in line for line in found), \
        rendered(report)
    if rule == "SK903":  # the missing column is said once, not once per row
        assert "SK102" not in rules_of(report)


def test_error_values_and_location_dicts(template_xlsx: Path, tmp_path: Path) -> None:
    def change(book: Any) -> None:
        book["风险点"]["G2"] = "#DIV/0!"  # stored as an error cell, as Excel saves a failed formula

    report = workbook_report(_edit(template_xlsx, tmp_path, change))
    error = next(d for d in report.diagnostics if d.rule == "SK910")
    assert error.to_dict()["location"]["sheet"] == "风险点" and error.to_dict()["location"]["cell"] == "G2"
    assert "#DIV/0!" in error.message
    # the cell then counts as empty: the required value is reported at the same cell
    empty = next(d for d in report.diagnostics if d.rule == "SK103")
    assert (empty.location.sheet, empty.location.cell) == ("风险点", "G2")


def test_a_row_without_a_name_is_its_own_record_not_part_of_the_one_above(tmp_path: Path) -> None:
    """Adding it to the record above would silently move a risk's measures to another board."""
    path = tmp_path / "风险点.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "风险点"
    sheet.append(["风险点名称", "风险等级", "管控责任人", "管控措施"])
    sheet.append(["配电室", "一般", "梁俊峰", "持证上岗"])
    sheet.append([None, None, None, "每月检测"])  # not merged: a record of its own
    book.save(path)
    imported = read_workbook(path).sites[0]
    first, second = imported.data["风险点"]
    assert first["管控措施"] == ["持证上岗"] and second["管控措施"] == ["每月检测"]
    assert second["风险点名称"] is None  # required: kept empty, so the check reports it at A3
    empty = [d for d in check_imported(imported).diagnostics if d.rule == "SK103" and d.location.path == ("风险点", 1, "风险点名称")]
    assert [(d.location.sheet, d.location.cell) for d in empty] == [("风险点", "A3")]


def test_supervision_leaders_written_with_their_title(tmp_path: Path) -> None:
    path = tmp_path / "监管.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "监管责任"
    sheet.append(["类别", "层级", "部门", "责任领导（姓名、职务）", "职务", "具体责任人"])
    sheet.append(["行业主管部门", "县", "定襄县工业和信息化局", "赵文斌（副局长）", None, "王海鹏"])
    sheet.append(["安全监管部门", "县", "定襄县应急管理局", "局长 张志刚", "副局长", "刘燕"])
    sheet.append(["县级政府领导", None, None, "苗建军（副县长）", None, None])
    book.save(path)
    imported = read_workbook(path).sites[0]
    supervision = imported.data["监管责任"]
    assert supervision["行业主管部门"]["责任领导"] == {"姓名": "赵文斌", "职务": "副局长"}
    assert supervision["安全监管部门"]["责任领导"] == {"姓名": "张志刚", "职务": "副局长"}  # the 职务 column wins …
    assert supervision["县级政府领导"] == {"姓名": "苗建军", "职务": "副县长"}
    said = {(d.rule, d.location.cell): d.message for d in imported.diagnostics}
    assert "按姓名「赵文斌」、职务「副局长」读取" in said[("SK904", "D2")]
    assert "职务「局长」与职务列的「副局长」不同" in said[("SK908", "D3")]  # … and the disagreement is said
    assert imported.source.cell_of(("监管责任", "行业主管部门", "责任领导", "职务")) == "监管责任!D2"
