"""Many enterprises: inputs, incremental rebuilds, the reprint list, resilience, locking, parallel runs."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from signkit.batch import OutputLock, collect_inputs
from signkit.publish import file_sha256
from signkit.render_api import render_files
from tests.conftest import CHEMICAL, SMALL, dump, example_data


def _park(folder: Path, count: int = 2) -> list[Path]:
    """``count`` enterprises as site files (copies of the examples with distinct names)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        base = CHEMICAL if index % 2 == 0 else SMALL
        data = example_data(base)
        data["企业"]["企业名称"] = f"{data['企业']['企业名称'][:-6]}{index:02d}有限公司"
        path = folder / f"site-{index:02d}.yaml"
        path.write_text(dump(data), encoding="utf-8")
        paths.append(path)
    return paths


def _manifest_true(out: Path) -> None:
    """Every entry of every manifest exists with its recorded sha256, and every PDF parses."""
    for manifest_path in out.glob("*/manifest.json"):
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        for entry in [*manifest["files"], *manifest.get("extras", [])]:
            assert file_sha256(manifest_path.parent / entry["file"]) == entry["sha256"], entry["file"]
    for pdf in out.rglob("*.pdf"):
        assert len(PdfReader(pdf).pages) >= 1, pdf


def test_collect_inputs(tmp_path: Path) -> None:
    _park(tmp_path / "a" / "b", 2)
    (tmp_path / "a" / "notes.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / ".hidden").mkdir()
    (tmp_path / "a" / ".hidden" / "x.yaml").write_text("a: 1\n", encoding="utf-8")
    found = collect_inputs([str(tmp_path / "a"), "-"], read_stdin=lambda: "企业: {}\n")
    assert [Path(i.name).name for i in found[:2]] == ["site-00.yaml", "site-01.yaml"]
    assert found[2].name == "<stdin>" and found[2].text == "企业: {}\n"
    assert len(found) == 3


def test_incremental_rerun_and_reprint_list(tmp_path: Path, bundled_fonts: Any) -> None:
    sites = _park(tmp_path / "park", 2)
    out = tmp_path / "out"
    first = render_files([str(tmp_path / "park")], out, bundled_fonts)
    assert first.ok and {s.status for s in first.sites} == {"rendered"}
    again = render_files([str(tmp_path / "park")], out, bundled_fonts)
    assert all(not s.rewritten for s in again.sites) and again.reprints == []
    data = example_data(CHEMICAL)
    data["企业"]["企业名称"] = json.loads((out / "manifest.json").read_text(encoding="utf-8"))[
        "enterprises"][0]["enterprise"]
    data["监管责任"]["安全监管部门"]["责任领导"]["姓名"] = "高卫国"
    data["岗位"] = [p for p in data["岗位"] if p["岗位名称"] != "电工"]
    for workplace in data["工作场所"]:
        workplace["岗位"] = [row for row in workplace["岗位"] if row["名称"] != "电工"]
    sites[0].write_text(dump(data), encoding="utf-8")
    third = render_files([str(tmp_path / "park")], out, bundled_fonts)
    assert third.ok
    changed = {(r.change, r.form, r.subject) for r in third.reprints}
    # 电工 leaves both workplaces, so their 2-2 boards change too
    assert changed == {("内容变化", "2-1-1", data["企业"]["企业名称"]), ("内容变化", "2-2", "合成车间"),
                       ("内容变化", "2-2", "罐区"), ("撤下", "2-3", "电工"), ("撤下", "2-5", "电工")}
    reason = next(r for r in third.reprints if r.form == "2-1-1").reasons
    assert reason == ["监管责任.安全监管部门.责任领导.姓名：高卫东 → 高卫国"]
    workplace = next(r for r in third.reprints if r.subject == "罐区").reasons
    assert workplace == ["工作场所[1].岗位[2].名称：电工 →（删除）", "工作场所[1].岗位[2].责任人：梁俊峰 →（删除）"]
    site = next(s for s in third.sites if s.status == "rendered")
    assert site.rewritten == ["2-1-1_安全生产监督管理责任牌.pdf", "2-2_合成车间_企业安全生产责任牌.pdf",
                              "2-2_罐区_企业安全生产责任牌.pdf"]
    assert sorted(site.removed) == ["2-3_电工_员工岗位责任牌.pdf", "2-5_电工_岗位风险告知卡.pdf"]
    assert not list(out.rglob("*电工*"))
    _manifest_true(out)


def test_upgrade_rebuilds_but_asks_no_reprint(tmp_path: Path, bundled_fonts: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    render_files([str(SMALL)], tmp_path, bundled_fonts)  # also imports every module that binds the version
    monkeypatch.setattr("signkit.__version__", "99.0.0")  # seen by the hashes, which read it at call time
    upgraded = render_files([str(SMALL)], tmp_path, bundled_fonts)
    (site,) = upgraded.sites
    assert site.status == "rendered" and len(site.rewritten) == len(site.entries)
    assert upgraded.reprints == []


def test_dry_run_writes_nothing(tmp_path: Path, bundled_fonts: Any) -> None:
    outcome = render_files([str(SMALL)], tmp_path / "out", bundled_fonts, dry_run=True)
    assert outcome.ok and not (tmp_path / "out").exists()
    assert {r.change for r in outcome.reprints} == {"新增"}


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path, bundled_fonts: Any) -> None:
    _park(tmp_path / "park", 2)
    (tmp_path / "park" / "site-00b.yaml").write_text("企业:\n  企业名字: 坏\n", encoding="utf-8")
    outcome = render_files([str(tmp_path / "park")], tmp_path / "out", bundled_fonts)
    assert not outcome.ok
    assert [s.status for s in outcome.sites] == ["rendered", "failed", "rendered"]
    assert len(json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))["enterprises"]) == 2
    stopped = render_files([str(tmp_path / "park")], tmp_path / "out2", bundled_fonts, fail_fast=True, force=True)
    assert [s.status for s in stopped.sites] == ["rendered", "failed"]


def test_parallel_gives_the_same_files(tmp_path: Path, bundled_fonts: Any) -> None:
    _park(tmp_path / "park", 3)
    one = render_files([str(tmp_path / "park")], tmp_path / "one", bundled_fonts, jobs=1)
    two = render_files([str(tmp_path / "park")], tmp_path / "two", bundled_fonts, jobs=2)
    assert one.ok and two.ok
    files_one = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*.pdf"))
    files_two = sorted(p.relative_to(tmp_path / "two") for p in (tmp_path / "two").rglob("*.pdf"))
    assert files_one == files_two
    for name in ("manifest.json", "印刷清单.csv"):  # in input order, however the workers finished
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    for relative in files_one:
        x, y = (tmp_path / "one" / relative).read_bytes(), (tmp_path / "two" / relative).read_bytes()
        if x != y:
            i = next(i for i in range(min(len(x), len(y))) if x[i] != y[i])
            raise AssertionError(f"{relative}: {x[max(i - 300, 0):i + 60]!r} != {y[max(i - 300, 0):i + 60]!r}")


def test_lock_refuses_a_concurrent_run_and_takes_over_a_stale_one(tmp_path: Path, bundled_fonts: Any) -> None:
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / OutputLock.NAME).write_text(f"{os.getppid()} elsewhere\n")
    busy = render_files([str(SMALL)], tmp_path, bundled_fonts)
    assert busy.usage_error and busy.diagnostics[0].rule == "SK801"
    (tmp_path / OutputLock.NAME).write_text("999999999 gone\n")
    taken = render_files([str(SMALL)], tmp_path, bundled_fonts)
    assert taken.ok and not (tmp_path / OutputLock.NAME).exists()


def test_unwritable_output_is_a_clear_error(tmp_path: Path, bundled_fonts: Any) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    outcome = render_files([str(SMALL)], blocker / "out", bundled_fonts)
    assert not outcome.ok
    assert outcome.diagnostics and outcome.diagnostics[0].rule == "SK802"


@pytest.mark.parametrize("delay", [0.5, 1.2, 2.0])
def test_killed_run_leaves_only_complete_files(tmp_path: Path, delay: float) -> None:
    _park(tmp_path / "park", 4)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "signkit", "render", str(tmp_path / "park"), "-o", str(out), "--fonts", "bundled",
               "-j", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    _manifest_true(out)
    assert not list(out.rglob("*.tmp")) or all(p.name.startswith(".") for p in out.rglob("*.tmp"))
    rerun = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=False)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    _manifest_true(out)
    assert not list(out.rglob("*.tmp"))
