"""Content hashes and the revision stamp: what a board prints, independent of fonts, signkit's version and the clock.

The *content hash* of a board covers exactly what a reader of the printed board sees:
its 附表, its trim size, its backgrounds, non-text content such as QR payloads and
sign files, and its text — block by block (a cell, a title, a list), each block
paragraph by paragraph, as the layout was asked to print it (:attr:`Page.texts
<signkit.drawing.items.Page.texts>`).  It is printed, shortened, in the board's revision
stamp, so an inspector can compare the board on the wall with the current data; and
it decides whether a board must be reprinted.

Why blocks and not the drawn lines: where a line breaks depends on the fonts (another
face, other widths), and a board must keep its hash when only the font changes.  Why
blocks and not all text run together: a space inside a name (刘燕 → 刘 燕) and text
moving from one cell to the next (段海军 | 智国栋 → 段海 | 军智国栋) are visible on the
board, so they change the hash.  Only what never prints is normalised away
(:func:`signkit.drawing.text.wording`).

The revision stamp's own line is left out of the content hash: it holds the hash, and
its revision date changing is not a reason to reprint a board whose content is the
same.  The date is printed, though, so the stamp's text is part of the *build hash*
(:func:`signkit.pipeline.build.build_hash`): a new date rebuilds the file, and asks nobody to reprint.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from signkit.drawing.items import Board, Text

#: Replaced in the revision stamp by the first :data:`STAMP_LENGTH` hex digits of the hash.
STAMP_PLACEHOLDER = "#" * 8


STAMP_LENGTH = len(STAMP_PLACEHOLDER)


#: How content hashes are computed: 1 — all text of a page run together, white space removed
#: (signkit before this scheme; it missed a space inside a name and text moved between cells);
#: 2 — block by block (:func:`content_hash`).  Recorded in the manifest, so that one written
#: under scheme 1 is compared fairly (:func:`same_content`).
CONTENT_SCHEME = 2


def printed_blocks(board: Board) -> list[list[tuple[str, ...]]]:
    """Each page's blocks of text, each as its paragraphs; the revision stamp left out."""
    return [[block for block in page.texts if not any(STAMP_PLACEHOLDER in para for para in block)]
            for page in board.pages]


def printed_text(board: Board) -> list[str]:
    """Each page's text, a line per paragraph (the revision stamp left out): to read, or to search in."""
    return ["\n".join(para for block in blocks for para in block) for blocks in printed_blocks(board)]


def stamp_text(board: Board) -> list[str]:
    """The revision stamp as laid out, placeholder and all: printed, but not part of the content hash."""
    return [para for page in board.pages for block in page.texts for para in block if STAMP_PLACEHOLDER in para]


def content_hash(board: Board, width: float, height: float) -> str:
    """SHA-256 (hex) of what ``board`` prints at ``width`` × ``height`` mm (:data:`CONTENT_SCHEME` 2)."""
    payload = {
        "scheme": CONTENT_SCHEME,
        "form": board.form_id,
        "size": [round(width, 1), round(height, 1)],
        "pages": printed_blocks(board),
        "backgrounds": [repr(page.background) for page in board.pages],
        "extra": list(board.content_extra),
    }
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def legacy_content_hash(board: Board, width: float, height: float) -> str:
    """The content hash of scheme 1, of a board laid out but not yet stamped: for :func:`same_content` only.

    Scheme 1 ran each page's drawn text together with all white space removed, so
    boards rendered before scheme 2 carry these hashes in their manifests.
    """
    pages = []
    for page in board.pages:
        parts = [item.text for item in page.items if isinstance(item, Text) and STAMP_PLACEHOLDER not in item.text]
        pages.append("".join("".join(parts).split()))
    payload = {
        "form": board.form_id,
        "size": [round(width, 1), round(height, 1)],
        "pages": pages,
        "backgrounds": [repr(page.background) for page in board.pages],
        "extra": list(board.content_extra),
    }
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


#: Fields printed on a board but not part of its content hash (the stamp's date: see the module docstring).
_OUTSIDE_CONTENT = frozenset({"企业.修订日期"})


def same_content(before: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    """Whether two descriptions of one board (manifest or planned entries) say it prints the same.

    Normally: equal content hashes.  When one side was hashed under scheme 1 (a
    manifest written by an older signkit; :func:`signkit.output.manifest.read_manifest` marks
    its entries ``content_scheme: 1``), its hash is compared with the other side's
    scheme-1 hash, ``content_hash_v1`` (planned entries and manifests of scheme 2 carry
    it), so that upgrading signkit does not list every board for reprint.  Scheme 1
    missed changes of white space and of cell boundaries; those are changes of the
    data, so the printed fields must agree too.
    """
    old_scheme = before.get("content_scheme", CONTENT_SCHEME)
    new_scheme = after.get("content_scheme", CONTENT_SCHEME)
    if old_scheme == new_scheme or 1 not in (old_scheme, new_scheme):
        return bool(before.get("content_hash") == after.get("content_hash"))
    legacy, current = (before, after) if old_scheme == 1 else (after, before)
    if not current.get("content_hash_v1") or legacy.get("content_hash") != current.get("content_hash_v1"):
        return False
    legacy_fields, current_fields = legacy.get("fields"), current.get("fields")
    if not isinstance(legacy_fields, Mapping) or not isinstance(current_fields, Mapping):
        return False
    return all(legacy_fields.get(key) == value for key, value in current_fields.items() if key not in _OUTSIDE_CONTENT)
