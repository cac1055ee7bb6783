"""The 2-3 duty lint (SK218): the vague formulas and non-safety duties of real 岗位责任制, and the lines that must pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from signkit.rules.duties import PATTERNS, caught, duties_markdown
from tests.conftest import SMALL, check_data, example_data, find

ROOT = Path(__file__).resolve().parent.parent.parent

#: Lines from real duty lists (coal mines, gas stations, chemical plants) with what the lint must say.
WARN: list[tuple[str, str]] = [
    ("认真贯彻执行国家安全生产方针政策，把安全工作列入重要议事日程", "认真贯彻方针政策"),
    ("负责本站职工的考勤、考核、总结评比", "考勤、考核评比"),
    ("了解市场，开拓经营，保障供应，确保质量，提高销量", "经营、销量"),
    ("在班组长的带领下，干好本岗位范围内的各项工作", "服从安排、听从指挥"),
    ("必须尽职尽责，杜绝“三违”现象", "尽职尽责"),
    ("积极参加业务培训及各种安全活动", "积极参加"),
    ("理解本班生产任务，熟悉现场作业环境，完成好本班工作任务", "生产任务、产量"),
    ("加强对票证、现金的管理工作，做好防盗、防骗、防抢等防范措施", "票证、现金、账目"),
    ("严禁有短斤少两行为，杜绝跑冒油事故的发生", "票证、现金、账目"),
    ("完成领导交办的其他工作", "领导交办的其他任务"),
    ("做好本岗位安全工作", "做好安全工作"),
    ("遵守各项规章制度", "遵守各项规章制度"),
    ("配合安全员做好消防器材的检查", "配合（协助）做好"),
    ("保持工作区域整洁卫生", "卫生、整洁"),
    ("不断提出有利于发展生产的合理化建议", "合理化建议"),
    ("对本岗位的安全生产工作负直接责任", "负责本岗位的安全"),
]
#: Concrete safety duties that contain a "bad" word and must not warn.
PASS: list[str] = [
    "负责本班采煤机及周边环境的文明卫生，做到无浮煤、无积尘、无油渍",
    "瓦斯浓度达到1.0%时停止割煤，切断采煤机电源",
    "服从瓦斯检查工的停工撤人指令",
    "通知其他人员撤离到进风巷",
    "其他作业人员不得进入警戒区",
    "遵守《受限空间作业安全管理制度》，进入前检测氧含量",
    "锚杆预紧力不低于 300 N·m，保证支护质量",
    "加强通风，每班检测 2 次巷道风速",
    "疏散通道内不得堆放杂物，保持通道整洁",
    "完成检修后清点工具和人员",
    "每班开工前检查本机急停按钮和防护罩",
]


@pytest.mark.parametrize(("line", "label"), WARN)
def test_real_filler_is_caught_with_its_reason(line: str, label: str) -> None:
    found = caught(line)
    assert found is not None and found.label == label, (line, found)


@pytest.mark.parametrize("line", PASS)
def test_concrete_duties_pass(line: str) -> None:
    assert caught(line) is None, (line, caught(line))


def test_the_warning_quotes_the_item_and_says_what_to_write() -> None:
    data = example_data(SMALL)
    data["岗位"][1]["岗位安全生产责任"].append("负责本站职工的考勤、考核、总结评比")
    (hit,) = find(check_data(data), "SK218")
    assert hit.location.path == ("岗位", 1, "岗位安全生产责任", len(data["岗位"][1]["岗位安全生产责任"]) - 1)
    assert "「负责本站职工的考勤、考核、总结评比」不是安全生产责任（考勤、考核评比）" in hit.message
    assert (hit.hint or "").startswith("规范三、3")


def test_the_examples_duties_are_concrete() -> None:
    assert not find(check_data(example_data(SMALL)), "SK218")


def test_docs_list_exactly_what_is_caught() -> None:
    committed = (ROOT / "docs" / "duties.md").read_text(encoding="utf-8")
    assert committed == duties_markdown(), "docs/duties.md is stale: run signkit rules --duties > docs/duties.md"
    assert all(p.label in committed for p in PATTERNS)
