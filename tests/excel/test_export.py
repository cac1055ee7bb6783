"""signkit.excel.export: a site → a workbook that reads back as the same site, whatever the site file's odd corners."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl  # type: ignore[import-untyped, unused-ignore]
import pytest

from signkit.excel.export import FORMULA_STARTS, cell_value, site_workbook, workbook_bytes
from signkit.pipeline.check import check_path
from tests.conftest import SMALL, dump, example_data, rendered, workbook_report


def test_export_keeps_output_options_and_odd_lists(tmp_path: Path) -> None:
    data = example_data(SMALL)
    data["输出"] = {"尺寸": {"2-2": "1500×1000"}, "份数": {"2-6": "2"}, "出血": {"2-5": "3"}, "渐变背景": "否"}
    data["风险点"][0]["重要提示"] = ["点火前必须吹扫炉膛；先点火、后开气"]  # one item with a ； in it
    data["工作场所"][1]["岗位"].append({"名称": "加热炉工", "责任人": "梁文斌"})  # more 岗位 than 班组
    site_file = tmp_path / "site.yaml"
    site_file.write_text(dump(data), encoding="utf-8")
    original = check_path(site_file)
    assert original.site is not None
    xlsx = tmp_path / "site.xlsx"
    xlsx.write_bytes(workbook_bytes(site_workbook(original.site)))
    report = workbook_report(xlsx)
    assert report.site == original.site, rendered(report)


def test_cell_values_read_back_without_doubt() -> None:
    assert cell_value(True, "text") == "是" and cell_value(False, "text") == "否"
    assert cell_value(["郝建国", "李志强"], "people") == "郝建国、李志强"
    assert cell_value(["甲", "乙"], "list") == "甲\n乙"
    assert cell_value(["先点火；后开气"], "list") == "先点火；后开气\n"  # one item stays one item when read back
    assert cell_value([], "list") is None and cell_value(None, "text") is None
    assert cell_value(6, "int") == 6 and cell_value("034100", "postcode") == "034100"


@pytest.mark.parametrize("text", [
    '=HYPERLINK("http://example.invalid/","点此查看")',
    "=cmd|' /C calc'!A0",
    "+1+1 检查",
    "-0350-6022350",  # phone-like, and a formula to a spreadsheet
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1 检查",
    "\r=1+1 检查",
])
def test_text_that_looks_like_a_formula_is_exported_as_text_and_read_back(text: str, tmp_path: Path) -> None:
    data = example_data(SMALL)
    data["风险点"][0]["风险点名称"] = f"{text} 配电室"
    data["风险点"][0]["管控措施"] = [text, "定期检查"]
    site_file = tmp_path / "site.yaml"
    site_file.write_text(dump(data), encoding="utf-8")
    original = check_path(site_file)
    assert original.site is not None, rendered(original)
    xlsx = tmp_path / "site.xlsx"
    xlsx.write_bytes(workbook_bytes(site_workbook(original.site)))
    with zipfile.ZipFile(xlsx) as archive:  # no formula anywhere: nothing for Excel to evaluate
        assert not any(b"<f>" in archive.read(name) or b"<f " in archive.read(name) for name in archive.namelist())
    sheet = openpyxl.load_workbook(xlsx)["风险点"]
    cells = [cell for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str) and text.strip() in cell.value]
    assert len(cells) == 2 and all(c.data_type == "s" for c in cells)
    assert all(c.quotePrefix for c in cells if c.value.startswith(FORMULA_STARTS))
    report = workbook_report(xlsx)
    assert report.site == original.site, rendered(report)
