"""File names for the boards: readable, unique, and safe whatever the data says.

File names come from the data (``2-2_合成车间_企业安全生产责任牌.pdf``), so they are
sanitised here, in one place: nothing a site file says can make a path leave OUTDIR,
name a device, or hide a control character.  ``publish``, the print-shop companions and
``preview`` all name files through this module, so a board has the same name in each.
"""

from __future__ import annotations

import re
import unicodedata

from signkit.plan.boards import risk_point_name
from signkit.render.built import BuildResult, BuiltBoard

#: How long a name made from data may be, in bytes of UTF-8, as file systems count (most allow 255 bytes a
#: component; a board's file name adds its 附表, its kind and signkit's temporary-file prefix and suffix).
MAX_NAME_BYTES = 120


#: Characters no file name may hold on some system, each written as its full-width form: 操作工/电工 and
#: 操作工_电工 stay two different files, and the name still reads as the data says (a Chinese user writes
#: ／ and ： in file names anyway).
_FULL_WIDTH = str.maketrans({"/": "／", "\\": "＼", ":": "：", "*": "＊", "?": "？", '"': "＂", "<": "＜", ">": "＞",
                             "|": "｜"})


_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)


def safe_name(text: str) -> str:
    """A file-name component made from user data: no separators, controls, dots at the ends or devices."""
    cleaned = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp"))
    cleaned = cleaned.translate(_FULL_WIDTH)
    cleaned = re.sub(r"\s+", "_", cleaned).strip("._ ")
    cleaned = _cut(cleaned, MAX_NAME_BYTES).rstrip("._ ")
    if not cleaned:
        cleaned = "未命名"
    if _RESERVED.match(cleaned):
        cleaned = f"_{cleaned}"
    return cleaned


def _cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` bytes of UTF-8, at a character boundary (a character outside the BMP is 4)."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", errors="ignore")


def board_filename(built: BuiltBoard) -> str:
    """``2-2_合成车间_企业安全生产责任牌.pdf``: the 附表, what the board is for (in full), and the board's name.

    A 2-4 is named by its risk point without the level (the same board is reprinted when
    the level changes); two risk points in one workplace differ by their own names.
    """
    planned = built.planned
    if planned.form_id.startswith("2-1") or planned.form_id in ("2-6", "2-7"):
        return f"{planned.form_id}_{safe_name(planned.title)}.pdf"
    subject = risk_point_name(planned.subject) if planned.form_id == "2-4" else planned.subject
    return f"{planned.form_id}_{safe_name(subject)}_{safe_name(planned.form_name)}.pdf"


def assign_names(result: BuildResult) -> list[str]:
    """Readable, unique file names for the boards, in order."""
    names: list[str] = []
    used: set[str] = set()
    for built in result.boards:
        name = board_filename(built)
        stem, counter = name[:-4], 2
        while name in used:
            name, counter = f"{stem}_{counter}.pdf", counter + 1
        used.add(name)
        names.append(name)
    return names
