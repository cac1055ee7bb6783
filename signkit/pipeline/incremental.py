"""What an enterprise's files are made from, as hashes, so that an unchanged enterprise is skipped.

An enterprise whose site file, sign files, options, fonts and signkit version are all
unchanged, and whose finished manifest still matches the disk, is skipped without even
parsing the site file.  This module says what "unchanged" covers — the input hash,
the sign files a site may draw (recorded in the manifest, hashed again on the next
run), and where the last run put the enterprise — apart from the job that acts on it
(:mod:`signkit.pipeline.site_job`), because the hash is a compatibility promise: folders
written by earlier runs must keep being recognised.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from signkit._version import __version__
from signkit.art.sign_files.sources import folder_signs, is_file_entry, resolve_path
from signkit.fonts import FontSet
from signkit.fonts.identity import fontset_identity
from signkit.model.site import Site
from signkit.output.manifest import MANIFEST, SignInputs, file_sha256, read_top_manifest
from signkit.pipeline.options import DEFAULT_OVERLAP, RenderOptions
from signkit.render.settings import DEFAULT_PRINT


def input_hash(data: bytes, options: RenderOptions, fonts: FontSet, *, signs: str = "") -> str:
    """Identity of everything an enterprise's files are made from; equal hashes mean nothing to do.

    ``signs`` is :func:`signs_digest` of the sign files the site draws from: they are
    inputs as much as the site file, and an office replacing 当心触电.svg must get new boards.
    ``--dry-run``, ``--force``, ``--jobs`` and ``--fail-fast`` are left out (how a run goes
    about it is not what the files are made from), so a dry run can see that nothing changed.
    The payload is the one signkit has always hashed, so folders written before are still
    recognised as unchanged: the overlap counts only when a companion is asked for, and the
    print shop's settings (``options.printing``) only when they are not the defaults.
    """
    faces = fontset_identity(fonts)
    shaping: dict[str, object] = {"fit": options.fit, "producer": options.producer, "sizes": tuple(sorted(options.sizes)),
               "bleed": options.bleed, "marks": options.marks, "strict": options.strict, "max_bytes": options.max_bytes,
               "proof": options.proof, "tile": options.tile, "impose": options.impose,
               "overlap": options.overlap if options.companions else DEFAULT_OVERLAP,
               "sign_folder": options.sign_folder}
    if options.printing != DEFAULT_PRINT:  # a shop's [print] settings; without them the payload is the one hashed before
        shaping["printing"] = options.printing.identity()
    if options.selection is not None and options.selection.layers:  # an ignored error lets its boards be made
        shaping["selection"] = [(layer.select, layer.extend_select, layer.ignore, layer.per_file_ignores)
                                for layer in options.selection.layers]
    payload = json.dumps({"site": hashlib.sha256(data).hexdigest(), "options": shaping, "fonts": faces,
                          "signkit": __version__, "signs": signs}, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def site_base(name: str) -> str:
    """The absolute folder a site's relative sign paths start from, as the layout takes it.

    The site file's folder, or the current one for standard input (what
    ``fitting.site_folder`` and the 2-4 layout do), made absolute so that a record of it
    still means the same folder when the next run starts elsewhere.
    """
    folder = Path(name).parent if name and not name.startswith("<") else Path.cwd()
    return os.path.abspath(folder)


def sign_inputs(site: Site, base: str) -> SignInputs:
    """The sign files ``site``'s boards may draw: its sign folder and the files its 警示标识 name.

    Recorded in the manifest so a rerun can hash them again *without parsing the site
    file*; with the site file unchanged, the set of candidates is the same.  The whole
    folder is recorded rather than the files drawn: adding 当心触电.svg to it changes a
    board that used the library's sign until now.
    """
    root = Path(base)
    folders = [os.path.abspath(resolve_path(site.output.sign_folder, root))] if site.output.sign_folder else []
    files = sorted({os.path.abspath(resolve_path(entry, root)) for point in site.risk_points
                    for entry in point.signs if is_file_entry(entry)})
    return SignInputs(base=base, folders=folders, files=files)


def signs_digest(record: SignInputs) -> str:
    """SHA-256 over the current bytes of the sign files ``record`` (from :func:`sign_inputs`) names.

    A folder contributes the files :func:`signkit.art.sign_files.sources.folder_signs` would use, by
    name, with their digests; a missing file or folder is recorded as missing, so that
    creating it later is a change too.
    """
    folders: dict[str, Any] = {}
    for folder in record.folders or []:
        path = Path(folder)
        folders[folder] = ({name: _file_digest(str(file)) for name, file in folder_signs(path).items()}
                           if path.is_dir() else None)
    files = {file: _file_digest(file) for file in record.files or []}
    payload = {"base": record.base, "folders": folders, "files": files}
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
    return file_sha256(Path(path))


def previous_folder(outdir: Path, site_name: str) -> str | None:
    """The folder the last run in ``outdir`` wrote for ``site_name``, from the top-level manifest."""
    try:
        stat = (outdir / MANIFEST).stat()
    except OSError:
        return None
    folders = _folders(str(outdir), stat.st_mtime_ns, stat.st_size, os.getcwd())
    return folders.get(site_name) or folders.get(_resolved(site_name))


@lru_cache(maxsize=4)
def _folders(outdir: str, _mtime: int, _size: int, _cwd: str) -> dict[str, str]:
    """site file → folder, read once per process per version of the top-level manifest.

    Each site file is there as the last run named it and as the file it resolves to, so that
    ``signkit render site/a.yaml`` after ``signkit render /abs/site/a.yaml`` (or ``./site``
    after ``site``) still finds its folder and skips an unchanged enterprise without parsing it.
    Relative names resolve against the current folder (hence the cache key).
    """
    top = read_top_manifest(Path(outdir))
    if top is None:
        return {}
    named = {e.site_file: e.folder for e in top.enterprises if e.site_file and e.folder}
    resolved: dict[str, str] = {}
    for site_file, folder in named.items():
        resolved.setdefault(_resolved(site_file), folder)
    return {**resolved, **named}


def _resolved(site_name: str) -> str:
    """The file a site name means, symbolic links and ``..`` resolved; a roster row keeps its ``#row``."""
    return os.path.realpath(site_name)
