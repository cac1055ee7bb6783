"""What a 风险分级管控清单 says about a risk's level: the level word, the L·E·C or L·S numbers, the cell's colour.

Why a module of its own: real lists grade risks in many ways and the same word does not
mean the same level in all of them.  This module only *reads*; it decides nothing about
rows or records (:mod:`signkit.excel.ledger` does) and reports nothing.  Its principle:
a level is taken only when its meaning is certain; when a list's own conventions would
be needed to know it, it says so instead of guessing (the user writes the level).

* **Words** — 重大 / 较大 / 一般 / 低, with 风险, a colour (红 … 蓝, also in brackets:
  ``较大风险（橙色）``) or 轻微 / 可接受 for 低.  The LEC band words (极其危险, 高度危险,
  显著危险, 稍有危险) have one meaning; 一般危险 is the LEC band D ≤ 70, i.e. **低**, but
  reads like 一般, so it is taken only when D confirms it.  Codes (Ⅰ–Ⅴ, A–E, 一级–五级,
  1级–5级) run both ways between lists (Ⅰ is 重大 in one, 低 in another), and a bare
  number is a D or R value: all are *ambiguous*.
* **LEC** (作业条件危险性分析, D = L × E × C) — the bands signkit uses: D > 320 重大,
  160 < D ≤ 320 较大, 70 < D ≤ 160 一般, D ≤ 70 低.  Some lists put a boundary value
  (70, 160, 320) into the upper band (≥ instead of >); a level word that does that is
  not a contradiction.
* **LS** (风险矩阵, R = L × S) — three incompatible threshold tables are in use; they
  agree only on R ≥ 20 重大, 15 ≤ R < 20 较大 and R ≤ 3 低.  Between (R = 4 … 12) the
  level depends on the list: it is never derived from R there, and a word is a
  contradiction only when no table allows it.
* **Fill colours** — a clearly red / orange / yellow / blue fill (Excel's standard colours
  and the like; pale, dark and theme colours are not read).
"""

from __future__ import annotations

import colorsys
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

LEVEL_ORDER: tuple[str, ...] = ("重大", "较大", "一般", "低")
"""The four levels, highest first."""

_COLOURS = {"红": "重大", "橙": "较大", "黄": "一般", "蓝": "低"}
_COLOUR_NAMES = {"重大": "红色", "较大": "橙色", "一般": "黄色", "低": "蓝色"}


def colour_name(level: str) -> str:
    """重大 → 红色 (the colour the regulation gives each level)."""
    return _COLOUR_NAMES[level]


def highest(levels: list[str]) -> str:
    """The highest of several levels."""
    return min(levels, key=LEVEL_ORDER.index)


@dataclass(frozen=True)
class Reading:
    """What a level cell's text says.

    ``kind``: ``level`` (a level for certain; ``note`` says why when the word is not one
    of the model's own spellings), ``band`` (an LEC band word: certain only with D),
    ``ambiguous`` (``note`` says why), ``unknown`` (not a level word at all: the model's
    SK107 says so), ``empty``.
    """

    kind: Literal["level", "band", "ambiguous", "unknown", "empty"]
    level: str | None = None
    note: str = ""


#: Spellings the model itself accepts (:data:`signkit.model.fields._LEVEL_SYNONYMS`): no note needed.
_PLAIN = {
    "重大": "重大", "重大风险": "重大", "红": "重大", "红色": "重大",
    "较大": "较大", "较大风险": "较大", "橙": "较大", "橙色": "较大",
    "一般": "一般", "一般风险": "一般", "黄": "一般", "黄色": "一般",
    "低": "低", "低风险": "低", "蓝": "低", "蓝色": "低",
}
_MORE = {
    **{f"{c}色风险": lvl for c, lvl in _COLOURS.items()}, **{f"{c}风险": lvl for c, lvl in _COLOURS.items()},
    "重大风险等级": "重大", "较大风险等级": "较大", "一般风险等级": "一般", "低风险等级": "低",
    "轻微": "低", "轻微风险": "低", "可接受": "低", "可接受风险": "低", "低等风险": "低",
}
#: The LEC method's own band words (作业条件危险性分析法, five bands) → the four levels.
LEC_BANDS = {"极其危险": "重大", "高度危险": "较大", "显著危险": "一般", "一般危险": "低", "可能危险": "低", "稍有危险": "低"}
_CODE = re.compile(r"^(?:[ⅠⅡⅢⅣⅤIV]{1,3}|[A-Ea-e]|[1-5一二三四五]|[1-5一二三四五]?[级類类]|第?[一二三四五1-5]级|[1-5]级风险|"
                   r"[ⅠⅡⅢⅣⅤIV]{1,3}级|[A-E]级)$")


def read_level(text: str | None) -> Reading:
    """A level cell's text → what it certainly says (see the module's description)."""
    if text is None or not text.strip():
        return Reading("empty")
    value = unicodedata.normalize("NFKC", text)
    value = re.sub(r"\s+", "", value)
    inner = None
    if (match := re.fullmatch(r"(.+?)\((.+?)\)", value)) is not None:
        value, inner = match.group(1), match.group(2)
    main = _word(value)
    if main is not None and inner is not None:
        second = _word(inner)
        if second is None or second.level != main.level or second.kind != "level":
            return Reading("ambiguous", note=f"「{text.strip()}」前后两部分不是同一个等级")
        if main.kind == "level":
            return Reading("level", main.level, main.note or f"「{text.strip()}」读作「{main.level}」")
    if main is not None:
        return main
    if _CODE.match(value):
        return Reading("ambiguous", note=f"「{text.strip()}」是等级代号，不同清单中顺序不同（Ⅰ、A、一级有的是重大，有的是低）")
    if re.fullmatch(r"\d+(?:\.\d+)?", value):
        return Reading("ambiguous", note=f"「{text.strip()}」是数值（D 或 R 值），不是风险等级")
    return Reading("unknown")


def _word(value: str) -> Reading | None:
    if value in _PLAIN:
        return Reading("level", _PLAIN[value])
    if value in _MORE:
        return Reading("level", _MORE[value], f"「{value}」读作「{_MORE[value]}」")
    band = value[:-2] if value.endswith(("风险", "级别")) and value[:-2] in LEC_BANDS else value
    if band in LEC_BANDS:
        if band == "一般危险":  # the word says 一般, the band is D ≤ 70 (低): certain only with D
            return Reading("band", "低", f"「{value}」是 LEC 法 D 值 20–70 的一档（低风险），字面却像「一般」")
        return Reading("level", LEC_BANDS[band], f"「{value}」是 LEC 法的分档，读作「{LEC_BANDS[band]}」")
    return None


# --- numbers ------------------------------------------------------------------------------


def lec_level(d: float) -> str:
    """The level signkit derives from D = L × E × C: D > 320 重大, 160 < D ≤ 320 较大, 70 < D ≤ 160 一般, D ≤ 70 低."""
    if d > 320:
        return "重大"
    if d > 160:
        return "较大"
    if d > 70:
        return "一般"
    return "低"


def lec_allowed(d: float) -> frozenset[str]:
    """Levels some list would give D: a boundary value (70, 160, 320) may be put in either band."""
    levels = {lec_level(d)}
    for bound in (70.0, 160.0, 320.0):
        if abs(d - bound) < 1e-9:
            levels.add(lec_level(d + 1))
    return frozenset(levels)


def ls_allowed(r: float) -> frozenset[str]:
    """Levels the risk-matrix tables in use give R = L × S (they differ between 4 and 12)."""
    if r >= 20:
        return frozenset({"重大"})
    if r >= 15:
        return frozenset({"较大"})
    if r >= 9:
        return frozenset({"较大", "一般"})
    if r >= 4:
        return frozenset({"一般", "低"})
    return frozenset({"低"})


def ls_level(r: float) -> str | None:
    """The level R certainly means, or ``None`` where the tables differ (R = 4 … 12)."""
    allowed = ls_allowed(r)
    return next(iter(allowed)) if len(allowed) == 1 else None


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def number(text: object) -> float | None:
    """A number in an L, E, C, D, S or R cell (``3``, ``0.5``, ``"1800"``, full-width too), else ``None``."""
    if isinstance(text, bool):
        return None
    if isinstance(text, (int, float)):
        return float(text)
    if isinstance(text, str) and text.strip():
        value = unicodedata.normalize("NFKC", text).strip()
        if _NUMBER.fullmatch(value):
            return float(value)
    return None


def show(value: float) -> str:
    """``1800.0`` → ``1800``, ``0.5`` → ``0.5``."""
    return str(int(value)) if value.is_integer() else f"{value:g}"


# --- fills --------------------------------------------------------------------------------


def fill_level(rgb: str | None) -> str | None:
    """A fill colour (``FFFF0000`` or ``FF0000``) → the level it shows, if clearly one of red, orange, yellow, blue.

    Pale fills (saturation below one half) are highlighting, not a level; so are very
    dark ones and every other hue (green, purple …).
    """
    if not rgb or not re.fullmatch(r"(?:[0-9A-Fa-f]{2})?[0-9A-Fa-f]{6}", rgb):
        return None
    red, green, blue = (int(rgb[-6:][i:i + 2], 16) / 255 for i in (0, 2, 4))
    hue, saturation, value = colorsys.rgb_to_hsv(red, green, blue)
    if saturation < 0.5 or value < 0.35:
        return None
    degrees = hue * 360
    if degrees >= 340 or degrees < 10:
        return "重大"
    if 15 <= degrees < 48:
        return "较大"
    if 52 <= degrees < 68:
        return "一般"
    if 185 <= degrees < 250:
        return "低"
    return None
