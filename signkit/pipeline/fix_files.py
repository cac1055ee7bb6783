"""``signkit check --fix`` / ``--diff`` over files: which inputs are fixed, and how each is written back.

Only site files are edited.  A workbook is never modified (its fixes would be cell
edits in a file Excel owns; its problems are listed as usual).  A file is decoded as
``check`` decodes it (UTF-8, a BOM kept), fixed in memory until nothing changes
(:func:`~signkit.pipeline.fixing.fix_text`), and written back atomically through any
symbolic link, keeping the file's permissions; standard input's fixed text is returned
for the CLI to print.  Nothing here prints.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from signkit.diagnostics import Diagnostic
from signkit.errors import describe_os_error
from signkit.fonts import FontSet
from signkit.load.source import DEFAULT_MAX_BYTES, read_bytes, read_source
from signkit.output.atomic import atomic_write_bytes
from signkit.pipeline.check import check_text
from signkit.pipeline.config import SignFolder
from signkit.pipeline.fixing import fix_text, unified_diff
from signkit.pipeline.inputs import collect_inputs
from signkit.pipeline.selection import Selection

_BOM = "\ufeff"


@dataclass
class FixedFile:
    """One input after ``--fix``: its name, its text before and after, and the fixes applied."""

    name: str
    before: str
    after: str
    fixed: list[Diagnostic] = field(default_factory=list)
    #: ``None`` for standard input (nothing to write back).
    path: Path | None = None

    @property
    def changed(self) -> bool:
        return self.after != self.before

    def diff(self) -> str:
        return unified_diff(self.before, self.after, self.name)


@dataclass
class FixRun:
    """All inputs of one ``--fix`` run."""

    files: list[FixedFile] = field(default_factory=list)
    #: Workbooks given: listed, never modified.
    workbooks: list[str] = field(default_factory=list)
    #: Files with fixes that were not written, and why (read-only, the folder not writable, disk full).
    not_written: list[tuple[str, str]] = field(default_factory=list)

    @property
    def fixed_count(self) -> int:
        return sum(len(f.fixed) for f in self.files)


def fix_inputs(args: Sequence[str], *, write: bool, unsafe: bool = False, selection: Selection | None = None,
               sign_folder: SignFolder | None = None, fonts: FontSet | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES, read_stdin: Callable[[], str | bytes] | None = None) -> FixRun:
    """Fix every site file among ``args`` (files, folders, ``-``); write them back when ``write``.

    The checks between passes leave out layout (fixes come from the schema and the
    content rules); ``fonts`` only adds the glyph checks, which have no fixes either.
    An unreadable file is left to the check that follows, which reports it.
    """
    run = FixRun()
    for item in collect_inputs(args, read_stdin, max_bytes=max_bytes):
        if item.workbook:
            run.workbooks.append(item.display)
            continue
        source = read_source(item.path, max_bytes=max_bytes, display=item.name) if item.path is not None \
            else read_bytes(item.data or b"", item.name, max_bytes=max_bytes)
        if source.text is None:
            continue
        text = source.text
        bom = _BOM if item.path is not None and item.path.read_bytes().startswith(_BOM.encode()) else ""

        def diagnostics(current: str, name: str = item.name) -> list[Diagnostic]:
            return check_text(current, name, fonts=fonts, sign_folder=sign_folder, selection=selection).diagnostics

        outcome = fix_text(text, diagnostics, unsafe)
        fixed = FixedFile(item.name, text, outcome.text, outcome.fixed, item.path)
        if write and fixed.changed and item.path is not None:
            why = _write_back(item.path, bom + fixed.after)
            if why is not None:
                run.not_written.append((item.name, why))
                fixed = FixedFile(item.name, text, text, [], item.path)  # left as it was: nothing fixed in it
        run.files.append(fixed)
    return run


def _write_back(path: Path, text: str) -> str | None:
    """Replace the file's content atomically, through a symbolic link, keeping its permission bits; or why not.

    The atomic replace goes through the folder, so it would succeed on a read-only file:
    a file its owner marked read-only is left alone, as editors and ruff leave it.
    """
    target = path.resolve()
    try:
        mode = target.stat().st_mode & 0o7777
        if not mode & 0o222:
            return "文件是只读的"
        atomic_write_bytes(target, text.encode("utf-8"))
        os.chmod(target, mode)
    except OSError as failure:
        return describe_os_error(failure)
    return None
