"""The help a workbook carries for whoever fills it in: header style and comments, drop-downs, text formats, a help sheet.

Why: the officer fills the workbook in Excel or WPS, far from signkit's messages, so the
workbook itself should prevent what it can — 风险等级 and 层级 are drop-downs of the
values the model accepts, 事故类型 offers GB 6441's twenty categories and 警示标识 the
sign library's names (as suggestions: a cell may hold several), phone columns are text
so Excel keeps their leading 0, every header carries the model's description as a
comment (red when the column is required), and the header row stays in view.  The same
decoration is applied to the template and to exported workbooks, so an export is a
filled template; this module only styles a workbook it is given and writes no file.
"""

from __future__ import annotations

from typing import Any

from openpyxl.comments import Comment  # type: ignore[import-untyped, unused-ignore]
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # type: ignore[import-untyped, unused-ignore]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped, unused-ignore]

from signkit.art import load_library
from signkit.art.accidents import ACCIDENT_TYPES
from signkit.excel.columns import (
    CATEGORIES,
    CHOICES_SHEET,
    HELP_SHEET,
    INFO_SHEET,
    LEVELS,
    LIST_KINDS,
    POSTS,
    RISKS,
    SUPERVISION,
    TEAMS_POSTS,
    WORKPLACES,
    Column,
    SheetSpec,
    describe,
    is_required,
)

#: Rows the drop-downs and text formats reach (an enterprise has far fewer risk points).
FILL_ROWS = 500


#: Excel refuses a list validation whose formula is longer than this.
EXCEL_LIST_LIMIT = 255


_HEADER_FILL = "DDEBF7"


_REQUIRED_COLOR = "C00000"


_LIST_NOTE = "可填写多条：每条一行（单元格内按 Alt+Enter 换行），或用「；」分隔；不必自己编号。"


_NAMES_NOTE = "可填写多个，用「、」或换行分隔。"


HELP_LINES: tuple[str, ...] = (
    "signkit 填写模板：一家企业的“四牌一卡两栏”全部内容",
    "",
    "1. 各工作表的第 2 行起是示例（来自化工企业示例），请改写为本企业的实际情况，多余的示例行请删除。",
    "2. 表头就是牌面上的栏目名称；红色表头是必填列。鼠标停在表头上可以看到填写说明。",
    "3. 一个单元格可以填写多条（管控措施、岗位安全生产责任等）：每条一行（Alt+Enter 换行），或用「；」分隔，不必自己编号。",
    "4. 电话号码列已设为文本格式，请按 0350-1234567 的写法填写，Excel 不会丢掉开头的 0。",
    "5. 风险等级、层级、类别有下拉选项；事故类型、警示标识的下拉选项只是参考，可以填写多个（用「、」分隔）。",
    "6. 「班组与岗位」每行写一个班组和（或）一个岗位，第一列写所属工作场所（同一场所的多行可以合并单元格）。",
    "   岗位名称必须与「岗位责任与风险」中的岗位名称一致。",
    "7. 一个风险点（或岗位）也可以占多行：把名称单元格合并，其他列的多行内容会合并为一个列表。",
    "8. 填好后运行：signkit check 本文件.xlsx（检查，问题会指出工作表和单元格），",
    "   signkit render 本文件.xlsx -o 输出文件夹（生成全部牌卡），或 signkit import 本文件.xlsx -o 文件夹（转为 YAML 站点文件）。",
    "9. 「选项」工作表是下拉列表用的（已隐藏），请不要删除。详细说明见 docs/excel.md。",
)


def _note(spec: SheetSpec, column: Column) -> str:
    """The header comment: the model's description, plus how to write several items."""
    if spec is SUPERVISION:
        if column.header == "类别":
            text = f"填写：{'、'.join(CATEGORIES)}。专业监管部门可以有多行；县级政府领导一行只填责任领导和职务（附表 2-1-1）。"
        else:
            text = describe(("监管责任", "行业主管部门", *column.key))
    elif spec is TEAMS_POSTS:
        text = {"工作场所": "所属工作场所，须与「工作场所」工作表中的名称一致；同一场所的多行可以合并单元格。",
                "班组": describe(("工作场所", 0, "班组", 0, "名称")),
                "班组负责人": describe(("工作场所", 0, "班组", 0, "负责人")),
                "岗位": describe(("工作场所", 0, "岗位", 0, "名称")),
                "岗位责任人": describe(("工作场所", 0, "岗位", 0, "责任人"))}[column.header]
    else:
        assert spec.record is not None
        text = describe((spec.record, 0, *column.key))
    if column.kind == "list":
        text += "\n" + _LIST_NOTE
    elif column.kind in LIST_KINDS:
        text += "\n" + _NAMES_NOTE
    return text


def _required(spec: SheetSpec, column: Column) -> bool:
    if spec is SUPERVISION:
        return True
    if spec is TEAMS_POSTS:
        return column.header == "工作场所"
    assert spec.record is not None
    return is_required((spec.record, 0, *column.key))


class _Choices:
    """Values of long drop-down lists, kept on a hidden sheet (Excel caps an inline list at 255 characters)."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.sheet: Any = None
        self.used = 0

    def formula(self, values: tuple[str, ...] | list[str]) -> str:
        inline = '"' + ",".join(values) + '"'
        if len(inline) <= EXCEL_LIST_LIMIT:
            return inline
        if self.sheet is None:
            self.sheet = self.book.create_sheet(CHOICES_SHEET)
            self.sheet.sheet_state = "hidden"
        self.used += 1
        for row, value in enumerate(values, start=1):
            self.sheet.cell(row, self.used, value)
        letter = get_column_letter(self.used)
        return f"'{CHOICES_SHEET}'!${letter}$1:${letter}${len(values)}"


def add_validation(sheet: Any, ref: str, formula: str, *, strict: bool, prompt: str, kind: str = "list") -> None:
    """A drop-down (or, with ``kind="whole"``, a whole-number check) on ``ref``; ``strict`` refuses other values."""
    if kind == "whole":
        rule = DataValidation(type="whole", operator="greaterThanOrEqual", formula1=formula, allow_blank=True)
    else:
        rule = DataValidation(type="list", formula1=formula, allow_blank=True)
    rule.showErrorMessage = strict
    rule.errorTitle = "取值不在选项中"
    rule.error = "请从下拉列表中选择。"
    rule.showInputMessage = True
    rule.prompt = prompt[:250]
    sheet.add_data_validation(rule)
    rule.add(ref)


def style_header(sheet: Any, cells: list[tuple[int, bool, str]]) -> None:
    """Row 1 as a header: bold (red where ``required``), filled, bordered, a comment per ``(column, required, note)``, frozen."""
    thin = Side(style="thin", color="9BC2E6")
    for col, required, note in cells:
        cell = sheet.cell(1, col)
        cell.font = Font(bold=True, color=_REQUIRED_COLOR if required else "000000")
        cell.fill = PatternFill("solid", fgColor=_HEADER_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        if note:
            comment = Comment(note, "signkit")
            comment.width, comment.height = 320, 160
            cell.comment = comment
    sheet.row_dimensions[1].height = 30
    sheet.freeze_panes = "A2"


def _style_body(sheet: Any, columns: tuple[Column, ...]) -> None:
    wrap = Alignment(vertical="top", wrap_text=True)
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        dimension = sheet.column_dimensions[letter]
        dimension.width = column.width
        if column.kind != "int":
            dimension.number_format = "@"
        for row in range(2, sheet.max_row + 1):
            sheet.cell(row, index).alignment = wrap


def _decorate_info(book: Any, choices: _Choices) -> None:
    sheet = book[INFO_SHEET]
    style_header(sheet, [(1, False, "项目名称与站点文件的键一致（如 县级举报渠道.电话），请不要改动。"),
                         (2, False, "填写内容；电话、邮编已设为文本格式。"), (3, False, "")])
    for letter, width in (("A", 24), ("B", 44), ("C", 70)):
        sheet.column_dimensions[letter].width = width
    sheet.column_dimensions["B"].number_format = "@"
    note_font = Font(color="666666", size=9)
    yes_no = choices.formula(("是", "否"))
    for row in range(2, sheet.max_row + 1):
        label = str(sheet.cell(row, 1).value or "")
        key = label.split(".")[-1]
        required = is_required(("地区", key)) or is_required(("企业", key))
        sheet.cell(row, 1).font = Font(bold=True, color=_REQUIRED_COLOR if required else "000000")
        sheet.cell(row, 2).alignment = Alignment(vertical="top", wrap_text=True)
        sheet.cell(row, 3).font = note_font
        sheet.cell(row, 3).alignment = Alignment(vertical="top", wrap_text=True)
        if key in ("市级直接监管", "渐变背景", "裁切标记"):
            add_validation(sheet, f"B{row}", yes_no, strict=True, prompt="是 或 否")


def decorate(book: Any) -> None:
    """Header style and comments, widths, frozen headers, drop-downs, text formats and the help sheet."""
    choices = _Choices(book)
    _decorate_info(book, choices)
    for spec in (SUPERVISION, WORKPLACES, TEAMS_POSTS, POSTS, RISKS):
        if spec.name not in book.sheetnames:
            continue
        sheet = book[spec.name]
        style_header(sheet, [(i, _required(spec, c), _note(spec, c)) for i, c in enumerate(spec.columns, start=1)])
        _style_body(sheet, spec.columns)
        last = max(sheet.max_row, 1) + FILL_ROWS
        for index, column in enumerate(spec.columns, start=1):
            ref = f"{get_column_letter(index)}2:{get_column_letter(index)}{last}"
            if spec is SUPERVISION and column.header == "类别":
                add_validation(sheet, ref, choices.formula(CATEGORIES), strict=True, prompt="选择这一行是哪个监管部门")
            elif spec is SUPERVISION and column.header == "层级":
                add_validation(sheet, ref, choices.formula(LEVELS), strict=True, prompt="国家、省、市、县、乡镇 或 街道")
            elif column.header == "风险等级":
                add_validation(sheet, ref, choices.formula(("重大", "较大", "一般", "低")), strict=True,
                                prompt="重大（红）、较大（橙）、一般（黄）、低（蓝）")
            elif column.header == "事故类型":
                add_validation(sheet, ref, choices.formula(ACCIDENT_TYPES), strict=False,
                                prompt="GB 6441 的事故类别；可填写多个，用「、」分隔")
            elif column.header == "警示标识":
                add_validation(sheet, ref, choices.formula(sorted(load_library())), strict=False,
                                prompt="标志库中的名称（signkit signs 列出全部）；可填写多个，用「、」分隔")
            elif column.kind == "int":
                add_validation(sheet, ref, "1", strict=True, prompt="整数，至少 1", kind="whole")
    help_sheet = book.create_sheet(HELP_SHEET)
    help_sheet.column_dimensions["A"].width = 120
    for line in HELP_LINES:
        help_sheet.append([line])
    help_sheet.cell(1, 1).font = Font(bold=True, size=13)
    if choices.sheet is not None:  # keep the hidden list sheet last
        book.move_sheet(CHOICES_SHEET, offset=len(book.sheetnames) - 1 - book.sheetnames.index(CHOICES_SHEET))
