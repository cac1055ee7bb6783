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

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from signkit.diagnostics import Diagnostic
from signkit.errors import SignkitError
from signkit.excel import is_workbook
from signkit.excel.export import site_workbook, workbook_bytes
from signkit.excel.imported import ImportedSite
from signkit.excel.reader import WorkbookRead, read_workbook
from signkit.excel.template import template_workbook
from signkit.excel.yaml_out import site_yaml
from signkit.output.atomic import atomic_write_bytes, atomic_write_text
from signkit.output.names import safe_name
from signkit.pipeline.check import FileReport, check_imported, check_path


def write_template(path: Path | str, *, roster: bool = False) -> None:
    """Write the template (or, with ``roster``, a regulator's roster template) to ``path``.

    The target is replaced if it exists (whether that is allowed is the caller's
    decision); an :class:`OSError` from the write is left to the caller, which says why
    in Chinese (:func:`signkit.errors.describe_os_error`).
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


# --- import ---------------------------------------------------------------------------------


class NotAWorkbookError(SignkitError):
    """The file to import is not a workbook or CSV file by its suffix (a usage error, like a wrong option)."""


#: What became of one enterprise's site file: written, left alone because it exists, or not writable.
WriteState = Literal["written", "exists", "unwritable"]


@dataclass(frozen=True)
class ImportedFile:
    """One enterprise of an import: its check and what became of its site file."""

    site: ImportedSite
    report: FileReport
    target: Path
    state: WriteState
    #: Why the file could not be written (``state == "unwritable"``).
    failure: OSError | None = None

    @property
    def errors(self) -> int:
        """How many errors the check found (the file is written all the same, to be completed)."""
        return len(self.report.errors())


@dataclass
class ImportOutcome:
    """What importing one workbook did, enterprise by enterprise, and the exit code that sums it up."""

    file: Path
    outdir: Path
    #: The output folder is an existing file: nothing was read or written.
    outdir_is_file: bool = False
    #: What was read (``None`` only when ``outdir_is_file``).
    book: WorkbookRead | None = None
    #: One per enterprise read, in the workbook's order (none when no enterprise could be read).
    files: list[ImportedFile] = field(default_factory=list)

    @property
    def reports(self) -> list[FileReport]:
        return [f.report for f in self.files]

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """Why no enterprise could be read (the file's own problems); empty when some were."""
        return list(self.book.diagnostics) if self.book is not None and not self.files else []

    @property
    def unwritten(self) -> int:
        """How many enterprises' site files could not be written."""
        return sum(f.state == "unwritable" for f in self.files)

    @property
    def exit_code(self) -> int:
        """0 every file written and passing the check; 1 errors, or a file left alone; 2 unreadable or unwritable."""
        if self.outdir_is_file or self.book is None:
            return 2
        if not self.files:
            return 2 if self.book.unreadable else 1
        if self.unwritten:
            return 2
        return 1 if any(f.state == "exists" or f.errors for f in self.files) else 0


def unique_file_names(stems: list[str]) -> list[str]:
    """Unique file names for the enterprises, in order (a second 同名 enterprise gets _2, then _3 …).

    Names are compared without case (Windows and macOS folders do), and a suffixed name
    never takes one an enterprise called ``甲_2`` already has, so no two enterprises of
    one import ever write the same file.
    """
    taken: set[str] = set()
    names: list[str] = []
    for stem in stems:
        name, count = f"{stem}.yaml", 1
        while name.casefold() in taken:
            count += 1
            name = f"{stem}_{count}.yaml"
        taken.add(name.casefold())
        names.append(name)
    return names


def _stem(site: ImportedSite, path: Path) -> str:
    """The file name an enterprise's site file is given: its 企业名称, else the workbook (and roster row) it came from."""
    name = str((site.data.get("企业") or {}).get("企业名称") or "").strip()
    return safe_name(name) if name else safe_name(f"{path.stem}_第{site.row}行" if site.row else path.stem)


def import_workbook(path: Path | str, outdir: Path | str, *, force: bool = False) -> ImportOutcome:
    """Read a workbook or CSV file and write one commented site file per enterprise into ``outdir``.

    Each enterprise is checked and its file written even when the check finds errors
    (the officer completes the file or the workbook).  A file that exists is left alone
    unless ``force``; one enterprise's failed write does not stop the others.  Raises
    :class:`NotAWorkbookError` when ``path`` is not named like a workbook, and nothing
    else for a bad file: an unreadable one gives an outcome without enterprises.
    """
    path, outdir = Path(path), Path(outdir)
    outcome = ImportOutcome(path, outdir)
    if outdir.exists() and not outdir.is_dir():
        outcome.outdir_is_file = True
        return outcome
    if not is_workbook(path):
        raise NotAWorkbookError(f"「{path}」不是工作簿：请给出 .xlsx 或 .csv 文件")
    outcome.book = read_workbook(path, display=str(path))
    sites = outcome.book.sites
    reports = [check_imported(site) for site in sites]
    names = unique_file_names([_stem(site, path) for site in sites])
    for site, report, name in zip(sites, reports, names, strict=True):
        target = outdir / name
        if target.exists() and not force:
            outcome.files.append(ImportedFile(site, report, target, "exists"))
            continue
        try:  # one enterprise's failed write must not hide which of the others were written
            atomic_write_text(target, site_yaml(site.data, origin=path.name, source=site.source))
        except OSError as failure:
            outcome.files.append(ImportedFile(site, report, target, "unwritable", failure))
            continue
        outcome.files.append(ImportedFile(site, report, target, "written"))
    return outcome
