"""The check pipeline as a library call: read → parse → validate → rules → plan → (lay out).

:func:`check_files` is what ``signkit check`` runs, and :func:`check_path` what tests
call for one file.  Neither raises for bad input: every problem becomes a diagnostic,
and each report says whether the file could be read at all (exit code 2) or had errors
(exit code 1).  Laying the boards out (to report text that cannot fit, and each board's
content stamp) needs no ReportLab: nothing here renders.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from signkit.codes import default_severity
from signkit.diagnostics import Diagnostic, KeyPath, Severity, sort_key
from signkit.excel.imported import ImportedSite
from signkit.excel.reader import read_workbook
from signkit.fonts import FontSet, check_coverage
from signkit.load.source import DEFAULT_MAX_BYTES, SourceText, read_bytes, read_source
from signkit.load.suppress import find_suppressions
from signkit.load.yaml_tree import SourceMap, parse_yaml
from signkit.model.site import Site
from signkit.model.validate import validate_site
from signkit.model.walk import printed_items
from signkit.pipeline.config import SignFolder
from signkit.pipeline.fitting import layout_site
from signkit.pipeline.fixing import offered
from signkit.pipeline.inputs import collect_inputs
from signkit.pipeline.measuring import measurer
from signkit.pipeline.selection import ABOUT_IGNORES, Selection, filter_report
from signkit.pipeline.suppression import apply_suppressions
from signkit.plan.boards import UNKNOWN_LEVEL, PlannedBoard, plan_boards, risk_point_name
from signkit.plan.inputs import InputIndex
from signkit.rules import run_rules


@dataclass
class FileReport:
    """Everything ``check`` found out about one site file."""

    file: str
    site: Site | None = None
    source: SourceMap | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    plan: list[PlannedBoard] = field(default_factory=list)
    unreadable: bool = False
    #: Content hash of each planned board, in plan order (when the check laid the boards out; ``""`` for a
    #: board whose data is blocked, which is not laid out).
    stamps: list[str] = field(default_factory=list)
    #: Text that does not fit, by position in :attr:`plan`: it blocks that board only.
    misfits: dict[int, list[Diagnostic]] = field(default_factory=dict)
    #: The site file's text as checked (``None`` for a workbook): what ``--fix`` edits.
    text: str | None = None

    def errors(self, strict: bool = False) -> list[Diagnostic]:
        """Diagnostics that fail the check (warnings too when ``strict``)."""
        return [d for d in self.diagnostics
                if d.severity is Severity.ERROR or (strict and d.severity is Severity.WARNING)]

    def ok(self, strict: bool = False) -> bool:
        return not self.unreadable and not self.errors(strict)

    def blockers(self, strict: bool = False) -> dict[int, list[Diagnostic]]:
        """For each planned board that cannot be made, by its position in :attr:`plan`: the problems that block it.

        A problem blocks the boards whose data it is about (:mod:`signkit.plan.inputs`):
        a post without duties blocks its own 2-3, not the 2-2 that names it, and never
        the 2-1.  Errors block; with ``strict``, warnings too.
        """
        out: dict[int, list[Diagnostic]] = {}
        misfit = {id(d) for found in self.misfits.values() for d in found}  # these block the one board laid out
        index_of_inputs = InputIndex(self.plan)
        for diag in self.errors(strict):
            if id(diag) in misfit or diag.rule in ABOUT_IGNORES:
                continue
            forms = diag.extra.get("forms", ())
            for index in index_of_inputs.affected(blocking_path(diag), forms):
                out.setdefault(index, []).append(diag)
        for index, misfits in self.misfits.items():
            out.setdefault(index, []).extend(d for d in misfits if d not in out.get(index, []))
        return dict(sorted(out.items()))

    def ready(self, strict: bool = False) -> list[int]:
        """Positions in :attr:`plan` of the boards whose own data is clean: those ``render`` makes."""
        blocked = self.blockers(strict)
        return [index for index in range(len(self.plan)) if index not in blocked]


def check_text(text: str, file: str, *, fonts: FontSet | None = None, layout: bool = False,
               sign_folder: SignFolder | None = None, selection: Selection | None = None) -> FileReport:
    """Check site-file text already in memory (``file`` is the name diagnostics show).

    With ``fonts``, every printed character is also checked against the fonts that
    will print it (SK305/SK306); with ``layout`` too, every board is laid out (not
    rendered) so that text that cannot fit is reported (SK501) and each board's content
    hash is known.  ``sign_folder`` (``signkit.toml``'s) is used when the site file
    names no 输出.标志文件夹; the report's site then carries it.  ``selection`` (``--select``,
    ``--ignore``, ``[check]``) and the file's ``# signkit: ignore[…]`` comments decide
    which diagnostics stay: one left out neither counts nor blocks a board.
    """
    report = FileReport(file, text=text)
    parsed = parse_yaml(text, file)
    report.source = parsed.source
    report.diagnostics.extend(parsed.diagnostics)
    comments = find_suppressions(text)
    if parsed.data is not None:
        _check_data(report, parsed.data, parsed.source, fonts, layout, sign_folder,
                    keep=lambda found: filter_report(apply_suppressions(found, comments, parsed.source), selection, file))
    report.diagnostics = offered(apply_suppressions(report.diagnostics, comments, parsed.source), text)
    return _finish(_select(report, selection))


def _select(report: FileReport, selection: Selection | None) -> FileReport:
    """Leave out what the selection does not report, from the diagnostics and from the misfits that block boards."""
    if selection is None:
        return report
    kept = filter_report(report.diagnostics, selection, report.file)
    if len(kept) != len(report.diagnostics):
        ids = {id(d) for d in kept}
        report.diagnostics = kept
        report.misfits = {index: found for index, misfits in report.misfits.items()
                          if (found := [d for d in misfits if id(d) in ids])}
    return report


def blocking_path(diag: Diagnostic) -> KeyPath:
    """The key path a diagnostic is about, for deciding which boards it blocks.

    For an unknown key with one close match (企业名秤 for 企业名称) it is the key the user
    meant: the problem is with that field, and blocks what that field is printed on.
    """
    path = diag.location.path
    meant = diag.extra.get("meant")
    if isinstance(meant, str) and path:
        return (*path[:-1], meant)
    return path


def _check_data(report: FileReport, data: Any, source: SourceMap, fonts: FontSet | None, layout: bool,
                sign_folder: SignFolder | None = None,
                keep: Callable[[list[Diagnostic]], list[Diagnostic]] | None = None) -> None:
    """Validate → rules → glyph coverage → plan → layout, for data from a site file or a workbook.

    The rules run on every part of the file that validated (the rest is mended just
    enough to build a site; :mod:`signkit.model.salvage`), so every problem is reported in
    one pass; what they would only restate about a mended part is left out.  ``keep`` is what
    the selection and suppression comments leave: only those problems keep a board from being laid out.
    """
    validated = validate_site(data, source)
    report.diagnostics.extend(validated.diagnostics)
    if validated.site is None:
        return
    site, folder_problems = with_sign_folder(validated.site, sign_folder)
    report.diagnostics.extend(folder_problems)
    report.site = site
    measure = measurer(fonts) if fonts is not None else None
    report.diagnostics.extend(d for d in run_rules(site, source, validated.mended, measure)
                              if not validated.covers(d.location.path))
    if fonts is not None:
        items = [item for item in printed_items(site, source) if not validated.covers(item.location.path)]
        report.diagnostics.extend(check_coverage(items, fonts))
    report.plan = [_unknown_level(board) if board.form_id == "2-4" and ("风险点", board.source[1], "风险等级")
                   in validated.mended else board for board in plan_boards(site)]
    if fonts is not None and layout:
        kept = report if keep is None else replace(report, diagnostics=keep(report.diagnostics))
        report.stamps, report.misfits, grown = layout_site(site, source, fonts, skip=kept.blockers())
        report.diagnostics.extend(d for misfits in report.misfits.values() for d in misfits)
        report.diagnostics.extend(grown)


def _unknown_level(board: PlannedBoard) -> PlannedBoard:
    """A 2-4 board whose 风险等级 the schema refused: its subject says so, rather than the level that stands in."""
    return replace(board, subject=f"{risk_point_name(board.subject)}（{UNKNOWN_LEVEL}）")


def _finish(report: FileReport) -> FileReport:
    report.diagnostics.sort(key=sort_key)
    return report


def check_source(source: SourceText, *, fonts: FontSet | None = None, layout: bool = False,
                 sign_folder: SignFolder | None = None, selection: Selection | None = None) -> FileReport:
    """Check a :class:`SourceText` (already read and decoded, or with read errors)."""
    if source.text is None:
        return FileReport(source.name, diagnostics=list(source.diagnostics), unreadable=source.unreadable)
    return check_text(source.text, source.name, fonts=fonts, layout=layout, sign_folder=sign_folder,
                      selection=selection)


def check_path(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES, fonts: FontSet | None = None,
               layout: bool = False, sign_folder: SignFolder | None = None) -> FileReport:
    """Read and check the site file at ``path`` (glyph coverage given ``fonts``; fit given ``layout``)."""
    return check_source(read_source(path, max_bytes=max_bytes), fonts=fonts, layout=layout, sign_folder=sign_folder)


def check_imported(imported: ImportedSite, *, fonts: FontSet | None = None, layout: bool = False,
                   sign_folder: SignFolder | None = None, selection: Selection | None = None) -> FileReport:
    """Check one enterprise read from a workbook; diagnostics point at sheets and cells.

    What the reader noticed comes first; a missing-key message that a missing column or
    sheet already explains is dropped; the rest is ordered as the workbook reads (sheet
    order, then row, then column).
    """
    report = FileReport(imported.name, source=imported.source)
    report.diagnostics.extend(imported.diagnostics)
    _check_data(report, imported.data, imported.source, fonts, layout, sign_folder,
                keep=lambda found: filter_report(found, selection, imported.name))
    report.diagnostics = [d for d in report.diagnostics if not imported.explains(d)]
    _select(report, selection)
    report.diagnostics.sort(key=imported.source.order)
    return report


def check_workbook(path: Path | str, *, fonts: FontSet | None = None, layout: bool = False, display: str | None = None,
                   index: int | None = None, sign_folder: SignFolder | None = None,
                   selection: Selection | None = None) -> list[FileReport]:
    """Read and check a workbook (.xlsx) or CSV file: one report per enterprise (a roster gives several).

    ``display`` is the file name diagnostics show; ``index`` checks only that enterprise
    of the file (the position among its enterprises, as :func:`signkit.pipeline.inputs.collect_inputs`
    numbers a roster's rows).  A file that cannot be read at all gives one report marked
    unreadable (exit code 2); a file read but not understood, one report with its errors.
    """

    book = read_workbook(path, display=display)
    if not book.sites:
        return [FileReport(book.file, diagnostics=list(book.diagnostics), unreadable=book.unreadable)]
    chosen = book.sites if index is None else book.sites[index:index + 1]
    return [check_imported(site, fonts=fonts, layout=layout, sign_folder=sign_folder, selection=selection)
            for site in chosen]


def check_files(args: Sequence[str], *, fonts: FontSet | None = None, layout: bool = True,
                max_bytes: int = DEFAULT_MAX_BYTES, sign_folder: SignFolder | None = None,
                read_stdin: Callable[[], str | bytes] | None = None, selection: Selection | None = None,
                stdin_name: str | None = None) -> list[FileReport]:
    """Check site files, workbooks, folders (searched for site files) and ``-`` (standard input), as ``signkit check`` does.

    One report per enterprise, in the order given (a folder's files sorted, a roster's
    rows in order); an empty list when nothing was found to check.
    """
    reports: list[FileReport] = []
    for item in collect_inputs(args, read_stdin, max_bytes=max_bytes, stdin_name=stdin_name):
        if item.workbook:
            assert item.path is not None
            reports.extend(check_workbook(item.path, fonts=fonts, layout=layout, display=item.display,
                                          index=item.index, sign_folder=sign_folder, selection=selection))
            continue
        source = read_source(item.path, max_bytes=max_bytes, display=item.name) if item.path is not None \
            else read_bytes(item.data or b"", item.name, max_bytes=max_bytes)
        reports.append(check_source(source, fonts=fonts, layout=layout, sign_folder=sign_folder, selection=selection))
    return reports


def exit_status(reports: Sequence[FileReport], strict: bool = False) -> int:
    """The exit code of a check: 2 if any file could not be read, else 1 if any has errors, else 0."""
    if any(r.unreadable for r in reports):
        return 2
    return 0 if all(r.ok(strict) for r in reports) else 1


def with_sign_folder(site: Site, configured: SignFolder | None) -> tuple[Site, list[Diagnostic]]:
    """The site as its boards will be checked and drawn: the config's sign folder when the site file names none.

    The site file's own ``输出.标志文件夹`` wins.  Otherwise ``signkit.toml``'s folder is
    put in its place (as an absolute path, so it is not taken from the site file's
    folder) and everything downstream — these rules, the 2-4 layout — uses it without
    knowing where it came from.  A configured folder that does not exist is SK711 at the
    config file's line, and the site goes on without one.
    """

    if configured is None or site.output.sign_folder:
        return site, []
    if not configured.path.is_dir():
        state = "不是文件夹" if configured.path.exists() else "不存在"
        return site, [Diagnostic("SK711", Severity(default_severity("SK711")),
                                 f"配置文件的标志文件夹「{configured.written}」{state}（{configured.path}）",
                                 configured.location, "相对路径从 signkit.toml 所在的文件夹算起", {"forms": ("2-4",)})]
    output = site.output.model_copy(update={"sign_folder": str(configured.path)})
    return site.model_copy(update={"output": output}), []
