"""A site → a workbook in the template's layout: the inverse of :mod:`signkit.excel.reader`.

Why: an office that was handed a site file (by a regulator, by ``signkit import`` or by a
colleague) keeps editing in Excel.  Exporting must lose nothing, so importing the
exported workbook gives the same site; the tests hold it to that on both examples.

Values are written the way the reader reads them back without doubt: phone numbers and
postcodes as text (in text-formatted cells, so Excel does not turn them into numbers
when edited), 人数 as a number, 修订日期 as a date, 是/否 in words, and list fields one
item per line (names 、-separated).  Cells are filled from the validated model, so a
site file that writes a one-item list as one line exports the same as one that writes
``- item``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from signkit.excel.export import site_workbook, workbook_bytes

if TYPE_CHECKING:
    from signkit.pipeline.check import FileReport


def export_site(site_path: Path | str, xlsx_path: Path | str) -> FileReport:
    """Check the site file at ``site_path`` and, if it is valid, write it as a workbook.

    Returns the check's report; the workbook is written only when ``report.site`` is
    set (content warnings and errors do not stop the export: the workbook is where the
    officer will fix them).
    """
    from signkit.output.atomic import atomic_write_bytes
    from signkit.pipeline.check import check_path

    report = check_path(site_path)
    if report.site is not None:
        atomic_write_bytes(Path(xlsx_path), workbook_bytes(site_workbook(report.site)))
    return report
