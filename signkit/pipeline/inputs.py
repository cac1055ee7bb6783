"""What a render run was given to work on: site files, folders of them, standard input, workbooks.

Turning the command line's arguments into a list of enterprises comes before
everything else and does not depend on how they are processed, so it is separate: a
folder is searched for site files, ``-`` reads standard input, and a regulator's roster
(one workbook, one enterprise per row) becomes one input per enterprise, each a small
value a worker process can be sent.
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
