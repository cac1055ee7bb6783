"""Every rule id signkit can emit, with its default severity and meaning.

Rule ids are a public, stable interface: CI jobs filter on them, and docs/rules.md is
generated from this table (a test fails when the two drift apart).  Ranges:
SK0xx reading the file, SK1xx the shape of the data, SK2xx the regulation's content
rules, SK3xx fonts and glyph coverage, SK7xx safety signs and accident types, SK8xx
writing the output, SK9xx Excel / CSV import.
"""

from __future__ import annotations

from dataclasses import dataclass

from signkit.excel.rules import EXCEL_RULES
from signkit.fonts.rules import FONT_RULES
from signkit.output.atomic import OUTPUT_RULES
from signkit.preflight.rules import PREFLIGHT_RULES
from signkit.rules.signs import SIGN_BASIS, SIGN_RULES


@dataclass(frozen=True)
class RuleInfo:
    rule: str
    severity: str
    title: str
    basis: str


_RULES: tuple[RuleInfo, ...] = (
    RuleInfo("SK001", "error", "文件不存在或无法读取", "退出码 2"),
    RuleInfo("SK002", "error", "给出的路径是文件夹而不是站点文件", "退出码 2"),
    RuleInfo("SK003", "error", "文件超过大小上限（默认 4 MiB，--max-bytes 可调），未读取", "退出码 2"),
    RuleInfo("SK004", "error", "文件不是 UTF-8 编码（指出无法解码的位置，识别 GBK 时给出提示）", "YAML 规范"),
    RuleInfo("SK005", "error", "文件含二进制内容，不是文本", ""),
    RuleInfo("SK006", "error", "YAML 语法错误（缩进、冒号、引号等），附中文说明", "YAML 规范"),
    RuleInfo("SK007", "error", "使用制表符（Tab）缩进", "YAML 规范"),
    RuleInfo("SK008", "error", "别名展开或嵌套过深（防止“billion laughs”类文件耗尽内存）", ""),
    RuleInfo("SK009", "error", "同一映射中键重复", ""),
    RuleInfo("SK010", "error", "文件为空", ""),
    RuleInfo("SK011", "error", "顶层不是「键: 值」映射", ""),
    RuleInfo("SK013", "error", "不支持的键（合并键 << 或非文字的键）", ""),
    RuleInfo("SK014", "error", "配置文件 signkit.toml 有误（无法读取、格式错误或未知配置项），退出码 2", ""),
    RuleInfo("SK101", "error", "未知的键（拼写错误等），给出最接近的正确写法", ""),
    RuleInfo("SK102", "error", "缺少必填项", ""),
    RuleInfo("SK103", "error", "必填项为空", ""),
    RuleInfo("SK104", "error", "取值类型不对（应为文字、整数、是/否、列表或映射）", ""),
    RuleInfo("SK105", "error", "数值超出范围（如人数小于 1）", ""),
    RuleInfo("SK106", "error", "日期格式不对", ""),
    RuleInfo("SK107", "error", "取值不在允许的选项中（风险等级、层级）", "填写说明 (2)"),
    RuleInfo("SK201", "error", "电话号码格式不正确（固定电话须带区号；手机号 11 位；或 12350、119、120 等服务号码）", ""),
    RuleInfo("SK202", "error", "岗位风险告知卡缺少救援电话", "五、3：必须注明救援电话和企业应急电话"),
    RuleInfo("SK203", "error", "缺少企业应急电话（告知卡背面必须注明）", "五、3"),
    RuleInfo("SK204", "error", "县级举报渠道未填写（2-6、2-7 的县级空白处须明确）", "六、3；七、3"),
    RuleInfo("SK205", "error", "城市没有内置资料，须自行填写监制单位和市级举报渠道", ""),
    RuleInfo("SK206", "error", "附表 2-1-1 的企业缺少县级政府领导", "挂牌说明 (1)"),
    RuleInfo("SK207", "error", "附表 2-1-1 的风险点不是本企业的重大风险点", "挂牌说明 (1)"),
    RuleInfo("SK208", "error", "附表 2-1-1 印出的分管负责人未填写", "附表 2-1-1"),
    RuleInfo("SK209", "error", "附表 2-1-2 印出的安全管理人员未填写", "附表 2-1-2"),
    RuleInfo("SK210", "warning", "责任领导的职务与挂牌说明的要求不符（主要负责人 / 分管领导）", "挂牌说明 (2)–(4)"),
    RuleInfo("SK211", "error", "市级直接监管企业的属地监管责任应为县级对口行业部门", "挂牌说明 (4)"),
    RuleInfo("SK212", "warning", "监管部门的层级与监管方式不符", "挂牌说明 (2)–(4)"),
    RuleInfo("SK213", "warning", "专业监管部门超过附表留出的 3 行，责任牌将加高", "附表 2-1"),
    RuleInfo("SK214", "error", "同一上级下名称重复（两个同名工作场所、班组、岗位、风险点或部门）", ""),
    RuleInfo("SK215", "error", "工作场所的岗位行引用了「岗位」列表中没有的岗位（没有对应的 2-3 责任牌和 2-5 告知卡）",
             "附表 2-2、2-3、2-5"),
    RuleInfo("SK216", "warning", "岗位没有出现在任何工作场所的责任牌上", "附表 2-2"),
    RuleInfo("SK217", "error", "风险点的所在工作场所不存在", ""),
    RuleInfo("SK218", "warning", "岗位安全生产责任模糊宽泛或列入了其他工作职责", "三、3：不得模糊宽泛，其他工作职责不得列入"),
    RuleInfo("SK219", "warning", "列表项自带编号，印制时会重复编号", ""),
    RuleInfo("SK220", "warning", "填写的内容不会印在本企业的责任牌上", ""),
    RuleInfo("SK221", "error", "缺少企业监督举报电话（2-4 告知牌底部印出）", "附表 2-4"),
    RuleInfo("SK222", "warning", "没有工作场所、岗位或风险点，相应的牌卡不会生成", "四牌一卡"),
    RuleInfo("SK223", "error", "邮编应为 6 位数字", ""),
    RuleInfo("SK224", "warning", "县级政府领导的职务看起来不是县政府分管领导", "挂牌说明 (1)"),
    RuleInfo("SK225", "error", "尺寸格式不对（应为 宽×高，单位毫米或 cm）", ""),
    RuleInfo("SK226", "error", "尺寸小于规范最小尺寸，或须按比例放大的牌未按比例", "各附表格式要求"),
    RuleInfo("SK501", "error", "文字在最小可读字号下仍放不下格子（指出字段、超出多少、至少需要多大的版面）", "不得裁切文字"),
    RuleInfo("SK502", "warning", "文字放不下，已按 --fit grow 放大版面", ""),
    RuleInfo("SK227", "error", "文字中含有看不见的控制字符（复制粘贴带入），印出会缺字或错位", "不印缺字"),
    RuleInfo("SK503", "warning", "印刷清单 PDF 中有文字放不下（完整内容见 CSV）", ""),
    RuleInfo("SK228", "error", "印成二维码的网址（地区.举报网址、企业.风险信息网址）不是 http(s) 网址（规范只给出栏目路径，"
             "signkit 不编造网址）", "附表 2-4、2-6、2-7"),
    RuleInfo("SK229", "error", "网址太长，印成二维码后模块小于观看距离 / 700，在牌的观看距离外难以扫描", "附表 2-4、2-6、2-7"),
    RuleInfo("SK401", "error", "模板缺少变量（内置模板与程序不一致）", ""),
    RuleInfo("SK402", "error", "模板无法使用（找不到、语法错误、沙箱拒绝的访问或标记格式不对）", ""),
    *(RuleInfo(rule, severity, title, SIGN_BASIS.get(rule, "")) for rule, (severity, title) in SIGN_RULES.items()),
    *(RuleInfo(rule, severity, title, "") for rule, (severity, title) in EXCEL_RULES.items()),
)

RULES: dict[str, RuleInfo] = {info.rule: info for info in _RULES}
for _subsystem in (FONT_RULES, PREFLIGHT_RULES, OUTPUT_RULES):
    RULES.update({rule: RuleInfo(rule, severity, title, "") for rule, (severity, title) in _subsystem.items()})


def rules_markdown() -> str:
    """docs/rules.md, generated from the catalog."""
    lines = [
        "# 规则一览 / Rule ids",
        "",
        "signkit 的每条诊断都带有一个稳定的规则编号，CI 可据此过滤。"
        "SK0xx 读取文件，SK1xx 数据结构，SK2xx 规范内容，SK3xx 字体与字形覆盖，SK7xx 安全标志与事故类型，"
        "SK8xx 写入输出，SK9xx 导入 Excel / CSV。",
        "`--strict` 把警告当作错误。本页由 `signkit.rules.catalog.rules_markdown()` 生成，"
        "测试会检查它与代码一致（更新：`signkit rules --markdown > docs/rules.md`）。",
        "",
        "| 编号 | 级别 | 含义 | 依据 |",
        "|---|---|---|---|",
    ]
    label = {"error": "错误", "warning": "警告", "info": "说明"}
    for info in sorted(RULES.values(), key=lambda i: i.rule):
        lines.append(f"| {info.rule} | {label[info.severity]} | {info.title} | {info.basis} |")
    return "\n".join(lines) + "\n"

