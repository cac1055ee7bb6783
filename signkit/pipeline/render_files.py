"""Rendering site files to an output folder, as one library call the CLI and tests share.

Order of work, so that a failure never leaves a partial or inconsistent set behind:
take the output lock and sweep temporary files killed runs left → mark the top-level
manifest interim and set the print order aside (``top.py``) → for each enterprise,
check (with glyph coverage), build its boards in memory, only then write its folder
(atomic files, manifest last) → the top-level manifest and print order, which describe
everything in OUTDIR (enterprises not in this run included, as long as their folders
are intact) → mark the reprint lists delivered.  Every write failure becomes SK802
with a Chinese reason, never a traceback.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from signkit.diagnostics import Diagnostic, Location, Severity
from signkit.errors import describe_os_error
from signkit.fonts import FontSet
from signkit.output.atomic import LinkError, kill_point, remove_temp_files
from signkit.output.claims import end_claims, start_claims
from signkit.output.lock import LockError, OutputLock
from signkit.output.manifest import (
    BlockedEntry,
    IndexedEnterprise,
    read_top_manifest,
)
from signkit.output.publish import WrittenFile, acknowledge
from signkit.pipeline.check import FileReport
from signkit.pipeline.fitting import cli_size_diagnostics
from signkit.pipeline.inputs import collect_inputs
from signkit.pipeline.jobs import run_jobs
from signkit.pipeline.options import DEFAULTS, RenderOptions
from signkit.pipeline.reprint import Reprint
from signkit.pipeline.site_job import SiteOutcome
from signkit.pipeline.top import begin_top, finish_top


@dataclass
class RenderOutcome:
    sites: list[SiteOutcome] = field(default_factory=list)
    reports: list[FileReport] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)  # build-stage problems (SK5xx)
    written: list[WrittenFile] = field(default_factory=list)
    folders: list[Path] = field(default_factory=list)
    usage_error: bool = False
    #: OUTDIR held no top-level manifest when the run began: everything is new to everyone.
    first_run: bool = False
    #: Enterprises of an earlier run that this run did not render (site file not given, or
    #: failing now) whose folders are intact: still listed in the top manifest and print order.
    carried: list[IndexedEnterprise] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.usage_error and not any(s.failed or s.not_made for s in self.sites) and not any(
            d.is_error for d in self.diagnostics) and all(r.ok() for r in self.reports)

    @property
    def not_made(self) -> list[tuple[SiteOutcome, BlockedEntry]]:
        """Every planned board not made, with its enterprise: the list the run ends with."""
        return [(site, item) for site in self.sites for item in site.not_made]

    @property
    def output_error(self) -> bool:
        """Something could not be written (SK801 lock, SK802 disk full, no permission…, SK804 a planted link): exit 2."""
        return any(d.rule in ("SK801", "SK802", "SK804") for d in self.diagnostics) or any(
            d.rule in ("SK802", "SK804") for site in self.sites for d in site.diagnostics)

    @property
    def reprints(self) -> list[Reprint]:
        return [r for site in self.sites for r in site.reprints]


def render_files(files: Sequence[str], outdir: Path, fonts: FontSet, options: RenderOptions = DEFAULTS, *,
                 progress: Callable[[SiteOutcome, int, int], None] | None = None,
                 read_stdin: Callable[[], str] | None = None, keep: bool = True,
                 deliver: Callable[[RenderOutcome], None] | None = None) -> RenderOutcome:
    """Check, build and write the boards of ``files`` (files, folders, ``-``) into ``outdir``.

    ``options`` go unchanged to every enterprise's job, in this process or a worker's.
    Each enterprise succeeds or fails on its own: a file with errors gets nothing drawn
    and the others go on (``options.fail_fast`` stops at the first failure).  Reruns
    rewrite only boards whose build hash changed and remove boards that no longer exist;
    the outcome's reprint list follows the content hash.  ``options.dry_run`` writes
    nothing and renders nothing (boards are laid out and hashed only).
    ``options.sign_folder`` (``signkit.toml``'s) serves site files that name no 输出.标志文件夹.
    ``keep`` (honoured at ``options.jobs == 1`` only) returns each enterprise's check report and
    written files, PDF bytes included, in the outcome: handy in-process, but memory then
    grows with the batch, so the CLI passes ``keep=False``.
    ``deliver`` is called with the finished outcome once the top-level manifest is written,
    still under the lock, to hand the reprint list on (the CLI prints it there); only
    after it returns are the enterprise manifests told the list was delivered, so a run
    stopped before that lists the same reprints again next time rather than never.
    """
    outcome = RenderOutcome()
    dry_run = options.dry_run
    size_problems = cli_size_diagnostics(dict(options.sizes))
    if size_problems:
        outcome.diagnostics.extend(size_problems)
        outcome.usage_error = True
        return outcome
    inputs = collect_inputs(files, read_stdin, max_bytes=options.max_bytes)
    if not inputs:
        outcome.diagnostics.append(Diagnostic("SK001", Severity.ERROR, "没有找到站点文件（*.yaml、*.yml）",
                                              Location("、".join(files))))
        outcome.usage_error = True
        return outcome
    lock = None if dry_run else OutputLock(outdir)
    created = not os.path.lexists(outdir)  # made by this run: removed again if the run leaves it empty
    try:
        if lock is not None:
            lock.__enter__()
            remove_temp_files(outdir)  # what killed runs left; under the lock, so nobody is writing them
            start_claims(outdir)
    except LockError as busy:
        outcome.diagnostics.append(Diagnostic("SK801", Severity.ERROR, str(busy), Location(str(outdir)),
                                              "等另一个运行结束后再试"))
        outcome.usage_error = True
        return outcome
    except LinkError as planted:
        outcome.diagnostics.append(Diagnostic("SK804", Severity.ERROR, str(planted), Location(str(outdir)),
                                              "输出文件夹中不应有指向别处的链接；确认无误后删除它"))
        outcome.usage_error = True
        return outcome
    except OSError as failure:
        if lock is not None:
            lock.__exit__(None, None, None)
        outcome.diagnostics.append(Diagnostic("SK802", Severity.ERROR,
                                              f"无法写入输出文件夹：{describe_os_error(failure)}",
                                              Location(str(outdir)), "请检查输出文件夹是否可写、磁盘是否已满"))
        outcome.usage_error = True
        return outcome
    previous_top = read_top_manifest(outdir)  # a damaged one is written anew
    outcome.first_run = previous_top is None
    if lock is not None:
        try:
            begin_top(outdir, previous_top)
        except OSError as failure:
            end_claims(outdir)
            lock.__exit__(None, None, None)
            outcome.diagnostics.append(_write_failure("无法写入输出文件夹的清单", failure, outdir))
            outcome.usage_error = True
            return outcome
    outcomes = run_jobs(inputs, outdir, fonts, options, keep=keep)
    try:
        results: dict[int, SiteOutcome] = {}
        order = {job: index for index, job in enumerate(inputs)}  # SiteInput compares by value (workers send copies)
        for count, site in enumerate(outcomes, start=1):
            results[order.get(site.input, len(inputs) + len(results))] = site
            if progress is not None:
                progress(site, count, len(inputs))
        outcome.sites = [results[i] for i in sorted(results)]
        for site in outcome.sites:
            if site.report is not None:
                outcome.reports.append(site.report)
            outcome.diagnostics.extend(d for d in site.diagnostics if site.report is None
                                       or d not in site.report.diagnostics)
            outcome.written.extend(site.written)
            if site.folder and not dry_run and not site.failed:
                outcome.folders.append(outdir / site.folder)
        if any(site.status == "unreadable" for site in outcome.sites):
            outcome.usage_error = True
        top_written = False
        if not dry_run:
            try:
                top = finish_top(outcome.sites, outdir, fonts, previous_top)
                outcome.carried.extend(top.carried)
                outcome.diagnostics.extend(top.diagnostics)
                top_written = True
            except OSError as failure:
                outcome.diagnostics.append(_write_failure("无法写入清单或印刷清单", failure, outdir))
        if deliver is not None:
            deliver(outcome)
        if top_written:
            try:
                _acknowledge(outcome, outdir)
            except OSError as failure:
                outcome.diagnostics.append(_write_failure("无法更新企业清单", failure, outdir))
    finally:
        outcomes.close()  # an interrupted run terminates its workers here, before the lock is released
        if lock is not None:
            end_claims(outdir)
            lock.__exit__(None, None, None)
        if created:
            _remove_if_empty(outdir)
    return outcome


def _remove_if_empty(outdir: Path) -> None:
    """A run that wrote nothing (every enterprise failed) leaves no empty output folder behind."""
    with contextlib.suppress(OSError):  # not empty, or gone: either way nothing to do
        outdir.rmdir()


def _write_failure(what: str, failure: OSError, outdir: Path) -> Diagnostic:
    return Diagnostic("SK802", Severity.ERROR, f"{what}：{describe_os_error(failure)}", Location(str(outdir)),
                      "请检查输出文件夹是否可写、磁盘是否已满；各企业文件夹中已写入的文件完整，再次运行会补写清单")


def _acknowledge(outcome: RenderOutcome, outdir: Path) -> None:
    """The run is finished and its reprint list is in ``outcome``: drop the baselines kept for it."""
    kill_point("top")
    for site in outcome.sites:
        if site.unreported and site.folder and not site.failed:
            acknowledge(outdir / site.folder)
