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

import hashlib
import json
from pathlib import Path
from typing import Any

from signkit.plan.boards import risk_point_name

MANIFEST = "manifest.json"


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of an earlier run in ``folder``, or ``{}`` (missing or unreadable: start afresh).

    A manifest may have been written by an older signkit, so its boards are brought up
    to date as they are read: every entry's ``key`` is made again by :func:`board_key`
    from its 附表 and subject (a board's identity was once its 附表 and full subject,
    risk level included, and a rerun after upgrading must not read every 2-4 board as
    one taken down and one new), and every entry says which content-hash scheme it was
    hashed under (``content_scheme``; none recorded: scheme 1), so that
    :func:`signkit.layout.stamp.same_content` compares it fairly.
    """
    data = _load_manifest(folder)
    scheme = data.get("content_scheme", 1)
    for name in ("files", "baseline"):
        if name in data and not isinstance(data[name], list):  # hand-edited: nothing in it can be trusted
            data[name] = []
        entries = data.get(name)
        for entry in entries if isinstance(entries, list) else []:
            if not isinstance(entry, dict):
                continue
            form, subject = entry.get("form"), entry.get("subject")
            if isinstance(form, str) and isinstance(subject, str):
                entry["key"] = board_key(form, subject)
            entry.setdefault("content_scheme", scheme)
    return data


#: Set in what :func:`read_manifest` returns for a manifest that exists but cannot be read,
#: so the run can say why every board of that enterprise is listed as new.
DAMAGED = "damaged"


def load_json_manifest(path: Path) -> dict[str, Any]:
    """A manifest file as written: ``{}`` if missing, ``{DAMAGED: True}`` if unreadable or not an object."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        return {DAMAGED: True}
    return data if isinstance(data, dict) else {DAMAGED: True}


def _load_manifest(folder: Path) -> dict[str, Any]:
    return load_json_manifest(folder / MANIFEST)


def file_sha256(path: Path) -> str | None:
    """The file's sha256 in hex, or ``None`` if it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def board_key(form_id: str, subject: str) -> str:
    """A board's identity across runs: its 附表 and what it is for — for a 2-4, its risk point.

    Not the 2-4's whole subject, 成品仓库（低风险）: when a risk point's level changes it
    is the same board on the same wall that must be reprinted (in the new colour),
    with the level as the reason — not a new board and another taken down.
    """
    if form_id == "2-4":
        subject = risk_point_name(subject)
    return f"{form_id}|{subject}"


def manifest_entries(manifest: dict[str, Any], key: str = "files") -> list[dict[str, Any]]:
    """The well-formed entries of one list of a manifest (a hand-edited one may hold anything)."""
    value = manifest.get(key, [])
    return [e for e in value if isinstance(e, dict) and isinstance(e.get("file"), str)] if isinstance(value, list) else []


def manifest_baseline(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """The boards the last delivered reprint list knew: what a new reprint list is compared with.

    That is ``baseline`` while a run's list is undelivered (the run was killed, or is
    still going), and the manifest's ``files`` otherwise.
    """
    if isinstance(manifest.get("baseline"), list):
        return manifest_entries(manifest, "baseline")
    return manifest_entries(manifest)


def manifest_intact(folder: Path, manifest: dict[str, Any]) -> bool:
    """Whether ``manifest`` is the last word of a finished run and the disk still agrees with every entry."""
    entries = [*manifest_entries(manifest), *manifest_entries(manifest, "extras")]
    return manifest.get("complete") is True and bool(manifest_entries(manifest)) and all(
        file_sha256(folder / e["file"]) == e.get("sha256") for e in entries)
