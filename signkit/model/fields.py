"""Reusable field types for the site model.

They normalise what safety officers actually type (full-width digits, 是/否 for
booleans, a single line where a list is expected, "重大风险" for "重大") so that the
rules and the boards see one clean form, while anything that cannot be understood
still fails validation with a located message.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, PlainSerializer, StringConstraints, WithJsonSchema

#: Every model forbids unknown keys: a typo such as 企业名字 is an error, never ignored.
STRICT = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, validate_by_alias=True,
                    validate_by_name=False, serialize_by_alias=True)


def _text(value: Any) -> Any:
    """Strip surrounding white space, including the full-width space U+3000."""
    if isinstance(value, str):
        return value.strip().strip("\u3000").strip()
    return value


class PhoneText(str):
    """A telephone field's text as it will be printed, remembering what was left out to print it.

    Why a ``str``: every stage reads the field as text and must keep doing so.  The
    ``notes`` say, in Chinese, what the normalisation did that the user should check (an
    annotation such as 「办」 dropped, an area code added to an abbreviated second
    number); the phone rule reports them, because the model itself cannot say anything.
    """

    notes: tuple[str, ...] = ()


#: Words written before or after a number to say what it is; they are not dialled, so they are not printed.
_PHONE_LABELS = ("办公室电话", "办公电话", "办公室", "办公", "值班室电话", "值班电话", "值班室", "值班", "调度室电话",
                 "调度电话", "调度室", "调度", "手机号码", "手机号", "手机", "移动电话", "固定电话", "固话", "座机",
                 "联系电话", "应急电话", "举报电话", "电话号码", "电话", "宅", "办")
_LABEL = "|".join(_PHONE_LABELS)
#: Dash look-alikes folded to "-" in telephone numbers (also for workbook cells, so a note says only what the model would do).
DASHES = str.maketrans(dict.fromkeys("—–‐‑‒−―─", "-"))
_ANNOTATION = re.compile(r"[(\[【]\s*([^()\[\]【】\d]{1,10}?)\s*[)\]】]")
_LEADING_LABEL = re.compile(rf"(?:(?<=^)|(?<=[\s/、,;]))({_LABEL})\s*:?\s*(?=[\d(+])")
_AREA_IN_BRACKETS = re.compile(r"\(\s*(0\d{2,3})\s*\)\s*-?\s*(?=\d)")
_INTERNATIONAL = re.compile(r"(?<![\d-])(?:\+|00)?86[-\s]*(?!1[3-9]\d{9}(?!\d))([2-9]\d{1,2})[-\s]*(\d{7,8})(?!\d)")
_AREA_SPACE = re.compile(r"(?<![\d-])(0\d{2,3})\s+(\d{7,8})(?![\d-])")
_SEPARATOR = re.compile(r"\s*([/、,;\n]|或)\s*")
_SERVICE = re.compile(r"1[12]\d|12\d{3}|9[56]\d{3,4}")
_WITH_AREA = re.compile(r"(0\d{2,3})-(\d{7,8})(?:(?:-|转)\d{1,6})?")
_BARE_LOCAL = re.compile(r"\d{7,8}")


def _is_whole_number(part: str) -> bool:
    """Whether ``part`` reads as a complete number on its own (so white space around it separates two numbers)."""
    return bool(_SERVICE.fullmatch(part)) or (sum(ch.isdigit() for ch in part) >= 7 and not re.search(r"[^\d+-]", part))


def normalise_phone(text: str) -> PhoneText:
    """What a safety officer typed in a telephone cell → the number(s) to print.

    * full-width digits and every kind of dash become ASCII (``０３５０－６０２２３５０``);
    * ``(0350)6022350`` and ``0350 6022350`` become ``0350-6022350``; ``86-350-6022350``
      (written as from abroad) becomes ``0350-6022350``; ``转`` keeps no spaces around it;
    * an annotation is not dialled, so it is dropped and noted: ``（办）``, ``(值班)``, ``办：``,
      ``值班电话`` before the number;
    * two numbers stay two: separated by a line break or spaces they are joined with 、
      (the printed channel shows both); an abbreviated second number
      (``0350-8161208/8161209``) gets the first one's area code, noted.

    Anything else is left as typed, for rule SK201 to judge.  Normalising the result
    again changes nothing.
    """
    value = unicodedata.normalize("NFKC", text).translate(DASHES).strip()
    notes: list[str] = []
    dropped: list[str] = []

    def drop(match: re.Match[str]) -> str:
        dropped.append(match.group(1).strip())
        return " "

    value = _ANNOTATION.sub(drop, value)
    value = _LEADING_LABEL.sub(drop, value)
    value = _AREA_IN_BRACKETS.sub(r"\1-", value)
    value = _INTERNATIONAL.sub(r"0\1-\2", value)
    value = re.sub(r"\s*(转|-)\s*(?=\d)", r"\1", value)
    value = _AREA_SPACE.sub(r"\1-\2", value).strip()
    if dropped:
        notes.append("去掉了「" + "」「".join(dropped) + "」（不印出）")
    pieces = _SEPARATOR.split(value)
    parts, separators = pieces[0::2], pieces[1::2]
    out: list[str] = []
    area: tuple[str, int] | None = None  # the last area code seen, and the length of its local number
    for index, part in enumerate(parts):
        words = part.split()
        numbers = words if len(words) > 1 and all(_is_whole_number(w) for w in words) else [" ".join(words)]
        for position, number in enumerate(numbers):
            if area is not None and _BARE_LOCAL.fullmatch(number) and len(number) == area[1]:
                notes.append(f"「{number}」按前一个号码补上了区号 {area[0]}")
                number = f"{area[0]}-{number}"
            if (match := _WITH_AREA.fullmatch(number)) is not None:
                area = match.group(1), len(match.group(2))
            if out:
                out.append(separators[index - 1] if position == 0 and separators[index - 1] != "\n" else "、")
            out.append(number)
    return _phone("".join(out), tuple(notes))


def _phone(text: str, notes: tuple[str, ...]) -> PhoneText:
    result = PhoneText(text)
    result.notes = notes
    return result


def _phone_value(value: Any) -> Any:
    """Before validation: full-width digits folded, a YAML integer (3032350) as its digits, blank as absent."""
    if isinstance(value, str):
        return unicodedata.normalize("NFKC", value).strip() or None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _phone_text(value: str | None) -> str | None:
    """After validation (a plain ``str`` by then): the number(s) as printed, with their notes."""
    return None if value is None else (normalise_phone(value) or None)


_YES = {"是", "有", "yes", "y", "true", "on", "1", "对"}
_NO = {"否", "无", "no", "n", "false", "off", "0", "不是"}


def _yes_no(value: Any) -> Any:
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in _YES:
            return True
        if lowered in _NO:
            return False
    return value


def _as_list(value: Any) -> Any:
    """A single line where a list is expected becomes a one-item list."""
    if isinstance(value, str):
        return [value]
    return value


_LEVEL_SYNONYMS = {
    "重大风险": "重大", "较大风险": "较大", "一般风险": "一般", "低风险": "低",
    "红": "重大", "红色": "重大", "橙": "较大", "橙色": "较大",
    "黄": "一般", "黄色": "一般", "蓝": "低", "蓝色": "低",
}


def _risk_level(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip()
        return _LEVEL_SYNONYMS.get(text, text)
    return value


Text = Annotated[str, BeforeValidator(_text), StringConstraints(min_length=1)]
"""A non-empty line of text (empty or blank is reported as 不能为空)."""

OptionalText = Annotated[str | None, BeforeValidator(lambda v: _text(v) or None)]
"""Text that may be left out or left empty."""

_PHONE_SCHEMA = {"anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}]}
OptionalPhone = Annotated[str | None, BeforeValidator(_phone_value), AfterValidator(_phone_text),
                          PlainSerializer(lambda v: None if v is None else str(v)), WithJsonSchema(_PHONE_SCHEMA)]
"""A telephone number as printed (:func:`normalise_phone`); its format is rule SK201, its notes SK230.

It dumps as a plain ``str``: the notes are for the rules, never written out."""

YesNo = Annotated[bool, BeforeValidator(_yes_no),
                  WithJsonSchema({"anyOf": [{"type": "boolean"}, {"enum": sorted(_YES | _NO)}]})]
"""是/否 (also yes/no, true/false)."""

_LIST_SCHEMA = {"anyOf": [{"type": "string", "minLength": 1},
                          {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}]}
TextList = Annotated[list[Text], BeforeValidator(_as_list), Field(min_length=1), WithJsonSchema(_LIST_SCHEMA)]
"""One or more items; a single line is accepted as a one-item list."""

OptionalTextList = Annotated[list[Text], BeforeValidator(lambda v: [] if v is None else _as_list(v)),
                             WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}},
                                                       {"type": "null"}]})]

RiskLevel = Annotated[Literal["重大", "较大", "一般", "低"], BeforeValidator(_risk_level),
                      WithJsonSchema({"enum": ["重大", "较大", "一般", "低", *_LEVEL_SYNONYMS]})]
"""The four grades of the regulation (红 重大, 橙 较大, 黄 一般, 蓝 低)."""

_GOVERNMENT_LEVELS = ("国家", "省", "市", "县", "乡镇", "街道")
_GOVERNMENT_SYNONYMS = {
    "国家级": "国家", "中央": "国家", "部级": "国家", "省级": "省", "自治区": "省", "市级": "市", "地市": "市",
    "县级": "县", "区": "县", "县区": "县", "县（区）": "县", "县(区)": "县", "乡": "乡镇", "镇": "乡镇", "乡级": "乡镇",
    "镇级": "乡镇", "街道办": "街道", "街道办事处": "街道",
}


def _government_level(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip()
        return _GOVERNMENT_SYNONYMS.get(text, text)
    return value


Level = Annotated[Literal["国家", "省", "市", "县", "乡镇", "街道"], BeforeValidator(_government_level),
                  WithJsonSchema({"enum": [*_GOVERNMENT_LEVELS, *_GOVERNMENT_SYNONYMS]})]
"""Which level of government a supervising department belongs to: 国家 and 省 for the mine safety
regulators (国家矿山安全监察局山西局) and other provincial departments, down to 乡镇 and 街道."""

RISK_LEVELS: tuple[str, ...] = ("重大", "较大", "一般", "低")
