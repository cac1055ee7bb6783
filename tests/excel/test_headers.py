"""signkit.excel.headers: which layout a sheet holds, which row is its header, which column is which field."""

from __future__ import annotations

from pathlib import Path

from signkit.excel.columns import RISKS, ROSTER_SHEET, SPECIAL
from signkit.excel.grid import Cell, Grid
from signkit.excel.headers import best_row, classify, column_table, info_column, roster_field
from signkit.excel.reader import read_workbook


def _grid(name: str, rows: list[list[str | None]]) -> Grid:
    grid = Grid(name)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                grid.put(r, c, Cell(value, r, c))
    return grid


def test_csv_roster_is_recognised_by_its_headers(tmp_path: Path) -> None:
    roster = tmp_path / "名册.csv"
    roster.write_text("企业名称,行业主管部门,行业主管部门责任领导,安全监管部门\r\n甲公司,工信局,张三,应急局\r\n",
                      encoding="utf-8")
    assert read_workbook(roster).kind == "roster"


def test_header_row_below_title_rows() -> None:
    grid = _grid("清单", [["某公司安全风险分级管控清单"], [None], ["序号", "风险点（场所）名称", "风险级别", "责任人"],
                          ["1", "配电室", "一般", "梁俊峰"]])
    lookup = column_table(RISKS.columns)
    assert best_row(grid, lookup) == (3, 3)  # 序号 is no field
    assert lookup["风险级别"].header == "风险等级"  # a synonym …
    assert lookup["风险等级"].header == "风险等级"  # … and the site file's own wording


def test_sheets_by_name_then_by_headers() -> None:
    assert classify(_grid("安全风险分级管控清单", [["x"]]), is_csv=False) == RISKS.name
    assert classify(_grid("Sheet1", [["风险点名称", "风险等级", "管控措施"]]), is_csv=False) == RISKS.name
    assert classify(_grid("Sheet1", [["姓名", "年龄"]]), is_csv=False) is None
    assert classify(_grid("名单", [["企业名称", "行业主管部门", "安全监管部门"]]), is_csv=False) == ROSTER_SHEET
    assert classify(_grid("清单", [["姓名", "年龄"]]), is_csv=True) == RISKS.name  # a CSV is a ledger unless a roster


def test_roster_headers_name_a_department_and_a_field() -> None:
    leader = roster_field("行业主管部门责任领导")
    assert leader is not None and leader.key == ("监管责任", "行业主管部门", "责任领导", "姓名")
    numbered = roster_field("专业监管部门2具体责任人")
    assert numbered is not None and numbered.key == ("监管责任", SPECIAL, 1, "具体责任人")
    assert roster_field("安全监管部门2具体责任人") is None  # only 专业监管部门 comes in numbers
    name = roster_field("企业名称")
    assert name is not None and name.key == ("企业", "企业名称")
    assert roster_field("备注") is None


def test_info_items_include_the_output_tables() -> None:
    size = info_column("输出.尺寸.2-2")
    assert size is not None and size.key == ("输出", "尺寸", "2-2")
    copies = info_column("份数2-6")
    assert copies is not None and copies.key == ("输出", "份数", "2-6") and copies.kind == "int"
    assert info_column("尺寸2-9") is None
