"""The regulation's font names and how a font's own names are matched against them.

The regulation names fonts the way Chinese Windows shows them (黑体, 楷体_GB2312);
the same font file carries English names too (SimHei, KaiTi_GB2312), and users write
either, with varying case, spaces and underscores.  Matching is therefore done on a
normalised form, and only on exact names: "Heiti SC" or "楷体-简" are different
designs and are *not* the mandated fonts.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from signkit.fonts.model import Role

#: Mandated names per role, best first.  Names in one inner tuple are the same font
#: under different names; an earlier group is preferred when several are installed
#: (楷体_GB2312 is what the regulation says; KaiTi is its successor with a larger
#: character set; SimKai is the file name under which older systems ship it).
MANDATED_NAMES: dict[Role, tuple[tuple[str, ...], ...]] = {
    "title": (("黑体", "SimHei"),),
    "body": (("楷体_GB2312", "KaiTi_GB2312"), ("楷体", "KaiTi"), ("SimKai",)),
}

_DROP = frozenset(" \t_-")


def normalize_name(name: str) -> str:
    """Fold case, width and separators: ``"KaiTi_GB2312"`` → ``"kaitigb2312"``."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return "".join(ch for ch in folded if ch not in _DROP)


_RANKS: dict[Role, dict[str, int]] = {
    role: {normalize_name(n): rank for rank, group in enumerate(groups) for n in group} for role, groups in MANDATED_NAMES.items()
}

#: Every normalised mandated name, for cheap pre-filtering (fc-list output).
ALL_MANDATED: frozenset[str] = frozenset(n for ranks in _RANKS.values() for n in ranks)


def mandated_rank(role: Role, normalized_names: Iterable[str]) -> int | None:
    """Best (lowest) rank of any of the font's names for ``role``; ``None`` if not mandated."""
    ranks = _RANKS[role]
    found = [ranks[n] for n in normalized_names if n in ranks]
    return min(found) if found else None


def mandated_label(role: Role) -> str:
    """The mandated names for messages: ``黑体（SimHei）``."""
    groups = MANDATED_NAMES[role]
    first = groups[0]
    others = [n for group in groups for n in group if n != first[0]]
    return f"{first[0]}（{'、'.join(others)}）"
