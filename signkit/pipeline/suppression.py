"""Inline suppression: which diagnostics a ``# signkit: ignore[…]`` comment silences, and which comments are wrong.

The rule (README, 「像 ruff 一样使用」):

* at the end of a line, the comment silences the listed rules' diagnostics located on
  that line;
* on a line of its own, it silences them on the next line that is not a comment and
  anywhere inside the item (mapping entry or list item) that starts on that line — so
  one comment above ``- 名称: 焊工`` covers that whole post;
* a bare ``# signkit: ignore`` (no ids) silences nothing and is SK017, like ruff's
  blanket ``noqa`` warning: a comment that hides every future problem hides the next
  real one too; an id that does not exist is SK017, one that cannot be ignored SK018
  (:data:`~signkit.pipeline.selection.UNIGNORABLE`), and a listed rule that silenced
  nothing is SK016, so stale comments do not pile up.

Workbooks have no comments: there, suppression is by ``--ignore`` and ``signkit.toml`` only.
"""

from __future__ import annotations

from collections.abc import Sequence

from signkit.codes import CODES, default_severity
from signkit.diagnostics import Diagnostic, Edit, Fix, KeyPath, Location, Severity
from signkit.load.sourcemap import SourceMap
from signkit.load.suppress import Suppression, find_suppressions
from signkit.pipeline.selection import UNIGNORABLE, unignorable_note


def _starts(source: SourceMap) -> dict[int, KeyPath]:
    """Line → the outermost item that starts on it: a mapping entry at its key, a list item at its first character.

    A collection's own start is not an item's: a block list under ``岗位:`` starts at its
    first ``-``, but a comment above that ``-`` is about the first post, not every post.
    """
    out: dict[int, KeyPath] = {}
    entries = [*source.keys.items(), *((path, at) for path, at in source.values.items() if path and isinstance(path[-1], int))]
    for path, (line, _column) in entries:
        known = out.get(line)
        if known is None or len(path) < len(known):
            out[line] = path
    return out


def apply_suppressions(diagnostics: list[Diagnostic], found: Sequence[Suppression] | str,
                       source: SourceMap) -> list[Diagnostic]:
    """``diagnostics`` without the suppressed ones, plus SK016/SK017/SK018 for the comments themselves.

    ``found`` is the file's comments (:func:`~signkit.load.suppress.find_suppressions`), or its text to find them in.
    """
    if isinstance(found, str):
        found = find_suppressions(found)
    if not found:
        return diagnostics
    starts = _starts(source) if any(s.own_line for s in found) else {}
    # (rule, line) and (rule, item path) → the comments that silence them: each diagnostic is looked up,
    # never compared with every comment (a hostile file may hold a hundred thousand of both)
    by_line: dict[tuple[str, int], list[int]] = {}
    by_scope: dict[tuple[str, KeyPath], list[int]] = {}
    notes: list[Diagnostic] = []
    for number, sup in enumerate(found):
        where = Location(source.file, sup.line, sup.column)
        if not sup.rules:
            notes.append(_note("SK017", "不带规则编号的「# signkit: ignore」不起作用：请写明要忽略的规则，"
                               "如「# signkit: ignore[SK218]」", where))
            continue
        scope = starts.get(sup.target) if sup.own_line and sup.target is not None else None
        for rule in dict.fromkeys(sup.rules):
            if rule not in CODES:
                notes.append(_note("SK017", f"忽略注释中的「{rule}」不是规则编号", where, "signkit rules 列出全部规则"))
            elif rule in UNIGNORABLE:
                notes.append(unignorable_note(rule, [rule], where))
            else:
                if sup.target is not None:
                    by_line.setdefault((rule, sup.target), []).append(number)
                if scope is not None:
                    by_scope.setdefault((rule, scope), []).append(number)
    used: set[tuple[int, str]] = set()
    kept: list[Diagnostic] = []
    for diag in diagnostics:
        loc = diag.location
        hits: list[int] = []
        if loc.sheet is None:
            if loc.line is not None:
                hits.extend(by_line.get((diag.rule, loc.line), ()))
            if by_scope:
                for depth in range(1, len(loc.path) + 1):
                    hits.extend(by_scope.get((diag.rule, loc.path[:depth]), ()))
        used.update((number, diag.rule) for number in hits)
        if not hits:
            kept.append(diag)
    for number, sup in enumerate(found):
        unused = [rule for rule in dict.fromkeys(sup.rules)
                  if rule in CODES and rule not in UNIGNORABLE and (number, rule) not in used]
        if unused:
            notes.append(_note("SK016", f"未使用的忽略注释：{'、'.join(unused)} 在这里没有可忽略的问题",
                               Location(source.file, sup.line, sup.column),
                               "问题已经改正时，请删除这条注释（或其中的编号）", _unused_fix(sup, unused)))
    return kept + notes


def _note(rule: str, message: str, where: Location, hint: str | None = None, fix: Fix | None = None) -> Diagnostic:
    return Diagnostic(rule, Severity(default_severity(rule)), message, where, hint, fix=fix)


def _unused_fix(sup: Suppression, unused: list[str]) -> Fix | None:
    """SK016's fix, as ruff's for an unused ``noqa``: take the unused ids out, or the whole comment when none is left.

    Only for a comment whose every id is a rule that can be ignored (anything else is
    the user's to sort out first) and that nothing follows on its line.
    """
    if not sup.written or any(r not in CODES or r in UNIGNORABLE for r in sup.rules):
        return None
    start = sup.column - 1
    if sup.line_text[start + len(sup.written):].strip():
        return None
    kept = [r for r in dict.fromkeys(sup.rules) if r not in unused]
    if kept:
        return Fix((Edit(sup.line, sup.column, sup.written, f"# signkit: ignore[{', '.join(kept)}]"),),
                   f"从忽略注释中删去 {'、'.join(unused)}")
    if sup.own_line:
        return Fix((Edit(sup.line, 1, sup.line_text + "\n", ""),), "删除未使用的忽略注释")
    before = len(sup.line_text[:start]) - len(sup.line_text[:start].rstrip())
    written = sup.line_text[start - before:start + len(sup.written)]
    return Fix((Edit(sup.line, sup.column - before, written, ""),), "删除未使用的忽略注释")
