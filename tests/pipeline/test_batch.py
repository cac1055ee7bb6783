"""Many enterprises: inputs, incremental rebuilds, the reprint list, resilience, parallel runs."""

from __future__ import annotations

import contextlib
import csv
import errno
import hashlib
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from signkit._version import __version__
from signkit.diagnostics import Location
from signkit.fonts.identity import fontset_identity
from signkit.output.atomic import KILL_ENV
from signkit.output.lock import OutputLock
from signkit.output.manifest import file_sha256
from signkit.pipeline.config import SignFolder
from signkit.pipeline.incremental import input_hash
from signkit.pipeline.inputs import collect_inputs
from signkit.pipeline.options import RenderOptions
from signkit.pipeline.render_files import render_files
from tests.conftest import CHEMICAL, SMALL, dump, example_data, set_version


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
    assert workplace == ["工作场所[1].岗位[2]：电工 →（删除）"]  # one line for the row, named by the post
    site = next(s for s in third.sites if s.status == "rendered")
    assert site.rewritten == ["2-1-1_安全生产监督管理责任牌.pdf", "2-2_合成车间_企业安全生产责任牌.pdf",
                              "2-2_罐区_企业安全生产责任牌.pdf"]
    assert sorted(site.removed) == ["2-3_电工_员工岗位责任牌.pdf", "2-5_电工_岗位风险告知卡.pdf"]
    assert not list(out.rglob("*电工*"))
    _manifest_true(out)


def test_upgrade_rebuilds_but_asks_no_reprint(tmp_path: Path, bundled_fonts: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    render_files([str(SMALL)], tmp_path, bundled_fonts)  # also imports every module that binds the version
    set_version(monkeypatch, "99.0.0")  # seen by the hashes, which read it at call time
    upgraded = render_files([str(SMALL)], tmp_path, bundled_fonts)
    (site,) = upgraded.sites
    assert site.status == "rendered" and len(site.rewritten) == len(site.entries)
    assert upgraded.reprints == []


def test_dry_run_writes_nothing(tmp_path: Path, bundled_fonts: Any) -> None:
    outcome = render_files([str(SMALL)], tmp_path / "out", bundled_fonts, RenderOptions(dry_run=True))
    assert outcome.ok and not (tmp_path / "out").exists()
    assert {r.change for r in outcome.reprints} == {"新增"}


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path, bundled_fonts: Any) -> None:
    _park(tmp_path / "park", 2)
    (tmp_path / "park" / "site-00b.yaml").write_text("企业:\n  企业名字: 坏\n", encoding="utf-8")
    outcome = render_files([str(tmp_path / "park")], tmp_path / "out", bundled_fonts)
    assert not outcome.ok
    assert [s.status for s in outcome.sites] == ["rendered", "failed", "rendered"]
    assert len(json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))["enterprises"]) == 2
    stopped = render_files([str(tmp_path / "park")], tmp_path / "out2", bundled_fonts,
                           RenderOptions(fail_fast=True, force=True))
    assert [s.status for s in stopped.sites] == ["rendered", "failed"]


def test_parallel_gives_the_same_files(tmp_path: Path, bundled_fonts: Any) -> None:
    _park(tmp_path / "park", 3)
    one = render_files([str(tmp_path / "park")], tmp_path / "one", bundled_fonts, RenderOptions(jobs=1))
    two = render_files([str(tmp_path / "park")], tmp_path / "two", bundled_fonts, RenderOptions(jobs=2))
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


def test_options_reach_the_workers_unchanged(tmp_path: Path, bundled_fonts: Any) -> None:
    """At ``-j 2`` each worker renders with the run's options: bleed, marks and imposition are honoured.

    And the input hash a worker records is the one this process computes from the same
    options: an in-process rerun with them finds every enterprise unchanged.
    """
    _park(tmp_path / "park", 2)
    out = tmp_path / "out"
    options = RenderOptions(bleed=3.0, marks=True, impose="A4", jobs=2)
    outcome = render_files([str(tmp_path / "park")], out, bundled_fonts, options)
    assert outcome.ok and [s.status for s in outcome.sites] == ["rendered", "rendered"]
    for site in outcome.sites:
        manifest = json.loads((out / site.folder / "manifest.json").read_text(encoding="utf-8"))
        assert {(e["bleed_mm"], e["marks"]) for e in manifest["files"]} == {(3.0, True)}
        assert [e["kind"] for e in manifest["extras"]] == ["拼版 A4"]
        board = manifest["files"][0]
        box = PdfReader(out / site.folder / board["file"]).pages[0].bleedbox
        points = [(size + 2 * 3.0) * 72 / 25.4 for size in board["trim_mm"]]
        assert [float(box.width), float(box.height)] == pytest.approx(points, abs=0.01)
    again = render_files([str(tmp_path / "park")], out, bundled_fonts, RenderOptions(bleed=3.0, marks=True, impose="A4"))
    assert [s.status for s in again.sites] == ["unchanged", "unchanged"]


def test_input_hash_is_the_payload_signkit_always_hashed(bundled_fonts: Any) -> None:
    """Output folders written before the options were one value must still be recognised as unchanged.

    The payload is spelt out here as signkit has hashed it since incremental rebuilds
    began: the options that shape the files (sizes sorted; the overlap only counts
    when a companion is asked for), not how the run goes about it.
    """
    def legacy(**options: Any) -> str:
        shaping = {"fit": "fail", "producer": None, "sizes": (), "bleed": None, "marks": None, "strict": False,
                   "max_bytes": 4 * 1024 * 1024, "proof": None, "tile": None, "impose": None, "overlap": 10.0,
                   "sign_folder": None, **options}
        payload = json.dumps({"site": hashlib.sha256(b"site").hexdigest(), "options": shaping,
                              "fonts": fontset_identity(bundled_fonts), "signkit": __version__, "signs": "digest"},
                             sort_keys=True, default=str)
        return hashlib.sha256(payload.encode()).hexdigest()

    def now(options: RenderOptions) -> str:
        return input_hash(b"site", options, bundled_fonts, signs="digest")

    folder = SignFolder(Path("/srv/标志"), "/srv/标志", Location("signkit.toml", 3))
    assert now(RenderOptions()) == legacy()
    assert now(RenderOptions(dry_run=True, force=True, jobs=8, fail_fast=True)) == legacy()
    assert now(RenderOptions(overlap=5.0)) == legacy()  # no tiles asked for: the overlap shapes nothing
    full = RenderOptions(fit="grow", producer="企业", sizes=(("2-3", "600x900"), ("2-2", "1500x1000")), bleed=3.0,
                         marks=True, strict=True, max_bytes=1000, proof="A4", tile="A3", impose="SRA3", overlap=5.0,
                         sign_folder=folder)
    assert now(full) == legacy(fit="grow", producer="企业", sizes=(("2-2", "1500x1000"), ("2-3", "600x900")), bleed=3.0,
                               marks=True, strict=True, max_bytes=1000, proof="A4", tile="A3", impose="SRA3",
                               overlap=5.0, sign_folder=folder)


def test_unwritable_output_is_a_clear_error(tmp_path: Path, bundled_fonts: Any) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    outcome = render_files([str(SMALL)], blocker / "out", bundled_fonts)
    assert not outcome.ok
    assert outcome.diagnostics and outcome.diagnostics[0].rule == "SK802"


def _first_files(out: Path) -> bool:
    return any(out.rglob("*.pdf")) or any(out.rglob("*.tmp"))


@pytest.mark.parametrize("finished", [0, 1, 3], ids=["while-writing-the-first", "after-one", "after-three"])
def test_killed_run_leaves_only_complete_files(tmp_path: Path, finished: int) -> None:
    """SIGKILL while the run is demonstrably mid-way (files being written, N enterprises done), then rerun."""
    _park(tmp_path / "park", 4)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "signkit", "render", str(tmp_path / "park"), "-o", str(out), "--fonts", "bundled",
               "-j", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not (_complete_manifests(out) >= finished and _first_files(out)):
        assert process.poll() is None, "the run ended before it could be killed mid-way"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    assert process.poll() is None
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert _complete_manifests(out) >= finished
    _manifest_true(out)
    _top_true(out)
    rerun = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=False)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert _complete_manifests(out) == 4
    _manifest_true(out)
    _top_true(out)
    assert not list(out.rglob("*.tmp"))


# --- a rerun killed at any point of the publish protocol is repaired -------------------------------------------

def _change_leader_and_drop_electrician(path: Path, enterprise: str) -> dict[str, Any]:
    """The personnel change of the issue: one leader renamed, and the post 电工 gone (two boards to take down)."""
    data = example_data(CHEMICAL)
    data["企业"]["企业名称"] = enterprise
    data["监管责任"]["安全监管部门"]["责任领导"]["姓名"] = "高卫国"
    data["岗位"] = [p for p in data["岗位"] if p["岗位名称"] != "电工"]
    for workplace in data["工作场所"]:
        workplace["岗位"] = [row for row in workplace["岗位"] if row["名称"] != "电工"]
    path.write_text(dump(data), encoding="utf-8")
    return data


_CHANGED = {("内容变化", "2-1-1"), ("内容变化", "2-2"), ("撤下", "2-3"), ("撤下", "2-5")}


def _no_strays(out: Path) -> None:
    """Each enterprise folder holds exactly what its manifest lists (and no temporary files anywhere)."""
    for manifest_path in out.glob("*/manifest.json"):
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        listed = {e["file"] for e in [*manifest["files"], *manifest.get("extras", [])]}
        on_disk = {p.relative_to(manifest_path.parent).as_posix() for p in manifest_path.parent.rglob("*")
                   if p.is_file() and p.name != "manifest.json"}
        assert on_disk == listed, (manifest_path.parent.name, on_disk ^ listed)
    assert not list(out.rglob("*.tmp"))


def _top_agrees(out: Path) -> None:
    """The top manifest and 印刷清单 list exactly what each enterprise manifest lists."""
    top = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    order = (out / "印刷清单.csv").read_text(encoding="utf-8-sig")
    for enterprise in top["enterprises"]:
        own = json.loads((out / enterprise["folder"] / "manifest.json").read_text(encoding="utf-8"))
        assert [(e["file"], e["sha256"]) for e in enterprise["files"]] == [
            (f"{enterprise['folder']}/{e['file']}", e["sha256"]) for e in own["files"]]
        for entry in own["files"]:
            assert f"{enterprise['folder']}/{entry['file']}" in order


def _top_true(out: Path) -> None:
    """Whenever a run stops, the top manifest and 印刷清单 are never wrong about the disk.

    Every file the top manifest lists exists with its recorded sha256 (an interim one,
    ``complete: false``, lists none), and a visible 印刷清单.csv names exactly the files
    the enterprise manifests list — never a board the run already replaced or removed.
    """
    if not (out / "manifest.json").exists():  # a first run killed before its end: no top files at all
        assert not (out / "印刷清单.csv").exists() and not (out / "印刷清单.pdf").exists()
        return
    top = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for enterprise in top["enterprises"]:
        for entry in enterprise["files"]:
            assert file_sha256(out / entry["file"]) == entry["sha256"], entry["file"]
        if top.get("complete") is False:
            assert enterprise["files"] == []
    for name in top.get("print_order") or []:
        assert file_sha256(out / name) == top["print_order_sha256"][name], name
    if (out / "印刷清单.csv").exists():
        rows = list(csv.reader(io.StringIO((out / "印刷清单.csv").read_text(encoding="utf-8-sig"))))
        ordered = {row[1] for row in rows[1:] if row[1]}
        listed = {f"{path.parent.name}/{entry['file']}" for path in out.glob("*/manifest.json")
                  for entry in json.loads(path.read_text(encoding="utf-8"))["files"]}
        assert ordered == listed, ordered ^ listed


@pytest.fixture(scope="module")
def killed_rerun_park(tmp_path_factory: pytest.TempPathFactory, bundled_fonts: Any) -> tuple[Path, Path, str]:
    """A park rendered once, then changed (leader renamed, 电工 gone); each test reruns a copy of the output."""
    root = tmp_path_factory.mktemp("killpark")
    sites = _park(root / "park", 2)
    out = root / "out"
    assert render_files([str(root / "park")], out, bundled_fonts).ok
    enterprise = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["enterprises"][0]["enterprise"]
    _change_leader_and_drop_electrician(sites[0], enterprise)
    return root / "park", out, enterprise


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
@pytest.mark.parametrize("phase", ["top-interim", "interim", "board", "removed", "final", "top"])
def test_rerun_killed_at_any_point_is_repaired_and_still_lists_the_reprints(
        killed_rerun_park: tuple[Path, Path, str], tmp_path: Path, bundled_fonts: Any, phase: str) -> None:
    """SIGKILL at each named point of the publish protocol (SIGNKIT_TEST_KILL_AT), then rerun.

    Whatever the point, the manifest is true to the disk right after the kill; the rerun
    lists the same reprints and removals the killed run would have, rewrites what was
    left half-done, removes the 电工 boards, and the run after that asks for nothing.
    """
    park, baseline, enterprise = killed_rerun_park
    out = tmp_path / "out"
    shutil.copytree(baseline, out)
    command = [sys.executable, "-m", "signkit", "render", str(park), "-o", str(out), "--fonts", "bundled", "-j", "1"]
    killed = subprocess.run(command, env={**os.environ, KILL_ENV: phase}, capture_output=True, text=True,
                            encoding="utf-8", check=False, timeout=600)
    assert killed.returncode == -signal.SIGKILL, killed.stdout + killed.stderr
    # "top" is after the list was printed and before it is marked delivered; earlier, nothing was printed
    assert ("[内容变化]" in killed.stdout) == (phase == "top")
    _manifest_true(out)
    _top_true(out)

    rerun = render_files([str(park)], out, bundled_fonts)
    assert rerun.ok
    assert {(r.change, r.form) for r in rerun.reprints} == _CHANGED
    assert {r.subject for r in rerun.reprints if r.change == "撤下"} == {"电工"}
    leader = next(r for r in rerun.reprints if r.form == "2-1-1")
    assert leader.enterprise == enterprise and leader.reasons == ["监管责任.安全监管部门.责任领导.姓名：高卫东 → 高卫国"]
    (site,) = [s for s in rerun.sites if s.enterprise == enterprise]
    if phase in ("top-interim", "interim", "board", "removed"):  # the killed run's files were never confirmed: made again
        assert site.status == "rendered" and "2-1-1_安全生产监督管理责任牌.pdf" in site.rewritten
    else:  # confirmed, but its list never reached anyone
        assert site.status == "unchanged"
    _manifest_true(out)
    _no_strays(out)
    _top_agrees(out)
    assert not list(out.rglob("*电工*"))
    assert "高卫国" in json.dumps(json.loads((out / site.folder / "manifest.json").read_text(encoding="utf-8")),
                                 ensure_ascii=False)

    settled = render_files([str(park)], out, bundled_fonts)  # the list was delivered: nothing more to ask
    assert settled.reprints == [] and {s.status for s in settled.sites} == {"unchanged"}


# --- sign files are inputs too ----------------------------------------------------------------------------------

_SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="100" height="134" viewBox="0 0 100 134">
  <rect x="0" y="0" width="100" height="100" fill="{colour}"/>
  <path d="M10 110 L90 110 L90 130 L10 130 Z" fill="rgb(0,0,0)"/>
</svg>
"""


def test_changing_a_sign_file_rebuilds_the_boards_that_draw_it(tmp_path: Path, bundled_fonts: Any) -> None:
    """An SVG named by path and one dropped into 标志文件夹 are inputs: changing either is not 「未变化」."""
    data = example_data(SMALL)
    data["风险点"][0]["警示标识"] = ["自绘.svg", "禁止烟火"]
    data.setdefault("输出", {})["标志文件夹"] = "官方标志"
    (tmp_path / "官方标志").mkdir()
    (tmp_path / "自绘.svg").write_text(_SVG.format(colour="#0000ff"), encoding="utf-8")
    site = tmp_path / "site.yaml"
    site.write_text(dump(data), encoding="utf-8")
    out = tmp_path / "out"
    first = render_files([str(site)], out, bundled_fonts)
    assert first.ok, [d.render() for d in first.diagnostics]
    assert render_files([str(site)], out, bundled_fonts).sites[0].status == "unchanged"

    (tmp_path / "自绘.svg").write_text(_SVG.format(colour="#ffff00"), encoding="utf-8")
    recoloured = render_files([str(site)], out, bundled_fonts)
    (outcome,) = recoloured.sites
    assert outcome.status == "rendered" and outcome.rewritten == ["2-4_燃气加热炉_安全风险分级管控告知牌.pdf"]
    assert [(r.change, r.form, r.subject.split("（")[0]) for r in recoloured.reprints] == [("内容变化", "2-4", "燃气加热炉")]

    # the office's own artwork for a library sign two other risk points print
    (tmp_path / "官方标志" / "当心机械伤人.svg").write_text(_SVG.format(colour="#ff0000"), encoding="utf-8")
    overridden = render_files([str(site)], out, bundled_fonts)
    assert overridden.sites[0].rewritten == ["2-4_数控车床加工区_安全风险分级管控告知牌.pdf",
                                             "2-4_空气锤锻打区_安全风险分级管控告知牌.pdf"]
    assert sorted((r.change, r.subject.split("（")[0]) for r in overridden.reprints) == [
        ("内容变化", "数控车床加工区"), ("内容变化", "空气锤锻打区")]
    assert render_files([str(site)], out, bundled_fonts).sites[0].status == "unchanged"
    _manifest_true(out)


# --- the reprint list when boards are only added, and enterprises not in this run --------------------------------

def test_boards_added_to_an_existing_folder_are_listed_one_by_one(tmp_path: Path, cli: Any) -> None:
    sites = _park(tmp_path / "park", 2)
    out = tmp_path / "out"
    code, first, _ = cli("render", str(sites[1]), "-o", str(out), "--fonts", "bundled", "-j", "1")
    assert code == 0 and "首次生成：" in first
    code, added, _ = cli("render", str(sites[0]), str(sites[1]), "-o", str(out), "--fonts", "bundled", "-j", "1")
    assert code == 0 and "首次生成" not in added
    listed = [line for line in added.splitlines() if line.startswith("      [新增]")]  # under its enterprise and 附表
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    new = manifest["enterprises"][0]
    assert len(listed) == len(new["files"]) and f"  {new['enterprise']}（新增 {len(listed)}）" in added.splitlines()
    board = next(e for e in new["files"] if e["form"] == "2-4")
    assert any(f"[新增] {board['subject']} × " in line and f"{board['maker']} 制作，悬挂于 {board['hangs']}" in line
               for line in listed)
    lines = added.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("    附表 2-4 安全风险分级管控告知牌：新增 "))
    assert lines[header + 1].startswith("      [新增] ")  # the kind's boards follow its header


def test_enterprises_not_in_this_run_stay_in_the_top_manifest_while_their_folders_are_intact(
        tmp_path: Path, bundled_fonts: Any, cli: Any) -> None:
    sites = _park(tmp_path / "park", 2)
    out = tmp_path / "out"
    assert render_files([str(tmp_path / "park")], out, bundled_fonts).ok
    before = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["enterprises"]
    code, text, _ = cli("render", str(sites[0]), "-o", str(out), "--fonts", "bundled", "-j", "1")
    assert code == 0
    after = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["enterprises"]
    assert [e["folder"] for e in after] == [e["folder"] for e in before]
    assert "this_run" not in after[0] and after[1]["this_run"] is False and after[1]["files"] == before[1]["files"]
    order = (out / "印刷清单.csv").read_text(encoding="utf-8-sig")
    assert all(e["file"] in order for e in after[1]["files"])
    assert "另有 1 家企业本次没有生成" in text and before[1]["enterprise"] in text

    shutil.rmtree(out / before[1]["folder"])  # taken out of OUTDIR: then out of the lists too
    assert render_files([str(sites[0])], out, bundled_fonts).ok
    remaining = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["enterprises"]
    assert [e["folder"] for e in remaining] == [before[0]["folder"]]
    assert before[1]["folder"] not in (out / "印刷清单.csv").read_text(encoding="utf-8-sig")


# --- dry run, temporary files, full disks, memory ------------------------------------------------------------

def test_dry_run_lays_out_and_hashes_but_renders_no_pdf(tmp_path: Path, bundled_fonts: Any,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    sites = _park(tmp_path / "park", 1)
    out = tmp_path / "out"
    assert render_files([str(sites[0])], out, bundled_fonts).ok
    enterprise = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["enterprises"][0]["enterprise"]
    _change_leader_and_drop_electrician(sites[0], enterprise)
    snapshot = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def no_rendering(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("a dry run rendered a PDF")

    monkeypatch.setattr("signkit.render.pdf.render_pdf", no_rendering)
    dry = render_files([str(sites[0])], out, bundled_fonts, RenderOptions(dry_run=True))
    assert dry.ok and {(r.change, r.form) for r in dry.reprints} == _CHANGED
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == snapshot


def test_temporary_files_of_killed_runs_are_swept_at_the_start(tmp_path: Path, bundled_fonts: Any) -> None:
    out = tmp_path / "out"
    assert render_files([str(SMALL)], out, bundled_fonts).ok
    (folder,) = [p for p in out.iterdir() if p.is_dir()]
    (folder / "分块").mkdir()
    strays = [out / ".manifest.json.k2j4x9a_.tmp", out / ".印刷清单.csv.abcdefgh.tmp",
              folder / ".2-4_x.pdf.12345678.tmp", folder / "分块" / ".2-2_y_A4分块.pdf.a1b2c3d4.tmp"]
    mine = [out / "notes.tmp", folder / ".keep.tmp", folder / "分块" / "草稿.tmp"]  # not signkit's names
    for path in [*strays, *mine]:
        path.write_bytes(b"%PDF-1.4 half")
    again = render_files([str(SMALL)], out, bundled_fonts)
    assert again.ok and again.sites[0].status == "unchanged"
    assert [p for p in strays if p.exists()] == [] and all(p.exists() for p in mine)


def _enospc_for(predicate: Any) -> Any:
    real = os.replace

    def replace(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
        if predicate(Path(dst)):
            raise OSError(errno.ENOSPC, "No space left on device", str(dst))
        real(src, dst, *args, **kwargs)

    return replace


@pytest.mark.parametrize("where", ["top", "everywhere"])
def test_full_disk_is_a_chinese_message_and_exit_2(tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch,
                                                   where: str) -> None:
    out = tmp_path / "out"
    if where == "top":  # the enterprise folders are written, then 印刷清单 / manifest.json fail
        monkeypatch.setattr(os, "replace", _enospc_for(lambda dst: dst.parent == out))
    else:
        monkeypatch.setattr(os, "replace", _enospc_for(lambda dst: True))
    code, text, err = cli("render", str(SMALL), "-o", str(out), "--fonts", "bundled", "-j", "1")
    assert code == 2, text + err
    assert "SK802" in text and "磁盘已满" in text
    assert "No space" not in text + err and "内部错误" not in text + err and "Traceback" not in text + err
    assert not list(out.rglob("*.tmp"))
    if where == "top":
        monkeypatch.undo()
        code, text, _ = cli("render", str(SMALL), "-o", str(out), "--fonts", "bundled", "-j", "1")
        assert code == 0 and (out / "manifest.json").exists() and (out / "印刷清单.csv").exists()
        _manifest_true(out)


def test_read_only_output_names_the_cause(tmp_path: Path, bundled_fonts: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(tmp_path / "out"))

    monkeypatch.setattr("signkit.output.lock.OutputLock.__enter__", refuse)
    outcome = render_files([str(SMALL)], tmp_path / "out", bundled_fonts)
    assert outcome.usage_error and [d.rule for d in outcome.diagnostics] == ["SK802"]
    assert "只读文件系统" in outcome.diagnostics[0].message and "Read-only" not in outcome.diagnostics[0].message


def test_built_files_are_kept_in_memory_only_when_asked(tmp_path: Path, bundled_fonts: Any,
                                                        monkeypatch: pytest.MonkeyPatch, cli: Any) -> None:
    lean = render_files([str(SMALL)], tmp_path / "a", bundled_fonts, keep=False)
    assert lean.ok and lean.written == [] and lean.reports == [] and lean.sites[0].entries
    kept = render_files([str(SMALL)], tmp_path / "b", bundled_fonts, RenderOptions(force=True), keep=True)
    assert kept.written and all(w.built.pdf for w in kept.written)

    import signkit.pipeline.render_files

    seen: list[object] = []
    real = signkit.pipeline.render_files.render_files

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(kwargs.get("keep"))
        return real(*args, **kwargs)

    monkeypatch.setattr(signkit.pipeline.render_files, "render_files", spy)
    code, _, _ = cli("render", str(SMALL), "-o", str(tmp_path / "c"), "--fonts", "bundled", "-j", "1")
    assert code == 0 and seen == [False]  # the command line never holds a batch's PDFs


# --- SIGTERM and a killed parent at -j 2 ------------------------------------------------------------------------

def _alive(pid: int) -> bool:
    """Whether ``pid`` is a running process (a zombie waiting to be reaped has finished)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return False
    return "Z (zombie)" not in status and "X (dead)" not in status


def _complete_manifests(out: Path) -> int:
    count = 0
    for path in out.glob("*/manifest.json"):
        with contextlib.suppress(OSError, ValueError):  # being replaced right now
            count += json.loads(path.read_text(encoding="utf-8")).get("complete") is True
    return count


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
@pytest.mark.parametrize("how", ["SIGTERM", "SIGKILL"])
def test_stopping_a_parallel_run_leaves_no_workers_and_only_complete_files(tmp_path: Path, how: str) -> None:
    """SIGTERM: a clean stop (message, 143, lock released); SIGKILL of the parent: the workers die with it."""
    from signkit.pipeline.jobs import WORKER_PIDS_ENV

    _park(tmp_path / "park", 6)
    out = tmp_path / "out"
    workers = tmp_path / "workers.txt"
    command = [sys.executable, "-m", "signkit", "render", str(tmp_path / "park"), "-o", str(out), "--fonts", "bundled",
               "-j", "2"]
    process = subprocess.Popen(command, env={**os.environ, WORKER_PIDS_ENV: str(workers)}, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, encoding="utf-8")
    deadline = time.monotonic() + 300
    while _complete_manifests(out) < 1 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the run finished before it could be stopped"
    process.send_signal(getattr(signal, how))
    stdout, stderr = process.communicate(timeout=60)
    pids = [int(line) for line in workers.read_text(encoding="utf-8").split()]
    assert len(pids) == 2
    if how == "SIGTERM":
        assert process.returncode == 143, stdout + stderr
        assert "已中止：" in stderr and "Traceback" not in stdout + stderr
        assert not (out / OutputLock.NAME).exists()
    else:
        assert process.returncode == -signal.SIGKILL
    end = time.monotonic() + 10
    while any(_alive(pid) for pid in pids) and time.monotonic() < end:
        time.sleep(0.05)
    assert [pid for pid in pids if _alive(pid)] == []
    assert _complete_manifests(out) < 6  # stopped mid-run indeed
    _manifest_true(out)
    rerun = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=False, timeout=600)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    _manifest_true(out)
    _no_strays(out)


def test_swapping_the_faces_of_the_two_roles_is_not_unchanged(tmp_path: Path, bundled_fonts: Any) -> None:
    """Both roles once drew from one sorted set of faces: body in the title face kept the old PDFs as 未变化."""
    from dataclasses import replace

    swapped = replace(bundled_fonts, title=bundled_fonts.body, body=bundled_fonts.title)
    assert fontset_identity(swapped) != fontset_identity(bundled_fonts)
    first = render_files([str(SMALL)], tmp_path / "out", bundled_fonts)
    again = render_files([str(SMALL)], tmp_path / "out", swapped)
    assert first.ok and [s.status for s in again.sites] == ["rendered"]
