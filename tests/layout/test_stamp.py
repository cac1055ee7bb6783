"""Content hashes change when, and only when, what a board prints changes."""

from __future__ import annotations

from typing import Any

from signkit.fonts import resolve_fonts
from signkit.pipeline.check import check_text
from tests.conftest import CHEMICAL, SMALL, dump, example_data


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


def _laid_out(data: dict[str, Any], fonts: Any) -> list[Any]:
    from signkit.pipeline.build import build_site

    report = check_text(dump(data), "h.yaml")
    assert report.site is not None and report.source is not None and not report.errors()
    result = build_site(report.site, report.source, fonts, reuse=lambda _planned, _build: "not rendered")
    assert result.ok
    return [built.board for built in result.boards]


def test_each_page_records_exactly_the_text_it_draws(bundled_fonts: Any) -> None:
    """The content hash reads ``Page.texts``; they must hold every character drawn, in order, and nothing else.

    A layout that drew text past :meth:`Frame.text`, or a page built without its
    frame's texts, would print text the hash does not see.  White space is left out of
    the comparison (a line break drops it), and the stamp's hash digits are masked.
    """
    import re

    from signkit.drawing.items import Text
    from signkit.layout.stamp import STAMP_PLACEHOLDER

    for example in (CHEMICAL, SMALL):
        for board in _laid_out(example_data(example), bundled_fonts):
            for page in board.pages:
                drawn = "".join(re.sub(r"(内容 )[0-9a-f]{8}", r"\g<1>" + STAMP_PLACEHOLDER, item.text)
                                for item in page.items if isinstance(item, Text))
                recorded = "".join(para for block in page.texts for para in block)
                assert "".join(recorded.split()) == "".join(drawn.split()), (board.form_id, board.subject, page.label)


def test_wording_keeps_what_prints_and_drops_what_does_not() -> None:
    from signkit.drawing.text import Para, wording

    assert wording([Para("刘 燕")]) != wording([Para("刘燕")])  # a gap inside a line is printed
    assert wording([Para("甲"), Para("乙")]) != wording([Para("甲乙")])  # so is a paragraph break in the wording
    assert wording([Para("刘燕  ")]) == wording([Para("刘燕")])  # white space at a paragraph's end never prints
    # a break the layout chose (2-2's 附表 breaks of a long label) is a line break, like any other
    assert wording([Para("企业分管"), Para("安全领导", continued=True)]) == wording([Para("企业分管安全领导")])
    assert wording([Para("停机；", "（一）"), Para("断电；", "（二）")]) == ("（一）停机；", "（二）断电；")



def test_a_label_broken_where_the_form_breaks_it_hashes_the_same(bundled_fonts: Any) -> None:
    """2-2 breaks a long label at the 附表's break only when a font makes it too wide for one line.

    A face with a wider 安 (measured here by widening it) makes that choice for
    企业分管安全领导 and 企业安全管理部门; the board says the same, so its hash is the same.
    """
    from signkit.drawing.items import Text
    from signkit.drawing.text import FontMeasurer
    from signkit.layout.context import LayoutContext
    from signkit.layout.registry import layout_board
    from signkit.plan.boards import plan_boards
    from signkit.spec.sizes import Sizing, default_size, scale_of

    class WideAn(FontMeasurer):
        def width(self, text: str, size: float, role: Any, letter_spacing: float = 0.0) -> float:
            return super().width(text, size, role, letter_spacing) + 0.6 * size * text.count("安")

    report = check_text(dump(example_data(SMALL)), "h.yaml")
    assert report.site is not None
    planned = next(p for p in plan_boards(report.site) if p.form_id == "2-2")
    width, height = default_size("2-2")
    boards = []
    for measure in (FontMeasurer(bundled_fonts), WideAn(bundled_fonts)):
        board, frame = layout_board(LayoutContext(report.site, measure, gradient=True), planned,
                                    Sizing(width, height, scale_of("2-2", width, height)))
        assert not frame.misfits
        boards.append(board)
    lines = [{item.text for item in board.pages[0].items if isinstance(item, Text)} for board in boards]
    assert "企业分管安全领导" in lines[0] and {"企业分管", "安全领导"} <= lines[1], "premise: the label breaks"
    assert boards[0].content_hash == boards[1].content_hash
