"""``--select`` / ``--extend-select`` / ``--ignore`` (check and render) and ``--fix`` / ``--diff`` (check).

Shared by the commands that report diagnostics, so both spell and resolve them the
same way: ``signkit.toml``'s ``[check]`` first, then the command line (ruff's order).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from signkit.diagnostics import Diagnostic
    from signkit.pipeline.config import Config
    from signkit.pipeline.fix_files import FixRun
    from signkit.pipeline.selection import Selection

SELECT_OPTION = typer.Option(
    [], "--select", metavar="规则…",
    help="只报告这些规则：编号（SK218）、前缀（SK2、SK21）或 ALL，逗号分隔或重复；覆盖 signkit.toml 的 [check] select")
EXTEND_SELECT_OPTION = typer.Option([], "--extend-select", metavar="规则…", help="在已选的规则之外再报告这些规则")
IGNORE_OPTION = typer.Option(
    [], "--ignore", metavar="规则…",
    help="不报告这些规则（编号或前缀，逗号分隔或重复）；被忽略的问题不计入退出码，也不挡住牌。"
         "文件读不了、必填项缺失、缺字、文字放不下等问题不能忽略")


def selection_or_exit(select: list[str], extend_select: list[str], ignore: list[str],
                      settings: Config) -> tuple[Selection, list[Diagnostic]]:
    """The run's rule selection and its notes (SK018), from the loaded config; an unknown selector exits 2."""
    from signkit.pipeline.selection import Layer, Selection, SelectorError, parse_selectors

    configured = settings.rules
    layers: list[Layer] = [configured] if configured is not None else []
    try:
        if select or extend_select or ignore:
            layers.append(Layer(parse_selectors(select) if select else None, parse_selectors(extend_select),
                                parse_selectors(ignore)))
    except SelectorError as bad:
        typer.echo(f"错误：{bad}", err=True)
        raise typer.Exit(2) from None
    selection = Selection(tuple(layers))
    return selection, selection.notes()


def fix_summary(run: FixRun, *, diff: bool) -> str:
    """One Chinese line: what ``--fix`` did (or ``--diff`` would do), and what is left."""
    files = sum(1 for f in run.files if f.changed)
    if diff:
        text = f"{run.fixed_count} 个问题可自动修复（{files} 个文件）" if files else "没有可自动修复的问题"
    else:
        text = f"已修复 {run.fixed_count} 个问题（{files} 个文件）" if files else "没有可自动修复的问题"
    if run.workbooks:
        text += f"；工作簿不会被修改（{len(run.workbooks)} 个）"
    for name, why in run.not_written:
        text += f"\n未修改 {name}：{why}"
    return text
