"""``render --watch`` and ``preview --watch``: after the first run, one short line per rebuild until Ctrl-C.

The loop itself is :class:`signkit.pipeline.watch.Watch`; this module says what each
rebuild prints.  A mistake saved into the site file is reported like in any run and
the watch goes on — the next save that fixes it rebuilds; a broken ``signkit.toml``
keeps the last good settings until it is fixed.  Ctrl-C ends the watch with exit 0:
stopping it is how it is meant to end.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeVar

import typer

Prepared = TypeVar("Prepared")

if TYPE_CHECKING:
    from signkit.fonts import FontSet
    from signkit.pipeline.config import Config
    from signkit.pipeline.options import RenderOptions
    from signkit.pipeline.render_files import RenderOutcome


def _what(changes: Sequence[str]) -> str:
    """``site.yaml 有改动`` / ``a.yaml、b.yaml 等 5 个文件有改动``."""
    names = list(dict.fromkeys(Path(name).name for name in changes))
    shown = "、".join(names[:2])
    return f"{shown} 等 {len(names)} 个文件有改动" if len(names) > 2 else f"{shown} 有改动"


def _stamp() -> str:
    return time.strftime("%H:%M:%S")


def _refreshed(config: Path | None, files: Sequence[str], changes: Sequence[str], state: dict[str, Config],
               prepare: Callable[[Config], Prepared], holder: list[Prepared]) -> bool:
    """Take a changed configuration in (``holder[0]`` prepared from it); false when this change is not to be built.

    A broken config file (reported by :func:`_reload`) or one naming a font that cannot
    be used keeps the last good settings: the watch goes on, and saving a fix rebuilds.
    """
    again = _reload(config, files, changes, state["settings"])
    if again is None:
        return False
    if again is not state["settings"]:
        try:
            holder[0] = prepare(again)
        except typer.Exit:  # a font it names cannot be used: reported, the last good settings stay
            typer.echo(f"[{_stamp()}] {_what(changes)}：配置文件中的字体无法使用，未重新生成；改正后保存即可")
            return False
        state["settings"] = again
    return True


def _reload(config: Path | None, files: Sequence[str], changes: Sequence[str], settings: Config) -> Config | None:
    """The configuration again if a config file changed (``None``: it is broken now, already reported)."""
    from signkit.errors import SignkitError
    from signkit.pipeline.config import CONFIG_NAME, PYPROJECT, config_start, load_config

    if not any(Path(name).name in (CONFIG_NAME, PYPROJECT) for name in changes):
        return settings
    try:
        return load_config(config, start=config_start(files))
    except SignkitError as failure:
        for diag in failure.diagnostics:
            typer.echo(diag.render())
        typer.echo(f"[{_stamp()}] {_what(changes)}：配置文件有误，未重新生成；改正后保存即可")
        return None


def _config_paths(settings: Config) -> list[Path]:
    """The config file and its sign folder, when there are."""
    paths = [settings.path] if settings.path is not None else []
    return paths + ([settings.sign_folder.path] if settings.sign_folder is not None else [])


def _stopped() -> NoReturn:
    typer.echo("已停止监视。")
    raise typer.Exit(0)


def _watch_until_stopped(paths: Callable[[], Iterable[Path]], outdir: Path, rebuild: Callable[[list[str]], None],
                         what: str) -> NoReturn:
    """Run ``rebuild`` on each settled change until Ctrl-C (or SIGTERM): both end with exit 0 and a word."""
    from signkit.pipeline.watch import Watch

    typer.echo(f"正在监视输入的改动，保存后自动{what}（Ctrl-C 结束）……")
    try:
        Watch(paths, skip=[outdir]).run(rebuild)
    except KeyboardInterrupt:
        _stopped()
    _stopped()


def watch_render(files: Sequence[str], outdir: Path, config: Path | None, settings: Config,
                 prepare: Callable[[Config], tuple[FontSet, RenderOptions]],
                 current: tuple[FontSet, RenderOptions], show_reprints: Callable[[RenderOutcome], None]) -> NoReturn:
    """Watch the inputs of a render and run it again on each save (only changed boards are rewritten).

    ``show_reprints`` prints a rebuild's reprint list as ``render`` does (the list is
    handed on once, whether the run was watched or not).
    """
    from signkit.pipeline.render_files import render_files
    from signkit.pipeline.watch import input_paths, sign_paths

    state = {"settings": settings}
    run = [current]
    signs = [sign_paths(outdir)]

    def paths() -> list[Path]:
        extra = _config_paths(state["settings"])
        return [*input_paths(files, outdir), *extra, *signs[0]]

    shown = [0]  # diagnostics printed by deliver; a run stopped before it (the folder locked) prints them after

    def deliver(done: RenderOutcome) -> None:
        for diag in done.diagnostics:
            typer.echo(diag.render())
        shown[0] = len(done.diagnostics)
        show_reprints(done)

    def rebuild(changes: list[str]) -> None:
        if not _refreshed(config, files, changes, state, prepare, run):
            return
        fontset, options = run[0]
        shown[0] = 0
        outcome = render_files(files, outdir, fontset, options, keep=False, deliver=deliver)
        for diag in outcome.diagnostics[shown[0]:]:
            typer.echo(diag.render())
        signs[0] = sign_paths(outdir)
        typer.echo(f"[{_stamp()}] {_what(changes)}：{_render_summary(outcome)}")

    _watch_until_stopped(paths, outdir, rebuild, "重新生成")


def _render_summary(outcome: RenderOutcome) -> str:
    """写入 1 个文件，沿用 6 个 (and what went wrong), in one line."""
    written = sum(len(site.rewritten) for site in outcome.sites)
    kept = sum(len(site.kept) for site in outcome.sites)
    removed = sum(len(site.removed) for site in outcome.sites)
    text = f"写入 {written} 个文件，沿用 {kept} 个" + (f"，删除 {removed} 个" if removed else "")
    errors = sum(d.is_error for d in outcome.diagnostics)
    failed = sum(site.failed for site in outcome.sites)
    if failed:
        text += f"；{failed} 家企业未生成"
    if outcome.not_made:
        text += f"；{len(outcome.not_made)} 块牌没有生成"
    if errors:
        text += f"；{errors} 个错误（见上）"
    return text


def watch_preview(files: Sequence[str], outdir: Path, config: Path | None, settings: Config,
                  prepare: Callable[[Config], FontSet], fontset: FontSet, width: int) -> NoReturn:
    """Watch the inputs of a preview and draw the pictures again on each save."""
    from signkit.cli.report import text_report
    from signkit.pipeline.preview import preview_files
    from signkit.pipeline.watch import input_paths

    state = {"settings": settings}
    fonts = [fontset]

    def paths() -> list[Path]:
        extra = _config_paths(state["settings"])
        return [*input_paths(files, outdir), *extra]

    def rebuild(changes: list[str]) -> None:
        if not _refreshed(config, files, changes, state, prepare, fonts):
            return
        current = state["settings"]
        outcome = preview_files(files, outdir, fonts[0], width=width,
                                sign_folder=current.sign_folder)
        if not all(r.ok() for r in outcome.reports):
            typer.echo(text_report(outcome.reports, show_plan=False))
        for diag in outcome.diagnostics:
            typer.echo(diag.render())
        result = f"生成 {len(outcome.pictures)} 张预览图" if not outcome.exit_code else "有错误，未生成预览图（见上）"
        typer.echo(f"[{_stamp()}] {_what(changes)}：{result}")

    _watch_until_stopped(paths, outdir, rebuild, "重新生成预览图")
