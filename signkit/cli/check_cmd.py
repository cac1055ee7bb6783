"""``signkit check``: validate site files and show the board plan."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from signkit.cli.completion_cmd import site_files
from signkit.cli.files import write_text_or_exit
from signkit.cli.fontopts import (
    BODY_FONT_OPTION,
    CONFIG_OPTION,
    FINAL_OPTION,
    FONTS_OPTION,
    TITLE_FONT_OPTION,
    FontMode,
    config_or_exit,
    fonts_or_exit,
)
from signkit.cli.ruleopts import EXTEND_SELECT_OPTION, IGNORE_OPTION, SELECT_OPTION, selection_or_exit
from signkit.load.source import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from collections.abc import Callable

    from signkit.diagnostics import Diagnostic
    from signkit.fonts import FontSet
    from signkit.pipeline.check import FileReport
    from signkit.pipeline.config import SignFolder
    from signkit.pipeline.selection import Selection

HELP = """检查站点文件（或 Excel 工作簿）并列出需要制作的牌卡。

工作簿（signkit template 生成的模板、风险分级管控清单、监管名册）的问题指出工作表和单元格，如 风险点!C5。

同时逐字检查每个要印出的字能否由所选字体印出（CI 中建议加 --fonts bundled，使结果与机器无关）。
每条问题一行：文件:行:列: 级别：键路径 消息 [规则编号]（编辑器和 CI 的问题匹配器可直接解析）。
--format sarif 供代码扫描（GitHub code scanning 等），--format junit 供 GitLab、Jenkins 的测试报告。
退出码：0 通过；1 发现错误（--strict 时警告也算，--exit-zero 时不算）；2 用法错误、文件或字体无法读取。"""


class Format(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    junit = "junit"


def check(
    files: list[str] = typer.Argument(..., metavar="文件…", autocompletion=site_files,
                                      help="站点文件（.yaml）、工作簿（.xlsx、.csv）、文件夹（递归查找 .yaml）"
                                      "或 -（标准输入），可以给多个",
                                      show_default=False),
    output_format: Format = typer.Option(Format.text, "--format", "-f", metavar="text|json|github|sarif|junit",
                                         help="输出格式：text、json、github（GitHub Actions 注释）、sarif（SARIF 2.1.0）或 junit"),
    strict: bool = typer.Option(False, "--strict", help="把警告当作错误"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="只输出诊断，不列出牌卡清单"),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", metavar="字节数", min=1, help="站点文件大小上限（字节）"),
    boards: bool = typer.Option(False, "--boards", "-b", help="逐块列出牌卡及其内容标记（与牌上修订标记中的“内容”一致）"),
    no_layout: bool = typer.Option(False, "--no-layout", help="不排版（更快）：不检查文字能否放下，也不计算内容标记"),
    fonts: FontMode | None = FONTS_OPTION,
    title_font: str | None = TITLE_FONT_OPTION,
    body_font: str | None = BODY_FONT_OPTION,
    config: Path | None = CONFIG_OPTION,
    final: bool | None = FINAL_OPTION,
    select: list[str] = SELECT_OPTION,
    extend_select: list[str] = EXTEND_SELECT_OPTION,
    ignore: list[str] = IGNORE_OPTION,
    fix: bool = typer.Option(False, "--fix", help="自动修复有把握的问题（报告中标 [*]），直接改写站点文件；工作簿不会被修改"),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="连同不那么有把握的修复一起应用"),
    diff: bool = typer.Option(False, "--diff", help="只显示 --fix 会做的修改（统一差异格式），不改写文件；有修改时退出码 1"),
    output_file: Path | None = typer.Option(None, "--output-file", "-o", metavar="文件",
                                            help="把报告写入文件（原子写入）而不是输出到屏幕", show_default=False),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="发现错误时也以 0 退出（文件无法读取、用法错误仍为 2）"),
    statistics: bool = typer.Option(False, "--statistics", help="只输出每个规则编号出现的次数（按次数排序）"),
    stdin_filename: str | None = typer.Option(None, "--stdin-filename", metavar="名称",
                                              help="标准输入（-）在诊断中显示的文件名；也按它所在的文件夹查找 signkit.toml",
                                              show_default=False),
) -> None:
    # imported here, not at the top: `signkit --help` must not pay for pydantic and fontTools
    from signkit.diagnostics import Severity
    from signkit.pipeline.check import check_files, exit_status
    from signkit.pipeline.selection import filter_report

    if statistics and output_format not in (Format.text, Format.json):
        typer.echo("--statistics 只能与 --format text 或 json 一起使用。", err=True)
        raise typer.Exit(2)
    if diff and (output_file is not None or statistics or output_format is not Format.text):
        # --diff prints a diff, not a report: a pipeline expecting its SARIF file must hear so, not find nothing
        typer.echo("--diff 只输出修改的差异，不能与 --format、--output-file 或 --statistics 一起使用。", err=True)
        raise typer.Exit(2)
    # standard input standing for an editor's buffer: its configuration is the file's, found from its folder up
    settings = config_or_exit(config, [stdin_filename] if stdin_filename and files[:1] == ["-"] else files)
    fontset = fonts_or_exit(settings, fonts, title_font, body_font, final=final)
    sign_folder = settings.sign_folder
    selection, rule_notes = selection_or_exit(select, extend_select, ignore, settings)
    read_stdin: Callable[[], bytes] | None = None
    changed = False
    if fix or diff:
        read_stdin, changed = _fix(files, diff=diff, unsafe=unsafe_fixes, selection=selection,
                                   sign_folder=sign_folder, max_bytes=max_bytes)
    reports = check_files(files, fonts=fontset, layout=not no_layout and not diff, max_bytes=max_bytes,
                          sign_folder=sign_folder, selection=selection, read_stdin=read_stdin, stdin_name=stdin_filename)
    if not reports:
        typer.echo("没有找到站点文件（*.yaml、*.yml；工作簿 .xlsx、.csv 须直接给出文件名）。", err=True)
        raise typer.Exit(2)
    if diff:
        _diff_status(reports, changed)
    # -b asks for the board listing by name: it wins over -q, which only means "no plan unless asked"
    # run-level notes: --ignore SK304 silences the stand-in notice, -q the 说明 (for a reader, not a script)
    fonts_said = filter_report(list(fontset.diagnostics), selection, "")
    notes = [d for d in [*fonts_said, *rule_notes] if not quiet or d.severity is not Severity.INFO]
    text = _report(output_format, reports, fontset, notes, strict=strict,
                   show_plan=not quiet or boards, boards=boards, statistics=statistics, unsafe_fixes=unsafe_fixes)
    stdin_fixed = read_stdin is not None  # the fixed document went to standard output: the report goes to stderr
    if output_file is not None:
        write_text_or_exit(output_file, text + "\n" if text else "")
    elif text:
        typer.echo(text, err=stdin_fixed)
    status = max(exit_status(reports, strict), int(any(d.is_error for d in notes)))  # SK309: the final print refused
    raise typer.Exit(0 if exit_zero and status == 1 else status)


def _report(output_format: Format, reports: list[FileReport], fontset: FontSet, notes: list[Diagnostic], *,
            strict: bool, show_plan: bool, boards: bool, statistics: bool, unsafe_fixes: bool) -> str:
    """The whole report as one string, so that it can go to the screen or, whole, to ``--output-file``."""
    from signkit.cli.ci_formats import junit_report, sarif_report
    from signkit.cli.report import github_report, json_report, statistics_json, statistics_text, text_report
    from signkit.fonts import describe

    if statistics:
        return (statistics_json if output_format is Format.json else statistics_text)(reports, notes=notes, strict=strict)
    if output_format is Format.json:
        return json_report(reports, strict=strict, notes=notes, fonts=describe(fontset))
    if output_format is Format.github:
        return github_report(reports, strict=strict, notes=notes)
    if output_format is Format.sarif:
        return sarif_report(reports, strict=strict, notes=notes)
    if output_format is Format.junit:
        return junit_report(reports, strict=strict, notes=notes)
    return text_report(reports, strict=strict, show_plan=show_plan, notes=notes, boards=boards,
                       unsafe_fixes=unsafe_fixes)


def _diff_status(reports: list[FileReport], changed: bool) -> NoReturn:
    """``--diff``'s exit: 1 when there are changes, 0 when none — unless a file could not be read or parsed.

    Such a file has nothing to fix, but a CI gate running ``--diff`` must not pass on it:
    its problems are printed as check prints them, with check's exit code (2 unreadable, 1 unparsable).
    """
    from signkit.cli.report import text_report
    from signkit.pipeline.check import exit_status

    # unreadable (exit 2) or unparsable (no site: a YAML syntax error) — nothing --fix could touch
    broken = [report for report in reports if report.site is None and exit_status([report], False)]
    if broken:
        typer.echo(text_report(broken, show_plan=False), err=True)
        raise typer.Exit(max(exit_status(broken, False), 1))
    raise typer.Exit(1 if changed else 0)


def _fix(files: list[str], *, diff: bool, unsafe: bool, selection: Selection, sign_folder: SignFolder | None,
         max_bytes: int) -> tuple[Callable[[], bytes] | None, bool]:
    """``--fix`` / ``--diff`` before the check: fix (or show the diff) and say so; and whether anything changed.

    Returns how the check that follows reads standard input — the fixed text, which
    ``--fix`` also prints (the report then goes to standard error, as ruff does); with
    ``--diff``, the text as given — so that the check can still say what it cannot read.
    """
    from signkit.cli.ruleopts import fix_summary
    from signkit.pipeline.fix_files import fix_inputs
    from signkit.pipeline.inputs import read_stdin_bytes

    given = read_stdin_bytes(max_bytes) if "-" in files else b""
    run = fix_inputs(files, write=not diff, unsafe=unsafe, selection=selection, sign_folder=sign_folder,
                     max_bytes=max_bytes, read_stdin=lambda: given)
    changed = any(f.changed for f in run.files)
    if diff:
        for fixed in run.files:
            if fixed.changed:
                typer.echo(fixed.diff(), nl=False)
        typer.echo(fix_summary(run, diff=True), err=True)
        return (lambda: given) if "-" in files else None, changed
    typer.echo(fix_summary(run, diff=False), err=True)
    stdin = next((f for f in run.files if f.path is None), None)
    if stdin is None:
        return None, changed
    typer.echo(stdin.after, nl=False)
    document = stdin.after.encode("utf-8")
    return (lambda: document), changed

