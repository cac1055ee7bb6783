"""The workbook to fill in: the layout with a filled example, drop-downs and help.

Why these helps: the officer fills the template in Excel or WPS, far from signkit's
messages, so the workbook itself should prevent what it can — 风险等级 and 层级 are
drop-downs of the values the model accepts, 事故类型 offers GB 6441's twenty categories
and 警示标识 the sign library's names (as suggestions: a cell may hold several), phone
columns are text so Excel keeps their leading 0, every header carries the model's
description as a comment, and the header row stays in view.  The same decoration is
applied to exported workbooks, so an export is a filled template.

The example rows come from ``examples/chemical-plant.yaml`` (trimmed to one workplace,
one post and one risk point that refer to each other), so the template as written is a
valid site: ``signkit check 模板.xlsx`` passes before anything is changed, and every
sheet shows one complete, realistic row.
"""

from __future__ import annotations

import copy
from typing import Any

import openpyxl  # type: ignore[import-untyped, unused-ignore]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]

from signkit.excel.columns import LEVELS, ROSTER_COLUMNS, ROSTER_SHEET, describe, is_required
from signkit.excel.export import cell_value, site_workbook, value_at
from signkit.excel.style import FILL_ROWS, add_validation, style_header
from signkit.model.site import Site

# Trimmed from examples/chemical-plant.yaml (a test keeps the two in step).
EXAMPLE: dict[str, Any] = {
    "地区": {
        "城市": "忻州市",
        "县区": "原平市",
        "县级举报渠道": {"电话": "0350-8022350", "来信地址": "原平市新原大街中段原平市应急管理局", "邮编": "034100"},
    },
    "企业": {
        "企业名称": "忻州晋原精细化工有限公司",
        "企业主要负责人": "郝建国",
        "分管负责人": "李志强",
        "安全管理人员": "王海燕",
        "所属行业": "危险化学品生产",
        "企业监督举报电话": "0350-8161208",
        "企业应急电话": "0350-8161119",
        "风险信息网址": "https://jinyuan.example.com/fengxian",
        "市级直接监管": "否",
        "修订日期": "2026-05-18",
    },
    "监管责任": {
        "县级政府领导": {"姓名": "赵振华", "职务": "副市长（县级市政府分管领导）"},
        "风险点": "液氨储罐区",
        "行业主管部门": {"层级": "县", "部门": "原平市工业和信息化局", "责任领导": {"姓名": "刘文斌", "职务": "局长"},
                   "具体责任人": "张晓东"},
        "安全监管部门": {"层级": "县", "部门": "原平市应急管理局", "责任领导": {"姓名": "高卫东", "职务": "局长"},
                   "具体责任人": "薛鹏"},
        "专业监管部门": [
            {"层级": "县", "部门": "原平市市场监督管理局", "责任领导": {"姓名": "杨丽萍", "职务": "局长"}, "具体责任人": "韩磊"},
            {"层级": "县", "部门": "忻州市生态环境局原平分局", "责任领导": {"姓名": "武建军", "职务": "局长"},
             "具体责任人": "贾敏"},
            {"层级": "县", "部门": "原平市消防救援大队", "责任领导": {"姓名": "段宏伟", "职务": "大队长"}, "具体责任人": "任浩"},
        ],
        "属地监管": {"层级": "乡镇", "部门": "轩岗镇人民政府", "责任领导": {"姓名": "冯晓光", "职务": "镇长"},
                 "具体责任人": "侯跃进"},
    },
    "工作场所": [{
        "名称": "罐区",
        "场所主要负责人": "常爱军",
        "企业分管安全领导": "李志强",
        "带班领导": ["李志强", "温国庆"],
        "企业安全管理部门": {"部门": "安全环保部", "责任领导": "王海燕", "具体责任人": "孙丽君"},
        "场所主管部门": {"部门": "储运部", "责任领导": "常爱军", "具体责任人": "田彦斌"},
        "班组": [{"名称": "储运班", "负责人": "田彦斌"}],
        "岗位": [{"名称": "储罐操作工", "责任人": "田彦斌"}],
    }],
    "岗位": [{
        "岗位名称": "储罐操作工",
        "人数": 6,
        "岗位安全生产责任": [
            "严格执行液氨储罐进出料操作规程，控制储罐液位不超过安全充装量",
            "每两小时巡检罐区一次，检查液位计、压力表、安全阀和喷淋系统",
            "发现氨泄漏立即启动喷淋并按罐区应急处置卡处置",
            "负责罐区防火防爆管理，制止无关人员和车辆进入罐区",
        ],
        "岗位安全风险": [
            "液氨储罐超装或泄漏可能引发中毒、爆炸",
            "阀门、法兰密封失效可能造成液氨喷溅冻伤",
            "罐顶作业可能发生高处坠落",
        ],
        "应急处置及管控措施": [
            "发生泄漏立即启动水喷淋吸收，关闭紧急切断阀",
            "佩戴正压式空气呼吸器和防冻手套处置，向上风向疏散人员",
            "上罐顶作业须两人同行，系挂安全带",
        ],
        "救援电话": "119、120",
    }],
    "风险点": [{
        "风险点名称": "液氨储罐区",
        "风险等级": "重大",
        "所在工作场所": "罐区",
        "风险及可能造成的危害": [
            "液氨储罐超压、泄漏，可能造成人员中毒、窒息",
            "泄漏的氨气与空气混合遇明火，可能发生爆炸",
            "液氨喷溅接触皮肤，可能造成冻伤",
        ],
        "事故诱因": ["储罐超装、安全阀失效", "阀门、法兰、管道腐蚀泄漏", "罐区违规动火或使用非防爆工具"],
        "事故类型": ["中毒和窒息", "容器爆炸", "其他爆炸"],
        "管控责任人": "常爱军",
        "警示标识": ["当心中毒", "当心爆炸", "禁止烟火", "必须戴防毒面具"],
        "重要提示": ["进入罐区必须穿防静电工作服，严禁携带火种", "发生泄漏向上风向撤离"],
        "管控措施": [
            "储罐液位、压力、温度实时监测，设高低液位报警和紧急切断联锁",
            "罐区设置氨气检测报警仪和水喷淋系统，每月检查一次",
            "严格执行动火作业审批制度",
            "储罐充装量不超过容积的 85%",
        ],
        "应急处置措施": [
            "发生泄漏立即启动水喷淋，关闭紧急切断阀",
            "佩戴正压式空气呼吸器处置，疏散下风向人员",
            "拨打 119、120，并报告企业应急指挥部",
        ],
    }],
}


def example_site() -> Site:
    """The template's example as a validated site."""
    return Site.model_validate(EXAMPLE)


def roster_example_site() -> Site:
    """The roster template's example row: the template's enterprise as a roster knows it.

    A roster holds no risk points, so the plan gives every row 附表 2-1-2 (挂牌说明 (4)).
    The example is therefore written for 2-1-2 — 分管领导 as the responsible leaders, no
    县级政府领导 and no 重大风险点 list — so that a fresh roster template checks without
    warnings, as the site template does.
    """
    data = copy.deepcopy(EXAMPLE)
    supervision = data["监管责任"]
    supervision.pop("县级政府领导", None)
    supervision.pop("风险点", None)
    for department in _departments(supervision):
        leader = department.get("责任领导")
        if isinstance(leader, dict) and "职务" in leader:
            leader["职务"] = _deputy(str(leader["职务"]))
    return Site.model_validate(data)


def _departments(supervision: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for value in supervision.values():
        items = value if isinstance(value, list) else [value]
        found.extend(item for item in items if isinstance(item, dict))
    return found


def _deputy(title: str) -> str:
    """局长 → 副局长, 镇长 → 副镇长: the 分管领导 that 2-1-2 names (挂牌说明 (3))."""
    return title if title.startswith("副") or "分管" in title else "副" + title


def roster_workbook(sites: list[Site]) -> Any:
    """A regulator's roster: one row per enterprise with its departments and leaders."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = ROSTER_SHEET
    sheet.append([c.header for c in ROSTER_COLUMNS])
    for site in sites:
        data = site.model_dump(by_alias=True)
        row = []
        for column in ROSTER_COLUMNS:
            try:
                value = value_at(data, column.key)
            except IndexError:  # fewer 专业监管部门 than column groups
                value = None
            row.append(cell_value(value, column.kind))
        sheet.append(row)
    notes = []
    for index, column in enumerate(ROSTER_COLUMNS, start=1):
        key = column.key
        if key[:2] == ("监管责任", "专业监管部门"):
            key = (*key[:2], 0, *key[3:])
        notes.append((index, is_required(key), describe(key)))
    style_header(sheet, notes)
    sheet.freeze_panes = "B2"
    for index, column in enumerate(ROSTER_COLUMNS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(column.width, len(column.header) * 2 + 2)
        sheet.column_dimensions[letter].number_format = "@"
        if column.key[-1] == "层级":
            add_validation(sheet, f"{letter}2:{letter}{FILL_ROWS}", '"' + ",".join(LEVELS) + '"', strict=True,
                           prompt="国家、省、市、县、乡镇 或 街道")
        elif column.key[-1] == "市级直接监管":
            add_validation(sheet, f"{letter}2:{letter}{FILL_ROWS}", '"是,否"', strict=True, prompt="是 或 否")
    return book


def template_workbook(*, roster: bool = False) -> Any:
    """The template (or, with ``roster``, a regulator's roster template) as an openpyxl workbook, not yet saved.

    The site template is the example exported: it reads back as a valid site, and it
    carries the same help as any exported workbook.
    """
    return roster_workbook([roster_example_site()]) if roster else site_workbook(example_site())
