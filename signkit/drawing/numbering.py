"""How the 附表 number their lists: 1 → （一）, 12 → （十二）.

Shared by the board layouts (hanging numbers in lists) and the fixed wording of 2-6 and
2-7 (numbered items in the templates), which must number the same way.
"""

from __future__ import annotations

_NUMERALS = "零一二三四五六七八九"
_PLACES = ("", "十", "百", "千")
_GROUPS = ("", "万", "亿", "万亿")


def _below_10000(n: int, leading: bool) -> str:
    """0 < n < 10000 in Chinese numerals; ``leading``: the number starts here (十一, not 一十一)."""
    out: list[str] = []
    gap = False
    for place in (3, 2, 1, 0):
        digit = n // 10 ** place % 10
        if digit == 0:
            gap = bool(out)
            continue
        if gap:
            out.append("零")
            gap = False
        if digit == 1 and place == 1 and leading and not out:
            out.append("十")
        else:
            out.append(_NUMERALS[digit] + _PLACES[place])
    return "".join(out)


def chinese_ordinal(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一, 110 → 一百一十, 10001 → 一万零一.

    The regulation numbers its lists （一）…（十二）.  Any count is spelled, because a list
    is as long as the site file makes it: a list of a hundred hazards must number, not fail.
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"chinese_ordinal expects a positive integer, got {n!r}")
    groups: list[int] = []
    while n:
        n, group = divmod(n, 10_000)
        groups.append(group)
    out: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            continue
        if out and (group < 1000 or groups[index + 1] == 0):
            out.append("零")
        out.append(_below_10000(group, leading=not out) + _GROUPS[index])
    return "".join(out)


def numbered(n: int) -> str:
    """The regulation's item number with full-width parentheses: 1 → ``（一）``."""
    return f"（{chinese_ordinal(n)}）"
