"""signkit.excel.export: a site → a workbook that reads back as the same site, whatever the site file's odd corners."""

from __future__ import annotations

from pathlib import Path

from signkit.excel.export import cell_value, site_workbook, workbook_bytes
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
