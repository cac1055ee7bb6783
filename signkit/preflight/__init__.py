"""Preflight: checking any PDF — signkit's or another's — the way a print shop would.

``preflight_pdf(data, name)`` returns located diagnostics (SK6xx, see :mod:`signkit.codes`):
page boxes and the finished size against the 附表, embedded fonts, CMYK-only colour
(registration marks in ``/All`` excepted), transparency (allowed in PDF/X-4),
encryption, image resolution at print size, PDF/X keys and PDF/X-1a syntax, scripts
and automatic actions, transfer functions, annotations in the trim, and what the marks
look like printed: total ink, hairlines, small text, white overprint, registration
colour in the trim, bleed, text near the trim.  Proofs, tiles and imposed sheets are
judged as what they are (:mod:`.kind`).  Nothing here prints.

Submodules, one job each: :mod:`.checks` (opening the file, the page loop),
:mod:`.kind` (what the file is for, which PDF/X), :mod:`.document` (actions, X-1a
syntax), :mod:`.boxes` (page boxes and size), :mod:`.content` (walking the content
streams: colour, transparency, fonts, images, and what is painted where),
:mod:`.marking` (judging what is painted), :mod:`.findings` (merging repeats into
diagnostics).  Reading the PDF — the content-stream interpreter, matrices, colour
spaces — is :mod:`signkit.pdfkit`'s, shared with the PDF sign reader; rule ids are in
:mod:`signkit.codes`.
"""

from __future__ import annotations

from signkit.preflight.checks import DEFAULT_MIN_DPI, preflight_path, preflight_pdf

__all__ = ["DEFAULT_MIN_DPI", "preflight_path", "preflight_pdf"]
