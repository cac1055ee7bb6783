"""The manifests beside the boards, as typed models: what each one says, and how it is read back.

Every enterprise folder holds a ``manifest.json`` (its boards, its print-shop
companions, and the fields of the crash-safe protocol :mod:`signkit.output.publish`
writes them by), and OUTDIR holds one more that indexes the enterprises and the print
order.  They are written by one run and read by the next, by ``signkit diff`` and by
print shops, so they are a file format: this module says once which keys there are,
in which order they are written, and how a manifest written by an older signkit, or
edited by hand, is read.

Written: exactly the keys a model was given, in the order the model declares them
(every signkit has written them in that order), so the bytes are what a run has always
written.  Read: a key signkit does not know is kept and written back after the known
ones; a value of the wrong type reads as absent; a list entry that is not an object,
or names no file, is dropped; a list that is not a list reads as empty; a file that
cannot be parsed is *damaged* (:attr:`EnterpriseManifest.damaged`), which is not the
same as missing.  Nothing a manifest says can make reading fail.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Annotated, Any, Self, TypeAlias

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    field_validator,
)

from signkit.plan.boards import risk_point_name

MANIFEST = "manifest.json"

#: A length in mm as written: a float from a run, an int from a caller that passed one.
Number: TypeAlias = int | float


#: The validation context of a manifest read from disk: lenient, where building one in code is strict.
_READING = {"reading": True}


def _reading(info: ValidationInfo) -> bool:
    return isinstance(info.context, dict) and info.context.get("reading") is True


class _Record(BaseModel):
    """One JSON object of a manifest: the keys it was given, written back in the declared order.

    Types are strict: nothing is converted on the way in, so what is written back is
    what was read.  Read from disk (:meth:`read`), a key the model does not declare is
    kept (``extra``) and a declared key whose value has the wrong type reads as absent
    (``None``), so an old or hand-edited manifest is read, never refused.  Built in code,
    a wrong type is an error: a run must not write ``null`` where it meant a value.
    """

    model_config = ConfigDict(extra="allow", strict=True, frozen=True)

    @classmethod
    def read(cls, data: object) -> Self:
        """``data`` (parsed JSON) as this record, leniently: see the class notes."""
        return cls.model_validate(data, context=_READING)

    @field_validator("*", mode="wrap")
    @classmethod
    def _unreadable_is_absent(cls, value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> Any:
        try:
            return handler(value)
        except ValidationError:
            if not _reading(info) or (info.field_name is not None and cls.model_fields[info.field_name].is_required()):
                raise  # built in code, or the one key a record cannot do without (it is dropped)
            return None

    def to_dict(self) -> dict[str, Any]:
        """The object as JSON data: the keys given or read, known ones first in declared order."""
        return self.model_dump(exclude_unset=True)

    def to_json(self, *, exclude: set[str] | None = None) -> str:
        """The file's text as signkit writes it: UTF-8 characters as they are, two-space indent, final newline."""
        return json.dumps(self.model_dump(exclude_unset=True, exclude=exclude), ensure_ascii=False, indent=2) + "\n"


def _well_formed(model: type[_Record]) -> BeforeValidator:
    """A validator keeping, of a list read from disk, the items that are objects ``model`` can read.

    Anything else is dropped, and a value that is not a list at all reads as an empty
    one (hand-edited: nothing in it can be trusted).
    """
    def keep(value: object, info: ValidationInfo) -> object:
        if not _reading(info):
            return value
        if not isinstance(value, list):
            return []
        kept: list[object] = []
        for item in value:
            if isinstance(item, dict):
                try:
                    kept.append(model.model_validate(item, context=info.context))
                except ValidationError:
                    continue
        return kept

    return BeforeValidator(keep)


class BoardEntry(_Record):
    """One board's PDF in an enterprise manifest (``files``, ``baseline``) or in the top-level index.

    Every signkit wrote ``file`` to ``bytes`` in this order; ``bleed_mm`` and ``marks``,
    the content hashes, ``build_hash``, ``key`` and ``fields`` came later, and
    ``stamp_printed``, ``output_intent`` and ``overprint`` later still, so older
    manifests lack some of them.  ``content_scheme`` is not written with a fresh entry:
    :func:`read_manifest` records there which content-hash scheme the entry's manifest was
    hashed under, and an entry carried from one manifest to the next keeps it.  The same
    model describes a board a run *plans* (no file written yet), for the reprint list.
    """

    file: str
    form: str | None = None
    name: str | None = None
    title: str | None = None
    subject: str | None = None
    trim_mm: list[Number] | None = None
    bleed_mm: Number | None = None
    marks: bool | None = None
    pages: int | None = None
    copies: int | None = None
    maker: str | None = None
    hangs: str | None = None
    grown: bool | None = None
    #: The faces the PDF actually embeds.
    fonts: list[dict[str, Any]] | None = None
    content_hash: str | None = None
    #: The content hash under scheme 1, so a manifest of that time can still be compared.
    content_hash_v1: str | None = None
    stamp: str | None = None
    #: The revision stamp as printed (``""``: none printed; the content hash above is kept whatever it shows).
    stamp_printed: str | None = None
    #: The output intent the PDF names (FOGRA39, JC200103, or an embedded profile), and whether black overprints.
    output_intent: str | None = None
    overprint: bool | None = None
    sha256: str | None = None
    bytes: int | None = None
    build_hash: str | None = None
    #: The board's identity across runs (:func:`board_key`).
    key: str | None = None
    #: The site-file fields the board prints, for the reasons of a reprint list.
    fields: dict[str, str] | None = None
    content_scheme: int | None = None

    def content(self) -> dict[str, Any]:
        """What :func:`signkit.layout.stamp.same_content` compares, with exactly the keys this entry has."""
        return self.model_dump(include={"content_scheme", "content_hash", "content_hash_v1", "fields"},
                               exclude_unset=True)

    def in_folder(self, folder: str) -> BoardEntry:
        """This entry as the top-level manifest lists it: the path from OUTDIR, and no ``fields``.

        The fields are the enterprise manifest's business (they explain reprints); the
        index says what to print.
        """
        return BoardEntry.model_validate({**self.model_dump(exclude_unset=True, exclude={"fields"}),
                                          "file": f"{folder}/{self.file}"})


class ExtraEntry(_Record):
    """One print-shop companion (样稿, 分块, 拼版) in an enterprise manifest's ``extras``.

    An imposed sheet file is printed instead of the single cards, so the print order
    needs what is printed: the sheet size, how many sheets, the cards' bleed, the cards
    it holds and the output intent (``None`` for the other companions and older manifests).
    """

    file: str
    kind: str | None = None
    sha256: str | None = None
    bytes: int | None = None
    sheet_mm: list[Number] | None = None
    sheets: int | None = None
    pages: int | None = None
    bleed_mm: Number | None = None
    cards: int | None = None
    per_sheet: int | None = None
    output_intent: str | None = None


class SignInputs(_Record):
    """The sign files an enterprise's boards may draw, recorded so a rerun can hash them without parsing.

    ``base`` is the folder relative sign paths start from; ``folders`` the sign folders
    (all their files count); ``files`` the sign files the site names one by one.
    """

    base: str | None = None
    folders: list[str] | None = None
    files: list[str] | None = None


class BlockedEntry(_Record):
    """A planned board this run could not make, and why (``blocked`` of a manifest, written only when there is one).

    ``reasons`` are the problems that block it, one line each, as ``check`` prints them;
    ``file`` names the earlier version that stays in the folder (and in ``files``)
    until the data is fixed, if there is one.  The next run makes the board as soon as
    its own data is clean, and lists it for printing then.
    """

    form: str
    subject: str | None = None
    key: str | None = None
    reasons: list[str] | None = None
    file: str | None = None


BoardEntries = Annotated[list[BoardEntry], _well_formed(BoardEntry)]
BlockedEntries = Annotated[list[BlockedEntry] | None, _well_formed(BlockedEntry)]


class EnterpriseManifest(_Record):
    """An enterprise folder's ``manifest.json``: its boards and the fields of the publish protocol.

    ``complete`` is true only in the manifest written after everything else, and only
    that one carries ``input_hash`` (and ``signs``, what the hash covered); ``baseline``
    holds the boards as the last delivered reprint list knew them while a list is
    undelivered; ``writing`` (in an interim manifest) names every file a run may create,
    replace or delete.  See :mod:`signkit.output.publish` for the order they are written in.
    """

    signkit: str | None = None
    content_scheme: int | None = None
    site_file: str | None = None
    enterprise: str | None = None
    revised: str | None = None
    fonts: list[dict[str, Any]] | None = None
    complete: bool | None = None
    input_hash: str | None = None
    signs: SignInputs | None = None
    files: BoardEntries = []
    extras: Annotated[list[ExtraEntry], _well_formed(ExtraEntry)] = []
    #: Not a list (``null`` included): empty, not absent — nothing in it can be trusted, not even that it is over.
    baseline: Annotated[list[BoardEntry] | None, _well_formed(BoardEntry)] = None
    writing: list[str] | None = None
    blocked: BlockedEntries = None

    _damaged: bool = PrivateAttr(default=False)

    @classmethod
    def unreadable(cls) -> EnterpriseManifest:
        """What a manifest file that exists but cannot be read says: nothing, and that it is damaged."""
        manifest = cls()
        manifest._damaged = True
        return manifest

    @property
    def damaged(self) -> bool:
        """The file exists but could not be read, so the run can say why every board is listed as new."""
        return self._damaged

    @property
    def undelivered(self) -> bool:
        """Whether a run's reprint list was never handed on: the manifest still holds its ``baseline``."""
        return "baseline" in self.model_fields_set

    def delivered_boards(self) -> list[BoardEntry]:
        """The boards the last delivered reprint list knew: what a new reprint list is compared with.

        That is ``baseline`` while a run's list is undelivered (the run was killed, or is
        still going), and the manifest's ``files`` otherwise.
        """
        return self.baseline if self.baseline is not None else self.files


class IndexedEnterprise(_Record):
    """One enterprise in the top-level manifest; ``this_run`` is written (false) only for one carried over."""

    enterprise: str | None = None
    site_file: str | None = None
    folder: str | None = None
    this_run: bool | None = None
    files: BoardEntries = []
    blocked: BlockedEntries = None


class TopManifest(_Record):
    """``OUTDIR/manifest.json``: every enterprise in OUTDIR with its boards, and the print order's two files.

    ``print_order_key`` says what 印刷清单.csv/.pdf were made from and
    ``print_order_sha256`` what they were when written, so a rerun whose print order
    would be the same, and is intact on disk, need not render it again.
    ``complete`` is false while a run is under way (or was killed): the enterprises are
    then listed without files and the print order is set aside (``pipeline/top.py``);
    a manifest of signkit before this field counts as complete.
    """

    signkit: str | None = None
    complete: bool | None = None
    enterprises: Annotated[list[IndexedEnterprise], _well_formed(IndexedEnterprise)] = []
    print_order: list[str] | None = None
    print_order_key: str | None = None
    print_order_sha256: dict[str, str | None] | None = None
    #: 重印清单.csv: this run's boards to make, reprint or take down (``pipeline/reprint.py``).
    reprint_list: str | None = None


def _load_json(path: Path) -> dict[str, Any] | None:
    """A manifest file's JSON object: ``{}`` if there is no file, ``None`` if it cannot be read or is not an object."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def load_manifest(folder: Path) -> EnterpriseManifest:
    """The manifest in ``folder`` as written (an empty one if missing; :attr:`~EnterpriseManifest.damaged` if unreadable)."""
    data = _load_json(folder / MANIFEST)
    return EnterpriseManifest.unreadable() if data is None else EnterpriseManifest.read(data)


def read_manifest(folder: Path) -> EnterpriseManifest:
    """The manifest of an earlier run in ``folder``, brought up to date (empty if missing: start afresh).

    A manifest may have been written by an older signkit, so its boards are brought up
    to date as they are read: every entry's ``key`` is made again by :func:`board_key`
    from its 附表 and subject (a board's identity was once its 附表 and full subject,
    risk level included, and a rerun after upgrading must not read every 2-4 board as
    one taken down and one new), and every entry says which content-hash scheme it was
    hashed under (``content_scheme``; none recorded: scheme 1), so that
    :func:`signkit.layout.stamp.same_content` compares it fairly.
    """
    manifest = load_manifest(folder)
    scheme = manifest.content_scheme if "content_scheme" in manifest.model_fields_set else 1
    update: dict[str, list[BoardEntry]] = {}
    for name, entries in (("files", manifest.files), ("baseline", manifest.baseline)):
        if name in manifest.model_fields_set and entries is not None:
            update[name] = [_upgraded(entry, scheme) for entry in entries]
    return manifest.model_copy(update=update) if update else manifest


def _upgraded(entry: BoardEntry, scheme: int | None) -> BoardEntry:
    update: dict[str, Any] = {}
    if entry.form is not None and entry.subject is not None:
        update["key"] = board_key(entry.form, entry.subject)
    if "content_scheme" not in entry.model_fields_set:
        update["content_scheme"] = scheme
    return entry.model_copy(update=update)


def read_top_manifest(outdir: Path) -> TopManifest | None:
    """OUTDIR's top-level manifest of the last finished run, or ``None`` if there is none to go by.

    Missing, damaged or empty alike: a damaged one is simply written anew, and the run
    counts as the first in OUTDIR.
    """
    data = _load_json(outdir / MANIFEST)
    return TopManifest.read(data) if data else None


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


def manifest_intact(folder: Path, manifest: EnterpriseManifest) -> bool:
    """Whether ``manifest`` is the last word of a finished run and the disk still agrees with every entry."""
    entries: list[BoardEntry | ExtraEntry] = [*manifest.files, *manifest.extras]
    return manifest.complete is True and bool(manifest.files) and all(
        file_sha256(folder / e.file) == e.sha256 for e in entries)
