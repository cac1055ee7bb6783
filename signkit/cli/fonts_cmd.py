"""``signkit fonts``: which fonts will print titles and body text, and why."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from signkit.cli.fontopts import (
    BODY_FONT_OPTION,
    CONFIG_OPTION,
    FONTS_OPTION,
    TITLE_FONT_OPTION,
    FontMode,
    config_or_exit,
    fonts_or_exit,
)

HELP = "显示标题（黑体）和正文（楷体）将使用的字体、字体文件、选择理由，以及是否为法定字体。"


def fonts(
    mode: FontMode | None = FONTS_OPTION,
    title_font: str | None = TITLE_FONT_OPTION,
    body_font: str | None = BODY_FONT_OPTION,
    config: Path | None = CONFIG_OPTION,
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出"),
) -> None:
    from signkit.fonts import describe

    settings = config_or_exit(config)
    fontset = fonts_or_exit(settings, mode, title_font, body_font)
    rows = describe(fontset)
    used = str(settings.path) if settings.path is not None else None
    if as_json:
        notes = [d.to_dict() for d in fontset.diagnostics]
        typer.echo(json.dumps({"config": used, "fonts": rows, "notes": notes}, ensure_ascii=False, indent=2))
        raise typer.Exit(0)
    typer.echo(f"配置文件：{used}" if used else
               "配置文件：无（从当前文件夹向上没有找到 signkit.toml 或含 [tool.signkit] 的 pyproject.toml）")
    for row in rows:
        kind = "法定字体" if row["mandated"] else "替代字体"
        order = "首选" if row["position"] == 0 else f"后备 {row['position']}"
        face = f"#{row['face_index']}" if str(row["file"]).lower().endswith(".ttc") else ""
        typer.echo(f"{row['role_label']}（{order}）：{row['family']} — {kind}")
        typer.echo(f"    文件：{row['file']}{face}")
        typer.echo(f"    理由：{row['reason']}")
    for note in fontset.diagnostics:
        typer.echo(note.render())
    raise typer.Exit(0)
