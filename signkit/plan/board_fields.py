"""Which site-file fields each board prints, so a reprint list can say *why* a board changed.

The content hash says *that* a board changed; comparing these fields between two runs
says which of the user's own keys did (``监管责任.安全监管部门.责任领导.姓名: 高卫东 → 高卫国``).
A change with no field difference is in the fixed wording or the size.

Only what the board itself prints is listed, because every field listed becomes a
reason to reprint when it changes together with a printed one: a leader's 职务, a
department's 层级, the 县区, a risk point's 所在工作场所 are checked or used for the
plan but printed nowhere, and 2-1-1 prints 分管负责人 where 2-1-2 prints 安全管理人员.
The table follows the 附表 layouts in :mod:`signkit.layout` (tests/plan/test_board_fields.py
derives it from them: change each field, see which boards print differently).
"""

from __future__ import annotations

from signkit.art.accidents import AUTO
from signkit.diagnostics import KeyPath, format_path
from signkit.model.facts import major_points
from signkit.model.site import Site
from signkit.model.walk import strings_below
from signkit.plan.boards import PlannedBoard

#: Shapes of key paths (below the board's own node) that a board prints; ``[]`` stands for any list index.
Shape = tuple[str, ...]


#: 2-3 and 2-5 print these of their post.
_POST_BOARD: frozenset[Shape] = frozenset({("岗位名称",), ("岗位安全生产责任", "[]")})


_POST_CARD: frozenset[Shape] = frozenset({("岗位名称",), ("岗位安全风险", "[]"), ("应急处置及管控措施", "[]"),
                                          ("救援电话",)})


#: A supervising department's row on 2-1: the department, its leader's name, the officer (not 层级, not 职务).
_DEPARTMENT: frozenset[Shape] = frozenset({("部门",), ("责任领导", "姓名"), ("具体责任人",)})


#: What 2-6 and 2-7 print of 地区 besides the city: the reporting channels and, as the QR code, the address.
_BULLETIN: frozenset[Shape] = frozenset({("市级举报渠道", "电话"), ("市级举报渠道", "来信地址"), ("市级举报渠道", "邮编"),
                                         ("市级举报渠道", "网站"), ("县级举报渠道", "电话"), ("县级举报渠道", "来信地址"),
                                         ("县级举报渠道", "邮编"), ("县级举报渠道", "网站"), ("举报网址",)})


def _shape(path: KeyPath) -> Shape:
    return tuple("[]" if isinstance(part, int) else part for part in path)


def _strings(node: object, base: KeyPath, shapes: frozenset[Shape] | None = None) -> dict[str, str]:
    """``{key path: text}`` of the strings under ``node`` (at ``base``) whose path below it has one of ``shapes``."""
    out: dict[str, str] = {}
    for path, text in strings_below(node, base):
        if shapes is None or _shape(path[len(base):]) in shapes:
            out[format_path(path)] = text
    return out


def _supervision(site: Site, form: str) -> dict[str, str]:
    """What 2-1-1 / 2-1-2 print (:mod:`signkit.layout.supervision`)."""
    enterprise = site.enterprise
    people: dict[str, str | None] = {"企业名称": enterprise.name, "企业主要负责人": enterprise.principal,
                                     "所属行业": enterprise.industry}
    if form == "2-1-1":
        people["分管负责人"] = enterprise.deputy
    else:
        people["安全管理人员"] = enterprise.safety_manager
    fields = {f"企业.{key}": value for key, value in people.items() if value}
    supervision = site.supervision
    if form == "2-1-1":
        if supervision.county_leader is not None:
            fields["监管责任.县级政府领导.姓名"] = supervision.county_leader.name
        majors = major_points(site)
        if majors:
            fields["监管责任.风险点"] = "、".join(majors)
    for key, dept in (("行业主管部门", supervision.industry_dept), ("安全监管部门", supervision.safety_dept),
                      ("属地监管", supervision.local_dept)):
        fields |= _strings(dept, ("监管责任", key), _DEPARTMENT)
    fields |= _strings(supervision.special_depts, ("监管责任", "专业监管部门"),
                       frozenset(("[]", *shape) for shape in _DEPARTMENT))
    region = site.region
    if region.supervisor_unit:  # the 监制 line
        fields["地区.监制单位"] = region.supervisor_unit
    else:  # the city's built-in 监制 unit is printed instead
        fields["地区.城市"] = region.city
    return fields


def _bulletin(site: Site, form: str) -> dict[str, str]:
    """What 2-6 / 2-7 print of 地区: 2-6's title names the city; both print the channels and the QR address.

    2-7 prints no city name, but what it prints depends on the city wherever the site
    file leaves a 市级 channel value or the 举报网址 to the city's built-in profile.
    """
    region = site.region
    fields = _strings(region, ("地区",), _BULLETIN)
    channel = region.city_channel
    from_profile = channel is None or any(getattr(channel, name) is None for name in type(channel).model_fields)
    if form == "2-6" or from_profile or not region.report_url:
        fields["地区.城市"] = region.city
    return fields


def board_fields(site: Site, planned: PlannedBoard) -> dict[str, str]:
    """``{key path: value}`` of everything from the site file that ``planned`` prints."""
    form = planned.form_id
    # printed in every revision stamp (not part of the content hash, but a reason shown beside others)
    fields: dict[str, str] = {"企业.修订日期": site.enterprise.revised.isoformat()}
    if form.startswith("2-1"):
        return fields | _supervision(site, form)
    if form in ("2-6", "2-7"):
        return fields | _bulletin(site, form)
    index = planned.source[1]
    assert isinstance(index, int)
    enterprise = site.enterprise
    if form == "2-2":
        return fields | _strings(site.workplaces[index], ("工作场所", index))
    if form == "2-3":
        return fields | _strings(site.posts[index], ("岗位", index), _POST_BOARD)
    if form == "2-5":
        fields |= _strings(site.posts[index], ("岗位", index), _POST_CARD)
        if enterprise.emergency_phone:
            fields["企业.企业应急电话"] = enterprise.emergency_phone
        return fields
    assert form == "2-4", form
    point = site.risk_points[index]
    printed = _strings(point, ("风险点", index))
    for key in list(printed):
        tail = key.removeprefix(f"风险点[{index}].")
        # where it hangs, not what it says; 事故类型 only chooses the signs of 警示标识: 自动
        if tail == "所在工作场所" or (tail.startswith("事故类型[") and AUTO not in point.signs):
            del printed[key]
    fields |= printed
    if enterprise.report_phone:  # in the telephone line at the foot
        fields["企业.企业监督举报电话"] = enterprise.report_phone
    if enterprise.risk_url:  # printed as the QR code
        fields["企业.风险信息网址"] = enterprise.risk_url
    return fields
