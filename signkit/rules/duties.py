"""The 2-3 duty lint as the regulation means it: "不得模糊宽泛，且其他工作职责不得列入" (三、3).

Real 岗位责任制 documents are copied from templates, and two kinds of item fill them:
formulas that name no act anyone could check (做好本岗位安全工作, 遵守各项规章制度,
完成领导交办的其他任务) and duties that are not about safety at all (考勤, 销量, 票证现金,
生产任务).  Each is a warning with the item quoted, why it fails and what a concrete
duty looks like; the office knows its posts and decides.

The patterns come from real lists of coal mines, gas stations, chemical plants and
construction sites, each tried against the lines that must *not* warn (清理浮煤积尘 is
dust-explosion work, not 卫生; 服从瓦斯检查工的停工指令 is a safety order, not 服从安排;
通知其他人员撤离 is not 其他工作).  ``docs/duties.md`` lists exactly what is caught; it is
generated from :data:`PATTERNS` (``signkit rules --duties``) and a test keeps it current.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from signkit.rules.base import RuleContext

Kind = Literal["vague", "other"]


@dataclass(frozen=True)
class DutyPattern:
    """One kind of item that does not belong on a 2-3 board, and how to recognise it."""

    kind: Kind
    label: str
    pattern: re.Pattern[str]
    why: str
    instead: str
    #: An item matching this is not caught after all (卫生 tied to a hazard is safety work).
    unless: re.Pattern[str] | None = None


def _p(kind: Kind, label: str, pattern: str, why: str, instead: str, unless: str | None = None) -> DutyPattern:
    return DutyPattern(kind, label, re.compile(pattern), why, instead, re.compile(unless) if unless else None)


#: Hazards whose 卫生 / 整洁 is safety work: dust and coal dust explode, oil and litter burn, exits must stay clear.
_HAZARD = r"浮煤|积尘|煤尘|粉尘|易燃|可燃|油污|油渍|杂物|通道|出口|积水|结冰"

PATTERNS: tuple[DutyPattern, ...] = (
    _p("vague", "做好安全工作", r"(做好|搞好)(本岗位|本职|各项)?的?安全(生产)?工作|做好本职工作|认真做好各项工作",
       "只说要做好，没有说做什么", "每班开工前检查本机急停按钮和防护罩"),
    _p("vague", "负责本岗位的安全",
       r"负责本(岗位|班组?|站|单位)的?安全生产(工作)?(?=[，。；]|$)|对本(岗位|职工作)的?安全(生产)?(工作)?负"
       r"|安全生产的?直接责任者",
       "只说这个岗位有安全责任，没有写出责任本身", "删去此条，逐条写出具体的检查、操作和报告"),
    _p("vague", "遵守各项规章制度", r"遵守各项(安全)?(规章)?制度|三大规程|遵章守纪",
       "指向别的文件，没有说本岗位具体做什么", "执行作业规程中“端面距不大于 340 mm”的规定，超限立即擦顶移架"),
    _p("vague", "认真贯彻方针政策", r"认真(贯彻|执行|落实)[^，。；]*(方针|政策|法律|法规)",
       "人人都有的义务，没有具体行动", "每季度组织一次新发布安全法规标准的学习，并修订受影响的操作规程"),
    _p("vague", "积极参加", r"积极参加", "“积极”无法检查，参加培训是每名员工的义务",
       "每年参加不少于 20 学时的安全再培训和 1 次应急演练"),
    _p("vague", "配合（协助）做好", r"(配合|协助)[^，。；]{0,12}做好", "做的是别人的事，本岗位自己做什么没有写",
       "每月 5 日前检查一次全部灭火器压力，并在检查卡上签字"),
    _p("vague", "领导交办的其他任务", r"领导(安排|交办)|上级交办|交办的其他|其他(工作|任务|事项)(?!人员)|其他各项工作",
       "没有边界的兜底条款，也不是安全生产责任", "删去此条"),
    _p("vague", "服从安排、听从指挥", r"服从(领导)?安排|听从指挥|在[^，。；]{0,10}带领下",
       "服从不是安全行为；员工有权拒绝违章指挥", "拒绝违章指挥，发现直接危及人身安全的紧急情况时停止作业、撤离并报告"),
    _p("vague", "尽职尽责", r"尽职尽责|爱岗敬业|恪尽职守|尽心尽力", "态度用语，不是可检查的职责", "删去此条"),
    _p("vague", "杜绝“三违”", r"(杜绝|严禁|反)[“\"「]?三违|自主保安|不违章作业", "口号，没有说是哪种违章",
       "进入采空区边缘、盲巷前先检查瓦斯和氧气浓度"),
    _p("vague", "列入议事日程", r"议事日程|五同时|安全第一的思想", "管理口号，没有具体行动",
       "每月第一周召开安全会，检查上月隐患整改情况并记录"),
    _p("vague", "加强、抓好、确保安全", r"^(加强|抓好|强化)|(确保|保证)[^，。；]{0,6}安全[。；]?$",
       "只有“加强”“确保”，没有具体做法", "每年 1 月编制安全费用提取使用计划，每季度核对台账",
       unless=r"\d|每[班日天周月季年次]|[小时分钟]"),
    _p("vague", "不断提高、努力", r"不断提高|努力提高|力争", "愿望，不是职责", "删去此条，可量化的目标写进目标责任书"),
    _p("vague", "合理化建议", r"合理化建议", "可做可不做，也不是本岗位的安全职责", "删去此条"),
    _p("vague", "负全面责任", r"全面负责|负全面(领导)?责任|第一责任人", "说的是承担责任，不是做什么",
       "作为标题保留一次即可，条目写具体职责"),
    _p("other", "考勤、考核评比", r"考勤|总结评比|考核评比|劳动竞赛", "属于人事管理，不是安全生产责任", "删去此条"),
    _p("other", "经营、销量", r"销量|开拓经营|了解市场|保障供应|优质服务|提高销售", "属于经营，不是安全生产责任", "删去此条"),
    _p("other", "票证、现金、账目", r"票证|现金|账目|帐目|帐帐相符|账实相符|财务报表|统计报表|短斤少两",
       "属于财务或计量，不是安全生产责任", "删去此条；若同一句里有安全内容（如“杜绝跑冒油”），单独写成一条"),
    _p("other", "生产任务、产量", r"(生产|掘进|采煤|当班|本班)(工作)?任务|产量|工程进度", "属于生产，不是安全生产责任", "删去此条",
       unless=r"(停止|暂停)[^，。；]*(生产|作业)"),
    _p("other", "工程、产品、服务质量", r"工程质量|产品质量|服务质量", "属于质量管理，不是安全生产责任（支护、焊接等安全质量除外）",
       "删去此条，或写明与安全有关的质量要求，如“支架初撑力不低于 24 MPa”"),
    _p("other", "成本、效益、税费", r"经济核算|降低[^，。；]*(费用|成本)|提高[^，。；]*效益|上缴[^，。；]*税|税、费",
       "属于经营核算，不是安全生产责任（提取和使用安全费用除外）", "删去此条"),
    _p("other", "思想政治、精神文明", r"思想政治|精神文明|劳动纪律", "不是安全生产责任", "删去此条"),
    _p("other", "仪容、礼貌、服务用语", r"仪容|礼貌|服务用语|文明经商", "属于服务规范，不是安全生产责任", "删去此条"),
    _p("other", "卫生、整洁", r"卫生|整洁|饮食", "属于卫生管理，不是安全生产责任（与粉尘、易燃物、通道有关的清理除外）",
       "写明与安全有关的部分，如“清理浮煤积尘，做到无浮煤、无积尘”", unless=_HAZARD),
    _p("other", "防盗、防骗、治安", r"防盗|防骗|防抢|治安", "属于治安保卫，不是安全生产", "删去此条"),
    _p("other", "保密、档案、文件收发", r"保密|档案管理|文件收发", "属于行政事务，不是安全生产责任", "删去此条"),
)


def caught(duty: str) -> DutyPattern | None:
    """The pattern a duty item matches (and is not excused from), or ``None``.

    A duty that is not about safety at all is said so first: that it is also vague
    (加强对票证、现金的管理) is beside the point.
    """
    for pattern in sorted(PATTERNS, key=lambda p: p.kind != "other"):
        if pattern.pattern.search(duty) and not (pattern.unless and pattern.unless.search(duty)):
            return pattern
    return None


def check_vague_duties(ctx: RuleContext) -> None:
    """SK218: duties that are vague, or not about safety, with the item quoted, why, and what to write instead."""
    for p_index, post in enumerate(ctx.site.posts):
        for d_index, duty in enumerate(post.duties):
            found = caught(duty)
            if found is None:
                continue
            quoted = duty if len(duty) <= 40 else duty[:39] + "…"
            if found.kind == "vague":
                message = f"岗位安全生产责任「{quoted}」模糊宽泛（{found.label}）：{found.why}"
            else:
                message = f"岗位安全生产责任「{quoted}」不是安全生产责任（{found.label}）：{found.why}"
            ctx.report("SK218", ("岗位", p_index, "岗位安全生产责任", d_index), message,
                       f"规范三、3：不得模糊宽泛，其他工作职责不得列入。可改为：{found.instead}")


def duties_markdown() -> str:
    """docs/duties.md: exactly what the SK218 lint catches, generated from :data:`PATTERNS`."""
    lines = [
        "# 岗位安全生产责任的写法检查（SK218）",
        "",
        "规范三、3 要求员工岗位责任牌（附表 2-3）的岗位安全生产责任“不得模糊宽泛，且其他工作职责不得列入”。",
        "signkit 对每条责任逐条检查，下表就是全部检查项（由 `signkit.rules.duties.PATTERNS` 生成，"
        "测试会检查本页与代码一致；更新：`signkit rules --duties > docs/duties.md`）。命中时给出警告（SK218），"
        "引出该条原文、说明原因并给出改写示例；是否修改由企业决定。",
        "",
        "| 类别 | 检查项 | 匹配（正则表达式） | 例外（同时出现则不警告） | 原因 | 可改为 |",
        "|---|---|---|---|---|---|",
    ]
    kinds = {"vague": "模糊宽泛", "other": "非安全职责"}
    for p in PATTERNS:
        unless = f"`{p.unless.pattern}`" if p.unless else ""
        cells = (kinds[p.kind], p.label, f"`{p.pattern.pattern}`", unless, p.why, p.instead)
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines) + "\n"
