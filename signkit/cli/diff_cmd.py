"""``signkit diff OLD NEW``: the reprint list between two site files or two output folders."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from signkit.cli.completion_cmd import yaml_files
from signkit.cli.fontopts import (
    BODY_FONT_OPTION,
    CONFIG_OPTION,
    FONTS_OPTION,
    TITLE_FONT_OPTION,
    FontMode,
    config_or_exit,
    fonts_or_exit,
)
from signkit.cli.render_cmd import print_reprints

HELP = """比较两个站点文件（或两个输出文件夹），列出需要重印或撤下的牌：哪块牌、为什么（哪些字段）、谁制作、挂在哪里。

只看印出的内容：升级 signkit 或更换字体文件不会要求重印。退出码：0 无变化；1 有需要重印的牌；2 文件无法读取或有错误。"""


def diff(
    old: str = typer.Argument(..., metavar="旧版本", autocompletion=yaml_files, help="旧的站点文件或输出文件夹"),
    new: str = typer.Argument(..., metavar="新版本", autocompletion=yaml_files, help="新的站点文件或输出文件夹"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出"),
    fonts: FontMode | None = FONTS_OPTION,
    title_font: str | None = TITLE_FONT_OPTION,
    body_font: str | None = BODY_FONT_OPTION,
    config: Path | None = CONFIG_OPTION,
) -> None:
    from signkit.pipeline.diff import diff as run_diff  # here, not at the top: ``signkit --help`` stays fast

    settings = config_or_exit(config, [old])
    fontset = fonts_or_exit(settings, fonts, title_font, body_font)
    result = run_diff(old, new, fontset, settings.sign_folder)
    errors = [d for d in result.diagnostics if d.is_error]
    if errors or result.unreadable:
        for diag in result.diagnostics:
            typer.echo(diag.render())
        raise typer.Exit(2)
    if as_json:
        typer.echo(json.dumps({"reprints": [r.to_dict() for r in result.reprints]}, ensure_ascii=False, indent=2))
    elif result.reprints:
        print_reprints(result.reprints, dry_run=False, grouped=False)  # diff writes no CSV: the whole list, flat
    else:
        typer.echo("没有需要重印的牌：两者印出的内容相同。")
    raise typer.Exit(1 if result.reprints else 0)
