"""Fields that are optional in the schema but required by a board that will be printed.

Whether 分管负责人 or 安全管理人员 must be filled depends on which 2-1 board the
enterprise gets; 救援电话 and 企业应急电话 are mandatory on every 2-5 card; the county
channel must fill the blank on 2-6 and 2-7.  Putting these here rather than in the
schema lets each message say which board needs the value.
"""

from __future__ import annotations

from signkit.diagnostics import KeyPath
from signkit.rules.base import RuleContext


def check_card_phones(ctx: RuleContext) -> None:
    """SK202, SK203: 2-5 must carry 救援电话 and 企业应急电话 (五、3)."""
    for index, post in enumerate(ctx.site.posts):
        if not post.rescue_phone:
            ctx.report("SK202", ("岗位", index, "救援电话"),
                       f"岗位「{post.name}」的告知卡必须注明救援电话", "规范五、3：必须注明救援电话和企业应急电话")
    if ctx.site.posts and not ctx.site.enterprise.emergency_phone:
        ctx.report("SK203", ("企业", "企业应急电话"), "告知卡背面必须注明企业应急电话",
                   "规范五、3：必须注明救援电话和企业应急电话")


def check_report_phone(ctx: RuleContext) -> None:
    """SK221: the 2-4 footer prints 企业监督举报电话."""
    if ctx.site.risk_points and not ctx.site.enterprise.report_phone:
        ctx.report("SK221", ("企业", "企业监督举报电话"), "风险告知牌（2-4）底部须印出企业监督举报电话")


def check_channels(ctx: RuleContext) -> None:
    """SK204, SK205: the county channel is filled; an unknown city brings its own wording."""
    region = ctx.site.region
    channel = region.county_channel
    for key, value in (("电话", channel.phone if channel else None),
                       ("来信地址", channel.letter_address if channel else None)):
        if not value:
            ctx.report("SK204", ("地区", "县级举报渠道", key),
                       f"县级举报渠道的{key}未填写：举报公示栏（2-6）和监督栏（2-7）须在县级空白处明确",
                       "规范六、3：按照各县确定的本地区举报渠道，在县级举报渠道空白处进行明确")
    resolved = ctx.region
    if resolved.profile is None:
        if not resolved.supervisor_unit:
            ctx.report("SK205", ("地区", "监制单位"),
                       f"signkit 没有「{region.city}」的内置资料，须填写监制单位（印在 2-1 责任牌底部）")
        city = resolved.city_channel
        if city is None or not city.phone or not city.letter_address:
            ctx.report("SK205", ("地区", "市级举报渠道"),
                       f"signkit 没有「{region.city}」的内置资料，须填写市级举报渠道的电话和来信地址")


def check_supervision_people(ctx: RuleContext) -> None:
    """SK206–SK209, SK220: the people each 2-1 form prints are named, and nothing is silently dropped."""
    site = ctx.site
    supervision = site.supervision
    if not ctx.levels_known:  # which 2-1 board, and so who must be named, rests on the levels
        return
    majors = [p.name for p in site.risk_points if p.level == "重大"]
    if ctx.form == "2-1-1":
        if supervision.county_leader is None:
            ctx.report("SK206", ("监管责任", "县级政府领导"),
                       "存在重大风险点的县级监管企业使用附表 2-1-1，须填写县级政府领导（县政府分管领导挂牌）")
        for index, name in enumerate(supervision.risk_points):
            if name not in majors:
                ctx.report("SK207", ctx.item_path(("监管责任", "风险点"), index),
                           f"「{name}」不是本企业的重大风险点；可选：{'、'.join(majors)}",
                           "不填时，附表 2-1-1 印出本文件全部重大风险点")
        if not site.enterprise.deputy:
            ctx.report("SK208", ("企业", "分管负责人"), "附表 2-1-1 印出分管负责人，须填写")
    else:
        if not site.enterprise.safety_manager:
            ctx.report("SK209", ("企业", "安全管理人员"), "附表 2-1-2 印出安全管理人员，须填写")
        for key, value in (("县级政府领导", supervision.county_leader), ("风险点", supervision.risk_points)):
            if value:
                ctx.report("SK220", ("监管责任", key),
                           f"本企业使用附表 2-1-2，「{key}」不会印出（只有存在重大风险点的县级监管企业用 2-1-1）")


#: Board-specific content the schema leaves optional, so that its absence blocks only the board that prints it:
#: (key under the record, what prints it).
_WORKPLACE_FIELDS = (("场所主要负责人", "附表 2-2 企业安全生产责任牌"), ("企业分管安全领导", "附表 2-2 企业安全生产责任牌"),
                     ("带班领导", "附表 2-2 企业安全生产责任牌"), ("企业安全管理部门", "附表 2-2 企业安全生产责任牌"),
                     ("场所主管部门", "附表 2-2 企业安全生产责任牌"))
_POST_FIELDS = (("岗位安全生产责任", "附表 2-3 员工岗位责任牌"), ("人数", "附表 2-5 岗位风险告知卡（每人一张）"),
                ("岗位安全风险", "附表 2-5 岗位风险告知卡"), ("应急处置及管控措施", "附表 2-5 岗位风险告知卡"))
_RISK_FIELDS = (("风险及可能造成的危害", "附表 2-4 安全风险分级管控告知牌"), ("事故诱因", "附表 2-4 安全风险分级管控告知牌"),
                ("管控责任人", "附表 2-4 安全风险分级管控告知牌"), ("管控措施", "附表 2-4 安全风险分级管控告知牌"),
                ("应急处置措施", "附表 2-4 安全风险分级管控告知牌"))
_SUPERVISION_FIELDS = (("行业主管部门", "附表 2-1 安全生产监督管理责任牌"), ("安全监管部门", "附表 2-1 安全生产监督管理责任牌"),
                       ("属地监管", "附表 2-1 安全生产监督管理责任牌"))


def _missing(ctx: RuleContext, path: KeyPath, value: object, printed_on: str) -> None:
    """SK102 (never written) or SK103 (written, but empty) for content a board must print."""
    if value not in (None, "", [], ()):
        return
    hint = f"{printed_on}印出此项；补上之前这块牌不会生成，不影响其他牌"
    if path in ctx.source.keys or path in ctx.source.values:
        ctx.report("SK103", path, "不能为空", hint)
    else:
        ctx.report("SK102", path, f"缺少必填项「{path[-1]}」", hint)


def check_board_content(ctx: RuleContext) -> None:
    """SK102, SK103: what each board prints is there — a missing item blocks that board only.

    The schema asks only for what identifies a record (a post's name, a risk point's name
    and level); everything a single board prints is required here, so that a post whose
    duties are not written yet stops its 2-3 board and nothing else.
    """
    site = ctx.site
    enterprise = site.enterprise
    for key, text in (("企业主要负责人", enterprise.principal), ("所属行业", enterprise.industry)):
        _missing(ctx, ("企业", key), text, "附表 2-1 安全生产监督管理责任牌")
    supervision = site.supervision
    departments: tuple[object, ...] = (supervision.industry_dept, supervision.safety_dept, supervision.local_dept)
    for (key, printed_on), value in zip(_SUPERVISION_FIELDS, departments, strict=True):
        _missing(ctx, ("监管责任", key), value, printed_on)
    for index, workplace in enumerate(site.workplaces):
        values: tuple[object, ...] = (workplace.head, workplace.safety_leader, workplace.shift_leaders,
                                      workplace.safety_dept, workplace.managing_dept)
        for (key, printed_on), value in zip(_WORKPLACE_FIELDS, values, strict=True):
            _missing(ctx, ("工作场所", index, key), value, printed_on)
    for index, post in enumerate(site.posts):
        card: tuple[object, ...] = (post.duties, post.headcount, post.risks, post.measures)
        for (key, printed_on), value in zip(_POST_FIELDS, card, strict=True):
            _missing(ctx, ("岗位", index, key), value, printed_on)
    for index, point in enumerate(site.risk_points):
        board: tuple[object, ...] = (point.hazards, point.causes, point.owner, point.controls, point.emergency)
        for (key, printed_on), value in zip(_RISK_FIELDS, board, strict=True):
            _missing(ctx, ("风险点", index, key), value, printed_on)
