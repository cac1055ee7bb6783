"""A source map into a workbook: key path → sheet and cell.

:class:`CellMap` is a :class:`~signkit.load.yaml_tree.SourceMap` whose ``locate`` answers
with a sheet and a cell instead of a line and a column, so validation
(:func:`~signkit.model.validate.validate_site`), the content rules, glyph coverage and
layout all run unchanged on imported data and report ``模板.xlsx:风险点!D14``.

As in a YAML source map, a path that was not written (a missing key) is located at its
nearest ancestor that was, and the location keeps the full path so the message can say
what is missing.  ``values`` is filled as well (with row and column) because some rules
ask whether a path was written at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from signkit.diagnostics import Diagnostic, KeyPath, Location
from signkit.excel.grid import coordinate, parse_coordinate
from signkit.load.yaml_tree import SourceMap

#: A key path pattern: ``"*"`` matches any one key or list position.
Pattern = tuple[str | int, ...]


@dataclass
class CellMap(SourceMap):
    """Where each key path of imported data was read: ``(sheet, "D14")``."""

    cells: dict[KeyPath, tuple[str, str]] = field(default_factory=dict)
    #: Sheet names in workbook order (diagnostics are sorted by it).
    sheets: list[str] = field(default_factory=list)
    #: Where a path with no located ancestor points (a roster row's first cell), if anywhere.
    fallback: tuple[str, str] | None = None

    def put(self, path: KeyPath, sheet: str, row: int, col: int) -> None:
        """Record that ``path`` was read from ``sheet`` at (row, col); the first place wins."""
        if path not in self.cells:
            self.cells[path] = (sheet, coordinate(row, col))
            self.values[path] = (row, col)
            if sheet not in self.sheets:
                self.sheets.append(sheet)

    def cell_of(self, path: KeyPath) -> str | None:
        """``风险点!D14`` for a path read from a cell, else ``None``."""
        found = self.cells.get(path)
        return f"{found[0]}!{found[1]}" if found else None

    def locate(self, path: KeyPath, *, key: bool = False) -> Location:
        """The cell ``path`` was read from, or that of its nearest ancestor (``key`` is irrelevant here)."""
        probe = path
        while True:
            found = self.cells.get(probe)
            if found is not None:
                return Location(self.file, path=path, sheet=found[0], cell=found[1])
            if not probe:
                if self.fallback is not None:
                    return Location(self.file, path=path, sheet=self.fallback[0], cell=self.fallback[1])
                return Location(self.file, path=path)
            probe = probe[:-1]

    def order(self, diag: Diagnostic) -> tuple[int, int, int, str]:
        """Sort key: as a reader walks the workbook (sheet order, row, column), then rule."""
        loc = diag.location
        if loc.sheet is None:
            return (-1, 0, 0, diag.rule)
        sheet = self.sheets.index(loc.sheet) if loc.sheet in self.sheets else len(self.sheets)
        row, col = parse_coordinate(loc.cell or "")
        return (sheet, row, col, diag.rule)


def matches(path: KeyPath, pattern: Pattern) -> bool:
    """Whether ``path`` is ``pattern``, or a prefix of it ending in one of its named keys.

    ``"*"`` matches any one part.  ``(工作场所, 0, 场所主管部门)`` matches the pattern
    ``(工作场所, *, 场所主管部门, 部门)`` (a mapping missing because its columns are), but
    ``(监管责任, 行业主管部门)`` does not match ``(监管责任, *, 层级)``.
    """
    if not path or len(path) > len(pattern) or pattern[len(path) - 1] == "*":
        return False
    return all(want == "*" or want == got for got, want in zip(path, pattern, strict=False))
