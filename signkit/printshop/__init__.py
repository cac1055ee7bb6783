"""Print-shop outputs made from laid-out boards: proofs, tiles and imposed cards.

* :mod:`.proof` — 样稿: each board scaled to a nice 1:N on one A4/A3 sheet, for sign-off;
* :mod:`.tile` — 拼贴: a board at full size split over A4/A3 sheets with overlaps,
  alignment marks and sheet numbers, for offices that assemble small boards themselves;
* :mod:`.impose` — 拼版: the 2-5 cards many to an A4/A3/SRA3 press sheet, fronts and
  backs for duplex, each post's card as many times as it has people.

Each module keeps its geometry (the scale, the tiles, the card slots) in plain
functions without ReportLab, so it can be tested exactly and reused by the CLI to
report what it will print; drawing reuses :func:`signkit.render.pdf.draw_page`, so
every output draws the very board the print file draws.  Paper sizes live in
:mod:`.sheets`; the print order (印刷清单) in :mod:`.order`.
"""

from __future__ import annotations

from signkit.printshop.impose import ImpositionPlan, Placement, Slot, impose_cards, imposition_plan
from signkit.printshop.proof import ProofLayout, proof_layout, proof_pdf, proof_scale, proofs_pdf
from signkit.printshop.sheets import IMPOSE_SHEETS, PROOF_SHEETS, SHEETS, TILE_SHEETS, sheet_size
from signkit.printshop.tile import Tile, tile_grid, tile_pdf

__all__ = [
    "IMPOSE_SHEETS",
    "PROOF_SHEETS",
    "SHEETS",
    "TILE_SHEETS",
    "ImpositionPlan",
    "Placement",
    "ProofLayout",
    "Slot",
    "Tile",
    "impose_cards",
    "imposition_plan",
    "proof_layout",
    "proof_pdf",
    "proof_scale",
    "proofs_pdf",
    "sheet_size",
    "tile_grid",
    "tile_pdf",
]
