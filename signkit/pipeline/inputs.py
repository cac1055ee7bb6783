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
from signkit.load.source import DEFAULT_MAX_BYTES

STDIN = "-"


#: What a folder is searched for.  Workbooks (.xlsx, .csv) are read only when named
#: explicitly: a folder of site files often holds the spreadsheets they came from or were
#: exported to, and reading both would make every enterprise twice.
SITE_SUFFIXES = (".yaml", ".yml")

#: What ``signkit init`` writes beside the site file for editors (``signkit-site.schema.json``), and
#: any other JSON Schema so named: never a site file, so skipped when named (``signkit check site/*``).
SCHEMA_SUFFIX = ".schema.json"


@dataclass(frozen=True)
class SiteInput:
    """One enterprise to process: a site file, bytes read from standard input, or one enterprise of a workbook.

    Standard input is kept as bytes, not text: it is decoded by
    :func:`signkit.load.source.read_bytes` like a file's, so a GBK or binary stream gets
    the same located SK004 / SK005 (and an oversized one SK003) instead of a crash.
    """

    name: str
    path: Path | None = None
    #: What standard input gave, at most ``max_bytes + 1`` bytes (one more tells that it was too large).
    data: bytes | None = None
    #: For a workbook: which of its enterprises (a roster has one per row); ``None`` for its only one.
    index: int | None = None

    @property
    def workbook(self) -> bool:
        return self.path is not None and self.data is None and is_workbook(self.path)

    @property
    def text(self) -> str | None:
        """Standard input's text, for display and tests (undecodable bytes replaced); reading uses :attr:`data`."""
        return None if self.data is None else self.data.decode("utf-8-sig", errors="replace")

    @property
    def display(self) -> str:
        """The file name diagnostics show (a roster row's name without its ``#row``)."""
        return self.name.rpartition("#")[0] if self.index is not None else self.name


def collect_inputs(args: Sequence[str], read_stdin: Callable[[], str | bytes] | None = None, *,
                   max_bytes: int = DEFAULT_MAX_BYTES, stdin_name: str | None = None) -> list[SiteInput]:
    """Files as given, folders searched recursively for *.yaml / *.yml (sorted), ``-`` for stdin.

    A workbook named explicitly is one input, or one per enterprise for a regulator's
    roster (named ``名册.xlsx#5`` after the row).  Standard input is read as bytes, at
    most ``max_bytes + 1`` of them (the cap a file has), and decoded later; ``stdin_name``
    (``--stdin-filename``) is the name its diagnostics show, so an editor that pipes the
    buffer it is editing gets locations in that file.
    """
    inputs: list[SiteInput] = []
    for arg in args:
        if arg == STDIN:
            given = read_stdin() if read_stdin is not None else read_stdin_bytes(max_bytes)
            data = given.encode("utf-8") if isinstance(given, str) else given
            inputs.append(SiteInput(stdin_name or "<stdin>", data=data[:max_bytes + 1]))
            continue
        path = Path(arg)
        if path.name.lower().endswith(SCHEMA_SUFFIX) and path.is_file():
            continue
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in SITE_SUFFIXES and p.is_file()
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            inputs.extend(SiteInput(str(p), p) for p in found)
        elif SiteInput(arg, path).workbook:
            inputs.extend(_workbook_inputs(arg, path))
        else:
            inputs.append(SiteInput(arg, path))
    return inputs


def read_stdin_bytes(max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes of standard input, undecoded.

    Never ``sys.stdin.read()``: that decodes with the locale's encoding (a GBK file is a
    UnicodeDecodeError, exit 3) and reads without limit.  A text stream without a byte
    buffer (replaced by a caller) is read up to the same count of characters.
    """
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        chunks: list[bytes] = []
        left = max_bytes + 1
        while left > 0:  # a pipe returns what is there; read until the cap or the end
            chunk = buffer.read(left)
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    return sys.stdin.read(max_bytes + 1).encode("utf-8")


def _workbook_inputs(arg: str, path: Path) -> list[SiteInput]:
    book = read_workbook(path, display=arg)
    if book.kind != "roster" or not book.sites:
        return [SiteInput(arg, path)]
    return [SiteInput(f"{arg}#{site.row}", path, index=index) for index, site in enumerate(book.sites)]
