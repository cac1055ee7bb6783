"""The one base of every exception signkit raises on purpose.

An exception that derives from :class:`SignkitError` is an expected failure with
something to tell the user: located diagnostics (a font file that cannot be read, a
template that does not render, a ``signkit.toml`` with an unknown key) or a Chinese
message.  Callers of the library catch ``SignkitError`` and report it; the CLI turns it
into a message and an exit code.  Anything else that escapes is a bug in signkit (the
CLI's exit code 3).  Control-flow exceptions that never leave their module (a budget
exceeded while parsing, a PDF construct a sign reader refuses) derive from it too, so
that no exception of signkit's own is mistaken for a bug.
"""

from __future__ import annotations

from collections.abc import Sequence

from signkit.diagnostics import Diagnostic


class SignkitError(Exception):
    """Base of signkit's own exceptions: they carry diagnostics or a message, never a traceback for the user."""

    def __init__(self, problem: str | Sequence[Diagnostic] = "") -> None:
        if isinstance(problem, str):
            self.diagnostics: list[Diagnostic] = []
            message = problem
        else:
            self.diagnostics = list(problem)
            message = "; ".join(d.render() for d in self.diagnostics)
        super().__init__(message)
