"""Every rule id signkit can emit: its default severity, its meaning and its basis in the regulation.

Rule ids are a public, stable interface: CI jobs filter on them, ``signkit rules`` lists
them and ``docs/rules.md`` is generated from this one table (a test fails when the two
drift apart).  The table imports nothing of signkit, so any stage can name a rule
without pulling in another stage, and listing the rules needs neither fontTools nor
pikepdf nor openpyxl.

Ranges: SK0xx reading the file, SK1xx the shape of the data, SK2xx the regulation's
content rules, SK3xx fonts and glyph coverage, SK4xx built-in templates, SK5xx fitting
text on the boards, SK6xx PDF preflight, SK7xx safety signs and accident types, SK8xx
writing the output, SK9xx Excel / CSV import.

The severity here is the *default*: a diagnostic may be emitted milder when the
situation was asked for or
when the finding is only a hint of the problem (a page that merely *declares* a
transparency group).  Why SK608 (spot colour) is a warning and not an error: a spot
colour is sometimes wanted (a company colour agreed with the print shop), but on the
large-format printers that print these boards the RIP replaces it by its alternate
colour, which rarely matches, so print shops want it flagged and ``--strict`` fails on
it.  Why SK613 (a preflight limit reached) is an error: the preflight answers whether a
file prints as it should, and a file it could not read to the end has not been checked
— a file built to stop a checker is the file a RIP chokes on.  Problems with the *data*
in a workbook keep the ids ``check`` gives them in a site file (SK1xx, SK2xx); the SK9xx
ids are for what only a workbook can get wrong.
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

Level = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Code:
    """One rule id: default severity, one-line Chinese meaning, and its basis (a clause, a standard) if any."""

    rule: str
    severity: Level
    title: str
    basis: str = ""


_CODES: tuple[Code, ...] = (
    # Reading the file (SK0xx)
    Code("SK001", "error", "文件不存在或无法读取", "退出码 2"),
    Code("SK002", "error", "给出的路径是文件夹而不是站点文件", "退出码 2"),
    Code("SK003", "error", "文件超过大小上限（默认 4 MiB，--max-bytes 可调），未读取", "退出码 2"),
    Code("SK004", "error", "文件不是 UTF-8 编码（指出无法解码的位置，识别 GBK 时给出提示）", "YAML 规范"),
    Code("SK005", "error", "文件含二进制内容，不是文本"),
    Code("SK006", "error", "YAML 语法错误（缩进、冒号、引号等），附中文说明", "YAML 规范"),
    Code("SK007", "error", "使用制表符（Tab）缩进", "YAML 规范"),
    Code("SK008", "error", "别名展开过多（节点上限随文件大小：字符数的一半加 10,000）或嵌套超过 64 层；指出是哪个别名、用在哪里"),
    Code("SK009", "error", "同一映射中键重复"),
    Code("SK010", "error", "文件为空"),
    Code("SK011", "error", "顶层不是「键: 值」映射"),
    Code("SK013", "error", "不支持的键（合并键 << 或非文字的键）"),
    Code("SK014", "error", "配置文件 signkit.toml 有误（无法读取、格式错误或未知配置项），退出码 2"),
    Code("SK015", "error", "不支持的 YAML 标签（如 !!python/object、!!binary；站点文件的内容都按文字读取）"),
    Code("SK016", "warning", "未使用的忽略注释：# signkit: ignore[…] 中的规则在这一行（或这一项）没有任何诊断可忽略"),
    Code("SK017", "warning", "忽略注释写法有误：没有写规则编号（不允许不带编号的 # signkit: ignore），或编号不存在"),
    Code("SK018", "warning", "这条规则不能忽略（文件读不了、必填的值缺失或无效、缺字、文字放不下等），忽略无效，问题照常报告"),
    # The shape of the data (SK1xx)
    Code("SK101", "error", "未知的键（拼写错误等），给出最接近的正确写法"),
    Code("SK102", "error", "缺少必填项"),
    Code("SK103", "error", "必填项为空"),
    Code("SK104", "error", "取值类型不对（应为文字、整数、是/否、列表或映射）"),
    Code("SK105", "error", "数值超出范围（如人数小于 1）"),
    Code("SK106", "error", "日期格式不对"),
    Code("SK107", "error", "取值不在允许的选项中（风险等级、层级）", "填写说明 (2)"),
    # The regulation's content rules (SK2xx)
    Code("SK201", "error", "电话号码格式不正确（固定电话须带区号；手机号 11 位；或 12350、119、120 等服务号码）"),
    Code("SK202", "error", "岗位风险告知卡缺少救援电话", "五、3：必须注明救援电话和企业应急电话"),
    Code("SK203", "error", "缺少企业应急电话（告知卡背面必须注明）", "五、3"),
    Code("SK204", "error", "县级举报渠道未填写（2-6、2-7 的县级空白处须明确）", "六、3；七、3"),
    Code("SK205", "error", "城市没有内置资料，须自行填写监制单位和市级举报渠道"),
    Code("SK206", "error", "附表 2-1-1 的企业缺少县级政府领导", "挂牌说明 (1)"),
    Code("SK207", "error", "附表 2-1-1 的风险点不是本企业的重大风险点", "挂牌说明 (1)"),
    Code("SK208", "error", "附表 2-1-1 印出的分管负责人未填写", "附表 2-1-1"),
    Code("SK209", "error", "附表 2-1-2 印出的安全管理人员未填写", "附表 2-1-2"),
    Code("SK210", "warning", "责任领导的职务与挂牌说明的要求不符（主要负责人 / 分管领导）", "挂牌说明 (2)–(4)"),
    Code("SK211", "error", "市级直接监管企业的属地监管责任应为县级对口行业部门", "挂牌说明 (4)"),
    Code("SK212", "warning", "监管部门的层级与监管方式不符", "挂牌说明 (2)–(4)"),
    Code("SK213", "warning", "专业监管部门超过附表留出的 3 行，责任牌将加高", "附表 2-1"),
    Code("SK214", "error", "同一上级下名称重复（两个同名工作场所、班组、岗位、风险点或部门）"),
    Code("SK215", "error", "工作场所的岗位行引用了「岗位」列表中没有的岗位（没有对应的 2-3 责任牌和 2-5 告知卡）", "附表 2-2、2-3、2-5"),
    Code("SK216", "warning", "岗位没有出现在任何工作场所的责任牌上", "附表 2-2"),
    Code("SK217", "error", "风险点的所在工作场所不存在"),
    Code("SK218", "warning", "岗位安全生产责任模糊宽泛或列入了其他工作职责", "三、3：不得模糊宽泛，其他工作职责不得列入"),
    Code("SK219", "warning", "列表项自带编号，印制时会重复编号"),
    Code("SK220", "warning", "填写的内容不会印在本企业的责任牌上"),
    Code("SK221", "error", "缺少企业监督举报电话（2-4 告知牌底部印出）", "附表 2-4"),
    Code("SK222", "warning", "没有工作场所、岗位或风险点，相应的牌卡不会生成", "四牌一卡"),
    Code("SK223", "error", "邮编应为 6 位数字"),
    Code("SK224", "warning", "县级政府领导的职务看起来不是县政府分管领导", "挂牌说明 (1)"),
    Code("SK225", "error", "尺寸格式不对（应为 宽×高，单位毫米或 cm）"),
    Code("SK226", "error", "尺寸小于规范最小尺寸，或须按比例放大的牌未按比例", "各附表格式要求"),
    Code("SK227", "error", "文字中含有看不见的控制字符（复制粘贴带入），印出会缺字或错位", "不印缺字"),
    Code("SK228", "error",
         "印成二维码的网址（地区.举报网址、企业.风险信息网址）不是 http(s) 网址（规范只给出栏目路径，signkit 不编造网址）",
         "附表 2-4、2-6、2-7"),
    Code("SK229", "error", "网址太长，印成二维码后模块小于观看距离 / 700，在牌的观看距离外难以扫描", "附表 2-4、2-6、2-7"),
    Code("SK230", "info", "电话号码中的注释（办、值班、手机等）不印出，或省略了区号的第二个号码补上了区号，请核对印出的号码"),
    # Fonts and glyph coverage (SK3xx)
    Code("SK301", "error", "字体文件不存在或无法读取"),
    Code("SK302", "error", "字体授权（OS/2 fsType）禁止嵌入或子集化，不能用于 PDF"),
    Code("SK303", "error", "不支持的字体格式（CFF/PostScript 轮廓、网页字体或缺少必需的表），ReportLab 无法嵌入"),
    Code("SK304", "info", "未使用法定字体，改用了替代字体（每次运行说明一次；--fonts bundled 是有意选用，不再说明）"),
    Code("SK305", "warning", "字符不在首选字体中，由后备字体印出"),
    Code("SK306", "error", "字符在所有可用字体中都缺失，无法印出"),
    Code("SK307", "error", ".ttc 字体集中找不到指定的字形（名称或序号）"),
    Code("SK308", "warning", "系统已安装的法定字体无法使用，已跳过"),
    Code("SK309", "error", "正式印刷（--final 或 signkit.toml 的 [print] final = true）不接受替代字体：render 不生成任何文件（退出码 2），"
         "check 报告为错误"),
    # Built-in templates (SK4xx)
    Code("SK401", "error", "模板缺少变量（内置模板与程序不一致）"),
    Code("SK402", "error", "模板无法使用（找不到、语法错误、沙箱拒绝的访问或标记格式不对）"),
    # Fitting text on the boards (SK5xx)
    Code("SK501", "error", "文字在最小可读字号下仍放不下格子（指出字段、超出多少、至少需要多大的版面）", "不得裁切文字"),
    Code("SK502", "warning", "文字放不下，已按 --fit grow 放大版面"),
    Code("SK503", "warning", "印刷清单 PDF 中有文字放不下（完整内容见 CSV）"),
    Code("SK506", "info", "附表 2-1 按内容增高（专业监管部门多于三个，或 2-1-1 的重大风险点多于一行能列出的），成品尺寸见清单和印刷清单"),
    Code("SK505", "error", "告知卡放不进所选拼版纸张（卡片加出血、裁切线和纸边留白超出纸张），没有生成拼版文件；牌照常生成"),
    Code("SK504", "warning", "同类牌（2-2、2-3、2-4 各自一组）字号不一致：这块牌的文字在整组统一的字号下放不下，只能单独缩小或放大版面",
         "整组挂在一起的牌应看起来是一套"),
    # PDF preflight (SK6xx)
    Code("SK601", "error", "文件不存在、无法读取、不是 PDF 或已损坏到无法打开（退出码 2）"),
    Code("SK602", "error", "PDF 已加密（设有打开密码或权限限制），印厂的 RIP 通常拒收"),
    Code("SK603", "warning", "页面没有 TrimBox（成品裁切框），印厂只能猜测裁切位置"),
    Code("SK604", "error", "成品尺寸（TrimBox）小于附表规定的最小尺寸，或须按比例放大的牌未按比例"),
    Code("SK605", "error", "页面框嵌套不对（应为 TrimBox ⊆ BleedBox ⊆ MediaBox，TrimBox 在 CropBox 内）或页面框无效"),
    Code("SK606", "error", "字体未嵌入（未嵌入的标准 14 字体如 Helvetica 也算），印厂会用替代字体印出"),
    Code("SK607", "error", "使用了 RGB 等非 CMYK 颜色（RGB/Lab 颜色、RGB 图像或渐变），印出颜色会偏"),
    Code("SK608", "warning", "使用了专色（All 套准色以外的 Separation/DeviceN），须与印厂确认"),
    Code("SK609", "error", "使用了透明效果（不透明度小于 1、软蒙版、混合模式或透明组），PDF/X-1a 不允许"),
    Code("SK610", "warning", "图像在印刷尺寸下的有效分辨率低于下限（默认 100 ppi，--min-dpi 可调）"),
    Code("SK611", "info", "PDF/X 输出意图未写入（仅提示）"),
    Code("SK612", "error", "PDF 内部结构损坏或内容无法解析，部分内容未能检查"),
    Code("SK613", "error", "PDF 达到检查上限（解压后的内容、指令、表单绘制次数或嵌套层数、页数、要修复的对象数），其余部分未检查："
                           "可能是恶意构造的文件，也可能过于复杂"),
    Code("SK614", "error", "填充的总墨量（C+M+Y+K）超过上限（默认 300 %，--max-ink 可调），印后难干、粘连、背面蹭脏"),
    Code("SK615", "warning", "线条过细：印出宽度小于 0.1 mm 的细线，或线宽为 0（按设备最细线输出，几乎看不见）"),
    Code("SK616", "warning", "小于 6 pt 的文字不是单色实地（四色叠印的黑或网点色），套印稍有偏差就发虚"),
    Code("SK617", "error", "白色文字或图形设为叠印，印出时会消失"),
    Code("SK618", "warning", "成品范围内使用了套准色（Separation All），印在每个色版上，只应用于裁切线等印刷标记"),
    Code("SK619", "warning", "BleedBox 标明有出血，但没有任何内容超出裁切线，裁切稍有偏差就露白边"),
    Code("SK620", "warning", "文字离裁切线太近（默认 3 mm 以内），裁切偏差可能切到文字"),
    Code("SK621", "error", "文件自称 PDF/X-1a，但 PDF 版本高于 1.4 或使用了对象流或交叉引用流，印厂的 RIP 可能拒收"),
    Code("SK622", "error", "PDF 含 JavaScript 或自动动作（OpenAction、AA），印刷文件不应包含"),
    Code("SK623", "warning", "图形状态使用了传递函数（TR、TR2），会改变印出的网点，PDF/X 不允许"),
    Code("SK624", "warning", "成品范围内有批注或表单域（链接除外），可能印出或被 RIP 忽略"),
    Code("SK625", "error", "图像在印刷尺寸下的有效分辨率过低（低于警告下限的一半，默认 50 ppi），印出明显模糊"),
    # Safety signs and accident types (SK7xx)
    Code("SK701", "error", "警示标识不是标志库（或标志文件夹）中的名称，给出最接近的名称", "GB 2894"),
    Code("SK702", "error", "标志文件不存在或无法读取"),
    Code("SK703", "error", "标志文件不是有效的 SVG、PDF 或图片，或格式不受支持（支持 SVG、PDF、PNG、JPEG）"),
    Code("SK704", "error", "标志文件过大或过于复杂，未读取：图片像素过多（疑似“解压炸弹”）、SVG 元素、嵌套或路径过多、"
                           "嵌入图片过大、画布尺寸异常，或 PDF 内容过于复杂"),
    Code("SK705", "warning", "标志图片分辨率不足：按告知牌的观看距离印出会模糊", "观看距离"),
    Code("SK706", "error", "SVG 或 PDF 标志含有无法按矢量如实印制的内容（文字、位图、渐变、图案、专色、半透明、虚线、会被裁掉的部分等）"),
    Code("SK707", "error", "警示标识太多：在最小可辨认尺寸下放不进 2-4 告知牌的警示标识格",
         "GB 2894：标志尺寸 ≥ 观察距离 / 40；标志下的文字不小于牌的最小字号"),
    Code("SK708", "warning", "列出的事故类型没有对应的警示标识（给出建议的标志）", "GB 6441"),
    Code("SK709", "error", "事故类型不是 GB 6441 的 20 个类别之一", "GB 6441"),
    Code("SK710", "error", "警示标识写了「自动」，但没有填写有效的事故类型", "GB 6441"),
    Code("SK711", "error", "标志文件夹不存在或不是文件夹"),
    Code("SK712", "error", "标志 PDF 已加密或不止一页：一个标志文件应是一页、未加密的 PDF"),
    Code("SK713", "warning", "SVG 标志引用了外部文件（图片或其他 SVG）：signkit 不读取 SVG 之外的文件，这部分不会印出"),
    # Writing the output (SK8xx)
    Code("SK801", "error", "输出文件夹正被另一个 signkit 运行写入（输出锁），本次未写入任何文件，退出码 2"),
    Code("SK802", "error", "无法写入输出（磁盘已满、没有写入权限、只读文件系统等），退出码 2"),
    Code("SK803", "warning", "输出文件夹中上次的清单已损坏，无法与上次比较，本企业的牌全部按新增列出"),
    Code("SK804", "error", "输出文件夹中 signkit 要写入的位置是符号链接（或不是普通文件、文件夹），signkit 不会跟随它写到别处，"
                           "退出码 2"),
    Code("SK805", "error", "两家企业会写入同一个输出文件夹（企业名称相同，或只差大小写、全半角、超长部分），后一家未生成，"
                           "并指出两个站点文件"),
    # Excel / CSV import (SK9xx)
    Code("SK901", "error", "工作簿无法读取（文件损坏、不是 .xlsx / .csv、有密码保护、旧版 .xls 或编码无法识别），退出码 2"),
    Code("SK902", "error", "工作簿中没有可识别的工作表，或缺少必需的工作表（工作表名称和表头与模板不符）"),
    Code("SK903", "error", "工作表缺少必需的列（表头中找不到该字段）"),
    Code("SK904", "info", "表头或项目名称按同义词对应到了字段（如 风险级别 → 风险等级），请核对"),
    Code("SK905", "warning", "无法识别的列、项目或工作表，内容已忽略"),
    Code("SK906", "info", "Excel 把电话、邮编、人数或日期存成了数字，已还原（去掉“.0”、补回开头的 0、换算日期）；"
                          "电话号码按规范写法读取（括号中的区号、号码旁的注释、一格两个号码）"),
    Code("SK907", "warning", "电话号码被存成了数字或科学计数法，无法确定原来的号码，请核对"),
    Code("SK908", "warning", "同一项填写了不一致的内容（合并单元格的多行、重复的列、项目或类别），只用第一处"),
    Code("SK909", "error", "班组与岗位的行没有填写所属工作场所，或该工作场所不在「工作场所」工作表中"),
    Code("SK910", "error", "单元格是错误值（#N/A、#REF! 等）"),
    Code("SK911", "warning", "工作表超过读取上限，只读取了前面的行和列"),
    Code("SK912", "info", "CSV 文件按 GBK（GB18030）编码读取"),
    Code("SK913", "warning", "公式单元格没有保存的计算结果（由程序生成、未在 Excel 中打开保存过），已读作空"),
    Code("SK914", "warning", "风险分级管控清单中填写的风险等级与同一行的 D（L×E×C）、R（L×S）或单元格底色不符，或 D、R 与各项的乘积不符"
                             "（等级照填写的读取）"),
    Code("SK915", "info", "风险分级管控清单中按上下文读出的内容，请核对：风险等级由 D 值、R 值或单元格底色定出、取一个风险点各行中最高的、"
                          "或由清单的分级用词换算；空着的风险点名称取自分节行或上一行（CSV）"),
    Code("SK916", "warning", "单元格写的是「同上」「无」「—」或代号（如 a、c、d），牌上无法印出，已读作空"),
    Code("SK917", "error", "工作簿的单元格超过读取上限（风险分级管控清单和名册只有几万行、几十列），未读取，退出码 2"),
)

#: Rule id → :class:`Code`, in rule-id order.
CODES: dict[str, Code] = {code.rule: code for code in _CODES}

_LABELS: dict[str, str] = {"error": "错误", "warning": "警告", "info": "说明"}


def default_severity(rule: str) -> Level:
    """The severity a diagnostic of ``rule`` has unless its emitter says otherwise."""
    return CODES[rule].severity


#: The longer explanations (``signkit rules SK101``) live beside this table as data: prose and YAML
#: examples read better in TOML than in Python strings, and this module stays a table.
EXPLANATIONS_FILE = Path(__file__).with_name("codes_explained.toml")


@dataclass(frozen=True)
class Explanation:
    """What ``signkit rules SKnnn`` says beyond the one-line meaning: what, why (the basis), how to fix, examples.

    ``failing`` and ``passing`` are YAML snippets merged into the starter site
    (``signkit init``): mappings key by key, lists item by item, so a snippet shows only
    the part it is about; ``without`` names keys (dotted paths) the failing example
    leaves out.  With ``whole``, a snippet is the whole file (syntax rules).  ``layout``
    says the rule needs the boards laid out (text that does not fit).  ``no_example``
    says why a rule has none (fonts, workbooks, files on disk).
    """

    rule: str
    checks: str
    why: str
    fix: str
    failing: str = ""
    passing: str = ""
    without: tuple[str, ...] = ()
    whole: bool = False
    layout: bool = False
    no_example: str = ""


@cache
def _explanations() -> dict[str, Explanation]:
    data = tomllib.loads(EXPLANATIONS_FILE.read_text(encoding="utf-8"))
    return {rule: Explanation(rule=rule, checks=entry["checks"], why=entry["why"], fix=entry["fix"],
                              failing=entry.get("failing", ""), passing=entry.get("passing", ""),
                              without=tuple(entry.get("without", ())), whole=entry.get("whole", False),
                              layout=entry.get("layout", False), no_example=entry.get("no_example", ""))
            for rule, entry in data.items()}


def explanation(rule: str) -> Explanation | None:
    """The long explanation of ``rule``, or ``None`` when it has only its one-line meaning."""
    return _explanations().get(rule)


def select_rules(wanted: str) -> list[Code]:
    """The rules ``wanted`` names: an id (``SK101``, ``sk101``) or a prefix (``SK2``, ``SK10``), in id order."""
    key = wanted.strip().upper()
    return [code for rule, code in CODES.items() if rule.startswith(key)] if key.startswith("SK") else []


def nearest_rules(wanted: str, limit: int = 3) -> list[str]:
    """Ids close to a mistyped one (``SK1O3`` with a letter O, ``sk 103``, ``SK2300``), for the "是否想查" suggestion."""
    key = wanted.strip().upper().replace(" ", "").replace("-", "")
    digits = key[2:] if key.startswith("SK") else key
    fixed = "SK" + digits.translate(str.maketrans("OILZS", "01125"))
    if fixed in CODES:
        return [fixed]
    return difflib.get_close_matches(fixed, list(CODES), n=limit, cutoff=0.6)


def explain_text(code: Code) -> str:
    """``signkit rules SK101``: the rule in full, in Chinese: level, what, why, how to fix, examples."""
    more = explanation(code.rule)
    lines = [f"{code.rule}  {_LABELS[code.severity]}  {code.title}"]
    if more is None:
        if code.basis:
            lines.append(f"依据：{code.basis}")
        return "\n".join(lines) + "\n"
    lines += ["", f"检查什么：{more.checks}", f"为什么：{more.why}", f"怎样改正：{more.fix}"]
    if more.failing:
        lines += ["", "不通过的例子：", *_indented(more.failing)]
    if more.passing:
        lines += ["", "通过的例子：", *_indented(more.passing)]
    if more.failing or more.passing:
        lines += ["", _EXAMPLE_NOTE[more.whole]]
    if more.no_example:
        lines += ["", f"没有 YAML 例子：{more.no_example}"]
    return "\n".join(lines) + "\n"


#: How to read an example: a part of the starter file, or (syntax rules) a whole file.
_EXAMPLE_NOTE = {
    False: "（例子只写出相关的部分：并入 signkit init 生成的 site.yaml 的同一位置即为完整的站点文件；列表按位置对应）",
    True: "（例子是整个文件）",
}


def explain_markdown(code: Code) -> str:
    """The same as :func:`explain_text`, as a Markdown section (for a wiki or a pull-request comment)."""
    more = explanation(code.rule)
    lines = [f"## {code.rule} {code.title}", "", f"级别：{_LABELS[code.severity]}"]
    if more is None:
        if code.basis:
            lines.append(f"\n依据：{code.basis}")
        return "\n".join(lines) + "\n"
    lines += ["", f"**检查什么**：{more.checks}", "", f"**为什么**：{more.why}", "", f"**怎样改正**：{more.fix}"]
    for label, snippet in (("不通过的例子", more.failing), ("通过的例子", more.passing)):
        if snippet:
            lines += ["", f"{label}：", "", "```yaml", snippet.strip("\n"), "```"]
    if more.failing or more.passing:
        lines += ["", _EXAMPLE_NOTE[more.whole]]
    if more.no_example:
        lines += ["", f"没有 YAML 例子：{more.no_example}"]
    return "\n".join(lines) + "\n"


def explain_dict(code: Code) -> dict[str, object]:
    """The same as :func:`explain_text`, for programs (``signkit rules SK101 --format json``)."""
    more = explanation(code.rule)
    data: dict[str, object] = {"rule": code.rule, "severity": code.severity, "title": code.title, "basis": code.basis}
    if more is not None:
        data.update(checks=more.checks, why=more.why, fix=more.fix, failing=more.failing or None,
                    passing=more.passing or None, no_example=more.no_example or None)
    return data


def _indented(snippet: str) -> list[str]:
    return ["    " + line if line else "" for line in snippet.strip("\n").split("\n")]


def rules_text() -> str:
    """``signkit rules``: one line per rule id, with its level, meaning and basis."""
    lines = []
    for code in CODES.values():
        basis = f"（{code.basis}）" if code.basis else ""
        lines.append(f"{code.rule}  {_LABELS[code.severity]}  {code.title}{basis}")
    return "\n".join(lines) + "\n"


def rules_markdown() -> str:
    """docs/rules.md, generated from :data:`CODES`."""
    lines = [
        "# 规则一览 / Rule ids",
        "",
        "signkit 的每条诊断都带有一个稳定的规则编号，CI 可据此过滤。"
        "SK0xx 读取文件，SK1xx 数据结构，SK2xx 规范内容，SK3xx 字体与字形覆盖，SK7xx 安全标志与事故类型，"
        "SK8xx 写入输出，SK9xx 导入 Excel / CSV。",
        "`--strict` 把警告当作错误。本页由 `signkit.codes.rules_markdown()` 生成，"
        "测试会检查它与代码一致（更新：`signkit rules --markdown > docs/rules.md`）。"
        "每条规则的详细说明（检查什么、规范依据、怎样改正、例子）：`signkit rules SK218`。",
        "",
        "| 编号 | 级别 | 含义 | 依据 |",
        "|---|---|---|---|",
    ]
    for code in CODES.values():
        lines.append(f"| {code.rule} | {_LABELS[code.severity]} | {code.title} | {code.basis} |")
    return "\n".join(lines) + "\n"
