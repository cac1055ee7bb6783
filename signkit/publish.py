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


def publish(result: BuildResult, outdir: Path, *, folder: str, site_file: str, enterprise: str,
            revised: str, extras: Sequence[tuple[str, str, bytes]] = ()) -> tuple[Path, list[WrittenFile]]:
    """Write every board of ``result`` into ``outdir/folder`` and its manifest; return the folder and files.

    ``extras`` are print-shop companions (proofs, tiles, imposed sheets) as (relative
    path, what it is, bytes); they are written and listed too.
    """
    target = outdir / safe_name(folder)
    if not _inside(outdir, target):  # pragma: no cover - safe_name already prevents it
        raise ValueError(f"refusing to write outside {outdir}")
    written: list[WrittenFile] = []
    used: set[str] = set()
    for built in result.boards:
        name = board_filename(built)
        stem, counter = name[:-4], 2
        while name in used:
            name, counter = f"{stem}_{counter}.pdf", counter + 1
        used.add(name)
        path = target / name
        if not _inside(outdir, path):  # pragma: no cover
            raise ValueError(f"refusing to write outside {outdir}")
        atomic_write_bytes(path, built.pdf)
        written.append(WrittenFile(path, built))
    extra_entries = []
    for relative, kind, data in extras:
        path = target / relative
        if not _inside(outdir, path):  # pragma: no cover - names are made by signkit
            raise ValueError(f"refusing to write outside {outdir}")
        atomic_write_bytes(path, data)
        extra_entries.append({"file": path.relative_to(target).as_posix(), "kind": kind,
                              "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)})
    manifest = {
        "signkit": __version__,
        "site_file": site_file,
        "enterprise": enterprise,
        "revised": revised,
        "fonts": result.fonts,
        "files": [w.manifest_entry(target) for w in written],
        "extras": extra_entries,
    }
    atomic_write_text(target / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    return target, written
