"""Registering resolved fonts with ReportLab, once each, under stable names.

ReportLab keeps a process-wide font registry keyed by name; the name must be ASCII
and must differ for two faces of one ``.ttc``.  Deriving it from the file path and
face index keeps repeated renders in one process from re-parsing the same 15 MB font.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped, unused-ignore]

from signkit.fonts.model import ResolvedFont


def reportlab_name(font: ResolvedFont) -> str:
    """A registry name unique to the face: ``signkit-<hash of path>-<face index>``."""
    return _name(font.path, font.face_index)


@lru_cache(maxsize=64)
def _name(path: Path, face_index: int) -> str:
    """:func:`reportlab_name`, once per face and process: resolving the path is a few system calls
    (about 25 µs), and the renderer asks for the name of every run of text it draws."""
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:12]
    return f"signkit-{digest}-{face_index}"


def register(font: ResolvedFont) -> str:
    """Register ``font`` with ReportLab if not yet done; return its registry name.

    The font is subset on embedding, so only the glyphs a PDF uses are stored in it.
    """
    name = reportlab_name(font)
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(font.path), subfontIndex=font.face_index))
    return name
