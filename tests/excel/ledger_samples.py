"""The 风险分级管控清单 shapes of ledgers.md §8 (and a county roster of rosters.md §6), built as .xlsx and as CSV.

Each sample is the table as the research notes give it: title and note rows, one- and
two-row headers with group cells, a 风险点 merged over its hazards, section rows, totals
and a signature footer.  Companies, people and numbers are fictitious.  A CSV file is
what Excel writes for the same sheet: the value of a merged range in its top-left cell
only, the other cells empty, and no colours.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped, unused-ignore]
from openpyxl.styles import PatternFill  # type: ignore[import-untyped, unused-ignore]


@dataclass
class Sheet:
    """One sheet: rows from row 1 (``None`` for an empty cell), merged ranges, solid fills by cell."""

    name: str
    rows: list[list[Any]]
    merges: list[str] = field(default_factory=list)
    fills: dict[str, str] = field(default_factory=dict)

    def xlsx(self, path: Path, *others: Sheet) -> Path:
        book = openpyxl.Workbook()
        for index, sheet in enumerate((self, *others)):
            ws = book.active if index == 0 else book.create_sheet()
            ws.title = sheet.name
            for row in sheet.rows:
                ws.append(row)
            for merged in sheet.merges:
                ws.merge_cells(merged)
            for cell, colour in sheet.fills.items():
                ws[cell].fill = PatternFill("solid", fgColor=colour)
        book.save(path)
        return path

    def csv(self, path: Path) -> Path:
        """As Excel saves it as “CSV UTF-8”: merged ranges keep their value in the top-left cell only."""
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows([["" if v is None else v for v in row] for row in self.rows])
        return path


def _pad(rows: list[list[Any]], width: int) -> list[list[Any]]:
    return [row + [None] * (width - len(row)) for row in rows]


# --- 8.1 coal mine: LEC, two-row header, 风险点 merged over its hazards, footer -----------------

COAL = Sheet("风险分级管控清单", _pad([
    ["宁武县晋泰煤业有限公司2026年度安全风险分级管控清单（采煤、机电专业）"],
    ["辨识评估时间：2025年12月26日　　评估方法：作业条件危险性分析法（LEC）　　组织人：矿长"],
    ["序号", "风险点", "危险源", "风险描述", "事故类型", "风险评价", None, None, None, None, "管控措施", "管控层级", "责任单位",
     "责任人", "检查频次"],
    [None, None, None, None, None, "L", "E", "C", "D", "风险等级"],
    [1, "2201综采工作面", "上隅角瓦斯积聚", "采空区瓦斯涌向上隅角积聚，遇采煤机截割火花或电气失爆引起瓦斯爆炸", "瓦斯爆炸",
     3, 6, 100, 1800, "重大风险",
     "1.上隅角设置瓦斯传感器，浓度≥0.8%报警、≥1.5%断电；2.采空区埋管抽采，抽采负压不低于13kPa；"
     "3.瓦斯检查工每班检查不少于3次，执行“三对口”；4.采煤机设内外喷雾和瓦斯断电仪", "矿级", "通风队", "李建平（总工程师）", "每班"],
    [2, None, "煤尘堆积飞扬", "割煤、移架产生煤尘，巷道浮尘未清理，遇火源可能煤尘爆炸", "煤尘爆炸", 1, 6, 100, 600, "重大风险",
     "1.工作面进回风巷安设净化水幕；2.采煤机内喷雾压力不低于2MPa、外喷雾不低于4MPa；3.每班清理浮煤、冲洗巷帮；"
     "4.隔爆水棚水量按巷道断面不少于200L/㎡", "矿级", "通风队", "李建平（总工程师）", "每班"],
    [3, None, "端面顶板破碎", "端面距超规定、支架初撑力不足，可能发生端面冒顶", "冒顶片帮", 3, 6, 15, 270, "较大风险",
     "1.支架初撑力不低于24MPa；2.端面距不大于340mm，超限及时擦顶移架；3.顶板破碎段超前拉架、铺网", "区队级", "综采队",
     "王志刚（队长）", "每班"],
    [4, None, "采煤机截割滚筒", "人员在滚筒附近作业时误启动，造成绞伤", "机械伤害", 1, 6, 15, 90, "一般风险",
     "1.检修时停电闭锁、挂“有人工作 禁止合闸”牌；2.开机前喊话警示，确认滚筒附近无人", "班组级", "综采队", "刘海军（班长）", "每班"],
    [5, "副立井提升系统", "提升机制动失效", "闸瓦间隙超限或制动油压异常，造成过卷、坠罐", "运输", 1, 6, 40, 240, "较大风险",
     "1.每日检查闸瓦间隙不大于2mm；2.过卷、过速、深度指示器失效保护每月试验一次；3.钢丝绳每天检查一次", "专业级", "机电队",
     "赵文斌（机电副总）", "每日"],
    [],
    ["编制人：张　勇　　　审核人：李建平　　　批准人：郭卫东　　　编制日期：2025年12月28日"],
], 15), ["A1:O1", "A2:O2", "A11:O11", "F3:J3", "B5:B8",
         *(f"{c}3:{c}4" for c in "ABCDEKLMNO")])

# --- 8.2 液氨制冷冷库: LS matrix, measures in five columns under a group -----------------------

AMMONIA = Sheet("作业活动风险分级管控清单", _pad([
    ["作业活动风险分级管控清单"],
    ["单位名称（盖章）：忻州瑞丰冷链食品有限公司　　风险点：氨制冷机房　　编号：ZLJF-01"],
    ["序号", "作业活动", "作业步骤", "危险源或潜在事件", "可能发生的事故类型及后果", "风险评价", None, None, None, "管控措施",
     None, None, None, None, "管控层级", "责任单位", "责任人"],
    [None, None, None, None, None, "L", "S", "R", "风险等级", "工程技术措施", "管理措施", "培训教育措施", "个体防护措施",
     "应急处置措施"],
    [1, "氨压缩机开机", "开机前检查", "吸排气阀未按顺序开启，造成液击、排气压力超高", "容器爆炸、中毒和窒息", 2, 5, 10, "一般风险",
     "压缩机设高压、油压差、排气温度保护及联锁", "执行《氨压缩机操作规程》，开机票双人确认",
     "制冷工持“制冷与空调作业”操作证上岗，每季度考核", "防护手套、防护眼镜", "发生液击立即停机，关闭吸气阀，报告当班班长",
     "车间级", "动力车间", "郭志强"],
    [2, None, "运行巡检", "阀门、法兰密封失效氨泄漏，浓度超标", "中毒和窒息、其他爆炸", 3, 5, 15, "较大风险",
     "机房设氨气浓度报警器，与事故排风机联锁；贮氨器上方设水喷淋", "每2小时巡检一次，填写运行记录", "每年进行氨泄漏应急演练",
     "过滤式防毒面具随身携带", "佩戴正压式空气呼吸器关阀堵漏，开启水喷淋，向上风向疏散人员", "公司级", "安全环保部", "韩卫东"],
    [3, "放油", "集油器放油", "放油时未降压、无人监护，氨液喷出", "灼烫（冻伤）、中毒和窒息", 3, 4, 12, "一般风险",
     "集油器设专用放油阀和压力表", "放油必须两人作业，一人操作一人监护", "岗前培训放油操作要点", "防冻手套、防护面罩",
     "皮肤接触液氨用大量清水冲洗不少于15分钟，送医", "班组级", "制冷班", "张海生"],
    [4, "融霜", "热氨融霜", "融霜压力超过0.8MPa，蒸发器破裂", "中毒和窒息", 2, 4, 8, "低风险", "融霜管路设安全阀",
     "融霜时专人在机房观察压力", "融霜操作规程交底", "防毒面具", "立即停止融霜，关闭热氨阀", "岗位级", "制冷班", "张海生"],
], 17), ["A1:Q1", "A2:Q2", "F3:I3", "J3:N3", "A5:A6", "B5:B6", *(f"{c}3:{c}4" for c in "ABCDEOPQ")])

# --- 8.3 construction: 危险源辨识与风险评价表, section rows, 判别依据, two levels only ----------

CONSTRUCTION = Sheet("危险源辨识与风险评价表", [
    ["危 险 源 辨 识 与 风 险 评 价 表　　　　表 2.5.4"],
    ["编制：　　审核：　　审批：　　制定日期：2025年3月10日"],
    ["序号", "作业活动", "危险因素", "可能导致的事故", "判别依据", "L", "E", "C", "D", "危险级别", "现有控制措施"],
    ["一", "施工准备"],
    [1, None, "深基坑专项施工方案未经专家论证即施工", "坍塌", "Ⅰ", None, None, None, None, "重大",
     "开挖深度超过5m的基坑方案组织专家论证后实施"],
    [2, None, "无安全技术交底", "高处坠落/物体打击/触电", "Ⅴ", 3, 2, 15, 90, "一般", "分部分项工程施工前逐级交底并签字"],
    ["二", "基础施工作业"],
    [3, None, "基坑临边未设防护栏杆和密目网", "高处坠落", "Ⅴ", 6, 6, 7, 252, "重大",
     "基坑周边设1.2m高防护栏杆，挂密目安全网，夜间设红灯示警"],
    [4, None, "坑边1m内堆土、停放机械", "坍塌", "Ⅴ", 3, 6, 7, 126, "一般", "坑边1m内严禁堆土堆料，挖掘机距坑边不小于2m"],
], ["A1:K1", "A2:K2"])

#: The same table with each section title in column A, merged across the whole row (the other way files write it).
CONSTRUCTION_MERGED = Sheet(CONSTRUCTION.name, [
    *CONSTRUCTION.rows[:3], ["一、施工准备"], *CONSTRUCTION.rows[4:6], ["二、基础施工作业"], *CONSTRUCTION.rows[7:],
], ["A1:K1", "A2:K2", "A4:K4", "A7:K7"])

#: 房屋建筑风险分级管控清单: hazard statements in the 风险点 column, the place in 风险点位置, grade codes, letter-code measures.
BUILDING = Sheet("房屋建筑风险分级管控清单", [
    ["序号", "风险点（部位或作业活动）", "风险点位置（所在分部分项工程或设备设施或位置）", "风险等级", "管控层级", "责任单位（部门、班组）",
     "责任人", "管控措施"],
    [1, "未编制高支模专项施工方案", "3#楼报告厅高支模", "一级", "公司级", "工程管理部", "部长", "a、c、d、e、g"],
    [2, "立杆基础不坚实、未设扫地杆", "3#楼报告厅高支模", "二级", "项目部级", "项目部", "项目经理", "a、c、d、e、g"],
    [3, "防护棚宽度小于通道口宽度", "临边洞口防护", "四级", "施工作业人员", "脚手架班组", "班组长", "a、b、c、d、e、f、g"],
])

# --- 8.4 gas station: 设备设施风险分级管控清单, LS, colour words, numbered items in cells ----------

GAS = Sheet("设备设施风险分级管控清单", [
    ["设备设施风险分级管控清单"],
    ["单位名称：繁峙县砂河镇顺通加油站"],
    [],
    ["序号", "风险点", "检查项目", "标准", "不符合标准情况及后果", "主要危害后果", "现有控制措施", "L", "S", "R", "风险等级", "管控层级",
     "责任人", "建议新增或改进措施"],
    [1, "储油罐", "通气管", "GB 50156", "通气管倒伏、阻火器堵塞，油气泄漏", "火灾、其他爆炸",
     "1. 通气管管口高出地面不小于4m，沿建筑物向上敷设的高出屋面1.5m以上；2. 阻火器、呼吸阀每月检查一次", 2, 4, 8, "蓝", "站级", "站长",
     "无"],
    [2, None, "防雷防静电设施", "接地电阻不大于10Ω", "接地线断裂，静电积聚放电", "火灾、其他爆炸",
     "1. 油罐接地点不少于两处；2. 每年雷雨季前检测一次防雷接地", 2, 5, 10, "黄", "站级", "站长", "增设卸油静电接地报警仪"],
    [3, "卸油口", "快速接头", "完好无损", "接头密封失效，卸油时跑冒油", "火灾、中毒和窒息",
     "1. 卸油口装设快速接头及密封盖；2. 每罐单独设卸油管道并有明显标识", 3, 5, 15, "橙", "站级", "站长", "同上"],
    [4, "加油机", "防撞设施", "岛端设防撞柱", "车辆碰撞加油机，油品泄漏", "车辆伤害、火灾", "加油岛端部设防撞柱（栏）", 2, 3, 6, "蓝",
     "班组级", "当班班长", "—"],
], ["A1:N1", "A2:N2", "B5:B6"])

# --- 8.5 small foundry: one-row header made for the 告知牌, three spellings of levels, totals, footer -----

FOUNDRY = Sheet("风险分级管控清单", _pad([
    ["定襄县宏源铸造有限公司安全风险分级管控清单"],
    ["说明：风险等级按红、橙、黄、蓝四色标注；各风险点告知牌按本表内容制作。"],
    ["序号", "风险点名称", "风险等级", "主要风险", "事故诱因", "管控措施", "应急措施", "责任人", "联系电话"],
    [1, "中频炉熔炼区", "较大风险（橙色）", "①铁水喷溅烫伤 ②炉体漏炉引发爆炸", "①炉料潮湿 ②炉衬侵蚀未及时修补",
     "①炉料入炉前烘干 ②每炉次检查炉衬厚度 ③炉前设应急水池冷却系统", "发生漏炉立即断电，人员撤至安全区域", "贾俊峰", "139 3504 7721"],
    [2, "浇注区", "黄", "铁水包倾翻烫伤", "行车制动失灵", "浇注前检查行车制动、吊钩", "烫伤用冷水冲洗后送医", "贾俊峰", "同上"],
    [3, "抛丸清理", "一般", "粉尘、机械伤害", "除尘器失效", "每班清理除尘器灰斗", "同上", "宋志明", "0350-6021458"],
    [4, "配电室", "蓝", "触电", "绝缘老化", "定期检测绝缘", "断电后施救，拨打120", "宋志明", "03506021458"],
    [None, "合计：风险点4个，其中较大1个、一般2个、低1个"],
    ["编制：宋志明　　审核：贾俊峰　　日期：2025.11.20"],
], 9), ["A1:I1", "A2:I2", "A9:I9"])

#: The foundry's list with the 风险等级 cells left empty and coloured instead (Excel's standard red … blue).
FOUNDRY_COLOURED = Sheet(FOUNDRY.name, [[*row[:2], None if 4 <= n <= 7 else row[2], *row[3:]] if len(row) > 2 else row
                                        for n, row in enumerate(FOUNDRY.rows, start=1)],
                         FOUNDRY.merges, {"C4": "FFC000", "C5": "FFFF00", "C6": "FFFF00", "C7": "0070C0"})

#: A summary sheet that looks like a 清单 (it has 风险点 and 风险等级) and must not be read as more risk points.
SUMMARY = Sheet("风险点统计表", [["序号", "风险点", "风险等级", "备注"], [1, "中频炉熔炼区", "较大", None], [2, "浇注区", "一般", None]])

# --- rosters.md §6: a county roster as CSV --------------------------------------------------

ROSTER_ROWS: list[list[str]] = [
    ["忻州市2026年度安全生产监督管理责任牌挂牌企业名册"],
    ["填报单位：（盖章）　　　　填报日期：2026年3月"],
    ["序号", "企业名称", "统一社会信用代码", "所属行业", "所在乡镇（街道）", "监管层级", "最高风险等级", "主要负责人", "联系电话",
     "行业主管部门", "行业主管部门责任领导（姓名、职务）", "安全监管部门", "安全监管部门责任领导（姓名、职务）", "专业监管部门",
     "属地", "属地责任领导（姓名、职务）", "备注"],
    ["1", "宁武县晋泰煤业有限公司", "91140925432950181F", "煤矿", "阳方口镇", "县级", "重大", "郭卫东", "0350-4721186（调度）",
     "宁武县能源局", "任俊峰（局长）", "宁武县应急管理局", "杜宏亮（局长）", "宁武县自然资源局、宁武县消防救援大队",
     "阳方口镇人民政府", "白永胜（镇长）", "县级政府领导：苗建军（副县长）"],
    ["2", "忻州瑞丰冷链食品有限公司", "91140902563040938U", "商贸（涉氨制冷）", "董村镇", "市级直接监管", "重大", "韩立新",
     "13834012756", "忻州市商务局", "薛志宏,局长", "忻州市应急管理局", "王建斌（副局长）", "忻州市市场监督管理局", "忻府区商务局",
     "赵俊（局长）", "液氨12t 三级重大危险源"],
    ["3", "山西同鑫建设工程有限公司原平市和园小区项目部", "91140981150997627J", "建筑施工", "北城街道", "县级", "较大",
     "梁建军（项目经理）", "139 3508 4411", "原平市住房和城乡建设局", "高志强 局长", "原平市应急管理局", "局长 杨晓东",
     "原平市消防救援大队", "北城街道办事处", "张丽（主任）", ""],
    ["4", "繁峙县砂河镇顺通加油站", "91140924284979678J", "危化品经营（加油站）", "砂河镇", "县级", "较大", "李海平",
     "0350-5022817/13613502297", "繁峙县商务局", "武斌（局长）", "繁峙县应急管理局", "冯建华（局长）",
     "繁峙县市场监督管理局、繁峙县消防救援大队", "砂河镇", "王志明（镇长）", "站长兼安全员"],
    ["5", "忻州市新佳和商贸有限公司", "91140902840689816Q", "商贸（商场超市）", "新建路街道", "县级", "一般", "刘晓燕（法定代表人）",
     "6035518（办）", "忻府区商务局", "孙卫国（副局长）", "忻府区应急管理局", "郝建平（副局长）",
     "忻府区市场监督管理局；忻府区消防救援大队", "新建路街道办事处", "李强（副主任）", ""],
    ["6", "定襄县宏源铸造有限公司", "9114092109456069XJ", "机械（铸造）", "宏道镇", "县级", "较大", "贾俊峰",
     "０３５０－６０２１４５８", "定襄县工业和信息化局", "", "定襄县应急管理局", "", "定襄县市场监督管理局", "宏道镇人民政府", "",
     "领导未确定"],
    ["7", "河曲县鑫源选煤有限公司", "91140930128356612A", "洗选煤", "文笔镇", "县级", "一般", "吕成林", "03507321156",
     "河曲县能源局", "陈刚（副局长）", "河曲县应急管理局", "王鹏（副局长）", "", "文笔镇人民政府", "刘宏伟（副镇长）", "停产"],
]
"""rosters.md §6: a county roster (two title lines above the header), one enterprise per row."""


def roster_csv(path: Path) -> Path:
    """The roster as Excel saves it as “CSV UTF-8”."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(ROSTER_ROWS)
    return path
