"""Rasterising PDFs to PNG: for a quick look, for the README, and for the pixel tests.

pypdfium2 wraps PDFium (Chrome's PDF engine) and ships it inside its wheel, so the
same pinned version renders the same pixels on every machine of one platform — which
is what lets the reference-image tests compare with zero tolerance.  PNGs are written
without timestamps or other metadata, so they are byte-stable too.
"""

from __future__ import annotations

import io

import pypdfium2 as pdfium
from PIL import Image


def rasterize(pdf: bytes, dpi: float) -> list[Image.Image]:
    """Every page of ``pdf`` as an RGB image at ``dpi`` (no anti-aliasing surprises: PDFium defaults)."""
    document = pdfium.PdfDocument(pdf)
    try:
        images = []
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72.0)
            images.append(bitmap.to_pil().convert("RGB"))
            page.close()
        return images
    finally:
        document.close()


def png_bytes(image: Image.Image) -> bytes:
    """PNG encoding without metadata (deterministic)."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False, compress_level=9)
    return buffer.getvalue()
