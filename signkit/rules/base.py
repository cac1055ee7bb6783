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
from signkit.diagnostics import Diagnostic, Fix, KeyPath, Severity
from signkit.drawing.text import Measurer
from signkit.load.yaml_tree import SourceMap
from signkit.model.facts import supervision_form
from signkit.model.region import ResolvedRegion, resolve_region
from signkit.model.site import Site


@dataclass
class RuleContext:
    site: Site
    source: SourceMap
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: Key paths whose wrong values were mended to build the site (:mod:`signkit.model.salvage`).
    mended: frozenset[KeyPath] = frozenset()
    #: The fonts' measurer the boards will be laid out with, when the check has fonts; rules that
    #: measure text (how wide a sign's words make it) otherwise measure with signkit's bundled fonts.
    measure: Measurer | None = None

    def mended_in(self, *prefix: str | int) -> bool:
        """Whether anything at or below ``prefix`` was mended: cross-references into it cannot be judged."""
        return any(path[:len(prefix)] == prefix for path in self.mended)

    @property
    def levels_known(self) -> bool:
        """Whether every risk point's 风险等级 is the user's own: rules that depend on the highest risk need it.

        A 风险等级 the schema refused stands in for itself as some valid level; judging the
        leaders' ranks or the 2-1 form by it would produce warnings about a level nobody wrote.
        """
        return not any(len(p) == 3 and p[0] == "风险点" and p[2] == "风险等级" for p in self.mended)

    @property
    def form(self) -> str:
        """Which 2-1 board the enterprise gets: ``"2-1-1"`` or ``"2-1-2"``."""
        return supervision_form(self.site)

    @property
    def region(self) -> ResolvedRegion:
        return resolve_region(self.site.region)

    def item_path(self, field: KeyPath, index: int) -> KeyPath:
        """The key path of item ``index`` of the list at ``field``; the field itself when it was written as one value.

        A list field may be written as one line (``风险点: 采煤工作面``); its single item
        then has no node of its own in the source, and the diagnostic points at the field.
        """
        path: KeyPath = (*field, index)
        return path if path in self.source.values or path in self.source.keys else field

    def report(self, rule: str, path: KeyPath, message: str, hint: str | None = None,
               severity: Severity | None = None, fix: Callable[[int, int], Fix | None] | None = None) -> None:
        """Record a finding at ``path``, with the catalog's default severity unless given.

        ``fix`` makes the correction from the finding's line and column, when the rule is sure of it.
        """
        level = severity or Severity(default_severity(rule))
        location = self.source.locate(path)
        made = fix(location.line, location.column) if fix is not None and location.line and location.column else None
        self.diagnostics.append(Diagnostic(rule, level, message, location, hint, fix=made))


Rule = Callable[[RuleContext], None]
