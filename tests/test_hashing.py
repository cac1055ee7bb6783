"""Content hashes change when, and only when, what a board prints changes."""

from __future__ import annotations

from typing import Any

from signkit.check import check_text
from signkit.fonts import resolve_fonts
from tests.conftest import CHEMICAL, dump, example_data


def _stamps(data: dict[str, Any], fonts: Any) -> dict[tuple[str, str], str]:
    report = check_text(dump(data), "h.yaml", fonts=fonts, layout=True)
    assert report.site is not None and not report.errors(), [d.render() for d in report.diagnostics]
    return {(b.form_id, b.subject): h for b, h in zip(report.plan, report.stamps, strict=True)}


def _changed(before: dict[tuple[str, str], str], after: dict[tuple[str, str], str]) -> set[tuple[str, str]]:
    return {key for key in before if before[key] != after.get(key)}


def test_stamps_are_stable(bundled_fonts: Any) -> None:
    data = example_data(CHEMICAL)
    assert _stamps(data, bundled_fonts) == _stamps(example_data(CHEMICAL), bundled_fonts)


def test_a_leader_name_changes_only_the_boards_that_print_it(bundled_fonts: Any) -> None:
    before = _stamps(example_data(CHEMICAL), bundled_fonts)
    data = example_data(CHEMICAL)
    data["监管责任"]["安全监管部门"]["责任领导"]["姓名"] = "高卫国"
    assert _changed(before, _stamps(data, bundled_fonts)) == {("2-1-1", "忻州晋原精细化工有限公司")}


def test_a_duty_changes_the_post_board_not_the_card(bundled_fonts: Any) -> None:
    before = _stamps(example_data(CHEMICAL), bundled_fonts)
    data = example_data(CHEMICAL)
    data["岗位"][1]["岗位安全生产责任"][0] += "，每班校验一次"
    assert _changed(before, _stamps(data, bundled_fonts)) == {("2-3", "化工仪表工")}


def test_a_title_change_is_not_a_content_change(bundled_fonts: Any) -> None:
    """A leader's 职务 is checked by the rules but not printed: no reprint."""
    before = _stamps(example_data(CHEMICAL), bundled_fonts)
    data = example_data(CHEMICAL)
    data["监管责任"]["安全监管部门"]["责任领导"]["职务"] = "局长（主持工作）"
    assert _changed(before, _stamps(data, bundled_fonts)) == set()


def test_risk_level_and_size_change_their_boards(bundled_fonts: Any) -> None:
    before = _stamps(example_data(CHEMICAL), bundled_fonts)
    data = example_data(CHEMICAL)
    data["风险点"][3]["风险等级"] = "一般"
    data["输出"] = {"尺寸": {"2-7": "3600×1800"}}
    changed = _changed(before, _stamps(data, bundled_fonts))
    assert changed == {("2-4", "成品仓库（低风险）"), ("2-7", "忻州晋原精细化工有限公司")}


def test_hash_does_not_depend_on_the_fonts() -> None:
    """Another body font breaks lines elsewhere; the printed content, and so the hash, is the same."""
    bundled = resolve_fonts(mode="bundled")
    title_file = bundled.primary("title")
    other = resolve_fonts(mode="system", body=f"{title_file.path}#{title_file.face_index}", title=str(title_file.path),
                          env={}, search_dirs=[], use_fc_list=False)
    assert other.primary("body").family != bundled.primary("body").family
    data = example_data(CHEMICAL)
    assert _stamps(data, bundled) == _stamps(data, other)
