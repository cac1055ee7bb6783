"""One cell → the text (or list of texts) a site file would hold, undoing what Excel did to it.

A site file's scalars are the text the user typed; a workbook's are whatever Excel made
of it.  Excel stores 13912345678 as the float 13912345678.0, a landline typed without
quotes as 3508161208 (its leading 0 gone), 034100 as 34100, a date as a datetime or a
serial number, and keeps trailing spaces and full-width digits.  Here each cell becomes
plain text again, and every change that is not obviously harmless is reported (SK906),
as is every value that cannot be restored with certainty (SK907).

Lists: a safety officer writes several 管控措施 in one cell, one per line (Alt+Enter), or
separated by ；, or numbered (一)(二) / 1. 2. / ①② on one line.  :func:`split_items`
turns each into list items and drops the numbering, because the boards number items
themselves.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from signkit.excel.columns import LIST_KINDS, Kind, chinese_number
from signkit.model.fields import DASHES, normalise_phone

Value = str | list[str] | None


@dataclass(frozen=True)
class Note:
    """Something worth telling about a cell (a rule id of :mod:`signkit.excel.rules`)."""

    rule: str
    message: str
    hint: str | None = None


_SPACES = " \t\u3000\xa0\u200b\ufeff"


def clean(text: str) -> str:
    """Unify line breaks and strip white space (also full-width and no-break spaces) at both ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("_x000D_", "")
    return text.strip().strip(_SPACES).strip()


def number_text(value: int | float) -> str:
    """``12.0`` → ``12``; ``1.5`` → ``1.5``: the number as a person would have typed it."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return str(value)


def plain(raw: object) -> str | None:
    """Any cell value as text (``None`` for an empty cell); numbers without a trailing ``.0``."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        return "是" if raw else "否"
    if isinstance(raw, (int, float)):
        return number_text(raw)
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat(sep=" ")
    if isinstance(raw, (dt.date, dt.time)):
        return raw.isoformat()
    text = clean(str(raw))
    return text or None


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


_SCIENTIFIC = re.compile(r"^(\d)(?:\.(\d+))?[eE]\+?(\d{1,2})$")
_FLOAT_TEXT = re.compile(r"^(\d+)\.0+$")
#: A 03xx landline without its 0 (no Chinese number starts with 3): only a number cell loses the 0 like that.
_LOST_ZERO_TEXT = re.compile(r"^3\d{9,10}$")


def _digits_of(raw: object) -> tuple[str | None, str | None]:
    """(digits, how Excel showed it) when a phone cell holds a number, else (None, None)."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return number_text(raw), number_text(raw) if isinstance(raw, int) else f"{raw!r}"
    if isinstance(raw, str):
        text = _nfkc(raw)
        if _LOST_ZERO_TEXT.match(text) is not None:
            # a CSV holds only text: "3508161208" is what Excel wrote for a landline stored as a number
            return text, text
        if (match := _FLOAT_TEXT.match(text)) is not None:
            return match.group(1), text
        if (match := _SCIENTIFIC.match(text)) is not None:
            shown = match.group(1) + (match.group(2) or "")
            exponent = int(match.group(3))
            # 1.3912345678E+10 shows every digit; 3.5012350E+09 rounded two of them away
            return (shown if len(shown) == exponent + 1 else ""), text
    return None, None


def phone(raw: object) -> tuple[str | None, list[Note]]:
    """A telephone cell: numbers back to the digits that were typed, full-width folded."""
    digits, shown = _digits_of(raw)
    if digits is None:
        text = plain(raw)
        if text and (said := placeholder(text)) is not None:  # 同上 / 无 in a phone column: read as empty, said
            return None, [said]
        return _phone_text(text) if text else (None, [])
    if digits == "" or not digits.isdigit():
        assert shown is not None
        if "e" not in shown.lower():
            return shown, [Note("SK907", f"电话号码是一个数字（{shown}），不是电话号码的写法",
                                "请把单元格设为“文本”格式后重新填写完整的号码")]
        return shown, [Note("SK907", f"电话号码显示为科学计数法「{shown}」，原来的数字已经丢失，无法还原",
                            "请把单元格设为“文本”格式后重新填写完整的号码")]
    if len(digits) <= 5 or (len(digits) == 11 and digits.startswith("1")) or len(digits) in (7, 8):
        # service numbers (119, 12350), mobile numbers, local numbers: nothing was lost
        note = [] if len(digits) <= 5 else [Note("SK906", f"电话号码是数字格式（{shown}），已读作「{digits}」",
                                                  "建议把电话列设为“文本”格式")]
        return digits, note
    if len(digits) in (10, 11) and digits.startswith("3"):
        restored = "0" + digits
        return restored, [Note("SK906", f"电话号码是数字格式（{shown}），开头的 0 已丢失，已按区号 0{digits[:3]} 补回为「{restored}」",
                               "请核对；建议把电话列设为“文本”格式，按 0350-1234567 的写法填写")]
    return digits, [Note("SK907", f"电话号码被存成了数字（{shown}），可能丢失了开头的 0，无法确定原来的号码",
                         "请把单元格设为“文本”格式，按 0350-1234567 的写法重新填写")]


def _phone_text(text: str) -> tuple[str | None, list[Note]]:
    """A phone cell typed as text: the model's normalisation, reported when it did more than fold widths and dashes.

    The model applies the same normalisation to a site file; doing it here lets the
    note point at the cell (SK906) and hands the model text it leaves as it is.
    """
    folded = _nfkc(text).translate(DASHES)
    result = normalise_phone(text)
    if str(result) == folded:
        return folded, []
    shown = text.replace("\n", "（换行）")
    detail = f"：{'；'.join(result.notes)}" if result.notes else ""
    return str(result) or None, [Note("SK906", f"电话号码「{shown}」已按规范写法读作「{result}」{detail}", "请核对")]


def postcode(raw: object) -> tuple[str | None, list[Note]]:
    """A postcode: 34100 (a number that lost its 0) → 034100."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        digits = number_text(raw)
        if digits.isdigit() and len(digits) == 5:
            return "0" + digits, [Note("SK906", f"邮编是数字格式（{digits}），已补回开头的 0：「0{digits}」",
                                       "建议把邮编设为“文本”格式")]
        return digits, []
    text = plain(raw)
    return (_nfkc(text) if text else None), []


def date(raw: object) -> tuple[str | None, list[Note]]:
    """A date cell as ISO text; a bare Excel serial number (46160) converted and reported.

    A date with a time of day (``=NOW()``, or 2026/5/18 14:30 typed into the cell) keeps
    its day: the boards print a 修订日期, never a time.  A CSV holds the serial as text.
    """
    if isinstance(raw, dt.datetime) and raw.time() != dt.time():
        day = raw.date().isoformat()
        return day, [Note("SK906", f"日期单元格带有时间（{raw.isoformat(sep=' ', timespec='minutes')}），只取日期 {day}")]
    if isinstance(raw, str) and re.fullmatch(r"\d{5}(?:\.\d+)?", _nfkc(raw)):
        raw = float(_nfkc(raw))
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and 20000 <= raw <= 80000:
        # lazy: signkit.pipeline.check imports the reader, so every check loads this module; only a date serial needs openpyxl
        from openpyxl.utils.datetime import from_excel  # type: ignore[import-untyped, unused-ignore]

        day = from_excel(raw)
        if isinstance(day, dt.datetime):
            iso = day.date().isoformat()
            return iso, [Note("SK906", f"日期被存成了数字 {number_text(raw)}，已按 Excel 的日期换算为 {iso}",
                               "请核对；建议把该单元格设为日期格式")]
    text = plain(raw)
    return (_nfkc(text) if text and not isinstance(raw, (dt.date, dt.datetime)) else text), []


# --- lists --------------------------------------------------------------------------------

_CN = "一二三四五六七八九十"
_LEADING = re.compile(
    rf"^\s*(?:[（(]\s*(?P<paren>[{_CN}]{{1,3}}|\d{{1,2}})\s*[)）]"
    rf"|(?P<circled>[\u2460-\u2473])"
    rf"|(?P<digit>\d{{1,2}})\s*[.．、)）](?!\d)"
    rf"|(?P<cn>[{_CN}]{{1,3}})\s*[、.．])\s*")


def to_chinese(number: int) -> str:
    """3 → 三, 12 → 十二, 20 → 二十 (for the next numbered item's marker)."""
    if number <= 10:
        return "零一二三四五六七八九十"[number]
    tens, ones = divmod(number, 10)
    return ("" if tens == 1 else _CN[tens - 1]) + "十" + (_CN[ones - 1] if ones else "")


def _ordinal(match: re.Match[str]) -> tuple[str, int]:
    for style in ("paren", "digit", "cn"):
        text = match.group(style)
        if text:
            kind = style + ("-cn" if style == "paren" and not text.isdigit() else "")
            return kind, chinese_number(text)
    return "circled", ord(match.group("circled")) - 0x2460 + 1


def _next_marker(style: str, number: int) -> re.Pattern[str]:
    if style == "circled":
        return re.compile(re.escape(chr(0x2460 + number - 1)))
    if style == "paren":
        return re.compile(rf"[（(]\s*{number}\s*[)）]")
    if style == "paren-cn":
        return re.compile(rf"[（(]\s*{to_chinese(number)}\s*[)）]")
    if style == "digit":
        return re.compile(rf"(?<!\d){number}\s*[.．、)）](?!\d)")
    return re.compile(rf"(?<![{_CN}]){to_chinese(number)}\s*[、.．]")


def _split_numbered(text: str) -> list[str]:
    """``1.甲 2.乙 3.丙`` → three parts; only at the *next* number of the same style, so
    ``1.5 米`` or ``2号罐`` inside an item never splits it."""
    match = _LEADING.match(text)
    if match is None:
        return [text]
    style, number = _ordinal(match)
    parts: list[str] = []
    start = 0
    search_from = match.end()
    while number < 50:
        found = _next_marker(style, number + 1).search(text, search_from)
        if found is None:
            break
        parts.append(text[start:found.start()])
        start, search_from, number = found.start(), found.end(), number + 1
    parts.append(text[start:])
    return parts


def strip_number(item: str) -> str:
    """An item without its own leading number (the boards number items themselves)."""
    match = _LEADING.match(item)
    return item[match.end():] if match is not None and match.end() < len(item) else item


def split_items(text: str, kind: Kind = "list") -> list[str]:
    """One cell's text → list items.

    ``list`` (sentences): one item per line when the cell has line breaks, otherwise split
    at ；/; ; either way a one-line numbered sequence is split and numbers are dropped.
    ``names`` (事故类型) also splits at 、，, and / (高处坠落/物体打击); ``labels`` — names that
    may hold a comma or a slash themselves (警示标识 禁止合闸，有人工作！, 风险点 1#/2#甲醇储罐区) —
    only at line breaks, 、 and ；; ``people`` (带班领导) also at 、，, and spaces.
    """
    if kind == "list":
        parts = text.split("\n") if "\n" in text else re.split(r"[；;]", text)
    else:
        separators = {"names": r"[\n、，,；;/／]", "labels": r"[\n、；;]"}.get(kind, r"[\n、，,；;\s\u3000]")
        parts = re.split(separators, text)
    items: list[str] = []
    for part in parts:
        for piece in _split_numbered(clean(part)):
            item = clean(strip_number(clean(piece))).rstrip("；;").strip(_SPACES)
            if item:
                items.append(item)
    return items


_SAME_AS_ABOVE = re.compile(r"^(?:同上|同前|同左|见上|同上条|同第?\d{1,2}条?|[〃\"”]+)[。.]?$")
_NOTHING = re.compile(r"^(?:无|暂无|没有|[—\-－/／]+)[。.]?$")
#: ``a、c、d``: measures written as the letters of a legend.  A lone letter is not such a list:
#: A or B is a common name for a workshop, an area or a shift.
_LETTER_CODES = re.compile(r"^[A-Za-z](?:\s*[、,，;；]\s*[A-Za-z])+$")


#: What a roster's 监管层级 column says, as the 是 / 否 of 市级直接监管.
_SUPERVISED_BY = {**dict.fromkeys(("市级", "市级直接监管", "市直管", "市管", "市直", "市级监管", "市属"), "是"),
                  **dict.fromkeys(("县级", "县管", "县直管", "县级监管", "县属", "区级", "区管", "乡镇", "属地", "属地管理"), "否")}


#: How every placeholder begins (after white space): a cheap test before the patterns.
_PLACEHOLDER_START = frozenset("同见〃\"”无暂没—-－/／")


def _may_be_placeholder(text: str) -> bool:
    head = text.lstrip(_SPACES)[:1]
    return bool(head) and (head in _PLACEHOLDER_START or unicodedata.normalize("NFKC", head).isascii())


def same_as_above(raw: object) -> bool:
    """Whether a cell says "the same as the row above" (同上, 〃)."""
    return isinstance(raw, str) and _may_be_placeholder(raw) and _SAME_AS_ABOVE.match(_nfkc(raw)) is not None


def placeholder(text: str) -> Note | None:
    """Why ``text`` cannot be printed as it stands (同上, 无, —, measures written as letter codes), or ``None``.

    A board has no "row above" and no legend: 同上 or ``a、c、d`` printed on it would tell
    the worker nothing.  Such a cell is read as empty and said (SK916), so the board
    prints nothing rather than a pointer to somewhere else.
    """
    if len(text) > 40 or not _may_be_placeholder(text):  # placeholders and code lists are short; sentences are not
        return None
    value = _nfkc(text)
    if _SAME_AS_ABOVE.match(value):
        return Note("SK916", f"「{text}」指的是别处的内容，牌上无法印出，已读作空", "请写出具体内容（牌上没有“上一行”）")
    if _NOTHING.match(value):
        return Note("SK916", f"「{text}」已读作空", "这一项须印在牌上时，请写出内容")
    if _LETTER_CODES.match(value):
        return Note("SK916", f"「{text}」是代号，牌上无法印出，已读作空", "请写出代号所指的内容（如各条管控措施）")
    return None


def convert(raw: object, kind: Kind) -> tuple[Value, list[Note]]:
    """A cell's value as the site file would hold it, with notes on what was undone."""
    if kind == "phone":
        return phone(raw)
    if kind == "postcode":
        return postcode(raw)
    if kind == "date":
        return date(raw)
    text = plain(raw)
    if text is None:
        return None, []
    if kind == "int":
        return _nfkc(text), []
    if kind == "yesno" and (answer := _SUPERVISED_BY.get(_nfkc(text))) is not None:
        return answer, [Note("SK904", f"「{text}」按市级直接监管「{answer}」读取")]
    if kind in ("text", *LIST_KINDS) and (note := placeholder(text)) is not None:
        return None, [note]
    if kind in LIST_KINDS:
        if isinstance(raw, str):  # a trailing line break still means "split at line breaks only"
            text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("_x000D_", "").strip(_SPACES)
        kept: list[str] = []
        notes: list[Note] = []
        for item in split_items(text, kind):
            if (note := placeholder(item)) is not None:
                notes.append(note)
            else:
                kept.append(item)
        return (kept or None), notes
    return text, []
