"""Helpers of the board layout tests: laying out one board of a checked site, and reading back what it drew."""

from __future__ import annotations

from typing import Any

from signkit.drawing.frame import Frame
from signkit.drawing.items import Board, Rect, Text
from signkit.drawing.text import FontMeasurer
from signkit.fonts import FontSet
from signkit.layout import post_board, workplace
from signkit.layout.context import LayoutContext
from signkit.layout.registry import layout_board
from signkit.model.site import Site
from signkit.pipeline.check import FileReport
from signkit.plan.boards import PlannedBoard
from signkit.spec.sizes import Sizing
from tests.conftest import check_data

# --- any board ----------------------------------------------------------------------------------------------------


def squash(text: str) -> str:
    """Wrapped labels, cells and lists break lines: compare text without any whitespace."""
    return "".join(text.split())


def texts_of(board: Board, page: int = 0) -> list[Text]:
    return [item for item in board.pages[page].items if isinstance(item, Text)]


# --- 2-4 安全风险分级管控告知牌 and 2-5 岗位风险告知卡 ----------------------------------------------------------------


def site_of(report: FileReport) -> Site:
    assert report.site is not None
    return report.site


def planned_board(report: FileReport, form_id: str, index: int = 0) -> PlannedBoard:
    return [p for p in report.plan if p.form_id == form_id][index]


def lay_risk(site: Site, planned: PlannedBoard, fonts: FontSet, sizing: Sizing, gradient: bool = True
             ) -> tuple[Board, Frame]:
    return layout_board(LayoutContext(site, FontMeasurer(fonts), gradient), planned, sizing)


def list_sizes(board: Board, page: int = 0) -> set[float]:
    """Sizes of the numbered list items (lines that start with a （一） number)."""
    return {t.size for t in texts_of(board, page) if t.text.startswith("（")}


# --- 2-2 企业安全生产责任牌 and 2-3 员工岗位责任牌 --------------------------------------------------------------------

LONG = "严格执行岗位安全操作规程并按时巡检如实记录工艺参数发现异常立即报告班长并按规定处置"  # 40 characters


def report_of(data: dict[str, Any]) -> FileReport:
    report = check_data(data)
    assert report.site is not None, [d.render() for d in report.diagnostics]
    return report


def lay_table(report: FileReport, form_id: str, measure: FontMeasurer, index: int = 0, scale: float = 1.0,
              gradient: bool = True) -> tuple[Board, Frame]:
    assert report.site is not None
    planned = [p for p in report.plan if p.form_id == form_id][index]
    width, height = workplace.MIN_SIZE if form_id == "2-2" else post_board.MIN_SIZE
    ctx = LayoutContext(report.site, measure, gradient=gradient)
    return layout_board(ctx, planned, Sizing(width * scale, height * scale, scale))


def ruled_cells(board: Board) -> list[Rect]:
    """The grid's ruled cells (stroked rectangles)."""
    return [item for item in board.pages[0].items if isinstance(item, Rect) and item.stroke is not None]


def cell_of(board: Board, text: Text) -> Rect:
    """The ruled cell a text line sits in."""
    found = [r for r in ruled_cells(board) if r.x <= text.x <= r.x + r.w and r.y <= text.baseline <= r.y + r.h]
    assert len(found) == 1, (text, found)
    return found[0]


def grid_texts(board: Board) -> list[Text]:
    """Texts inside the grid: no title, no revision stamp."""
    return [t for t in texts_of(board) if t.role == "body" and not t.text.startswith("附表")]
