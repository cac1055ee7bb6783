"""What building a site produces: each board laid out and rendered, with what the manifest says of it.

:class:`BuiltBoard` is the hand-over from the pipeline to the output: the build
(:mod:`signkit.pipeline.build`) makes it, and publishing, naming, the print-shop
companions and ``preview`` read it.  It is a plain value in a module of its own so that
the output layer can use it without importing the pipeline.
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
    #: The output intent the PDF names (:attr:`signkit.render.pdfx.OutputCondition.key`), and whether black overprints.
    intent: str = ""
    overprint: bool = False

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
    #: Boards of the plan not made because their text does not fit (by position in the plan), with the misfits.
    not_made: dict[int, list[Diagnostic]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)
