"""signkit.excel.grid: everything that can be wrong with the file itself becomes one message, never a traceback."""

from __future__ import annotations

from pathlib import Path

import openpyxl  # type: ignore[import-untyped, unused-ignore]
import pytest

from signkit.excel.grid import coordinate, load_book, parse_coordinate
from signkit.excel.reader import read_workbook
from tests.conftest import Cli, workbook_report


@pytest.mark.parametrize(("name", "content", "code", "text"), [
    ("坏.xlsx", b"PK\x03\x04 not really a zip", 2, "工作簿已损坏"),
    ("空.xlsx", b"", 2, "不是有效的 .xlsx 文件"),
    ("密码.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") + b"\0" * 64, 2, "设有打开密码"),
    ("旧.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, 2, "旧版 Excel 97-2003"),
    ("文本.xlsx", "风险点名称,风险等级\n".encode(), 2, "扩展名改为 .csv"),
    ("缺.xlsx", None, 2, "文件不存在"),
])
def test_unreadable_files_exit_2_with_a_message(name: str, content: bytes | None, code: int, text: str, tmp_path: Path,
                                                 cli: Cli) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    got, out, _ = cli("check", "-q", "--no-layout", str(path))
    assert got == code and text in out and "Traceback" not in out
    got, out, _ = cli("import", str(path), "-o", str(tmp_path / "o"))
    assert got == code and text in out


def test_undecodable_csv(tmp_path: Path) -> None:
    bad = tmp_path / "坏.csv"
    bad.write_bytes(b"\xff\xfe\x00a\x00b")
    book = read_workbook(bad)
    assert book.unreadable and book.diagnostics[0].rule == "SK901"


def test_merged_cells_point_at_where_the_value_was_typed(tmp_path: Path) -> None:
    path = tmp_path / "合并.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "风险点"
    sheet["A5"] = "配电室"
    sheet.merge_cells("A5:A7")
    book.save(path)
    [grid] = load_book(path).grids
    cell = grid.at(6, 1)
    assert cell is not None and cell.value == "配电室" and cell.coordinate == "A5"
    assert grid.at(6, 2) is None


def test_oversized_files_are_not_read(tmp_path: Path) -> None:
    path = tmp_path / "大.csv"
    path.write_text("风险点名称\n" + "配电室\n" * 100, encoding="utf-8")
    loaded = load_book(path, max_bytes=64)
    assert loaded.unreadable and [d.rule for d in loaded.diagnostics] == ["SK003"] and not loaded.grids


def test_coordinates_as_excel_names_them() -> None:
    assert [coordinate(14, 4), coordinate(1, 27), coordinate(2, 702)] == ["D14", "AA1", "ZZ2"]
    assert parse_coordinate("AA1") == (1, 27) and parse_coordinate("D14") == (14, 4)
    assert parse_coordinate("14") == (0, 0) and parse_coordinate("D") == (0, 0)


def test_formulas_without_a_saved_result_are_explained(template_xlsx: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(template_xlsx)
    book["风险点"]["B2"] = '=IF(1,"较大","")'  # openpyxl saves no cached value, as any program would
    path = tmp_path / "公式.xlsx"
    book.save(path)
    report = workbook_report(path)
    [formula] = [d for d in report.diagnostics if d.rule == "SK913"]
    assert formula.location.sheet == "风险点" and formula.location.cell == "B2"
    assert "没有保存计算结果" in formula.message
    # a workbook without formulas is read once and says nothing of the kind
    assert not [d for d in workbook_report(template_xlsx).diagnostics if d.rule == "SK913"]


def test_fill_colours_are_read_apart_from_values(tmp_path: Path) -> None:
    from openpyxl.styles import PatternFill  # type: ignore[import-untyped, unused-ignore]
    from openpyxl.styles.colors import Color  # type: ignore[import-untyped, unused-ignore]

    path = tmp_path / "色.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "重大"
    sheet["A1"].fill = PatternFill("solid", fgColor="FF0000")
    sheet["A2"].fill = PatternFill("solid", fgColor=Color(indexed=52))  # Excel's indexed orange, an empty cell
    sheet["A3"].fill = PatternFill("solid", fgColor=Color(theme=5, tint=0.4))  # a theme colour: not resolved
    sheet["B1"].fill = PatternFill("solid", fgColor="0070C0")
    sheet.merge_cells("B1:B3")
    sheet["C1"].fill = PatternFill("lightGray", fgColor="FF0000")  # a pattern, not a solid fill
    book.save(path)
    grid = load_book(path).grids[0]
    assert grid.fill(1, 1) == "FF0000" and grid.fill(2, 1) == "FF9900" and grid.fill(3, 1) is None
    assert [grid.fill(row, 2) for row in (1, 2, 3)] == ["0070C0"] * 3  # a merged range has its top-left cell's colour
    assert grid.fill(1, 3) is None
    assert grid.at(2, 1) is None  # a coloured empty cell is still empty
