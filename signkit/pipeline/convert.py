"""The Excel way in and out as library calls: the template, a site exported as a workbook, a workbook imported as site files.

Why here and not in :mod:`signkit.excel`: each of these checks sites
(:mod:`signkit.pipeline.check`) and writes files (:mod:`signkit.output.atomic`), which
the excel package sits below and must not do — it only turns workbooks into data and
data into workbooks.  ``signkit template``, ``signkit export`` and ``signkit import``
parse their options, call one function here and print what it returns; tests call the
same functions in-process.  Nothing here prints.

Every file is written atomically, so a failed or killed run leaves the old file or the
new one, never half a workbook or half a site file.
"""

from __future__ import annotations

from pathlib import Path

from signkit.excel.export import site_workbook, workbook_bytes
from signkit.excel.template import template_workbook
from signkit.output.atomic import atomic_write_bytes
from signkit.pipeline.check import FileReport, check_path


def write_template(path: Path | str, *, roster: bool = False) -> None:
    """Write the template (or, with ``roster``, a regulator's roster template) to ``path``.

    The target is replaced if it exists (whether that is allowed is the caller's
    decision); an :class:`OSError` from the write is left to the caller, which says why
    in Chinese (:func:`signkit.output.atomic.describe_os_error`).
    """
    atomic_write_bytes(Path(path), workbook_bytes(template_workbook(roster=roster)))


def export_site(site_path: Path | str, xlsx_path: Path | str) -> FileReport:
    """Check the site file at ``site_path`` and, if it is valid, write it as a workbook.

    Returns the check's report; the workbook is written only when ``report.site`` is
    set (content warnings and errors do not stop the export: the workbook is where the
    officer will fix them).  An :class:`OSError` from the write is left to the caller.
    """
    report = check_path(site_path)
    if report.site is not None:
        atomic_write_bytes(Path(xlsx_path), workbook_bytes(site_workbook(report.site)))
    return report
