"""Preflight: checking any PDF — signkit's or another's — the way a print shop would.

``preflight_pdf(data, name)`` returns located diagnostics (SK6xx, see :mod:`signkit.codes`):
page boxes and the finished size against the 附表, embedded fonts, CMYK-only colour
(registration marks in ``/All`` excepted), no transparency, no encryption, image
resolution at print size, and whether PDF/X keys are present.  Nothing here prints.

Submodules, one job each: :mod:`.checks` (opening the file, document-level checks, the
page loop), :mod:`.boxes` (page boxes and size), :mod:`.content` (what the content
streams show: colour, transparency, fonts, images), :mod:`.findings` (merging repeats
into diagnostics).  Reading the PDF — the content-stream interpreter, matrices, colour
spaces — is :mod:`signkit.pdfkit`'s, shared with the PDF sign reader; rule ids are in
:mod:`signkit.codes`.
"""

from __future__ import annotations

from signkit.preflight.checks import DEFAULT_MIN_DPI, preflight_path, preflight_pdf

__all__ = ["DEFAULT_MIN_DPI", "preflight_path", "preflight_pdf"]
