"""A leader written as 姓名（职务） in one cell → the name and the title the site file keeps apart.

Why: rosters and supervision sheets write the responsible leader as ``任俊峰（局长）``,
``高志强 局长``, ``局长 杨晓东`` or ``薛志宏,局长`` in a column headed
``责任领导（姓名、职务）``.  The 2-1 board prints the name, and the rules judge the title
(挂牌说明 asks for a 主要负责人 or a 分管领导), so the two must be separated.  A cell is
split only when one part is plainly a title (ends in 局长, 县长, 主任 …) and the other
plainly a name (two to four Chinese characters); anything else is left as written.
"""

from __future__ import annotations

import re
import unicodedata

#: How titles of office end (or begin): 局长, 副县长, 党组书记, 大队长, 四级调研员, 矿山安全监管专员 …
_TITLE = re.compile(r"(?:长|主任|书记|主席|委员|常委|政委|教导员|调研员|科员|专员|经理|干事|监察员|总工程师|负责人|成员|部长|"
                    r"工程师|总监|助理|秘书)$")
_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}(?:·[\u4e00-\u9fff]{1,6})?")


def is_title(text: str) -> bool:
    """Whether ``text`` reads as a title of office (党组书记、局长 included)."""
    return bool(text) and all(_TITLE.search(part) for part in re.split(r"[、，,兼]", text) if part)


def split_leader(text: str) -> tuple[str, str] | None:
    """``任俊峰（局长）`` → (任俊峰, 局长); ``局长 杨晓东`` → (杨晓东, 局长); ``None`` when it is not plainly both."""
    value = unicodedata.normalize("NFKC", text).strip()
    match = re.fullmatch(r"(.+?)\s*\((.+?)\)", value)
    if match is not None:
        parts = [match.group(1).strip(), match.group(2).strip()]
    else:
        parts = [p for p in re.split(r"\s*[,/，]\s*|\s+", value, maxsplit=1) if p]
    if len(parts) != 2:
        return None
    first, second = parts
    if _NAME.fullmatch(first) and not is_title(first) and is_title(second):
        return first, second
    if _NAME.fullmatch(second) and not is_title(second) and is_title(first):
        return second, first
    return None
