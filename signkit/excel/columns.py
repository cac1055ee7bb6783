"""The workbook layout: which sheets, which columns, and the other names people give them.

One table serves the template, the exporter and the reader, so that what signkit writes
is exactly what it reads back.  Headers use the site file's own wording (the keys of
:mod:`signkit.model.site`), because the boards print that wording and the officer reads
the workbook against the board; each column also lists the synonyms real ledgers use
(风险级别 for 风险等级, 责任人 for 管控责任人 …), so a ledger kept for years can be read
without renaming its columns.  Descriptions come from the model, never copied here.

Sheets:

* 企业信息 — 地区 and 企业 (plus 监管责任.风险点 and 输出) as 项目 / 内容 rows;
* 监管责任 — one row per supervising department (and one for 县级政府领导);
* 工作场所 — one row per workplace (附表 2-2);
* 班组与岗位 — the 班组 and 岗位 rows of each workplace, with a 工作场所 column;
* 岗位责任与风险 — one row per post (附表 2-3, 2-5); list cells hold several items;
* 风险点 — one row per risk point (附表 2-4), the 风险分级管控清单.

A regulator's roster (one row per enterprise with its departments and leaders) is a
seventh layout, read on its own: see :data:`ROSTER_COLUMNS`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from pydantic.fields import FieldInfo

from signkit.diagnostics import KeyPath
from signkit.model.paths import model_at

Kind = Literal["text", "list", "names", "labels", "people", "phone", "postcode", "int", "date", "yesno", "choice"]
"""How a cell is read: ``list`` splits sentences (newlines, ；, numbering), ``names`` splits
short names (also 、，), ``people`` also splits on spaces (带班领导)."""

LIST_KINDS: frozenset[str] = frozenset({"list", "names", "labels", "people"})


@dataclass(frozen=True)
class Column:
    """One column of a list sheet (or one 项目 row of 企业信息)."""

    header: str
    #: Where the value goes: relative to the row's record, or from the site root for 企业信息.
    key: KeyPath
    kind: Kind = "text"
    width: float = 14
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class SheetSpec:
    """A sheet of the workbook: its name, the names it may go by, and its columns."""

    name: str
    synonyms: tuple[str, ...]
    columns: tuple[Column, ...]
    #: The top-level list each row (or group of merged rows) becomes, if any.
    record: str | None = None


def normalise(text: str, *, keep_numbers: bool = False) -> str:
    """A header as compared: full-width folded, remarks in brackets and punctuation dropped.

    ``风险点、场所名称`` and ``风险点（场所）名称 `` both become ``风险点场所名称`` /
    ``风险点名称``; ``管控措施（每条一行）`` becomes ``管控措施``.  With ``keep_numbers``
    a bracketed number survives as digits (``专业监管部门（二）`` → ``专业监管部门2``).
    """
    value = unicodedata.normalize("NFKC", text)
    if keep_numbers:
        value = re.sub(r"\(\s*([一二三四五六七八九十\d]+)\s*\)", lambda m: str(chinese_number(m.group(1))), value)
    value = re.sub(r"\([^)]*\)|\[[^\]]*\]|【[^】]*】", "", value)
    return re.sub(r"[\s.·・\-_—:*/、,;'\"“”‘’|]+", "", value)


_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九十")}


def chinese_number(text: str) -> int:
    """``3`` → 3, ``三`` → 3, ``十二`` → 12 (numbers as lists and column groups write them)."""
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGITS.get(text[1:], 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _CN_DIGITS.get(tens, 0) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS.get(text, 0)


def field_info(path: KeyPath) -> FieldInfo | None:
    """The model field at ``path`` (aliases; list positions may be any int)."""
    return _field_info(tuple(0 if isinstance(p, int) else p for p in path))


@functools.lru_cache(maxsize=1024)
def _field_info(path: KeyPath) -> FieldInfo | None:
    """Kept per path (list positions as 0): a roster asks the same dozen paths for every one of its rows."""
    model = model_at(path[:-1])
    if model is None or not path:
        return None
    return next((f for f in model.model_fields.values() if f.alias == path[-1]), None)


def describe(path: KeyPath) -> str:
    """The model's Chinese description of the field at ``path`` ('' if none)."""
    info = field_info(path)
    return (info.description or "") if info is not None else ""


def is_required(path: KeyPath) -> bool:
    """Whether the model requires every key along ``path`` (so an absent value is an error).

    A key followed by a list position is not asked about: the path presupposes that the
    list has that item (``风险点[0].管控责任人`` is required although 风险点 may be left out).
    ``"*"`` stands for any list position.
    """
    parts = tuple(0 if p == "*" else p for p in path)
    for end in range(1, len(parts) + 1):
        if isinstance(parts[end - 1], int) or (end < len(parts) and isinstance(parts[end], int)):
            continue
        info = field_info(parts[:end])
        if info is None or not info.is_required():
            return False
    return True


# --- 企业信息: 项目 / 内容 rows -------------------------------------------------------------

INFO_SHEET = "企业信息"
INFO_HEADERS = ("项目", "内容", "说明")
INFO_HEADER_SYNONYMS = {"项目": ("名称", "字段", "栏目", "项"), "内容": ("填写内容", "值", "数值", "信息"),
                        "说明": ("备注", "填写说明")}


def _channel(level: str) -> tuple[Column, ...]:
    prefix = f"{level}举报渠道"
    short = level  # 县级电话, 县级来信地址 …
    return (
        Column(f"{prefix}.电话", ("地区", prefix, "电话"), "phone", synonyms=(f"{short}举报电话", f"{short}电话举报")),
        Column(f"{prefix}.来信地址", ("地区", prefix, "来信地址"), synonyms=(f"{short}来信地址", f"{short}来信举报地址")),
        Column(f"{prefix}.邮编", ("地区", prefix, "邮编"), "postcode", synonyms=(f"{short}邮编", f"{short}邮政编码")),
        Column(f"{prefix}.网站", ("地区", prefix, "网站"), synonyms=(f"{short}网站", f"{short}网站举报")),
    )


INFO_ROWS: tuple[Column, ...] = (
    Column("城市", ("地区", "城市"), synonyms=("所在城市", "市", "地市")),
    Column("县区", ("地区", "县区"), synonyms=("县（市、区）", "所在县区", "县市区", "区县", "县")),
    Column("监制单位", ("地区", "监制单位")),
    Column("举报网址", ("地区", "举报网址"), synonyms=("网上举报网址", "举报网站网址")),
    *_channel("市级"),
    *_channel("县级"),
    Column("企业名称", ("企业", "企业名称"), synonyms=("企业全称", "单位名称", "企业", "公司名称", "生产经营单位名称", "挂牌企业")),
    Column("企业主要负责人", ("企业", "企业主要负责人"), synonyms=("主要负责人",)),
    Column("分管负责人", ("企业", "分管负责人"), synonyms=("分管安全负责人", "分管安全领导")),
    Column("安全管理人员", ("企业", "安全管理人员"), synonyms=("安全管理员", "专职安全管理人员")),
    Column("所属行业", ("企业", "所属行业"), synonyms=("行业", "行业类别", "行业领域", "监管行业", "行业分类")),
    Column("企业监督举报电话", ("企业", "企业监督举报电话"), "phone", synonyms=("监督举报电话", "举报电话")),
    Column("企业应急电话", ("企业", "企业应急电话"), "phone",
           synonyms=("应急电话", "应急值班电话", "值班电话", "调度电话", "联系电话", "企业联系电话")),
    Column("市级直接监管", ("企业", "市级直接监管"), "yesno",
           synonyms=("是否市级直接监管", "监管层级", "监管级别", "管理层级", "监管方式")),
    Column("修订日期", ("企业", "修订日期"), "date", synonyms=("修订时间", "更新日期", "填写日期")),
    Column("风险信息网址", ("企业", "风险信息网址"), synonyms=("风险信息公示网址", "风险公告网址")),
    Column("监管责任.风险点", ("监管责任", "风险点"), "labels", synonyms=("2-1-1风险点", "重大风险点", "责任牌风险点")),
    Column("输出.渐变背景", ("输出", "渐变背景"), "yesno", synonyms=("渐变背景",)),
    Column("输出.裁切标记", ("输出", "裁切标记"), "yesno", synonyms=("裁切标记",)),
    Column("输出.标志文件夹", ("输出", "标志文件夹"), synonyms=("标志文件夹",)),
)
"""The 企业信息 rows, in order.  ``输出.尺寸.2-2``-style rows (尺寸, 份数, 出血 per 附表) are
added by the exporter when used and read by :data:`OUTPUT_TABLES`."""

OUTPUT_TABLES: dict[str, Kind] = {"尺寸": "text", "份数": "int", "出血": "text"}
"""输出 entries keyed by 附表 (``输出.尺寸.2-4``), one 企业信息 row each."""

# --- 监管责任 -----------------------------------------------------------------------------

SUPERVISION_SHEET = "监管责任"
COUNTY_LEADER = "县级政府领导"
SPECIAL = "专业监管部门"
CATEGORIES: tuple[str, ...] = (COUNTY_LEADER, "行业主管部门", "安全监管部门", SPECIAL, "属地监管")
CATEGORY_SYNONYMS: dict[str, str] = {
    "县政府领导": COUNTY_LEADER, "县级领导": COUNTY_LEADER, "政府领导": COUNTY_LEADER, "县政府分管领导": COUNTY_LEADER,
    "行业主管": "行业主管部门", "行业部门": "行业主管部门", "行业监管部门": "行业主管部门",
    "安全监管": "安全监管部门", "应急管理部门": "安全监管部门", "安全生产监管部门": "安全监管部门",
    "专业监管": SPECIAL, "专业部门": SPECIAL,
    "属地监管部门": "属地监管", "属地监管责任": "属地监管", "属地管理部门": "属地监管", "属地管理": "属地监管",
    "属地": "属地监管",
}
LEVELS: tuple[str, ...] = ("国家", "省", "市", "县", "乡镇", "街道")

SUPERVISION = SheetSpec(SUPERVISION_SHEET, ("监管部门", "监管责任部门", "监督管理责任", "安全生产监督管理责任"), (
    Column("类别", ("类别",), "choice", 16, ("监管类别", "类型", "责任类别", "监管类型", "部门类别")),
    Column("层级", ("层级",), "choice", 8, ("部门层级", "级别", "政府层级")),
    Column("部门", ("部门",), "text", 30, ("部门名称", "监管部门", "单位", "单位名称")),
    Column("责任领导", ("责任领导", "姓名"), "text", 12, ("责任领导姓名", "领导", "领导姓名", "姓名")),
    Column("职务", ("责任领导", "职务"), "text", 22, ("责任领导职务", "领导职务")),
    Column("具体责任人", ("具体责任人",), "text", 12, ("责任人", "具体负责人")),
))

# --- 工作场所, 班组与岗位 ------------------------------------------------------------------


def _dept(name: str, short: str) -> tuple[Column, ...]:
    return (
        Column(name, (name, "部门"), "text", 16, (f"{name}名称", short, f"{short}名称")),
        Column(f"{name}.责任领导", (name, "责任领导"), "text", 12, (f"{short}责任领导", f"{short}领导")),
        Column(f"{name}.具体责任人", (name, "具体责任人"), "text", 12, (f"{short}具体责任人", f"{short}责任人")),
    )


WORKPLACES = SheetSpec("工作场所", ("场所", "工作场所清单", "车间"), (
    Column("名称", ("名称",), "text", 16, ("工作场所", "工作场所名称", "场所名称", "场所", "车间", "车间名称")),
    Column("场所主要负责人", ("场所主要负责人",), "text", 12, ("主要负责人", "场所负责人", "车间主任", "负责人")),
    Column("企业分管安全领导", ("企业分管安全领导",), "text", 12, ("分管安全领导", "分管领导")),
    Column("带班领导", ("带班领导",), "people", 22, ("每日带班领导", "带班")),
    *_dept("企业安全管理部门", "安全管理部门"),
    *_dept("场所主管部门", "主管部门"),
), record="工作场所")

TEAMS_POSTS = SheetSpec("班组与岗位", ("班组和岗位", "班组岗位", "班组及岗位", "班组"), (
    Column("工作场所", ("工作场所",), "text", 16, ("工作场所名称", "场所", "场所名称", "车间", "所在工作场所")),
    Column("班组", ("班组", "名称"), "text", 16, ("班组名称",)),
    Column("班组负责人", ("班组", "负责人"), "text", 12, ("班长", "负责人")),
    Column("岗位", ("岗位", "名称"), "text", 18, ("岗位名称",)),
    Column("岗位责任人", ("岗位", "责任人"), "text", 12, ("责任人", "岗位负责人")),
))

# --- 岗位责任与风险, 风险点 -----------------------------------------------------------------

POSTS = SheetSpec("岗位责任与风险", ("岗位", "岗位责任", "岗位风险", "岗位信息", "岗位清单", "岗位风险告知卡"), (
    Column("岗位名称", ("岗位名称",), "text", 16, ("岗位", "工种", "岗位工种")),
    Column("人数", ("人数",), "int", 7, ("岗位人数", "员工人数", "定员", "人员数量")),
    Column("岗位安全生产责任", ("岗位安全生产责任",), "list", 50, ("安全生产责任", "岗位职责", "安全职责", "岗位责任")),
    Column("岗位安全风险", ("岗位安全风险",), "list", 45, ("安全风险", "岗位风险", "主要风险", "存在的风险")),
    Column("应急处置及管控措施", ("应急处置及管控措施",), "list", 50,
           ("安全风险应急处置及管控措施", "应急处置措施", "管控措施", "防范措施", "应急措施")),
    Column("救援电话", ("救援电话",), "phone", 12, ("急救电话", "应急救援电话")),
), record="岗位")

RISKS = SheetSpec("风险点", ("风险分级管控清单", "安全风险分级管控清单", "风险清单", "风险点清单", "风险管控清单",
                          "风险辨识清单", "风险点台账", "风险告知牌", "作业活动风险分级管控清单", "设备设施风险分级管控清单",
                          "风险分级管控台账", "安全风险管控清单"), (
    Column("风险点名称", ("风险点名称",), "text", 16,
           ("风险点", "风险点场所名称", "场所名称", "风险点（场所）名称", "风险点位置", "风险点所在位置", "场所位置", "场用位置",
            "区域场所", "作业活动", "作业活动名称", "设备设施名称", "设备设施", "检查对象", "风险源", "风险源名称", "危险源",
            "危险源名称")),
    Column("风险等级", ("风险等级",), "choice", 9,
           ("风险级别", "风险分级", "等级", "级别", "风险等级颜色", "风险颜色", "危险级别", "危险程度", "评价级别", "风险程度",
            "风险评价结果", "评价结果", "现有风险", "剩余风险", "残余风险")),
    Column("所在工作场所", ("所在工作场所",), "text", 14, ("工作场所", "所在场所", "所属场所", "所在车间", "所属车间", "车间")),
    Column("风险及可能造成的危害", ("风险及可能造成的危害",), "list", 45,
           ("风险及危害", "可能造成的危害", "主要危害", "危害", "风险描述", "存在的风险", "危险有害因素", "主要风险",
            "主要危险因素", "危险因素", "危害因素", "危害或潜在事件", "危险源或潜在事件", "潜在风险", "存在的主要风险",
            "不符合标准情况及后果", "未达到标准的主要后果", "主要后果", "可能造成的后果")),
    Column("事故诱因", ("事故诱因",), "list", 36, ("诱因", "事故原因", "致因", "主要原因", "风险因素", "触发因素", "辨识标准")),
    Column("事故类型", ("事故类型",), "names", 20,
           ("事故类别", "可能发生的事故类型", "可能导致的事故类型", "可能发生的事故", "事故类型GB6441", "可能导致的事故",
            "可能发生的事故类型及后果", "可能导致的事故类型及后果", "事故类型及后果", "风险类型", "主要危害后果")),
    Column("管控责任人", ("管控责任人",), "text", 11, ("责任人", "负责人", "管控负责人", "风险管控责任人", "具体负责人")),
    Column("警示标识", ("警示标识",), "labels", 22, ("警示标志", "安全标志", "安全警示标志", "安全警示标识")),
    Column("重要提示", ("重要提示",), "list", 30, ("提示", "警示语", "注意事项")),
    Column("管控措施", ("管控措施",), "list", 50,
           ("风险管控措施", "控制措施", "防范措施", "主要管控措施", "安全措施", "工程技术措施", "管理措施",
            "培训教育措施", "个体防护措施", "工程控制措施", "管理控制措施", "现有控制措施", "现有安全控制措施",
            "现有的控制措施", "主要控制措施", "技术措施", "教育培训措施", "个人防护措施", "个体防护")),
    Column("应急处置措施", ("应急处置措施",), "list", 45, ("应急措施", "应急处置", "处置措施", "应急处置方法")),
), record="风险点")

#: A 风险点 sheet's columns that name the place, best first (ledgers.md §4–5).  The best one present is the
#: 风险点名称; a 风险点 column beside a 风险点位置 one holds hazard statements (construction lists), a 危险源
#: beside a place column is the row's hazard — those two feed the hazard (or cause) lists instead.
RISK_NAME_RANKS: dict[str, int] = {normalise(name): rank for rank, names in enumerate((
    ("风险点位置", "风险点所在位置"),
    ("风险点名称", "风险点", "风险点场所名称", "场所名称", "场所位置", "场用位置", "区域场所"),
    ("作业活动", "作业活动名称", "设备设施名称", "设备设施", "检查对象"),
    ("风险源", "风险源名称", "危险源", "危险源名称"),
)) for name in names}

LEDGER_SKIPPED = frozenset(normalise(name) for name in (
    "编号", "风险点编号", "专业", "风险类别", "类别", "管控层级", "管控级别", "责任单位", "责任部门", "管控单位", "管控部门",
    "责任单位部门", "检查频次", "排查频次", "管控频次", "二维码", "地址卡", "二维码地址卡", "辨识时间", "辨识日期", "复评时间",
    "评价时间", "判别依据", "评价依据", "作业步骤", "工作步骤", "检查项目", "标准", "检查标准", "评价方法", "风险评价方法",
    "建议新增或改进措施", "建议改正控制措施", "建议改进措施", "建议措施", "联系电话", "电话", "固有风险", "初始风险", "备注"))
"""Columns a 风险分级管控清单 carries that no board prints (管控层级, 检查频次, 作业步骤 …): skipped
without a warning.  (L, E, C, D, S, R are read: see :func:`evaluation_key`.)"""

_EVALUATION_WORDS = {
    "可能性": "L", "事故发生的可能性": "L", "发生事故的可能性": "L", "可能性大小": "L", "发生的可能性": "L",
    "暴露频繁程度": "E", "暴露于危险环境的频繁程度": "E", "频繁程度": "E", "暴露频率": "E", "暴露频次": "E",
    "后果": "C/S", "后果严重程度": "C/S", "后果严重性": "C/S", "发生事故可能造成的后果": "C", "严重性": "S",
    "严重程度": "S", "危险性": "D", "危险性分值": "D", "风险值": "D/R", "风险度": "D/R", "风险分值": "D/R",
}


def evaluation_key(text: str) -> str | None:
    """A header of the evaluation columns → ``L``, ``E``, ``C``, ``D``, ``S``, ``R`` (or ``C/S``, ``D/R`` until the
    method is known: 风险值 is D in an LEC list and R in a risk matrix).

    A lone Latin letter decides (``L``, ``可能性（L）``, ``风险值D=L×E×C``); otherwise the
    usual wording.
    """
    value = unicodedata.normalize("NFKC", text).split("=")[0]
    letters = re.findall(r"(?<![A-Za-z])([LECDSRlecdsr])(?![A-Za-z])", value)
    if len(letters) == 1:
        return str(letters[0]).upper()
    return _EVALUATION_WORDS.get(normalise(text)) if not letters else None


#: Sheets of a risk workbook that repeat or summarise the 清单 (ledgers.md §2.1): never read as more risk points.
SUMMARY_SHEETS = ("风险点统计表", "风险统计表", "风险点汇总表", "风险汇总表", "风险评估汇总表", "重大风险清单", "重大风险汇总表",
                  "重大安全风险清单", "风险四色分布图", "安全风险四色分布图", "四色分布图", "作业活动清单", "设备设施清单",
                  "评价记录", "工作危害分析评价记录", "安全检查表分析评价记录", "JHA评价记录", "SCL评价记录")

LIST_SHEETS: tuple[SheetSpec, ...] = (SUPERVISION, WORKPLACES, TEAMS_POSTS, POSTS, RISKS)
SHEET_ORDER: tuple[str, ...] = (INFO_SHEET, *(s.name for s in LIST_SHEETS))

#: Sheets signkit writes for people, never read as data.
HELP_SHEET = "填写说明"
CHOICES_SHEET = "选项"
IGNORED_SHEETS = frozenset({normalise(HELP_SHEET), normalise(CHOICES_SHEET), "说明", "使用说明"})
#: Columns that ledgers carry and signkit has no use for: skipped without a warning.
IGNORED_HEADERS = frozenset({"序号", "编号", "序", "备注", "说明", "no", "No"})
#: Roster columns that no board prints (a credit code, the township): skipped without a warning.
ROSTER_SKIPPED = frozenset(normalise(name) for name in (
    "统一社会信用代码", "社会信用代码", "信用代码", "组织机构代码", "所在乡镇", "所属乡镇", "所在乡镇街道", "地址", "企业地址",
    "生产经营地址", "法定代表人", "是否重大危险源", "重大危险源等级"))

# --- A regulator's roster: one row per enterprise ----------------------------------------

ROSTER_SHEET = "企业名册"
ROSTER_SYNONYMS = ("名册", "监管名册", "监管企业名册", "企业名单", "监管企业名单", "花名册", "监管责任名册")

DEPARTMENTS: tuple[str, ...] = ("行业主管部门", "安全监管部门", SPECIAL, "属地监管")
DEPARTMENT_SYNONYMS: dict[str, str] = {
    "行业主管": "行业主管部门", "安全监管": "安全监管部门", "专业监管": SPECIAL,
    "属地监管部门": "属地监管", "属地管理部门": "属地监管", "属地监管责任": "属地监管", "属地": "属地监管",
}
#: What follows a department's name in a roster header → the key inside the department.
DEPARTMENT_FIELDS: dict[str, KeyPath] = {
    "": ("部门",), "部门": ("部门",), "名称": ("部门",), "部门名称": ("部门",),
    "层级": ("层级",), "部门层级": ("层级",),
    "责任领导": ("责任领导", "姓名"), "领导": ("责任领导", "姓名"), "责任领导姓名": ("责任领导", "姓名"),
    "领导姓名": ("责任领导", "姓名"),
    "职务": ("责任领导", "职务"), "责任领导职务": ("责任领导", "职务"), "领导职务": ("责任领导", "职务"),
    "具体责任人": ("具体责任人",), "责任人": ("具体责任人",), "具体负责人": ("具体责任人",),
}
#: Roster columns that say whether the enterprise has a 重大 risk point: not site keys, read by the roster reader
#: (a 是/否 column, or the enterprise's highest level).
MAJOR_FLAG: KeyPath = ("存在重大风险点",)
HIGHEST_LEVEL: KeyPath = ("最高风险等级",)
#: How many 专业监管部门 column groups the roster template writes.
ROSTER_SPECIALS = 3


def _roster_columns() -> tuple[Column, ...]:
    skip = ("监制单位", "举报网址", "市级举报渠道", "县级举报渠道.网站")
    columns = [Column(row.header, row.key, row.kind, 16, row.synonyms) for row in INFO_ROWS
               if row.key[0] in ("地区", "企业") and not row.header.startswith(skip)]
    columns += [
        Column(COUNTY_LEADER, ("监管责任", COUNTY_LEADER, "姓名"), "text", 12, ("县政府分管领导", "县级领导")),
        Column(f"{COUNTY_LEADER}.职务", ("监管责任", COUNTY_LEADER, "职务"), "text", 18, ("县政府分管领导职务",)),
        Column("监管责任.风险点", ("监管责任", "风险点"), "labels", 14, ("风险点", "重大风险点", "2-1-1风险点")),
    ]
    for dept in DEPARTMENTS:
        groups: list[tuple[str, KeyPath]] = (
            [(f"{SPECIAL}{n}", ("监管责任", SPECIAL, n - 1)) for n in range(1, ROSTER_SPECIALS + 1)]
            if dept == SPECIAL else [(dept, ("监管责任", dept))])
        for label, base in groups:
            columns += [
                Column(f"{label}.层级", (*base, "层级"), "choice", 8),
                Column(label, (*base, "部门"), "text", 22),
                Column(f"{label}.责任领导", (*base, "责任领导", "姓名"), "text", 10),
                Column(f"{label}.职务", (*base, "责任领导", "职务"), "text", 12),
                Column(f"{label}.具体责任人", (*base, "具体责任人"), "text", 10),
            ]
    return tuple(columns)


ROSTER_COLUMNS: tuple[Column, ...] = _roster_columns()
"""The roster template's columns.  The reader matches roster headers by pattern (any
department name or synonym, an optional number for 专业监管部门, then a field), so
``专业监管部门（二）责任领导职务`` and ``行业主管部门具体责任人`` are understood too."""
