"""signkit template, import and export on the command line: what they print and their exit codes."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SMALL, Cli, write_roster


def test_template_check_render_in_process(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "模板.xlsx"
    code, out, _ = cli("template", "--xlsx", str(path))
    assert code == 0 and path.exists()
    code, _, err = cli("template", "--xlsx", str(path))
    assert code == 1 and "已存在" in err
    assert cli("template", "--xlsx", str(tmp_path / "x.txt"))[0] == 2
    code, out, _ = cli("check", "--fonts", "bundled", str(path))
    assert code == 0 and "忻州晋原精细化工有限公司 需制作" in out, out
    out_dir = tmp_path / "out"
    code, out, _ = cli("render", str(path), "-o", str(out_dir), "--fonts", "bundled", "-j", "1")
    assert code == 0, out
    pdfs = sorted(p.name for p in (out_dir / "忻州晋原精细化工有限公司").glob("*.pdf"))
    assert len(pdfs) == 7 and pdfs[0].startswith("2-1-1_")
    code, out, _ = cli("render", str(path), "-o", str(out_dir), "--fonts", "bundled", "-j", "1")
    assert code == 0 and "未变化 1" in out  # unchanged workbook: nothing rebuilt


def test_export_command(tmp_path: Path, cli: Cli) -> None:
    target = tmp_path / "small.xlsx"
    code, out, _ = cli("export", str(SMALL), "--xlsx", str(target))
    assert code == 0 and "已导出" in out and target.exists()
    broken = tmp_path / "broken.yaml"
    broken.write_text("地区: [\n", encoding="utf-8")
    code, out, _ = cli("export", str(broken), "--xlsx", str(tmp_path / "b.xlsx"))
    assert code == 1 and "未导出" in out and not (tmp_path / "b.xlsx").exists()


def test_import_into_a_file_is_a_clear_error(template_xlsx: Path, tmp_path: Path, cli: Cli) -> None:
    blocker = tmp_path / "输出"
    blocker.write_text("不是文件夹", encoding="utf-8")
    code, out, err = cli("import", str(template_xlsx), "-o", str(blocker))
    assert code == 2 and "不是文件夹" in err and "Traceback" not in out + err
    assert blocker.read_text(encoding="utf-8") == "不是文件夹"


def test_template_target_must_be_a_file_in_an_existing_folder(tmp_path: Path, cli: Cli) -> None:
    folder = tmp_path / "目录.xlsx"
    folder.mkdir()
    code, _, err = cli("template", "--xlsx", str(folder), "--force")
    assert code == 2 and "文件夹" in err and ".tmp" not in err
    missing = tmp_path / "没有" / "模板.xlsx"
    code, _, err = cli("template", "--xlsx", str(missing))
    assert code == 2 and "不存在" in err and not missing.parent.exists()


def test_import_says_what_became_of_each_file(template_xlsx: Path, tmp_path: Path, cli: Cli) -> None:
    outdir = tmp_path / "站点"
    target = outdir / "忻州晋原精细化工有限公司.yaml"
    code, out, err = cli("import", str(template_xlsx), "-o", str(outdir))
    assert code == 0 and err == "" and out.endswith(f"已写入 {target}（{template_xlsx}：通过检查）\n"), out
    code, out, err = cli("import", str(template_xlsx), "-o", str(outdir))
    assert code == 1 and err == f"{target} 已存在，未覆盖（如需覆盖请加 --force）。\n" and "已写入" not in out
    assert cli("import", str(template_xlsx), "-o", str(outdir), "--force")[0] == 0
    code, _, err = cli("import", str(SMALL), "-o", str(outdir))
    assert code == 2 and "不是工作簿" in err


def test_import_counts_the_files_it_could_not_write(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "名册.xlsx"
    write_roster(path)
    outdir = tmp_path / "站点"
    (outdir / "乙机械有限公司.yaml").mkdir(parents=True)  # a folder in its place: even --force cannot write it
    code, out, err = cli("import", str(path), "-o", str(outdir), "--force")
    assert code == 2 and err.endswith("1 家企业的站点文件未能写入（见上）。\n"), err
    assert f"无法写入 {outdir / '乙机械有限公司.yaml'}：" in err
    assert f"已写入 {outdir / '丙建材有限公司.yaml'}（{path}#4：有 2 个错误，" in out


def test_import_of_a_file_that_gives_no_enterprise(tmp_path: Path, cli: Cli) -> None:
    code, out, _ = cli("import", str(tmp_path / "缺.xlsx"), "-o", str(tmp_path / "o"))
    assert code == 2 and out.endswith("未导入任何企业。\n") and "文件不存在" in out
