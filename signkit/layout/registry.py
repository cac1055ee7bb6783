"""Which layout module draws which 附表, and laying out one planned board with its content stamp.

Every module offers ``layout(ctx, planned, sizing) -> (Board, Frame)``; a module whose
board grows with its data (2-1: more than three 专业监管部门) also offers
``natural_size(ctx, planned, width, height) -> (width, height)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from types import ModuleType

from signkit.drawing.frame import Frame
from signkit.drawing.items import Board, Text
from signkit.layout import bulletin, post_board, risk_board, risk_card, supervision, workplace
from signkit.layout.context import LayoutContext
from signkit.layout.stamp import STAMP_LENGTH, STAMP_PLACEHOLDER, content_hash, legacy_content_hash
from signkit.plan.boards import PlannedBoard
from signkit.spec.sizes import Sizing

FormLayout = Callable[[LayoutContext, PlannedBoard, Sizing], tuple[Board, Frame]]


#: The layout module of each 附表.
LAYOUTS: dict[str, ModuleType] = {
    "2-1-1": supervision, "2-1-2": supervision, "2-2": workplace, "2-3": post_board,
    "2-4": risk_board, "2-5": risk_card, "2-6": bulletin, "2-7": bulletin,
}


def module_for(form_id: str) -> ModuleType:
    """The layout module of ``form_id``."""
    return LAYOUTS[form_id]


def natural_size(ctx: LayoutContext, planned: PlannedBoard, width: float, height: float) -> tuple[float, float]:
    """The board's size given the requested one: larger where the 附表 grows with the data."""
    module = module_for(planned.form_id)
    grow = getattr(module, "natural_size", None)
    return grow(ctx, planned, width, height) if grow else (width, height)


def layout_board(ctx: LayoutContext, planned: PlannedBoard, sizing: Sizing) -> tuple[Board, Frame]:
    """Lay out one planned board at ``sizing``, with its content hash in the revision stamp."""

    board, frame = module_for(planned.form_id).layout(ctx, planned, sizing)
    digest = content_hash(board, sizing.width, sizing.height)
    legacy = legacy_content_hash(board, sizing.width, sizing.height)
    short = digest[:STAMP_LENGTH]
    pages = tuple(
        replace(page, items=tuple(
            replace(item, text=item.text.replace(STAMP_PLACEHOLDER, short))
            if isinstance(item, Text) and STAMP_PLACEHOLDER in item.text else item
            for item in page.items))
        for page in board.pages)
    return replace(board, pages=pages, content_hash=digest, legacy_hash=legacy), frame
