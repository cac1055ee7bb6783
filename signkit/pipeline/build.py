"""Building one enterprise's boards in memory: plan → size → layout → (grow or fail) → PDF bytes.

:func:`build_site` is the step between a checked site and files on disk, on its own so
that everything that draws boards — ``render``, ``preview``, the tests — draws them the
same way, and so that nothing is written until every board of the enterprise is built:
a failed site never leaves a partial set behind (:mod:`signkit.output.publish` writes
them).  Text that does not fit at the legible minimum is an error naming the field and
the smallest board that would hold it (:mod:`signkit.pipeline.fitting`, shared with
``check``); with ``fit="grow"`` the board is enlarged to that size instead.  Each
board gets a *build hash* — its content hash plus everything else that shapes the
file — so an incremental run can keep a file from the last run instead of rendering it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection, Sequence

from signkit._version import __version__
from signkit.diagnostics import Diagnostic, Severity
from signkit.fonts import FontSet, describe
from signkit.fonts.identity import face_identities
from signkit.layout.context import LayoutContext
from signkit.layout.registry import natural_size
from signkit.layout.stamp import stamp_text
from signkit.load.yaml_tree import SourceMap
from signkit.model.site import Site
from signkit.pipeline.fitting import (
    grown_note,
    lay_out,
    misfit_diagnostic,
    requested_size,
    scale_diagnostic,
    short_subject,
    site_folder,
    smallest_fit,
    with_type_scales,
)
from signkit.pipeline.measuring import measurer
from signkit.pipeline.options import DEFAULTS, RenderOptions
from signkit.plan.boards import PlannedBoard, made_by_government, plan_boards
from signkit.render.built import BuildResult, BuiltBoard
from signkit.render.pdf import PrintSpec, fonts_used, render_pdf
from signkit.render.stamp import restamp
from signkit.spec.sizes import PROPORTIONAL


def build_hash(content: str, *, stamp: Sequence[str], fonts: list[str], options: dict[str, object]) -> str:
    """The content hash plus everything else that shapes the file: the stamp, fonts, signkit's version, options.

    When only this changes (a new revision date, a signkit upgrade, a new font file,
    bleed added) the file is rebuilt, but nobody is asked to reprint a board whose
    printed content is the same.  ``stamp`` is :func:`stamp_text`: the one printed
    line the content hash leaves out.
    """
    payload = {"content": content, "stamp": list(stamp), "signkit": __version__, "fonts": sorted(fonts),
               "options": options}
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()


def _made_by(planned: PlannedBoard) -> str:
    """Who makes ``planned`` (the ``producer`` option's values): 政府 or 企业."""
    return "政府" if made_by_government(planned) else "企业"


#: Given a board's build hash, the sha256 of an up-to-date file from an earlier run, if any.
Reuse = Callable[[PlannedBoard, str], str | None]


def build_site(site: Site, source: SourceMap, fonts: FontSet, options: RenderOptions = DEFAULTS, *,
               reuse: Reuse | None = None, skip: Collection[int] = ()) -> BuildResult:
    """Lay out and render every planned board of ``site`` but those in ``skip``; nothing is written to disk.

    Of ``options``, ``fit``, ``producer`` and ``sizes`` shape the boards, and ``bleed`` and
    ``marks`` (from the command line) override the site file's 输出.出血 / 输出.裁切标记
    for every board; a 附表 the site file gives no bleed gets the print shop's
    (``options.printing``: ``signkit.toml``, else 3 mm on the card and 0 on boards), and
    its revision stamp as the shop configured it.  ``reuse`` lets an incremental run skip rendering a board whose file
    from the last run has the same build hash.  ``skip`` are positions in the plan whose
    data is blocked by a problem: they are not laid out.  A board whose text does not fit
    is not made either (:attr:`BuildResult.not_made`); the others are.
    """
    fit, producer, bleed, marks = options.fit, options.producer, options.bleed, options.marks
    overrides = dict(options.sizes)
    result = BuildResult(fonts=describe(fonts))
    ctx = LayoutContext(site, measurer(fonts), gradient=site.output.gradient, base_dir=site_folder(source))
    printing = options.printing
    plan = [(index, planned) for index, planned in enumerate(plan_boards(site))
            if index not in skip and producer in (None, _made_by(planned))]
    ctx = with_type_scales(ctx, [planned for _, planned in plan], overrides)  # boards of one kind share type sizes
    for index, planned in plan:
        requested = requested_size(site, planned.form_id, overrides)
        width, height = natural_size(ctx, planned, *requested)
        if (grown_size := grown_note(planned, requested, width, height, source)) is not None:
            result.diagnostics.append(grown_size)
        board, frame = lay_out(ctx, planned, width, height)
        grown = False
        if frame.misfits:
            bigger = smallest_fit(ctx, planned, width, height)
            if fit == "grow" and bigger is not None:
                width, height, board, frame = bigger
                grown = True
                result.diagnostics.append(Diagnostic(
                    "SK502", Severity.WARNING,
                    f"附表 {planned.form_id}（{short_subject(planned.subject)}）文字放不下，"
                    f"已按 --fit grow 放大到 {width:.0f}×{height:.0f} mm"
                    + ("（按比例）" if planned.form_id in PROPORTIONAL else ""),
                    source.locate(planned.source)))
            else:
                size = (bigger[0], bigger[1]) if bigger else None
                misfits = [misfit_diagnostic(m, source, planned, size) for m in frame.misfits]
                result.diagnostics.extend(misfits)
                result.not_made[index] = misfits
                continue
        different = scale_diagnostic(ctx, planned, frame, source)
        if different is not None:
            result.diagnostics.append(different)
        copies = planned.quantity if planned.form_id == "2-5" else site.output.copies_of(planned.form_id)
        stamp = printing.stamp_of(planned.form_id)
        board = restamp(board, stamp, ctx.measure)
        used = fonts_used(board, fonts)
        embedded = tuple({"role": f.role, "family": f.family, "file": f.path.name, "mandated": f.mandated,
                          "stand_in": not f.mandated} for f in used)
        board_bleed = bleed if bleed is not None else site.output.bleed_of(planned.form_id) \
            if planned.form_id in site.output.bleed else printing.bleed_of(planned.form_id)
        board_marks = marks if marks is not None else site.output.marks
        spec = PrintSpec(bleed=board_bleed, marks=board_marks, overprint=printing.overprint, intent=printing.intent)
        digest = build_hash(board.content_hash, stamp=stamp_text(board),
                            fonts=face_identities(used),
                            options={"bleed": board_bleed, "marks": board_marks, "pdfx": spec.pdfx,
                                     "stamp": list(stamp), **printing.describe(),
                                     **({"type_sizes": frame.type_sizes} if frame.type_sizes else {})})
        kept = reuse(planned, digest) if reuse else None
        pdf = b"" if kept else render_pdf(board, fonts, spec=spec)
        result.boards.append(BuiltBoard(planned, board, pdf, width, height, copies, grown, embedded, board_bleed,
                                        board_marks, digest, kept or "", printing.intent.key, printing.overprint))
    return result
