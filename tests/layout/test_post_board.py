"""附表 2-3 员工岗位责任牌: the post's name and its numbered duties, a label column, duties that hang,
shrink or honestly misfit."""

from __future__ import annotations

from typing import Any

import pytest

from signkit.drawing.text import FontMeasurer
from signkit.fonts import FontSet
from signkit.layout import post_board
from signkit.layout.context import GRADIENT
from signkit.render.pdf import render_pdf
from tests.conftest import CHEMICAL, SMALL, example_data
from tests.layout.boardutil import LONG, cell_of, grid_texts, lay_table, report_of, squash
from tests.pdfcheck import assert_fonts_embedded, assert_in_order, assert_trim, page_texts


@pytest.mark.parametrize(("path", "index"), [(CHEMICAL, 0), (CHEMICAL, 4), (SMALL, 0), (SMALL, 2)])
def test_2_3_examples_print_name_and_numbered_duties(path: Any, index: int, fonts: FontSet, measure: FontMeasurer) -> None:
    report = report_of(example_data(path))
    assert report.site is not None
    board, frame = lay_table(report, "2-3", measure, index)
    assert frame.misfits == []
    assert board.pages[0].background == GRADIENT
    pdf = render_pdf(board, fonts)
    assert_trim(pdf, 600, 900)
    assert_fonts_embedded(pdf)
    post = report.site.posts[index]
    text = squash(page_texts(pdf)[0])
    numbered = [f"（{'一二三四五六七八九'[n]}）" for n in range(len(post.duties))]
    assert_in_order(text, ["员工岗位责任牌", "岗位名称", post.name, "岗位安全生产责任"])
    expected = [piece for n, duty in zip(numbered, post.duties, strict=True) for piece in (n, squash(duty) + "；")]
    assert_in_order(text[text.index("岗位安全生产责任"):], expected)
    assert "监制" not in text


def test_2_3_layout_label_column_duties_hang_and_align_top_left(measure: FontMeasurer) -> None:
    report = report_of(example_data(CHEMICAL))
    board, _ = lay_table(report, "2-3", measure)
    content = grid_texts(board)
    label_lines = [t for t in content if t.text in ("岗位名称", "岗位安全", "生产责任")]
    assert [t.text for t in label_lines] == ["岗位名称", "岗位安全", "生产责任"]  # broken as in the 附表
    assert len({t.size for t in label_lines}) == 1
    duty_cell = cell_of(board, next(t for t in content if t.text.startswith("（一）")))
    label_cell = cell_of(board, label_lines[1])
    assert label_cell.w < duty_cell.w / 2  # a narrow label column
    assert duty_cell.h > 0.6 * 900  # the duties take most of the height
    duties = [t for t in content if cell_of(board, t) == duty_cell]
    assert len({t.size for t in duties}) == 1
    firsts = [t for t in duties if t.text.startswith("（")]
    rest = [t for t in duties if not t.text.startswith("（")]
    assert len(firsts) == 5
    assert len({round(t.x, 6) for t in firsts}) == 1  # numbers flush left
    indent = measure.width("（一）", firsts[0].size, "body")
    assert all(t.x == pytest.approx(firsts[0].x + indent) for t in rest)  # continuation lines hang
    assert firsts[0].baseline - duty_cell.y < 2.5 * firsts[0].size  # top-aligned


def test_2_3_duty_punctuation_is_normalised() -> None:
    paras = post_board.duty_paras(["按时巡检。", "持证上岗;", "  不得脱岗，  ", "正确佩戴防护用品；"])
    assert [(p.prefix, p.text) for p in paras] == [("（一）", "按时巡检；"), ("（二）", "持证上岗；"),
                                                    ("（三）", "不得脱岗；"), ("（四）", "正确佩戴防护用品；")]
    assert post_board.duty_paras([f"第{i}条" for i in range(11)])[-1].prefix == "（十一）"


def test_2_3_fourteen_long_duties_shrink_but_fit(fonts: FontSet, measure: FontMeasurer) -> None:
    data = example_data(CHEMICAL)
    data["岗位"][0]["岗位安全生产责任"] = [f"{LONG}{LONG[:20]}" for _ in range(14)]
    board, frame = lay_table(report_of(data), "2-3", measure)
    assert frame.misfits == []
    duties = [t for t in grid_texts(board) if t.size < post_board.DUTY_SIZE]
    assert duties, "the duties should have shrunk"
    assert {t.size for t in duties} == {duties[0].size}
    assert post_board.MIN_TEXT <= duties[0].size < post_board.DUTY_SIZE
    text = squash(page_texts(render_pdf(board, fonts))[0])
    assert_in_order(text, ["（一）", "（十）", "（十一）", "（十四）"])
    assert text.count(f"{LONG}{LONG[:20]}；") == 14


def test_2_3_a_600_character_duty_shrinks_and_still_fits(measure: FontMeasurer) -> None:
    """600 characters are about a third of what the duties cell holds at 7.5 mm (≈3 300)."""
    data = example_data(CHEMICAL)
    data["岗位"][0]["岗位安全生产责任"] = [(LONG * 15)[:600]]
    board, frame = lay_table(report_of(data), "2-3", measure)
    assert frame.misfits == []
    assert min(t.size for t in grid_texts(board)) < post_board.DUTY_SIZE


@pytest.mark.parametrize("duties", [
    [(LONG * 15)[:600]] * 6,  # 3 600 characters: more than the cell holds at 7.5 mm
    ["A" * 600],  # one unbreakable 600-character run: wider than the cell at any size
], ids=["six-600-character-duties", "unbreakable-600-characters"])
def test_2_3_duties_that_cannot_fit_are_one_misfit_and_draw_nothing(duties: list[str], measure: FontMeasurer) -> None:
    data = example_data(CHEMICAL)
    data["岗位"][3]["岗位安全生产责任"] = duties
    board, frame = lay_table(report_of(data), "2-3", measure, index=3)
    assert [m.path for m in frame.misfits] == [("岗位", 3, "岗位安全生产责任")]
    assert frame.misfits[0].overflow.min_size == post_board.MIN_TEXT
    assert frame.misfits[0].overflow.ratio > 1
    lines = [t.text for t in grid_texts(board)]
    assert not any(line.startswith("（一）") or "AAAA" in line or LONG[:6] in line for line in lines)
    assert "装卸工" in lines and "岗位名称" in lines  # the rest of the board is drawn


def test_2_3_proportional_enlargement_scales_everything(fonts: FontSet, measure: FontMeasurer) -> None:
    report = report_of(example_data(SMALL))
    small, _ = lay_table(report, "2-3", measure)
    big, frame = lay_table(report, "2-3", measure, scale=2.0, gradient=False)
    assert frame.misfits == []
    assert big.pages[0].background is None
    assert [t.size * 2 for t in grid_texts(small)] == pytest.approx([t.size for t in grid_texts(big)], abs=0.11)
    assert_trim(render_pdf(big, fonts), 1200, 1800)
