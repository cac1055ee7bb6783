"""signkit: the "四牌一卡两栏" safety boards from one YAML site file.

The public API is small: :func:`check_path` / :func:`check_text` run the whole check
pipeline on a site file and return a :class:`FileReport`; :func:`plan_boards` lists
the boards a valid :class:`Site` requires; :func:`render_files` writes the PDFs.
Names are imported on first use, so ``signkit --help`` does not pay for pydantic,
fontTools or ReportLab.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from signkit._version import __version__

_EXPORTS = {
    "Diagnostic": "signkit.diagnostics",
    "Location": "signkit.diagnostics",
    "Severity": "signkit.diagnostics",
    "FileReport": "signkit.pipeline.check",
    "check_path": "signkit.pipeline.check",
    "check_text": "signkit.pipeline.check",
    "Site": "signkit.model.site",
    "PlannedBoard": "signkit.plan.boards",
    "plan_boards": "signkit.plan.boards",
    "render_files": "signkit.pipeline.render_files",
    "resolve_fonts": "signkit.fonts",
}

if TYPE_CHECKING:
    from signkit.diagnostics import Diagnostic, Location, Severity
    from signkit.fonts import resolve_fonts
    from signkit.model.site import Site
    from signkit.pipeline.check import FileReport, check_path, check_text
    from signkit.pipeline.render_files import render_files
    from signkit.plan.boards import PlannedBoard, plan_boards


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'signkit' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


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
    "render_files",
    "resolve_fonts",
]
