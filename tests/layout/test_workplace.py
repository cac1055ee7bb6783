"""附表 2-2 企业安全生产责任牌: labels verbatim and in order, cells that follow the data (one per
带班领导, one row per 班组 / 岗位), uniform type, honest misfits."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest

from signkit.drawing.items import Board, Rect
from signkit.drawing.text import FontMeasurer
from signkit.fonts import FontSet
from signkit.layout import workplace
from signkit.layout.context import GRADIENT
from signkit.render.pdf import render_pdf
from tests.conftest import CHEMICAL, SMALL, example_data
from tests.layout.boardutil import LONG, cell_of, grid_texts, lay_table, report_of, ruled_cells, squash, texts_of
from tests.pdfcheck import assert_fonts_embedded, assert_in_order, assert_trim, page_texts

#: 附表 2-2's labels in reading order (the 班组 and 岗位 rows repeat).
LABELS_2_2 = ["企业安全生产责任牌", "工作场所", "场所主要负责人", "企业分管安全领导", "带班领导",
              "企业安全管理部门", "责任领导", "具体责任人", "场所主管部门（企业内部）", "责任领导", "具体责任人",
              "班组", "班组负责人", "岗位", "岗位责任人"]
#: Every label piece 2-2 may print (labels broken where the 附表 breaks them).
LABEL_PIECES_2_2 = {"工作场所", "场所主要负责人", "场所", "主要负责人", "企业分管安全领导", "企业分管", "安全领导",
                    "带班领导", "企业安全管理部门", "企业安全", "管理部门", "场所主管部门（企业内部）", "场所主管部门",
                    "（企业内部）", "责任领导", "具体责任人", "班组", "班组负责人", "岗位", "岗位责任人"}


@pytest.mark.parametrize(("path", "index"), [(CHEMICAL, 0), (CHEMICAL, 1), (SMALL, 0), (SMALL, 1)])
def test_2_2_examples_print_every_label_in_order_with_values(path: Any, index: int, fonts: FontSet,
                                                            measure: FontMeasurer) -> None:
    report = report_of(example_data(path))
    assert report.site is not None
    board, frame = lay_table(report, "2-2", measure, index)
    assert frame.misfits == []
    assert board.form_id == "2-2"
    assert board.pages[0].background == GRADIENT
    pdf = render_pdf(board, fonts)
    assert_trim(pdf, 1200, 800)
    assert_fonts_embedded(pdf)
    text = squash(page_texts(pdf)[0])
    place = report.site.workplaces[index]
    assert_in_order(text, LABELS_2_2)
    assert "监制" not in text
    assert_in_order(text, [place.name, place.head, place.safety_leader, *place.shift_leaders,
                           place.safety_dept.department, place.safety_dept.leader, place.safety_dept.officer,
                           place.managing_dept.department, place.managing_dept.leader, place.managing_dept.officer])
    for team in place.teams:
        assert_in_order(text, ["班组", team.name, "班组负责人", team.leader])
    for post in place.posts:
        assert_in_order(text, ["岗位", post.name, "岗位责任人", post.holder])
    assert text.count("班组负责人") == len(place.teams)
    assert text.count("岗位责任人") == len(place.posts)
    assert "场所主管部门(企业内部)" not in text


def test_2_2_type_is_uniform_per_kind_and_at_least_the_legible_minimum(measure: FontMeasurer) -> None:
    board, _ = lay_table(report_of(example_data(CHEMICAL)), "2-2", measure)
    labels = {t.size for t in grid_texts(board) if t.text in LABEL_PIECES_2_2}
    values = {t.size for t in grid_texts(board) if t.text not in LABEL_PIECES_2_2}
    assert len(labels) == 1 and len(values) == 1, (labels, values)
    assert min(labels | values) >= workplace.MIN_TEXT
    assert max(labels | values) <= workplace.TEXT_SIZE
    title = [t for t in texts_of(board) if t.role == "title"]
    assert [t.text for t in title] == ["企业安全生产责任牌"]


def test_2_2_long_labels_break_where_the_附表_breaks_them(measure: FontMeasurer) -> None:
    board, _ = lay_table(report_of(example_data(CHEMICAL)), "2-2", measure)
    lines = [t.text for t in grid_texts(board)]
    assert "场所主管部门" in lines and "（企业内部）" in lines  # full-width parentheses, on a line of its own
    first_column = workplace.MARGIN + workplace.COLUMNS[0]
    label_lines = {t.text for t in grid_texts(board) if t.x < first_column}
    assert label_lines <= LABEL_PIECES_2_2  # no label broken at an arbitrary character


def _leader_cells(board: Board) -> list[Rect]:
    """The cells right of the 带班领导 label, in its row."""
    label = next(t for t in grid_texts(board) if t.text == "带班领导")
    row = cell_of(board, label)
    return sorted((r for r in ruled_cells(board) if abs(r.y - row.y) < 1e-6 and r.x >= row.x + row.w - 1e-6),
                  key=lambda r: r.x)


def _with_leaders(names: list[str], measure: FontMeasurer) -> tuple[Board, list[Rect]]:
    data = example_data(CHEMICAL)
    data["工作场所"][0]["带班领导"] = names
    board, frame = lay_table(report_of(data), "2-2", measure)
    assert frame.misfits == []
    cells = _leader_cells(board)
    for cell, name in zip(cells, names, strict=True):  # each name centred in its own cell
        text = next(t for t in grid_texts(board) if t.text == name and cell_of(board, t) == cell)
        centre = text.x + measure.width(name, text.size, "body") / 2
        assert centre == pytest.approx(cell.x + cell.w / 2, abs=0.01)
    return board, cells


def test_2_2_one_cell_per_shift_leader(measure: FontMeasurer) -> None:
    board1, cells1 = _with_leaders(["郝建国"], measure)
    board3, cells3 = _with_leaders(["郝建国", "李志强", "温国庆"], measure)
    _, cells2 = _with_leaders(["郝建国", "李志强"], measure)
    board5, cells5 = _with_leaders(["郝建国", "李志强", "温国庆", "王海燕", "孙丽君"], measure)
    assert [len(c) for c in (cells1, cells2, cells3, cells5)] == [1, 2, 3, 5]
    assert len(ruled_cells(board3)) == len(ruled_cells(board1)) + 2
    span = (cells1[0].x, cells1[0].x + cells1[0].w)
    for cells in (cells2, cells3, cells5):  # the cells tile the one leader's span
        assert cells[0].x == pytest.approx(span[0])
        assert cells[-1].x + cells[-1].w == pytest.approx(span[1])
        for left, right in pairwise(cells):
            assert left.x + left.w == pytest.approx(right.x)
    # Three leaders take the three columns: their rules are the rules of the rows below.
    rules1 = {round(r.x, 3) for r in ruled_cells(board1)}
    assert {round(c.x, 3) for c in cells3} <= rules1
    assert {round(r.x, 3) for r in ruled_cells(board3)} == rules1
    # Any other number splits the span equally, adding rules of their own.
    for cells in (cells2, cells5):
        assert [c.w for c in cells] == pytest.approx([(span[1] - span[0]) / len(cells)] * len(cells))
    assert len({round(r.x, 3) for r in ruled_cells(board5)} - rules1) == 4


def _rows(board: Board) -> list[float]:
    """The tops of the grid's rows, top to bottom."""
    return sorted({round(r.y, 6) for r in ruled_cells(board)})


@pytest.mark.parametrize("missing", ["班组", "岗位"])
def test_2_2_a_workplace_without_teams_or_posts_prints_no_empty_row_for_them(missing: str, fonts: FontSet,
                                                                           measure: FontMeasurer) -> None:
    data = example_data(CHEMICAL)
    full, _ = lay_table(report_of(data), "2-2", measure)
    del data["工作场所"][0][missing]
    board, frame = lay_table(report_of(data), "2-2", measure)
    assert frame.misfits == []
    lines = [t.text for t in grid_texts(board)]
    kept = "岗位" if missing == "班组" else "班组"
    assert missing not in lines and f"{missing}负责人" not in lines and f"{missing}责任人" not in lines
    assert lines.count(kept) == len(data["工作场所"][0][kept])  # the other list's rows are all there
    # one row fewer per team (or post) the workplace had, and the rows left share the grid's height
    assert len(_rows(full)) - len(_rows(board)) == len(example_data(CHEMICAL)["工作场所"][0][missing])
    assert max(r.y + r.h for r in ruled_cells(board)) == pytest.approx(800 - workplace.MARGIN)
    labels = [label for label in LABELS_2_2 if not label.startswith(missing)]
    assert_in_order(squash(page_texts(render_pdf(board, fonts))[0]), labels)


def test_2_2_without_teams_posts_or_a_department_prints_only_the_rows_it_has(measure: FontMeasurer) -> None:
    data = example_data(CHEMICAL)
    place = data["工作场所"][0]
    del place["班组"], place["岗位"], place["场所主管部门"]
    report = report_of(data)  # the content rules ask for the department: the board is drawn here only for a look
    board, frame = lay_table(report, "2-2", measure)
    assert frame.misfits == []
    lines = [t.text for t in grid_texts(board)]
    for absent in ("班组", "班组负责人", "岗位", "岗位责任人", "场所主管部门（企业内部）", "场所主管部门"):
        assert absent not in lines
    assert len(_rows(board)) == 3  # 工作场所, 企业分管安全领导 / 带班领导, 企业安全管理部门
    row_tops = {round(cell_of(board, t).y, 6) for t in grid_texts(board)}
    assert row_tops == set(_rows(board))


def test_2_2_twelve_teams_shrink_and_fit(measure: FontMeasurer) -> None:
    data = example_data(CHEMICAL)
    data["工作场所"][0]["班组"] = [{"名称": f"合成{i + 1}班", "负责人": "牛志刚"} for i in range(12)]
    board, frame = lay_table(report_of(data), "2-2", measure)
    assert frame.misfits == []
    lines = [t.text for t in grid_texts(board)]
    for i in range(12):
        assert f"合成{i + 1}班" in lines
    assert lines.count("班组负责人") == 12
    sizes = {t.size for t in grid_texts(board)}
    assert min(sizes) >= workplace.MIN_TEXT
    assert max(sizes) < workplace.TEXT_SIZE  # shrunk
    bottom = max(r.y + r.h for r in ruled_cells(board))
    assert bottom == pytest.approx(800 - workplace.MARGIN)  # the board did not grow


def test_2_2_too_many_rows_is_one_misfit_naming_the_list(measure: FontMeasurer) -> None:
    data = example_data(CHEMICAL)
    data["工作场所"][1]["班组"] = [{"名称": f"储运{i + 1}班", "负责人": "田彦斌"} for i in range(25)]
    board, frame = lay_table(report_of(data), "2-2", measure, index=1)
    assert [m.path for m in frame.misfits] == [("工作场所", 1, "班组")]
    assert frame.misfits[0].overflow.min_size == workplace.MIN_TEXT
    assert frame.misfits[0].overflow.ratio > 1
    assert ruled_cells(board) == []  # the table is not drawn at all
    assert [t.text for t in texts_of(board) if t.role == "title"] == ["企业安全生产责任牌"]
    # A bigger board holds it (margins and padding grow with the board, the minimum type does not).
    board2, frame2 = lay_table(report_of(data), "2-2", measure, index=1, scale=2.5)
    assert frame2.misfits == []
    assert "储运25班" in [t.text for t in grid_texts(board2)]


def test_2_2_a_value_that_cannot_fit_is_a_misfit_on_its_key_path(measure: FontMeasurer) -> None:
    data = example_data(CHEMICAL)
    data["工作场所"][0]["带班领导"] = ["郝建国", LONG * 6, "温国庆"]
    data["工作场所"][0]["场所主管部门"]["具体责任人"] = LONG * 5
    board, frame = lay_table(report_of(data), "2-2", measure)
    assert sorted(m.path for m in frame.misfits) == [("工作场所", 0, "场所主管部门", "具体责任人"),
                                                     ("工作场所", 0, "带班领导", 1)]
    assert not any(LONG[:6] in t.text for t in texts_of(board))  # nothing drawn for them
    lines = [t.text for t in grid_texts(board)]
    assert "郝建国" in lines and "温国庆" in lines and "郭宇" not in lines
    assert len({t.size for t in grid_texts(board) if t.text not in LABEL_PIECES_2_2}) == 1


def test_2_2_scales_with_the_board_and_follows_the_gradient_setting(fonts: FontSet, measure: FontMeasurer) -> None:
    report = report_of(example_data(SMALL))
    small, _ = lay_table(report, "2-2", measure)
    big, frame = lay_table(report, "2-2", measure, scale=1.5, gradient=False)
    assert frame.misfits == []
    assert big.pages[0].background is None
    assert max(t.size for t in grid_texts(big)) == pytest.approx(1.5 * max(t.size for t in grid_texts(small)), abs=0.11)
    assert_trim(render_pdf(big, fonts), 1800, 1200)


def test_2_2_layout_work_grows_linearly_with_its_rows(fonts: FontSet) -> None:
    """Four times the 班组 and 岗位 rows, at the same row height, costs about four times the work, not sixteen.

    Work is counted as the paragraphs actually wrapped and the strings measured (exact, not
    timed), and also timed in CPU seconds, both sizes in this test; the fixed rows are a
    constant part, so linear comes out a little under 4×.
    """
    import time

    from signkit.drawing import text as text_module
    from signkit.layout.context import LayoutContext
    from signkit.layout.registry import layout_board
    from signkit.spec.sizes import Sizing

    def board(rows: int) -> tuple[Any, Any]:
        data = example_data(CHEMICAL)
        place = data["工作场所"][0]
        place["班组"] = [{"名称": f"合成{k}班", "负责人": "牛志刚"} for k in range(rows // 2)]
        place["岗位"] = [{"名称": f"合成操作工{k}号", "责任人": "乔文杰"} for k in range(rows - rows // 2)]
        report = report_of(data)
        assert report.site is not None
        planned = next(p for p in report.plan if p.form_id == "2-2")
        return report.site, planned

    def work(rows: int, site: Any, planned: Any) -> tuple[int, float]:
        calls = 0
        wrap, width = text_module._layout_at, FontMeasurer.width

        def counted_wrap(*args: Any) -> Any:
            nonlocal calls
            calls += 1
            return wrap(*args)

        def counted_width(self: FontMeasurer, *args: Any) -> float:
            nonlocal calls
            calls += 1
            return width(self, *args)

        height = 210 + (4 * 1.25 + rows) * 60.0  # the same row height whatever the rows (scale stays 1)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(text_module, "_layout_at", counted_wrap)
            patch.setattr(FontMeasurer, "width", counted_width)
            start = time.process_time()
            _, frame = layout_board(LayoutContext(site, FontMeasurer(fonts)), planned, Sizing(1200, height, 1.0))
            seconds = time.process_time() - start
        assert frame.misfits == []
        return calls, seconds

    few, many = board(10), board(40)
    (calls_few, _), (calls_many, _) = work(10, *few), work(40, *many)
    assert calls_many <= 4.5 * calls_few, (calls_few, calls_many)
    seconds_few = min(work(10, *few)[1] for _ in range(3))
    seconds_many = min(work(40, *many)[1] for _ in range(3))
    assert seconds_many <= 6 * seconds_few, (seconds_few, seconds_many)
