"""One enterprise as read from a workbook, and how read values are placed into its data.

Why a module of its own: both readers — the one for an enterprise's own workbook
(:mod:`signkit.excel.site_reader`) and the one for a regulator's roster
(:mod:`signkit.excel.roster_reader`) — produce the same thing, and the check pipeline
consumes it without knowing which read it.  The data must be exactly what
:func:`signkit.load.yaml_tree.parse_yaml` would give for a site file (nested dicts and
lists, empty optional values left out, empty required ones kept as ``None`` so that
validation reports them at their cell).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from signkit.diagnostics import Diagnostic, KeyPath
from signkit.excel.cellmap import CellMap, Pattern, matches
from signkit.excel.columns import field_info, is_required
from signkit.excel.values import Value


@dataclass
class ImportedSite:
    """One enterprise read from a workbook: its data, where each value came from, what was noticed."""

    name: str
    data: dict[str, Any]
    source: CellMap
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: Paths whose absence a missing column or sheet already explains (their SK102 is not repeated).
    muted: list[Pattern] = field(default_factory=list)
    #: The roster row this enterprise was read from (``None`` for a workbook of one enterprise).
    row: int | None = None
    #: (rule, key path) of problems the reader has already explained better (a 风险等级 left empty because the
    #: list's word for it is ambiguous is not also "不能为空").
    explained: list[tuple[str, KeyPath]] = field(default_factory=list)

    def explains(self, diag: Diagnostic) -> bool:
        """Whether ``diag`` only repeats a missing column or sheet, or a value the reader explained, already reported."""
        if (diag.rule, diag.location.path) in self.explained:
            return True
        return diag.rule == "SK102" and any(matches(diag.location.path, p) for p in self.muted)


def set_value(target: dict[str, Any], key: KeyPath, value: Any) -> None:
    """``target[a][b][0][c] = value``, creating mappings and list items on the way."""
    node: Any = target
    for part, following in itertools.pairwise(key):
        fresh: Any = [] if isinstance(following, int) else {}
        if isinstance(part, int):
            while len(node) <= part:
                node.append(fresh)
                fresh = [] if isinstance(following, int) else {}
            node = node[part]
        else:
            node = node.setdefault(part, fresh)
    node[key[-1]] = value


def assign_values(data: dict[str, Any], values: dict[KeyPath, Value]) -> None:
    """Values by key path into ``data``, as a site file would hold them.

    An optional mapping whose values are all empty is left out (an empty 县级举报渠道 is
    no channel at all); within a mapping that is there, an empty required value is kept
    as ``None`` so that validation reports it at its cell, and an empty optional one is
    left out.
    """
    groups: dict[KeyPath, list[KeyPath]] = {}
    for path in values:
        groups.setdefault(path[:-1], []).append(path)
    for parent, paths in groups.items():
        if all(values[p] is None for p in paths) and not is_required(parent):
            continue
        for path in paths:
            info = field_info(path)
            if values[path] is not None or (info is not None and info.is_required()):
                set_value(data, path, values[path])
