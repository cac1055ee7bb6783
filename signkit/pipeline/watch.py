"""Rebuilding on save (``render --watch``, ``preview --watch``): watch the inputs, run again when they change.

An office editing a site file wants the boards to follow each save without typing the
command again.  The inputs are polled — modification time and size of every watched
file — rather than watched with the operating system's notifications: a few site
files, a config and a sign folder are cheap to poll twice a second, polling behaves
the same on every platform, network share and container, and it needs no dependency.
The rebuild itself is the ordinary incremental run, so only boards whose inputs
changed are written again.

Editors save in several steps (write a temporary file, rename it, touch the backup),
so a change is acted on only once the files have been still for ``settle`` seconds:
one save, one rebuild.  The clock and the wait are injected so tests drive the loop
in-process without sleeping; ``wait`` returns true when the watch is to stop.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from signkit.output.manifest import MANIFEST, load_manifest, read_top_manifest
from signkit.pipeline.inputs import SITE_SUFFIXES, STDIN

#: What a file looks like to the watch: modification time (ns) and size.
Stamp = tuple[int, int]

#: Folders never looked into: version control, editors' and tools' own.
_SKIP_NAMES = frozenset({".git", ".hg", ".svn", "__pycache__", "node_modules", ".venv"})

#: Workbooks, watched when a folder is given, since ``render`` reads them when named.
_BOOK_SUFFIXES = (".xlsx", ".csv")


def scan(paths: Iterable[Path], skip: Sequence[Path] = ()) -> dict[str, Stamp]:
    """Every watched file with its stamp: files as given, folders searched (hidden and ``skip`` folders left out).

    A missing path is simply absent, so its appearing later is a change like any other.
    """
    skipped = {os.path.abspath(folder) for folder in skip}
    found: dict[str, Stamp] = {}

    def add(path: str) -> None:
        try:
            stat = os.stat(path)
        except OSError:
            return
        found[path] = (stat.st_mtime_ns, stat.st_size)

    for path in paths:
        absolute = os.path.abspath(path)
        if os.path.isdir(absolute):
            for root, dirs, files in os.walk(absolute):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP_NAMES
                                 and os.path.join(root, d) not in skipped)
                for name in files:
                    if not name.startswith((".", "~$")):
                        add(os.path.join(root, name))
        else:
            add(absolute)
    return found


def changed(before: dict[str, Stamp], after: dict[str, Stamp]) -> list[str]:
    """The files added, removed or modified between two scans, sorted."""
    return sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))


@dataclass
class Watch:
    """The polling loop: ``paths()`` says what to watch (asked again after each rebuild), ``rebuild(changes)`` acts.

    ``wait(seconds)`` pauses and returns true when the watch is to end (a
    :class:`threading.Event`'s ``wait`` by default; Ctrl-C raises ``KeyboardInterrupt``
    out of it as usual).  ``clock`` measures the settling time.
    """

    paths: Callable[[], Iterable[Path]]
    skip: Sequence[Path] = ()
    interval: float = 0.3
    settle: float = 0.5
    stop: threading.Event = field(default_factory=threading.Event)
    wait: Callable[[float], bool] | None = None
    clock: Callable[[], float] = time.monotonic

    def _wait(self, seconds: float) -> bool:
        return (self.wait or self.stop.wait)(seconds)

    def run(self, rebuild: Callable[[list[str]], None]) -> int:
        """Watch until told to stop; returns how many rebuilds ran."""
        seen = scan(self.paths(), self.skip)
        rebuilds = 0
        while not self._wait(self.interval):
            now = scan(self.paths(), self.skip)
            changes = set(changed(seen, now))
            if not changes:
                continue
            last = self.clock()
            while self.clock() - last < self.settle:  # one save is several writes: wait until the files are still
                if self._wait(self.interval):
                    return rebuilds
                later = scan(self.paths(), self.skip)
                if later != now:
                    changes.update(changed(now, later))
                    now, last = later, self.clock()
            rebuild(sorted(changes))
            rebuilds += 1
            # compare the next scan with what the rebuild was made from, so that a save during the rebuild
            # is not lost; files watched only from now on (a sign folder just named) start as they are
            fresh = scan(self.paths(), self.skip)
            seen = {name: now.get(name, stamp) for name, stamp in fresh.items()}
        return rebuilds


def input_paths(files: Sequence[str], outdir: Path | None = None) -> list[Path]:
    """The inputs as the watch sees them: files as given, folders as the site files and workbooks in them now.

    Asked on every scan, so a site file added to a folder is noticed; ``outdir`` inside
    a given folder is left out (the run's own writes are not edits).
    """
    paths: list[Path] = []
    for name in files:
        if name == STDIN:
            continue
        given = Path(name)
        if given.is_dir():
            paths.extend(path for path in sorted(given.rglob("*")) if path.suffix.lower() in (*SITE_SUFFIXES, *_BOOK_SUFFIXES)
                         and not path.name.startswith(".") and (outdir is None or not _inside(path, outdir)))
        else:
            paths.append(given)
    return paths


def sign_paths(outdir: Path) -> list[Path]:
    """The sign folders and files the enterprises in ``outdir`` draw from, as their manifests record them.

    Recorded there for the incremental check (a site file needs no parsing to know
    them), so the watch follows a site file that names a new sign folder from its next
    rebuild on.
    """
    top = read_top_manifest(outdir) if (outdir / MANIFEST).is_file() else None
    paths: list[Path] = []
    for entry in top.enterprises if top is not None else []:
        if entry.folder:
            signs = load_manifest(outdir / entry.folder).signs
            if signs is not None:
                paths.extend(Path(item) for item in [*(signs.folders or []), *(signs.files or [])])
    return list(dict.fromkeys(paths))


def _inside(path: Path, folder: Path) -> bool:
    return os.path.abspath(path).startswith(os.path.abspath(folder) + os.sep)
