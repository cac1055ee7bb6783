"""挂牌说明 (1)–(4): who the 责任领导 must be, and at which level the departments sit.

The regulation ties the leader's rank to the enterprise's highest risk and to who
supervises it.  signkit cannot know a person's real post, so it reads the recorded
职务: a title with 副 or 分管 is a deputy (分管领导); 局长, 主任, 乡长, 镇长, 书记 … without
副 is a head (主要负责人).  A mismatch is a warning, not an error: the office decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from signkit.diagnostics import KeyPath
from signkit.model.site import Department
from signkit.rules.base import RuleContext

_HEAD = re.compile(r"(局长|主任|书记|乡长|镇长|县长|区长|市长|站长|所长|队长|部长|处长|科长|主要负责人|主席|院长|经理|厂长)")


_STAFF = re.compile(r"(科员|调研员|办事员|干事|专员|职员|巡视员|工作人员)")


def title_kind(title: str) -> str | None:
    """``"deputy"``, ``"head"``, ``"staff"`` or ``None`` (cannot tell) for a recorded 职务.

    Staff grades such as 一级主任科员 contain 主任 but are not leading posts; they are
    checked first so they are never mistaken for a head.
    """
    if _STAFF.search(title):
        return "staff"
    if "副" in title or "分管" in title:
        return "deputy"
    if _HEAD.search(title):
        return "head"
    return None


#: Departments above the city: the 挂牌说明 speak of county and city departments only, so their leaders'
#: ranks are not checked against them (a provincial mine safety bureau is led by its own 局长).
ABOVE_CITY = frozenset({"省", "国家"})


def _departments(ctx: RuleContext) -> Iterator[tuple[KeyPath, Department]]:
    """The departments the file names, with their key paths (a missing one is a completeness rule's business)."""
    sup = ctx.site.supervision
    named: list[tuple[KeyPath, Department | None]] = [
        (("监管责任", "行业主管部门"), sup.industry_dept), (("监管责任", "安全监管部门"), sup.safety_dept),
        *((("监管责任", "专业监管部门", index), dept) for index, dept in enumerate(sup.special_depts)),
        (("监管责任", "属地监管"), sup.local_dept)]
    for path, dept in named:
        if dept is not None:
            yield path, dept


def _want(ctx: RuleContext, path: KeyPath) -> tuple[str, str] | None:
    """(wanted kind, the clause that says so) for the department at ``path``, if the rules say."""
    level = ctx.site.highest_risk
    if ctx.site.enterprise.city_supervised:
        if path[1] != "行业主管部门":
            return None
        if level == "重大":
            return "head", "挂牌说明 (4)：市级直接监管、存在重大风险点的企业，行业主管部门责任领导为主要负责人"
        if level == "较大":
            return "deputy", "挂牌说明 (4)：市级直接监管、存在较大风险点的企业，行业主管部门责任领导为分管负责人"
        return "deputy", "挂牌说明 (3)：其他企业的责任领导为分管领导"
    if level == "重大":
        return None  # (1) names only the county government's leader
    if level == "较大":
        return "head", "挂牌说明 (2)：存在较大风险点的企业，责任领导为县级部门和乡镇（街道）主要负责人"
    return "deputy", "挂牌说明 (3)：其他企业的责任领导为分管领导"


def check_leader_titles(ctx: RuleContext) -> None:
    """SK210: the leader's recorded 职务 fits what the rule for this enterprise requires."""
    words = {"head": "主要负责人", "deputy": "分管领导"}
    if not ctx.levels_known:
        return
    for path, dept in _departments(ctx):
        if dept.level in ABOVE_CITY:
            continue
        want = _want(ctx, path)
        kind = title_kind(dept.leader.title)
        if kind == "staff":
            ctx.report("SK210", (*path, "责任领导", "职务"),
                       f"{dept.department}的责任领导应为领导职务，记录的职务「{dept.leader.title}」不是领导职务",
                       want[1] if want else "挂牌说明 (2)–(4)：责任领导为主要负责人或分管领导")
            continue
        if want is None or kind is None or kind == want[0]:
            continue
        ctx.report("SK210", (*path, "责任领导", "职务"),
                   f"{dept.department}的责任领导应为{words[want[0]]}，记录的职务是「{dept.leader.title}」",
                   want[1])


def check_county_leader(ctx: RuleContext) -> None:
    """SK224: 2-1-1 is hung by the county government's 分管领导 (挂牌说明 (1))."""
    leader = ctx.site.supervision.county_leader
    if not ctx.levels_known or ctx.form != "2-1-1" or leader is None:
        return
    if not re.search(r"副县长|副区长|副市长|分管", leader.title):
        ctx.report("SK224", ("监管责任", "县级政府领导", "职务"),
                   f"附表 2-1-1 由县政府分管领导挂牌，记录的职务是「{leader.title}」",
                   "挂牌说明 (1)：存在重大风险点的企业，由县政府分管领导挂牌")


def check_levels(ctx: RuleContext) -> None:
    """SK211, SK212: department levels agree with who supervises the enterprise."""
    site = ctx.site
    local = site.supervision.local_dept
    if not ctx.levels_known:
        return
    if site.enterprise.city_supervised:
        if local is not None and local.level != "县":
            ctx.report("SK211", ("监管责任", "属地监管", "层级"),
                       f"市级直接监管的企业，属地监管责任应为县级对口行业部门，填写的层级是「{local.level}」",
                       "挂牌说明 (4)：属地监管责任为县级对口行业部门")
        industry = site.supervision.industry_dept
        if industry is not None and industry.level not in ("市", *ABOVE_CITY):
            ctx.report("SK212", ("监管责任", "行业主管部门", "层级"),
                       f"市级直接监管的企业，行业主管部门应为市级部门，填写的层级是「{industry.level}」")
        return
    for path, dept in _departments(ctx):
        if dept.level == "市" and path[1] != "专业监管部门":  # a specialised regulator may sit at any level
            ctx.report("SK212", (*path, "层级"),
                       f"本企业不是市级直接监管，{dept.department}却填为市级部门",
                       "若由市级部门直接监管，请在「企业」中写 市级直接监管: 是")
    if site.highest_risk == "较大" and local is not None and local.level not in ("乡镇", "街道"):
        ctx.report("SK212", ("监管责任", "属地监管", "层级"),
                   f"存在较大风险点的企业，属地监管一般为乡镇（街道），填写的层级是「{local.level}」",
                   "挂牌说明 (2)：责任领导为县级部门和乡镇（街道）主要负责人")


def check_special_count(ctx: RuleContext) -> None:
    """SK213: more than three 专业监管部门 do not fit the 附表's three rows."""
    count = len(ctx.site.supervision.special_depts)
    if count > 3:
        ctx.report("SK213", ("监管责任", "专业监管部门"),
                   f"填写了 {count} 个专业监管部门，附表留有 3 行；责任牌将按行数加高")
