"""signkit.excel.grid: everything that can be wrong with the file itself becomes one message, never a traceback."""

from __future__ import annotations

import ast
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl  # type: ignore[import-untyped, unused-ignore]
import pytest

from signkit.excel import grid as grid_module
from signkit.excel.grid import MAX_CELLS, coordinate, load_book, parse_coordinate
from signkit.excel.reader import read_workbook
from tests.conftest import Cli, workbook_report
from tests.excel import hostile_files


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


def test_a_damaged_workbook_is_said_not_raised(tmp_path: Path, cli: Cli) -> None:
    """A broken download: the sheet's deflate data is garbage (zlib.error used to escape as exit 3)."""
    good = hostile_files.workbook(tmp_path / "好.xlsx", 2000, 10)
    bad = hostile_files.damaged(tmp_path / "坏.xlsx", good)
    loaded = load_book(bad)
    assert loaded.unreadable and [d.rule for d in loaded.diagnostics] == ["SK901"]
    assert "工作簿已损坏" in loaded.diagnostics[0].message and "xl/worksheets/sheet1.xml" in loaded.diagnostics[0].message
    code, out, _ = cli("check", "-q", "--no-layout", str(bad))
    assert code == 2 and "工作簿已损坏" in out and "Traceback" not in out


def test_a_zip_that_lies_about_its_sizes_is_refused_cheaply(tmp_path: Path) -> None:
    """The central directory says 1,000 bytes per part; the sheet really inflates to ~60 MB."""
    real = hostile_files.workbook(tmp_path / "真.xlsx", 200_000, 20, numbered=False)
    liar = hostile_files.lying(tmp_path / "假.xlsx", real)
    loaded = load_book(liar)
    assert loaded.unreadable and [d.rule for d in loaded.diagnostics] == ["SK901"]
    assert "工作簿已损坏" in loaded.diagnostics[0].message


def test_members_are_read_in_chunks_counting_what_they_unpack_to(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = hostile_files.workbook(tmp_path / "大.xlsx", 2000, 20)
    monkeypatch.setattr(grid_module, "MAX_UNPACKED", 200_000)  # the declared sizes pass only if they are not summed first
    loaded = load_book(path)
    assert loaded.unreadable and "解压后过大" in loaded.diagnostics[0].message
    reads: list[int] = []
    original = zipfile.ZipExtFile.read

    def spy(self: zipfile.ZipExtFile, n: int = -1) -> bytes:
        reads.append(n)
        return original(self, n)

    monkeypatch.setattr(grid_module, "MAX_UNPACKED", 256 * 1024 * 1024)
    monkeypatch.setattr(zipfile.ZipExtFile, "read", spy)
    scan = grid_module._scan(zipfile.ZipFile(path))
    assert reads and all(0 < n <= 1 << 16 for n in reads)  # never "all of it at once"
    assert scan.cells == {"xl/worksheets/sheet1.xml": 40_000}  # tags cut between two chunks counted once


@pytest.mark.parametrize(("broken", "located"), [
    (b'<row r="2"><c r="A2" t="s"><v>99</v></c></row>', True),  # a shared string that does not exist: found while reading
    (b'<row r="2"><c r="A2"><v>1</v></c><row', False),  # XML cut off: openpyxl refuses it when the workbook is opened
])
def test_a_sheet_whose_xml_is_broken_is_said_not_raised(broken: bytes, located: bool, tmp_path: Path) -> None:
    path = tmp_path / "坏表.xlsx"
    with zipfile.ZipFile(hostile_files.workbook(tmp_path / "好.xlsx", 3, 2)) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith("sheet1.xml"):
                data = data.replace(b'<row r="2">', broken + b'<row r="2">', 1)
            target.writestr(info.filename, data)
    loaded = load_book(path)
    [said] = loaded.diagnostics
    assert loaded.unreadable and said.rule == "SK901" and said.message.startswith("工作簿已损坏")
    if located:
        assert (said.location.sheet, said.location.cell) == ("风险点", "B1") and "B1 之后" in said.message


def test_a_workbook_with_millions_of_cells_is_refused_before_they_are_built(tmp_path: Path) -> None:
    """4 M cells, within 20,000 rows × 200 columns: it cost 1.96 GB; it is refused (SK917) with under 500 MB at the peak."""
    path = hostile_files.workbook(tmp_path / "四百万.xlsx", 20_000, 200, numbered=False)
    script = ("import resource, subprocess, sys\n"
              "child = subprocess.run([sys.executable, '-c', 'import sys; from signkit.excel.grid import load_book; "
              "print(repr([(d.rule, d.location.sheet, d.message) for d in load_book(sys.argv[1]).diagnostics]))', sys.argv[1]], "
              "capture_output=True, text=True, check=True)\n"
              "print(child.stdout.strip())\n"
              "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True)
    said, peak = done.stdout.splitlines()
    [(rule, sheet, message)] = ast.literal_eval(said)
    assert (rule, sheet) == ("SK917", "风险点") and f"{MAX_CELLS:,}" in message and "4,000,000" in message
    assert int(peak) < 500 * 1024, peak  # kB


def test_merged_ranges_count_against_the_cell_budget(tmp_path: Path) -> None:
    path = hostile_files.workbook(tmp_path / "合并.xlsx", 2, 2, tail='<mergeCells count="1"><mergeCell ref="A3:GR20000"/></mergeCells>')
    loaded = load_book(path)
    assert [d.rule for d in loaded.diagnostics] == ["SK917"]
    small = hostile_files.workbook(tmp_path / "小.xlsx", 2, 2, tail='<mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells>')
    [grid] = load_book(small).grids
    origin = grid.at(2, 1)
    assert origin is not None and origin.coordinate == "A1"


def test_a_sheet_claiming_to_span_every_row_and_column_is_read_by_what_it_holds(tmp_path: Path) -> None:
    """A ``<dimension ref="A1:XFD1048576">`` and a cell in the last row: padding every row to 16,384 columns took minutes."""
    path = hostile_files.workbook(tmp_path / "宽.xlsx", 3, 2)
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    sheet = sheet.replace(b"<sheetData>", b'<dimension ref="A1:XFD1048576"/><sheetData>')
    sheet = sheet.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>9</v></c></row></sheetData>')
    parts["xl/worksheets/sheet1.xml"] = sheet
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    started = time.process_time()
    loaded = load_book(path)
    assert time.process_time() - started < 20  # it was minutes (a generous bound: the machine may be busy)
    [grid] = loaded.grids
    assert grid.max_row == 3 and grid.max_col == 2 and len(grid.cells) == 6
    assert [d.rule for d in loaded.diagnostics] == ["SK911"]
