"""Rendering site files to an output folder, as one library call the CLI and tests share.

Order of work, so that a failure never leaves a partial or inconsistent set behind:
take the output lock and sweep temporary files killed runs left → for each enterprise,
check (with glyph coverage), build its boards in memory, only then write its folder
(atomic files, manifest last) → the top-level manifest and print order, which describe
everything in OUTDIR (enterprises not in this run included, as long as their folders
are intact) → mark the reprint lists delivered.  Every write failure becomes SK802
with a Chinese reason, never a traceback.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from signkit._version import __version__
from signkit.diagnostics import Diagnostic, Location, Severity
from signkit.errors import describe_os_error
from signkit.fonts import FontSet
from signkit.fonts.identity import fontset_identity
from signkit.output.atomic import LinkError, atomic_write_bytes, atomic_write_text, kill_point, remove_temp_files
from signkit.output.claims import end_claims, start_claims
from signkit.output.lock import LockError, OutputLock
from signkit.output.manifest import (
    MANIFEST,
    BlockedEntry,
    BoardEntry,
    IndexedEnterprise,
    TopManifest,
    file_sha256,
    manifest_intact,
    read_manifest,
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
from signkit.printshop.order import OrderRow, order_board, order_csv, order_rows
from signkit.render.pdf import PrintSpec, render_pdf

ORDER_CSV = "印刷清单.csv"


ORDER_PDF = "印刷清单.pdf"


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


def write_order(rows: list[OrderRow], outdir: Path, fonts: FontSet, outcome: RenderOutcome) -> None:
    """印刷清单.csv and 印刷清单.pdf at the top of ``outdir``."""
    atomic_write_bytes(outdir / ORDER_CSV, order_csv(rows))
    board, misfits = order_board(rows, fonts)
    atomic_write_bytes(outdir / ORDER_PDF, render_pdf(board, fonts, spec=PrintSpec(pdfx=False)))
    if misfits:
        outcome.diagnostics.append(Diagnostic(
            "SK503", Severity.WARNING, f"印刷清单 PDF 中有 {misfits} 个格子的文字放不下，已留空；完整内容见 {ORDER_CSV}",
            Location(str(outdir / ORDER_PDF))))


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
    inputs = collect_inputs(files, read_stdin)
    if not inputs:
        outcome.diagnostics.append(Diagnostic("SK001", Severity.ERROR, "没有找到站点文件（*.yaml、*.yml）",
                                              Location("、".join(files))))
        outcome.usage_error = True
        return outcome
    lock = None if dry_run else OutputLock(outdir)
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
                _write_top(outcome, outdir, fonts, previous_top)
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
    return outcome


def _write_failure(what: str, failure: OSError, outdir: Path) -> Diagnostic:
    return Diagnostic("SK802", Severity.ERROR, f"{what}：{describe_os_error(failure)}", Location(str(outdir)),
                      "请检查输出文件夹是否可写、磁盘是否已满；各企业文件夹中已写入的文件完整，再次运行会补写清单")


def _carried(outcome: RenderOutcome, outdir: Path, previous_top: TopManifest | None
             ) -> list[tuple[IndexedEnterprise, list[BoardEntry]]]:
    """Enterprises of the last run that this one did not render, whose folders are still intact.

    The top manifest and 印刷清单 describe what is in OUTDIR: a print shop given the folder
    prints what the list says, so an enterprise dropped silently would be missed, and one
    listed whose files are gone would be printed from nothing.  An enterprise is carried
    over when this run did not render it (its site file was not given, or failed) and its
    own manifest is finished and matches the disk; removing its folder removes it.
    Each comes as its index entry (without files) and the boards its own manifest lists.
    """
    done = {site.input.name for site in outcome.sites if not site.failed and site.folder}
    claimed = {site.folder for site in outcome.sites if site.folder}
    carried: list[tuple[IndexedEnterprise, list[BoardEntry]]] = []
    for entry in previous_top.enterprises if previous_top is not None else []:
        site_file, folder = entry.site_file or "", entry.folder or ""
        if not folder or site_file in done or folder in claimed or "/" in folder or folder.startswith("."):
            continue
        manifest = read_manifest(outdir / folder)
        if not manifest_intact(outdir / folder, manifest):
            continue
        claimed.add(folder)
        enterprise = manifest.enterprise if manifest.enterprise is not None else entry.enterprise or ""
        carried.append((IndexedEnterprise(enterprise=enterprise, site_file=site_file, folder=folder), manifest.files))
    return carried


def _write_top(outcome: RenderOutcome, outdir: Path, fonts: FontSet, previous_top: TopManifest | None) -> None:
    """The top-level manifest and print order, from every enterprise's manifest entries."""
    index: list[IndexedEnterprise] = []
    rows: list[OrderRow] = []
    for site in outcome.sites:
        if site.failed or not site.folder:
            continue
        rows.extend(order_rows(site.enterprise, site.entries, f"{site.folder}/", site.not_made))
        indexed = IndexedEnterprise(enterprise=site.enterprise, site_file=site.input.name, folder=site.folder,
                                    files=[e.in_folder(site.folder) for e in site.entries])
        if site.not_made:
            indexed = indexed.model_copy(update={"blocked": site.not_made})
        index.append(indexed)
    for carried, found in _carried(outcome, outdir, previous_top):
        folder = carried.folder or ""
        rows.extend(order_rows(carried.enterprise or "", found, f"{folder}/"))
        index.append(carried.model_copy(update={"this_run": False, "files": [e.in_folder(folder) for e in found]}))
        outcome.carried.append(carried)
    if not index:
        return
    order_key = _order_key(rows, fonts)
    if not _order_current(outdir, previous_top, order_key):
        write_order(rows, outdir, fonts, outcome)
    top = TopManifest(signkit=__version__, enterprises=index, print_order=[ORDER_CSV, ORDER_PDF],
                      print_order_key=order_key,
                      print_order_sha256={name: file_sha256(outdir / name) for name in (ORDER_CSV, ORDER_PDF)})
    text = top.to_json()
    try:
        unchanged = (outdir / MANIFEST).read_text(encoding="utf-8") == text
    except OSError:
        unchanged = False
    if not unchanged:
        atomic_write_text(outdir / MANIFEST, text)


def _order_key(rows: list[OrderRow], fonts: FontSet) -> str:
    """What the print order's two files are made from: its rows, the fonts and signkit's version.

    A renamed leader changes a board's content but no row of the print order (sizes,
    quantities, areas), so an incremental rerun need not lay out and render the print
    order's PDF again — about a second of a one-change rerun.
    """
    faces = fontset_identity(fonts)
    digest = hashlib.sha256(order_csv(rows))
    digest.update(json.dumps({"fonts": faces, "signkit": __version__}, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


def _order_current(outdir: Path, previous_top: TopManifest | None, key: str) -> bool:
    """Whether 印刷清单.csv/.pdf on disk were written from ``key`` and are intact (sha256 as recorded)."""
    if previous_top is None or previous_top.print_order_key != key or previous_top.print_order_sha256 is None:
        return False
    recorded = previous_top.print_order_sha256
    return all(recorded.get(name) is not None and file_sha256(outdir / name) == recorded[name]
               for name in (ORDER_CSV, ORDER_PDF))


def _acknowledge(outcome: RenderOutcome, outdir: Path) -> None:
    """The run is finished and its reprint list is in ``outcome``: drop the baselines kept for it."""
    kill_point("top")
    for site in outcome.sites:
        if site.unreported and site.folder and not site.failed:
            acknowledge(outdir / site.folder)
