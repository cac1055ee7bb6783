"""Collecting preflight findings into diagnostics, one per distinct problem.

A PDF can set an RGB colour ten thousand times on one page; a print shop wants to
hear it once per page and object, with a count.  :class:`Findings` merges repeats of
the same (place, rule, kind of problem) and keeps the order in which they were found
(page by page), because diagnostics of a PDF have no line numbers to sort by.

A PDF has no lines either, so the location's ``path`` carries the page and the object:
``("第 3 页", "字体 Helvetica")``.
"""

from __future__ import annotations

from dataclasses import dataclass

from signkit.codes import default_severity
from signkit.diagnostics import Diagnostic, KeyPath, Location, Severity


def page_label(index: int) -> str:
    """``第 3 页`` for the page at 0-based ``index``."""
    return f"第 {index + 1} 页"


@dataclass
class _Finding:
    rule: str
    severity: Severity
    message: str
    path: KeyPath
    hint: str | None
    count: int = 1


class Findings:
    """Diagnostics of one file, merged by (path, rule, key) and kept in discovery order."""

    def __init__(self, file: str) -> None:
        self.file = file
        self._items: dict[tuple[KeyPath, str, str], _Finding] = {}
        #: Rules that are only notes for this file, and why (transparency in a PDF/X-4 file).
        self.notes_only: dict[str, str] = {}

    def add(self, rule: str, message: str, path: KeyPath = (), *, key: str | None = None,
            severity: Severity | None = None, hint: str | None = None) -> None:
        """Record a finding; a repeat of the same ``key`` (default: the message) only counts up."""
        level = severity or Severity(default_severity(rule))
        why = self.notes_only.get(rule)
        if why is not None:
            level, message, key = Severity.INFO, f"{message}（{why}）", None if key is None else f"{key}（{why}）"
        ident = (path, rule, message if key is None else key)
        found = self._items.get(ident)
        if found is None:
            self._items[ident] = _Finding(rule, level, message, path, hint)
        else:
            found.count += 1

    def has(self, rule: str) -> bool:
        return any(item.rule == rule for item in self._items.values())

    def diagnostics(self) -> list[Diagnostic]:
        out: list[Diagnostic] = []
        for item in self._items.values():
            message = item.message if item.count == 1 else f"{item.message}（共 {item.count} 处）"
            out.append(Diagnostic(item.rule, item.severity, message, Location(file=self.file, path=item.path),
                                  hint=item.hint))
        return out
