"""``--fix`` and ``--diff``: apply the corrections diagnostics are sure of, as edits to the user's own text.

A :class:`~signkit.diagnostics.Fix` is made where its diagnostic is made (the validator
knows the one key a misspelt key was meant to be; the numbering rule knows the number
to take off).  Here it is checked against the text — the edit's ``old`` must be exactly
what is written at its line and column, so a quoted or escaped value the emitter could
not see is never touched — and applied as a character-level edit: every other byte
(comments, quoting, blank lines, line endings) stays as it was, which a YAML round trip
could not promise.  Edits that overlap an earlier one wait for the next pass; the
text is checked again after each pass, at most :data:`MAX_PASSES` times.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from signkit.diagnostics import Diagnostic, Edit, Fix

#: Passes of fix → check again; a fix that keeps producing fixes stops here.
MAX_PASSES = 10


def _line_starts(text: str) -> list[int]:
    starts = [0]
    index = text.find("\n")
    while index != -1:
        starts.append(index + 1)
        index = text.find("\n", index + 1)
    return starts


def _span(edit: Edit, text: str, starts: list[int]) -> tuple[int, int] | None:
    """The edit's (start, end) offsets in ``text``, or ``None`` when ``old`` is not written there."""
    if not 1 <= edit.line <= len(starts) or edit.column < 1:
        return None
    start = starts[edit.line - 1] + edit.column - 1
    end = start + len(edit.old)
    line_end = text.find("\n", starts[edit.line - 1])
    if line_end != -1 and end > line_end + edit.old.endswith("\n"):  # an edit stays on its line (or deletes it whole)
        return None
    return (start, end) if text[start:end] == edit.old else None


def fix_applies(fix: Fix, text: str, starts: list[int] | None = None) -> bool:
    """Whether every edit of ``fix`` finds its text where it says (else the fix is not offered)."""
    starts = starts if starts is not None else _line_starts(text)
    return all(_span(edit, text, starts) is not None for edit in fix.edits)


def offered(diagnostics: Sequence[Diagnostic], text: str) -> list[Diagnostic]:
    """``diagnostics`` with every fix that does not match ``text`` taken off (so ``[*]`` is never a false promise)."""
    if not any(d.fix is not None for d in diagnostics):
        return list(diagnostics)
    starts = _line_starts(text)
    return [d if d.fix is None or fix_applies(d.fix, text, starts) else _without_fix(d) for d in diagnostics]


def _without_fix(diag: Diagnostic) -> Diagnostic:
    return Diagnostic(diag.rule, diag.severity, diag.message, diag.location, diag.hint, diag.extra)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Half-open spans that share a character, or two edits at the same place (their order would be a guess)."""
    return (a[0] < b[1] and b[0] < a[1]) or a[0] == b[0]


def usable(diag: Diagnostic, unsafe: bool = False) -> bool:
    """Whether ``--fix`` applies this diagnostic's fix (``unsafe`` ones only with ``--unsafe-fixes``)."""
    return diag.fix is not None and (unsafe or diag.fix.applicability == "safe")


def apply_fixes(text: str, diagnostics: Sequence[Diagnostic], unsafe: bool = False) -> tuple[str, list[Diagnostic]]:
    """``text`` with every usable fix that does not overlap an earlier one applied; and the diagnostics fixed."""
    starts = _line_starts(text)
    taken: list[tuple[int, int]] = []
    planned: list[tuple[int, int, str]] = []
    fixed: list[Diagnostic] = []
    for diag in diagnostics:
        if not usable(diag, unsafe):
            continue
        assert diag.fix is not None
        spans = [_span(edit, text, starts) for edit in diag.fix.edits]
        if any(span is None for span in spans):
            continue
        edits = [(span[0], span[1], edit.new) for span, edit in zip(spans, diag.fix.edits, strict=True) if span]
        if any(_overlaps((start, end), span) for start, end, _ in edits for span in taken):
            continue
        taken.extend((s, e) for s, e, _ in edits)
        planned.extend(edits)
        fixed.append(diag)
    out = text
    for start, end, new in sorted(planned, reverse=True):
        out = out[:start] + new + out[end:]
    return out, fixed


@dataclass
class FixOutcome:
    """What ``--fix`` did to one text: the new text and the fixes applied, in the order applied."""

    text: str
    fixed: list[Diagnostic]

    @property
    def changed(self) -> bool:
        return bool(self.fixed)


def fix_text(text: str, check: Callable[[str], Sequence[Diagnostic]], unsafe: bool = False) -> FixOutcome:
    """Fix, check again, fix what is left, until nothing changes (at most :data:`MAX_PASSES` passes)."""
    fixed: list[Diagnostic] = []
    current = text
    for _ in range(MAX_PASSES):
        current_next, applied = apply_fixes(current, check(current), unsafe)
        if not applied or current_next == current:
            break
        fixed.extend(applied)
        current = current_next
    return FixOutcome(current, fixed)


def unified_diff(before: str, after: str, name: str) -> str:
    """A unified diff of one file, as ``git diff`` and ``ruff --diff`` show it (empty when equal)."""
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=f"a/{name}", tofile=f"b/{name}")
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
