"""``signkit template``, ``signkit import`` and ``signkit export``: the Excel way in and out.

Each command checks its paths, calls one function of :mod:`signkit.pipeline.convert` and
prints what it returns; the work (reading, checking, naming and writing files) is there.
The library is imported inside each command so that ``signkit --help`` and the other
commands never load openpyxl or the workbook reader.
"""

from __future__ import annotations

from pathlib import Path

import typer

from signkit.cli.completion_cmd import workbook_files, yaml_files
from signkit.errors import describe_os_error

TEMPLATE_HELP = """生成填写用的 Excel 工作簿模板（每部分一个工作表，含一行示例、下拉选项和填写说明）。

填好后可以直接 signkit check / signkit render 这个工作簿，问题会指出工作表和单元格。
加 --roster 生成监管部门用的企业名册模板（每行一家企业及其监管部门和责任领导）。"""

IMPORT_HELP = """把 Excel 工作簿或 CSV 文件转为 YAML 站点文件（每家企业一个，带注释）。

可以读取 signkit template 生成的模板、各单位自己的风险分级管控清单（列名可以不同，按同义词识别）
和监管名册（每行一家企业，各生成一个文件）。数据完整时生成的文件能通过 signkit check。

退出码：0 全部通过检查；1 有错误（文件照样写出，便于补充）；2 文件无法读取。"""

EXPORT_HELP = """把 YAML 站点文件导出为 Excel 工作簿（与模板的格式相同）。

导出的工作簿再用 signkit import 导入，得到的站点内容与原文件相同。"""


def _target(path: Path, force: bool) -> None:
    if path.suffix.lower() != ".xlsx":
        raise typer.BadParameter(f"「{path}」应以 .xlsx 结尾", param_hint="--xlsx")
    if path.is_dir():
        typer.echo(f"无法写入 {path}：这是一个文件夹，不是工作簿文件。", err=True)
        raise typer.Exit(2)
    if not path.parent.is_dir():  # a typo in the folder must not leave a new folder tree behind
        typer.echo(f"无法写入 {path}：文件夹「{path.parent}」不存在。", err=True)
        raise typer.Exit(2)
    if path.exists() and not force:
        typer.echo(f"{path} 已存在，未覆盖。如需覆盖请加 --force。", err=True)
        raise typer.Exit(1)


def template(
    xlsx: Path = typer.Option(..., "--xlsx", metavar="文件", help="要生成的工作簿（.xlsx）"),
    roster: bool = typer.Option(False, "--roster", help="生成监管名册模板（每行一家企业）"),
    force: bool = typer.Option(False, "--force", help="覆盖已有的文件"),
) -> None:
    from signkit.pipeline.convert import write_template  # lazy: openpyxl loads only for this command

    _target(xlsx, force)
    try:
        write_template(xlsx, roster=roster)
    except OSError as failure:
        typer.echo(f"无法写入 {xlsx}：{describe_os_error(failure)}", err=True)
        raise typer.Exit(2) from None
    if roster:
        typer.echo(f"已生成监管名册模板 {xlsx}：每行一家企业，填好后运行 signkit import {xlsx} -o 文件夹")
    else:
        typer.echo(f"已生成模板 {xlsx}：第 2 行起是示例，请改写为本企业的情况。")
        typer.echo(f"填好后运行：signkit check {xlsx}，再 signkit render {xlsx} -o 输出文件夹")
    raise typer.Exit(0)


def import_(
    file: Path = typer.Argument(..., metavar="工作簿", autocompletion=workbook_files,
                                help="工作簿（.xlsx）或 CSV 文件", show_default=False),
    outdir: Path = typer.Option(..., "--output", "-o", metavar="目录", help="写入 YAML 站点文件的文件夹"),
    force: bool = typer.Option(False, "--force", help="覆盖已有的同名 YAML 文件"),
) -> None:
    # lazy: the reader, the checks and openpyxl load only for this command, not for ``signkit --help``
    from signkit.cli.report import text_report
    from signkit.pipeline.convert import NotAWorkbookError, import_workbook

    try:
        outcome = import_workbook(file, outdir, force=force)
    except NotAWorkbookError as problem:
        raise typer.BadParameter(str(problem), param_hint="FILE") from None
    if outcome.outdir_is_file:
        typer.echo(f"无法写入 {outdir}：这是一个文件，不是文件夹。未导入任何企业。", err=True)
        raise typer.Exit(outcome.exit_code)
    if not outcome.files:
        for diag in outcome.diagnostics:
            typer.echo(diag.render())
        typer.echo("未导入任何企业。")
        raise typer.Exit(outcome.exit_code)
    typer.echo(text_report(outcome.reports, show_plan=False))
    for item in outcome.files:
        if item.state == "exists":
            typer.echo(f"{item.target} 已存在，未覆盖（如需覆盖请加 --force）。", err=True)
        elif item.failure is not None:
            typer.echo(f"无法写入 {item.target}：{describe_os_error(item.failure)}", err=True)
        else:
            state = "通过检查" if not item.errors else f"有 {item.errors} 个错误，请在工作簿中改正后重新导入，或直接修改该文件"
            typer.echo(f"已写入 {item.target}（{item.site.name}：{state}）")
    if outcome.unwritten:
        typer.echo(f"{outcome.unwritten} 家企业的站点文件未能写入（见上）。", err=True)
    raise typer.Exit(outcome.exit_code)


def export(
    site: Path = typer.Argument(..., metavar="站点文件", autocompletion=yaml_files, help="站点文件（.yaml）", show_default=False),
    xlsx: Path = typer.Option(..., "--xlsx", metavar="文件", help="要生成的工作簿（.xlsx）"),
    force: bool = typer.Option(False, "--force", help="覆盖已有的文件"),
) -> None:
    from signkit.pipeline.convert import export_site  # lazy: openpyxl loads only for this command

    _target(xlsx, force)
    try:
        report = export_site(site, xlsx)
    except OSError as failure:
        typer.echo(f"无法写入 {xlsx}：{describe_os_error(failure)}", err=True)
        raise typer.Exit(2) from None
    if report.site is None:
        for diag in report.diagnostics:
            typer.echo(diag.render())
        typer.echo("站点文件有错误，未导出。")
        raise typer.Exit(2 if report.unreadable else 1)
    errors = len(report.errors())
    typer.echo(f"已导出 {xlsx}（{report.site.enterprise.name}）。")
    if errors:
        typer.echo(f"注意：站点文件有 {errors} 个错误（signkit check {site} 查看），已照样导出，可在工作簿中改正。")
    raise typer.Exit(0)
