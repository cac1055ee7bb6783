"""signkit.excel.ledger: the 风险分级管控清单 shapes enterprises really keep, as .xlsx and as CSV.

Each shape of ledgers.md §8 (tests/excel/ledger_samples.py) is imported; every risk
point, level and measure must land in its place, and every reading that is not plain
must be said at its cell.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from signkit.excel.imported import ImportedSite
from signkit.excel.reader import read_workbook
from signkit.pipeline.check import check_imported
from tests.excel import ledger_samples as samples
from tests.excel.ledger_samples import Sheet

KINDS = ("xlsx", "csv")


def _read(sheet: Sheet, kind: str, tmp_path: Path, *others: Sheet) -> ImportedSite:
    path = tmp_path / f"{sheet.name}.{kind}"
    sheet.xlsx(path, *others) if kind == "xlsx" else sheet.csv(path)
    book = read_workbook(path)
    assert book.kind == "workbook" and len(book.sites) == 1
    return book.sites[0]


def _said(site: ImportedSite, rule: str, where: str, *texts: str) -> list[str]:
    """The messages of ``rule`` at ``sheet!cell`` (asserting there is one containing each of ``texts``)."""
    found = [d.render() for d in site.diagnostics if d.rule == rule and f"{d.location.sheet}!{d.location.cell}" == where]
    assert any(all(t in m for t in texts) for m in found), [d.render() for d in site.diagnostics]
    return found


def _rules(site: ImportedSite) -> set[str]:
    return {d.rule for d in site.diagnostics}


def _points(site: ImportedSite) -> list[dict[str, Any]]:
    points: list[dict[str, Any]] = site.data["风险点"]
    return points


@pytest.mark.parametrize("kind", KINDS)
def test_coal_mine_lec_list_with_a_two_row_header_and_merged_risk_points(kind: str, tmp_path: Path) -> None:
    site = _read(samples.COAL, kind, tmp_path)
    face, hoist = _points(site)  # the title, the info line and the signature footer are no risk points
    assert (face["风险点名称"], face["风险等级"]) == ("2201综采工作面", "重大")  # the highest of 重大, 重大, 较大, 一般
    assert (hoist["风险点名称"], hoist["风险等级"]) == ("副立井提升系统", "较大")
    # 危险源 beside a 风险点 column is the row's hazard: with 风险描述 as the hazards, it is the cause
    assert face["事故诱因"] == ["上隅角瓦斯积聚", "煤尘堆积飞扬", "端面顶板破碎", "采煤机截割滚筒"]
    assert face["风险及可能造成的危害"][0] == "采空区瓦斯涌向上隅角积聚，遇采煤机截割火花或电气失爆引起瓦斯爆炸"
    assert face["事故类型"] == ["瓦斯爆炸", "煤尘爆炸", "冒顶片帮", "机械伤害"]
    controls = face["管控措施"]
    assert len(controls) == 4 + 4 + 3 + 2  # "1.…；2.…" in each of the four rows
    assert controls[0] == "上隅角设置瓦斯传感器，浓度≥0.8%报警、≥1.5%断电"
    assert "隔爆水棚水量按巷道断面不少于200L/㎡" in controls and "端面距不大于340mm，超限及时擦顶移架" in controls
    assert hoist["管控措施"] == ["每日检查闸瓦间隙不大于2mm", "过卷、过速、深度指示器失效保护每月试验一次", "钢丝绳每天检查一次"]
    assert face["管控责任人"] == "李建平（总工程师）"
    _said(site, "SK904", "风险分级管控清单!C3", "列「危险源」按「事故诱因」读取", "风险点名称取自列「风险点」")
    _said(site, "SK915", "风险分级管控清单!J5", "4 行风险等级不同", "告知牌印最高的「重大」")
    _said(site, "SK908", "风险分级管控清单!N7", "「李建平（总工程师）」与「王志刚（队长）」")
    # L, E, C, D, 管控层级, 责任单位, 检查频次 are known columns: read or skipped, never "unknown"
    assert "SK905" not in _rules(site) and "SK914" not in _rules(site)
    if kind == "csv":  # no merged cells in a CSV: the empty names below a named row continue it, and that is said
        _said(site, "SK915", "风险分级管控清单!B6", "第 6–8 行没有填写风险点名称", "并入上面的风险点「2201综采工作面」")


@pytest.mark.parametrize("kind", KINDS)
def test_ammonia_ls_list_with_measures_in_five_columns(kind: str, tmp_path: Path) -> None:
    site = _read(samples.AMMONIA, kind, tmp_path)
    start, drain, defrost = _points(site)
    assert [p["风险点名称"] for p in (start, drain, defrost)] == ["氨压缩机开机", "放油", "融霜"]
    assert [p["风险等级"] for p in (start, drain, defrost)] == ["较大", "一般", "低"]
    # 工程技术 / 管理 / 培训教育 / 个体防护 into 管控措施, in column order; 应急处置措施 into its own list
    assert start["管控措施"] == [
        "压缩机设高压、油压差、排气温度保护及联锁", "机房设氨气浓度报警器，与事故排风机联锁", "贮氨器上方设水喷淋",
        "执行《氨压缩机操作规程》，开机票双人确认", "每2小时巡检一次，填写运行记录", "制冷工持“制冷与空调作业”操作证上岗，每季度考核",
        "每年进行氨泄漏应急演练", "防护手套、防护眼镜", "过滤式防毒面具随身携带"]
    assert start["应急处置措施"] == ["发生液击立即停机，关闭吸气阀，报告当班班长",
                                 "佩戴正压式空气呼吸器关阀堵漏，开启水喷淋，向上风向疏散人员"]
    assert start["风险及可能造成的危害"] == ["吸排气阀未按顺序开启，造成液击、排气压力超高", "阀门、法兰密封失效氨泄漏，浓度超标"]
    assert start["事故类型"] == ["容器爆炸", "中毒和窒息", "其他爆炸"]  # the same type from two rows once
    _said(site, "SK904", "作业活动风险分级管控清单!J4", "按「管控措施」读取")
    _said(site, "SK915", "作业活动风险分级管控清单!I6", "2 行风险等级不同（一般、较大）")
    # R = 10 一般, 15 较大, 12 一般, 8 低 are what some risk matrix gives: no contradiction; 作业步骤 is skipped silently
    assert not _rules(site) & {"SK914", "SK905", "SK107"}


@pytest.mark.parametrize("sheet", [samples.CONSTRUCTION, samples.CONSTRUCTION_MERGED], ids=["section-in-name", "merged-across"])
@pytest.mark.parametrize("kind", KINDS)
def test_construction_list_with_section_rows_and_direct_judgement(sheet: Sheet, kind: str, tmp_path: Path) -> None:
    site = _read(sheet, kind, tmp_path)
    prep, foundation = _points(site)
    assert (prep["风险点名称"], prep["风险等级"]) == ("施工准备", "重大")  # 重大 with no L·E·C: judged directly
    assert (foundation["风险点名称"], foundation["风险等级"]) == ("基础施工作业", "重大")
    assert prep["风险及可能造成的危害"] == ["深基坑专项施工方案未经专家论证即施工", "无安全技术交底"]
    assert prep["事故类型"] == ["坍塌", "高处坠落", "物体打击", "触电"]  # "高处坠落/物体打击/触电"
    assert foundation["管控措施"] == ["基坑周边设1.2m高防护栏杆，挂密目安全网，夜间设红灯示警",
                                  "坑边1m内严禁堆土堆料，挖掘机距坑边不小于2m"]
    title = "A4" if sheet is samples.CONSTRUCTION_MERGED else "B4"
    _said(site, "SK915", "危险源辨识与风险评价表!B5", "第 5–6 行没有填写风险点名称", f"按分节行「施工准备」（{title}）")
    # 重大 at D = 252 is kept (lists grade by law too) but said: L·E·C gives 较大
    _said(site, "SK914", "危险源辨识与风险评价表!J8", "风险等级「重大」与 D = 252 不符", "应为较大")
    assert "SK905" not in _rules(site)  # 判别依据 is a known column


@pytest.mark.parametrize("kind", KINDS)
def test_building_list_names_the_place_and_leaves_grade_codes_to_the_user(kind: str, tmp_path: Path) -> None:
    site = _read(samples.BUILDING, kind, tmp_path)
    formwork, guard = _points(site)  # the same place written on two rows is one risk point
    assert formwork["风险点名称"] == "3#楼报告厅高支模" and guard["风险点名称"] == "临边洞口防护"
    assert formwork["风险及可能造成的危害"] == ["未编制高支模专项施工方案", "立杆基础不坚实、未设扫地杆"]
    assert formwork["风险等级"] is None and guard["风险等级"] is None  # 一级 … 四级 run both ways between lists
    _said(site, "SK904", "房屋建筑风险分级管控清单!B1", "按「风险及可能造成的危害」读取", "风险点名称取自列「风险点位置")
    _said(site, "SK107", "房屋建筑风险分级管控清单!D2", "「一级」是等级代号", "未按它定级")
    _said(site, "SK916", "房屋建筑风险分级管控清单!H2", "「a、c、d、e、g」是代号")
    assert "管控措施" not in formwork  # letter codes cannot be printed
    report = check_imported(site)
    levels = [d for d in report.diagnostics if d.location.path == ("风险点", 0, "风险等级")]
    assert [(d.rule, d.location.cell) for d in levels] == [("SK107", "D2"), ("SK107", "D3")]  # not also "不能为空"


@pytest.mark.parametrize("kind", KINDS)
def test_gas_station_checklist_with_colour_words_and_numbered_cells(kind: str, tmp_path: Path) -> None:
    site = _read(samples.GAS, kind, tmp_path)
    tank, inlet, pump = _points(site)
    assert [p["风险等级"] for p in (tank, inlet, pump)] == ["一般", "较大", "低"]  # 蓝 + 黄 → 黄; 橙; 蓝
    assert tank["管控措施"] == ["通气管管口高出地面不小于4m，沿建筑物向上敷设的高出屋面1.5m以上", "阻火器、呼吸阀每月检查一次",
                            "油罐接地点不少于两处", "每年雷雨季前检测一次防雷接地"]
    assert tank["风险及可能造成的危害"] == ["通气管倒伏、阻火器堵塞，油气泄漏", "接地线断裂，静电积聚放电"]
    assert tank["事故类型"] == ["火灾", "其他爆炸"] and tank["管控责任人"] == "站长"
    # 检查项目, 标准, 管控层级 and the suggestions column (with its 同上 and —) are not read, and not warned about
    assert not _rules(site) & {"SK905", "SK916", "SK914"}


@pytest.mark.parametrize("kind", KINDS)
def test_foundry_list_made_for_the_boards(kind: str, tmp_path: Path) -> None:
    site = _read(samples.FOUNDRY, kind, tmp_path)
    points = _points(site)
    assert [p["风险点名称"] for p in points] == ["中频炉熔炼区", "浇注区", "抛丸清理", "配电室"]  # no 合计, no 编制 row
    assert [p["风险等级"] for p in points] == ["较大", "一般", "一般", "低"]
    melt = points[0]
    assert melt["风险及可能造成的危害"] == ["铁水喷溅烫伤", "炉体漏炉引发爆炸"]
    assert melt["管控措施"] == ["炉料入炉前烘干", "每炉次检查炉衬厚度", "炉前设应急水池冷却系统"]
    assert "应急处置措施" not in points[2]  # "同上" points at another board's text: not printed
    _said(site, "SK916", "风险分级管控清单!G6", "「同上」指的是别处的内容")
    _said(site, "SK915", "风险分级管控清单!C4", "「较大风险（橙色）」读作「较大」")
    assert "SK905" not in _rules(site)  # 联系电话 is skipped on a risk list


def test_fill_colours_as_the_only_level_marker(tmp_path: Path) -> None:
    site = _read(samples.FOUNDRY_COLOURED, "xlsx", tmp_path)
    assert [p["风险等级"] for p in _points(site)] == ["较大", "一般", "一般", "低"]
    _said(site, "SK915", "风险分级管控清单!C4", "按单元格的底色（橙色）定为「较大」")
    # a CSV keeps no colours: the levels are missing, and said at their cells
    csv_site = _read(samples.FOUNDRY_COLOURED, "csv", tmp_path)
    report = check_imported(csv_site)
    assert [d.location.cell for d in report.diagnostics if d.rule == "SK103"] == ["C4", "C5", "C6", "C7"]


def test_a_fill_that_contradicts_the_written_level_is_said(tmp_path: Path) -> None:
    sheet = Sheet("风险点", [["风险点名称", "风险等级", "管控措施"], ["甲", "重大", "措施"], ["乙", "一般", "措施"], ["丙", "低", "措施"]],
                  fills={"B2": "FF0000", "B3": "FF0000", "B4": "0070C0"})
    site = _read(sheet, "xlsx", tmp_path)
    assert [p["风险等级"] for p in _points(site)] == ["重大", "一般", "低"]  # the word is kept
    _said(site, "SK914", "风险点!B3", "风险等级「一般」与单元格底色（红色，即「重大」）不符")
    assert len([d for d in site.diagnostics if d.rule == "SK914"]) == 1


def test_a_single_highlight_colour_is_no_contradiction(tmp_path: Path) -> None:
    sheet = Sheet("风险点", [["风险点名称", "风险等级"], ["甲", "重大"], ["乙", "一般"]], fills={"B2": "FFFF00", "B3": "FFFF00"})
    site = _read(sheet, "xlsx", tmp_path)
    assert "SK914" not in _rules(site)  # one colour down the column is "fill this in", not a level


_LEC = Sheet("风险点", [
    ["风险点名称", "L", "E", "C", "D", "风险等级", "管控措施"],
    ["甲", 1, 6, 7, 42, "一般危险", "措施"],   # the LEC band word for D ≤ 70: 低, confirmed by D
    ["乙", None, None, None, None, "一般危险", "措施"],  # the same word without D: not guessed
    ["丙", 3, 6, 15, 270, "Ⅱ", "措施"],       # a grade code: not guessed, D's level offered
    ["丁", 3, 6, 15, 250, None, "措施"],      # D written, differing from L×E×C
    ["戊", 3, 6, 15, None, None, "措施"],     # D from L×E×C
    ["己", None, None, None, None, 1800, "措施"],  # a number in the level column
    ["庚", 1, 6, 7, 42, "红", "措施"],        # 重大 written against D = 42: kept, said
    ["辛", 1, 10, 7, 70, "一般", "措施"],     # D = 70 is 一般 in lists that count the boundary up: no contradiction
])


def test_lec_numbers_check_and_derive_levels(tmp_path: Path) -> None:
    site = _read(_LEC, "xlsx", tmp_path)
    levels = {p["风险点名称"]: p["风险等级"] for p in _points(site)}
    assert levels == {"甲": "低", "乙": None, "丙": None, "丁": "较大", "戊": "较大", "己": None, "庚": "重大", "辛": "一般"}
    _said(site, "SK915", "风险点!F2", "「一般危险」是 LEC 法 D 值 20–70 的一档", "读作「低」")
    _said(site, "SK107", "风险点!F3", "「一般危险」", "没有 D 值可以核对")
    _said(site, "SK107", "风险点!F4", "「Ⅱ」是等级代号", "按 D = 270 为「较大」")
    _said(site, "SK914", "风险点!E5", "D = 250 与 L×E×C = 270 不符")
    _said(site, "SK915", "风险点!F5", "没有填写风险等级，按 D = 250 定为「较大」", "160 < D ≤ 320 较大")
    _said(site, "SK915", "风险点!F6", "按 D = L×E×C = 270 定为「较大」")
    _said(site, "SK107", "风险点!F7", "「1800」是数值")
    _said(site, "SK914", "风险点!F8", "风险等级「红」与 D = 42 不符", "应为低")
    assert not [d for d in site.diagnostics if d.location.cell == "F9"]
    report = check_imported(site)
    assert not [d for d in report.diagnostics if d.rule == "SK103"]  # each empty level is explained once, as SK107


def test_risk_matrix_levels_only_where_the_matrices_agree(tmp_path: Path) -> None:
    sheet = Sheet("风险点", [
        ["风险点名称", "可能性（L）", "严重性（S）", "风险值（R）", "风险等级"],
        ["甲", 4, 4, 16, None],   # 15–16 is 较大 in every matrix
        ["乙", 2, 5, 10, None],   # 10 is 较大 in some, 一般 in others
        ["丙", 2, 5, 10, "较大"],  # written: both are possible
        ["丁", 2, 4, 8, "较大"],   # 8 is 一般 or 低 in every matrix
        ["戊", 5, 5, None, None],  # R from L×S
    ])
    site = _read(sheet, "xlsx", tmp_path)
    assert [p["风险等级"] for p in _points(site)] == ["较大", None, "较大", "较大", "重大"]
    _said(site, "SK915", "风险点!E2", "按 R = 16 定为「较大」")
    _said(site, "SK107", "风险点!E3", "R = 10 在不同的风险矩阵中可能是较大、一般或低")
    _said(site, "SK914", "风险点!E5", "风险等级「较大」与 R = 8 不符", "应为一般、低")
    _said(site, "SK915", "风险点!E6", "按 R = L×S = 25 定为「重大」")
    assert len([d for d in site.diagnostics if d.rule == "SK914"]) == 1


def test_a_list_without_a_level_column_but_with_lec_is_complete(tmp_path: Path) -> None:
    sheet = Sheet("风险点", [["风险点名称", "L", "E", "C", "管控措施"], ["甲", 3, 6, 40, "措施"]])
    site = _read(sheet, "xlsx", tmp_path)
    assert _points(site)[0]["风险等级"] == "重大"  # 3 × 6 × 40 = 720 > 320
    _said(site, "SK915", "风险点!B2", "按 D = L×E×C = 720 定为「重大」")  # no level cell: said at the numbers
    assert "SK903" not in _rules(site)  # the level column is not missing when the numbers give the level


def test_a_ledger_whose_only_known_column_is_an_evaluation_and_rows_without_names(tmp_path: Path) -> None:
    """Found by fuzzing: a header naming only ``R`` and unnamed rows was an internal error (min of nothing)."""
    path = tmp_path / "清单.csv"
    path.write_text('"a"，"b"\n""，"R"\nNaN，1，"重大"\n，2，"较大"\n', encoding="utf-8")
    book = read_workbook(path)
    assert book.kind == "workbook" and len(book.sites) == 1
    (site,) = book.sites
    messages = [d.render() for d in site.diagnostics if d.rule == "SK915"]
    # the rows are joined to a risk point that has no name either: said so, not as 「None」
    assert messages and all("None" not in m for m in messages), messages


@pytest.mark.parametrize("same", ["同上", "同前", "〃〃", "见上"])
def test_every_same_as_above_word_joins_the_row_to_the_risk_point_above(tmp_path: Path, same: str) -> None:
    """The ledger knows the same 同上 words as every other column (values.same_as_above), not a shorter list."""
    path = tmp_path / "清单.csv"
    path.write_text("风险点名称,风险等级,主要危险有害因素,管控措施\n"
                    f"甲醇储罐区,较大,储罐泄漏,设置液位报警\n{same},较大,静电引燃,设置静电接地\n", encoding="utf-8")
    book = read_workbook(path)
    (site,) = book.sites
    points = site.data["风险点"]
    assert [p["风险点名称"] for p in points] == ["甲醇储罐区"], points
    assert "SK103" not in {d.rule for d in site.diagnostics}


def test_zero_lec_factors_are_an_unfilled_row_not_the_lowest_risk(tmp_path: Path) -> None:
    """L = E = C = D = 0 is a row nobody scored: no level is derived from it (it would print a real risk blue)."""
    path = tmp_path / "清单.csv"
    path.write_text("风险点名称,主要危险有害因素,管控措施,L,E,C,D\n锅炉房,超压爆炸,安全阀定期校验,0,0,0,0\n"
                    "配电室,触电,绝缘检测,1,6,15,90\n", encoding="utf-8")
    (site,) = read_workbook(path).sites
    levels = {p["风险点名称"]: p.get("风险等级") for p in _points(site)}
    assert levels == {"锅炉房": None, "配电室": "一般"}, levels
