"""Finding the mandated fonts installed on this machine.

Three sources, in this order: the Windows fonts folders, the macOS font folders, and
fontconfig (``fc-list``) where it exists; on a machine with neither Windows/macOS
folders nor ``fc-list``, the usual Linux font folders.  Folders and the ``fc-list``
query are parameters so tests can use fake font folders and never see the fonts of
the machine they run on.

Font *names* decide, not file names: the regulation's 楷体_GB2312 may be installed as
``SIMKAI.TTF``, ``楷体_GB2312.ttf`` or anything else.  Listings are sorted and ties are
broken by a fixed key, so the same folders always give the same choice.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from signkit.fonts.fontfile import FONT_SUFFIXES, FaceInfo, FontReadError, read_faces
from signkit.fonts.model import Role
from signkit.fonts.names import ALL_MANDATED, mandated_rank, normalize_name

#: A query returning font files that may hold a mandated font (the default runs fc-list).
FcList = Callable[[], Iterable[Path]]

_FC_FORMAT = "%{file}\\t%{family}\\t%{fullname}\\t%{postscriptname}\\n"


def default_search_dirs(env: Mapping[str, str], *, fc_list_available: bool) -> list[Path]:
    """The font folders to scan on this machine, in priority order, existing ones only.

    Windows: ``%WINDIR%\\Fonts`` and the per-user ``%LOCALAPPDATA%\\Microsoft\\Windows\\Fonts``.
    macOS: ``/Library/Fonts``, ``~/Library/Fonts``, ``/System/Library/Fonts`` (scanned
    recursively, which covers ``Supplemental`` and Office's ``Microsoft`` folder).
    Elsewhere fontconfig is the source of truth; only without ``fc-list`` are the
    common Linux folders scanned directly.
    """
    dirs: list[Path] = []
    windir = env.get("WINDIR") or env.get("SystemRoot")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    local_app = env.get("LOCALAPPDATA")
    if local_app:
        dirs.append(Path(local_app) / "Microsoft" / "Windows" / "Fonts")
    home = env.get("HOME") or env.get("USERPROFILE")
    dirs.append(Path("/Library/Fonts"))
    if home:
        dirs.append(Path(home) / "Library" / "Fonts")
    dirs.append(Path("/System/Library/Fonts"))
    if not fc_list_available and not any(d.is_dir() for d in dirs):
        dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts")]
        if home:
            dirs += [Path(home) / ".local" / "share" / "fonts", Path(home) / ".fonts"]
    return [d for d in dirs if d.is_dir()]


def fc_list_available() -> bool:
    """Whether fontconfig's ``fc-list`` is on the PATH."""
    return shutil.which("fc-list") is not None


def fc_list_mandated_files() -> list[Path]:
    """Font files fontconfig knows whose names look mandated (pre-filter only).

    The files are read again with fontTools afterwards, so fontconfig only narrows the
    search; a failing or missing ``fc-list`` simply yields nothing.
    """
    exe = shutil.which("fc-list")
    if exe is None:
        return []
    try:
        done = subprocess.run(
            [exe, "--format", _FC_FORMAT],
            capture_output=True,
            check=False,
            timeout=20,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    if done.returncode != 0:
        return []
    files: set[str] = set()
    for line in done.stdout.decode("utf-8", errors="replace").splitlines():
        file, _, rest = line.partition("\t")
        names = {normalize_name(n) for field in rest.split("\t") for n in field.split(",")}
        if file and names & ALL_MANDATED:
            files.add(file)
    return [Path(f) for f in sorted(files)]


def font_files_in(dirs: Sequence[Path]) -> list[Path]:
    """Font files under ``dirs``, recursively, each folder's listing sorted."""
    found: list[Path] = []
    for top in dirs:
        for root, subdirs, files in os.walk(top):
            subdirs.sort()
            for name in sorted(files):
                if Path(name).suffix.lower() in FONT_SUFFIXES:
                    found.append(Path(root) / name)
    return found


@dataclass(frozen=True)
class Candidate:
    """An installed face that carries a mandated name for a role, with its sort key."""

    face: FaceInfo
    rank: int
    order: int

    @property
    def sort_key(self) -> tuple[int, bool, int, str, int]:
        return (
            self.rank,
            not self.face.is_regular,
            self.order,
            str(self.face.path),
            self.face.index,
        )


def scan_faces(files: Iterable[Path]) -> list[tuple[int, FaceInfo]]:
    """Read every face of ``files`` once (deduplicated), keeping discovery order.

    Unreadable or damaged files are skipped: a broken font somewhere in a system folder
    must not stop signkit from printing with the others.
    """
    seen: set[str] = set()
    faces: list[tuple[int, FaceInfo]] = []
    for order, path in enumerate(files):
        try:
            key = str(path.resolve())
        except OSError:
            continue
        if key in seen:
            continue
        seen.add(key)
        try:
            infos = read_faces(path)
        except FontReadError:
            continue
        faces.extend((order, info) for info in infos)
    return faces


def mandated_candidates(role: Role, faces: Iterable[tuple[int, FaceInfo]]) -> list[Candidate]:
    """Installed faces named as the mandated font for ``role``, best first."""
    found: list[Candidate] = []
    for order, face in faces:
        rank = mandated_rank(role, face.names)
        if rank is not None:
            found.append(Candidate(face, rank, order))
    found.sort(key=lambda c: c.sort_key)
    return found
