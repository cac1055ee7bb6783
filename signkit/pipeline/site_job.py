"""One enterprise's job, from site file to published folder: read, check, skip or build, publish.

This is what a worker process runs for each enterprise (:mod:`signkit.pipeline.jobs`),
and it returns a small summary (:class:`SiteOutcome`) rather than the boards, so a
batch's memory does not grow with its size.  The job decides whether anything needs
doing (the input hash and the disk: :mod:`signkit.pipeline.incremental`), which boards
can be kept from the last run (their build hash), what the reprint list is, and then
hands the built boards to :func:`signkit.output.publish.publish`.  Bad input never
raises: it ends as a failed outcome with its diagnostics.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from signkit.diagnostics import Diagnostic, Location, Severity, format_path
from signkit.excel.reader import ImportedSite, read_workbook
from signkit.fonts import FontSet
from signkit.load.source import SourceText, read_bytes, read_source
from signkit.output.atomic import LinkError, real_folder
from signkit.output.claims import claim
from signkit.output.manifest import (
    BlockedEntry,
    BoardEntry,
    EnterpriseManifest,
    ExtraEntry,
    board_key,
    file_sha256,
    manifest_intact,
    read_manifest,
)
from signkit.output.names import assign_names, safe_name
from signkit.output.publish import WrittenFile, publish
from signkit.pipeline.build import build_site
from signkit.pipeline.check import FileReport, check_imported, check_source
from signkit.pipeline.extras import make_extras
from signkit.pipeline.incremental import input_hash, previous_folder, sign_inputs, signs_digest, site_base
from signkit.pipeline.inputs import SiteInput
from signkit.pipeline.options import RenderOptions
from signkit.pipeline.reprint import Reprint, reprint_list
from signkit.plan.board_fields import board_fields
from signkit.plan.boards import PlannedBoard


@dataclass
class SiteOutcome:
    """What happened to one enterprise: small and picklable, so workers can send it back."""

    input: SiteInput
    enterprise: str = ""
    folder: str = ""
    status: str = "failed"  # rendered / unchanged / failed / unreadable / checked
    diagnostics: list[Diagnostic] = field(default_factory=list)
    rewritten: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    forms: dict[str, int] = field(default_factory=dict)
    reprints: list[Reprint] = field(default_factory=list)
    entries: list[BoardEntry] = field(default_factory=list)
    #: The print-shop companions written (the imposed sheets are in the print order).
    extras: list[ExtraEntry] = field(default_factory=list)
    written: list[WrittenFile] = field(default_factory=list)  # in-process runs only
    report: FileReport | None = None  # in-process runs only
    #: The manifest keeps a baseline until this reprint list is handed on (render_files acknowledges it).
    unreported: bool = False
    #: Planned boards not made because their own data has a problem (the others were made), and why.
    not_made: list[BlockedEntry] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.status in ("failed", "unreadable")


#: What :func:`process_site` gives ``build_site`` as a "kept" file's sha256 in a dry run, so that
#: boards are laid out and hashed but never rendered (nothing is written, nothing needs the bytes).
_NOT_RENDERED = "not-rendered"


def process_site(job: SiteInput, outdir: Path, fonts: FontSet, options: RenderOptions, *, keep: bool = False
                 ) -> SiteOutcome:
    """Run one enterprise from site file to published folder; never raises for bad input."""
    skipped = unchanged_outcome(job, outdir, fonts, options)
    if skipped is not None:
        return skipped
    outcome = SiteOutcome(job)
    check: Callable[[], FileReport]
    if job.workbook:
        imported = _imported(job, outcome)
        if imported is None:
            return outcome
        raw = json.dumps([job.name, imported.data], ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")
        skipped = _skipped(job, outdir, fonts, options, raw)
        if skipped is not None:
            return skipped

        def check() -> FileReport:
            return check_imported(imported, fonts=fonts, sign_folder=options.sign_folder, selection=options.selection)
    else:
        if job.data is not None:
            source = read_bytes(job.data, job.name, max_bytes=options.max_bytes)
            raw = job.data
        else:
            assert job.path is not None
            source = read_source(job.path, max_bytes=options.max_bytes, display=job.name)
            raw = job.path.read_bytes() if source.text is not None else b""
        if source.text is None:
            outcome.diagnostics = list(source.diagnostics)
            outcome.status = "unreadable" if source.unreadable else "failed"
            return outcome
        text = source.text

        def check() -> FileReport:
            return check_source(SourceText(job.name, text), fonts=fonts, sign_folder=options.sign_folder,
                                selection=options.selection)
    report = check()
    outcome.diagnostics = list(report.diagnostics)
    if keep:
        outcome.report = report
    if report.site is None or report.source is None:
        return outcome
    if options.all_or_nothing and not report.ok(options.strict):
        return outcome
    blocked = report.blockers(options.strict)
    if len(blocked) == len(report.plan):  # nothing can be made: leave the folder as it is
        outcome.not_made = _blocked_entries(report.plan, blocked)
        return outcome
    site = report.site
    record = sign_inputs(site, site_base(report.source.file))
    digest = input_hash(raw, options, fonts, signs=signs_digest(record))
    outcome.enterprise = site.enterprise.name
    name = safe_name(site.enterprise.name)
    holder = claim(outdir, name, job.name)
    if holder is not None:
        return _shared(outcome, name, holder, report.source.locate(("企业", "企业名称")))
    try:
        folder = real_folder(outdir, name, create=False)
    except LinkError as planted:
        outcome.diagnostics.append(Diagnostic("SK804", Severity.ERROR, str(planted), Location(str(outdir / name))))
        return outcome
    outcome.folder = folder.name
    old = read_manifest(folder)
    if old.damaged:
        outcome.diagnostics.append(Diagnostic(
            "SK803", Severity.WARNING, "上次的清单 manifest.json 已损坏，无法与上次比较：本企业的牌全部按新增列出",
            Location(str(folder / "manifest.json")), "请核对重印清单；本次运行会写入新的清单"))
    if not options.force and old.input_hash == digest and manifest_intact(folder, old):
        return _unchanged(outcome, folder.name, old)
    previous = {e.key: e for e in old.files}

    def reuse(planned: PlannedBoard, build: str) -> str | None:
        if options.dry_run:
            return _NOT_RENDERED
        if options.force:
            return None
        entry = previous.get(board_key(planned.form_id, planned.subject))
        if entry is None or entry.build_hash != build:
            return None
        sha = file_sha256(folder / entry.file)
        return sha if sha == entry.sha256 else None

    result = build_site(site, report.source, fonts, options, reuse=reuse, skip=blocked)
    outcome.diagnostics.extend(result.diagnostics)
    if result.not_made and options.all_or_nothing:
        return outcome
    not_made = _blocked_entries(report.plan, {**blocked, **result.not_made})
    if not result.boards:
        outcome.not_made = not_made
        return outcome
    fields = [board_fields(site, built.planned) for built in result.boards]
    names = assign_names(result)
    planned_entries = [
        BoardEntry(file=names[i], form=b.planned.form_id, subject=b.planned.subject, copies=b.copies,
                   maker=b.planned.maker, hangs=b.planned.hangs, content_hash=b.board.content_hash,
                   content_hash_v1=b.board.legacy_hash, key=board_key(b.planned.form_id, b.planned.subject),
                   fields=fields[i])
        for i, b in enumerate(result.boards)]
    # a board not made this time keeps its earlier version (publish carries it): nothing to print or take down
    waiting = {item.key for item in not_made}
    planned_entries.extend(entry for entry in old.files if entry.key in waiting)
    # against the boards the last *delivered* list knew, so a killed run's changes are listed again
    outcome.reprints = reprint_list(site.enterprise.name, old.delivered_boards(), planned_entries)
    if options.dry_run:
        outcome.status = "checked"
        _count_forms(outcome, planned_entries)
        return outcome
    made, unmade = make_extras(result, fonts, options, source=job.name) if options.companions else ([], [])
    outcome.diagnostics.extend(unmade)
    outcome.unreported = bool(outcome.reprints)
    try:
        published = publish(result, outdir, folder=site.enterprise.name, site_file=job.name,
                            enterprise=site.enterprise.name, revised=site.enterprise.revised.isoformat(),
                            extras=made, fields=fields, input_hash=digest, signs=record,
                            unreported=outcome.unreported, blocked=not_made)
    except LinkError as planted:  # a link planted below the folder (its 分块/): nothing was written through it
        outcome.diagnostics.append(Diagnostic("SK804", Severity.ERROR, str(planted), Location(str(folder))))
        outcome.status = "failed"
        return outcome
    outcome.not_made = published.blocked
    written_manifest = read_manifest(published.folder)
    outcome.entries, outcome.extras = _summary(written_manifest.files), written_manifest.extras
    outcome.rewritten, outcome.kept, outcome.removed = published.rewritten, published.kept, published.removed
    _count_forms(outcome, outcome.entries)
    if keep:
        outcome.written = published.written
    outcome.status = "rendered"
    return outcome


def unchanged_outcome(job: SiteInput, outdir: Path, fonts: FontSet, options: RenderOptions) -> SiteOutcome | None:
    """The outcome of a site file whose inputs did not change since the last run, found without parsing it.

    ``None`` when it must be processed: it is new here, or a workbook (read first, then
    hashed), or ``--force``, or its bytes, sign files, options or fonts changed, or its
    folder no longer matches its manifest.  Cheap (a read and some hashes), so the batch
    runner calls it before deciding whether a pool of workers is worth starting.
    """
    if options.force or job.workbook or previous_folder(outdir, job.name) is None:
        return None
    if job.data is not None:
        raw = job.data
    else:
        assert job.path is not None
        try:
            if job.path.stat().st_size > options.max_bytes:  # too large to be read: process_site says so
                return None
            raw = job.path.read_bytes()
        except OSError:  # process_site says why, located
            return None
    return _skipped(job, outdir, fonts, options, raw)


def _skipped(job: SiteInput, outdir: Path, fonts: FontSet, options: RenderOptions, raw: bytes) -> SiteOutcome | None:
    """:func:`unchanged_outcome` once the input's bytes (a workbook's: its enterprise's data) are known."""
    known = previous_folder(outdir, job.name)
    if known is None or options.force:  # a dry run may skip too: it reads, and writes nothing
        return None
    old = read_manifest(outdir / known)
    recorded = old.signs
    # the sign files recorded last time are the candidates again (same site file, same folder)
    if recorded is None or recorded.base != site_base(job.display) \
            or old.input_hash != input_hash(raw, options, fonts, signs=signs_digest(recorded)) \
            or not manifest_intact(outdir / known, old):
        return None
    outcome = SiteOutcome(job)
    holder = claim(outdir, known, job.name)
    if holder is None:
        return _unchanged(outcome, known, old)
    return _shared(outcome, known, holder, Location(job.display))


def _shared(outcome: SiteOutcome, folder: str, holder: str, where: Location) -> SiteOutcome:
    """Refuse an enterprise whose folder another enterprise of this run has already claimed (SK805)."""
    outcome.diagnostics.append(Diagnostic(
        "SK805", Severity.ERROR,
        f"「{outcome.enterprise or folder}」与 {holder} 中的企业会写入同一个输出文件夹「{folder}」，本企业未生成",
        where, "两家企业的企业名称相同，或只差大小写、全半角或过长的部分；请用可区分的企业名称（如加上厂区或分公司名）"))
    outcome.status = "failed"
    return outcome


def _blocked_entries(plan: Sequence[PlannedBoard], blocked: dict[int, list[Diagnostic]]) -> list[BlockedEntry]:
    """The manifest's record of the boards not made, in plan order, each with its problems as ``check`` prints them."""
    out: list[BlockedEntry] = []
    for index in sorted(blocked):
        planned = plan[index]
        reasons = [_reason(diag) for diag in dict.fromkeys(blocked[index])]
        out.append(BlockedEntry(form=planned.form_id, subject=planned.subject,
                                key=board_key(planned.form_id, planned.subject), reasons=reasons))
    return out


def _reason(diag: Diagnostic) -> str:
    """A problem as the list of boards not made shows it: where in the file, what, and its rule id."""
    loc = diag.location
    where = f"第 {loc.line} 行 " if loc.line is not None else (f"{loc.sheet}!{loc.cell} " if loc.sheet else "")
    path = format_path(loc.path)
    return f"{where}{path + ' ' if path else ''}{diag.message} [{diag.rule}]"


def _unchanged(outcome: SiteOutcome, folder: str, old: EnterpriseManifest) -> SiteOutcome:
    """Nothing that shapes this enterprise's files changed: report the finished manifest as it is.

    If that manifest still holds a baseline, its reprint list was never delivered (the
    run that wrote it was killed before the end), so it is listed now.
    """
    outcome.status, outcome.folder = "unchanged", folder
    outcome.enterprise = old.enterprise or ""
    outcome.entries = _summary(old.files)
    outcome.extras = old.extras
    outcome.not_made = list(old.blocked or [])
    outcome.kept = [e.file for e in outcome.entries]
    _count_forms(outcome, outcome.entries)
    if old.undelivered:
        outcome.reprints = reprint_list(outcome.enterprise, old.delivered_boards(), old.files)
        outcome.unreported = True
    return outcome


def _summary(entries: Sequence[BoardEntry]) -> list[BoardEntry]:
    """The entries as the run's parent needs them (the top manifest, the print order): without ``fields``.

    The fields explain reprints and stay in the enterprise's own manifest; they are more than
    half of an entry, and the parent holds the entries of every enterprise of the batch.
    """
    return [entry.model_copy(update={"fields": None}) if entry.fields is not None else entry for entry in entries]


def _count_forms(outcome: SiteOutcome, entries: Sequence[BoardEntry]) -> None:
    for entry in entries:
        form = entry.form or ""
        outcome.forms[form] = outcome.forms.get(form, 0) + 1


def _imported(job: SiteInput, outcome: SiteOutcome) -> ImportedSite | None:
    """The enterprise ``job`` names in its workbook, or ``None`` with the reasons in ``outcome``."""
    assert job.path is not None
    book = read_workbook(job.path, display=job.display)
    position = job.index or 0
    if position >= len(book.sites):
        outcome.diagnostics = list(book.diagnostics) or [Diagnostic(
            "SK902", Severity.ERROR, "工作簿在读取期间发生了变化，找不到这家企业", Location(job.display))]
        outcome.status = "unreadable" if book.unreadable else "failed"
        return None
    return book.sites[position]
