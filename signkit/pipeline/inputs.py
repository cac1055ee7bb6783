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

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from signkit.excel import is_workbook
from signkit.excel.reader import read_workbook

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
    book = read_workbook(path, display=arg)
    if book.kind != "roster" or not book.sites:
        return [SiteInput(arg, path)]
    return [SiteInput(f"{arg}#{site.row}", path, index=index) for index, site in enumerate(book.sites)]
