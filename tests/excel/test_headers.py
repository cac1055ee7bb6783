"""signkit.excel.headers: which layout a sheet holds, which row is its header, which column is which field."""

from __future__ import annotations

from pathlib import Path

import pytest

from signkit.excel.columns import RISKS, ROSTER_SHEET, SPECIAL, evaluation_key, normalise
from signkit.excel.grid import Cell, Grid
from signkit.excel.headers import (
    HeaderCell,
    HeaderMatch,
    best_header,
    best_row,
    classify,
    column_table,
    evaluation_columns,
    header_row_cells,
    info_column,
    risk_roles,
    roster_field,
    summary_sheet,
)
from signkit.excel.reader import read_workbook


def _grid(name: str, rows: list[list[str | None]]) -> Grid:
    """A grid as the reader builds it (merged ranges: :func:`_merge`)."""
    grid = Grid(name)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                grid.put(r, c, Cell(value, r, c))
    return grid


def _merge(grid: Grid, row: int, first: int, last: int) -> None:
    origin = grid.at(row, first)
    assert origin is not None
    for col in range(first, last + 1):
        grid.put(row, col, origin)


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


def test_two_row_header_with_group_cells() -> None:
    """风险评价 over L E C D 风险等级, 管控措施 over its kinds: each column is named by the row under the group."""
    grid = _grid("清单", [["某矿安全风险分级管控清单"],
                          ["序号", "风险点", "风险评价", None, None, "管控措施", None, "责任人"],
                          [None, None, "L", "风险等级", "D", "工程技术", "应急处置", None],
                          ["1", "综采工作面", "3", "重大", "1800", "设传感器", "撤人", "张三"]])
    _merge(grid, 1, 1, 8)
    _merge(grid, 2, 3, 5)
    _merge(grid, 2, 6, 7)
    for col in (1, 2, 8):  # merged down over both header rows
        origin = grid.at(2, col)
        assert origin is not None
        grid.put(3, col, origin)
    known = column_table(RISKS.columns)
    first, last, _ = best_header(grid, lambda t: normalise(t) in known or evaluation_key(t) is not None)
    assert (first, last) == (2, 3)  # the title above is no group cell
    cells = header_row_cells(grid, 2, 3, lambda t: normalise(t) in known or evaluation_key(t) is not None)
    assert [(c.col, c.text) for c in cells] == [(1, "序号"), (2, "风险点"), (3, "L"), (4, "风险等级"), (5, "D"),
                                                (6, "工程技术措施"), (7, "应急处置"), (8, "责任人")]
    assert cells[5].group == "管控措施" and cells[5].cell.coordinate == "F3"


def test_a_one_row_header_is_not_read_with_its_first_data_row() -> None:
    grid = _grid("清单", [["风险点名称", "风险等级"], ["风险点", "重大"]])  # a data value that looks like a header
    assert best_row(grid, column_table(RISKS.columns)) == (1, 2)


@pytest.mark.parametrize(("text", "key"), [
    ("L", "L"), ("可能性（L）", "L"), ("事故发生的可能性", "L"), ("E", "E"), ("暴露频繁程度", "E"), ("C", "C"),
    ("D", "D"), ("风险值D=L×E×C", "D"), ("危险性", "D"), ("风险值", "D/R"), ("后果", "C/S"), ("严重性（S）", "S"),
    ("R", "R"), ("风险度R", "R"), ("LEC", None), ("风险等级", None), ("管控措施", None),
])
def test_evaluation_columns(text: str, key: str | None) -> None:
    assert evaluation_key(text) == key


def test_the_method_settles_columns_named_for_both() -> None:
    assert evaluation_columns({"L": 1, "E": 2, "C/S": 3, "D/R": 4}) == {"L": 1, "E": 2, "C": 3, "D": 4}
    assert evaluation_columns({"L": 1, "C/S": 2, "D/R": 3}) == {"L": 1, "S": 2, "R": 3}


def _match(col: int, text: str) -> HeaderMatch:
    return HeaderMatch(HeaderCell(col, text, Cell(text, 1, col)), column_table(RISKS.columns)[normalise(text)])


@pytest.mark.parametrize(("headers", "feeds"), [
    # a place and its hazards: 危险源 is the hazard, or the cause when the list has its own hazard column
    (["风险点", "危险源"], ["风险点名称", "风险及可能造成的危害"]),
    (["风险点", "危险源", "风险描述"], ["风险点名称", "事故诱因", "风险及可能造成的危害"]),
    (["危险源"], ["风险点名称"]),  # the only candidate names the point
    # construction: 风险点（部位或作业活动） holds hazard statements beside 风险点位置
    (["风险点（部位或作业活动）", "风险点位置（所在分部分项工程或设备设施或位置）"], ["风险及可能造成的危害", "风险点名称"]),
    (["风险点名称", "作业活动"], ["风险点名称", None]),  # an activity beside a place column is not read
])
def test_which_place_column_names_the_risk_point(headers: list[str], feeds: list[str | None]) -> None:
    matches = [_match(col, text) for col, text in enumerate(headers, start=1)]
    risk_roles(matches, RISKS.columns)
    assert [m.column.header if m.column else None for m in matches] == feeds
    moved = [column_table(RISKS.columns)[normalise(m.cell.text)].header == "风险点名称" and want != "风险点名称"
             for m, want in zip(matches, feeds, strict=True)]
    assert [bool(m.why) for m in matches] == moved  # each place column read as something else says why


@pytest.mark.parametrize(("name", "summary"), [
    ("风险点统计表", True), ("一车间重大风险清单", True), ("JHA评价记录", True), ("安全风险四色分布图", True), ("设备设施清单", True),
    ("风险分级管控清单", False), ("设备设施风险分级管控清单", False), ("作业活动风险分级管控清单", False), ("风险点", False),
])
def test_summary_sheets_by_name(name: str, summary: bool) -> None:
    assert summary_sheet(name) is summary
