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

import enum
from dataclasses import dataclass, field
from typing import Any, Literal

#: A key path as the user wrote it: mapping keys are the user's own (Chinese) keys,
#: list positions are ints.  ``("工作场所", 2, "班组", 0, "负责人")``.
KeyPath = tuple[str | int, ...]


class Severity(enum.Enum):
    """How bad a diagnostic is.  ``--strict`` turns warnings into errors."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        """The Chinese word shown to people."""
        return {"error": "错误", "warning": "警告", "info": "说明"}[self.value]


def format_path(path: KeyPath) -> str:
    """Render a key path the way the user reads it: ``工作场所[2].班组[0].负责人``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out


@dataclass(frozen=True)
class Location:
    """Where a diagnostic points.

    ``line`` and ``column`` are 1-based and count characters, as editors do.  For a
    workbook, ``sheet`` and ``cell`` are set instead (``风险点!D14``).  ``path`` is the
    key path in the user's own wording; it may be empty for file-level problems.
    """

    file: str
    line: int | None = None
    column: int | None = None
    path: KeyPath = ()
    sheet: str | None = None
    cell: str | None = None

    def where(self) -> str:
        """``file:line:col`` (or ``file:sheet!cell``), as much as is known."""
        if self.sheet is not None:
            return f"{self.file}:{self.sheet}!{self.cell or ''}".rstrip("!")
        if self.line is None:
            return self.file
        if self.column is None:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form; keys are stable for machine readers."""
        data: dict[str, Any] = {"file": self.file, "line": self.line, "column": self.column}
        data["path"] = format_path(self.path)
        data["path_parts"] = list(self.path)
        if self.sheet is not None:
            data["sheet"] = self.sheet
            data["cell"] = self.cell
        return data


@dataclass(frozen=True)
class Edit:
    """Replace ``old`` (the exact text the user wrote) at ``line``:``column`` (1-based, characters) with ``new``.

    An edit names the text it expects rather than only a span, so that it is checked
    against the file before it is offered (a quoted or escaped value the emitter could
    not see is left alone) and applied to the user's own bytes: comments, quoting and
    layout around it stay exactly as they were.
    """

    line: int
    column: int
    old: str
    new: str


@dataclass(frozen=True)
class Fix:
    """A correction the diagnostic is sure of, as text edits: what ``signkit check --fix`` applies.

    ``safe`` fixes keep the meaning the user evidently intended (a misspelt key with one
    close match); ``unsafe`` ones are applied only with ``--unsafe-fixes``.
    """

    edits: tuple[Edit, ...]
    #: What the fix does, in Chinese (shown with ``--diff`` and in JSON).
    message: str
    applicability: Literal["safe", "unsafe"] = "safe"


@dataclass(frozen=True)
class Diagnostic:
    """One finding: rule id, severity, Chinese message, location, optional hint."""

    rule: str
    severity: Severity
    message: str
    location: Location
    hint: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    #: A certain correction (``--fix``), when the emitter knows the single right answer.
    fix: Fix | None = field(default=None, compare=False, hash=False)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def render(self) -> str:
        """One line in the GNU form that editors and CI problem matchers parse (``^(.+):(\\d+):(\\d+): (.*)$``).

        ``site.yaml:42:7: 错误：工作场所[2].班组[0].负责人 不能为空 [SK103]``: the place, ``: ``, the level
        in Chinese, the key path in the user's wording, the message, the rule id.  A workbook cell reads
        ``台账.xlsx:风险点!C5: 错误：…``: it has no line and column, so a line matcher rightly leaves it alone
        rather than sending an editor to a line of a zip file.  A hint follows on its own indented line.
        """
        path = format_path(self.location.path)
        text = f"{path} {self.message}" if path else self.message
        where = self.location.where()  # empty for a run-level note that no file or setting chose
        line = f"{where}: " if where else ""
        line += f"{self.severity.label}：{text} [{self.rule}]"
        if self.hint:
            line += f"\n    提示：{self.hint}"
        return line

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "location": self.location.to_dict(),
        }
        if self.hint:
            data["hint"] = self.hint
        if self.fix is not None:
            data["fix"] = {"message": self.fix.message, "applicability": self.fix.applicability,
                           "edits": [{"line": e.line, "column": e.column, "old": e.old, "new": e.new}
                                     for e in self.fix.edits]}
        return data


def sort_key(diag: Diagnostic) -> tuple[str, int, int, str]:
    """Order diagnostics as a reader walks the file: by file, line, column, rule."""
    loc = diag.location
    return (loc.file, loc.line or 0, loc.column or 0, diag.rule)
