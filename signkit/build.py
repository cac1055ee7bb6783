"""The render pipeline for one site: plan → size → layout → (grow or fail) → PDF bytes.

Nothing is written here: :func:`build_site` returns every board's PDF in memory, or
the diagnostics that stop the run, so a failed site never leaves a partial set of files
behind (:mod:`signkit.publish` writes them).  Text that does not fit its cell at the
legible minimum is an error naming the field, how far over it is and the smallest
board that would hold it; with ``fit="grow"`` the board is enlarged to that size
instead (in proportion where the regulation requires it) and the run says so.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from signkit.diagnostics import Diagnostic, Location, Severity
from signkit.fonts import FontSet, describe
from signkit.layout.context import LayoutContext, Sizing
from signkit.layout.doc import Board
from signkit.layout.forms import layout_board, natural_size
from signkit.layout.frame import Frame, Misfit
from signkit.layout.sizes import PROPORTIONAL, default_size, parse_size, scale_of
from signkit.layout.text import FontMeasurer
from signkit.load.yaml_tree import SourceMap
from signkit.model.site import Site
from signkit.plan import PlannedBoard, plan_boards

FitMode = Literal["fail", "grow"]
Producer = Literal["政府", "企业"]

#: How far ``--fit grow`` may enlarge a board before giving up (×4 in each dimension).
MAX_GROWTH = 4.0


@dataclass(frozen=True)
class BuiltBoard:
    """One rendered board, with everything the manifest and the print order say about it."""

    planned: PlannedBoard
    board: Board
    pdf: bytes
    width: float
    height: float
    copies: int
    grown: bool
    fonts: tuple[dict[str, Any], ...] = ()
    bleed: float = 0.0
    marks: bool = False
    build_hash: str = ""
    #: The sha256 of a file kept from an earlier run (``pdf`` is then empty: not re-rendered).
    kept_sha256: str = ""

    @property
    def reused(self) -> bool:
        return bool(self.kept_sha256)

    @property
    def sha256(self) -> str:
        return self.kept_sha256 or hashlib.sha256(self.pdf).hexdigest()


@dataclass
class BuildResult:
    boards: list[BuiltBoard] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fonts: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


def made_by_government(planned: PlannedBoard) -> bool:
    """2-1 boards are hung by the government (任务分工); everything else by the enterprise."""
    return planned.form_id.startswith("2-1")


def _requested(site: Site, form_id: str, overrides: Mapping[str, str]) -> tuple[float, float]:
    text = overrides.get(form_id) or site.output.sizes.get(form_id)  # type: ignore[call-overload]
    return parse_size(text) if text else default_size(form_id)


def _layout(ctx: LayoutContext, planned: PlannedBoard, width: float, height: float) -> tuple[Board, Frame]:
    return layout_board(ctx, planned, Sizing(width, height, scale_of(planned.form_id, width, height)))


def _smallest_fit(ctx: LayoutContext, planned: PlannedBoard, width: float, height: float
                  ) -> tuple[float, float, Board, Frame] | None:
    """The smallest enlargement (same proportions) at which nothing misfits, to 1 %."""
    def attempt(factor: float) -> tuple[Board, Frame]:
        return _layout(ctx, planned, width * factor, height * factor)

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


def _short(text: str, limit: int = 16) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _misfit_diagnostic(misfit: Misfit, source: SourceMap, planned: PlannedBoard,
                       bigger: tuple[float, float] | None) -> Diagnostic:
    over = misfit.overflow
    if over.too_wide is not None:
        amount = f"「{over.too_wide}」不能断开，比格子还宽"
    else:
        amount = f"需要 {over.needed_height:.0f} mm 高，格子只有 {over.available_height:.0f} mm（超出 {over.ratio - 1:.0%}）"
    message = f"附表 {planned.form_id}（{_short(planned.subject)}）的文字在最小字号 {over.min_size:.1f} mm 时也放不下：{amount}"
    if bigger is not None:
        hint = f"请精简文字，或把附表 {planned.form_id} 做到至少 {bigger[0]:.0f}×{bigger[1]:.0f} mm（--fit grow 自动放大）"
    else:
        hint = "请精简文字：即使放大到 4 倍也放不下"
    return Diagnostic("SK501", Severity.ERROR, message, source.locate(misfit.path), hint)


#: Given a board's build hash, the sha256 of an up-to-date file from an earlier run, if any.
Reuse = Callable[[PlannedBoard, str], str | None]


def _base_dir(source: SourceMap) -> Path | None:
    """The site file's folder (``None`` for standard input): sign files are relative to it."""
    path = Path(source.file)
    return path.parent if source.file and not source.file.startswith("<") else None


def build_site(site: Site, source: SourceMap, fonts: FontSet, *, fit: FitMode = "fail",
               producer: Producer | None = None, sizes: Mapping[str, str] | None = None,
               bleed: float | None = None, marks: bool | None = None, reuse: Reuse | None = None) -> BuildResult:
    """Lay out and render every planned board of ``site``; nothing is written to disk.

    ``bleed`` and ``marks`` (from the command line) override the site file's 输出.出血 /
    输出.裁切标记 for every board.  ``reuse`` lets an incremental run skip rendering a
    board whose file from the last run has the same build hash.
    """
    from signkit.hashing import build_hash, face_identities, stamp_text
    from signkit.render.pdf import PrintSpec, fonts_used, render_pdf  # ReportLab is imported only when rendering

    overrides = dict(sizes or {})
    result = BuildResult(fonts=describe(fonts))
    ctx = LayoutContext(site, FontMeasurer(fonts), gradient=site.output.gradient, base_dir=_base_dir(source))
    for planned in plan_boards(site):
        if producer == "政府" and not made_by_government(planned):
            continue
        if producer == "企业" and made_by_government(planned):
            continue
        width, height = natural_size(ctx, planned, *_requested(site, planned.form_id, overrides))
        board, frame = _layout(ctx, planned, width, height)
        grown = False
        if frame.misfits:
            bigger = _smallest_fit(ctx, planned, width, height)
            if fit == "grow" and bigger is not None:
                width, height, board, frame = bigger
                grown = True
                result.diagnostics.append(Diagnostic(
                    "SK502", Severity.WARNING,
                    f"附表 {planned.form_id}（{_short(planned.subject)}）文字放不下，已按 --fit grow 放大到 {width:.0f}×{height:.0f} mm"
                    + ("（按比例）" if planned.form_id in PROPORTIONAL else ""),
                    source.locate(planned.source)))
            else:
                size = (bigger[0], bigger[1]) if bigger else None
                result.diagnostics.extend(_misfit_diagnostic(m, source, planned, size) for m in frame.misfits)
                continue
        copies = planned.quantity if planned.form_id == "2-5" else site.output.copies.get(planned.form_id, 1)  # type: ignore[call-overload]
        used = fonts_used(board, fonts)
        embedded = tuple({"role": f.role, "family": f.family, "file": f.path.name, "mandated": f.mandated,
                          "stand_in": not f.mandated} for f in used)
        board_bleed = bleed if bleed is not None else float(site.output.bleed.get(planned.form_id, 0.0))  # type: ignore[call-overload]
        board_marks = marks if marks is not None else site.output.marks
        spec = PrintSpec(bleed=board_bleed, marks=board_marks)
        digest = build_hash(board.content_hash, stamp=stamp_text(board),
                            fonts=face_identities(used),
                            options={"bleed": board_bleed, "marks": board_marks, "pdfx": spec.pdfx})
        kept = reuse(planned, digest) if reuse else None
        pdf = b"" if kept else render_pdf(board, fonts, spec=spec)
        result.boards.append(BuiltBoard(planned, board, pdf, width, height, copies, grown, embedded, board_bleed,
                                        board_marks, digest, kept or ""))
    return result


def layout_site(site: Site, source: SourceMap, fonts: FontSet, *, sizes: Mapping[str, str] | None = None
                ) -> tuple[list[str], list[Diagnostic]]:
    """Lay out (without rendering) every planned board: content hashes in plan order, and misfits.

    ``check`` uses this so that text that will not fit is reported before anyone renders,
    and so that each planned board's revision stamp can be listed.
    """
    overrides = dict(sizes or {})
    ctx = LayoutContext(site, FontMeasurer(fonts), gradient=site.output.gradient, base_dir=_base_dir(source))
    hashes: list[str] = []
    problems: list[Diagnostic] = []
    for planned in plan_boards(site):
        try:
            requested = _requested(site, planned.form_id, overrides)
        except ValueError:  # reported by the size rules
            requested = default_size(planned.form_id)
        width, height = natural_size(ctx, planned, *requested)
        board, frame = _layout(ctx, planned, width, height)
        hashes.append(board.content_hash)
        if frame.misfits:
            bigger = _smallest_fit(ctx, planned, width, height)
            size = (bigger[0], bigger[1]) if bigger else None
            problems.extend(_misfit_diagnostic(m, source, planned, size) for m in frame.misfits)
    return hashes, problems


def cli_size_diagnostics(sizes: Mapping[str, str]) -> list[Diagnostic]:
    """Problems with ``--size FORM=W×H`` options, located at the command line."""
    from signkit.forms import FORMS
    from signkit.layout.sizes import size_problem

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
