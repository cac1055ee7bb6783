"""Rendering site files to an output folder, as one library call the CLI and tests share.

Order of work, so that a failure never leaves a partial or inconsistent set behind:
take the output lock and sweep temporary files killed runs left → for each enterprise,
check (with glyph coverage), build its boards in memory, only then write its folder
(atomic files, manifest last) → the top-level manifest and print order, which describe
everything in OUTDIR (enterprises not in this run included, as long as their folders
are intact) → mark the reprint lists delivered.  Every write failure becomes SK802
with a Chinese reason, never a traceback.
"""

from __future__ import annotations

from signkit.fonts import FontSet
from signkit.pipeline.options import ExtraOptions
from signkit.render.built import BuildResult


def make_extras(result: BuildResult, fonts: FontSet, options: ExtraOptions) -> list[tuple[str, str, bytes]]:
    """Proofs (one file per enterprise), tiles (one file per board), the imposed card sheets."""
    from signkit.output.names import board_filename
    from signkit.printshop import impose_cards, proofs_pdf, tile_pdf

    out: list[tuple[str, str, bytes]] = []
    if options.proof:
        out.append((f"样稿_{options.proof}.pdf", f"样稿 {options.proof}",
                    proofs_pdf([b.board for b in result.boards], fonts, options.proof)))
    if options.tile:
        for built in result.boards:
            stem = board_filename(built)[:-4]
            out.append((f"分块/{stem}_{options.tile}分块.pdf", f"分块 {options.tile}",
                        tile_pdf(built.board, fonts, options.tile, options.overlap)))
    cards = [(b.board, b.copies) for b in result.boards if b.planned.form_id == "2-5"]
    if options.impose and cards:
        out.append((f"2-5_岗位风险告知卡_拼版_{options.impose}.pdf", f"拼版 {options.impose}",
                    impose_cards(cards, fonts, options.impose, bleed=options.card_bleed)))
    return out
