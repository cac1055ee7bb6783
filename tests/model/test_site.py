"""The site model: Chinese keys, normalisation of what officers type, and located schema errors."""

from __future__ import annotations

import datetime as dt

import pytest

from signkit.diagnostics import format_path
from signkit.model import Site
from signkit.model.paths import known_keys, model_at
from signkit.pipeline.check import check_text
from tests.conftest import CHEMICAL, check_data, dump, example_data, find


def test_example_parses_into_the_model() -> None:
    report = check_data(example_data(CHEMICAL))
    site = report.site
    assert isinstance(site, Site)
    assert site.enterprise.name == "忻州晋原精细化工有限公司"
    assert site.enterprise.revised == dt.date(2026, 5, 18)
    assert site.enterprise.city_supervised is False
    assert site.posts[0].headcount == 12
    assert site.risk_points[1].notices == ["反应釜运行时严禁打开人孔和取样口"]  # one line → one-item list
    assert site.workplaces[0].shift_leaders == ["郝建国", "李志强", "温国庆"]
    assert site.region.county_channel is not None and site.region.county_channel.postcode == "034100"
    assert site.highest_risk == "重大"


@pytest.mark.parametrize(("written", "expected"), [
    ("2026-05-01", dt.date(2026, 5, 1)), ("2026年5月1日", dt.date(2026, 5, 1)), ("2026/5/1", dt.date(2026, 5, 1)),
    ("2026.05.01", dt.date(2026, 5, 1)),
])
def test_dates_in_chinese_forms(written: str, expected: dt.date) -> None:
    data = example_data(CHEMICAL)
    data["企业"]["修订日期"] = written
    site = check_data(data).site
    assert site is not None and site.enterprise.revised == expected


@pytest.mark.parametrize(("written", "expected"), [("是", True), ("否", False), ("yes", True), ("false", False)])
def test_yes_no(written: str, expected: bool) -> None:
    data = example_data(CHEMICAL)
    data["企业"]["市级直接监管"] = written
    report = check_data(data)
    assert report.site is not None and report.site.enterprise.city_supervised is expected


@pytest.mark.parametrize(("written", "expected"), [("重大风险", "重大"), ("橙色", "较大"), ("黄", "一般"), ("低风险", "低")])
def test_risk_level_synonyms(written: str, expected: str) -> None:
    data = example_data(CHEMICAL)
    data["风险点"][1]["风险等级"] = written
    report = check_data(data)
    assert report.site is not None and report.site.risk_points[1].level == expected


def test_full_width_space_is_stripped() -> None:
    data = example_data(CHEMICAL)
    data["企业"]["企业主要负责人"] = "\u3000郝建国\u3000"
    site = check_data(data).site
    assert site is not None and site.enterprise.principal == "郝建国"


HEADER = """地区:
  城市: 忻州市
  县区: 原平市
"""


def test_exact_positions_of_schema_errors() -> None:
    text = HEADER + """企业:
  企业名字: 甲公司
  企业主要负责人:
  所属行业: 化工
  修订日期: 2026-05-01
工作场所:
  - 名称: 一车间
    班组:
      - 名称: 甲班
        负责人:
"""
    report = check_text(text, "site.yaml")
    rendered = {d.render().split("\n")[0] for d in report.diagnostics}
    assert "site.yaml:5:3: 错误：企业.企业名字 未知的键「企业名字」 [SK101]" in rendered
    assert "site.yaml:6:3: 错误：企业.企业主要负责人 不能为空 [SK103]" in rendered
    assert "site.yaml:4:1: 错误：企业.企业名称 缺少必填项「企业名称」 [SK102]" in rendered
    assert "site.yaml:13:9: 错误：工作场所[0].班组[0].负责人 不能为空 [SK103]" in rendered
    assert "site.yaml:1:1: 错误：监管责任.行业主管部门 缺少必填项「行业主管部门」 [SK102]" in rendered
    (typo,) = find(report, "SK101")
    assert typo.hint == "是否想写「企业名称」？"


def test_all_errors_are_reported_together() -> None:
    data = example_data(CHEMICAL)
    data["岗位"][0]["人数"] = "十二"
    data["风险点"][0]["风险等级"] = "特大"
    data["监管责任"]["行业主管部门"]["层级"] = "村"
    data["工作场所"][1]["带班领导"] = []
    report = check_data(data)
    got = {(d.rule, format_path(d.location.path)) for d in report.diagnostics}
    assert ("SK104", "岗位[0].人数") in got
    assert ("SK107", "风险点[0].风险等级") in got
    assert ("SK107", "监管责任.行业主管部门.层级") in got
    assert ("SK103", "工作场所[1].带班领导") in got


@pytest.mark.parametrize(("mutation", "rule", "blocked"), [
    (lambda d: d["岗位"][0].__setitem__("人数", "0"), "SK105", {("2-5", "合成操作工")}),
    (lambda d: d["企业"].__setitem__("修订日期", "去年"), "SK106", "all"),  # printed in every board's stamp
    (lambda d: d["企业"].__setitem__("企业名称", ["甲", "乙"]), "SK104", "all"),  # names the enterprise's folder
    (lambda d: d.__setitem__("岗位", "操作工"), "SK104", set()),  # no post is left to block, nor any other board
    (lambda d: d["监管责任"].__setitem__("行业主管部门", "工信局"), "SK104", {("2-1-1", "忻州晋原精细化工有限公司")}),
    (lambda d: d["企业"].__setitem__("市级直接监管", "也许"), "SK104", {("2-1-1", "忻州晋原精细化工有限公司")}),
])
def test_type_problems_block_only_the_boards_they_touch(mutation, rule: str, blocked) -> None:  # type: ignore[no-untyped-def]
    """A wrong value is reported, and the rest of the file is still checked and its other boards still made."""
    data = example_data(CHEMICAL)
    mutation(data)
    report = check_data(data)
    assert rule in {d.rule for d in report.diagnostics}, [d.render() for d in report.diagnostics]
    assert report.site is not None
    stopped = {(report.plan[i].form_id, report.plan[i].subject) for i in report.blockers()}
    if blocked == "all":
        assert len(stopped) == len(report.plan)
    else:
        assert stopped == blocked


def test_unknown_key_deep_inside_lists_is_located() -> None:
    data = example_data(CHEMICAL)
    data["工作场所"][1]["班组"][0]["负责任"] = "某人"
    text = dump(data)
    report = check_text(text, "x.yaml")
    (hit,) = find(report, "SK101")
    assert format_path(hit.location.path) == "工作场所[1].班组[0].负责任"
    line = text.splitlines()[hit.location.line - 1]  # type: ignore[operator]
    assert line[hit.location.column - 1:].startswith("负责任")  # type: ignore[operator]


def test_known_keys_follow_the_model() -> None:
    assert known_keys(("工作场所", 0, "班组", 0)) == ["名称", "负责人"]
    assert model_at(("监管责任", "专业监管部门", 2, "责任领导")) is not None
    assert known_keys(("不存在",)) == []
