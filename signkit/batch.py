"""Many site files at once: inputs, one job per enterprise, worker processes, incremental rebuilds, a lock.

Each enterprise is one job that a worker process runs from start to finish — read,
check, lay out, render only what changed, publish — and returns a small summary, so
memory stays bounded whatever the batch size and one bad file never stops the others.
An enterprise whose site file, options, fonts and signkit version are all unchanged,
and whose files on disk still match its manifest, is skipped without even parsing.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from signkit.diagnostics import Diagnostic, Location, Severity
from signkit.fonts import FontSet

if TYPE_CHECKING:
    from signkit.check import FileReport
    from signkit.excel.reader import ImportedSite

STDIN = "-"
#: What a folder is searched for.  Workbooks (.xlsx, .csv) are read only when named
#: explicitly: a folder of site files often holds the spreadsheets they came from or were
#: exported to, and reading both would make every enterprise twice.
SITE_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class SiteInput:
    """One enterprise to process: a site file, text read from standard input, or one enterprise of a workbook."""

    name: str
    path: Path | None = None
    text: str | None = None
    #: For a workbook: which of its enterprises (a roster has one per row); ``None`` for its only one.
    index: int | None = None

    @property
    def workbook(self) -> bool:
        from signkit.excel import is_workbook

        return self.path is not None and self.text is None and is_workbook(self.path)

    @property
    def display(self) -> str:
        """The file name diagnostics show (a roster row's name without its ``#row``)."""
        return self.name.rpartition("#")[0] if self.index is not None else self.name


def collect_inputs(args: Sequence[str], read_stdin: Callable[[], str] | None = None) -> list[SiteInput]:
    """Files as given, folders searched recursively for *.yaml / *.yml (sorted), ``-`` for stdin.

    A workbook named explicitly is one input, or one per enterprise for a regulator's
    roster (named ``名册.xlsx#5`` after the row).
    """
    inputs: list[SiteInput] = []
    for arg in args:
        if arg == STDIN:
            reader = read_stdin or sys.stdin.read
            inputs.append(SiteInput("<stdin>", text=reader()))
            continue
        path = Path(arg)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in SITE_SUFFIXES and p.is_file()
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            inputs.extend(SiteInput(str(p), p) for p in found)
        elif SiteInput(arg, path).workbook:
            inputs.extend(_workbook_inputs(arg, path))
        else:
            inputs.append(SiteInput(arg, path))
    return inputs


def _workbook_inputs(arg: str, path: Path) -> list[SiteInput]:
    from signkit.excel.reader import read_workbook

    book = read_workbook(path, display=arg)
    if book.kind != "roster" or not book.sites:
        return [SiteInput(arg, path)]
    return [SiteInput(f"{arg}#{site.row}", path, index=index) for index, site in enumerate(book.sites)]


@dataclass(frozen=True)
class Options:
    """Everything that shapes the output, besides the site file and the fonts."""

    fit: str = "fail"
    producer: str | None = None
    sizes: tuple[tuple[str, str], ...] = ()
    bleed: float | None = None
    marks: bool | None = None
    strict: bool = False
    max_bytes: int = 4 * 1024 * 1024
    proof: str | None = None
    tile: str | None = None
    impose: str | None = None
    overlap: float = 10.0
    dry_run: bool = False
    force: bool = False


@dataclass
class Reprint:
    """One physical board that must be (re)printed, or taken down, and why."""

    enterprise: str
    form: str
    subject: str
    change: str  # 新增 / 内容变化 / 数量变化 / 撤下
    reasons: list[str]
    maker: str
    hangs: str
    quantity: int
    file: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"enterprise": self.enterprise, "form": self.form, "subject": self.subject, "change": self.change,
                "reasons": self.reasons, "maker": self.maker, "hangs": self.hangs, "quantity": self.quantity,
                "file": self.file}


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
    entries: list[dict[str, Any]] = field(default_factory=list)
    written: list[Any] = field(default_factory=list)  # WrittenFile objects, in-process runs only
    report: Any = None  # the FileReport, in-process runs only

    @property
    def failed(self) -> bool:
        return self.status in ("failed", "unreadable")


def input_hash(data: bytes, options: Options, fonts: FontSet) -> str:
    """Identity of everything an enterprise's files are made from; equal hashes mean nothing to do."""
    from signkit import __version__
    from signkit.hashing import font_identity

    faces = sorted({f"{font_identity(f.path)}#{f.face_index}" for role in ("title", "body") for f in fonts.chain(role)})
    payload = json.dumps({"site": hashlib.sha256(data).hexdigest(), "options": options.__dict__, "fonts": faces,
                          "signkit": __version__}, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def _manifest_intact(folder: Path, manifest: dict[str, Any]) -> bool:
    from signkit.publish import file_sha256

    entries = [*manifest.get("files", []), *manifest.get("extras", [])]
    return bool(manifest.get("files")) and all(
        isinstance(e, dict) and file_sha256(folder / str(e.get("file"))) == e.get("sha256") for e in entries)


def reprint_list(enterprise: str, old: dict[str, Any], new: list[dict[str, Any]]) -> list[Reprint]:
    """Boards whose printed content (or quantity) changed, new boards, and boards to take down."""
    from signkit.board_fields import changed_fields

    before = {e.get("key"): e for e in old.get("files", []) if isinstance(e, dict)}
    out: list[Reprint] = []
    for entry in new:
        previous = before.pop(entry["key"], None)
        common = (entry["form"], entry["subject"])
        if previous is None:
            out.append(Reprint(enterprise, *common, "新增", [], entry["maker"], entry["hangs"], entry["copies"],
                               entry["file"]))
        elif previous.get("content_hash") != entry["content_hash"]:
            reasons = changed_fields(previous.get("fields", {}), entry["fields"]) or ["固定文字、尺寸或背景有变化"]
            out.append(Reprint(enterprise, *common, "内容变化", reasons, entry["maker"], entry["hangs"],
                               entry["copies"], entry["file"]))
        elif previous.get("copies") != entry["copies"]:
            out.append(Reprint(enterprise, *common, "数量变化", [f"数量：{previous.get('copies')} → {entry['copies']}"],
                               entry["maker"], entry["hangs"], entry["copies"], entry["file"]))
    for previous in before.values():
        out.append(Reprint(enterprise, str(previous.get("form")), str(previous.get("subject")), "撤下", [],
                           str(previous.get("maker", "")), str(previous.get("hangs", "")), 0, str(previous.get("file"))))
    return out


def process_site(job: SiteInput, outdir: Path, fonts: FontSet, options: Options, *, keep: bool = False
                 ) -> SiteOutcome:
    """Run one enterprise from site file to published folder; never raises for bad input."""
    from signkit.board_fields import board_fields
    from signkit.build import build_site
    from signkit.check import check_imported, check_source
    from signkit.load.source import SourceText, decode, read_source
    from signkit.publish import board_key, file_sha256, publish, read_manifest, safe_name
    from signkit.render_api import ExtraOptions, make_extras

    outcome = SiteOutcome(job)
    check: Callable[[], FileReport]
    if job.workbook:
        imported = _imported(job, outcome)
        if imported is None:
            return outcome
        raw = json.dumps([job.name, imported.data], ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")

        def check() -> FileReport:
            return check_imported(imported, fonts=fonts)
    else:
        if job.text is not None:
            source = decode(job.text.encode("utf-8"), job.name)
            raw = job.text.encode("utf-8")
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
            return check_source(SourceText(job.name, text), fonts=fonts)
    digest = input_hash(raw, options, fonts)
    known = _previous_folder(outdir, job.name)
    if known is not None and not options.force and not options.dry_run:
        old = read_manifest(outdir / known)
        if old.get("input_hash") == digest and _manifest_intact(outdir / known, old):
            # nothing that shapes this enterprise's files changed: skip even the parse
            outcome.status, outcome.folder = "unchanged", known
            outcome.enterprise = str(old.get("enterprise", ""))
            outcome.kept = [str(e["file"]) for e in old.get("files", [])]
            outcome.entries = list(old.get("files", []))
            for entry in outcome.entries:
                outcome.forms[entry["form"]] = outcome.forms.get(entry["form"], 0) + 1
            return outcome
    report = check()
    outcome.diagnostics = list(report.diagnostics)
    if keep:
        outcome.report = report
    if report.site is None or report.source is None or not report.ok(options.strict):
        return outcome
    site = report.site
    outcome.enterprise = site.enterprise.name
    folder = outdir / safe_name(site.enterprise.name)
    outcome.folder = folder.name
    old = read_manifest(folder)
    if not options.force and not options.dry_run and old.get("input_hash") == digest \
            and _manifest_intact(folder, old):
        outcome.status = "unchanged"
        outcome.kept = [str(e["file"]) for e in old.get("files", [])]
        outcome.entries = list(old.get("files", []))
        for entry in outcome.entries:
            outcome.forms[entry["form"]] = outcome.forms.get(entry["form"], 0) + 1
        return outcome
    previous = {e.get("key"): e for e in old.get("files", []) if isinstance(e, dict)}

    def reuse(planned: Any, build: str) -> str | None:
        if options.force or options.dry_run:
            return None
        entry = previous.get(board_key(planned.form_id, planned.subject))
        if entry is None or entry.get("build_hash") != build:
            return None
        sha = file_sha256(folder / str(entry.get("file")))
        return sha if sha == entry.get("sha256") else None

    result = build_site(site, report.source, fonts, fit=options.fit, producer=options.producer,  # type: ignore[arg-type]
                        sizes=dict(options.sizes), bleed=options.bleed, marks=options.marks, reuse=reuse)
    outcome.diagnostics.extend(result.diagnostics)
    if not result.ok:
        return outcome
    fields = [board_fields(site, built.planned) for built in result.boards]
    if options.dry_run:
        from signkit.publish import assign_names

        names = assign_names(result)
        entries = [{"key": board_key(b.planned.form_id, b.planned.subject), "form": b.planned.form_id,
                    "subject": b.planned.subject, "content_hash": b.board.content_hash, "fields": fields[i],
                    "copies": b.copies, "maker": b.planned.maker, "hangs": b.planned.hangs, "file": names[i]}
                   for i, b in enumerate(result.boards)]
        outcome.reprints = reprint_list(site.enterprise.name, old, entries)
        outcome.status = "checked"
        return outcome
    extras = ExtraOptions(options.proof, options.tile, options.impose, options.overlap)
    made = make_extras(result, fonts, extras) if (options.proof or options.tile or options.impose) else ()
    published = publish(result, outdir, folder=site.enterprise.name, site_file=job.name,
                        enterprise=site.enterprise.name, revised=site.enterprise.revised.isoformat(),
                        extras=made, fields=fields, input_hash=digest)
    new_manifest = read_manifest(published.folder)
    outcome.entries = list(new_manifest.get("files", []))
    outcome.reprints = reprint_list(site.enterprise.name, old, outcome.entries)
    outcome.rewritten, outcome.kept, outcome.removed = published.rewritten, published.kept, published.removed
    for entry in outcome.entries:
        outcome.forms[entry["form"]] = outcome.forms.get(entry["form"], 0) + 1
    if keep:
        outcome.written = published.written
    outcome.status = "rendered"
    return outcome


def _imported(job: SiteInput, outcome: SiteOutcome) -> ImportedSite | None:
    """The enterprise ``job`` names in its workbook, or ``None`` with the reasons in ``outcome``."""
    from signkit.excel.reader import read_workbook

    assert job.path is not None
    book = read_workbook(job.path, display=job.display)
    position = job.index or 0
    if position >= len(book.sites):
        outcome.diagnostics = list(book.diagnostics) or [Diagnostic(
            "SK902", Severity.ERROR, "工作簿在读取期间发生了变化，找不到这家企业", Location(job.display))]
        outcome.status = "unreadable" if book.unreadable else "failed"
        return None
    return book.sites[position]


def _previous_folder(outdir: Path, site_name: str) -> str | None:
    """The folder the last run in ``outdir`` wrote for ``site_name``, from the top-level manifest."""
    try:
        stat = (outdir / "manifest.json").stat()
    except OSError:
        return None
    return _folders(str(outdir / "manifest.json"), stat.st_mtime_ns, stat.st_size).get(site_name)


@lru_cache(maxsize=4)
def _folders(path: str, _mtime: int, _size: int) -> dict[str, str]:
    """site file → folder, read once per process per version of the top-level manifest."""
    try:
        top = json.loads(Path(path).read_text(encoding="utf-8"))
        return {str(e["site_file"]): str(e["folder"]) for e in top.get("enterprises", [])
                if isinstance(e, dict) and e.get("site_file") and e.get("folder")}
    except (OSError, ValueError, AttributeError, KeyError):
        return {}


class LockError(Exception):
    """Another signkit run holds the output folder."""


class OutputLock:
    """An exclusive lock file in OUTDIR, so two runs never write one folder at once.

    A lock left by a process that no longer exists (a killed run) is taken over.
    """

    NAME = ".signkit.lock"

    def __init__(self, outdir: Path) -> None:
        self.path = outdir / self.NAME
        self.held = False

    def __enter__(self) -> OutputLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = self._holder()
                if holder is not None and holder != os.getpid() and _alive(holder):
                    raise LockError(f"另一个 signkit（进程 {holder}）正在写入 {self.path.parent}") from None
                self.path.unlink(missing_ok=True)  # stale: its process is gone
                continue
            with os.fdopen(fd, "w") as handle:
                handle.write(f"{os.getpid()} {socket.gethostname()}\n")
            self.held = True
            return self
        raise LockError(f"无法锁定输出文件夹 {self.path.parent}")

    def _holder(self) -> int | None:
        try:
            return int(self.path.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def __exit__(self, *exc: object) -> None:
        if self.held:
            self.path.unlink(missing_ok=True)
            self.held = False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _worker_run(job: SiteInput, outdir: str, fonts: FontSet, options: Options) -> SiteOutcome:
    """Entry point in a worker process (module-level so it pickles)."""
    try:
        return process_site(job, Path(outdir), fonts, options)
    except OSError as failure:
        return _io_failure(job, failure)


def _io_failure(job: SiteInput, failure: OSError) -> SiteOutcome:
    outcome = SiteOutcome(job)
    reason = failure.strerror or str(failure)
    where = failure.filename or job.name
    outcome.diagnostics.append(Diagnostic("SK802", Severity.ERROR, f"无法写入输出：{reason}（{where}）",
                                          Location(job.name), "请检查输出文件夹是否可写、磁盘是否已满"))
    outcome.status = "failed"
    return outcome


def run_jobs(inputs: Sequence[SiteInput], outdir: Path, fonts: FontSet, options: Options, *, jobs: int = 1,
             fail_fast: bool = False, keep: bool = False) -> Iterator[SiteOutcome]:
    """Process every input, ``jobs`` at a time, yielding outcomes as they finish.

    With ``jobs == 1`` everything runs in this process (and ``keep`` may return the built
    boards for callers that want them); otherwise a process pool runs one enterprise per
    task and at most ``2 × jobs`` tasks are in flight, so memory does not grow with the
    batch.
    """
    if jobs <= 1:
        for job in inputs:
            try:
                outcome = process_site(job, outdir, fonts, options, keep=keep)
            except OSError as failure:
                outcome = _io_failure(job, failure)
            yield outcome
            if fail_fast and outcome.failed:
                return
        return
    pending: set[Future[SiteOutcome]] = set()
    queue = list(inputs)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        stop = False
        while queue or pending:
            while queue and len(pending) < 2 * jobs and not stop:
                pending.add(pool.submit(_worker_run, queue.pop(0), str(outdir), fonts, options))
            if not pending:
                break
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                outcome = future.result()
                yield outcome
                if fail_fast and outcome.failed:
                    stop = True
                    queue.clear()
