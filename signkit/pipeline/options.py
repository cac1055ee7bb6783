"""The render pipeline for one site: plan → size → layout → (grow or fail) → PDF bytes.

Nothing is written here: :func:`build_site` returns every board's PDF in memory, or
the diagnostics that stop the run, so a failed site never leaves a partial set of files
behind (:mod:`signkit.publish` writes them).  Text that does not fit its cell at the
legible minimum is an error naming the field, how far over it is and the smallest
board that would hold it; with ``fit="grow"`` the board is enlarged to that size
instead (in proportion where the regulation requires it) and the run says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from signkit.pipeline.config import SignFolder
if TYPE_CHECKING:
    from signkit.pipeline.config import SignFolder


FitMode = Literal["fail", "grow"]


Producer = Literal["政府", "企业"]


@dataclass(frozen=True)
class Options:
    """Everything that shapes the output, besides the site file and the fonts."""

    fit: str = "fail"
    producer: str | None = None
    sizes: tuple[tuple[str, str], ...] = ()
    bleed: float | None = None
    marks: bool | None = None
    strict: bool = False
    max_bytes: int = 4 * 1024 * 1024
    proof: str | None = None
    tile: str | None = None
    impose: str | None = None
    overlap: float = 10.0
    dry_run: bool = False
    force: bool = False
    #: ``signkit.toml``'s sign folder, for site files that name none (part of the input hash like the rest).
    sign_folder: SignFolder | None = None


@dataclass(frozen=True)
class ExtraOptions:
    """Print-shop companions to make beside the print files (sheet names, or ``None`` for none)."""

    proof: str | None = None
    tile: str | None = None
    impose: str | None = None
    overlap: float = 10.0
    card_bleed: float = 3.0
