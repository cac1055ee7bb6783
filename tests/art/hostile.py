"""Hostile sign files in miniature: pictures of a few kilobytes that claim gigapixels, SVGs that reach outside.

Shared by tests/art/test_sign_budgets.py and ``benchmarks/hostile_bench.py``.  Each file
is generated on the spot and built without ever holding the pixels it claims (the PNGs
are written row by row, compressed as they go).
"""

from __future__ import annotations

import base64
import io
import struct
import zlib

from PIL import Image


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int, height: int, *, colour_type: int = 3, bit_depth: int = 1) -> bytes:
    """A valid PNG of ``width × height`` blank pixels (palette, 1 bit by default), a few KB however large.

    ``colour_type`` 3 is a palette image (one transparent red entry), 0 greyscale, 2 RGB, 6 RGBA.
    """
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour_type]
    row = b"\x00" + bytes((width * channels * bit_depth + 7) // 8)
    deflater = zlib.compressobj(9)
    rows = 256
    block = deflater.compress(row * rows)
    data = bytearray(block)
    for _ in range(height // rows - 1):
        data += deflater.compress(row * rows)
    data += deflater.compress(row * (height % rows if height >= rows else height)) + deflater.flush()
    header = struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 0)
    # a palette with a transparent entry: what makes a reader convert it to RGBA
    palette = _chunk(b"PLTE", b"\xff\x00\x00") + _chunk(b"tRNS", b"\x00") if colour_type == 3 else b""
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + palette + _chunk(b"IDAT", bytes(data)) + _chunk(b"IEND", b"")


def jpeg(width: int = 32, height: int = 32, **save: object) -> bytes:
    """A small real JPEG."""
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, "JPEG", **save)
    return out.getvalue()


def jpeg_claiming(width: int, height: int) -> bytes:
    """A 32 × 32 JPEG whose frame header (SOF) claims ``width × height``: the header lies, the data is tiny."""
    data = bytearray(jpeg())
    at = data.index(b"\xff\xc0")  # SOF0: marker, length (2), precision (1), height (2), width (2)
    data[at + 5:at + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def jpeg_many_scans(scans: int = 5_000) -> bytes:
    """A progressive JPEG whose last scan is repeated ``scans`` times: each one is another pass over every block."""
    data = jpeg(512, 512, progressive=True, quality=90)
    last = data.rindex(b"\xff\xda")
    return data[:last] + data[last:-2] * scans + b"\xff\xd9"


def other_format(fmt: str) -> bytes:
    """A small picture in ``fmt`` (TIFF, GIF, BMP, WEBP…), to be saved under a .png name."""
    out = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 30, 30)).save(out, fmt)
    return out.getvalue()


SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ' \
           'width="100" height="100" viewBox="0 0 100 100">\n'
RING = '<circle cx="50" cy="50" r="30" fill="none" stroke="#ff0000" stroke-width="8"/>\n'


def svg(body: str, opening: str = SVG_OPEN) -> bytes:
    """An SVG sign: a red ring, then ``body``."""
    return (opening + RING + body + "</svg>\n").encode("utf-8")


def data_uri(picture: bytes, kind: str = "png") -> str:
    return f"data:image/{kind};base64," + base64.b64encode(picture).decode("ascii")


def svg_with_palette_pngs(count: int = 17, side: int = 8000) -> bytes:
    """An SVG (~190 KB) embedding ``count`` palette PNGs of ``side × side`` that a naive reader turns into RGBA."""
    picture = data_uri(png(side, side))
    images = "".join(f'<image x="0" y="0" width="10" height="10" href="{picture}"/>\n' for _ in range(count))
    return svg(images)


def svg_many_elements(count: int = 1_000_000) -> bytes:
    """An SVG with ``count`` small squares (~30 MB for a million)."""
    return svg('<rect x="1" y="1" width="1" height="1" fill="#000"/>\n' * count)


def svg_deep(levels: int = 10_000) -> bytes:
    """An SVG whose square is inside ``levels`` nested groups."""
    return svg("<g>" * levels + '<rect x="1" y="1" width="1" height="1"/>' + "</g>" * levels)


def svg_long_path(megabytes: float = 50.0) -> bytes:
    """An SVG with one path whose ``d`` is ``megabytes`` MB of line segments."""
    step = " L1 1"
    return svg(f'<path d="M0 0{step * int(megabytes * 1_000_000 / len(step))} Z" fill="#000"/>\n')


def svg_view_box(box: str, size: str = 'width="100" height="100" ') -> bytes:
    """An SVG sign with the given ``viewBox`` (and ``size`` attributes)."""
    return svg("", f'<svg xmlns="http://www.w3.org/2000/svg" {size}viewBox="{box}">\n')
