"""Glyph coverage: which font prints each character, checked before rendering.

A 楷体_GB2312 font has only the GB2312 characters; a worker's rare surname (堃, 喆)
is simply not in it, and ReportLab would draw an empty box without complaint.  So
every character of every field is looked up in its role's fallback chain first:
found in the chosen font, fine; found only in a later font, a warning (SK305),
because the board will mix two designs; found nowhere, an error (SK306), because the
printed board would be missing a character.  Messages name the character, its code
point, the field's location and the fonts, so the user can fix the one field.

The renderer uses :func:`font_for_char` / :func:`split_runs` so that what is drawn is
exactly what was checked.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from signkit.diagnostics import Diagnostic, Location, Severity
from signkit.fonts.fontfile import load_cmap
from signkit.fonts.model import ROLE_LABELS, FontSet, ResolvedFont, Role
from signkit.fonts.resolve import CLI_OPTIONS


@dataclass(frozen=True)
class TextItem:
    """One field's text, the role that prints it, and where it was written."""

    role: Role
    text: str
    location: Location


def cmap_of(font: ResolvedFont) -> frozenset[int]:
    """The code points ``font`` has glyphs for (loaded once per face, then cached)."""
    return load_cmap(font.path, font.face_index)


def font_for_char(ch: str, chain: Sequence[ResolvedFont]) -> ResolvedFont | None:
    """The first font in ``chain`` that has ``ch``; ``None`` when none has it."""
    cp = ord(ch)
    for font in chain:
        if cp in cmap_of(font):
            return font
    return None


def split_runs(text: str, chain: Sequence[ResolvedFont]) -> list[tuple[ResolvedFont | None, str]]:
    """Cut ``text`` into runs that one font prints, for drawing with font switches.

    Whitespace stays in the run it is in (it is not glyph-checked), except after a
    character no font has: such characters get runs of their own with ``None``, which
    the caller reports or skips, and must not swallow the spaces around them.
    """
    runs: list[tuple[ResolvedFont | None, str]] = []
    default: ResolvedFont | None = chain[0] if chain else None
    current = default
    buffer = ""
    for ch in text:
        font = (current or default) if ch.isspace() else font_for_char(ch, chain)
        if buffer and font is not current:
            runs.append((current, buffer))
            buffer = ""
        current = font
        buffer += ch
    if buffer:
        runs.append((current, buffer))
    return runs


#: A text cut into runs, one font each (``None``: a character no font has).
Runs = tuple[tuple[ResolvedFont | None, str], ...]

_runs: dict[tuple[tuple[ResolvedFont, ...], str], Runs] = {}


def font_runs(text: str, chain: tuple[ResolvedFont, ...]) -> Runs:
    """:func:`split_runs`, remembered per chain and text.

    The renderer cuts every text of a board into runs to list the faces the file embeds
    and again to draw it, and a batch draws the same labels on every enterprise's boards;
    cutting walks the fallback chain character by character (about 1 µs a character).
    The key holds the whole chain, so another font set never gets this one's runs.
    """
    key = (chain, text)
    found = _runs.get(key)
    if found is None:
        if len(_runs) >= 50_000:  # bounded: a long batch draws a great many different names
            _runs.clear()
        found = _runs[key] = tuple(split_runs(text, chain))
    return found


def codepoint(ch: str) -> str:
    """``U+5586``, ``U+20000``: the form used in messages."""
    return f"U+{ord(ch):04X}"


def describe_char(ch: str) -> str:
    """How a character is named in a message; invisible ones by their Unicode name."""
    category = unicodedata.category(ch)
    if category == "Co":
        return f"私用区字符（{codepoint(ch)}）"
    if category[0] in "CZM":
        name = unicodedata.name(ch, "")
        return f"不可见字符 {codepoint(ch)}" + (f"（{name}）" if name else "")
    return f"字符“{ch}”（{codepoint(ch)}）"


class _LazyChain:
    """A role's chain whose character maps are loaded only when first needed.

    Most text is fully covered by the first font, so the fallback's map (tens of
    milliseconds for a large CJK font) is often never read.
    """

    def __init__(self, chain: Sequence[ResolvedFont]) -> None:
        self.fonts = tuple(chain)
        self._maps: list[frozenset[int] | None] = [None] * len(self.fonts)

    def has(self, position: int, cp: int) -> bool:
        cmap = self._maps[position]
        if cmap is None:
            cmap = cmap_of(self.fonts[position])
            self._maps[position] = cmap
        return cp in cmap

    def find(self, cp: int) -> int | None:
        for position in range(len(self.fonts)):
            if self.has(position, cp):
                return position
        return None


#: Characters found in a face (or white space), per face: most texts hold only those, and a
#: set comparison skips them without looking at each character again.  Kept for the
#: process: a batch's enterprises write mostly the same few thousand characters.
_PRINTABLE: dict[tuple[str, int], set[str]] = {}


def check_coverage(items: Iterable[TextItem], fontset: FontSet) -> list[Diagnostic]:
    """Check every non-whitespace character against its role's chain.

    Returns SK305 warnings (printed by a fallback font) and SK306 errors (in no font),
    in the order the items were given; each missing character is reported once per
    location, however often it occurs there.
    """
    chains = {role: _LazyChain(fontset.chain(role)) for role in ("title", "body")}
    printable = {role: _PRINTABLE.setdefault(chain.fonts[0].key, set()) if chain.fonts else set()
                 for role, chain in chains.items()}
    seen: set[tuple[Role, str, Location]] = set()
    out: list[Diagnostic] = []
    for item in items:
        chain = chains[item.role]
        known = printable[item.role]
        if not chain.fonts or known.issuperset(item.text):
            continue
        first_map_has = chain.has
        for offset, ch in _unique_chars(item.text):
            cp = ord(ch)
            if first_map_has(0, cp) or ch.isspace():
                known.add(ch)
                continue
            key = (item.role, ch, item.location)
            if key in seen:
                continue
            seen.add(key)
            out.append(_diagnose(item, ch, offset, chain))
    return out


def _unique_chars(text: str) -> Iterable[tuple[int, str]]:
    seen: set[str] = set()
    for offset, ch in enumerate(text):
        if ch not in seen:
            seen.add(ch)
            yield offset, ch


def _diagnose(item: TextItem, ch: str, offset: int, chain: _LazyChain) -> Diagnostic:
    role_label = ROLE_LABELS[item.role]
    first = chain.fonts[0]
    position = chain.find(ord(ch))
    extra = {
        "char": ch,
        "codepoint": codepoint(ch),
        "role": item.role,
        "offset": offset,
        "first_font": first.family,
    }
    if position is not None:
        used = chain.fonts[position]
        extra["font"] = used.family
        return Diagnostic(
            "SK305",
            Severity.WARNING,
            f"{describe_char(ch)}不在{role_label}字体“{first.label}”中，将由后备字体“{used.label}”印出",
            item.location,
            hint=f"同一行会混用两种字体；如需统一，请用 {CLI_OPTIONS[item.role]} 换用含此字的字体",
            extra=extra,
        )
    others = "、".join(f"“{f.label}”" for f in chain.fonts[1:])
    absent = f"在{role_label}字体“{first.label}”及后备字体{others}中都没有" if others else f"不在{role_label}字体“{first.label}”中"
    if unicodedata.category(ch) == "Co":
        hint = "私用区字符通常来自输入法造字或从其他文档复制，请改用标准汉字或去掉该字符"
    else:
        hint = f"请用 {CLI_OPTIONS[item.role]} 换用含此字的字体，或改写该字"
    return Diagnostic(
        "SK306",
        Severity.ERROR,
        f"{describe_char(ch)}{absent}，无法印出",
        item.location,
        hint=hint,
        extra=extra,
    )
