"""``signkit render`` and ``signkit preview``: the boards as PDF files, or as PNG pictures."""

from __future__ import annotations

import os
import signal
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from signkit.cli.completion_cmd import yaml_files
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
from signkit.cli.progress import _Progress
from signkit.cli.ruleopts import EXTEND_SELECT_OPTION, IGNORE_OPTION, SELECT_OPTION, selection_or_exit
from signkit.load.source import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from signkit.diagnostics import Diagnostic
    from signkit.fonts import FontSet
    from signkit.output.manifest import BlockedEntry
    from signkit.pipeline.config import Config
    from signkit.pipeline.options import RenderOptions
    from signkit.pipeline.render_files import RenderOutcome
    from signkit.pipeline.reprint import Reprint
    from signkit.pipeline.site_job import SiteOutcome
    from signkit.render.settings import PrintSettings


RENDER_HELP = """把站点文件生成为可直接印刷的 PDF（每块牌、每种告知卡一个文件）。

先做与 check 相同的检查。一个问题只挡住它涉及的牌（如某岗位没写责任，只有该岗位的 2-3 不生成），
其余的牌照常生成；最后列出没有生成的牌及原因（退出码 1）。--all-or-nothing：有错误的企业一块也不生成。
每家企业一个子文件夹，内有 PDF 和 manifest.json；输出文件夹（-o）中的 manifest.json 汇总全部。"""


PREVIEW_HELP = "把每块牌生成 PNG 预览图（用于快速查看和 README）。"

WATCH_OPTION = typer.Option(
    False, "--watch", "-w",
    help="生成后继续监视输入（站点文件、工作簿、signkit.toml、标志文件夹），保存后自动重新生成有改动的部分；Ctrl-C 结束")


class FitChoice(StrEnum):
    fail = "fail"
    grow = "grow"


class ProducerChoice(StrEnum):
    government = "政府"
    enterprise = "企业"


def _sizes(values: list[str]) -> dict[str, str]:
    sizes: dict[str, str] = {}
    for value in values:
        form, sep, size = value.partition("=")
        if not sep:
            raise typer.BadParameter(f"「{value}」应写成 附表=宽×高，如 2-2=1500x1000", param_hint="--size")
        sizes[form.strip()] = size.strip()
    return sizes


def _default_jobs() -> int:
    return max(os.cpu_count() or 1, 1)


def render(
    files: list[str] = typer.Argument(..., metavar="文件…", autocompletion=yaml_files,
                                      help="站点文件（.yaml）、文件夹（递归查找 *.yaml / *.yml）或 -（标准输入）",
                                      show_default=False),
    outdir: Path = typer.Option(..., "--output", "-o", metavar="目录", help="输出文件夹（每家企业一个子文件夹）"),
    fit: FitChoice = typer.Option(FitChoice.fail, "--fit", metavar="fail|grow", help="文字放不下时：fail 报错（默认）；grow 自动放大该牌"),
    producer: ProducerChoice | None = typer.Option(None, "--producer", metavar="政府|企业",
                                                   help="只生成 政府 或 企业 制作的牌（2-1 由政府制作）"),
    size: list[str] = typer.Option([], "--size", metavar="附表=宽x高", help="某附表的尺寸，如 --size 2-2=1500x1000（毫米），可重复"),
    bleed: float | None = typer.Option(None, "--bleed", metavar="毫米", min=0.0, max=20.0,
                                       help="出血（毫米），覆盖站点文件和 signkit.toml 的设置；默认 告知卡 2-5 为 3，其他牌为 0"),
    marks: bool | None = typer.Option(None, "--marks/--no-marks", help="在出血外加裁切标记（套准色）"),
    proof: str | None = typer.Option(None, "--proof", metavar="纸张", help="另出样稿：每块牌缩印在一张 A4 或 A3 上，注明比例"),
    tile: str | None = typer.Option(None, "--tile", metavar="纸张", help="另出分块：原大的牌分块打印在 A4 或 A3 上，带重叠和对位标记"),
    impose: str | None = typer.Option(None, "--impose", metavar="纸张", help="另出告知卡拼版：A4、A3 或 SRA3，按人数，双面长边翻转"),
    overlap: float = typer.Option(10.0, "--overlap", metavar="毫米", min=0.0, max=50.0, help="分块的重叠（毫米）"),
    overprint: bool | None = typer.Option(None, "--overprint/--no-overprint",
                                          help="100% 黑色文字和细黑线叠印（默认开启，可在 signkit.toml 的 [print] 中设置）"),
    output_intent: str | None = typer.Option(None, "--output-intent", metavar="名称或ICC文件",
                                             help="输出意图：FOGRA39（默认）、JapanColor2001Coated，或印刷厂提供的 CMYK 输出 ICC 文件路径"),
    gripper: float | None = typer.Option(None, "--gripper", metavar="毫米", min=0.0, max=100.0,
                                         help="拼版纸张边缘留白（毫米，咬口和不可印区域），裁切标记和说明文字不进入；默认 10"),
    jobs: int = typer.Option(0, "--jobs", "-j", metavar="数量", min=0, help="并行进程数（默认：CPU 核数）"),
    fail_fast: bool = typer.Option(False, "--fail-fast", help="有一家企业失败就停止"),
    dry_run: bool = typer.Option(False, "--dry-run",
                                 help="只列出需要重印的牌（与输出文件夹中上次的结果比较）：只排版、计算哈希，不生成 PDF，不写任何文件"),
    force: bool = typer.Option(False, "--force", help="全部重新生成，不复用上次的文件"),
    strict: bool = typer.Option(False, "--strict", help="警告也挡住它涉及的牌"),
    all_or_nothing: bool = typer.Option(False, "--all-or-nothing",
                                        help="企业的数据有任何错误（--strict 时含警告）就一块也不生成"),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", metavar="字节数", min=1, help="站点文件大小上限（字节）"),
    fonts: FontMode | None = FONTS_OPTION,
    title_font: str | None = TITLE_FONT_OPTION,
    body_font: str | None = BODY_FONT_OPTION,
    config: Path | None = CONFIG_OPTION,
    final: bool | None = FINAL_OPTION,
    watch: bool = WATCH_OPTION,
    select: list[str] = SELECT_OPTION,
    extend_select: list[str] = EXTEND_SELECT_OPTION,
    ignore: list[str] = IGNORE_OPTION,
) -> None:
    # the library is imported here, not at the top, so that ``signkit --help`` does not load it
    from signkit.pipeline.options import RenderOptions
    from signkit.pipeline.render_files import render_files
    from signkit.pipeline.reprint import REPRINT_CSV
    from signkit.pipeline.selection import filter_report
    from signkit.printshop import IMPOSE_SHEETS, PROOF_SHEETS, TILE_SHEETS, sheet_size

    _watchable(files, watch)
    for value, choices, option in ((proof, PROOF_SHEETS, "--proof"), (tile, TILE_SHEETS, "--tile"),
                                   (impose, IMPOSE_SHEETS, "--impose")):
        if value is not None:
            try:
                sheet_size(value, choices)
            except ValueError as bad:
                raise typer.BadParameter(str(bad), param_hint=option) from None
    started = time.perf_counter()
    progress = _Progress()
    shown: list[int] = []  # how many diagnostics were printed when the list was handed on

    def deliver(done: RenderOutcome) -> None:
        """Print problems and the reprint list while the run still holds the lock (see render_files)."""
        progress.abandon()
        for diag in done.diagnostics:
            typer.echo(diag.render())
        shown.append(len(done.diagnostics))
        print_reprints(done.reprints, dry_run, first_run=done.first_run, csv_path=reprint_csv())

    def reprint_csv() -> Path | None:
        return outdir / REPRINT_CSV if not dry_run and (outdir / REPRINT_CSV).is_file() else None

    def prepare(settings: Config) -> tuple[FontSet, RenderOptions]:
        """Fonts and options from the configuration (again when ``--watch`` sees it change); problems exit 2."""
        selection, rule_notes = selection_or_exit(select, extend_select, ignore, settings)
        fontset = fonts_or_exit(settings, fonts, title_font, body_font, final=final)
        refuse_stand_ins(filter_report(list(fontset.diagnostics), selection, ""))  # --ignore SK304 silences it
        for note in rule_notes:
            typer.echo(note.render())
        printing = _printing(settings.printing, overprint, output_intent, gripper)
        return fontset, RenderOptions(
            fit=fit.value, producer=producer.value if producer else None,
            sizes=tuple(_sizes(size).items()), bleed=bleed, marks=marks, strict=strict, max_bytes=max_bytes,
            proof=proof.upper() if proof else None, tile=tile.upper() if tile else None,
            impose=impose.upper() if impose else None, overlap=overlap, sign_folder=settings.sign_folder,
            dry_run=dry_run, force=force, jobs=jobs or _default_jobs(), fail_fast=fail_fast,
            all_or_nothing=all_or_nothing, printing=printing, selection=selection)

    try:
        with _terminate_as_interrupt():  # from here on: fonts are resolved first, then the run
            settings = config_or_exit(config, files)
            fontset, options = prepare(settings)
            outcome = render_files(files, outdir, fontset, options, progress=progress, keep=False, deliver=deliver)
    except KeyboardInterrupt as stop:
        progress.abandon()
        typer.echo("已中止：输出文件夹中已写入的文件完整，未写完的已丢弃；再次运行会从中断处补齐。", err=True)
        raise typer.Exit(EXIT_TERMINATED if isinstance(stop, Terminated) else EXIT_INTERRUPTED) from None
    elapsed = time.perf_counter() - started
    for diag in outcome.diagnostics[shown[0] if shown else 0:]:  # all of them if the run stopped early
        typer.echo(diag.render())
    if outcome.usage_error and not outcome.sites:
        typer.echo("未生成任何文件。")
        raise typer.Exit(2)
    _print_summary(outcome, elapsed, outdir, dry_run)
    if watch:
        from signkit.cli.watching import watch_render

        with _terminate_as_interrupt():
            watch_render(files, outdir, config, settings, prepare, (fontset, options),
                         lambda done: print_reprints(done.reprints, dry_run, first_run=done.first_run,
                                                     csv_path=reprint_csv()))
    if outcome.usage_error or outcome.output_error:
        raise typer.Exit(2)
    raise typer.Exit(0 if outcome.ok else 1)


def _watchable(files: list[str], watch: bool) -> None:
    """Standard input is read once: there is nothing to watch, so ``--watch`` with ``-`` is a usage error."""
    if watch and "-" in files:
        raise typer.BadParameter("标准输入（-）只能读一次，无法监视；请给出文件或文件夹", param_hint="--watch")


def refuse_stand_ins(notes: Sequence[Diagnostic]) -> None:
    """Print the run's font notes once; a final print with a stand-in font (SK309) exits 2 before anything is written."""
    for note in notes:
        typer.echo(note.render(), err=note.is_error)
    if any(note.is_error for note in notes):
        typer.echo("未生成任何文件。", err=True)
        raise typer.Exit(2)


def _printing(settings: PrintSettings, overprint: bool | None, output_intent: str | None,
              gripper: float | None) -> PrintSettings:
    """``signkit.toml``'s ``[print]`` with the command line's choices over it; a bad ICC profile exits 2."""
    from dataclasses import replace

    from signkit.render.pdfx import ProfileError, output_condition

    if overprint is not None:
        settings = replace(settings, overprint=overprint)
    if gripper is not None:
        settings = replace(settings, gripper=gripper)
    if output_intent is not None:
        try:
            settings = replace(settings, intent=output_condition(output_intent))
        except ProfileError as bad:
            raise typer.BadParameter(str(bad), param_hint="--output-intent") from None
    return settings


EXIT_INTERRUPTED = 130


#: 128 + SIGTERM, what a shell reports for a process that SIGTERM ended.
EXIT_TERMINATED = 143


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the run is, so it unwinds as Ctrl-C does: workers stopped, lock released."""


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """While rendering, turn SIGTERM (``kill``, a CI timeout, systemd) into :class:`Terminated`.

    Without it the default action ends the process on the spot: no message, the lock
    file left behind, and worker processes orphaned, rendering on for minutes.
    """
    def handler(signum: int, frame: object) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # once: a second one must not cut the clean-up short
        raise Terminated

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread (an embedding application): leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


#: Lines of the reprint list shown on the screen; a longer list is summarised there and written out in full to 重印清单.csv.
REPRINT_LINES = 40


def print_reprints(reprints: list[Reprint], dry_run: bool, *, first_run: bool = False, csv_path: Path | None = None,
                   limit: int | None = REPRINT_LINES, grouped: bool = True) -> None:
    """The list for the print shop, by enterprise and board kind; collapsed to one line only when OUTDIR never held a run.

    Boards added to an existing folder (a new enterprise, a new post) are listed one by
    one with maker and place like any other change: someone has to make and hang them.
    A list longer than ``limit`` lines (a changed emergency phone reprints every card)
    shows only each kind's counts and usual reasons; every board is in ``csv_path``.
    ``diff`` (which writes no list) shows it whole and flat (``grouped=False``), one line per board.
    """
    if not reprints:
        return
    if first_run and all(item.change == "新增" for item in reprints):
        typer.echo(f"首次生成：{len(reprints)} 种牌卡都需要制作，数量与面积见印刷清单。" if not dry_run
                   else f"若现在生成（首次）：{len(reprints)} 种牌卡都需要制作；本次试运行没有写入任何文件，也没有印刷清单。")
        return
    if not grouped:
        typer.echo("需要制作 / 重印 / 撤下的牌（交给印刷厂或安排撤下）：")
        for item in reprints:
            place = f"{item.maker} 制作，悬挂于 {item.hangs}" if item.hangs else item.maker
            count = f" × {item.quantity}" if item.quantity else ""
            typer.echo(f"  [{item.change}] {item.enterprise} 附表 {item.form} {item.subject}{count}（{place}）")
            for reason in item.reasons:
                typer.echo(f"      {reason}")
        return
    where = f"，逐块明细见 {csv_path}" if csv_path is not None else ""
    typer.echo(f"需要制作 / 重印 / 撤下的牌（交给印刷厂或安排撤下）：共 {len(reprints)} 块{where}" if not dry_run
               else f"若现在生成，需要制作 / 重印 / 撤下的牌：共 {len(reprints)} 块（试运行，没有写入重印清单）")
    detailed = _reprint_lines(reprints, detail=True)
    if limit is None or len(detailed) <= limit:
        lines = detailed
    else:
        lines = _reprint_lines(reprints, detail=False)
        kinds = sum(1 for line in lines if line.startswith("    附表"))
        lines = lines[:limit]
        shown = sum(1 for line in lines if line.startswith("    附表"))
        lines.append(f"  …共 {len(reprints)} 块，屏幕上只列出" + ("每类" if shown == kinds else f"前 {shown} 类") + "的数量和原因"
                     + (f"，逐块明细见 {csv_path}" if csv_path is not None else "（用 --dry-run 以外的运行生成重印清单.csv）"))
    for line in lines:
        typer.echo(line)


def _reprint_lines(reprints: list[Reprint], *, detail: bool) -> list[str]:
    from signkit.pipeline.reprint import group_reprints
    from signkit.spec.forms import FORMS

    lines: list[str] = []
    enterprise = None
    for group in group_reprints(reprints):
        if group.enterprise != enterprise:
            enterprise = group.enterprise
            mine = [item for item in reprints if item.enterprise == enterprise]
            counts = Counter(item.change for item in mine)
            lines.append(f"  {enterprise}（{'、'.join(f'{change} {n}' for change, n in counts.most_common())}）")
        name = FORMS[group.form].name if group.form in FORMS else ""
        counts_text = "、".join(f"{change} {n}" for change, n in group.counts.items())
        reasons = "；".join(f"{field} ×{n}" if n > 1 else field for field, n in group.reasons())
        lines.append(f"    附表 {group.form} {name}：{counts_text}" + (f"（{reasons}）" if reasons and not detail else ""))
        if not detail:
            continue
        for item in group.items:
            place = f"{item.maker} 制作，悬挂于 {item.hangs}" if item.hangs else item.maker
            count = f" × {item.quantity}" if item.quantity else ""
            lines.append(f"      [{item.change}] {item.subject}{count}（{place}）")
            lines.extend(f"          {reason}" for reason in item.reasons)
    return lines


def _print_summary(outcome: RenderOutcome, elapsed: float, outdir: Path, dry_run: bool) -> None:
    forms: Counter[str] = Counter()
    for site in outcome.sites:
        forms.update(site.forms)
    statuses = Counter(site.status for site in outcome.sites)
    rewritten = sum(len(s.rewritten) for s in outcome.sites)
    kept = sum(len(s.kept) for s in outcome.sites)
    removed = sum(len(s.removed) for s in outcome.sites)
    by_form = "，".join(f"{form} × {count}" for form, count in sorted(forms.items())) or "无"
    failed = statuses["failed"] + statuses["unreadable"]
    head = "比较完成" if dry_run else "完成"
    typer.echo(f"{head}：{len(outcome.sites)} 家企业（生成 {statuses['rendered']}，未变化 {statuses['unchanged']}，"
               f"失败 {failed}），牌卡 {by_form}；")
    if not dry_run:
        # only files that are there: a run whose every enterprise failed may have written no print order
        there = "，".join(f"{label}：{path}" for label, path in (("清单", outdir / "manifest.json"),
                                                                  ("印刷清单", outdir / "印刷清单.csv")) if path.is_file())
        typer.echo(f"  写入 {rewritten} 个文件，沿用 {kept} 个，删除 {removed} 个；用时 {elapsed:.1f} 秒"
                   + (f"；{there}" if there else ""))
    if outcome.carried:
        names = "、".join(f"{c.enterprise}（{c.site_file}）" for c in outcome.carried)
        typer.echo(f"  另有 {len(outcome.carried)} 家企业本次没有生成，文件夹完好，仍列在清单和印刷清单中：{names}"
                   "（不再需要时删除其文件夹）")
    _print_not_made(outcome, dry_run)


def _print_not_made(outcome: RenderOutcome, dry_run: bool) -> None:
    """The boards not made, by enterprise, each with the problems that block it (the run's exit code is then 1).

    An enterprise whose every unmade board is blocked by the same problems (an empty
    企业名称 blocks all seven kinds) gets those problems once, not once per board.
    """
    missing = outcome.not_made
    if not missing:
        return
    verb = "不会生成" if dry_run else "没有生成"
    others = any(site.forms for site in outcome.sites) or bool(outcome.carried)
    typer.echo(f"{len(missing)} 块牌{verb}（改正下列问题后再次运行即可补上"
               + ("，其余的牌不受影响）：" if others else "）："))
    by_site: dict[int, list[tuple[SiteOutcome, BlockedEntry]]] = {}
    for site, item in missing:
        by_site.setdefault(id(site), []).append((site, item))
    for group in by_site.values():
        site = group[0][0]
        typer.echo(f"  {site.enterprise or site.input.name}：")
        reasons = {tuple(item.reasons or ()) for _, item in group}
        if len(group) > 1 and len(reasons) == 1 and not any(item.file for _, item in group):
            forms = "、".join(dict.fromkeys(item.form for _, item in group))
            if site.status == "failed":  # its problems were printed as it failed, just above
                typer.echo(f"    附表 {forms} 共 {len(group)} 块，原因见上")
                continue
            typer.echo(f"    附表 {forms} 共 {len(group)} 块，原因相同：")
            for reason in reasons.pop():
                typer.echo(f"      {reason}")
            continue
        for _, item in group:
            kept = f"；文件夹中仍是上次的 {item.file}" if item.file else ""
            typer.echo(f"    附表 {item.form} {item.subject or ''}{kept}")
            for reason in item.reasons or []:
                typer.echo(f"      {reason}")


def preview(
    files: list[str] = typer.Argument(..., metavar="文件…", autocompletion=yaml_files,
                                      help="站点文件（.yaml）", show_default=False),
    outdir: Path = typer.Option(..., "--output", "-o", metavar="目录", help="PNG 输出文件夹"),
    width: int = typer.Option(1200, "--width", metavar="像素", min=50, max=20000, help="预览图宽度（像素），各牌按各自尺寸换算分辨率"),
    fonts: FontMode | None = FONTS_OPTION,
    title_font: str | None = TITLE_FONT_OPTION,
    body_font: str | None = BODY_FONT_OPTION,
    config: Path | None = CONFIG_OPTION,
    watch: bool = WATCH_OPTION,
) -> None:
    # the library is imported here, not at the top, so that ``signkit --help`` does not load it
    from signkit.cli.report import text_report
    from signkit.pipeline.preview import preview_files

    _watchable(files, watch)
    settings = config_or_exit(config, files)
    fontset = fonts_or_exit(settings, fonts, title_font, body_font)
    refuse_stand_ins(fontset.diagnostics)
    outcome = preview_files(files, outdir, fontset, width=width, sign_folder=settings.sign_folder)
    if not all(r.ok() for r in outcome.reports):
        typer.echo(text_report(outcome.reports, show_plan=False))
    for diag in outcome.diagnostics:
        typer.echo(diag.render())
    if not outcome.exit_code:
        typer.echo(f"已生成 {len(outcome.pictures)} 张预览图：{outdir}")
    if watch:
        from signkit.cli.watching import watch_preview

        def prepare(again: Config) -> FontSet:
            return fonts_or_exit(again, fonts, title_font, body_font)

        with _terminate_as_interrupt():
            watch_preview(files, outdir, config, settings, prepare, fontset, width)
    raise typer.Exit(outcome.exit_code)
