"""Writing a built site to disk: readable, safe file names, atomic writes, and a manifest.

File names come from the data (``2-2_合成车间_企业安全生产责任牌.pdf``), so they are
sanitised: nothing a site file says can make a path leave OUTDIR, name a device, or
hide a control character.  Every file is written atomically, and ``manifest.json`` is
written last, so a manifest never lists a file that is not there in full.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from signkit import __version__
from signkit.build import BuildResult, BuiltBoard
from signkit.output import atomic_write_bytes, atomic_write_text

MAX_NAME = 60
_FORBIDDEN = re.compile(r'[/\\:*?"<>|]+')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)


def safe_name(text: str) -> str:
    """A file-name component made from user data: no separators, controls, dots at the ends or devices."""
    cleaned = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp"))
    cleaned = _FORBIDDEN.sub("_", cleaned)
    cleaned = re.sub(r"\s+", "_", cleaned).strip("._ ")
    cleaned = cleaned[:MAX_NAME].rstrip("._ ")
    if not cleaned:
        cleaned = "未命名"
    if _RESERVED.match(cleaned):
        cleaned = f"_{cleaned}"
    return cleaned


def board_filename(built: BuiltBoard) -> str:
    planned = built.planned
    if planned.form_id.startswith("2-1") or planned.form_id in ("2-6", "2-7"):
        return f"{planned.form_id}_{safe_name(planned.title)}.pdf"
    return f"{planned.form_id}_{safe_name(planned.subject.split('（')[0])}_{safe_name(planned.form_name)}.pdf"


@dataclass(frozen=True)
class WrittenFile:
    path: Path
    built: BuiltBoard

    def manifest_entry(self, root: Path) -> dict[str, Any]:
        """What the manifest says about this file; ``fonts`` are the faces the PDF actually embeds."""
        planned = self.built.planned
        return {
            "file": self.path.relative_to(root).as_posix(),
            "form": planned.form_id,
            "name": planned.form_name,
            "title": self.built.board.title,
            "subject": planned.subject,
            "trim_mm": [round(self.built.width, 1), round(self.built.height, 1)],
            "bleed_mm": self.built.bleed,
            "marks": self.built.marks,
            "pages": len(self.built.board.pages),
            "copies": self.built.copies,
            "maker": planned.maker,
            "hangs": planned.hangs,
            "grown": self.built.grown,
            "fonts": list(self.built.fonts),
            "content_hash": self.built.board.content_hash,
            "stamp": self.built.board.content_hash[:8],
            "sha256": self.built.sha256,
            "bytes": len(self.built.pdf),
        }


def _inside(root: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


MANIFEST = "manifest.json"


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of an earlier run in ``folder``, or ``{}`` (missing or unreadable: start afresh)."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def file_sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def board_key(form_id: str, subject: str) -> str:
    """A board's identity across runs: its 附表 and what it is for."""
    return f"{form_id}|{subject}"


def assign_names(result: BuildResult) -> list[str]:
    """Readable, unique file names for the boards, in order."""
    names: list[str] = []
    used: set[str] = set()
    for built in result.boards:
        name = board_filename(built)
        stem, counter = name[:-4], 2
        while name in used:
            name, counter = f"{stem}_{counter}.pdf", counter + 1
        used.add(name)
        names.append(name)
    return names


@dataclass
class Published:
    folder: Path
    written: list[WrittenFile]
    rewritten: list[str]
    kept: list[str]
    removed: list[str]


def _write_manifest(target: Path, header: dict[str, Any], files: list[dict[str, Any]],
                    extras: list[dict[str, Any]]) -> None:
    atomic_write_text(target / MANIFEST, json.dumps({**header, "files": files, "extras": extras},
                                                    ensure_ascii=False, indent=2) + "\n")


def publish(result: BuildResult, outdir: Path, *, folder: str, site_file: str, enterprise: str,
            revised: str, extras: Sequence[tuple[str, str, bytes]] = (), fields: Sequence[dict[str, str]] = (),
            input_hash: str = "") -> Published:
    """Write ``result`` into ``outdir/folder`` so that the manifest is never wrong about the disk.

    Order: (1) a manifest listing only the earlier files that stay as they are; (2) the
    new and changed files, each atomically; (3) removal of files of boards that no
    longer exist; (4) the final manifest.  A run killed at any point leaves only complete
    files, and a manifest whose every entry exists with its recorded sha256.
    """
    target = outdir / safe_name(folder)
    if not _inside(outdir, target):  # pragma: no cover - safe_name already prevents it
        raise ValueError(f"refusing to write outside {outdir}")
    old = read_manifest(target)
    old_files = {e.get("file"): e for e in old.get("files", []) if isinstance(e, dict)}
    old_extras = {e.get("file"): e for e in old.get("extras", []) if isinstance(e, dict)}
    names = assign_names(result)
    header = {"signkit": __version__, "site_file": site_file, "enterprise": enterprise, "revised": revised,
              "input_hash": input_hash, "fonts": result.fonts}
    written = [WrittenFile(target / name, built) for name, built in zip(names, result.boards, strict=True)]
    entries = []
    for index, item in enumerate(written):
        entry = item.manifest_entry(target)
        entry["build_hash"] = item.built.build_hash
        entry["key"] = board_key(item.built.planned.form_id, item.built.planned.subject)
        entry["fields"] = fields[index] if index < len(fields) else {}
        entries.append(entry)
    to_write = {item.path.name for item in written if not item.built.reused}
    kept = [e for e in entries if e["file"] not in to_write]
    stale = [name for name in old_files if name not in {e["file"] for e in entries}]
    new_extras = {relative for relative, _, _ in extras}
    stale_extras = [name for name in old_extras if name not in new_extras]
    target.mkdir(parents=True, exist_ok=True)
    _write_manifest(target, header, kept, [e for name, e in old_extras.items() if name not in new_extras
                                           and name not in stale_extras])
    for item in written:
        if not item.built.reused:
            atomic_write_bytes(item.path, item.built.pdf)
    extra_entries = []
    for relative, kind, data in extras:
        path = target / relative
        if not _inside(outdir, path):  # pragma: no cover - names are made by signkit
            raise ValueError(f"refusing to write outside {outdir}")
        atomic_write_bytes(path, data)
        extra_entries.append({"file": path.relative_to(target).as_posix(), "kind": kind,
                              "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)})
    removed = []
    for name in [*stale, *stale_extras]:
        if name and _inside(target, target / str(name)):
            (target / str(name)).unlink(missing_ok=True)
            removed.append(str(name))
    for leftover in sorted(target.glob(".*.tmp")):  # temp files of a run that was killed
        leftover.unlink(missing_ok=True)
    _write_manifest(target, header, entries, extra_entries)
    return Published(target, written, sorted(to_write), [e["file"] for e in kept], removed)
