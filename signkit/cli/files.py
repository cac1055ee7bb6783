"""Writing one file for a command (``init``, ``schema -o``): a failure is a Chinese message and exit 2.

Why here and not in each command: every command that writes a single file meets the same
failures (a folder that does not exist, no permission, a full disk), and each must end
the same way — a sentence naming the file and the cause, exit 2 (the environment, not the
input, is at fault) — never a traceback or the internal-error exit 3.
"""

from __future__ import annotations

from pathlib import Path

import typer

from signkit.errors import describe_os_error
from signkit.output.atomic import atomic_write_text


def write_text_or_exit(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically, or say why not and exit 2."""
    if path.is_dir():  # said in these words: the atomic writer's error would name its temporary file
        typer.echo(f"无法写入 {path}：这是一个文件夹，请给出文件名（如 {path / 'report.txt'}）", err=True)
        raise typer.Exit(2)
    try:
        atomic_write_text(path, text)
    except OSError as failure:
        typer.echo(f"无法写入 {path}：{describe_os_error(failure)}", err=True)
        raise typer.Exit(2) from None
