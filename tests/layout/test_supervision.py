"""附表 2-1-1's 风险点 cell: every 重大 risk point, each name whole, shrunk to the legible minimum at most, then the row grows."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from signkit.drawing.frame import Keep, fit_text
from signkit.drawing.items import Board, Rect
from signkit.drawing.text import Fitted, FontMeasurer, Overflow, Para
from signkit.fonts import FontSet
from signkit.layout import supervision
from signkit.layout.context import LayoutContext
from signkit.layout.registry import natural_size
from signkit.pipeline.fitting import lay_out
from signkit.render.pdf import render_pdf
from tests.conftest import CHEMICAL, example_data
from tests.layout.boardutil import report_of, squash, texts_of
from tests.pdfcheck import page_texts

SHORT_NAMES = ["液氨储罐区", "合成反应釜", "配电室"]
LONG_NAMES = ["一号液氨储罐区及装卸站台", "二号合成车间反应釜区域", "三号变配电室及电缆夹层", "四号甲醇储罐区",
              "五号危险化学品仓库", "六号液氯钢瓶库", "七号氢气充装站", "八号硝化反应工段", "九号氯化反应工段",
              "十号废水处理站"]


def _majors(names: list[str]) -> dict[str, Any]:
    """The chemical example with ``names`` as its 重大 risk points, all named on the 2-1-1 board."""
    data = example_data(CHEMICAL)
    while len(data["风险点"]) < len(names):
        data["风险点"].append(copy.deepcopy(data["风险点"][0]))
    for index, name in enumerate(names):
        data["风险点"][index]["风险点名称"] = name
        data["风险点"][index]["风险等级"] = "重大"
    data["监管责任"]["风险点"] = names
    return data


def _board(data: dict[str, Any], measure: FontMeasurer) -> tuple[Board, Any, tuple[float, float]]:
    report = report_of(data)
    assert report.site is not None and report.ok(), [d.render() for d in report.errors()]
    planned = next(p for p in report.plan if p.form_id == "2-1-1")
    ctx = LayoutContext(report.site, measure)
    size = natural_size(ctx, planned, 1200.0, 800.0)
    board, frame = lay_out(ctx, planned, *size)
    return board, frame, size


def _cell_of_points(board: Board) -> Rect:
    label = next(t for t in texts_of(board) if t.text == "风险点")
    cells = [r for r in board.pages[0].items if isinstance(r, Rect) and r.stroke is not None]
    row = next(r for r in cells if r.x <= label.x <= r.x + r.w and r.y <= label.baseline <= r.y + r.h)
    return next(r for r in cells if abs(r.y - row.y) < 1e-6 and r.x > row.x + 1e-6)


def test_three_major_points_are_all_printed(fonts: FontSet, measure: FontMeasurer) -> None:
    board, frame, size = _board(_majors(SHORT_NAMES), measure)
    assert frame.misfits == []
    assert size == (1200.0, 800.0)
    text = squash(page_texts(render_pdf(board, fonts))[0])
    assert "、".join(SHORT_NAMES) in text
    cell = _cell_of_points(board)
    inside = [t for t in texts_of(board) if cell.x <= t.x <= cell.x + cell.w and cell.y <= t.baseline <= cell.y + cell.h]
    assert squash("".join(t.text for t in inside)) == "、".join(SHORT_NAMES)
    assert min(t.size for t in inside) >= supervision.MIN_TEXT


def test_long_names_stay_whole_and_shrink_no_further_than_the_legible_minimum(measure: FontMeasurer) -> None:
    names = LONG_NAMES[:3]
    board, frame, size = _board(_majors(names), measure)
    assert frame.misfits == [] and size == (1200.0, 800.0)
    cell = _cell_of_points(board)
    lines = [t for t in texts_of(board) if cell.x <= t.x <= cell.x + cell.w and cell.y <= t.baseline <= cell.y + cell.h]
    assert len(lines) > 1 and min(t.size for t in lines) >= supervision.MIN_TEXT
    for name in names:  # each name on one line, not cut where a line ran out
        assert any(name in t.text for t in lines), [t.text for t in lines]


def test_more_points_than_the_row_holds_grow_the_row_and_the_board(fonts: FontSet, measure: FontMeasurer) -> None:
    board, frame, size = _board(_majors(LONG_NAMES), measure)
    assert frame.misfits == []
    assert size[0] == 1200.0 and size[1] > 800.0  # the board grew, in height only
    cell = _cell_of_points(board)
    lines = [t for t in texts_of(board) if cell.x <= t.x <= cell.x + cell.w and cell.y <= t.baseline <= cell.y + cell.h]
    assert squash("".join(t.text for t in lines)) == "、".join(LONG_NAMES)  # every point, nothing clipped
    assert min(t.size for t in lines) >= supervision.MIN_TEXT
    assert all(cell.y <= t.baseline - t.size and t.baseline <= cell.y + cell.h for t in lines)
    # only that row grew: the others are as tall as on the board of three points
    other, _, _ = _board(_majors(SHORT_NAMES), measure)
    heights = sorted({round(r.h, 3) for r in other.pages[0].items if isinstance(r, Rect) and r.stroke is not None
                      and r.h < 100})
    grown = sorted({round(r.h, 3) for r in board.pages[0].items if isinstance(r, Rect) and r.stroke is not None
                    and r.h < 100 and abs(r.y - cell.y) > 1e-6})
    assert grown == heights
    assert cell.h > heights[0]
    # the failing side: in a row of the usual height the list, names whole, does not fit even at the legible minimum;
    # it would only by cutting names where the lines run out
    inner = cell.w - 2 * supervision.PADDING, heights[0] - 2 * supervision.PADDING
    para = [Para("、".join(LONG_NAMES))]
    assert isinstance(fit_text(para, *inner, "body", measure, max_size=24, min_size=supervision.MIN_TEXT,
                               keep=Keep(words=tuple(LONG_NAMES))), Overflow)
    cut = fit_text(para, *inner, "body", measure, max_size=24, min_size=supervision.MIN_TEXT)
    assert isinstance(cut, Fitted)
    assert not all(any(name in line.text for line in cut.lines) for name in LONG_NAMES)
    assert "、".join(LONG_NAMES) in squash(page_texts(render_pdf(board, fonts))[0])


@pytest.mark.parametrize("names", [SHORT_NAMES[:1], SHORT_NAMES])
def test_the_points_are_what_the_model_says(names: list[str], measure: FontMeasurer) -> None:
    data = _majors(names)
    del data["监管责任"]["风险点"]  # without a list: every 重大 point of the file
    board, frame, _ = _board(data, measure)
    assert frame.misfits == []
    assert "、".join(names) in squash("".join(t.text for t in texts_of(board)))
