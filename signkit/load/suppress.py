"""``# signkit: ignore[SK218]`` comments in a site file, found with their positions.

PyYAML drops comments, so they are found in the text; what is *not* a comment (a
``#`` inside a quoted value or a block scalar, or one not preceded by a space, as in
``1#储罐``) is told apart by the YAML scanner's own scalar tokens, so the answer is the
parser's, not a guess.  The scanner runs only when the text contains the directive at
all: a file without suppressions pays one substring search.

A comment at the end of a line applies to that line; a comment on a line of its own
applies to the next line that is not a comment, and to the whole item (mapping entry or
list item) that starts there.  Which diagnostics that covers is decided by the check
(:mod:`signkit.pipeline.suppression`), which knows the key paths.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import yaml

#: The directive, case-insensitive: ``# signkit: ignore`` optionally followed by ``[ids]``.
_DIRECTIVE = re.compile(r"#\s*signkit\s*:\s*ignore(?![\w-])(?:\s*\[(?P<ids>[^\]]*)\])?", re.IGNORECASE)


@dataclass(frozen=True)
class Suppression:
    """One ``# signkit: ignore[…]`` comment."""

    #: Line and column (1-based) of the ``#``.
    line: int
    column: int
    #: The rule ids as written (upper-cased, in order); empty for a bare ``# signkit: ignore``.
    rules: tuple[str, ...]
    #: The line it applies to: its own (a trailing comment) or the next line that is not a comment.
    target: int | None
    own_line: bool
    #: The directive as written (``# signkit: ignore[SK218]``) and the whole line it is on (no line break):
    #: what a fix for an unused suppression edits.
    written: str = ""
    line_text: str = ""


def _scalar_spans(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]] | None:
    """(start, end) as 0-based (line, column) of every scalar token; ``None`` if the text does not scan."""
    fast = getattr(yaml, "CSafeLoader", None)
    loader = fast(text) if fast is not None else yaml.SafeLoader(text)
    spans: list[tuple[tuple[int, int], tuple[int, int]]] = []
    try:
        while loader.check_token():
            token = loader.get_token()
            if isinstance(token, yaml.ScalarToken):
                spans.append(((token.start_mark.line, token.start_mark.column),
                              (token.end_mark.line, token.end_mark.column)))
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    return spans


def find_suppressions(text: str) -> list[Suppression]:
    """Every suppression comment in ``text``, in file order (none when the text does not scan as YAML)."""
    if "signkit" not in text and "SIGNKIT" not in text.upper():
        return []
    lines = text.split("\n")
    candidates: list[tuple[int, int, re.Match[str]]] = []
    for number, content in enumerate(lines):
        if "#" not in content:
            continue
        for match in _DIRECTIVE.finditer(content):
            start = match.start()
            if start == 0 or content[start - 1] in " \t":
                candidates.append((number, start, match))
    if not candidates:
        return []
    spans = _scalar_spans(text)
    if spans is None:
        return []
    starts = [start for start, _ in spans]  # in file order, never overlapping: a bisection finds the one around
    out: list[Suppression] = []
    for number, column, match in candidates:
        index = bisect.bisect_right(starts, (number, column)) - 1
        if index >= 0 and (number, column) < spans[index][1]:
            continue
        ids = match.group("ids")
        rules = tuple(part.strip().upper() for part in (ids or "").split(",") if part.strip())
        own_line = not lines[number][:column].strip()
        out.append(Suppression(number + 1, column + 1, rules, _target(lines, number) if own_line else number + 1,
                               own_line, match.group(0), lines[number]))
    return out


def _target(lines: list[str], number: int) -> int | None:
    """The 1-based line an own-line comment at ``number`` (0-based) applies to: the next non-comment line, if not blank."""
    for index in range(number + 1, len(lines)):
        stripped = lines[index].strip()
        if stripped.startswith("#"):
            continue
        return index + 1 if stripped else None
    return None
