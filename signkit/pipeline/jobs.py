"""Running one job per enterprise, in this process or in a pool of worker processes.

Kept apart from the job itself (:mod:`signkit.pipeline.site_job`) because this is
process management, not rendering: at ``-j 1`` the jobs run here, one after another;
otherwise each enterprise is one task a worker runs from start to finish and returns
as a small, picklable summary, with at most ``2 × jobs`` tasks in flight so memory stays
bounded whatever the batch size.  Workers ignore Ctrl-C and die with the parent: the
parent decides when to stop, and stops them (:func:`run_jobs`), so no worker outlives
an interrupted run, and one bad file never stops the others.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Generator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path

from signkit.diagnostics import Diagnostic, Location, Severity
from signkit.errors import describe_os_error
from signkit.fonts import FontSet
from signkit.fonts.embed import preload
from signkit.pipeline.inputs import SiteInput
from signkit.pipeline.measuring import measurer
from signkit.pipeline.options import RenderOptions
from signkit.pipeline.site_job import SiteOutcome, process_site, unchanged_outcome

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
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    parent = multiprocessing.parent_process()
    if sys.platform.startswith("linux"):
        try:
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


def _worker_run(job: SiteInput, outdir: str, fonts: FontSet, options: RenderOptions) -> SiteOutcome:
    """Entry point in a worker process (module-level so it pickles); ``options`` arrive as the parent had them."""
    try:
        return process_site(job, Path(outdir), fonts, options)
    except OSError as failure:
        return _io_failure(job, failure)


def _io_failure(job: SiteInput, failure: OSError) -> SiteOutcome:
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


def _load_fonts(fonts: FontSet) -> None:
    """Parse each role's font here, before the workers are forked, so that they share it.

    Every worker would otherwise parse the same 15 MB faces for its first board (about
    0.4 s and 80 MB each), and this process again for the print order.  Forked workers
    inherit the parsed faces (ReportLab's registry, the measurer's metrics) and their
    memory pages, which stay shared as long as nobody writes them.
    """
    preload(fonts)  # every face for ReportLab (a face it cannot read is reported where it is drawn)
    for role in ("title", "body"):
        if not fonts.chain(role):
            continue
        try:
            measurer(fonts).width("字", 1.0, role)
        except Exception:  # only a head start: a face that fails here fails where it is drawn, reported there
            continue


def run_jobs(inputs: Sequence[SiteInput], outdir: Path, fonts: FontSet, options: RenderOptions, *,
             keep: bool = False) -> Generator[SiteOutcome, None, None]:
    """Process every input, ``options.jobs`` at a time, yielding outcomes as they finish.

    Every enterprise gets the same ``options``, in this process or pickled to a worker.
    With ``jobs == 1`` everything runs in this process (and ``keep`` may return the built
    boards for callers that want them); otherwise a process pool runs one enterprise per
    task and at most ``2 × jobs`` tasks are in flight, so memory does not grow with the
    batch.  If the caller stops early — an exception such as KeyboardInterrupt, or
    closing the generator — the workers are terminated rather than waited for.
    ``options.fail_fast`` stops handing out work after the first failure.  Never more
    workers than enterprises that need work: before starting a pool, unchanged enterprises
    are recognised here (:func:`unchanged_outcome`, a read and some hashes) until a second
    one that needs work turns up, so a rerun in which one enterprise changed renders it in
    this process, with no workers to start and no fonts parsed twice (the print order,
    drawn here, needs them too).
    """
    jobs, fail_fast = min(options.jobs, len(inputs)), options.fail_fast
    if jobs > 1:
        waiting: list[SiteInput] = []
        for index, job in enumerate(inputs):
            try:
                skipped = unchanged_outcome(job, outdir, fonts, options)
            except OSError as failure:
                skipped = _io_failure(job, failure)
            if skipped is None:
                waiting.append(job)
                if len(waiting) > 1:
                    waiting.extend(inputs[index + 1:])
                    break
                continue
            yield skipped
            if fail_fast and skipped.failed:
                return
        inputs, jobs = waiting, min(jobs, len(waiting))
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
    _load_fonts(fonts)
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
