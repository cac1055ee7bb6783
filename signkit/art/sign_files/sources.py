"""Where the artwork for a 警示标识 entry comes from: a file it names, the sign folder, or the library.

An entry may name a file instead of a library sign (``标志/当心氨气.svg``), and an office
that holds the official artwork can replace any sign *by name*: a file ``当心触电.svg``
(or ``.pdf``, ``.png``, ``.jpg``) in the sign folder (``输出.标志文件夹`` in the site
file, else ``[signs] folder`` in ``signkit.toml``) is used wherever 当心触电 is printed,
自动 included.  The folder may also hold signs the library lacks; they are then used by
their file name.  When one name has several files, the first of SVG, PDF, PNG, JPEG is
used (vectors before bitmaps).  Relative paths are taken from the site file's folder.

This is only the answer to "which source?": nothing is read here, so the rules, the
layout and the rerun bookkeeping can ask it without loading any file.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from pathlib import Path

from signkit.art.catalog import load_library, lookup
from signkit.art.registry import ALIASES, SignSpec

#: Suffixes that mark a 警示标识 entry as a file rather than a sign name, in the sign folder's order of preference.
VECTOR_SUFFIXES = (".svg", ".pdf")
RASTER_SUFFIXES = (".png", ".jpg", ".jpeg")
SUPPORTED_SUFFIXES = (*VECTOR_SUFFIXES, *RASTER_SUFFIXES)


@dataclass(frozen=True)
class LibrarySign:
    """A 警示标识 entry answered by the built-in library."""

    entry: str
    spec: SignSpec


@dataclass(frozen=True)
class FileSign:
    """A 警示标识 entry answered by a file: a path given in the entry, or the folder's file for a name."""

    entry: str
    path: Path
    #: The sign name the file stands for (an override or a folder sign), ``None`` for a path entry.
    name: str | None = None


@dataclass(frozen=True)
class UnknownSign:
    """A name that neither the library nor the sign folder knows, with the closest names."""

    entry: str
    close: tuple[str, ...]


Resolved = LibrarySign | FileSign | UnknownSign


def is_file_entry(entry: str) -> bool:
    """Whether a 警示标识 entry is a file path: it has a suffix such as ``.svg`` or a path separator.

    Sign names are Chinese words without dots or slashes, so the two cannot be confused.
    """
    suffix = Path(entry).suffix
    return "/" in entry or "\\" in entry or (1 < len(suffix) <= 6 and suffix[1:].isascii() and suffix[1:].isalnum())


def resolve_path(text: str, base: Path) -> Path:
    """``text`` as a path: absolute as given, relative to ``base`` (the site file's folder) otherwise."""
    path = Path(os.path.expanduser(text))
    return path if path.is_absolute() else base / path


def folder_signs(folder: Path | None) -> dict[str, Path]:
    """The sign files of the sign folder by name (file name without suffix), SVG, PDF, PNG, JPEG in that order.

    A folder named like a sign file (当心爆炸.pdf/) is kept too, so that using it is a located
    "cannot read" error: skipping it would print the library's drawing instead of the
    office's artwork without a word.
    """
    if folder is None or not folder.is_dir():
        return {}
    found: dict[str, Path] = {}
    for suffix in SUPPORTED_SUFFIXES:
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() == suffix and not path.name.startswith(".") and (path.is_file() or path.is_dir()):
                found.setdefault(path.stem, path)
    return found


#: A sign name starts with its category's word; a suggestion keeps it (禁止戴手套 must never become 必须戴防护手套).
_PREFIXES = ("禁止", "当心", "注意", "必须")


def close_names(entry: str, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The library (and folder) names closest to a mistyped ``entry``, best first, at most three.

    Names are compared without their shared opening word (当心触点 is close to 当心触电,
    not to every 当心 sign), and only with names of the same opening word.
    """
    names = list(dict.fromkeys([*load_library(), *ALIASES, *extra]))
    prefix = next((p for p in _PREFIXES if entry.startswith(p)), "")
    pool = [n for n in names if n.startswith(prefix)]
    rest = entry[len(prefix):]
    scored = [(difflib.SequenceMatcher(None, rest, name[len(prefix):]).ratio(), -i, name) for i, name in enumerate(pool)]
    # an alias close to the entry stands for its sign: suggest the sign's own (standard) name, once
    found = [ALIASES.get(name, name) for score, _, name in sorted(scored, reverse=True) if score >= 0.5]
    return tuple(dict.fromkeys(found))[:3]


def resolve(entry: str, *, base: Path, folder: Path | None = None) -> Resolved:
    """Where the artwork for a 警示标识 entry comes from: a file, the sign folder (by name), or the library."""
    if is_file_entry(entry):
        return FileSign(entry, resolve_path(entry, base))
    own = folder_signs(folder)
    spec = lookup(entry)
    name = spec.name if spec else entry
    for candidate in (entry, name):
        if candidate in own:
            return FileSign(entry, own[candidate], name)
    if spec is not None:
        return LibrarySign(entry, spec)
    return UnknownSign(entry, close_names(entry, tuple(own)))
