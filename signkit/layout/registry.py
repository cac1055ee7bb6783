"""Which layout module draws which 附表, and laying out one planned board with its content stamp.

Every module offers ``layout(ctx, planned, sizing) -> (Board, Frame)``; a module whose
board grows with its data (2-1: more than three 专业监管部门, or more 重大 risk points than
its cell holds) also offers ``natural_size(ctx, planned, width, height) -> (width, height)``.
:func:`share_type_sizes` finds the type sizes the boards of one 附表 share
(:mod:`signkit.layout.type_scale`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from types import ModuleType

from signkit.drawing.frame import Frame
from signkit.drawing.items import Board, Text
from signkit.layout import bulletin, post_board, risk_board, risk_card, supervision, workplace
from signkit.layout.context import LayoutContext, PrelaidKey
from signkit.layout.stamp import STAMP_LENGTH, STAMP_PLACEHOLDER, content_hash, legacy_content_hash
from signkit.layout.type_scale import SHARED_FORMS, TypeScale, common_scale, scale_differences
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

    laid = ctx.prelaid.get(prelaid_key(planned, sizing))
    board, frame = laid if laid is not None else module_for(planned.form_id).layout(ctx, planned, sizing)
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


def prelaid_key(planned: PlannedBoard, sizing: Sizing) -> PrelaidKey:
    return planned.form_id, planned.source, round(sizing.width, 3), round(sizing.height, 3), round(sizing.scale, 6)


def share_type_sizes(ctx: LayoutContext, boards: Sequence[tuple[PlannedBoard, Sizing]]) -> LayoutContext:
    """``ctx`` told the type sizes the boards of each shared 附表 (2-2, 2-3, 2-4) are to use.

    Each board is laid out once on its own, each at its size (whatever ``ctx`` already
    tells is ignored); for each 附表, each kind of text gets the smallest size any of its
    boards reached, which is the largest at which it fits on all of them.  A board with
    text that does not fit at the legible minimum has no say: it is reported, or grown,
    on its own.  A board that reached exactly those sizes on its own is kept as laid out
    (:attr:`LayoutContext.prelaid`): told them, it would come out the same, and the
    boards of a set that all fit at their preferred sizes are not laid out twice.
    """
    alone = replace(ctx, scales={}, prelaid={})
    laid: list[tuple[PlannedBoard, Sizing, Board, Frame]] = []
    reached: dict[str, list[dict[str, float]]] = {}
    for planned, sizing in boards:
        if planned.form_id not in SHARED_FORMS:
            continue
        board, frame = module_for(planned.form_id).layout(alone, planned, sizing)
        laid.append((planned, sizing, board, frame))
        if not frame.misfits:
            reached.setdefault(planned.form_id, []).append(frame.type_sizes)
    scales = {form_id: common_scale(sizes) for form_id, sizes in sorted(reached.items())}
    prelaid: dict[PrelaidKey, tuple[Board, Frame]] = {}
    for planned, sizing, board, frame in laid:
        told = scales.get(planned.form_id)
        if told is not None and not frame.misfits and not scale_differences(told, frame.type_sizes) and \
                all(abs((told.get(kind) or 0.0) - size) < 1e-9 for kind, size in frame.type_sizes.items()):
            prelaid[prelaid_key(planned, sizing)] = (board, frame)
    return replace(ctx, scales=scales, prelaid=prelaid)


def sibling_scales(ctx: LayoutContext, boards: Sequence[tuple[PlannedBoard, Sizing]]) -> dict[str, TypeScale]:
    """The type sizes the boards of each shared 附表 are to use (:func:`share_type_sizes`)."""
    return dict(share_type_sizes(ctx, boards).scales)
