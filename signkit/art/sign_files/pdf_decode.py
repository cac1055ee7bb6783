"""Decoding a PDF sign's content streams with a bound, so a small file cannot ask for gigabytes.

qpdf decodes a stream in full when asked for its data; a Flate "zip bomb" of a few
hundred kilobytes inflates to hundreds of megabytes that way.  A sign's content is a few
hundred kilobytes at most, so the PDF sign reader decodes the streams itself, never
past :data:`MAX_CONTENT_BYTES` (all streams of the file together), and only with the
filters content streams use.  The preflight has no such bound: it reads files signkit
is asked to check, not artwork it is asked to print.
"""

from __future__ import annotations

import base64
import binascii
import zlib

import pikepdf

from signkit.art.sign_files.results import Refused
from signkit.pdfkit.geometry import number

#: Decoded content read at all, all streams together (a detailed sign is a few hundred kilobytes).
MAX_CONTENT_BYTES = 2 * 1024 * 1024

_FLATE = ("/FlateDecode", "/Fl")
_A85 = ("/ASCII85Decode", "/A85")
_AHX = ("/ASCIIHexDecode", "/AHx")


def decode(stream: pikepdf.Stream, room: int) -> bytes:
    """A stream's data through its filters, never more than ``room`` bytes (``too_large`` beyond).

    Only the filters content streams use are decoded here — Flate (with a bound: its
    expansion has no limit), ASCII85 and ASCIIHex (which shrink) — so nothing is ever
    inflated without a cap; other filters (LZW, run-length, predictors) are refused.
    """
    filters = stream.get("/Filter")
    names = [str(f) for f in filters] if isinstance(filters, pikepdf.Array) \
        else [str(filters)] if filters is not None else []
    parms = stream.get("/DecodeParms")
    data = stream.read_raw_bytes()
    if len(data) > room and not names:
        raise Refused("too_large", f"内容流超过 {MAX_CONTENT_BYTES // 1024 // 1024} MB")
    for index, name in enumerate(names):
        parm = parms[index] if isinstance(parms, pikepdf.Array) and index < len(parms) else parms
        if isinstance(parm, pikepdf.Dictionary) and (number(parm.get("/Predictor")) or 1) > 1:
            raise Refused("unsupported", "内容流使用了带预测器的压缩（请重新导出 PDF）")
        try:
            if name in _FLATE:
                inflater = zlib.decompressobj()
                data = inflater.decompress(data, room + 1)
            elif name in _A85:
                data = base64.a85decode(data.split(b"~>", 1)[0].strip().removeprefix(b"<~"))
            elif name in _AHX:
                digits = bytes(ch for ch in data.split(b">", 1)[0] if ch not in b" \t\r\n\f\x00")
                data = binascii.unhexlify(digits + b"0" * (len(digits) % 2))
            else:
                raise Refused("unsupported", f"内容流的压缩方式 {name[1:]} 不受支持（请重新导出 PDF）")
        except (zlib.error, ValueError, binascii.Error):
            raise Refused("not_image", "内容流已损坏，无法解压") from None
        if len(data) > room:
            raise Refused("too_large", f"解压后的内容流超过 {MAX_CONTENT_BYTES // 1024 // 1024} MB")
    return data
