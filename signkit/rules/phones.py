"""Telephone numbers and postcodes: well-formed, so a printed number can be dialled.

Accepted: a landline with its area code (``0350-3032350``, also the spec's own
``0350-12350``, an area code followed by a 123xx service number), optionally with an
extension; an 11-digit mobile; a national service number (110, 119, 120, 122, 12350,
12345 …, 95xxx, 96xxx); a 400/800 number.  Several numbers may share one field,
separated by 、 / ， ；.

What people type around a dialable number (``(0350)6022350``, ``0350 6022350``,
``0350-6022350（办）``, two numbers on two lines, ``0350-8161208/8161209``) is put
right by the model (:func:`signkit.model.fields.normalise_phone`) before any rule
runs, so a site file and a workbook print the same number; what the model left out or
added to do so is said here (SK230), since the user should see what will be printed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from signkit.diagnostics import KeyPath
from signkit.model.fields import PhoneText
from signkit.rules.base import RuleContext

_SEPARATORS = re.compile(r"\s*(?:[、/，,;；]|或)\s*")
_PATTERNS = (
    re.compile(r"(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}"),          # mobile
    re.compile(r"0\d{2,3}[- ]?\d{7,8}(?:(?:-|转)\d{1,6})?"),            # landline (+ extension)
    re.compile(r"0\d{2,3}[- ]?1\d{4}"),                                  # area code + 123xx service
    re.compile(r"11[0-9]|12[0-9]|12\d{3}|9[56]\d{3,4}"),                 # national service numbers
    re.compile(r"[48]00[- ]?\d{3}[- ]?\d{4}"),                           # 400 / 800
)
_LOCAL = re.compile(r"\d{7,8}")
#: What ledgers write in a phone cell to mean "no number here" or "the one above".
_PLACEHOLDERS = frozenset({"同上", "同前", "〃", "无", "暂无", "-", "/", "—", "见上", "空"})


def phone_problem(text: str) -> str | None:
    """Why ``text`` is not a dialable number (Chinese), or ``None`` when every part is fine."""
    for part in _SEPARATORS.split(text.strip()):
        if not part:
            continue
        if any(p.fullmatch(part) for p in _PATTERNS):
            continue
        if _LOCAL.fullmatch(part):
            return f"固定电话「{part}」缺少区号"
        if part in _PLACEHOLDERS:
            return f"「{part}」不是电话号码，请写出号码"
        return f"「{part}」不是有效的电话号码"
    return None


def _phones(ctx: RuleContext) -> Iterator[tuple[KeyPath, str | None]]:
    site = ctx.site
    yield ("企业", "企业监督举报电话"), site.enterprise.report_phone
    yield ("企业", "企业应急电话"), site.enterprise.emergency_phone
    for key, channel in (("市级举报渠道", site.region.city_channel), ("县级举报渠道", site.region.county_channel)):
        if channel is not None:
            yield ("地区", key, "电话"), channel.phone
    for index, post in enumerate(site.posts):
        yield ("岗位", index, "救援电话"), post.rescue_phone


def check_phones(ctx: RuleContext) -> None:
    """SK201: every telephone number the boards print is dialable; SK230: what was changed to print it."""
    for path, value in _phones(ctx):
        if value:
            problem = phone_problem(value)
            if problem:
                ctx.report("SK201", path, f"电话号码格式不正确：{problem}",
                           "固定电话写成 0350-3032350，手机 13912345678，服务号码如 12350、119、120")
            notes = value.notes if isinstance(value, PhoneText) else ()
            if notes:
                ctx.report("SK230", path, f"电话号码按「{value}」印出：{'；'.join(notes)}",
                           "请核对印出的号码")


def check_postcodes(ctx: RuleContext) -> None:
    """SK223: a postcode is six digits."""
    for key, channel in (("市级举报渠道", ctx.site.region.city_channel),
                         ("县级举报渠道", ctx.site.region.county_channel)):
        if channel is not None and channel.postcode and not re.fullmatch(r"\d{6}", channel.postcode):
            ctx.report("SK223", ("地区", key, "邮编"), f"邮编应为 6 位数字，实际是「{channel.postcode}」")
