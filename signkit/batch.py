"""Many site files at once: inputs, one job per enterprise, worker processes, incremental rebuilds, a lock.

Each enterprise is one job that a worker process runs from start to finish — read,
check, lay out, render only what changed, publish — and returns a small summary, so
memory stays bounded whatever the batch size and one bad file never stops the others.
An enterprise whose site file, sign files, options, fonts and signkit version are all
unchanged, and whose finished manifest still matches the disk, is skipped without even
parsing.  Workers ignore Ctrl-C and die with the parent: the parent decides when to
stop, and stops them (:func:`run_jobs`), so no worker outlives an interrupted run.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from signkit.diagnostics import Diagnostic, Location, Severity
from signkit.fonts import FontSet

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: exclusive creation instead (OutputLock)
    fcntl = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from signkit.check import FileReport
    from signkit.config import SignFolder
    from signkit.excel.reader import ImportedSite
    from signkit.model.site import Site

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
    #: ``signkit.toml``'s sign folder, for site files that name none (part of the input hash like the rest).
    sign_folder: SignFolder | None = None


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
    #: The manifest keeps a baseline until this reprint list is handed on (render_api acknowledges it).
    unreported: bool = False

    @property
    def failed(self) -> bool:
        return self.status in ("failed", "unreadable")


def input_hash(data: bytes, options: Options, fonts: FontSet, *, signs: str = "") -> str:
    """Identity of everything an enterprise's files are made from; equal hashes mean nothing to do.

    ``signs`` is :func:`signs_digest` of the sign files the site draws from: they are
    inputs as much as the site file, and an office replacing 当心触电.svg must get new boards.
    ``--dry-run`` and ``--force`` are left out, so a dry run can see that nothing changed.
    """
    from signkit import __version__
    from signkit.hashing import fontset_identity

    faces = fontset_identity(fonts)
    # how this run goes about it (compare only, rebuild all) is not what the files are made from
    shaping = {k: v for k, v in options.__dict__.items() if k not in ("dry_run", "force")}
    payload = json.dumps({"site": hashlib.sha256(data).hexdigest(), "options": shaping, "fonts": faces,
                          "signkit": __version__, "signs": signs}, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def site_base(name: str) -> str:
    """The absolute folder a site's relative sign paths start from, as the layout takes it.

    The site file's folder, or the current one for standard input (what
    ``build._base_dir`` and the 2-4 layout do), made absolute so that a record of it
    still means the same folder when the next run starts elsewhere.
    """
    folder = Path(name).parent if name and not name.startswith("<") else Path.cwd()
    return os.path.abspath(folder)


def sign_inputs(site: Site, base: str) -> dict[str, Any]:
    """The sign files ``site``'s boards may draw: its sign folder and the files its 警示标识 name.

    Recorded in the manifest so a rerun can hash them again *without parsing the site
    file*; with the site file unchanged, the set of candidates is the same.  The whole
    folder is recorded rather than the files drawn: adding 当心触电.svg to it changes a
    board that used the library's sign until now.
    """
    from signkit.signs.files import is_file_entry, resolve_path

    root = Path(base)
    folders = [os.path.abspath(resolve_path(site.output.sign_folder, root))] if site.output.sign_folder else []
    files = sorted({os.path.abspath(resolve_path(entry, root)) for point in site.risk_points
                    for entry in point.signs if is_file_entry(entry)})
    return {"base": base, "folders": folders, "files": files}


def signs_digest(record: dict[str, Any]) -> str:
    """SHA-256 over the current bytes of the sign files ``record`` (from :func:`sign_inputs`) names.

    A folder contributes the files :func:`signkit.signs.files.folder_signs` would use, by
    name, with their digests; a missing file or folder is recorded as missing, so that
    creating it later is a change too.
    """
    from signkit.signs.files import folder_signs

    folders: dict[str, Any] = {}
    for folder in record.get("folders", []):
        path = Path(str(folder))
        folders[str(folder)] = ({name: _file_digest(str(file)) for name, file in folder_signs(path).items()}
                                if path.is_dir() else None)
    files = {str(file): _file_digest(str(file)) for file in record.get("files", [])}
    payload = {"base": record.get("base"), "folders": folders, "files": files}
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _file_digest(path: str) -> str | None:
    """sha256 of a sign file, read once per process per version of it (a park shares one folder)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return _cached_digest(path, stat.st_mtime_ns, stat.st_size, stat.st_ino)


@lru_cache(maxsize=4096)
def _cached_digest(path: str, _mtime: int, _size: int, _inode: int) -> str | None:
    from signkit.publish import file_sha256

    return file_sha256(Path(path))


def reprint_list(enterprise: str, old: dict[str, Any], new: list[dict[str, Any]]) -> list[Reprint]:
    """Boards whose printed content (or quantity) changed, new boards, and boards to take down."""
    from signkit.board_fields import changed_fields
    from signkit.hashing import same_content
    from signkit.publish import manifest_entries

    before = {e.get("key"): e for e in manifest_entries(old)}
    out: list[Reprint] = []
    for entry in new:
        previous = before.pop(entry["key"], None)
        common = (entry["form"], entry["subject"])
        if previous is None:
            out.append(Reprint(enterprise, *common, "新增", [], entry["maker"], entry["hangs"], entry["copies"],
                               entry["file"]))
        elif not same_content(previous, entry):
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


#: What :func:`process_site` gives ``build_site`` as a "kept" file's sha256 in a dry run, so that
#: boards are laid out and hashed but never rendered (nothing is written, nothing needs the bytes).
_NOT_RENDERED = "not-rendered"


def process_site(job: SiteInput, outdir: Path, fonts: FontSet, options: Options, *, keep: bool = False
                 ) -> SiteOutcome:
    """Run one enterprise from site file to published folder; never raises for bad input."""
    from signkit.board_fields import board_fields
    from signkit.build import build_site
    from signkit.check import check_imported, check_source
    from signkit.load.source import SourceText, decode, read_source
    from signkit.publish import (
        DAMAGED,
        assign_names,
        board_key,
        file_sha256,
        manifest_baseline,
        manifest_entries,
        manifest_intact,
        publish,
        read_manifest,
        safe_name,
    )
    from signkit.render_api import ExtraOptions, make_extras

    outcome = SiteOutcome(job)
    check: Callable[[], FileReport]
    if job.workbook:
        imported = _imported(job, outcome)
        if imported is None:
            return outcome
        raw = json.dumps([job.name, imported.data], ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")

        def check() -> FileReport:
            return check_imported(imported, fonts=fonts, sign_folder=options.sign_folder)
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
            return check_source(SourceText(job.name, text), fonts=fonts, sign_folder=options.sign_folder)
    known = _previous_folder(outdir, job.name)
    if known is not None and not options.force:  # a dry run may skip too: it reads, and writes nothing
        old = read_manifest(outdir / known)
        record = old.get("signs")
        # the sign files recorded last time are the candidates again (same site file, same folder)
        if isinstance(record, dict) and record.get("base") == site_base(job.display) \
                and old.get("input_hash") == input_hash(raw, options, fonts, signs=signs_digest(record)) \
                and manifest_intact(outdir / known, old):
            return _unchanged(outcome, known, old)
    report = check()
    outcome.diagnostics = list(report.diagnostics)
    if keep:
        outcome.report = report
    if report.site is None or report.source is None or not report.ok(options.strict):
        return outcome
    site = report.site
    record = sign_inputs(site, site_base(report.source.file))
    digest = input_hash(raw, options, fonts, signs=signs_digest(record))
    outcome.enterprise = site.enterprise.name
    folder = outdir / safe_name(site.enterprise.name)
    outcome.folder = folder.name
    old = read_manifest(folder)
    if old.get(DAMAGED):
        outcome.diagnostics.append(Diagnostic(
            "SK803", Severity.WARNING, "上次的清单 manifest.json 已损坏，无法与上次比较：本企业的牌全部按新增列出",
            Location(str(folder / "manifest.json")), "请核对重印清单；本次运行会写入新的清单"))
    if not options.force and old.get("input_hash") == digest and manifest_intact(folder, old):
        return _unchanged(outcome, folder.name, old)
    previous = {e.get("key"): e for e in manifest_entries(old)}

    def reuse(planned: Any, build: str) -> str | None:
        if options.dry_run:
            return _NOT_RENDERED
        if options.force:
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
    names = assign_names(result)
    planned_entries: list[dict[str, Any]] = [
        {"key": board_key(b.planned.form_id, b.planned.subject), "form": b.planned.form_id, "subject": b.planned.subject,
         "content_hash": b.board.content_hash, "content_hash_v1": b.board.legacy_hash, "fields": fields[i],
         "copies": b.copies, "maker": b.planned.maker,
         "hangs": b.planned.hangs, "file": names[i]}
        for i, b in enumerate(result.boards)]
    # against the boards the last *delivered* list knew, so a killed run's changes are listed again
    outcome.reprints = reprint_list(site.enterprise.name, {"files": manifest_baseline(old)}, planned_entries)
    if options.dry_run:
        outcome.status = "checked"
        for entry in planned_entries:
            outcome.forms[entry["form"]] = outcome.forms.get(entry["form"], 0) + 1
        return outcome
    extras = ExtraOptions(options.proof, options.tile, options.impose, options.overlap)
    made = make_extras(result, fonts, extras) if (options.proof or options.tile or options.impose) else ()
    outcome.unreported = bool(outcome.reprints)
    published = publish(result, outdir, folder=site.enterprise.name, site_file=job.name,
                        enterprise=site.enterprise.name, revised=site.enterprise.revised.isoformat(),
                        extras=made, fields=fields, input_hash=digest, signs=record, unreported=outcome.unreported)
    outcome.entries = manifest_entries(read_manifest(published.folder))
    outcome.rewritten, outcome.kept, outcome.removed = published.rewritten, published.kept, published.removed
    for entry in outcome.entries:
        outcome.forms[entry["form"]] = outcome.forms.get(entry["form"], 0) + 1
    if keep:
        outcome.written = published.written
    outcome.status = "rendered"
    return outcome


def _unchanged(outcome: SiteOutcome, folder: str, old: dict[str, Any]) -> SiteOutcome:
    """Nothing that shapes this enterprise's files changed: report the finished manifest as it is.

    If that manifest still holds a baseline, its reprint list was never delivered (the
    run that wrote it was killed before the end), so it is listed now.
    """
    from signkit.publish import manifest_baseline, manifest_entries

    outcome.status, outcome.folder = "unchanged", folder
    outcome.enterprise = str(old.get("enterprise", ""))
    outcome.entries = manifest_entries(old)
    outcome.kept = [e["file"] for e in outcome.entries]
    for entry in outcome.entries:
        outcome.forms[entry["form"]] = outcome.forms.get(entry["form"], 0) + 1
    if "baseline" in old:
        outcome.reprints = reprint_list(outcome.enterprise, {"files": manifest_baseline(old)}, outcome.entries)
        outcome.unreported = True
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
    """An exclusive lock on OUTDIR, so two runs never write one folder at once.

    On POSIX the lock is ``flock`` on ``.signkit.lock``: the kernel holds it exactly while
    the process (or a worker it forked) lives and drops it when it dies, however it dies,
    so there is no stale lock to guess about and no window between creating the file and
    writing a PID into it in which a second run could take it over.  The PID in the file
    is only for the message.  Without ``fcntl`` (Windows) the file is created exclusively
    and one whose process is gone is taken over; a file without a PID yet is treated as
    held while it is young (its writer may be between the two steps).
    """

    NAME = ".signkit.lock"
    #: Without flock: how long a lock file with no PID in it is presumed to be in the middle of being written.
    FRESH_SECONDS = 30.0

    def __init__(self, outdir: Path) -> None:
        self.path = outdir / self.NAME
        self._fd: int | None = None
        self.held = False

    def __enter__(self) -> OutputLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if fcntl is None:  # pragma: no cover - Windows
            return self._enter_exclusive()
        for _ in range(5):
            fd = os.open(self.path, os.O_CREAT | os.O_RDWR | getattr(os, "O_CLOEXEC", 0), 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as busy:
                os.close(fd)
                if busy.errno not in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES):
                    raise
                raise LockError(self._busy_message()) from None
            if not self._same_file(fd):  # the last holder removed the file between our open and our lock
                os.close(fd)
                continue
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()} {socket.gethostname()}\n".encode())
            self._fd, self.held = fd, True
            return self
        raise LockError(f"无法锁定输出文件夹 {self.path.parent}")

    def _same_file(self, fd: int) -> bool:
        try:
            mine, there = os.fstat(fd), os.stat(self.path)
        except OSError:
            return False
        return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)

    def _busy_message(self) -> str:
        holder = self._holder()
        who = f"另一个 signkit（进程 {holder}）" if holder is not None else "另一个 signkit"
        return f"{who}正在写入 {self.path.parent}"

    def _enter_exclusive(self) -> OutputLock:  # pragma: no cover - Windows
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = self._holder()
                if holder is None and self._young():
                    raise LockError(self._busy_message()) from None
                if holder is not None and holder != os.getpid() and _alive(holder):
                    raise LockError(self._busy_message()) from None
                self.path.unlink(missing_ok=True)  # stale: its process is gone
                continue
            with os.fdopen(fd, "w") as handle:
                handle.write(f"{os.getpid()} {socket.gethostname()}\n")
            self.held = True
            return self
        raise LockError(f"无法锁定输出文件夹 {self.path.parent}")

    def _young(self) -> bool:  # pragma: no cover - Windows
        try:
            return time.time() - self.path.stat().st_mtime < self.FRESH_SECONDS
        except OSError:
            return False

    def _holder(self) -> int | None:
        try:
            return int(self.path.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def __exit__(self, *exc: object) -> None:
        if not self.held:
            return
        self.held = False
        try:
            self.path.unlink(missing_ok=True)  # while still locked, so nobody can have taken it meanwhile
        finally:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None


def _alive(pid: int) -> bool:  # pragma: no cover - Windows
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


#: ``prctl(PR_SET_PDEATHSIG, …)``: Linux sends the given signal to a process when its parent dies.
_PR_SET_PDEATHSIG = 1


def _worker_init() -> None:
    """Run in each worker as it starts: leave Ctrl-C and SIGTERM to the parent, and die with it.

    Ctrl-C reaches the whole process group; workers ignore it and the parent stops them
    (:func:`_stop_pool`), so there is one clean message instead of a traceback per
    worker.  A forked worker inherits the parent's SIGTERM handler, which would turn the
    parent's ``terminate()`` into an exception the pool catches; the default action
    makes it what it says.  If the parent is killed outright (SIGKILL) nobody stops the
    workers, so on Linux the kernel does (``PR_SET_PDEATHSIG``), and elsewhere a thread
    waits on the parent's sentinel.  Writes are atomic, so a worker killed anywhere
    leaves at most a temporary file, which the next run sweeps.
    """
    import multiprocessing

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    parent = multiprocessing.parent_process()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):  # pragma: no cover - no usable libc
            pass
    if parent is not None:
        if not parent.is_alive():  # died before prctl took effect
            os._exit(1)

        def watch() -> None:
            parent.join()
            os._exit(1)

        threading.Thread(target=watch, name="signkit-parent-watch", daemon=True).start()
    hook = os.environ.get(WORKER_PIDS_ENV)
    if hook:  # test-only: let a test find every worker after the run
        with open(hook, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")


#: Test-only: a file each worker process appends its PID to, so a test can prove none outlives the run.
WORKER_PIDS_ENV = "SIGNKIT_TEST_WORKER_PIDS"


def _worker_run(job: SiteInput, outdir: str, fonts: FontSet, options: Options) -> SiteOutcome:
    """Entry point in a worker process (module-level so it pickles)."""
    try:
        return process_site(job, Path(outdir), fonts, options)
    except OSError as failure:
        return _io_failure(job, failure)


def _io_failure(job: SiteInput, failure: OSError) -> SiteOutcome:
    from signkit.output import describe_os_error

    outcome = SiteOutcome(job)
    outcome.diagnostics.append(Diagnostic("SK802", Severity.ERROR, f"无法写入输出：{describe_os_error(failure)}",
                                          Location(job.name), "请检查输出文件夹是否可写、磁盘是否已满"))
    outcome.status = "failed"
    return outcome


def _stop_pool(pool: ProcessPoolExecutor, pending: set[Future[SiteOutcome]]) -> None:
    """Stop now: cancel what has not started and terminate the workers, instead of waiting for them.

    ``shutdown`` alone waits for every running task, minutes at a large batch; a worker
    killed mid-write leaves the old file or the new one (writes are atomic), never half.
    """
    for future in pending:
        future.cancel()
    processes = list((getattr(pool, "_processes", None) or {}).values())
    manager = getattr(pool, "_executor_manager_thread", None)
    for process in processes:
        if process.is_alive():
            process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=5)
        if process.is_alive():  # pragma: no cover - SIGTERM has the default action in workers
            process.kill()
            process.join(timeout=5)
    if isinstance(manager, threading.Thread):
        # Let the pool's own thread finish tidying up before this process exits: if it is still
        # closing its wake-up pipe when the interpreter's exit hook writes to it, Python 3.11
        # prints "Exception ignored … Bad file descriptor" (a traceback the user should not see).
        manager.join(timeout=10)


def run_jobs(inputs: Sequence[SiteInput], outdir: Path, fonts: FontSet, options: Options, *, jobs: int = 1,
             fail_fast: bool = False, keep: bool = False) -> Generator[SiteOutcome, None, None]:
    """Process every input, ``jobs`` at a time, yielding outcomes as they finish.

    With ``jobs == 1`` everything runs in this process (and ``keep`` may return the built
    boards for callers that want them); otherwise a process pool runs one enterprise per
    task and at most ``2 × jobs`` tasks are in flight, so memory does not grow with the
    batch.  If the caller stops early — an exception such as KeyboardInterrupt, or
    closing the generator — the workers are terminated rather than waited for.
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
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init)
    try:
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
    except BaseException:
        _stop_pool(pool, pending)
        raise
    pool.shutdown(wait=True)
