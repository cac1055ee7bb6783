"""Rule ids of the Excel / CSV import (SK9xx).

Kept in one plain mapping, apart from the code that raises them, so the project's rule
catalog (``docs/rules.md``, ``signkit rules``) can list them without importing openpyxl.
Problems with the *data* in a workbook (an empty required cell, a bad 风险等级) keep the
rule ids ``check`` gives them for a site file (SK1xx, SK2xx …); these ids are for what
only a workbook can get wrong: the file itself, its sheets and columns, and what Excel
did to the values (numbers that were phone numbers, dates stored as numbers).
"""

from __future__ import annotations

EXCEL_RULES: dict[str, tuple[str, str]] = {
    "SK901": ("error", "工作簿无法读取（文件损坏、不是 .xlsx / .csv、有密码保护、旧版 .xls 或编码无法识别），退出码 2"),
    "SK902": ("error", "工作簿中没有可识别的工作表，或缺少必需的工作表（工作表名称和表头与模板不符）"),
    "SK903": ("error", "工作表缺少必需的列（表头中找不到该字段）"),
    "SK904": ("info", "表头或项目名称按同义词对应到了字段（如 风险级别 → 风险等级），请核对"),
    "SK905": ("warning", "无法识别的列、项目或工作表，内容已忽略"),
    "SK906": ("info", "Excel 把电话、邮编、人数或日期存成了数字，已还原（去掉“.0”、补回开头的 0、换算日期）"),
    "SK907": ("warning", "电话号码被存成了数字或科学计数法，无法确定原来的号码，请核对"),
    "SK908": ("warning", "同一项填写了不一致的内容（合并单元格的多行、重复的列、项目或类别），只用第一处"),
    "SK909": ("error", "班组与岗位的行没有填写所属工作场所，或该工作场所不在「工作场所」工作表中"),
    "SK910": ("error", "单元格是错误值（#N/A、#REF! 等）"),
    "SK911": ("warning", "工作表超过读取上限，只读取了前面的行和列"),
    "SK912": ("info", "CSV 文件按 GBK（GB18030）编码读取"),
    "SK913": ("warning", "公式单元格没有保存的计算结果（由程序生成、未在 Excel 中打开保存过），已读作空"),
}
