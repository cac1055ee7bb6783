"""Diagnostics: what signkit says about an input, and where.

Every problem signkit finds is a :class:`Diagnostic`: a stable rule id, a severity,
a Chinese message, and a :class:`Location`.  The location is deliberately one small
type that can point into a YAML file (line and column) or, later, into a workbook
(sheet and cell), so that every stage of the pipeline reports in the same terms and
the CLI only has to format them.

Nothing here prints; formatting for people and machines lives in
:mod:`signkit.cli.report`.
"""

from __future__ import annotations

from signkit.diagnostics import Diagnostic


class SignkitError(Exception):
    """Base of signkit's own exceptions; these carry diagnostics, never tracebacks."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("; ".join(d.render() for d in diagnostics))
        self.diagnostics = diagnostics
