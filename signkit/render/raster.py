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


#: zlib level for previews.  Boards are large flat areas of colour with text: level 1 comes out
#: within 2 % of level 9's size (292 against 288 kB for a 1200-pixel board) in a sixth of the
#: time (42 against 261 ms a board), and level 9 was most of a preview's time.
PREVIEW_LEVEL = 1


def png_bytes(image: Image.Image, *, level: int = PREVIEW_LEVEL) -> bytes:
    """PNG encoding without metadata (deterministic); ``level`` is zlib's, 0-9 (the pixels are the same at any)."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False, compress_level=level)
    return buffer.getvalue()
