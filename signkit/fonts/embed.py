"""Registering resolved fonts with ReportLab, once each, under stable names.

ReportLab keeps a process-wide font registry keyed by name; the name must be ASCII
and must differ for two faces of one ``.ttc``.  Deriving it from the file path and
face index keeps repeated renders in one process from re-parsing the same 15 MB font.

Two things ReportLab does by default cost every board's PDF, and are turned off here:

* its "ASCII-readable" subsets put all 95 printable ASCII characters into the first
  subset of every font, used or not: about 20 kB of the 67 kB of a 2-1-2 in the
  handwriting face.  Without it a subset holds only the characters drawn (the text is
  still extractable: every subset has its ``ToUnicode`` map);
* making a subset asks for the whole ``glyf`` table as ``bytes`` (a copy of 15 MB for
  LXGW WenKai) only to slice a few hundred glyphs out of it; the face here hands out a
  view of the table instead, so a subset costs what its glyphs cost.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped, unused-ignore]

from signkit.fonts.model import FontSet, ResolvedFont


class _GlyphTable:
    """The ``glyf`` table of a parsed face, sliced without copying the table first.

    ReportLab's subsetter only slices it (``table[start:end]``) and treats each slice
    as ``bytes``, which a slice of this is.
    """

    __slots__ = ("_view",)

    def __init__(self, view: memoryview) -> None:
        self._view = view

    def __getitem__(self, index: slice) -> bytes:
        return bytes(self._view[index])

    def __len__(self) -> int:
        return len(self._view)


def _table_without_copy(face: Any) -> Any:
    """``face.get_table`` that returns the ``glyf`` table as a :class:`_GlyphTable`, other tables as before."""
    plain = face.get_table
    data = memoryview(face._ttf_data)

    def get_table(tag: str) -> Any:
        if tag != "glyf":
            return plain(tag)
        start, length = face.get_table_pos(tag)
        return _GlyphTable(data[start:start + length])

    return get_table


def reportlab_name(font: ResolvedFont) -> str:
    """A registry name unique to the face: ``signkit-<hash of path>-<face index>``."""
    return _name(font.path, font.face_index)


@lru_cache(maxsize=64)
def _name(path: Path, face_index: int) -> str:
    """:func:`reportlab_name`, once per face and process: resolving the path is a few system calls
    (about 25 µs), and the renderer asks for the name of every run of text it draws."""
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:12]
    return f"signkit-{digest}-{face_index}"


#: Registry names of the faces registered in this process, by (path, face index).
_REGISTERED: dict[tuple[Path, int], str] = {}


def register(font: ResolvedFont) -> str:
    """Register ``font`` with ReportLab if not yet done; return its registry name.

    The font is subset on embedding, so only the glyphs a PDF uses are stored in it.
    Every text run asks for its face's name: a registered face answers from a dict,
    without resolving the path again or listing ReportLab's registry.
    """
    key = (font.path, font.face_index)
    known = _REGISTERED.get(key)
    if known is not None:
        return known
    name = reportlab_name(font)
    if name not in pdfmetrics.getRegisteredFontNames():
        face = TTFont(name, str(font.path), subfontIndex=font.face_index, asciiReadable=False)
        face.face.get_table = _table_without_copy(face.face)
        pdfmetrics.registerFont(face)
    _REGISTERED[key] = name
    return name


def preload(fonts: FontSet) -> None:
    """Parse every face of ``fonts`` for ReportLab now, so that worker processes forked later share the result.

    Parsing a CJK face takes a tenth of a second or more; a worker that inherits it
    (fork) neither parses it again nor holds its own copy of the tables.  A face ReportLab
    cannot read is left for the render to meet, where it is reported for the site that uses it.
    """
    for font in (*fonts.title, *fonts.body):
        try:
            register(font)
        except Exception:  # reported where the face is drawn, for the site that draws it
            continue
