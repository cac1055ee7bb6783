"""Writing a built site to disk: readable, safe file names, atomic writes, and a manifest.

File names come from the data (``2-2_合成车间_企业安全生产责任牌.pdf``), so they are
sanitised: nothing a site file says can make a path leave OUTDIR, name a device, or
hide a control character.  Every file is written atomically, and the manifest is
written so that it is never wrong about the disk, whenever the run is killed:

* ``files`` lists only files that exist with the recorded sha256;
* ``complete`` is true only in the manifest written after everything else, and only
  such a manifest carries the ``input_hash`` that lets a rerun skip the enterprise;
* ``baseline`` holds the boards as the last *delivered* reprint list knew them, so a
  run killed before its list reached anyone is listed again, in full, by the next run;
* ``writing`` (while a run is in flight) names every file it may create, replace or
  delete, so the next run removes what the killed one left half-done.
"""

from __future__ import annotations

import errno
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from signkit._version import __version__
from signkit.layout.stamp import CONTENT_SCHEME
from signkit.output.atomic import atomic_write_bytes, atomic_write_text, kill_point, real_folder
from signkit.output.manifest import (
    MANIFEST,
    BlockedEntry,
    BoardEntry,
    EnterpriseManifest,
    ExtraEntry,
    SignInputs,
    board_key,
    file_sha256,
    load_manifest,
    read_manifest,
)
from signkit.output.names import assign_names, safe_name
from signkit.render.built import BuildResult, BuiltBoard
from signkit.render.stamp import printed_stamps


@dataclass(frozen=True)
class WrittenFile:
    path: Path
    built: BuiltBoard

    def manifest_entry(self, root: Path, fields: dict[str, str]) -> BoardEntry:
        """What the manifest says about this file; ``fonts`` are the faces the PDF actually embeds."""
        planned, built = self.built.planned, self.built
        return BoardEntry(
            file=self.path.relative_to(root).as_posix(), form=planned.form_id, name=planned.form_name,
            title=built.board.title, subject=planned.subject, trim_mm=[round(built.width, 1), round(built.height, 1)],
            bleed_mm=built.bleed, marks=built.marks, pages=len(built.board.pages), copies=built.copies,
            maker=planned.maker, hangs=planned.hangs, grown=built.grown, fonts=list(built.fonts),
            content_hash=built.board.content_hash,
            # what a manifest of signkit before content-hash scheme 2 would say: see stamp.same_content
            content_hash_v1=built.board.legacy_hash, stamp=built.board.content_hash[:8],
            stamp_printed=" / ".join(printed_stamps(built.board)), output_intent=built.intent or None,
            overprint=built.overprint, sha256=built.sha256,
            # a file kept from the last run was not rendered now (``pdf`` is empty): publish fills in its size
            bytes=len(built.pdf), build_hash=built.build_hash, key=board_key(planned.form_id, planned.subject),
            fields=fields)


def _inside(root: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


@dataclass
class Published:
    folder: Path
    written: list[WrittenFile]
    rewritten: list[str]
    kept: list[str]
    removed: list[str]
    #: The boards not made this time, each with the earlier version kept in its place (if any).
    blocked: list[BlockedEntry] = field(default_factory=list)


def _write_manifest(target: Path, manifest: EnterpriseManifest) -> None:
    atomic_write_text(target / MANIFEST, manifest.to_json())


def publish(result: BuildResult, outdir: Path, *, folder: str, site_file: str, enterprise: str,
            revised: str, extras: Sequence[tuple[str, str, bytes, dict[str, Any]]] = (), fields: Sequence[dict[str, str]] = (),
            input_hash: str = "", signs: SignInputs | None = None, unreported: bool = True,
            blocked: Sequence[BlockedEntry] = ()) -> Published:
    """Write ``result`` into ``outdir/folder`` so that the manifest is never wrong about the disk.

    Order: (1) an interim manifest (``complete: false``, no input hash) listing only the
    earlier files that stay as they are, the baseline for the reprint list, and every
    name about to change; (2) the new and changed files, each atomically; (3) removal of
    files of boards that no longer exist and of whatever a killed run left; (4) the final
    manifest.  A run killed at any point leaves only complete files and a manifest whose
    every entry exists with its recorded sha256, and the next run still sees the same
    baseline, so its reprint list and its removals are those this run would have made.
    ``unreported`` keeps the baseline in the final manifest until the caller has handed
    the reprint list on (:func:`acknowledge`).  ``signs`` records the sign files the
    boards were drawn from, so a rerun can tell, without parsing, whether one changed.
    ``blocked`` are the planned boards not made this time: an earlier version of one
    stays in the folder, and in ``files``, as it was (its data is broken now, but the
    board on the wall was right when it was printed); the manifest lists them all.
    """
    target = real_folder(outdir, safe_name(folder), create=False)  # a planted link is refused before anything is read
    old = read_manifest(target)
    baseline = old.delivered_boards()
    old_by_key = {e.key: e for e in old.files}
    names = assign_names(result)
    header: dict[str, Any] = {"signkit": __version__, "content_scheme": CONTENT_SCHEME, "site_file": site_file,
                              "enterprise": enterprise, "revised": revised, "fonts": result.fonts}
    written = [WrittenFile(target / name, built) for name, built in zip(names, result.boards, strict=True)]
    entries = [item.manifest_entry(target, fields[index] if index < len(fields) else {})
               for index, item in enumerate(written)]
    data: dict[str, bytes] = {}  # file name → bytes to write
    kept_old: list[BoardEntry] = []  # the earlier entries of files left as they are
    for index, (item, entry) in enumerate(zip(written, entries, strict=True)):
        if not item.built.reused:
            data[entry.file] = item.built.pdf
            continue
        previous = old_by_key.get(entry.key)
        if previous is not None and previous.file == entry.file:
            # the size of the file on disk, whose sha256 the build just checked (an older manifest may say 0)
            size = (target / entry.file).stat().st_size
            entries[index] = entry.model_copy(update={"bytes": size})
            kept_old.append(previous.model_copy(update={"bytes": size}))
            continue
        # the same PDF under another name (names shift when boards come and go): copy it across
        source = target / previous.file if previous is not None else None
        content = _read_verified(source, item.built.sha256) if source is not None and _inside(target, source) else None
        if content is None:  # deleted or changed since the build looked at it: nothing to copy
            raise OSError(errno.ENOENT, "earlier file vanished", str(source))
        data[entry.file] = content
        entries[index] = entry.model_copy(update={"bytes": len(content)})
    # the earlier versions of boards blocked this time stay, as long as they are what the manifest says
    built_keys = {e.key for e in entries}
    kept_blocked: list[BlockedEntry] = []
    for waiting in blocked:
        previous = old_by_key.get(waiting.key)
        if previous is not None and waiting.key not in built_keys and _inside(target, target / previous.file) \
                and file_sha256(target / previous.file) == previous.sha256:
            entries.append(previous)
            kept_old.append(previous)
            waiting = waiting.model_copy(update={"file": previous.file})
        kept_blocked.append(waiting)
    new_extras = {relative: content for relative, _, content, _ in extras}
    earlier: list[BoardEntry | ExtraEntry] = [*old.files, *baseline, *old.extras]
    old_names = {e.file for e in earlier}
    old_names.update(old.writing or [])
    stale = sorted(name for name in old_names - {e.file for e in entries} - set(new_extras)
                   if name and _inside(target, target / name))
    real_folder(outdir, safe_name(folder))
    _write_manifest(target, EnterpriseManifest(**header, complete=False, files=kept_old, extras=[], baseline=baseline,
                                               writing=sorted({*data, *new_extras, *stale})))
    kill_point("interim")
    for name, content in data.items():
        atomic_write_bytes(target / name, content)
        kill_point("board")
    extra_entries = []
    for relative, kind, content, info in extras:
        path = real_folder(target, Path(relative).parent) / Path(relative).name
        atomic_write_bytes(path, content)
        extra_entries.append(ExtraEntry(file=path.relative_to(target).as_posix(), kind=kind,
                                        sha256=hashlib.sha256(content).hexdigest(), bytes=len(content), **info))
    removed = []
    for name in stale:
        path = target / name
        if path.is_file() or path.is_symlink():
            path.unlink(missing_ok=True)
            removed.append(name)
    kill_point("removed")
    final: dict[str, Any] = {**header, "complete": True, "input_hash": input_hash}
    if signs is not None:
        final["signs"] = signs
    final.update(files=entries, extras=extra_entries)
    if unreported:
        final["baseline"] = baseline
    if kept_blocked:
        final["blocked"] = kept_blocked
    _write_manifest(target, EnterpriseManifest(**final))
    kill_point("final")
    kept_names = {e.file for e in kept_old}
    return Published(target, written, sorted(data), [e.file for e in entries if e.file in kept_names], removed,
                     kept_blocked)


def _read_verified(path: Path, sha256: str) -> bytes | None:
    try:
        content = path.read_bytes()
    except OSError:
        return None
    return content if hashlib.sha256(content).hexdigest() == sha256 else None


def acknowledge(folder: Path) -> bool:
    """Drop the baseline from a finished manifest once its reprint list has been handed on.

    Until then a rerun lists the same reprints again (twice is better than never: a
    board missing from the list is a wrong board on the wall).  Returns whether the
    manifest changed.
    """
    manifest = load_manifest(folder)  # as written: only the baseline goes
    if manifest.complete is not True or not manifest.undelivered:
        return False
    atomic_write_text(folder / MANIFEST, manifest.to_json(exclude={"baseline"}))
    return True
