"""signkit: the "四牌一卡两栏" safety boards from one YAML site file.

The public API is small: :func:`check_path` / :func:`check_text` run the whole check
pipeline on a site file and return a :class:`FileReport`; :func:`plan_boards` lists
the boards a valid :class:`Site` requires.
"""

from __future__ import annotations

__version__ = "0.1.0"

from signkit.check import FileReport, check_path, check_text
from signkit.diagnostics import Diagnostic, Location, Severity
from signkit.model.site import Site
from signkit.plan import PlannedBoard, plan_boards

__all__ = [
    "Diagnostic",
    "FileReport",
    "Location",
    "PlannedBoard",
    "Severity",
    "Site",
    "__version__",
    "check_path",
    "check_text",
    "plan_boards",
]
