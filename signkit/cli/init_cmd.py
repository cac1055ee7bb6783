"""``signkit init``: a commented starter site file that passes ``check``."""

from __future__ import annotations

from pathlib import Path

import typer

from signkit.cli.files import write_text_or_exit
from signkit.resources import data_path

HELP = "在目录中生成一份带注释的起始站点文件 site.yaml（以及编辑器用的 JSON Schema）。"

SITE_NAME = "site.yaml"
SCHEMA_NAME = "signkit-site.schema.json"


def init(
    directory: Path = typer.Argument(Path("."), metavar="目录", help="目标目录（默认当前目录）"),
    force: bool = typer.Option(False, "--force", help="覆盖已有的 site.yaml"),
) -> None:
    from signkit.model.schema import site_schema_json

    target = directory / SITE_NAME
    if directory.exists() and not directory.is_dir():
        typer.echo(f"{directory} 不是目录。", err=True)
        raise typer.Exit(2)
    if target.exists() and not force:
        typer.echo(f"{target} 已存在，未覆盖。如需覆盖请加 --force。", err=True)
        raise typer.Exit(1)
    starter = (data_path("templates") / "starter-site.yaml").read_text(encoding="utf-8")
    write_text_or_exit(target, starter)
    write_text_or_exit(directory / SCHEMA_NAME, site_schema_json())
    typer.echo(f"已生成 {target}（以及编辑器用的 {directory / SCHEMA_NAME}）。")
    typer.echo(f"请按本企业实际情况修改，然后运行：signkit check {target}")
    raise typer.Exit(0)
