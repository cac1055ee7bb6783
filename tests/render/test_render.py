"""Rendering end to end, checked the way a print shop would: trim sizes, fonts, text, manifest, determinism."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from signkit.pipeline.options import RenderOptions
from signkit.pipeline.render_files import render_files
from signkit.spec.forms import FORMS
from tests.conftest import CHEMICAL, SMALL, check_data, dump, example_data
from tests.pdfcheck import assert_fonts_embedded, assert_in_order, assert_trim, page_texts, reader

Cli = Callable[..., tuple[int, str, str]]

LABELS = {
    "2-1-1": ["安全生产监督管理责任牌", "企业名称", "企业主要负责人", "分管负责人", "所属行业", "县级政府领导", "风险点",
              "行业主管部门", "责任领导", "具体责任人", "安全监管部门", "专业监管部门", "属地监管责任", "监制"],
    "2-1-2": ["企业名称", "企业主要负责人", "安全管理人员", "所属行业", "行业主管部门", "安全监管部门",
              "专业监管部门", "属地管理部门", "监制"],
    "2-2": ["企业安全生产责任牌", "工作场所", "场所主要负责人", "企业分管安全领导", "带班领导", "企业安全管理部门",
            "责任领导", "具体责任人", "场所主管部门", "班组", "班组负责人", "岗位", "岗位责任人"],
    "2-3": ["员工岗位责任牌", "岗位名称", "岗位安全生产责任", "（一）"],
    "2-4": ["安全风险分级管控告知牌", "风险点、场所名称", "风险及可能造成的危害", "事故诱因", "风险等级", "管控责任人",
            "警示标识", "重要提示", "管控措施", "应急处置措施"],
    "2-6": ["安全生产举报公示栏", "举报奖励", "举报渠道", "市级", "县级"],
    "2-7": ["安全生产监督栏", "检举监督", "监督奖励", "举报渠道", "市级", "县级"],
}


def _manifest(out: Path) -> dict[str, Any]:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def _files(out: Path) -> list[dict[str, Any]]:
    return [f for e in _manifest(out)["enterprises"] for f in e["files"]]


def test_every_planned_board_is_written(rendered_examples: Any) -> None:
    out, outcome = rendered_examples
    forms = sorted(f["form"] for f in _files(out))
    expected = sorted(b.form_id for r in outcome.reports for b in r.plan)
    assert forms == expected
    assert {"2-1-1", "2-1-2", "2-2", "2-3", "2-4", "2-5", "2-6", "2-7"} <= set(forms)


def test_manifest_entries_match_the_files(rendered_examples: Any) -> None:
    out, _ = rendered_examples
    for entry in _files(out):
        path = out / entry["file"]
        data = path.read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        assert entry["form"] in FORMS
        width, height = FORMS[entry["form"]].min_size_mm
        assert entry["trim_mm"] == [width, height]
        assert_trim(data, width, height)
        assert len(reader(data).pages) == entry["pages"] == (2 if entry["form"] == "2-5" else 1)
        assert entry["maker"] and entry["hangs"]
        assert {f["role"] for f in entry["fonts"]} == {"title", "body"}
    cards = {f["subject"]: f["copies"] for f in _files(out) if f["form"] == "2-5"}
    assert cards["合成操作工"] == 12


def test_fonts_embedded_and_metadata(rendered_examples: Any) -> None:
    out, _ = rendered_examples
    for entry in _files(out):
        data = (out / entry["file"]).read_bytes()
        faces = {name.split("+", 1)[1] for name in assert_fonts_embedded(data)}  # strip the subset tag
        assert len(faces) == len(entry["fonts"]), (faces, entry["fonts"])
        assert all(f["stand_in"] for f in entry["fonts"])  # bundled mode: stand-ins, and the manifest says so
        info = reader(data).metadata
        assert info is not None
        assert info.subject == entry["form"]
        assert str(info.creator).startswith("signkit ")


@pytest.mark.parametrize("form", sorted(LABELS))
def test_labels_in_reading_order(rendered_examples: Any, form: str) -> None:
    out, _ = rendered_examples
    entries = [f for f in _files(out) if f["form"] == form]
    assert entries
    for entry in entries:
        text = "".join(page_texts((out / entry["file"]).read_bytes())[0].split())
        assert_in_order(text, ["".join(label.split()) for label in LABELS[form]])


def test_card_front_and_back(rendered_examples: Any) -> None:
    out, _ = rendered_examples
    entry = next(f for f in _files(out) if f["form"] == "2-5")
    front, back = ("".join(t.split()) for t in page_texts((out / entry["file"]).read_bytes()))
    assert_in_order(front, ["岗位风险告知卡", "岗位名称", "岗位安全风险", "（一）"])
    assert_in_order(back, ["安全风险应急处置及管控措施", "（一）", "救援电话", "企业应急电话", "0350-8161119"])


def test_byte_identical_across_runs(tmp_path: Path, bundled_fonts: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    first = render_files([str(SMALL)], tmp_path / "a", bundled_fonts)
    # A build system's reproducible-date variable must not change a byte (ReportLab reads it).
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    second = render_files([str(SMALL)], tmp_path / "b", bundled_fonts)
    assert first.ok and second.ok
    for one, two in zip(first.written, second.written, strict=True):
        assert one.path.read_bytes() == two.path.read_bytes(), one.path.name
    assert (tmp_path / "a" / "manifest.json").read_bytes() == (tmp_path / "b" / "manifest.json").read_bytes()


def test_misfit_blocks_its_own_board_and_the_rest_are_made(tmp_path: Path, bundled_fonts: Any) -> None:
    data = example_data(SMALL)
    data["岗位"][0]["岗位安全生产责任"] = ["严格执行操作规程并做好检查记录" * 30] * 20
    site = tmp_path / "long.yaml"
    site.write_text(dump(data), encoding="utf-8")
    outcome = render_files([str(site)], tmp_path / "out", bundled_fonts)
    assert not outcome.ok  # exit code 1: a board was not made
    misfits = [d for d in outcome.diagnostics if d.rule == "SK501"]
    assert misfits and misfits[0].location.path[:3] == ("岗位", 0, "岗位安全生产责任")
    assert "至少" in (misfits[0].hint or "") or "4 倍" in (misfits[0].hint or "")
    [(_, missing)] = outcome.not_made
    assert (missing.form, missing.subject) == ("2-3", "加热炉工") and "SK501" in (missing.reasons or [""])[0]
    made = {(e["form"], e["subject"]) for e in _files(tmp_path / "out")}
    assert ("2-3", "加热炉工") not in made and ("2-5", "加热炉工") in made and len(made) == 16
    manifest = json.loads(next((tmp_path / "out").glob("*/manifest.json")).read_text(encoding="utf-8"))
    assert [b["subject"] for b in manifest["blocked"]] == ["加热炉工"]


def test_all_or_nothing_makes_nothing_of_an_enterprise_with_an_error(tmp_path: Path, bundled_fonts: Any) -> None:
    data = example_data(SMALL)
    data["岗位"][0]["岗位安全生产责任"] = ["严格执行操作规程并做好检查记录" * 30] * 20
    site = tmp_path / "long.yaml"
    site.write_text(dump(data), encoding="utf-8")
    outcome = render_files([str(site)], tmp_path / "out", bundled_fonts, RenderOptions(all_or_nothing=True))
    assert not outcome.ok and [d.rule for d in outcome.diagnostics if d.is_error] == ["SK501"]
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.pdf"))


def test_fit_grow_enlarges_and_says_so(tmp_path: Path, bundled_fonts: Any) -> None:
    data = example_data(CHEMICAL)
    data["企业"]["企业名称"] = "忻州晋原精细化工有限公司" * 40
    site = tmp_path / "grow.yaml"
    site.write_text(dump(data), encoding="utf-8")
    failed = render_files([str(site)], tmp_path / "fail", bundled_fonts, RenderOptions(producer="政府"))
    assert [d.rule for d in failed.diagnostics] == ["SK501"]
    grown = render_files([str(site)], tmp_path / "grow", bundled_fonts, RenderOptions(producer="政府", fit="grow"))
    assert grown.ok and grown.diagnostics[0].rule == "SK502"
    assert {d.rule for d in grown.diagnostics} <= {"SK502", "SK503"}  # SK503: the 480-character name in 印刷清单.pdf
    (entry,) = _files(tmp_path / "grow")
    assert entry["grown"] is True and entry["trim_mm"][0] > 1200
    assert abs(entry["trim_mm"][0] / entry["trim_mm"][1] - 1.5) < 0.01
    assert_trim((tmp_path / "grow" / entry["file"]).read_bytes(), *entry["trim_mm"])


def test_producer_filter(tmp_path: Path, bundled_fonts: Any) -> None:
    gov = render_files([str(SMALL)], tmp_path / "gov", bundled_fonts, RenderOptions(producer="政府"))
    ent = render_files([str(SMALL)], tmp_path / "ent", bundled_fonts, RenderOptions(producer="企业"))
    assert {w.built.planned.form_id for w in gov.written} == {"2-1-2"}
    assert "2-1-2" not in {w.built.planned.form_id for w in ent.written}
    assert {"2-2", "2-3", "2-4", "2-5", "2-6", "2-7"} <= {w.built.planned.form_id for w in ent.written}


def test_requested_size_is_used(tmp_path: Path, bundled_fonts: Any) -> None:
    outcome = render_files([str(SMALL)], tmp_path / "o", bundled_fonts,
                           RenderOptions(producer="政府", sizes=(("2-1-2", "1500x1000"),)))
    assert outcome.ok
    assert_trim(outcome.written[0].path.read_bytes(), 1500, 1000)
    bad = render_files([str(SMALL)], tmp_path / "bad", bundled_fonts, RenderOptions(sizes=(("2-3", "700x900"),)))
    assert bad.usage_error and [d.rule for d in bad.diagnostics] == ["SK226"]


@pytest.mark.parametrize("hostile", ["../../逃逸", "/etc/passwd", "a\x00b\x1b[31m", "..", "CON", "合成/../../车间"])
def test_hostile_names_cannot_escape(tmp_path: Path, bundled_fonts: Any, hostile: str) -> None:
    data = example_data(SMALL)
    data["企业"]["企业名称"] = hostile
    data["工作场所"][0]["名称"] = hostile
    for point in data["风险点"]:
        if point.get("所在工作场所") == example_data(SMALL)["工作场所"][0]["名称"]:
            point["所在工作场所"] = hostile
    report = check_data(data)
    if report.site is None:  # control characters may be refused by the schema: then nothing is written at all
        return
    site = tmp_path / "hostile.yaml"
    site.write_text(dump(data), encoding="utf-8")
    out = tmp_path / "out"
    outcome = render_files([str(site)], out, bundled_fonts)
    for written in outcome.written:
        written.path.resolve().relative_to(out.resolve())
    for path in tmp_path.rglob("*"):
        assert path == site or path.resolve().is_relative_to(out.resolve()), path


def test_cli_render(cli: Cli, tmp_path: Path) -> None:
    code, out, _ = cli("render", "--fonts", "bundled", str(SMALL), "-o", str(tmp_path / "o"))
    assert code == 0, out
    assert "完成：1 家企业（生成 1" in out and "manifest.json" in out
    code, out, _ = cli("render", "--fonts", "bundled", str(tmp_path / "missing.yaml"), "-o", str(tmp_path / "p"))
    assert code == 2
    code, out, _ = cli("render", "--size", "2-2=100x100", str(SMALL), "-o", str(tmp_path / "q"))
    assert code == 2 and "[SK226]" in out and "未生成任何文件" in out


def test_written_files_are_readable_by_others(rendered_examples: Any) -> None:
    import os
    import stat

    _out, outcome = rendered_examples
    mask = os.umask(0)
    os.umask(mask)
    for written in outcome.written[:3]:
        mode = stat.S_IMODE(written.path.stat().st_mode)
        assert mode == 0o666 & ~mask


def test_print_shop_companions(tmp_path: Path, bundled_fonts: Any) -> None:

    outcome = render_files([str(SMALL)], tmp_path, bundled_fonts, RenderOptions(proof="A4", tile="A3", impose="SRA3"))
    assert outcome.ok
    folder = outcome.folders[0]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    kinds = sorted(e["kind"] for e in manifest["extras"])
    boards = len(manifest["files"])
    assert kinds.count("分块 A3") == boards and "样稿 A4" in kinds and "拼版 SRA3" in kinds
    for extra in manifest["extras"]:
        data = (folder / extra["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == extra["sha256"]
    proof = (folder / "样稿_A4.pdf").read_bytes()
    assert len(reader(proof).pages) == sum(f["pages"] for f in manifest["files"])
    assert "样稿" in "".join(page_texts(proof)[0].split())


def test_cli_rejects_unknown_sheets(cli: Cli, tmp_path: Path) -> None:
    code, _, err = cli("render", str(SMALL), "-o", str(tmp_path), "--impose", "B5")
    assert code == 2 and "B5" in err
