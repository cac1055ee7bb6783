"""PDF/X-1a:2003 keys that ReportLab does not write, added with pikepdf.

What is added: an OutputIntent naming a registered characterisation (Coated FOGRA39 by
default; PDF/X-1a allows naming a registered condition instead of embedding its ICC
profile), ``GTS_PDFXVersion``, ``Trapped /False``.  What the rest of signkit already
guarantees: CMYK only, every font embedded, TrimBox on every page, no transparency, a
document ID, a title, fixed creation and modification dates (ReportLab's invariant
mode).  No PDF/X validator is available here, so signkit claims these keys and checks,
not conformance; see docs/printing.md.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pikepdf


@dataclass(frozen=True)
class OutputCondition:
    identifier: str
    info: str
    registry: str = "http://www.color.org"


FOGRA39 = OutputCondition("FOGRA39", "Coated FOGRA39 (ISO 12647-2:2004)")
PDFX_VERSION = "PDF/X-1a:2003"


def add_pdfx_keys(pdf: bytes, condition: OutputCondition = FOGRA39) -> bytes:
    """``pdf`` with an OutputIntent and the PDF/X info keys; the bytes stay deterministic."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        intent = pikepdf.Dictionary(
            Type=pikepdf.Name.OutputIntent,
            S=pikepdf.Name.GTS_PDFX,
            OutputConditionIdentifier=pikepdf.String(condition.identifier),
            OutputCondition=pikepdf.String(condition.info),
            RegistryName=pikepdf.String(condition.registry),
            Info=pikepdf.String(condition.info),
        )
        document.Root.OutputIntents = pikepdf.Array([document.make_indirect(intent)])
        info = document.docinfo
        info[pikepdf.Name.GTS_PDFXVersion] = pikepdf.String(PDFX_VERSION)
        info[pikepdf.Name.Trapped] = pikepdf.Name("/False")
        out = io.BytesIO()
        document.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.disable,
                      min_version="1.4")
    return out.getvalue()
