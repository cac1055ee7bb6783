"""The sign rules (SK7xx) on 警示标识, 事故类型 and the sign folder, each located at its key path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from signkit.art import load_library
from signkit.art.accidents import AUTO
from signkit.diagnostics import Severity
from signkit.pipeline.check import check_text
from tests.art.signutil import risk_point
from tests.conftest import ROOT, check_data, dump, find, rules_of


def test_sign_rules_are_in_the_rules_doc() -> None:
    from signkit.codes import CODES

    signs = [code for code in CODES if code.startswith("SK7")]
    assert signs == [f"SK7{n:02d}" for n in range(1, 14)]
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8").count("| SK7") == len(signs)


def test_examples_signs_are_clean(chem: dict[str, Any]) -> None:
    report = check_data(chem)
    assert not [d for d in report.diagnostics if d.rule.startswith("SK7")]


def test_unknown_sign_name_suggests_the_closest(chem: dict[str, Any]) -> None:
    risk_point(chem)["警示标识"] = ["当心中毒", "当心触点"]
    (diag,) = find(check_data(chem), "SK701")
    assert diag.location.path == ("风险点", 0, "警示标识", 1)
    assert "当心触点" in diag.message and diag.hint is not None and "是否想写「当心触电」" in diag.hint


def test_unknown_name_never_suggests_the_opposite_instruction(chem: dict[str, Any]) -> None:
    risk_point(chem)["警示标识"] = ["禁止戴防护手套"]
    (diag,) = find(check_data(chem), "SK701")
    assert "必须" not in (diag.hint or "")


def test_too_many_signs_is_a_located_error(chem: dict[str, Any]) -> None:
    names = [s for s in load_library() if s.startswith("当心")][:7]
    risk_point(chem, 1)["警示标识"] = names
    (diag,) = find(check_data(chem), "SK707")
    assert diag.severity is Severity.ERROR and diag.location.path == ("风险点", 1, "警示标识")
    # five at most: at six a sign would be 59 mm wide and its words under the 10 mm the board is read at
    assert "7 个" in diag.message and "最多放 5 个" in diag.message and "输出.尺寸" in (diag.hint or "")
    assert "文字要 10 mm 高" in diag.message and "每个标志就要" in diag.message
    chem["输出"] = {"尺寸": {"2-4": "1800×1200"}}
    assert "SK707" not in rules_of(check_data(chem))


def test_accident_types_unknown_and_unanswered(chem: dict[str, Any]) -> None:
    point = risk_point(chem, 3)  # 成品仓库: 当心车辆, 当心落物
    point["事故类型"] = ["车辆伤害", "触电", "爆炸"]
    report = check_data(chem)
    (unanswered,) = find(report, "SK708")
    assert unanswered.severity is Severity.WARNING and unanswered.location.path == ("风险点", 3, "事故类型", 1)
    assert "当心触电" in unanswered.message
    (unknown,) = find(report, "SK709")
    assert unknown.location.path == ("风险点", 3, "事故类型", 2) and "瓦斯爆炸" in (unknown.hint or "")


def test_auto_without_accident_types(chem: dict[str, Any]) -> None:
    point = risk_point(chem, 3)
    point["警示标识"] = AUTO
    point.pop("事故类型", None)
    (diag,) = find(check_data(chem), "SK710")
    assert diag.location.path == ("风险点", 3, "警示标识")


def test_sign_folder_must_exist(chem: dict[str, Any], tmp_path: Path) -> None:
    chem["输出"] = {"标志文件夹": str(tmp_path / "没有")}
    (diag,) = find(check_data(chem), "SK711")
    assert diag.location.path == ("输出", "标志文件夹")


@pytest.mark.parametrize(("names", "fits"), [
    (["当心中毒", "当心爆炸", "当心低温", "禁止烟火", "必须戴防毒面具", "紧急洗眼器"], False),  # 52.5 mm would take six
    (["当心中毒", "当心爆炸", "当心低温", "禁止烟火", "紧急洗眼器"], True),
    (["禁止烟火", "熄火加油", "禁止开启无线移动通讯设备", "当心车辆"], True),  # its words on two lines
    (["禁止烟火", "熄火加油", "禁止开启无线移动通讯设备", "当心车辆", "必须接地"], True),
    (["禁止烟火", "熄火加油", "禁止开启无线移动通讯设备", "当心车辆", "必须接地", "当心爆炸"], False),
])
def test_the_check_counts_the_signs_the_layout_fits(chem: dict[str, Any], bundled_fonts: Any, names: list[str],
                                                   fits: bool) -> None:
    """SK707 and the layout size signs by one rule: never a clean check and then a board that cannot be laid out."""
    risk_point(chem, 1)["警示标识"] = names
    report = check_text(dump(chem), "site.yaml", fonts=bundled_fonts, layout=True)
    about = [d.rule for d in report.diagnostics if d.location.path[:3] == ("风险点", 1, "警示标识")]
    assert about == ([] if fits else ["SK707"])
