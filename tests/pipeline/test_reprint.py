"""The reprint list as the print shop gets it: 重印清单.csv beside the manifest, grouped by enterprise and 附表."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from signkit.pipeline.render_files import render_files
from signkit.pipeline.reprint import REPRINT_CSV, REPRINT_HEADERS, Reprint, group_reprints, reprint_csv, sorted_reprints
from tests.conftest import CHEMICAL, SMALL, dump, example_data


def _item(enterprise: str, form: str, subject: str, change: str = "内容变化", reasons: list[str] | None = None) -> Reprint:
    return Reprint(enterprise, form, subject, change, reasons or [], "某公司", "车间", 1, f"{form}_{subject}.pdf")


def _rows(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode()) and b"\r\n" in data  # Excel opens UTF-8 with a BOM
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_rows_are_in_a_fixed_order_whatever_order_they_came_in() -> None:
    items = [_item("乙", "2-5", "电工"), _item("甲", "2-7", "甲"), _item("甲", "2-2", "罐区", "撤下"),
             _item("甲", "2-2", "车间", "新增"), _item("甲", "2-1-1", "甲"), _item("甲", "2-10", "x")]
    rows = _rows(reprint_csv(items))
    assert tuple(rows[0]) == REPRINT_HEADERS
    assert [(r[0], r[1], r[4]) for r in rows[1:]] == [("乙", "2-5", "内容变化"), ("甲", "2-1-1", "内容变化"), ("甲", "2-2", "新增"),
                                                    ("甲", "2-2", "撤下"), ("甲", "2-7", "内容变化"), ("甲", "2-10", "内容变化")]
    # enterprises stay in the run's order; within one, the order never depends on how the boards came
    assert reprint_csv(items) == reprint_csv([items[0], *reversed(items[1:])])
    assert (rows[1][2], rows[2][2]) == ("岗位风险告知卡", "安全生产监督管理责任牌")


def test_csv_cells_never_run_as_formulas_and_keep_every_reason() -> None:
    item = _item("=HYPERLINK(\"x\")", "2-3", "电工", reasons=["岗位[0].人数：3 → 4", "岗位[0].救援电话：120 → 119"])
    (row,) = _rows(reprint_csv([item]))[1:]
    assert row[0].startswith("'=") and row[9] == "岗位[0].人数：3 → 4；岗位[0].救援电话：120 → 119"


def test_groups_count_changes_and_summarise_reasons() -> None:
    items = [_item("甲", "2-5", f"岗位{i}", reasons=[f"岗位[{i}].救援电话：120 → 119", "企业.企业应急电话：1 → 2"])
             for i in range(4)] + [_item("甲", "2-5", "新岗位", "新增"), _item("甲", "2-4", "罐区")]
    groups = group_reprints(items)
    assert [(g.enterprise, g.form, len(g.items)) for g in groups] == [("甲", "2-4", 1), ("甲", "2-5", 5)]
    cards = groups[1]
    assert cards.counts == {"新增": 1, "内容变化": 4}
    assert cards.reasons() == [("企业.企业应急电话", 4), ("岗位[*].救援电话", 4)]
    assert [item.subject for item in cards.items] == [item.subject for item in sorted_reprints(cards.items)]


def test_a_second_run_writes_the_list_beside_the_manifest(tmp_path: Path, bundled_fonts: Any) -> None:
    park = tmp_path / "park"
    park.mkdir()
    site = park / "c.yaml"
    site.write_text(CHEMICAL.read_text(encoding="utf-8"), encoding="utf-8")
    (park / "s.yaml").write_text(SMALL.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    assert render_files([str(park)], out, bundled_fonts).ok
    first = _rows((out / REPRINT_CSV).read_bytes())
    assert len(first) - 1 == sum(1 for e in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["enterprises"]
                                 for _ in e["files"])  # the first run: every board is new
    data = example_data(CHEMICAL)
    data["企业"]["企业应急电话"] = "0350-8161120"
    site.write_text(dump(data), encoding="utf-8")
    dry = render_files([str(park)], out, bundled_fonts, options=_dry())
    assert dry.reprints and _rows((out / REPRINT_CSV).read_bytes()) == first  # a dry run writes nothing
    again = render_files([str(park)], out, bundled_fonts)
    rows = _rows((out / REPRINT_CSV).read_bytes())[1:]
    assert len(rows) == len(again.reprints) == 5 and {r[1] for r in rows} == {"2-5"}
    assert all(r[9] == "企业.企业应急电话：0350-8161119 → 0350-8161120" for r in rows)
    for row in rows:  # the file column is the path from the list, as in 印刷清单.csv
        assert (out / row[8]).is_file()
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["reprint_list"] == REPRINT_CSV
    assert render_files([str(park)], out, bundled_fonts).reprints == []
    assert _rows((out / REPRINT_CSV).read_bytes()) == [list(REPRINT_HEADERS)]  # nothing to reprint now, said so


def _dry() -> Any:
    from dataclasses import replace

    from signkit.pipeline.options import DEFAULTS

    return replace(DEFAULTS, dry_run=True)
