"""What a file is for, and which PDF/X it claims: what the other checks must hold it to.

signkit writes four kinds of PDF, and only one of them is a finished board:

* a **board** (``signkit render``): PDF/X-1a keys, a TrimBox, its 附表 in ``/Subject``;
* a **proof** (``--proof``, 样稿) and **tiles** (``--tile``, 拼贴): office-printer
  sheets, printed whole and never cut by a print shop, so they carry no TrimBox and no
  PDF/X keys, and a tile is a part of a board, not a board of its own size;
* **imposed sheets** (``--impose``, 拼版): SRA3 sheets of ganged cards, whose sheet is
  not any 附表's size.

Each names its kind as the first of its ``/Keywords`` (样稿, 拼贴, 拼版; see
``signkit/printshop``), so that is what is read here; a file from elsewhere that says
the same is judged the same way, which is what its author asked for.  Holding a tile to
the board's minimum size or asking a proof for a TrimBox is crying wolf (issue 15).

The PDF/X version (``GTS_PDFXVersion``) decides what is allowed: transparency is an
error in PDF/X-1a and PDF/X-3 (both flatten it away) but fine in PDF/X-4 and later, and
PDF/X-1a:2003 is PDF 1.4 without object streams.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

import pikepdf

from signkit.pdfkit.document import document_info


class Kind(enum.Enum):
    """What a PDF is for."""

    BOARD = "成品"
    PROOF = "样稿"
    TILES = "拼贴"
    IMPOSED = "拼版"

    @property
    def office(self) -> bool:
        """Printed whole on an office printer (no TrimBox, no PDF/X keys expected)."""
        return self in (Kind.PROOF, Kind.TILES)


@dataclass(frozen=True)
class DocumentKind:
    """A file's kind and its claimed PDF/X version (``""`` for none)."""

    kind: Kind
    pdfx: str

    @property
    def transparency_allowed(self) -> bool:
        """PDF/X-4 and later keep live transparency; X-1a and X-3 do not."""
        match = re.match(r"PDF/X-(\d+)", self.pdfx)
        return match is not None and int(match.group(1)) >= 4

    @property
    def x1a(self) -> bool:
        return self.pdfx.startswith("PDF/X-1")


def _text(value: object) -> str:
    return str(value).strip() if isinstance(value, pikepdf.String) else ""


def document_kind(pdf: pikepdf.Pdf) -> DocumentKind:
    """The kind named by the first keyword, and the PDF/X version, from the document information."""
    info = document_info(pdf)
    keywords = _text(info.get("/Keywords")) if info is not None else ""
    first = re.split(r"[,，;；]", keywords, maxsplit=1)[0].strip()
    kind = next((k for k in Kind if k is not Kind.BOARD and k.value == first), Kind.BOARD)
    pdfx = _text(info.get("/GTS_PDFXVersion")) if info is not None else ""
    return DocumentKind(kind, pdfx)
