"""The site file: one enterprise, everything its boards print.

Keys in the YAML are Chinese, in the wording the 附表 prints, so a safety officer
reads the file the way he reads the board; Python code uses the English attribute
names.  Every model forbids unknown keys.  Whether a field is *required by a board*
(分管负责人 on 2-1-1 only, 救援电话 on 2-5 …) is a content rule in
:mod:`signkit.rules`, not a schema constraint, so that the message can say which
board needs it and why.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, cast

from pydantic import BaseModel, Field, field_validator

from signkit.model.fields import (
    RISK_LEVELS,
    STRICT,
    Level,
    OptionalPhone,
    OptionalText,
    OptionalTextList,
    RiskLevel,
    Text,
    YesNo,
)


def _f(alias: str, description: str, **kwargs: Any) -> Any:
    """A field whose YAML key, JSON-schema title and description are Chinese."""
    return Field(alias=alias, title=alias, description=description, **kwargs)


def _drop_format(schema: dict[str, Any]) -> None:
    """Editors would reject 2026年5月1日 under ``format: date``; signkit accepts it."""
    schema.pop("format", None)


class Channel(BaseModel):
    """A reporting channel printed in the 举报渠道 section of 附表 2-6 and 2-7."""

    model_config = STRICT

    phone: OptionalPhone = _f("电话", "电话举报号码，如 0350-12350", default=None)
    letter_address: OptionalText = _f("来信地址", "来信举报的地址", default=None)
    postcode: OptionalText = _f("邮编", "来信地址的邮政编码（6 位数字，建议加引号）", default=None,
                                json_schema_extra={"anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}]})
    website: OptionalText = _f("网站", "网站举报的网址或栏目路径", default=None)


class Region(BaseModel):
    """Where the enterprise is, which fixes the 监制 unit and the reporting channels."""

    model_config = STRICT

    city: Text = _f("城市", "所在城市，如 忻州市（内置忻州市的监制单位和市级举报渠道）")
    county: Text = _f("县区", "所在县（市、区），如 忻府区")
    supervisor_unit: OptionalText = _f(
        "监制单位", "2-1 监管责任牌底部的监制单位；留空时使用城市的内置值", default=None)
    city_channel: Channel | None = _f(
        "市级举报渠道", "2-6、2-7 的市级举报渠道；留空时使用城市的内置值", default=None)
    county_channel: Channel | None = _f(
        "县级举报渠道", "2-6、2-7 的县级举报渠道（规范要求各县在空白处明确）", default=None)
    report_url: OptionalText = _f(
        "举报网址", "网上举报页面的网址（http:// 或 https:// 开头）；填写后 2-6、2-7 印出二维码。规范只给出了栏目路径，"
        "signkit 不会自行编造网址", default=None)


class Enterprise(BaseModel):
    """The enterprise itself (附表 2-1 top rows, 2-4 footer, 2-5 back)."""

    model_config = STRICT

    name: Text = _f("企业名称", "企业全称，印在 2-1 责任牌上")
    principal: OptionalText = _f("企业主要负责人", "企业主要负责人姓名（附表 2-1 印出）", default=None)
    deputy: OptionalText = _f("分管负责人", "企业分管安全的负责人（附表 2-1-1 印出）", default=None)
    safety_manager: OptionalText = _f("安全管理人员", "企业安全管理人员（附表 2-1-2 印出）", default=None)
    industry: OptionalText = _f("所属行业", "所属行业，如 危险化学品、建材、煤矿（附表 2-1 印出）", default=None)
    report_phone: OptionalPhone = _f("企业监督举报电话", "企业内部监督举报电话（印在 2-4 底部）", default=None)
    emergency_phone: OptionalPhone = _f("企业应急电话", "企业应急电话（印在 2-5 告知卡背面）", default=None)
    risk_url: OptionalText = _f(
        "风险信息网址", "本企业公布安全风险信息的网页网址（http:// 或 https:// 开头）；填写后每块 2-4 告知牌标题右侧印出"
        "二维码。不填则不印，signkit 不会自行编造网址", default=None)
    city_supervised: YesNo = _f("市级直接监管", "是否由市级部门直接监管（是/否）", default=False)
    revised: dt.date = _f("修订日期", "本文件数据最后修订的日期，如 2026-05-01 或 2026年5月1日；印在每块牌的修订标记中",
                          json_schema_extra=_drop_format)

    @field_validator("revised", mode="before")
    @classmethod
    def _date_text(cls, value: Any) -> Any:
        """Accept 2026年5月1日 and 2026/5/1 as well as ISO dates."""
        if isinstance(value, str):
            text = value.strip().replace("年", "-").replace("月", "-").replace("日", "").replace("/", "-")
            text = text.replace(".", "-")
            parts = text.split("-")
            if len(parts) == 3 and all(p.isdigit() for p in parts):
                return f"{int(parts[0]):04d}-{int(parts[1]):02d}-{int(parts[2]):02d}"
        return value


class Leader(BaseModel):
    """A responsible leader: the name is printed, the title lets rules check 挂牌说明."""

    model_config = STRICT

    name: Text = _f("姓名", "姓名")
    title: Text = _f("职务", "职务，如 局长、副局长、副县长；用于核对挂牌说明对责任领导的要求")


class Department(BaseModel):
    """A supervising department row of 附表 2-1-x."""

    model_config = STRICT

    level: Level = _f("层级", "部门层级：国家、省、市、县、乡镇 或 街道（国家矿山安全监察局山西局 等写 国家；省直部门写 省）")
    department: Text = _f("部门", "部门名称，如 忻府区应急管理局")
    leader: Leader = _f("责任领导", "责任领导（姓名与职务）")
    officer: Text = _f("具体责任人", "具体责任人姓名")


class Supervision(BaseModel):
    """附表 2-1-1 / 2-1-2: who in government supervises the enterprise."""

    model_config = STRICT

    county_leader: Leader | None = _f(
        "县级政府领导", "挂牌的县政府分管领导（仅附表 2-1-1，存在重大风险点的县级监管企业）", default=None)
    risk_points: OptionalTextList = _f(
        "风险点", "附表 2-1-1 印出的重大风险点（一个或多个，须是本文件「风险点」中的重大风险点）；"
        "不填时印出本文件全部重大风险点", default_factory=list)
    industry_dept: Department | None = _f("行业主管部门", "行业主管部门（附表 2-1 印出）", default=None)
    safety_dept: Department | None = _f("安全监管部门", "安全监管部门（附表 2-1 印出）", default=None)
    special_depts: list[Department] = _f(
        "专业监管部门", "专业监管部门（0 个或多个；附表留有 3 行，更多时责任牌加高）", default_factory=list)
    local_dept: Department | None = _f("属地监管", "属地监管责任（2-1-1）/ 属地管理部门（2-1-2）", default=None)


class InternalDept(BaseModel):
    """An enterprise-internal department row of 附表 2-2."""

    model_config = STRICT

    department: Text = _f("部门", "企业内部部门名称")
    leader: Text = _f("责任领导", "责任领导姓名")
    officer: Text = _f("具体责任人", "具体责任人姓名")


class Team(BaseModel):
    """A 班组 row of 附表 2-2."""

    model_config = STRICT

    name: Text = _f("名称", "班组名称")
    leader: Text = _f("负责人", "班组负责人姓名")


class WorkplacePost(BaseModel):
    """A 岗位 row of 附表 2-2; ``名称`` names a post of the top-level 岗位 list."""

    model_config = STRICT

    name: Text = _f("名称", "岗位名称，须与「岗位」列表中的岗位名称一致")
    holder: Text = _f("责任人", "岗位责任人姓名")


class Workplace(BaseModel):
    """附表 2-2 企业安全生产责任牌: one per workplace, 车间 or 工作面."""

    model_config = STRICT

    name: Text = _f("名称", "工作场所名称，如 一车间、合成工段")
    head: OptionalText = _f("场所主要负责人", "场所主要负责人姓名", default=None)
    safety_leader: OptionalText = _f("企业分管安全领导", "分管本场所的企业领导", default=None)
    shift_leaders: OptionalTextList = _f("带班领导", "每日带班领导（一人或多人）", default_factory=list)
    safety_dept: InternalDept | None = _f("企业安全管理部门", "本企业内部负责安全的管理部门", default=None)
    managing_dept: InternalDept | None = _f("场所主管部门", "企业内部主管该场所的部门", default=None)
    teams: list[Team] = _f("班组", "班组及其负责人（任意条）", default_factory=list)
    posts: list[WorkplacePost] = _f("岗位", "岗位及其责任人（任意条）", default_factory=list)


class Post(BaseModel):
    """附表 2-3 员工岗位责任牌 and 2-5 岗位风险告知卡: one post."""

    model_config = STRICT

    name: Text = _f("岗位名称", "岗位名称，如 合成操作工")
    headcount: int | None = _f("人数", "本岗位员工人数：每人发一张岗位风险告知卡", default=None, ge=1)
    duties: OptionalTextList = _f("岗位安全生产责任", "本岗位具体的安全生产责任（逐条，不得模糊宽泛；附表 2-3 印出）",
                                  default_factory=list)
    risks: OptionalTextList = _f("岗位安全风险", "本岗位存在的安全风险（逐条，印在告知卡正面）", default_factory=list)
    measures: OptionalTextList = _f("应急处置及管控措施", "安全风险应急处置及管控措施（逐条，印在告知卡背面）",
                                    default_factory=list)
    rescue_phone: OptionalPhone = _f("救援电话", "救援电话（告知卡背面必须注明），如 119、120 或园区救援电话", default=None)


class RiskPoint(BaseModel):
    """附表 2-4 安全风险分级管控告知牌: one risk point."""

    model_config = STRICT

    name: Text = _f("风险点名称", "风险点、场所名称")
    level: RiskLevel = _f("风险等级", "风险等级：重大（红）、较大（橙）、一般（黄）、低（蓝）")
    workplace: OptionalText = _f("所在工作场所", "风险点所在的工作场所（可选，须与「工作场所」中的名称一致）", default=None)
    hazards: OptionalTextList = _f("风险及可能造成的危害", "逐条写出该场所存在的风险及可能造成的伤害", default_factory=list)
    causes: OptionalTextList = _f("事故诱因", "可能引发事故的原因（逐条）", default_factory=list)
    accidents: OptionalTextList = _f(
        "事故类型", "可能发生的事故类别（GB 6441：物体打击、车辆伤害、机械伤害、起重伤害、触电、淹溺、灼烫、火灾、高处坠落、"
        "坍塌、冒顶片帮、透水、放炮、火药爆炸、瓦斯爆炸、锅炉爆炸、容器爆炸、其他爆炸、中毒和窒息、其他伤害）；"
        "不印在牌上，用于建议和核对警示标识", default_factory=list)
    owner: OptionalText = _f("管控责任人", "本场所风险管控具体负责人", default=None)
    signs: OptionalTextList = _f(
        "警示标识", "印在告知牌上的安全标志：标志名称（如 当心爆炸、禁止烟火，signkit signs 列出全部），"
        "或自己的标志文件（.svg 矢量，或 .png、.jpg 图片）；写「自动」则按事故类型选用建议的标志", default_factory=list)
    notices: OptionalTextList = _f("重要提示", "相关警示语、提示等", default_factory=list)
    controls: OptionalTextList = _f("管控措施", "风险管控措施（逐条）", default_factory=list)
    emergency: OptionalTextList = _f("应急处置措施", "应急处置措施（逐条）", default_factory=list)


FormId = Literal["2-1-1", "2-1-2", "2-2", "2-3", "2-4", "2-5", "2-6", "2-7"]


class Output(BaseModel):
    """How the boards are made: sizes, copies, background (all optional)."""

    model_config = STRICT

    sizes: dict[FormId, Text] = _f(
        "尺寸", "各附表的成品尺寸「宽×高」（毫米，可加 cm），如 2-2: 1500×1000；不小于规范最小尺寸，2-3、2-6 须按比例放大",
        default_factory=dict)
    copies: dict[FormId, Annotated[int, Field(ge=1)]] = _f(
        "份数", "除告知卡外各附表每块的制作份数（默认 1；告知卡按岗位人数）", default_factory=dict)
    gradient: YesNo = _f("渐变背景", "规范未规定背景的 2-3、2-4、2-5 是否也用天蓝色到白色渐变（默认 是）", default=True)
    bleed: dict[FormId, Annotated[float, Field(ge=0, le=20)]] = _f(
        "出血", "各附表的出血（毫米，0–20），如 2-2: 3；默认 2-5 告知卡 3 mm，各种牌 0"
        "（大牌喷绘通常不加出血，印刷厂可在 signkit.toml 中设定）", default_factory=dict)
    marks: YesNo = _f("裁切标记", "是否在出血外加裁切标记（默认 否）", default=False)
    sign_folder: OptionalText = _f(
        "标志文件夹", "自备安全标志文件的文件夹（相对于站点文件）：其中「标志名称.svg」（或 .pdf、.png、.jpg）"
        "按名称替换内置标志，内置库没有的名称也可使用", default=None)

    def size_of(self, form_id: str) -> str | None:
        """The size requested for ``form_id`` (输出.尺寸), as written, or ``None``."""
        return self.sizes.get(cast(FormId, form_id))

    def copies_of(self, form_id: str) -> int:
        """How many of each board of ``form_id`` to make (输出.份数; default 1)."""
        return self.copies.get(cast(FormId, form_id), 1)

    def bleed_of(self, form_id: str) -> float:
        """The bleed asked for ``form_id`` (输出.出血; default 0 mm)."""
        return float(self.bleed.get(cast(FormId, form_id), 0.0))


class Site(BaseModel):
    """One site file: one enterprise and everything its boards print."""

    model_config = STRICT

    region: Region = _f("地区", "所在地区与举报渠道")
    enterprise: Enterprise = _f("企业", "企业基本信息")
    supervision: Supervision = _f("监管责任", "安全生产监督管理责任（附表 2-1-1 / 2-1-2）", default_factory=Supervision)
    workplaces: list[Workplace] = _f("工作场所", "企业安全生产责任牌（附表 2-2），每个工作场所一块", default_factory=list)
    posts: list[Post] = _f("岗位", "员工岗位责任牌（2-3）与岗位风险告知卡（2-5），每个岗位一项", default_factory=list)
    risk_points: list[RiskPoint] = _f("风险点", "安全风险分级管控告知牌（2-4），每个风险点一块", default_factory=list)
    output: Output = _f("输出", "制作选项：尺寸、份数、背景、标志文件夹（可选）", default_factory=Output)

    @property
    def highest_risk(self) -> str | None:
        """The most severe 风险等级 among the risk points, or ``None`` if there are none."""

        levels = [p.level for p in self.risk_points]
        for level in RISK_LEVELS:
            if level in levels:
                return level
        return None
