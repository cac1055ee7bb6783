"""Font options shared by every command that prints or checks text (check, fonts, render), and ``--config``."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from signkit.fonts import FontSet
    from signkit.pipeline.config import Config


class FontMode(StrEnum):
    system = "system"
    bundled = "bundled"


FONTS_OPTION = typer.Option(
    None, "--fonts", metavar="system|bundled",
    help="字体模式：system（默认，按顺序查找法定字体）或 bundled（固定用内置替代字体，结果在任何机器上都相同）")
TITLE_FONT_OPTION = typer.Option(None, "--title-font", metavar="字体文件", help="标题（黑体）字体文件，.ttc 可加 #字形名 或 #序号")
BODY_FONT_OPTION = typer.Option(None, "--body-font", metavar="字体文件", help="正文（楷体）字体文件，.ttc 可加 #字形名 或 #序号")
CONFIG_OPTION = typer.Option(
    None, "--config", metavar="文件",
    help="配置文件（默认从第一个输入文件所在的文件夹向上查找 signkit.toml，或含 [tool.signkit] 的 pyproject.toml）")
#: ``--final``: named for the run it guards (the print that goes on the wall), not for fonts, so that later
#: checks that only matter for that run join the same switch; ``--no-final`` undoes ``[print] final = true``.
FINAL_OPTION = typer.Option(
    None, "--final/--no-final",
    help="正式印刷（挂上墙的那一批，草稿照常可用替代字体）：缺少法定字体（黑体、楷体_GB2312）时不用替代字体，"
         "render 不生成任何文件（退出码 2），check 报错 SK309；也可在 signkit.toml 的 [print] 中写 final = true，--no-final 临时取消")


def config_or_exit(config: Path | None, files: Sequence[str] = ()) -> Config:
    """The run's configuration, loaded once: ``--config``, or found upward from the first input; a bad one exits 2."""
    from signkit.errors import SignkitError
    from signkit.pipeline.config import config_start, load_config

    try:
        return load_config(config, start=config_start(files))
    except SignkitError as failure:
        for diag in failure.diagnostics:
            typer.echo(diag.render(), err=True)
        raise typer.Exit(2) from None


def fonts_or_exit(settings: Config, mode: FontMode | None, title_font: str | None, body_font: str | None,
                  *, final: bool | None = None) -> FontSet:
    """The run's fonts (:func:`signkit.pipeline.fontsetup.run_fonts`); a font that cannot be used is printed and exits 2."""
    from signkit.errors import SignkitError
    from signkit.pipeline.fontsetup import run_fonts

    try:
        return run_fonts(settings, mode=mode.value if mode else None, title=title_font, body=body_font, final=final)
    except SignkitError as failure:
        for diag in failure.diagnostics:
            typer.echo(diag.render(), err=True)
        raise typer.Exit(2) from None
