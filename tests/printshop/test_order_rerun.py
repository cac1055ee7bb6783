"""The print order on an incremental rerun: rewritten exactly when what it lists (or is made from) changed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from signkit.output.manifest import file_sha256
from signkit.pipeline.render_files import render_files
from tests.conftest import SMALL, dump, example_data

CSV, PDF = "印刷清单.csv", "印刷清单.pdf"


def _site(folder: Path, **changes: Any) -> Path:
    data = example_data(SMALL)
    for dotted, value in changes.items():
        node = data
        *parents, last = dotted.split("__")
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        node[last] = value
    path = folder / "site.yaml"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(dump(data), encoding="utf-8")
    return path


def _stamp(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_ino, info.st_mtime_ns


def test_print_order_kept_when_no_row_changes(tmp_path: Path, bundled_fonts: Any) -> None:
    out = tmp_path / "out"
    site = _site(tmp_path / "in")
    assert render_files([str(site)], out, bundled_fonts).ok
    before = {name: _stamp(out / name) for name in (CSV, PDF)}
    top = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert top["print_order_sha256"] == {name: file_sha256(out / name) for name in (CSV, PDF)}

    # a new name on the 2-1-2 board: one board rewritten, the print order lists the same rows
    data = example_data(SMALL)
    _site(tmp_path / "in", 企业__企业主要负责人=data["企业"]["企业主要负责人"] + "甲")
    rerun = render_files([str(site)], out, bundled_fonts)
    assert rerun.ok and [s.rewritten for s in rerun.sites] == [["2-1-2_安全生产监督管理责任牌.pdf"]]
    assert {name: _stamp(out / name) for name in (CSV, PDF)} == before

    # a damaged print order is noticed by an ordinary rerun (sha256 as recorded) and written again
    good = {name: (out / name).read_bytes() for name in (CSV, PDF)}
    for damaged in (CSV, PDF):
        (out / damaged).write_bytes(b"%PDF-1.4 truncated" if damaged == PDF else b"\xef\xbb\xbf")
        render_files([str(site)], out, bundled_fonts)
        assert {name: (out / name).read_bytes() for name in (CSV, PDF)} == good, damaged
        assert file_sha256(out / damaged) == json.loads(
            (out / "manifest.json").read_text(encoding="utf-8"))["print_order_sha256"][damaged]


def test_print_order_rewritten_when_a_quantity_changes(tmp_path: Path, bundled_fonts: Any) -> None:
    out = tmp_path / "out"
    site = _site(tmp_path / "in")
    assert render_files([str(site)], out, bundled_fonts).ok
    csv_before = (out / CSV).read_bytes()
    pdf_before = (out / PDF).read_bytes()
    people = int(example_data(SMALL)["岗位"][0]["人数"])
    _site(tmp_path / "in", 岗位__0__人数=str(people + 3))
    assert render_files([str(site)], out, bundled_fonts).ok
    assert (out / CSV).read_bytes() != csv_before and (out / PDF).read_bytes() != pdf_before
    assert f",{people + 3}," in (out / CSV).read_bytes().decode("utf-8-sig")


def test_a_damaged_enterprise_manifest_is_said_not_silent(tmp_path: Path, bundled_fonts: Any) -> None:
    out = tmp_path / "out"
    site = _site(tmp_path / "in")
    first = render_files([str(site)], out, bundled_fonts)
    (folder,) = [s.folder for s in first.sites]
    (out / folder / "manifest.json").write_text("{broken", encoding="utf-8")
    again = render_files([str(site)], out, bundled_fonts)
    assert again.ok and any(d.rule == "SK803" for s in again.sites for d in s.diagnostics)
    # and the next run has a good manifest again: nothing more to say
    third = render_files([str(site)], out, bundled_fonts)
    assert not any(d.rule == "SK803" for s in third.sites for d in s.diagnostics) and third.reprints == []


def test_a_cell_that_looks_like_a_formula_is_written_as_text() -> None:
    """OWASP CSV injection: a 风险点名称 of =HYPERLINK(…) must not become a live formula in Excel or WPS."""
    from signkit.printshop.order import OrderRow, csv_cell, order_csv

    for bad in ("=HYPERLINK(\"http://x\")", "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tx"):
        assert csv_cell(bad) == "'" + bad
    assert csv_cell("1200×800") == "1200×800" and csv_cell("合成车间") == "合成车间"
    row = OrderRow("=甲", "f.pdf", "2-4", "告知牌", "=HYPERLINK(\"http://x\")", 1200, 800, 0, 1, 1, "", "")
    text = order_csv([row]).decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'=甲" in text and ",=" not in text
