"""Laying boards out at their size, and what to do when text does not fit: grow the board, or say how big it must be.

Text that does not fit its cell at the legible minimum is an error naming the field,
how far over it is and the smallest board that would hold it (SK501); with
``--fit grow`` the board is enlarged to that size instead (in proportion where the
regulation requires it).  ``check`` uses this to report misfits and content stamps
before anyone renders; :mod:`signkit.pipeline.build` uses it before rendering.
Nothing here imports ReportLab.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

from signkit.diagnostics import Diagnostic, Location, Severity
from signkit.drawing.frame import Frame, Misfit
from signkit.drawing.items import Board
from signkit.fonts import FontSet
from signkit.layout.context import LayoutContext
from signkit.layout.registry import layout_board, natural_size, share_type_sizes
from signkit.layout.type_scale import SHARED_FORMS, describe_differences, scale_differences
from signkit.load.yaml_tree import SourceMap
from signkit.model.site import Site
from signkit.pipeline.measuring import measurer
from signkit.plan.boards import PlannedBoard, plan_boards
from signkit.spec.forms import FORMS
from signkit.spec.sizes import Sizing, default_size, parse_size, scale_of, size_problem

#: How far ``--fit grow`` may enlarge a board before giving up (×4 in each dimension).
MAX_GROWTH = 4.0


def requested_size(site: Site, form_id: str, overrides: Mapping[str, str]) -> tuple[float, float]:
    """The size asked for ``form_id``: ``--size`` first, then 输出.尺寸, else the default (raises on a malformed one)."""
    text = overrides.get(form_id) or site.output.size_of(form_id)
    return parse_size(text) if text else default_size(form_id)


def lay_out(ctx: LayoutContext, planned: PlannedBoard, width: float, height: float) -> tuple[Board, Frame]:
    """Lay ``planned`` out at ``width`` × ``height`` (type and margins scaled to the size)."""
    return layout_board(ctx, planned, Sizing(width, height, scale_of(planned.form_id, width, height)))


def with_type_scales(ctx: LayoutContext, plan: Sequence[PlannedBoard], overrides: Mapping[str, str]) -> LayoutContext:
    """``ctx`` told the type sizes the boards of each shared 附表 in ``plan`` use (:mod:`signkit.layout.type_scale`)."""
    boards = []
    for planned in plan:
        if planned.form_id in SHARED_FORMS:
            try:
                requested = requested_size(ctx.site, planned.form_id, overrides)
            except ValueError:  # reported by the size rules
                requested = default_size(planned.form_id)
            width, height = natural_size(ctx, planned, *requested)
            boards.append((planned, Sizing(width, height, scale_of(planned.form_id, width, height))))
    return share_type_sizes(ctx, boards) if boards else ctx


def scale_diagnostic(ctx: LayoutContext, planned: PlannedBoard, frame: Frame, source: SourceMap) -> Diagnostic | None:
    """SK504 when a board could not use the type sizes its siblings share (it had text too long for them)."""
    differences = scale_differences(ctx.scale(planned.form_id), frame.type_sizes)
    if not differences:
        return None
    return Diagnostic(
        "SK504", Severity.WARNING,
        f"附表 {planned.form_id}（{short_subject(planned.subject)}）的字号与同类牌不一致：{describe_differences(differences)}",
        source.locate(planned.source),
        "这块牌的文字在同类牌的统一字号下放不下，只能单独缩小；精简文字后整组牌字号一致")


def smallest_fit(ctx: LayoutContext, planned: PlannedBoard, width: float, height: float
                  ) -> tuple[float, float, Board, Frame] | None:
    """The smallest enlargement (same proportions) at which nothing misfits, to 1 %."""
    def attempt(factor: float) -> tuple[Board, Frame]:
        return lay_out(ctx, planned, width * factor, height * factor)

    low, high = 1.0, 1.25
    result = attempt(high)
    while result[1].misfits:
        low, high = high, high * 1.5
        if high > MAX_GROWTH * 1.5:
            return None
        result = attempt(high)
    while high - low > 0.01:
        middle = (low + high) / 2
        trial = attempt(middle)
        if trial[1].misfits:
            low = middle
        else:
            high, result = middle, trial
    factor = round(high + 0.005, 2)
    board, frame = attempt(factor)
    if frame.misfits:  # rounding can land on an edge: take the verified factor
        board, frame = result
        factor = high
    return width * factor, height * factor, board, frame


def short_subject(text: str, limit: int = 16) -> str:
    """A board's subject cut to ``limit`` characters for a one-line message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def misfit_diagnostic(misfit: Misfit, source: SourceMap, planned: PlannedBoard,
                       bigger: tuple[float, float] | None) -> Diagnostic:
    over = misfit.overflow
    if over.too_wide is not None:
        amount = f"「{over.too_wide}」不能断开，比格子还宽"
    else:
        amount = f"需要 {over.needed_height:.0f} mm 高，格子只有 {over.available_height:.0f} mm（超出 {over.ratio - 1:.0%}）"
    message = f"附表 {planned.form_id}（{short_subject(planned.subject)}）的文字在最小字号 {over.min_size:.1f} mm 时也放不下：{amount}"
    if bigger is not None:
        hint = f"请精简文字，或把附表 {planned.form_id} 做到至少 {bigger[0]:.0f}×{bigger[1]:.0f} mm（--fit grow 自动放大）"
    else:
        hint = "请精简文字：即使放大到 4 倍也放不下"
    return Diagnostic("SK501", Severity.ERROR, message, source.locate(misfit.path), hint)


def site_folder(source: SourceMap) -> Path | None:
    """The site file's folder (``None`` for standard input): sign files are relative to it."""
    path = Path(source.file)
    return path.parent if source.file and not source.file.startswith("<") else None


def grown_note(planned: PlannedBoard, requested: tuple[float, float], width: float, height: float,
               source: SourceMap) -> Diagnostic | None:
    """SK506 when a 附表 2-1 grew with its rows (more 专业监管部门, several 重大 risk points), else ``None``.

    Said by ``check`` as well as ``render``: the size to order is known before anything
    is rendered, and a board maker should not learn it from the PDF.
    """
    if abs(height - requested[1]) <= 0.05 and abs(width - requested[0]) <= 0.05:
        return None
    return Diagnostic(
        "SK506", Severity.INFO,
        f"附表 {planned.form_id}（{short_subject(planned.subject)}）按内容（多出的专业监管部门或重大风险点）"
        f"由 {requested[0]:.0f}×{requested[1]:.0f} mm 增高到 {width:.0f}×{height:.0f} mm，请按此尺寸制作",
        source.locate(planned.source))


def layout_site(site: Site, source: SourceMap, fonts: FontSet, *, sizes: Mapping[str, str] | None = None,
                skip: Collection[int] = ()) -> tuple[list[str], dict[int, list[Diagnostic]], list[Diagnostic]]:
    """Lay out (without rendering) every planned board but those in ``skip``: content hashes, misfits by board,
    and notes (SK506) on boards that grow with their rows.

    ``check`` uses this so that text that will not fit is reported before anyone renders,
    and so that each planned board's revision stamp can be listed.  Hashes are in plan
    order, ``""`` for a skipped board (one whose data is blocked: it is not laid out).
    """
    overrides = dict(sizes or {})
    ctx = LayoutContext(site, measurer(fonts), gradient=site.output.gradient, base_dir=site_folder(source))
    plan = plan_boards(site)
    ctx = with_type_scales(ctx, [p for i, p in enumerate(plan) if i not in skip], overrides)
    hashes: list[str] = []
    problems: dict[int, list[Diagnostic]] = {}
    notes: list[Diagnostic] = []
    for index, planned in enumerate(plan):
        if index in skip:
            hashes.append("")
            continue
        try:
            requested = requested_size(site, planned.form_id, overrides)
        except ValueError:  # reported by the size rules
            requested = default_size(planned.form_id)
        width, height = natural_size(ctx, planned, *requested)
        if (grown := grown_note(planned, requested, width, height, source)) is not None:
            notes.append(grown)
        board, frame = lay_out(ctx, planned, width, height)
        hashes.append(board.content_hash)
        if frame.misfits:
            bigger = smallest_fit(ctx, planned, width, height)
            size = (bigger[0], bigger[1]) if bigger else None
            problems[index] = [misfit_diagnostic(m, source, planned, size) for m in frame.misfits]
    return hashes, problems, notes


def cli_size_diagnostics(sizes: Mapping[str, str]) -> list[Diagnostic]:
    """Problems with ``--size FORM=W×H`` options, located at the command line."""

    out: list[Diagnostic] = []
    for form_id, text in sizes.items():
        where = Location("命令行", path=("--size", form_id))
        if form_id not in FORMS:
            out.append(Diagnostic("SK225", Severity.ERROR, f"没有附表「{form_id}」，可用：{'、'.join(FORMS)}", where))
            continue
        try:
            width, height = parse_size(text)
        except ValueError as bad:
            out.append(Diagnostic("SK225", Severity.ERROR, str(bad), where))
            continue
        problem = size_problem(form_id, width, height)
        if problem:
            out.append(Diagnostic("SK226", Severity.ERROR, problem, where))
    return out
