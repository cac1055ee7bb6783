"""The options of a render run, as one value: built once by the CLI, read everywhere below it.

A run's options travel from the command line through :func:`signkit.pipeline.render_files.render_files`
into worker processes, and from there to :func:`signkit.pipeline.build.build_site`,
:func:`signkit.pipeline.extras.make_extras` and the input hash.  One frozen, picklable
value makes that journey whole: no layer re-packs a subset under other names (and can
drop one on the way), and a worker sees exactly what the parent was given.  It lives in
a module of its own, importing nothing of the pipeline, so every stage can import it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from signkit.load.source import DEFAULT_MAX_BYTES
from signkit.pipeline.config import SignFolder
from signkit.pipeline.selection import Selection
from signkit.render.settings import DEFAULT_PRINT, PrintSettings

#: ``--fit``: what to do with text that does not fit its cell at the legible minimum.
FitMode = Literal["fail", "grow"]

#: ``--producer``: only the boards the government makes (2-1), or only the enterprise's.
Producer = Literal["政府", "企业"]

#: ``--overlap``'s default: the overlap of tiles, in mm.
DEFAULT_OVERLAP = 10.0


@dataclass(frozen=True)
class RenderOptions:
    """Everything that shapes a render run besides the site files and the fonts.

    The first group shapes the files and is part of each enterprise's input hash
    (:func:`signkit.pipeline.incremental.input_hash`); the last five say how the run goes
    about it (compare only, rebuild everything, how many processes, stop early, make nothing
    of an enterprise with an error) and are not.
    """

    fit: FitMode = "fail"
    producer: Producer | None = None
    #: ``--size`` overrides as (附表, size) pairs in the order given (problems are reported in that order).
    sizes: tuple[tuple[str, str], ...] = ()
    #: Overrides the site file's 输出.出血 / 输出.裁切标记 for every board when not ``None``.
    bleed: float | None = None
    marks: bool | None = None
    strict: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    #: Print-shop companions (sheet names, upper case, or ``None`` for none) and the tiles' overlap.
    proof: str | None = None
    tile: str | None = None
    impose: str | None = None
    overlap: float = DEFAULT_OVERLAP
    #: ``signkit.toml``'s sign folder, for site files that name none.
    sign_folder: SignFolder | None = None
    #: The print shop's settings (``signkit.toml``'s ``[print]``, ``--overprint``, ``--output-intent``, ``--gripper``).
    printing: PrintSettings = DEFAULT_PRINT
    dry_run: bool = False
    force: bool = False
    jobs: int = 1
    fail_fast: bool = False
    #: ``--all-or-nothing``: an enterprise with any error gets no board at all (signkit before 0.2 did this
    #: always); by default a problem blocks only the boards it touches and the rest are made.
    all_or_nothing: bool = False
    #: ``--select`` / ``--ignore`` and ``[check]``: a problem left out neither blocks a board nor fails the run.
    selection: Selection | None = None

    def __post_init__(self) -> None:
        # one 附表 given twice: the last size wins, in the first one's place, as on the command line
        object.__setattr__(self, "sizes", tuple(dict(self.sizes).items()))

    @property
    def companions(self) -> bool:
        """Whether any print-shop companion (proof, tiles, imposed cards) is asked for."""
        return bool(self.proof or self.tile or self.impose)


#: The options of a run that asks for nothing special.
DEFAULTS = RenderOptions()
