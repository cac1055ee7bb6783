"""Rasterising PDFs to PNG: for a quick look, for the README, and for the pixel tests.

pypdfium2 wraps PDFium (Chrome's PDF engine) and ships it inside its wheel, so the
same pinned version renders the same pixels on every machine of one platform — which
is what lets the reference-image tests compare with zero tolerance.  PNGs are written
without timestamps or other metadata, so they are byte-stable too.

Pictures show the trim box by default — the board as it is cut and hung, which is what
a preview and the README are for — not the bleed and marks around it, which only a
press needs; ``trim=False`` shows the whole page (the bleed tests look there).
"""

from __future__ import annotations

import io

import pypdfium2 as pdfium
from PIL import Image


def rasterize(pdf: bytes, dpi: float, *, trim: bool = True) -> list[Image.Image]:
    """Every page of ``pdf`` as an RGB image at ``dpi`` (no anti-aliasing surprises: PDFium defaults), trimmed by default."""
    document = pdfium.PdfDocument(pdf)
    try:
        images = []
        for index in range(len(document)):
            page = document[index]
            if trim:
                page.set_cropbox(*page.get_trimbox())  # a page without a TrimBox falls back to its CropBox
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
