"""Reusable field types for the site model.

They normalise what safety officers actually type (full-width digits, 是/否 for
booleans, a single line where a list is expected, "重大风险" for "重大") so that the
rules and the boards see one clean form, while anything that cannot be understood
still fails validation with a located message.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, Field, StringConstraints, WithJsonSchema

#: Every model forbids unknown keys: a typo such as 企业名字 is an error, never ignored.
STRICT = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, validate_by_alias=True,
                    validate_by_name=False, serialize_by_alias=True)


def _text(value: Any) -> Any:
    """Strip surrounding white space, including the full-width space U+3000."""
    if isinstance(value, str):
        return value.strip().strip("\u3000").strip()
    return value


def _normalise_phone(value: Any) -> Any:
    """Full-width digits and dashes (common in Chinese documents) become ASCII."""
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        return text.replace("—", "-").replace("－", "-").replace("–", "-")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


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
OptionalPhone = Annotated[str | None, BeforeValidator(lambda v: _normalise_phone(v) or None),
                          WithJsonSchema(_PHONE_SCHEMA)]
"""A telephone number as printed (full-width digits accepted); its format is rule SK201."""

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
