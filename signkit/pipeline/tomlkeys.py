"""Where each key of a TOML file is written: line and column by full key path.

``tomllib`` gives values without positions, and a message about ``mode`` must point at
the ``mode`` of ``[fonts]``, not at the first ``mode =`` anywhere in the file.  This
scanner follows table headers (``[print.stamp]``, ``[tool.signkit.fonts]``), dotted keys
(``fonts.mode = …`` at the top, ``bleed."2-5" = 3``) and inline tables
(``stamp = { "2-5" = "off" }``), which is all the configuration file needs; it never
decides what is valid (``tomllib`` has done that before it runs).
"""

from __future__ import annotations

import json
import re

#: A full key path, as ``tomllib`` nests it: ``("print", "bleed", "2-5")``.
KeyPath = tuple[str, ...]

_BARE = re.compile(r"[A-Za-z0-9_-]+")


def _unescape(raw: str) -> str:
    """A basic string's escapes (``\\"``, ``\\u6807``), which are JSON's; anything else is kept as written."""
    try:
        value = json.loads(f'"{raw}"')
    except ValueError:
        return raw
    return value if isinstance(value, str) else raw


def _key(text: str, start: int) -> tuple[list[tuple[str, int]], int] | None:
    """A (dotted) key at ``start``: its parts with their columns (0-based), and where it ends."""
    parts: list[tuple[str, int]] = []
    pos = start
    while True:
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        if pos >= len(text):
            return None
        if text[pos] in "\"'":
            quote = text[pos]
            end = pos + 1
            while end < len(text) and text[end] != quote:
                end += 2 if text[end] == "\\" and quote == '"' else 1
            if end >= len(text):
                return None
            raw = text[pos + 1:end]
            parts.append((_unescape(raw) if quote == '"' and "\\" in raw else raw, pos))
            pos = end + 1
        else:
            match = _BARE.match(text, pos)
            if match is None:
                return None
            parts.append((match.group(), pos))
            pos = match.end()
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        if pos < len(text) and text[pos] == ".":
            pos += 1
            continue
        return parts, pos


def _assignment(text: str, start: int) -> tuple[list[tuple[str, int]], int] | None:
    """A key followed by ``=`` at ``start``: its parts and where its value begins; ``None`` for anything else."""
    parsed = _key(text, start)
    if parsed is None:
        return None
    parts, pos = parsed
    if pos >= len(text) or text[pos] != "=":
        return None
    return parts, pos + 1


def _inline(text: str, start: int, prefix: KeyPath, line: int, found: dict[KeyPath, tuple[int, int]]) -> None:
    """The keys of an inline table ``{ a = 1, b = { c = 2 } }`` opening at ``start``."""
    pos = start + 1
    while pos < len(text):
        parsed = _assignment(text, pos)
        if parsed is None:
            return
        parts, pos = parsed
        path = (*prefix, *(name for name, _ in parts))
        found.setdefault(path, (line, parts[0][1] + 1))
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        if pos < len(text) and text[pos] == "{":
            _inline(text, pos, path, line, found)
        depth, quote = 0, ""
        while pos < len(text):  # skip the value up to the next comma at this level
            char = text[pos]
            if quote:
                quote = "" if char == quote else quote
            elif char in "\"'":
                quote = char
            elif char in "[{":
                depth += 1
            elif char in "]}":
                if depth == 0:
                    return
                depth -= 1
            elif char == "," and depth == 0:
                pos += 1
                break
            pos += 1


def key_positions(text: str) -> dict[KeyPath, tuple[int, int]]:
    """Every table header and key of ``text``: full path → (line, column), both 1-based.

    A table's own entry is its header (or, for a table only implied by dotted keys, the
    first key that makes it).  Multi-line strings are skipped so that text inside one
    is never taken for a key.
    """
    found: dict[KeyPath, tuple[int, int]] = {}
    table: KeyPath = ()
    in_string = ""
    for number, line in enumerate(text.splitlines(), start=1):
        if in_string:
            if in_string in line:
                in_string = ""
            continue
        stripped = line.lstrip()
        indent = len(line) - len(stripped)
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("["):
            array = stripped.startswith("[[")
            parsed = _key(line, indent + (2 if array else 1))
            if parsed is not None:
                table = tuple(name for name, _ in parsed[0])
                for depth in range(1, len(table) + 1):
                    found.setdefault(table[:depth], (number, indent + 1))
            continue
        parsed = _assignment(line, indent)
        if parsed is None:
            continue
        parts, pos = parsed
        path = (*table, *(name for name, _ in parts))
        for depth in range(len(table) + 1, len(path) + 1):
            found.setdefault(path[:depth], (number, parts[0][1] + 1))
        rest = line[pos:].lstrip()
        if rest.startswith("{"):
            _inline(line, len(line) - len(rest), path, number, found)
        for quote in ('"""', "'''"):
            if rest.startswith(quote) and rest.count(quote) == 1:
                in_string = quote
    return found


def locate(positions: dict[KeyPath, tuple[int, int]], path: KeyPath) -> tuple[int, int] | None:
    """The position of ``path``, or of the nearest enclosing table that is written down."""
    for depth in range(len(path), 0, -1):
        if path[:depth] in positions:
            return positions[path[:depth]]
    return None
