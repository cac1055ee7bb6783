"""Names that must be unique, and names that must refer to something.

A 2-2 board's 岗位 rows must name posts that have their own 2-3 board and 2-5 card;
two 一车间 in one file, or two 操作工 rows in one workplace, are almost always a
copy-and-paste slip.  The same post name in two workplaces is normal (one post,
several places).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from signkit.diagnostics import KeyPath
from signkit.rules.base import RuleContext


def _duplicates(ctx: RuleContext, names: Iterable[str], base: KeyPath, key: str, what: str) -> None:
    seen: dict[str, int] = {}
    for index, name in enumerate(names):
        if name in seen:
            ctx.report("SK214", (*base, index, key),
                       f"{what}「{name}」重复出现（与第 {seen[name] + 1} 项同名）", "同名条目请合并，或改用可区分的名称")
        else:
            seen[name] = index


def check_duplicates(ctx: RuleContext) -> None:
    """SK214: the same name twice under the same parent."""
    site = ctx.site
    _duplicates(ctx, (w.name for w in site.workplaces), ("工作场所",), "名称", "工作场所")
    _duplicates(ctx, (p.name for p in site.posts), ("岗位",), "岗位名称", "岗位")
    _duplicates(ctx, (r.name for r in site.risk_points), ("风险点",), "风险点名称", "风险点")
    _duplicates(ctx, (d.department for d in site.supervision.special_depts),
                ("监管责任", "专业监管部门"), "部门", "专业监管部门")
    for index, workplace in enumerate(site.workplaces):
        base: KeyPath = ("工作场所", index)
        _duplicates(ctx, (t.name for t in workplace.teams), (*base, "班组"), "名称", "班组")
        # one post held by two people is two rows (加油员 张三, 加油员 李四); the same row twice is a slip
        _duplicates(ctx, (f"{p.name}（{p.holder}）" for p in workplace.posts), (*base, "岗位"), "名称", "岗位")
        leaders = workplace.shift_leaders
        seen: set[str] = set()
        for position, leader in enumerate(leaders):
            if leader in seen:
                ctx.report("SK214", (*base, "带班领导", position), f"带班领导「{leader}」重复出现")
            seen.add(leader)


def _suggest(name: str, choices: list[str]) -> str | None:
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.5)
    return f"是否想写「{close[0]}」？" if close else (f"已有的岗位：{'、'.join(choices)}" if choices else None)


def check_post_references(ctx: RuleContext) -> None:
    """SK215, SK216: workplace post rows name real posts; every post is on some 2-2 board."""
    site = ctx.site
    posts = [p.name for p in site.posts]
    posts_known = not ctx.mended_in("岗位")  # a post the schema refused may be the one a row names
    used: set[str] = set()
    for w_index, workplace in enumerate(site.workplaces):
        for p_index, row in enumerate(workplace.posts):
            used.add(row.name)
            if posts_known and row.name not in posts:
                ctx.report("SK215", ("工作场所", w_index, "岗位", p_index, "名称"),
                           f"岗位「{row.name}」不在「岗位」列表中，没有对应的员工岗位责任牌和岗位风险告知卡",
                           _suggest(row.name, posts))
    if site.workplaces and not ctx.mended_in("工作场所"):
        for index, post in enumerate(site.posts):
            if post.name not in used:
                ctx.report("SK216", ("岗位", index, "岗位名称"),
                           f"岗位「{post.name}」没有出现在任何工作场所的企业安全生产责任牌（2-2）上")


def check_risk_workplaces(ctx: RuleContext) -> None:
    """SK217: a risk point's 所在工作场所 names a workplace of the file."""
    names = [w.name for w in ctx.site.workplaces]
    if ctx.mended_in("工作场所"):  # the workplace a risk point names may be one the schema refused
        return
    for index, point in enumerate(ctx.site.risk_points):
        if point.workplace and point.workplace not in names:
            close = difflib.get_close_matches(point.workplace, names, n=1, cutoff=0.5)
            ctx.report("SK217", ("风险点", index, "所在工作场所"),
                       f"工作场所「{point.workplace}」不存在", f"是否想写「{close[0]}」？" if close else None)
