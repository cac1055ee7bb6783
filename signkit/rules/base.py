"""What every content rule receives and how it reports.

A rule is a plain function ``(ctx) -> None`` that calls :meth:`RuleContext.report`;
the context carries the validated site, the source map to locate key paths, and the
facts several rules share (which 2-1 form, the resolved region).  Rules never print
and never raise for bad content.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from signkit.codes import default_severity
from signkit.diagnostics import Diagnostic, KeyPath, Severity
from signkit.load.yaml_tree import SourceMap
from signkit.model.facts import supervision_form
from signkit.model.region import ResolvedRegion, resolve_region
from signkit.model.site import Site


@dataclass
class RuleContext:
    site: Site
    source: SourceMap
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def form(self) -> str:
        """Which 2-1 board the enterprise gets: ``"2-1-1"`` or ``"2-1-2"``."""
        return supervision_form(self.site)

    @property
    def region(self) -> ResolvedRegion:
        return resolve_region(self.site.region)

    def report(self, rule: str, path: KeyPath, message: str, hint: str | None = None,
               severity: Severity | None = None) -> None:
        """Record a finding at ``path``, with the catalog's default severity unless given."""
        level = severity or Severity(default_severity(rule))
        self.diagnostics.append(Diagnostic(rule, level, message, self.source.locate(path), hint))


Rule = Callable[[RuleContext], None]
