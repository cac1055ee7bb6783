"""The print-shop companions of one enterprise's boards: proofs, tiles and imposed card sheets.

``--proof``, ``--tile`` and ``--impose`` ask for files besides the print files, made
from the boards just built (:mod:`signkit.printshop` draws them).  This module only
decides which files those are and what they are called, so the enterprise's job
(:mod:`signkit.pipeline.site_job`) can publish them with its boards, under the same
manifest, and the naming is in one place.
"""

from __future__ import annotations

from typing import Any

from signkit.diagnostics import Diagnostic, Location, Severity
from signkit.fonts import FontSet
from signkit.output.names import board_filename
from signkit.pipeline.options import RenderOptions
from signkit.printshop import impose_cards, proofs_pdf, tile_pdf
from signkit.printshop.impose import ImpositionError, imposition_plans
from signkit.render.built import BuildResult

#: The bleed of the imposed 2-5 cards (mm): they are cut apart, whatever the boards' bleed.
CARD_BLEED = 3.0


#: One companion: (path relative to the enterprise's folder, kind for the manifest, PDF bytes, what the print
#: order needs of it — sheet size, sheets, bleed, cards — for the files printed instead of the boards).
Extra = tuple[str, str, bytes, dict[str, Any]]


def make_extras(result: BuildResult, fonts: FontSet, options: RenderOptions, *,
                source: str = "") -> tuple[list[Extra], list[Diagnostic]]:
    """Proofs (one file per enterprise), tiles (one file per board), the imposed card sheets, and what could not be made.

    Cards that do not fit the chosen sheet (a wide ``--gripper``, a large card) are SK505
    for the enterprise: the boards and the other companions are still made.
    """
    out: list[Extra] = []
    problems: list[Diagnostic] = []
    if options.proof:
        out.append((f"样稿_{options.proof}.pdf", f"样稿 {options.proof}",
                    proofs_pdf([b.board for b in result.boards], fonts, options.proof), {}))
    if options.tile:
        for built in result.boards:
            stem = board_filename(built)[:-4]
            out.append((f"分块/{stem}_{options.tile}分块.pdf", f"分块 {options.tile}",
                        tile_pdf(built.board, fonts, options.tile, options.overlap), {}))
    cards = [(b.board, b.copies) for b in result.boards if b.planned.form_id == "2-5"]
    if options.impose and cards:
        printing = options.printing
        try:
            plans = imposition_plans(cards, options.impose, CARD_BLEED, margin=printing.gripper)
        except ImpositionError as misfit:
            problems.append(Diagnostic("SK505", Severity.ERROR, f"没有生成拼版文件：{misfit}", Location(source),
                                       "换用更大的纸张（--impose SRA3），或减小纸边留白（--gripper、signkit.toml 的 [print] gripper）"))
            return out, problems
        pdf = impose_cards(cards, fonts, options.impose, bleed=CARD_BLEED, margin=printing.gripper,
                           overprint=printing.overprint, intent=printing.intent)
        info = {"sheet_mm": [plans[0].sheet_w, plans[0].sheet_h], "sheets": sum(p.sheets for p in plans),
                "pages": 2 * sum(p.sheets for p in plans), "bleed_mm": CARD_BLEED,
                "cards": sum(len(p.placements) for p in plans), "per_sheet": plans[0].per_sheet,
                "output_intent": printing.intent.key}
        out.append((f"2-5_岗位风险告知卡_拼版_{options.impose}.pdf", f"拼版 {options.impose}", pdf, info))
    return out, problems
