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
from dataclasses import dataclass, field
from typing import Any

from signkit.diagnostics import Diagnostic
from signkit.drawing.items import Board
from signkit.plan.boards import PlannedBoard


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
