"""signkit.excel.yaml_out: imported data → a commented site file that every YAML tool reads as the same text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from signkit.excel.export import site_workbook, workbook_bytes
from signkit.excel.reader import read_workbook
from signkit.excel.yaml_out import scalar, site_yaml
from signkit.pipeline.check import check_path, check_text
from tests.conftest import CHEMICAL


def _imported_chemical(tmp_path: Path) -> str:
    """The chemical example, exported to a workbook and read back, as ``signkit import`` writes it."""
    original = check_path(CHEMICAL).site
    assert original is not None
    xlsx = tmp_path / "导出.xlsx"
    xlsx.write_bytes(workbook_bytes(site_workbook(original)))
    [site] = read_workbook(xlsx).sites
    return site_yaml(site.data, origin=xlsx.name, source=site.source)


def test_imported_yaml_reads_the_same_in_any_yaml_tool(tmp_path: Path) -> None:
    """034100 plain would be the octal number 14400 to PyYAML, editors and linters: it is quoted."""
    loaded = yaml.safe_load(_imported_chemical(tmp_path))
    original = yaml.safe_load(CHEMICAL.read_text(encoding="utf-8"))
    assert loaded["地区"]["县级举报渠道"]["邮编"] == "034100" == original["地区"]["县级举报渠道"]["邮编"]

    def strings(node: Any) -> list[Any]:
        if isinstance(node, dict):
            return [x for v in node.values() for x in strings(v)]
        if isinstance(node, list):
            return [x for v in node for x in strings(v)]
        return [node]

    # every value another tool reads as a non-string means what the text says (人数 6, a date)
    odd = [v for v in strings(loaded) if not isinstance(v, (str, int, dt.date))]
    assert odd == []
    assert all(str(v) == str(int(v)) for v in strings(loaded) if isinstance(v, int))


def test_comments_say_where_each_part_came_from(tmp_path: Path) -> None:
    text = _imported_chemical(tmp_path)
    assert text.startswith("# 由 signkit import 从「导出.xlsx」导入。")
    assert "# 工作表「企业信息」" in text and "# 风险点!A2" in text
    report = check_text(text, "导入.yaml")
    assert report.ok() and report.site == check_path(CHEMICAL).site


def test_scalars_plain_only_when_every_reader_agrees() -> None:
    assert scalar("忻州市") == "忻州市" and scalar("6") == "6" and scalar("2026-05-18") == "2026-05-18"
    assert scalar("034100") == '"034100"'  # octal to YAML 1.1
    assert scalar("是") == "是" and scalar("on") == '"on"' and scalar("yes") == '"yes"'  # booleans to YAML 1.1
    assert scalar("") == '""' and scalar("a: b") == '"a: b"'
