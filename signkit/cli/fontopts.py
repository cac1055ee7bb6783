"""Font options shared by every command that prints or checks text (check, fonts, render), and ``--config``."""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from signkit.fonts import FontChoice, FontSet
    from signkit.pipeline.config import SignFolder


class FontMode(StrEnum):
    system = "system"
    bundled = "bundled"


FONTS_OPTION = typer.Option(
    None, "--fonts", metavar="system|bundled",
    help="字体模式：system（默认，按顺序查找法定字体）或 bundled（固定用内置替代字体，结果在任何机器上都相同）")
TITLE_FONT_OPTION = typer.Option(None, "--title-font", metavar="字体文件", help="标题（黑体）字体文件，.ttc 可加 #字形名 或 #序号")
BODY_FONT_OPTION = typer.Option(None, "--body-font", metavar="字体文件", help="正文（楷体）字体文件，.ttc 可加 #字形名 或 #序号")
CONFIG_OPTION = typer.Option(None, "--config", metavar="文件", help="配置文件（默认当前目录的 signkit.toml）")


def fonts_from_options(mode: FontMode | None, title_font: str | None, body_font: str | None,
                       config: Path | None, *, quiet_stand_in: bool = False) -> FontSet:
    """Resolve fonts from CLI options over ``signkit.toml`` over the environment.

    Raises :class:`signkit.errors.SignkitError` for a bad config or font.  With
    ``quiet_stand_in`` (``check``, which draws nothing) the stand-in notice SK304 is
    informational, so ``--strict`` does not fail on a machine without 黑体.
    """
    from signkit.diagnostics import Severity
    from signkit.fonts import resolve_fonts
    from signkit.pipeline.config import load_config

    settings = load_config(config)
    chosen_mode = mode.value if mode else settings.font_mode or "system"
    title: str | FontChoice | None = title_font or settings.title_font
    body: str | FontChoice | None = body_font or settings.body_font
    fontset = resolve_fonts(mode="bundled" if chosen_mode == "bundled" else "system", title=title, body=body)
    if quiet_stand_in:
        notes = tuple(replace(d, severity=Severity.INFO) if d.rule == "SK304" else d for d in fontset.diagnostics)
        fontset = replace(fontset, diagnostics=notes)
    return fontset


def fonts_or_exit(mode: FontMode | None, title_font: str | None, body_font: str | None, config: Path | None,
                  *, quiet_stand_in: bool = False) -> FontSet:
    """:func:`fonts_from_options`, printing a bad font or config file's diagnostics and exiting 2."""
    from signkit.errors import SignkitError

    try:
        return fonts_from_options(mode, title_font, body_font, config, quiet_stand_in=quiet_stand_in)
    except SignkitError as failure:
        for diag in failure.diagnostics:
            typer.echo(diag.render(), err=True)
        raise typer.Exit(2) from None


def sign_folder_or_exit(config: Path | None) -> SignFolder | None:
    """``signkit.toml``'s ``[signs] folder`` (``None`` when not set), a bad config file printed and exit 2."""
    from signkit.errors import SignkitError
    from signkit.pipeline.config import load_config

    try:
        return load_config(config).sign_folder
    except SignkitError as failure:
        for diag in failure.diagnostics:
            typer.echo(diag.render(), err=True)
        raise typer.Exit(2) from None
