"""Every content rule, both ways: a mutation of a clean example that triggers it, and the clean case.

The examples themselves pass with no diagnostics at all (asserted below), so each
mutation test shows that one change produces the rule at the right key path.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from signkit.diagnostics import Severity, format_path
from signkit.rules.phones import phone_problem
from signkit.rules.supervision import title_kind
from tests.conftest import CHEMICAL, SMALL, check_data, example_data, find, rules_of

Data = dict[str, Any]


@pytest.mark.parametrize("path", [CHEMICAL, SMALL], ids=lambda p: p.name)
def test_examples_are_clean(path: Any) -> None:
    report = check_data(example_data(path), path.name)
    assert [d.render() for d in report.diagnostics] == []
    assert report.site is not None


def _set(data: Data, path: tuple[Any, ...], value: Any) -> None:
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


def _del(data: Data, path: tuple[Any, ...]) -> None:
    node = data
    for part in path[:-1]:
        node = node[part]
    del node[path[-1]]


def _chem_city_supervised(data: Data) -> None:
    _set(data, ("企业", "市级直接监管"), "是")
    _set(data, ("监管责任", "行业主管部门", "层级"), "市")
    _set(data, ("监管责任", "行业主管部门", "部门"), "忻州市工业和信息化局")
    _set(data, ("监管责任", "属地监管", "层级"), "县")
    _del(data, ("监管责任", "县级政府领导"))
    _del(data, ("监管责任", "风险点"))


# (rule, which example, mutation, expected key path of the diagnostic)
CASES: list[tuple[str, str, Callable[[Data], None], str]] = [
    ("SK201", "chem", lambda d: _set(d, ("企业", "企业应急电话"), "8161119"), "企业.企业应急电话"),
    ("SK201", "chem", lambda d: _set(d, ("岗位", 1, "救援电话"), "119、12345678901"), "岗位[1].救援电话"),
    ("SK202", "chem", lambda d: _del(d, ("岗位", 2, "救援电话")), "岗位[2].救援电话"),
    ("SK203", "chem", lambda d: _del(d, ("企业", "企业应急电话")), "企业.企业应急电话"),
    ("SK204", "chem", lambda d: _del(d, ("地区", "县级举报渠道")), "地区.县级举报渠道.电话"),
    ("SK204", "chem", lambda d: _del(d, ("地区", "县级举报渠道", "来信地址")), "地区.县级举报渠道.来信地址"),
    ("SK205", "chem", lambda d: _set(d, ("地区", "城市"), "太原市"), "地区.监制单位"),
    ("SK206", "chem", lambda d: _del(d, ("监管责任", "县级政府领导")), "监管责任.县级政府领导"),
    ("SK207", "chem", lambda d: _set(d, ("监管责任", "风险点"), "配电室"), "监管责任.风险点"),
    ("SK207", "chem", lambda d: _set(d, ("监管责任", "风险点"), ["液氨储罐区", "配电室"]), "监管责任.风险点[1]"),
    ("SK208", "chem", lambda d: _del(d, ("企业", "分管负责人")), "企业.分管负责人"),
    ("SK209", "small", lambda d: _del(d, ("企业", "安全管理人员")), "企业.安全管理人员"),
    ("SK210", "small", lambda d: _set(d, ("监管责任", "安全监管部门", "责任领导", "职务"), "副局长"),
     "监管责任.安全监管部门.责任领导.职务"),
    ("SK211", "chem", lambda d: (_chem_city_supervised(d), _set(d, ("监管责任", "属地监管", "层级"), "乡镇")),
     "监管责任.属地监管.层级"),
    ("SK212", "chem", lambda d: _set(d, ("监管责任", "安全监管部门", "层级"), "市"), "监管责任.安全监管部门.层级"),
    ("SK213", "chem", lambda d: d["监管责任"]["专业监管部门"].append(
        {"层级": "县", "部门": "原平市住房和城乡建设管理局", "责任领导": {"姓名": "石磊", "职务": "局长"}, "具体责任人": "章程"}),
     "监管责任.专业监管部门"),
    ("SK214", "chem", lambda d: d["工作场所"].append(d["工作场所"][0]), "工作场所[2].名称"),
    ("SK214", "chem", lambda d: d["工作场所"][0]["班组"].append({"名称": "合成甲班", "负责人": "某人"}),
     "工作场所[0].班组[3].名称"),
    ("SK214", "chem", lambda d: d["工作场所"][1]["岗位"].append(dict(d["工作场所"][1]["岗位"][0])),
     "工作场所[1].岗位[3].名称"),
    ("SK215", "chem", lambda d: _set(d, ("工作场所", 0, "岗位", 0, "名称"), "合成操作员"), "工作场所[0].岗位[0].名称"),
    ("SK216", "chem", lambda d: _set(d, ("工作场所", 1, "岗位"), [{"名称": "储罐操作工", "责任人": "田彦斌"}]),
     "岗位[3].岗位名称"),
    ("SK217", "chem", lambda d: _set(d, ("风险点", 1, "所在工作场所"), "合成工段"), "风险点[1].所在工作场所"),
    ("SK218", "chem", lambda d: d["岗位"][0]["岗位安全生产责任"].append("完成领导交办的其他工作"),
     "岗位[0].岗位安全生产责任[5]"),
    ("SK219", "chem", lambda d: _set(d, ("风险点", 2, "管控措施", 0), "（一）电工持证上岗"), "风险点[2].管控措施[0]"),
    ("SK219", "chem", lambda d: _set(d, ("岗位", 0, "岗位安全风险", 1), "2. 有毒物料泄漏"), "岗位[0].岗位安全风险[1]"),
    ("SK220", "small", lambda d: _set(d, ("监管责任", "风险点"), "某处"), "监管责任.风险点"),
    ("SK221", "chem", lambda d: _del(d, ("企业", "企业监督举报电话")), "企业.企业监督举报电话"),
    ("SK222", "chem", lambda d: _set(d, ("风险点",), []), "风险点"),
    ("SK223", "chem", lambda d: _set(d, ("地区", "县级举报渠道", "邮编"), "03410"), "地区.县级举报渠道.邮编"),
    ("SK224", "chem", lambda d: _set(d, ("监管责任", "县级政府领导", "职务"), "市长"), "监管责任.县级政府领导.职务"),
    ("SK227", "chem", lambda d: _set(d, ("岗位", 1, "岗位名称"), "化工\u200b仪表工"), "岗位[1].岗位名称"),
    ("SK228", "chem", lambda d: _set(d, ("地区", "举报网址"), "忻州市应急管理局官网-互动交流栏目-局长信箱"), "地区.举报网址"),
    ("SK229", "chem", lambda d: _set(d, ("地区", "举报网址"), "https://example.gov.cn/" + "x" * 900), "地区.举报网址"),
    ("SK230", "chem", lambda d: _set(d, ("企业", "企业应急电话"), "0350-8161119（值班）"), "企业.企业应急电话"),
    ("SK225", "chem", lambda d: _set(d, ("输出",), {"尺寸": {"2-2": "大一点"}}), "输出.尺寸.2-2"),
    ("SK226", "chem", lambda d: _set(d, ("输出",), {"尺寸": {"2-4": "1000×700"}}), "输出.尺寸.2-4"),
    ("SK226", "chem", lambda d: _set(d, ("输出",), {"尺寸": {"2-3": "800×1000"}}), "输出.尺寸.2-3"),
]


@pytest.mark.parametrize(("rule", "which", "mutate", "path"), CASES,
                         ids=[f"{c[0]}-{c[3]}" for c in CASES])
def test_rule_fires_at_the_right_place(rule: str, which: str, mutate: Callable[[Data], None], path: str) -> None:
    data = example_data(CHEMICAL if which == "chem" else SMALL)
    assert rule not in rules_of(check_data(data))
    mutate(data)
    report = check_data(data)
    hits = find(report, rule)
    assert hits, [d.render() for d in report.diagnostics]
    assert path in [format_path(d.location.path) for d in hits]
    for hit in hits:
        assert hit.location.line is not None and hit.location.line >= 1
        assert hit.message  # Chinese text, never empty


def test_every_content_rule_has_a_failing_case() -> None:
    from signkit.codes import CODES

    content = {rule for rule in CODES if rule.startswith("SK2")}
    assert content == {case[0] for case in CASES}


def test_rule_severity_follows_the_catalog() -> None:
    data = example_data(SMALL)
    _set(data, ("监管责任", "安全监管部门", "责任领导", "职务"), "副局长")
    (hit,) = find(check_data(data), "SK210")
    assert hit.severity is Severity.WARNING
    assert "主要负责人" in hit.message and "挂牌说明 (2)" in (hit.hint or "")


def test_city_supervised_major_enterprise_rules() -> None:
    data = example_data(CHEMICAL)
    _chem_city_supervised(data)
    _set(data, ("企业", "安全管理人员"), "王海燕")
    report = check_data(data)
    assert report.site is not None
    assert not report.errors(), [d.render() for d in report.diagnostics]
    # 重大 + city supervised: 行业主管部门 leader must be the head (rule (4))
    _set(data, ("监管责任", "行业主管部门", "责任领导", "职务"), "副局长")
    (hit,) = find(check_data(data), "SK210")
    assert format_path(hit.location.path) == "监管责任.行业主管部门.责任领导.职务"
    assert "(4)" in (hit.hint or "")


def test_small_enterprise_deputies_rule_3() -> None:
    data = example_data(SMALL)
    for point in data["风险点"]:
        if point["风险等级"] == "较大":
            point["风险等级"] = "一般"
    report = check_data(data)
    # heads where 分管领导 are expected: rule (3) warns for each department
    paths = {format_path(d.location.path) for d in find(report, "SK210")}
    assert "监管责任.行业主管部门.责任领导.职务" in paths
    assert all("(3)" in (d.hint or "") for d in find(report, "SK210"))


@pytest.mark.parametrize("size", ["1500×1000", "150×100cm", "1500x1000mm", "１５００×１０００"])
def test_sizes_accepted(size: str) -> None:
    data = example_data(CHEMICAL)
    data["输出"] = {"尺寸": {"2-2": size, "2-3": "900×1350", "2-6": "4500x2250"}}
    assert not {"SK225", "SK226"} & rules_of(check_data(data))


def test_staff_grade_is_not_a_leader() -> None:
    data = example_data(SMALL)
    _set(data, ("监管责任", "安全监管部门", "责任领导", "职务"), "一级主任科员")
    (hit,) = find(check_data(data), "SK210")
    assert "不是领导职务" in hit.message


def test_wording_rules_avoid_false_hits() -> None:
    data = example_data(CHEMICAL)
    data["岗位"][0]["应急处置及管控措施"].append("1.5 米以上登高作业系挂安全带")
    data["岗位"][0]["岗位安全生产责任"].append("发现泄漏立即通知其他工作人员撤离")
    assert not {"SK218", "SK219"} & rules_of(check_data(data))


def test_partial_city_channel_is_merged_with_the_profile() -> None:
    from signkit.model import resolve_region

    data = example_data(CHEMICAL)
    data["地区"]["市级举报渠道"] = {"电话": "0350-3033350"}
    site = check_data(data).site
    assert site is not None
    channel = resolve_region(site.region).city_channel
    assert channel is not None and channel.phone == "0350-3033350"
    assert channel.postcode == "034000" and channel.letter_address == "忻州市忻府区建设北路五号忻州市应急管理局"


def test_same_post_name_in_two_workplaces_is_fine() -> None:
    data = example_data(CHEMICAL)
    names = [[row["名称"] for row in w["岗位"]] for w in data["工作场所"]]
    assert "电工" in names[0] and "电工" in names[1]
    assert "SK214" not in rules_of(check_data(data))


@pytest.mark.parametrize("number", [
    "0350-12350", "0350-3032350", "03503032350", "0351-12345678", "0350-3032350转8001", "13912345678",
    "139-1234-5678", "+86 139 1234 5678", "12350", "119", "120", "95598", "400-810-0000", "119、120", "0350-1234567/13912345678",
])
def test_phone_accepts(number: str) -> None:
    assert phone_problem(number) is None


@pytest.mark.parametrize(("number", "why"), [
    ("3032350", "缺少区号"), ("1391234567", "不是有效"), ("11111", "不是有效"), ("电话", "不是有效"), ("0350-123", "不是有效"),
])
def test_phone_rejects(number: str, why: str) -> None:
    problem = phone_problem(number)
    assert problem is not None and why in problem


def test_full_width_phone_digits_are_normalised() -> None:
    data = example_data(CHEMICAL)
    _set(data, ("企业", "企业应急电话"), "０３５０－８１６１１１９")
    report = check_data(data)
    assert "SK201" not in rules_of(report)
    assert report.site is not None and report.site.enterprise.emergency_phone == "0350-8161119"


@pytest.mark.parametrize(("title", "kind"), [
    ("局长", "head"), ("副局长", "deputy"), ("分管副主任", "deputy"), ("镇长", "head"), ("党委书记", "head"),
    ("大队长", "head"), ("一级主任科员", "staff"), ("二级调研员", "staff"), ("教导员", None), ("负责同志", None),
])
def test_title_kind(title: str, kind: str | None) -> None:
    assert title_kind(title) == kind


def test_2_1_1_names_every_major_risk_point_when_none_is_chosen() -> None:
    """A mine has several 重大 points (gas at one face, old-goaf water at another): the cell lists them all."""
    data = example_data(CHEMICAL)
    del data["监管责任"]["风险点"]
    second = dict(data["风险点"][0], **{"风险点名称": "光气合成釜"})
    data["风险点"].append(second)
    report = check_data(data)
    assert not report.errors(), [d.render() for d in report.errors()]
    assert report.site is not None
    from signkit.model.facts import major_points

    assert major_points(report.site) == ["液氨储罐区", "光气合成釜"]
    data["监管责任"]["风险点"] = ["光气合成釜"]
    chosen = check_data(data)
    assert chosen.site is not None and major_points(chosen.site) == ["光气合成釜"] and not chosen.errors()


def test_one_post_held_by_two_people_is_not_a_duplicate() -> None:
    """A gas station's two 加油员 are two rows of one post; the 站长 holding two roles is no slip either."""
    data = example_data(SMALL)
    rows = data["工作场所"][0]["岗位"]
    rows.append({"名称": rows[0]["名称"], "责任人": "另一人"})
    data["企业"]["安全管理人员"] = data["企业"]["企业主要负责人"]
    assert "SK214" not in rules_of(check_data(data))
