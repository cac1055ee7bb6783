"""``signkit diff OLD NEW``: the reprint list between two site files or two output folders (issue 7, items 3 and 6).

Each change is checked through the library (:func:`signkit.pipeline.diff.diff`) and through
the CLI in-process.  What "the boards that print a name" are is decided independently of
the diff machinery: from the laid-out boards' own text.  Exit codes are the ones the
command documents (``signkit diff --help``): 0 nothing to reprint, 1 boards to reprint or
take down, 2 a file that cannot be read or has errors.
"""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from signkit.cli import main
from signkit.diagnostics import format_path
from signkit.fonts import FontSet
from signkit.layout.stamp import printed_text
from signkit.pipeline.build import build_site
from signkit.pipeline.check import check_text
from signkit.pipeline.diff import diff
from signkit.pipeline.reprint import Reprint
from signkit.plan.boards import PlannedBoard, plan_boards
from tests.conftest import CHEMICAL, SMALL, dump, example_data, leaves, set_version

Cli = Callable[..., tuple[int, str, str]]


def _write(path: Path, data: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump(data), encoding="utf-8")
    return path


def _plan(data: dict[str, Any]) -> dict[tuple[str, str], PlannedBoard]:
    report = check_text(dump(data), "plan.yaml")
    assert report.site is not None and not report.errors(), [d.render() for d in report.diagnostics]
    return {(b.form_id, b.subject): b for b in plan_boards(report.site)}


def _boards_printing(data: dict[str, Any], text: str, fonts: FontSet) -> set[tuple[str, str]]:
    """(附表, subject) of every board whose laid-out text contains ``text`` (nothing rendered)."""
    report = check_text(dump(data), "layout.yaml")
    assert report.site is not None and report.source is not None and not report.errors()
    result = build_site(report.site, report.source, fonts, reuse=lambda _planned, _build: "not rendered")
    assert result.ok
    return {(b.planned.form_id, b.planned.subject) for b in result.boards if any(text in page for page in printed_text(b.board))}


def _entries(reprints: list[Reprint]) -> dict[tuple[str, str, str], Reprint]:
    out = {(r.change, r.form, r.subject): r for r in reprints}
    assert len(out) == len(reprints), "one entry per board"
    return out


def _listed(stdout: str) -> list[str]:
    """The entry lines of the printed reprint list (``  [内容变化] 企业 附表 2-2 …``)."""
    return [line for line in stdout.splitlines() if line.startswith("  [")]


# ---------------------------------------------------------------------------------------------------------------
# Mutations used by both modes
# ---------------------------------------------------------------------------------------------------------------

def _rename_everywhere(data: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    """What an officer does when a person is replaced: every occurrence of the name."""
    changed = copy.deepcopy(data)
    for path, value in leaves(data):
        if value == old:
            target: Any = changed
            for part in path[:-1]:
                target = target[part]
            target[path[-1]] = new
    return changed


def _add_risk_point(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    changed = copy.deepcopy(data)
    point = copy.deepcopy(next(p for p in changed["风险点"] if p["风险等级"] == "一般"))
    point["风险点名称"] = "备用配电室"
    changed["风险点"].append(point)
    return changed, point


def _remove_last_post(data: dict[str, Any]) -> tuple[dict[str, Any], str, list[tuple[int, int, str]]]:
    """Without the last post (and its rows in the workplaces): (data, post, [(workplace, row, holder)])."""
    changed = copy.deepcopy(data)
    post = changed["岗位"].pop()["岗位名称"]
    rows = []
    for index, workplace in enumerate(changed["工作场所"]):
        for row, entry in enumerate(workplace["岗位"]):
            if entry["名称"] == post:
                assert row == len(workplace["岗位"]) - 1, "premise: the post is the last row of its workplaces"
                rows.append((index, row, entry["责任人"]))
        workplace["岗位"] = [entry for entry in workplace["岗位"] if entry["名称"] != post]
    assert rows, "premise: the post is listed in some workplace"
    return changed, post, rows


# ---------------------------------------------------------------------------------------------------------------
# Two site files
# ---------------------------------------------------------------------------------------------------------------

def test_one_leader_renamed_lists_the_board_that_prints_the_name(tmp_path: Path, bundled_fonts: FontSet,
                                                                 cli: Cli) -> None:
    data = example_data(CHEMICAL)
    path = ("监管责任", "安全监管部门", "责任领导", "姓名")
    old_name = data["监管责任"]["安全监管部门"]["责任领导"]["姓名"]
    assert [p for p, v in leaves(data) if v == old_name] == [path], "premise: the name occurs once"
    changed = _rename_everywhere(data, old_name, "高卫国")
    old, new = _write(tmp_path / "old.yaml", data), _write(tmp_path / "new.yaml", changed)

    printing = _boards_printing(data, old_name, bundled_fonts)
    assert len(printing) == 1
    ((form, subject),) = printing
    planned = _plan(changed)[(form, subject)]
    result = diff(str(old), str(new), bundled_fonts)
    assert not result.unreadable and not any(d.is_error for d in result.diagnostics)
    assert result.reprints == [Reprint(data["企业"]["企业名称"], form, subject, "内容变化",
                                       [f"{format_path(path)}：{old_name} → 高卫国"], planned.maker, planned.hangs, 1)]

    code, out, _ = cli("diff", str(old), str(new), "--fonts", "bundled")
    assert code == 1
    (line,) = _listed(out)
    assert line == f"  [内容变化] {data['企业']['企业名称']} 附表 {form} {subject} × 1（{planned.maker} 制作，悬挂于 {planned.hangs}）"
    assert f"      {format_path(path)}：{old_name} → 高卫国" in out.splitlines()


def test_a_person_renamed_everywhere_lists_exactly_the_boards_that_print_the_name(tmp_path: Path,
                                                                                   bundled_fonts: FontSet) -> None:
    data = example_data(SMALL)
    old_name = data["工作场所"][0]["企业分管安全领导"]
    occurrences = [p for p, v in leaves(data) if v == old_name]
    assert len(occurrences) > 2, "premise: the person appears in several places"
    changed = _rename_everywhere(data, old_name, "段海峰")
    result = diff(str(_write(tmp_path / "a.yaml", data)), str(_write(tmp_path / "b.yaml", changed)), bundled_fonts)

    printing = _boards_printing(data, old_name, bundled_fonts)
    assert len(printing) >= 2
    entries = _entries(result.reprints)
    assert set(entries) == {("内容变化", form, subject) for form, subject in printing}
    plan = _plan(changed)
    for (_, form, subject), reprint in entries.items():
        source = plan[(form, subject)].source
        expected = {f"{format_path(p)}：{old_name} → 段海峰" for p in occurrences if p[:len(source)] == source}
        assert expected and set(reprint.reasons) == expected, (form, subject)
        assert (reprint.maker, reprint.hangs) == (plan[(form, subject)].maker, plan[(form, subject)].hangs)


def test_an_added_risk_point_is_a_new_board(tmp_path: Path, bundled_fonts: FontSet, cli: Cli) -> None:
    data = example_data(CHEMICAL)
    changed, point = _add_risk_point(data)
    old, new = _write(tmp_path / "old.yaml", data), _write(tmp_path / "new.yaml", changed)
    subject = f"{point['风险点名称']}（{point['风险等级']}风险）"
    enterprise = data["企业"]["企业名称"]
    hangs = f"{point['所在工作场所']}·{point['风险点名称']}"
    assert diff(str(old), str(new), bundled_fonts).reprints == [
        Reprint(enterprise, "2-4", subject, "新增", [], enterprise, hangs, 1)]

    code, out, _ = cli("diff", str(old), str(new), "--fonts", "bundled")
    assert code == 1
    assert _listed(out) == [f"  [新增] {enterprise} 附表 2-4 {subject} × 1（{enterprise} 制作，悬挂于 {hangs}）"]


def test_a_removed_post_takes_its_boards_down(tmp_path: Path, bundled_fonts: FontSet, cli: Cli) -> None:
    data = example_data(SMALL)
    changed, post, rows = _remove_last_post(data)
    old, new = _write(tmp_path / "old.yaml", data), _write(tmp_path / "new.yaml", changed)
    before = _plan(data)
    result = diff(str(old), str(new), bundled_fonts)
    entries = _entries(result.reprints)
    workplaces = {data["工作场所"][index]["名称"]: (index, row, holder) for index, row, holder in rows}
    assert set(entries) == {("撤下", "2-3", post), ("撤下", "2-5", post),
                            *(("内容变化", "2-2", name) for name in workplaces)}
    for form in ("2-3", "2-5"):
        down = entries[("撤下", form, post)]
        assert (down.maker, down.hangs, down.quantity, down.reasons) == (before[(form, post)].maker,
                                                                         before[(form, post)].hangs, 0, [])
    for name, (index, row, _holder) in workplaces.items():  # one line for the removed row, named by the post
        assert entries[("内容变化", "2-2", name)].reasons == [f"工作场所[{index}].岗位[{row}]：{post} →（删除）"]

    code, out, _ = cli("diff", str(old), str(new), "--fonts", "bundled")
    assert code == 1
    lines = _listed(out)
    assert len(lines) == len(entries)
    assert sum(line.startswith("  [撤下]") and f"附表 {form} {post}（" in line for line in lines for form in ("2-3", "2-5")) == 2


def test_a_headcount_change_is_a_quantity_change(tmp_path: Path, bundled_fonts: FontSet) -> None:
    data = example_data(SMALL)
    changed = copy.deepcopy(data)
    old_count = int(data["岗位"][0]["人数"])
    changed["岗位"][0]["人数"] = str(old_count + 3)
    result = diff(str(_write(tmp_path / "a.yaml", data)), str(_write(tmp_path / "b.yaml", changed)), bundled_fonts)
    (reprint,) = result.reprints
    assert (reprint.change, reprint.form, reprint.subject) == ("数量变化", "2-5", data["岗位"][0]["岗位名称"])
    assert reprint.reasons == [f"数量：{old_count} → {old_count + 3}"] and reprint.quantity == old_count + 3


@pytest.mark.parametrize("change", ["same", "reformatted", "title", "county"])
def test_nothing_printed_changed_means_nothing_to_reprint(tmp_path: Path, bundled_fonts: FontSet, cli: Cli,
                                                          change: str) -> None:
    data = example_data(CHEMICAL)
    old = CHEMICAL if change == "reformatted" else _write(tmp_path / "old.yaml", data)  # comments, quoting, order
    changed = copy.deepcopy(data)
    if change == "title":  # checked against 挂牌说明, not printed
        changed["监管责任"]["安全监管部门"]["责任领导"]["职务"] += "（主持工作）"
    elif change == "county":  # names the 2-1 maker, printed nowhere
        changed["地区"]["县区"] += "甲"
    new = _write(tmp_path / "new.yaml", changed)
    assert old.read_text(encoding="utf-8") != new.read_text(encoding="utf-8") or change == "same"
    assert diff(str(old), str(new), bundled_fonts).reprints == []
    code, out, _ = cli("diff", str(old), str(new), "--fonts", "bundled")
    assert (code, out.strip()) == (0, "没有需要重印的牌：两者印出的内容相同。")


def test_json_output_is_the_reprint_list(tmp_path: Path, bundled_fonts: FontSet, cli: Cli) -> None:
    data = example_data(SMALL)
    changed, _point = _add_risk_point(data)
    changed["企业"]["企业监督举报电话"] = "0350-6036599"
    old, new = _write(tmp_path / "old.yaml", data), _write(tmp_path / "new.yaml", changed)
    code, out, _ = cli("diff", str(old), str(new), "--fonts", "bundled", "--json")
    assert code == 1
    listed = json.loads(out)["reprints"]
    assert listed == [r.to_dict() for r in diff(str(old), str(new), bundled_fonts).reprints]
    changes = {(r["change"], r["form"]) for r in listed}
    assert changes == {("新增", "2-4"), ("内容变化", "2-4")}  # the phone is printed on every 2-4
    assert all(r["reasons"] == [f"企业.企业监督举报电话：{data['企业']['企业监督举报电话']} → 0350-6036599"]
               for r in listed if r["change"] == "内容变化")
    assert sum(r["change"] == "内容变化" for r in listed) == len(data["风险点"])


def test_unreadable_or_wrong_files_exit_2(tmp_path: Path, bundled_fonts: FontSet, cli: Cli) -> None:
    good = _write(tmp_path / "good.yaml", example_data(SMALL))
    code, out, _ = cli("diff", str(good), str(tmp_path / "missing.yaml"), "--fonts", "bundled")
    assert code == 2 and "SK001" in out
    assert diff(str(good), str(tmp_path / "missing.yaml"), bundled_fonts).unreadable

    broken = example_data(SMALL)
    broken["岗位"][0]["救援电话"] = "不是电话"
    bad = _write(tmp_path / "bad.yaml", broken)
    result = diff(str(good), str(bad), bundled_fonts)
    assert any(d.is_error for d in result.diagnostics) and result.reprints == []
    code, out, _ = cli("diff", str(good), str(bad), "--fonts", "bundled")
    assert code == 2 and "bad.yaml" in out and "[SK" in out


# ---------------------------------------------------------------------------------------------------------------
# Two output folders (rendered with --fonts bundled)
# ---------------------------------------------------------------------------------------------------------------

def _render(site: Path, out: Path, *extra: str) -> None:
    code = main(["render", str(site), "-o", str(out), "--fonts", "bundled", "-j", "1", *extra])
    assert code == 0, f"render {site} → {out}: exit {code}"


@pytest.fixture(scope="module")
def rendered_small(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    """The small example rendered once: (its data, the output folder).  Tests render their change next to it."""
    root = tmp_path_factory.mktemp("diff")
    data = example_data(SMALL)
    _render(_write(root / "site" / "site.yaml", data), root / "old")
    return data, root / "old"


def _render_changed(cli: Cli, tmp_path: Path, old_out: Path, changed: dict[str, Any], *, fresh: bool = False) -> Path:
    """``changed`` rendered into a copy of ``old_out`` (an incremental rerun), or into an empty folder."""
    new_out = tmp_path / "new"
    if not fresh:
        shutil.copytree(old_out, new_out)
    site = _write(tmp_path / "site" / "site.yaml", changed)
    code, out, err = cli("render", str(site), "-o", str(new_out), "--fonts", "bundled", "-j", "1")
    assert code == 0, out + err
    return new_out


def test_folders_one_person_renamed(tmp_path: Path, rendered_small: tuple[dict[str, Any], Path], bundled_fonts: FontSet,
                                    cli: Cli) -> None:
    data, old_out = rendered_small
    old_name = data["工作场所"][0]["企业分管安全领导"]
    changed = _rename_everywhere(data, old_name, "段海峰")
    new_out = _render_changed(cli, tmp_path, old_out, changed, fresh=True)
    result = diff(str(old_out), str(new_out), bundled_fonts)
    printing = _boards_printing(data, old_name, bundled_fonts)
    assert {(r.change, r.form, r.subject) for r in result.reprints} == {("内容变化", f, s) for f, s in printing}
    assert all(r.reasons and all(reason.endswith(f"：{old_name} → 段海峰") for reason in r.reasons) for r in result.reprints)
    # the same list the site files give
    site_diff = diff(str(_write(tmp_path / "a.yaml", data)), str(_write(tmp_path / "b.yaml", changed)), bundled_fonts)
    assert [(r.change, r.form, r.subject, r.reasons, r.maker, r.hangs) for r in result.reprints] == [
        (r.change, r.form, r.subject, r.reasons, r.maker, r.hangs) for r in site_diff.reprints]

    code, out, _ = cli("diff", str(old_out), str(new_out), "--fonts", "bundled")
    assert code == 1
    assert len(_listed(out)) == len(printing)
    for reprint in result.reprints:
        assert f"附表 {reprint.form} {reprint.subject} × 1（{reprint.maker} 制作，悬挂于 {reprint.hangs}）" in out


def test_folders_added_risk_point(tmp_path: Path, rendered_small: tuple[dict[str, Any], Path], bundled_fonts: FontSet,
                                  cli: Cli) -> None:
    data, old_out = rendered_small
    changed, point = _add_risk_point(data)
    new_out = _render_changed(cli, tmp_path, old_out, changed)
    (reprint,) = diff(str(old_out), str(new_out), bundled_fonts).reprints
    assert (reprint.change, reprint.form, reprint.subject) == ("新增", "2-4", f"{point['风险点名称']}（{point['风险等级']}风险）")
    assert reprint.hangs == f"{point['所在工作场所']}·{point['风险点名称']}" and reprint.quantity == 1
    assert reprint.file and (new_out / data["企业"]["企业名称"] / Path(reprint.file).name).is_file()
    code, out, _ = cli("diff", str(old_out), str(new_out), "--fonts", "bundled")
    assert code == 1 and _listed(out) == [
        f"  [新增] {reprint.enterprise} 附表 2-4 {reprint.subject} × 1（{reprint.maker} 制作，悬挂于 {reprint.hangs}）"]


def test_folders_removed_post(tmp_path: Path, rendered_small: tuple[dict[str, Any], Path], bundled_fonts: FontSet,
                              cli: Cli) -> None:
    data, old_out = rendered_small
    changed, post, rows = _remove_last_post(data)
    new_out = _render_changed(cli, tmp_path, old_out, changed)
    entries = _entries(diff(str(old_out), str(new_out), bundled_fonts).reprints)
    assert set(entries) == {("撤下", "2-3", post), ("撤下", "2-5", post),
                            *(("内容变化", "2-2", data["工作场所"][index]["名称"]) for index, _, _ in rows)}
    folder = data["企业"]["企业名称"]
    for form in ("2-3", "2-5"):  # the files named are the old ones, gone from the new folder
        name = Path(entries[("撤下", form, post)].file).name
        assert (old_out / folder / name).is_file() and not (new_out / folder / name).exists()
    code, out, _ = cli("diff", str(old_out), str(new_out), "--fonts", "bundled")
    assert code == 1 and sum(line.startswith("  [撤下]") for line in _listed(out)) == 2


def test_folders_rebuilt_without_printed_change_need_no_reprint(tmp_path: Path, rendered_small: tuple[dict[str, Any], Path],
                                                                 bundled_fonts: FontSet, cli: Cli,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    data, old_out = rendered_small
    copied = tmp_path / "copy"
    shutil.copytree(old_out, copied)
    code, out, _ = cli("diff", str(old_out), str(copied), "--fonts", "bundled")
    assert (code, out.strip()) == (0, "没有需要重印的牌：两者印出的内容相同。")

    set_version(monkeypatch, "99.0.0")  # an upgrade: every file is rebuilt …
    upgraded = _render_changed(cli, tmp_path, old_out, data)
    old_manifest = json.loads(next(old_out.glob("*/manifest.json")).read_text(encoding="utf-8"))
    new_manifest = json.loads(next(upgraded.glob("*/manifest.json")).read_text(encoding="utf-8"))
    assert all(a["build_hash"] != b["build_hash"] for a, b in zip(old_manifest["files"], new_manifest["files"], strict=True))
    assert diff(str(old_out), str(upgraded), bundled_fonts).reprints == []  # … and nobody is asked to reprint
    code, _, _ = cli("diff", str(old_out), str(upgraded), "--fonts", "bundled")
    assert code == 0


# ---------------------------------------------------------------------------------------------------------------
# Library bugs found while writing these tests (fixed)
# ---------------------------------------------------------------------------------------------------------------

def test_a_risk_level_change_is_one_changed_board_with_its_reason(tmp_path: Path, bundled_fonts: FontSet) -> None:
    data = example_data(CHEMICAL)
    index = next(i for i, p in enumerate(data["风险点"]) if p["风险等级"] == "低")
    changed = copy.deepcopy(data)
    changed["风险点"][index]["风险等级"] = "一般"
    result = diff(str(_write(tmp_path / "a.yaml", data)), str(_write(tmp_path / "b.yaml", changed)), bundled_fonts)
    assert [(r.change, r.form, r.reasons) for r in result.reprints] == [
        ("内容变化", "2-4", [f"风险点[{index}].风险等级：低 → 一般"])]


def test_reasons_name_only_printed_fields(tmp_path: Path, bundled_fonts: FontSet) -> None:
    data = example_data(CHEMICAL)
    changed = copy.deepcopy(data)
    changed["监管责任"]["安全监管部门"]["责任领导"]["姓名"] = "高卫国"
    changed["企业"]["安全管理人员"] += "甲"
    result = diff(str(_write(tmp_path / "a.yaml", data)), str(_write(tmp_path / "b.yaml", changed)), bundled_fonts)
    (reprint,) = result.reprints
    assert reprint.reasons == [f"监管责任.安全监管部门.责任领导.姓名：{data['监管责任']['安全监管部门']['责任领导']['姓名']} → 高卫国"]


def test_removing_a_middle_row_reads_as_a_removal(tmp_path: Path, bundled_fonts: FontSet) -> None:
    data = example_data(CHEMICAL)
    workplace = data["工作场所"][0]
    assert len(workplace["岗位"]) >= 3, "premise: a row in the middle"
    removed = workplace["岗位"][1]
    changed = copy.deepcopy(data)
    changed["岗位"] = [p for p in changed["岗位"] if p["岗位名称"] != removed["名称"]]
    for place in changed["工作场所"]:
        place["岗位"] = [row for row in place["岗位"] if row["名称"] != removed["名称"]]
    result = diff(str(_write(tmp_path / "a.yaml", data)), str(_write(tmp_path / "b.yaml", changed)), bundled_fonts)
    board = next(r for r in result.reprints if (r.change, r.form, r.subject) == ("内容变化", "2-2", workplace["名称"]))
    assert all(reason.endswith("（删除）") for reason in board.reasons), board.reasons
    assert board.reasons == [f"工作场所[0].岗位[1]：{removed['名称']} →（删除）"]  # the rows after it are the same


def test_manifest_of_an_incremental_rerun_records_real_sizes(tmp_path: Path, rendered_small: tuple[dict[str, Any], Path],
                                                             cli: Cli) -> None:
    data, old_out = rendered_small
    new_out = _render_changed(cli, tmp_path, old_out, _add_risk_point(data)[0])
    manifest_path = next(new_out.glob("*/manifest.json"))
    for entry in json.loads(manifest_path.read_text(encoding="utf-8"))["files"]:
        assert entry["bytes"] == (manifest_path.parent / entry["file"]).stat().st_size, entry["file"]


def test_changed_fields_align_list_rows_by_name() -> None:
    from signkit.pipeline.reprint import changed_fields

    old = {"工作场所[0].岗位[0].名称": "合成操作工", "工作场所[0].岗位[0].责任人": "张强",
           "工作场所[0].岗位[1].名称": "化工仪表工", "工作场所[0].岗位[1].责任人": "李明",
           "工作场所[0].岗位[2].名称": "电工", "工作场所[0].岗位[2].责任人": "梁俊峰",
           "工作场所[0].带班领导[0]": "段海军", "工作场所[0].带班领导[1]": "智国栋", "工作场所[0].带班领导[2]": "王刚",
           "岗位[0].岗位安全生产责任[0]": "甲；", "岗位[0].岗位安全生产责任[1]": "乙；"}
    new = {"工作场所[0].岗位[0].名称": "合成操作工", "工作场所[0].岗位[0].责任人": "张强",
           "工作场所[0].岗位[1].名称": "电工", "工作场所[0].岗位[1].责任人": "梁俊",  # moved up, and changed
           "工作场所[0].岗位[2].名称": "装卸工", "工作场所[0].岗位[2].责任人": "赵亮",  # added
           "工作场所[0].带班领导[0]": "段海军", "工作场所[0].带班领导[1]": "王刚",
           "岗位[0].岗位安全生产责任[0]": "甲；", "岗位[0].岗位安全生产责任[1]": "乙，每班一次；"}
    assert changed_fields(old, new) == [
        "岗位[0].岗位安全生产责任[1]：乙； → 乙，每班一次；",  # no name: the row in its place
        "工作场所[0].岗位[1]：化工仪表工 →（删除）",
        "工作场所[0].岗位[1].责任人：梁俊峰 → 梁俊",  # 电工, by its new place
        "工作场所[0].岗位[2].名称：（新增）装卸工",
        "工作场所[0].岗位[2].责任人：（新增）赵亮",
        "工作场所[0].带班领导[1]：智国栋 →（删除）",  # a list of names: by the name itself
    ]
    assert changed_fields(old, old) == []
    renamed = {**old, "工作场所[0].岗位[0].名称": "合成工"}  # a new name in the same place: a rename, not remove-and-add
    assert changed_fields(old, renamed) == ["工作场所[0].岗位[0].名称：合成操作工 → 合成工"]


# ---------------------------------------------------------------------------------------------------------------
# Output folders written by an older signkit: the first rerun after upgrading lists only real changes
# ---------------------------------------------------------------------------------------------------------------

def _as_written_before(folder: Path, *, scheme_1: bool = False) -> None:
    """Rewrite the enterprise manifests under ``folder`` the way signkit wrote them before.

    Boards were keyed by 附表 and whole subject (a 2-4's with its risk level); with
    ``scheme_1``, also before content-hash scheme 2: no scheme recorded, and each
    board's content hash the scheme-1 one.
    """
    for path in folder.glob("*/manifest.json"):
        manifest = json.loads(path.read_text(encoding="utf-8"))
        for entry in [*manifest["files"], *manifest.get("baseline", [])]:
            entry["key"] = f"{entry['form']}|{entry['subject']}"
            entry.pop("content_scheme", None)
            if scheme_1:
                entry["content_hash"] = entry.pop("content_hash_v1")
                entry["stamp"] = entry["content_hash"][:8]
        if scheme_1:
            del manifest["content_scheme"]
        path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")


def test_old_keys_a_level_change_is_still_one_changed_board(tmp_path: Path, rendered_small: tuple[dict[str, Any], Path],
                                                            bundled_fonts: FontSet) -> None:
    from signkit.pipeline.render_files import render_files

    data, old_out = rendered_small
    before = tmp_path / "before"
    shutil.copytree(old_out, before)
    _as_written_before(before)
    assert any(e["key"].endswith("风险）") for e in json.loads(next(before.glob("*/manifest.json")).read_text(
        encoding="utf-8"))["files"]), "premise: the old keys name the risk level"
    index, point = next((i, p) for i, p in enumerate(data["风险点"]) if p["风险等级"] in ("一般", "低"))
    level = "较大" if point["风险等级"] == "一般" else "一般"
    changed = copy.deepcopy(data)
    changed["风险点"][index]["风险等级"] = level

    rerun = tmp_path / "rerun"
    shutil.copytree(before, rerun)
    outcome = render_files([str(_write(tmp_path / "site" / "site.yaml", changed))], rerun, bundled_fonts)
    assert outcome.ok
    assert [(r.change, r.form, r.subject, r.reasons) for r in outcome.reprints] == [
        ("内容变化", "2-4", f"{point['风险点名称']}（{level}风险）", [f"风险点[{index}].风险等级：{point['风险等级']} → {level}"])]
    (site,) = outcome.sites  # the other boards were found under their old keys: kept, not rebuilt
    assert site.rewritten == [f"2-4_{point['风险点名称']}_安全风险分级管控告知牌.pdf"]
    manifest = json.loads(next(rerun.glob("*/manifest.json")).read_text(encoding="utf-8"))
    assert f"2-4|{point['风险点名称']}" in {e["key"] for e in manifest["files"]}

    # two folders, one of them written before: the same single change
    assert [(r.change, r.form, r.reasons) for r in diff(str(before), str(rerun), bundled_fonts).reprints] == [
        ("内容变化", "2-4", [f"风险点[{index}].风险等级：{point['风险等级']} → {level}"])]


def test_scheme_1_manifest_an_upgrade_asks_for_no_reprint(tmp_path: Path, rendered_small: tuple[dict[str, Any], Path],
                                                          bundled_fonts: FontSet, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder rendered before content-hash scheme 2: every content hash differs now, no board's print does."""
    from signkit.pipeline.render_files import render_files

    data, old_out = rendered_small
    before = tmp_path / "before"
    shutil.copytree(old_out, before)
    _as_written_before(before, scheme_1=True)
    site = _write(tmp_path / "site" / "site.yaml", data)
    set_version(monkeypatch, "99.0.0")  # the upgrade: every file is rebuilt …

    upgraded = tmp_path / "upgraded"
    shutil.copytree(before, upgraded)
    outcome = render_files([str(site)], upgraded, bundled_fonts)
    assert outcome.ok and len(outcome.sites[0].rewritten) == len(outcome.sites[0].entries)
    assert outcome.reprints == []  # … and nobody is asked to reprint
    assert diff(str(before), str(upgraded), bundled_fonts).reprints == []

    # what scheme 1 could not see, changed in the same run, is listed all the same
    spaced = copy.deepcopy(data)
    officer = spaced["监管责任"]["安全监管部门"]["具体责任人"]
    spaced["监管责任"]["安全监管部门"]["具体责任人"] = f"{officer[0]} {officer[1:]}"
    again = tmp_path / "again"
    shutil.copytree(before, again)
    outcome = render_files([str(_write(tmp_path / "site" / "site.yaml", spaced))], again, bundled_fonts)
    assert [(r.change, r.form, r.reasons) for r in outcome.reprints] == [
        ("内容变化", "2-1-2", [f"监管责任.安全监管部门.具体责任人：{officer} → {officer[0]} {officer[1:]}"])]


def test_folders_without_output_are_an_error_not_an_empty_list(tmp_path: Path, cli: Cli) -> None:
    """A wrong folder must not read as "nothing to reprint" (exit 0) to a CI job."""
    empty, sites = tmp_path / "空", tmp_path / "站点"
    empty.mkdir()
    sites.mkdir()
    shutil.copy(SMALL, sites / "site.yaml")
    code, out, _ = cli("diff", str(empty), str(sites))
    assert code == 2 and "SK001" in out and "manifest.json" in out
    assert "没有需要重印" not in out


@pytest.mark.parametrize("damage", ['{"enterprise": "甲", "files": null}', '{"enterprise": "甲", "files": 5}', "{broken", "[1, 2]"])
def test_hand_edited_or_damaged_manifests_never_crash_diff(damage: str, tmp_path: Path, cli: Cli) -> None:
    for side in ("旧", "新"):
        (tmp_path / side / "甲").mkdir(parents=True)
        (tmp_path / side / "甲" / "manifest.json").write_text(
            '{"enterprise": "甲", "files": []}' if side == "新" else damage, encoding="utf-8")
    code, out, err = cli("diff", str(tmp_path / "旧"), str(tmp_path / "新"))
    assert code in (0, 2) and "Traceback" not in out + err and "内部错误" not in out + err
    if damage in ("{broken", "[1, 2]"):  # unreadable: not silently "everything taken down"
        assert code == 2 and "SK803" in out
