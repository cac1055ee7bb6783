"""The check pipeline as a library call: read → parse → validate → rules → plan.

``check_path`` is what ``signkit check`` runs for each file and what tests call
in-process.  It never raises for bad input: every problem becomes a diagnostic, and
the report says whether the file could be read at all (exit code 2) or had errors
(exit code 1).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from signkit.diagnostics import Diagnostic, Severity, sort_key
from signkit.fonts import FontSet, check_coverage
from signkit.load.source import DEFAULT_MAX_BYTES, SourceText, read_source
from signkit.load.validate import validate_site
from signkit.load.yaml_tree import SourceMap, parse_yaml
from signkit.model.site import Site
from signkit.plan import PlannedBoard, plan_boards
from signkit.printed import printed_text
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
    #: Content hash of each planned board, in plan order (when the check laid the boards out).
    stamps: list[str] = field(default_factory=list)

    def errors(self, strict: bool = False) -> list[Diagnostic]:
        """Diagnostics that fail the check (warnings too when ``strict``)."""
        return [d for d in self.diagnostics
                if d.severity is Severity.ERROR or (strict and d.severity is Severity.WARNING)]

    def ok(self, strict: bool = False) -> bool:
        return not self.unreadable and not self.errors(strict)


def check_text(text: str, file: str, *, fonts: FontSet | None = None, layout: bool = False) -> FileReport:
    """Check site-file text already in memory (``file`` is the name diagnostics show).

    With ``fonts``, every printed character is also checked against the fonts that
    will print it (SK305/SK306); with ``layout`` too, every board is laid out (not
    rendered) so that text that cannot fit is reported (SK501) and each board's content
    hash is known.
    """
    report = FileReport(file)
    parsed = parse_yaml(text, file)
    report.source = parsed.source
    report.diagnostics.extend(parsed.diagnostics)
    if parsed.data is None:
        return _finish(report)
    site, problems = validate_site(parsed.data, parsed.source)
    report.diagnostics.extend(problems)
    if site is None:
        return _finish(report)
    report.site = site
    report.diagnostics.extend(run_rules(site, parsed.source))
    if fonts is not None:
        report.diagnostics.extend(check_coverage(printed_text(site, parsed.source), fonts))
    report.plan = plan_boards(site)
    if fonts is not None and layout and not report.errors():
        from signkit.build import layout_site

        report.stamps, misfits = layout_site(site, parsed.source, fonts)
        report.diagnostics.extend(misfits)
    return _finish(report)


def _finish(report: FileReport) -> FileReport:
    report.diagnostics.sort(key=sort_key)
    return report


def check_source(source: SourceText, *, fonts: FontSet | None = None, layout: bool = False) -> FileReport:
    """Check a :class:`SourceText` (already read and decoded, or with read errors)."""
    if source.text is None:
        return FileReport(source.name, diagnostics=list(source.diagnostics), unreadable=source.unreadable)
    return check_text(source.text, source.name, fonts=fonts, layout=layout)


def check_path(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES, fonts: FontSet | None = None,
               layout: bool = False) -> FileReport:
    """Read and check the site file at ``path`` (glyph coverage given ``fonts``; fit given ``layout``)."""
    return check_source(read_source(path, max_bytes=max_bytes), fonts=fonts, layout=layout)
