"""signkit: the "四牌一卡两栏" safety boards from one YAML site file (or the Excel ledgers an office keeps).

The public API, every name of which is in :data:`__all__`:

* check — :func:`check_path`, :func:`check_text`, :func:`check_files` run the whole check
  pipeline and return a :class:`FileReport` per file (diagnostics, the board plan);
* plan — :func:`plan_boards` lists the boards a valid :class:`Site` requires
  (:class:`PlannedBoard`);
* fonts — :func:`resolve_fonts` chooses the fonts of a run (:class:`FontSet`);
* render — :func:`render_files` writes the PDFs, manifests and print order of many site
  files into an output folder, as :class:`RenderOptions` say, and returns a
  :class:`RenderOutcome` (with each enterprise's :class:`SiteOutcome` and the
  :class:`Reprint` list);
* compare and show — :func:`diff` (:class:`DiffResult`), :func:`preview_files`
  (:class:`PreviewOutcome`), :func:`preflight_path`;
* workbooks — :func:`import_workbook` (:class:`ImportOutcome`), :func:`export_site`,
  :func:`write_template`;
* what goes wrong — :class:`Diagnostic` (with its :class:`Location` and
  :class:`Severity`) for problems in the input, :class:`SignkitError` (the base of every
  exception signkit raises on purpose) for failures.

Names are imported on first use, so ``import signkit`` and ``signkit --help`` do not pay
for pydantic, fontTools or ReportLab.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from signkit._version import __version__

_EXPORTS = {
    "Diagnostic": "signkit.diagnostics",
    "Location": "signkit.diagnostics",
    "Severity": "signkit.diagnostics",
    "SignkitError": "signkit.errors",
    "Site": "signkit.model.site",
    "FileReport": "signkit.pipeline.check",
    "check_files": "signkit.pipeline.check",
    "check_path": "signkit.pipeline.check",
    "check_text": "signkit.pipeline.check",
    "PlannedBoard": "signkit.plan.boards",
    "plan_boards": "signkit.plan.boards",
    "FontSet": "signkit.fonts.model",
    "resolve_fonts": "signkit.fonts.resolve",
    "RenderOptions": "signkit.pipeline.options",
    "RenderOutcome": "signkit.pipeline.render_files",
    "render_files": "signkit.pipeline.render_files",
    "SiteOutcome": "signkit.pipeline.site_job",
    "Reprint": "signkit.pipeline.reprint",
    "DiffResult": "signkit.pipeline.diff",
    "diff": "signkit.pipeline.diff",
    "PreviewOutcome": "signkit.pipeline.preview",
    "preview_files": "signkit.pipeline.preview",
    "preflight_path": "signkit.preflight.checks",
    "ImportOutcome": "signkit.pipeline.convert",
    "import_workbook": "signkit.pipeline.convert",
    "export_site": "signkit.pipeline.convert",
    "write_template": "signkit.pipeline.convert",
}

if TYPE_CHECKING:
    from signkit.diagnostics import Diagnostic, Location, Severity
    from signkit.errors import SignkitError
    from signkit.fonts.model import FontSet
    from signkit.fonts.resolve import resolve_fonts
    from signkit.model.site import Site
    from signkit.pipeline.check import FileReport, check_files, check_path, check_text
    from signkit.pipeline.convert import ImportOutcome, export_site, import_workbook, write_template
    from signkit.pipeline.diff import DiffResult, diff
    from signkit.pipeline.options import RenderOptions
    from signkit.pipeline.preview import PreviewOutcome, preview_files
    from signkit.pipeline.render_files import RenderOutcome, render_files
    from signkit.pipeline.reprint import Reprint
    from signkit.pipeline.site_job import SiteOutcome
    from signkit.plan.boards import PlannedBoard, plan_boards
    from signkit.preflight.checks import preflight_path


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'signkit' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "Diagnostic",
    "DiffResult",
    "FileReport",
    "FontSet",
    "ImportOutcome",
    "Location",
    "PlannedBoard",
    "PreviewOutcome",
    "RenderOptions",
    "RenderOutcome",
    "Reprint",
    "Severity",
    "SignkitError",
    "Site",
    "SiteOutcome",
    "__version__",
    "check_files",
    "check_path",
    "check_text",
    "diff",
    "export_site",
    "import_workbook",
    "plan_boards",
    "preflight_path",
    "preview_files",
    "render_files",
    "resolve_fonts",
    "write_template",
]
