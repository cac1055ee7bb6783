"""The boards' fixed wording: Jinja2 templates in ``templates/``, parsed into blocks.

附表 2-6 and 2-7 print several hundred characters of regulation text that must appear
exactly as the regulation words them, and 2-1 and 2-4 each print one fixed line.  That
text lives in ``templates/*.txt.j2`` rather than in Python string literals so that the
wording can be proof-read against the regulation in one place, and so that every
deviation from the plain-text copy (only punctuation: its half-width ``;,:()`` become
full-width) is documented in a ``{# … #}`` comment at the top of the template itself.

The bulletin templates use a small line-based markup instead of carrying layout:

``= 标题``
    the board's title
``## 栏目``
    a section heading (举报范围, 举报奖励 …)
``- 文字``
    a list item; the number ``（一）（二）…`` is *not* written in the template but
    generated here, restarting with every list, so the template cannot misnumber
    and the layout decides how a number is set beside its text
``@ 标签|文字``
    one line of the 举报渠道 block: ``市级`` or ``县级``, then the channel text
any other non-blank line
    a paragraph; blank lines are ignored

Templates are rendered in Jinja2's sandbox with ``StrictUndefined``: a variable the
code forgot to pass is an error naming the variable (rule SK401), never an empty
string silently printed on a three-metre board.
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
