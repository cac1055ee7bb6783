"""Which rules a run reports: ``--select`` / ``--ignore`` and ``[check]`` in ``signkit.toml``, as ruff does it.

A selector is a rule id (``SK218``), a prefix of one (``SK2``, ``SK21``) or ``ALL``.
Settings come in layers — the config file, then the command line — and each layer is
applied to what the one before left, as ruff resolves them: a layer's ``select``
replaces the set, ``extend-select`` adds to it, ``ignore`` takes away; within a layer
the more specific selector wins (``--ignore SK2 --select SK218`` keeps SK218).

Some findings are not the user's to silence (:data:`UNIGNORABLE`): when nothing can be
printed (the file cannot be read, a required value is missing or not valid, a sign or
a size cannot be read) or what would be printed is wrong (a character no font has — a
box, "tofu" — or text that does not fit and would be cut).  Ignoring them has no
effect and says so (SK018), so ``render`` never prints tofu or clips text because of
an ``--ignore``.
"""

from __future__ import annotations

import difflib
import fnmatch
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from signkit.codes import CODES
from signkit.diagnostics import Diagnostic, Location, Severity
from signkit.errors import SignkitError

#: Rules an ignore (command line, config or inline comment) cannot silence, and why (docs/selection in README).
UNIGNORABLE: frozenset[str] = frozenset({
    # the file could not be read or understood: there is no data at all
    *(code for code in CODES if code.startswith("SK0") and code not in ("SK016", "SK017", "SK018")),
    # a required value is missing or not valid: the board would print a blank or a stand-in
    "SK102", "SK103", "SK104", "SK105", "SK106", "SK107", "SK225",
    # printed wrong: invisible characters, a character no font has (tofu), text that does not fit (clipped)
    "SK227", "SK301", "SK302", "SK303", "SK306", "SK307", "SK501", "SK505",
    # the final print was asked for (--no-final is how to print a draft): a stand-in font must stop it
    "SK309",
    # a safety sign that cannot be drawn
    "SK701", "SK702", "SK703", "SK704", "SK706", "SK711", "SK712",
    # writing the output, and a workbook that cannot be read
    "SK801", "SK802", "SK804", "SK805", "SK901", "SK902", "SK903", "SK909", "SK910", "SK917",
})

#: Findings about the suppression comments and ignores themselves, not about any board's data: they
#: fail ``check --strict`` like any warning, but never keep a board from being made.
ABOUT_IGNORES: frozenset[str] = frozenset({"SK016", "SK017", "SK018"})

_SELECTOR = re.compile(r"^(ALL|SK\d{0,3})$")


class SelectorError(SignkitError, ValueError):
    """A selector that names no rule; the message is Chinese and suggests the nearest one."""


def check_selector(text: str) -> str:
    """``text`` as a selector (upper-cased), or :class:`SelectorError` when it names no rule."""
    selector = text.strip().upper()
    if _SELECTOR.match(selector) and (selector == "ALL" or any(code.startswith(selector) for code in CODES)):
        return selector
    candidates = [*CODES, "ALL"]
    close = difflib.get_close_matches(selector, candidates, n=1, cutoff=0.6)
    hint = f"，是否想写「{close[0]}」？" if close else "（规则编号如 SK218，前缀如 SK2、SK21，或 ALL；signkit rules 列出全部）"
    raise SelectorError(f"未知的规则编号或前缀「{text.strip()}」{hint}")


def parse_selectors(values: Iterable[str]) -> tuple[str, ...]:
    """Comma-separated selectors (``--ignore SK218,SK219`` or repeated options), checked."""
    out: list[str] = []
    for value in values:
        parts = [part for part in value.split(",") if part.strip()]
        if not parts:  # `--ignore ''` or `--select ,,`: a mistake in a script, not a wish to select nothing
            raise SelectorError(f"规则编号为空（「{value}」）：请写规则编号（如 SK218）、前缀（如 SK2）或 ALL")
        out.extend(check_selector(part) for part in parts)
    return tuple(out)


def _matches(selector: str, rule: str) -> bool:
    return selector == "ALL" or rule.startswith(selector)


def _specificity(selector: str) -> int:
    return 0 if selector == "ALL" else len(selector)


@dataclass(frozen=True)
class Layer:
    """One source of settings: ``select`` (``None`` keeps what came before), ``extend_select``, ``ignore``."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    #: Glob of the file name as shown (``工地/*.yaml``) → selectors ignored for those files.
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: Where each ignore was written, for SK018 (a config file's line; the command line).
    origin: Location = field(default_factory=lambda: Location("命令行"))


@dataclass(frozen=True)
class Selection:
    """The rules a run reports, resolved from its layers (config first, then command line)."""

    layers: tuple[Layer, ...] = ()

    def enabled(self, file: str = "") -> frozenset[str]:
        """Rule ids reported for ``file`` (its shown name, for per-file ignores)."""
        rules = set(CODES)
        for layer in self.layers:
            chosen = rules
            picks = (*(layer.select or ()), *layer.extend_select)
            if layer.select is not None:
                chosen = {rule for rule in CODES if any(_matches(s, rule) for s in layer.select)}
            chosen |= {rule for rule in CODES if any(_matches(s, rule) for s in layer.extend_select)}
            ignores = list(layer.ignore)
            shown = file.replace("\\", "/").removeprefix("./")
            for pattern, selectors in layer.per_file_ignores:
                if shown and (fnmatch.fnmatch(shown, pattern) or fnmatch.fnmatch(shown.rsplit("/", 1)[-1], pattern)):
                    ignores.extend(selectors)
            for rule in list(chosen):
                ignored = max((_specificity(s) for s in ignores if _matches(s, rule)), default=-1)
                picked = max((_specificity(s) for s in picks if _matches(s, rule)), default=-1)
                if ignored >= 0 and ignored >= picked:
                    chosen.discard(rule)
            rules = chosen
        return frozenset(rules)

    def keeps(self, diag: Diagnostic, enabled: frozenset[str]) -> bool:
        """Whether ``diag`` is reported: its rule is enabled, or it cannot be ignored."""
        return diag.rule in enabled or diag.rule in UNIGNORABLE

    def notes(self) -> list[Diagnostic]:
        """SK018 for every ignore that names a rule that cannot be ignored (once per selector written)."""
        out: list[Diagnostic] = []
        for layer in self.layers:
            written = [*layer.ignore, *(s for _, selectors in layer.per_file_ignores for s in selectors)]
            for selector in dict.fromkeys(written):
                stuck = sorted(rule for rule in UNIGNORABLE if _matches(selector, rule))
                if stuck:
                    out.append(unignorable_note(selector, stuck, layer.origin))
        return out


def unignorable_note(selector: str, rules: Sequence[str], where: Location) -> Diagnostic:
    """SK018: ignoring ``selector`` has no effect on ``rules``."""
    named = "、".join(rules[:6]) + ("等" if len(rules) > 6 else "")
    what = selector if [selector] == list(rules) else f"{selector} 中的 {named}"
    return Diagnostic("SK018", Severity.WARNING, f"忽略 {what} 无效：这类问题不能忽略，照常报告", where,
                      "文件读不了、必填的值缺失或无效、缺字、文字放不下或标志画不出时，牌不能照样印出；请改正问题本身")


def filter_report(diagnostics: list[Diagnostic], selection: Selection | None, file: str) -> list[Diagnostic]:
    """``diagnostics`` without those whose rule is not selected (unignorable rules always stay)."""
    if selection is None or not selection.layers:
        return diagnostics
    enabled = selection.enabled(file)
    return [d for d in diagnostics if selection.keeps(d, enabled)]
