"""``signkit check``: validate site files and show the board plan."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from signkit.cli.completion_cmd import site_files
from signkit.cli.fontopts import (
    BODY_FONT_OPTION,
    CONFIG_OPTION,
    FONTS_OPTION,
    TITLE_FONT_OPTION,
    FontMode,
    fonts_or_exit,
    sign_folder_or_exit,
)
from signkit.load.source import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    pass

HELP = """检查站点文件（或 Excel 工作簿）并列出需要制作的牌卡。

工作簿（signkit template 生成的模板、风险分级管控清单、监管名册）的问题指出工作表和单元格，如 风险点!C5。

同时逐字检查每个要印出的字能否由所选字体印出（CI 中建议加 --fonts bundled，使结果与机器无关）。
退出码：0 通过；1 发现错误（--strict 时警告也算）；2 用法错误、文件或字体无法读取。"""


class Format(StrEnum):
    text = "text"
    json = "json"
    github = "github"


def check(
    files: list[str] = typer.Argument(..., metavar="文件…", autocompletion=site_files,
                                      help="站点文件（.yaml）、工作簿（.xlsx、.csv）、文件夹（递归查找 .yaml）"
                                      "或 -（标准输入），可以给多个",
                                      show_default=False),
    output_format: Format = typer.Option(Format.text, "--format", "-f", metavar="text|json|github",
                                         help="输出格式：text、json 或 github（GitHub Actions 注释）"),
    strict: bool = typer.Option(False, "--strict", help="把警告当作错误"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="只输出诊断，不列出牌卡清单"),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", metavar="字节数", min=1, help="站点文件大小上限（字节）"),
    boards: bool = typer.Option(False, "--boards", "-b", help="逐块列出牌卡及其内容标记（与牌上修订标记中的“内容”一致）"),
    no_layout: bool = typer.Option(False, "--no-layout", help="不排版（更快）：不检查文字能否放下，也不计算内容标记"),
    fonts: FontMode | None = FONTS_OPTION,
    title_font: str | None = TITLE_FONT_OPTION,
    body_font: str | None = BODY_FONT_OPTION,
    config: Path | None = CONFIG_OPTION,
) -> None:
    # imported here, not at the top: `signkit --help` must not pay for pydantic and fontTools
    from signkit.cli.report import github_report, json_report, text_report
    from signkit.fonts import describe
    from signkit.pipeline.check import check_files, exit_status

    fontset = fonts_or_exit(fonts, title_font, body_font, config, quiet_stand_in=True)
    sign_folder = sign_folder_or_exit(config)
    reports = check_files(files, fonts=fontset, layout=not no_layout, max_bytes=max_bytes, sign_folder=sign_folder)
    if not reports:
        typer.echo("没有找到站点文件（*.yaml、*.yml；工作簿 .xlsx、.csv 须直接给出文件名）。", err=True)
        raise typer.Exit(2)
    notes = list(fontset.diagnostics)
    if output_format is Format.json:
        typer.echo(json_report(reports, strict=strict, notes=notes, fonts=describe(fontset)))
    elif output_format is Format.github:
        text = github_report(reports, strict=strict, notes=notes)
        if text:
            typer.echo(text)
    else:
        typer.echo(text_report(reports, strict=strict, show_plan=not quiet, notes=notes, boards=boards))
    raise typer.Exit(exit_status(reports, strict))
