"""``signkit completion SHELL``: the shell's tab-completion script, and the file completers it uses.

Why a command and not typer's ``--install-completion``: that option edits the user's
shell start-up files and speaks English; a script printed to stdout is what packagers
(and the README's one-liners) install, and works the same for every shell.  The script
calls ``signkit`` back with ``_SIGNKIT_COMPLETE=complete_<shell>``; typer answers with
commands, options and choices, and the completers below offer only the files a
command takes (site files, workbooks, PDFs) and folders to descend into.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from enum import StrEnum
from typing import Any

import typer
from typer._click.shell_completion import CompletionItem, add_completion_class, get_completion_class
from typer._completion_classes import FishComplete, PowerShellComplete, ZshComplete, completion_init

COMPLETE_VAR = "_SIGNKIT_COMPLETE"

HELP = """输出命令行自动补全脚本（bash、zsh、fish、PowerShell）：补全命令、选项、可选值和文件名。

安装（重新打开终端后生效）：

\b
bash:  signkit completion bash \\
         > ~/.local/share/bash-completion/completions/signkit
zsh:   signkit completion zsh > ~/.zfunc/_signkit
       （~/.zfunc 须在 fpath 中）
fish:  signkit completion fish > ~/.config/fish/completions/signkit.fish
PowerShell:  signkit completion powershell >> $PROFILE
"""


class Shell(StrEnum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"
    powershell = "powershell"


def _short(help_text: str | None) -> str | None:
    """An option's help cut to its first clause (字体模式：system（默认…）… → 字体模式) for a completion menu.

    Why: typer renders the whole help through rich, which wraps it at the terminal width;
    the line break then reaches fish and PowerShell as a bogus extra candidate.
    """
    if not help_text:
        return help_text
    return re.split(r"[：（(，。；:]", help_text.strip(), maxsplit=1)[0].strip() or None


class _ShortHelp:
    def format_completion(self, item: CompletionItem) -> str:
        short = CompletionItem(item.value, type=item.type, help=_short(item.help))
        return str(super().format_completion(short))  # type: ignore[misc]


class _Zsh(_ShortHelp, ZshComplete):
    pass


class _Fish(_ShortHelp, FishComplete):
    pass


class _PowerShell(_ShortHelp, PowerShellComplete):
    pass


def _register(*shells: tuple[Any, str]) -> None:
    completion_init()  # typer's bash/zsh/fish/PowerShell answerers for _SIGNKIT_COMPLETE …
    for cls, name in shells:  # … with one-line help in the menus
        add_completion_class(cls, name)


_register((_Zsh, "zsh"), (_Fish, "fish"), (_PowerShell, "powershell"), (_PowerShell, "pwsh"))


def completion(
    ctx: typer.Context,
    shell: Shell = typer.Argument(..., metavar="bash|zsh|fish|powershell", help="shell 的种类", show_default=False),
) -> None:
    comp_cls = get_completion_class(shell.value)
    if comp_cls is None:  # completion_init() registered all four; kept for a typer that drops one
        typer.echo(f"不支持 {shell.value} 的自动补全。", err=True)
        raise typer.Exit(2)
    typer.echo(comp_cls(ctx.find_root().command, {}, "signkit", COMPLETE_VAR).source())


def _files(suffixes: tuple[str, ...]) -> Callable[[str], list[str]]:
    """A completer offering folders (to descend into) and files ending in one of ``suffixes``."""

    def complete(incomplete: str) -> list[str]:
        folder, _, start = incomplete.rpartition("/")
        where = folder or "."
        if incomplete.startswith("/") and not folder:
            where = "/"
        try:
            entries = sorted(os.scandir(where), key=lambda entry: entry.name)
        except OSError:
            return []
        found = []
        for entry in entries:
            if not entry.name.startswith(start) or (entry.name.startswith(".") and not start.startswith(".")):
                continue
            shown = f"{folder}/{entry.name}" if folder or incomplete.startswith("/") else entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            if is_dir:
                found.append(shown + "/")
            elif entry.name.lower().endswith(suffixes):
                found.append(shown)
        return found

    return complete


site_files = _files((".yaml", ".yml", ".xlsx", ".csv"))
yaml_files = _files((".yaml", ".yml"))
workbook_files = _files((".xlsx", ".csv"))
pdf_files = _files((".pdf",))
