"""How the 附表 number their lists: 1 → （一）, 12 → （十二）.

Shared by the board layouts (hanging numbers in lists) and the fixed wording of 2-6 and
2-7 (numbered items in the templates), which must number the same way.
"""

from __future__ import annotations

_DIGITS = "一二三四五六七八九"


def chinese_ordinal(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九.

    The regulation numbers its lists （一）…（十二）; 99 is far beyond any list a board
    can hold, so larger numbers are refused rather than spelled out wrongly.
    """
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 99:
        raise ValueError(f"chinese_ordinal expects an integer from 1 to 99, got {n!r}")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens - 1] + "十")
    return head + (_DIGITS[ones - 1] if ones else "")


def numbered(n: int) -> str:
    """The regulation's item number with full-width parentheses: 1 → ``（一）``."""
    return f"（{chinese_ordinal(n)}）"
