"""What the printed text says: duties that are concrete, lists that number cleanly, nothing missing.

List items are numbered by the board ((一)、(二) …), so an item that carries its own
number would print twice-numbered; a character that prints as nothing is a copy-and-paste
accident; a set with no workplace, post or risk point makes no boards of its kind.  (Whether
a duty is concrete and about safety is :mod:`signkit.rules.duties`.)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator

from signkit.diagnostics import Edit, Fix, KeyPath
from signkit.model.walk import walk_text
from signkit.rules.base import RuleContext

_NUMBERED = re.compile(r"^\s*(?:[（(][一二三四五六七八九十百\d]+[)）]|\d+\s*(?:[、)）]|[.．](?!\d))|[一二三四五六七八九十]+、|[①-⑳])")


def _lists(ctx: RuleContext) -> Iterator[tuple[KeyPath, list[str]]]:
    for index, post in enumerate(ctx.site.posts):
        yield ("岗位", index, "岗位安全生产责任"), post.duties
        yield ("岗位", index, "岗位安全风险"), post.risks
        yield ("岗位", index, "应急处置及管控措施"), post.measures
    for index, point in enumerate(ctx.site.risk_points):
        yield ("风险点", index, "风险及可能造成的危害"), point.hazards
        yield ("风险点", index, "事故诱因"), point.causes
        yield ("风险点", index, "管控措施"), point.controls
        yield ("风险点", index, "应急处置措施"), point.emergency


def check_self_numbered(ctx: RuleContext) -> None:
    """SK219: list items that carry their own (一) / 1. / ① numbering."""
    for path, items in _lists(ctx):
        for index, item in enumerate(items):
            match = _NUMBERED.match(item)
            if match:
                ctx.report("SK219", (*path, index),
                           f"「{item[:20]}」自带编号「{match.group(0).strip()}」，印制时会再加 (一)(二) 编号",
                           "请删除条目开头的编号", fix=_unnumber(item, match))


#: Characters a plain YAML value may not start with: taking a number off must not leave one first.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")


def _unnumber(item: str, match: re.Match[str]) -> Callable[[int, int], Fix | None] | None:
    """The fix for SK219: delete the number (and the spaces after it) at the start of the item, when what is left
    is still the same plain text (not empty, not starting with a YAML indicator).
    """
    end = match.end()
    while end < len(item) and item[end] in " \u3000":
        end += 1
    rest, number = item[end:], item[:end]
    if not rest or rest[0] in _INDICATORS or "\n" in number:
        return None
    return lambda line, column: Fix((Edit(line, column, number, ""),), f"删除条目开头的编号「{number.strip()}」")


def check_invisible_characters(ctx: RuleContext) -> None:
    """SK227: control or invisible characters print as nothing (or as a box) and break file names."""

    for path, text in walk_text(ctx.site):
        bad = [ch for ch in text if ch not in "\n\t" and unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs")]
        if bad:
            codes = "、".join(f"U+{ord(ch):04X}" for ch in dict.fromkeys(bad))
            ctx.report("SK227", path, f"文字中含有看不见的控制字符（{codes}），印出来会缺字或错位",
                       "多半是从网页或其他软件复制时带进来的，请删除后重新输入", fix=_without(text, bad))


def _without(text: str, bad: list[str]) -> Callable[[int, int], Fix | None] | None:
    """The fix for SK227: delete the invisible characters from a one-line plain value.

    Deleting a control or format character (Cc, Cf) is what the hint asks and changes
    nothing that prints: safe.  A private-use character (Co) may be a glyph of the
    office's own font, and deleting it loses it: only with ``--unsafe-fixes``.  What is
    left must read as the same plain YAML value (no new ``: `` or `` #``, no indicator first).
    """
    cleaned = "".join(ch for ch in text if ch not in bad)
    if "\n" in text or not cleaned or cleaned[0] in _INDICATORS or cleaned != cleaned.strip() \
            or any(mark in cleaned and mark not in text for mark in (": ", " #")) or cleaned.endswith(":"):
        return None
    risky = any(unicodedata.category(ch) in ("Co", "Cs") for ch in bad)
    return lambda line, column: Fix((Edit(line, column, text, cleaned),), "删除看不见的控制字符",
                                    "unsafe" if risky else "safe")


def check_empty_sets(ctx: RuleContext) -> None:
    """SK222: no workplaces, posts or risk points means whole board types are missing."""
    site = ctx.site
    for key, items, board in (("工作场所", site.workplaces, "企业安全生产责任牌（2-2）"),
                              ("岗位", site.posts, "员工岗位责任牌（2-3）和岗位风险告知卡（2-5）"),
                              ("风险点", site.risk_points, "安全风险分级管控告知牌（2-4）")):
        if not items:
            ctx.report("SK222", (key,), f"没有填写任何{key}，不会生成{board}")
