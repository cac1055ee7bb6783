"""signkit.pipeline.convert: the template, export and import as library calls, run in-process."""

from __future__ import annotations

from pathlib import Path

import openpyxl  # type: ignore[import-untyped, unused-ignore]
import pytest

from signkit.errors import SignkitError
from signkit.pipeline.check import check_path
from signkit.pipeline.convert import NotAWorkbookError, export_site, import_workbook, unique_file_names
from tests.conftest import CHEMICAL, SMALL, rendered, workbook_report, write_roster

ROSTER_NAMES = ["甲化工有限公司.yaml", "乙机械有限公司.yaml", "丙建材有限公司.yaml"]


@pytest.mark.parametrize("example", [CHEMICAL, SMALL], ids=["chemical", "small"])
def test_export_then_import_gives_the_same_site(example: Path, tmp_path: Path) -> None:
    xlsx = tmp_path / "导出.xlsx"
    original = check_path(example)
    assert export_site(example, xlsx).site is not None
    report = workbook_report(xlsx)
    assert report.ok() and report.site == original.site, rendered(report)
    # and the YAML that import writes from it is the same site again
    outcome = import_workbook(xlsx, tmp_path / "yaml")
    assert outcome.exit_code == 0, [line for r in outcome.reports for line in rendered(r)]
    written = sorted((tmp_path / "yaml").glob("*.yaml"))
    assert original.site is not None and [p.stem for p in written] == [original.site.enterprise.name]
    assert [(f.target, f.state, f.errors) for f in outcome.files] == [(written[0], "written", 0)]
    again = check_path(written[0])
    assert again.ok() and again.site == original.site
    text = written[0].read_text(encoding="utf-8")
    assert "# 工作表「企业信息」" in text and "# 风险点!A2" in text


def test_import_never_gives_two_enterprises_one_file() -> None:
    names = unique_file_names(["甲_2", "甲", "甲", "Abc", "abc"])
    assert names == ["甲_2.yaml", "甲.yaml", "甲_3.yaml", "Abc.yaml", "abc_2.yaml"]
    assert len({n.casefold() for n in names}) == len(names)


def test_a_template_imports_clean(template_xlsx: Path, tmp_path: Path) -> None:
    outcome = import_workbook(template_xlsx, tmp_path / "站点")
    assert outcome.exit_code == 0 and outcome.diagnostics == [] and outcome.unwritten == 0
    assert outcome.book is not None and outcome.book.kind == "workbook"
    [item] = outcome.files
    assert item.state == "written" and item.report.ok() and item.target == tmp_path / "站点" / "忻州晋原精细化工有限公司.yaml"
    assert check_path(item.target).ok()


def test_a_roster_with_errors_is_written_all_the_same(tmp_path: Path) -> None:
    path = tmp_path / "名册.xlsx"
    write_roster(path)
    outcome = import_workbook(path, tmp_path / "站点")
    assert outcome.exit_code == 1  # the county channel is not in a roster: each file still needs it (SK204)
    assert [f.target.name for f in outcome.files] == ROSTER_NAMES
    assert all(f.state == "written" and f.target.is_file() for f in outcome.files)
    assert [f.errors for f in outcome.files] == [2, 2, 2]
    assert all({d.rule for d in f.report.errors()} == {"SK204"} for f in outcome.files)
    assert [f.site.row for f in outcome.files] == [2, 3, 4]


def test_existing_files_are_left_alone_unless_forced(template_xlsx: Path, tmp_path: Path) -> None:
    outdir = tmp_path / "站点"
    target = outdir / "忻州晋原精细化工有限公司.yaml"
    outdir.mkdir()
    target.write_text("# 手工改过的文件\n", encoding="utf-8")
    kept = import_workbook(template_xlsx, outdir)
    assert kept.exit_code == 1 and [f.state for f in kept.files] == ["exists"]
    assert target.read_text(encoding="utf-8") == "# 手工改过的文件\n"
    forced = import_workbook(template_xlsx, outdir, force=True)
    assert forced.exit_code == 0 and [f.state for f in forced.files] == ["written"]
    assert check_path(target).ok()


def test_one_failed_write_does_not_stop_the_others(tmp_path: Path) -> None:
    path = tmp_path / "名册.xlsx"
    write_roster(path)
    outdir = tmp_path / "站点"
    (outdir / ROSTER_NAMES[1]).mkdir(parents=True)  # a folder where 乙's file should go
    outcome = import_workbook(path, outdir, force=True)
    assert outcome.exit_code == 2 and outcome.unwritten == 1
    assert [f.state for f in outcome.files] == ["written", "unwritable", "written"]
    assert isinstance(outcome.files[1].failure, OSError)
    assert (outdir / ROSTER_NAMES[0]).is_file() and (outdir / ROSTER_NAMES[2]).is_file()


def test_an_enterprise_without_a_name_is_named_after_its_row(tmp_path: Path) -> None:
    path = tmp_path / "名册.csv"
    path.write_text("企业名称,行业主管部门,行业主管部门责任领导,安全监管部门\r\n,工信局,张三,应急局\r\n", encoding="utf-8")
    outcome = import_workbook(path, tmp_path / "站点")
    assert [f.target.name for f in outcome.files] == ["名册_第2行.yaml"] and outcome.exit_code == 1


def test_an_output_folder_that_is_a_file_stops_before_reading(template_xlsx: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "输出"
    blocker.write_text("不是文件夹", encoding="utf-8")
    outcome = import_workbook(template_xlsx, blocker)
    assert outcome.outdir_is_file and outcome.book is None and outcome.files == [] and outcome.exit_code == 2
    assert blocker.read_text(encoding="utf-8") == "不是文件夹"


def test_files_that_give_no_enterprise(tmp_path: Path) -> None:
    with pytest.raises(NotAWorkbookError, match="不是工作簿") as refused:
        import_workbook(CHEMICAL, tmp_path / "o")
    assert isinstance(refused.value, SignkitError)
    missing = import_workbook(tmp_path / "缺.xlsx", tmp_path / "o")
    assert missing.exit_code == 2 and missing.files == [] and [d.rule for d in missing.diagnostics] == ["SK001"]
    other = tmp_path / "别的.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["姓名", "年龄"])
    book.save(other)
    unknown = import_workbook(other, tmp_path / "o")
    assert unknown.exit_code == 1 and unknown.files == [] and "SK902" in {d.rule for d in unknown.diagnostics}
    assert not (tmp_path / "o").exists()


def test_export_writes_only_a_site_it_could_read(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("地区: [\n", encoding="utf-8")
    report = export_site(broken, tmp_path / "b.xlsx")
    assert report.site is None and report.errors() and not (tmp_path / "b.xlsx").exists()
