"""The small value types the fonts subsystem hands to the rest of signkit.

They live in their own module, with no fontTools import, so that the loader, the
renderer and the CLI can pass fonts around (and tests can build them by hand) without
paying for font parsing.  Everything is frozen: a resolved font set is decided once
per run and must not drift while pages are drawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from signkit.diagnostics import Diagnostic, Location

#: The two typographic roles of a safety board: titles (黑体) and body text (楷体).
Role = Literal["title", "body"]

#: How fonts are chosen: ``system`` runs the full resolution order, ``bundled`` pins the
#: bundled stand-ins so that a check gives the same answer on every machine.
Mode = Literal["system", "bundled"]

ROLES: tuple[Role, ...] = ("title", "body")

#: The Chinese word for each role, as shown to people.
ROLE_LABELS: dict[Role, str] = {"title": "标题", "body": "正文"}


@dataclass(frozen=True)
class FontChoice:
    """A font the user named, and who named it.

    ``spec`` is a path, optionally followed by ``#FaceName`` or ``#index`` to pick a
    face out of a ``.ttc`` collection.  ``origin`` is the Chinese phrase used in
    reasons and messages (``"命令行 --title-font"``, ``"signkit.toml 的 fonts.title"``);
    ``location`` is where the name was written (a line in ``signkit.toml``), so an error
    about a bad font points back at the place to fix it.
    """

    spec: str | Path
    origin: str
    location: Location | None = None


@dataclass(frozen=True)
class ResolvedFont:
    """One font that will print one role, and why it was chosen.

    ``reason`` is Chinese and meant for people (the ``signkit fonts`` listing and the
    render manifest).  ``mandated`` says whether this is the regulation's own font for
    the role; a print shop or an inspector may need to know when it is not.
    """

    role: Role
    path: Path
    face_index: int
    family: str
    reason: str
    mandated: bool
    bundled: bool
    local_family: str | None = None

    @property
    def label(self) -> str:
        """Name for messages: ``黑体（SimHei）``, or just the family when no Chinese name."""
        if self.local_family and self.local_family != self.family:
            return f"{self.local_family}（{self.family}）"
        return self.family

    @property
    def key(self) -> tuple[str, int]:
        """Identity of the face on disk, used to deduplicate fallback chains."""
        return (str(self.path), self.face_index)


@dataclass(frozen=True)
class FontSet:
    """The fonts for a run: a fallback chain per role, chosen font first.

    ``diagnostics`` carries what the caller should show even when nothing failed: a
    stand-in in use (SK304), an installed font that had to be skipped (SK308).
    ``searched`` lists the places looked in for installed fonts, for the
    ``signkit fonts`` command and for hints.
    """

    title: tuple[ResolvedFont, ...]
    body: tuple[ResolvedFont, ...]
    mode: Mode = "system"
    diagnostics: tuple[Diagnostic, ...] = ()
    searched: tuple[str, ...] = ()

    def chain(self, role: Role) -> tuple[ResolvedFont, ...]:
        """The fallback chain that prints ``role``."""
        return self.title if role == "title" else self.body

    def primary(self, role: Role) -> ResolvedFont:
        """The font chosen for ``role`` (first of its chain)."""
        return self.chain(role)[0]
