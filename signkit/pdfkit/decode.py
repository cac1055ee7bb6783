"""Reading a content stream's bytes with a cap, and bounding what parsing them will cost before it is paid.

qpdf decodes a stream in full when asked for its data: a Flate stream of 400 KB inflates
to 400 MB that way, and the same stream filtered twice to gigabytes.  So the readers
decode content streams here, never past the room left in their budget
(:mod:`.budget`):

* **Flate** (the filter of nearly every content stream), **ASCII85** and **ASCIIHex** are
  decoded here: Flate incrementally with ``zlib.decompressobj`` and a ``max_length`` one
  byte past the room, so no more than the room is ever produced; ASCII85 and ASCIIHex
  after computing their output size from the input (they never grow much: ``z`` is
  four bytes).  A chain of them is bounded at every stage.
* **Everything else** (LZW, RunLength, predictors) is left to qpdf only when the
  caller allows it (the preflight) *and* the worst the filters can do
  (:data:`EXPANSION`: the most one input byte can become) keeps the result within the
  room; otherwise the stream is :class:`Undecodable` with reason ``"unbounded"``, and
  nothing was spent.  The sign reader allows none of them (a sign's content never needs
  them), and images are never decoded by either reader.

:func:`token_bound` counts, from the decoded bytes and at the speed of ``bytes.count``,
at least as many tokens as qpdf's parser will find, so that a stream of twenty million
operators is refused before a single one becomes a Python object.

Nothing here speaks to the user: :class:`StreamTooLarge` and :class:`Undecodable`
carry what happened, and the clients say it.
"""

from __future__ import annotations

import base64
import binascii
import math
import zlib
from dataclasses import dataclass
from typing import Literal

import pikepdf

from signkit.errors import SignkitError
from signkit.pdfkit.geometry import number

#: The most one input byte can become through each filter, for the filters left to qpdf: deflate's
#: maximum ratio is 1,032 : 1; an LZW code of 12 bits stands for at most 3,839 bytes (2,560 : 1);
#: a RunLength pair of 2 bytes for 128; an ASCII85 ``z`` for 4; ASCIIHex halves.  A filter not listed
#: (image codecs, crypt filters) has no bound and is never decoded for content.
EXPANSION = {
    "/FlateDecode": 1032, "/Fl": 1032, "/LZWDecode": 2560, "/LZW": 2560, "/RunLengthDecode": 64, "/RL": 64,
    "/ASCII85Decode": 4, "/A85": 4, "/ASCIIHexDecode": 1, "/AHx": 1,
}
_FLATE = ("/FlateDecode", "/Fl")
_A85 = ("/ASCII85Decode", "/A85")
_AHX = ("/ASCIIHexDecode", "/AHx")
_OWN = (*_FLATE, *_A85, *_AHX)
_PDF_SPACE = b" \t\r\n\f\x00"

Reason = Literal["unsupported", "predictor", "unbounded", "damaged"]


class StreamTooLarge(SignkitError):
    """Decoding would produce more than the room the caller gave (nothing past it was produced)."""

    def __init__(self, room: int) -> None:
        super().__init__(f"decoded data exceeds {room} bytes")
        self.room = room


@dataclass
class Undecodable(SignkitError):
    """A stream this module will not (or cannot) decode: which filter, and why.

    ``unsupported``: a filter that is not allowed; ``predictor``: a predictor the caller's
    own decoding does not apply; ``unbounded``: left to qpdf, the filters could produce
    more than the room; ``damaged``: the data does not decode.
    """

    filter: str
    reason: Reason
    detail: str = ""

    def __post_init__(self) -> None:
        super().__init__(f"{self.filter}: {self.reason}" + (f" ({self.detail})" if self.detail else ""))


def filters_of(stream: pikepdf.Stream) -> list[tuple[str, pikepdf.Object | None]]:
    """A stream's filters in order, each with its decode parameters."""
    filters = stream.get("/Filter")
    names = [str(f) for f in filters] if isinstance(filters, pikepdf.Array) \
        else [str(filters)] if filters is not None else []
    parms = stream.get("/DecodeParms")
    out: list[tuple[str, pikepdf.Object | None]] = []
    for index, name in enumerate(names):
        parm = parms[index] if isinstance(parms, pikepdf.Array) and index < len(parms) else \
            None if isinstance(parms, pikepdf.Array) else parms
        out.append((name, parm))
    return out


def _predicted(parm: pikepdf.Object | None) -> bool:
    return isinstance(parm, pikepdf.Dictionary) and (number(parm.get("/Predictor")) or 1) > 1


def read_content(stream: pikepdf.Stream, room: int, *, library_filters: bool) -> bytes:
    """A content stream's data through its filters, never more than ``room`` bytes.

    Raises :class:`StreamTooLarge` when the data would exceed ``room`` (decoding stopped
    there), :class:`Undecodable` otherwise when it cannot be read (see the module's
    docstring for ``library_filters``).
    """
    filters = filters_of(stream)
    data = stream.read_raw_bytes()
    if not filters or not data:  # an empty stream is empty whatever its filters (exporters write them)
        if len(data) > room:
            raise StreamTooLarge(room)
        return data
    if all(name in _OWN and not _predicted(parm) for name, parm in filters):
        for name, _parm in filters:
            data = _decode(name, data, room)
        return data
    strange = next(name for name, parm in filters if name not in _OWN or _predicted(parm))
    if not library_filters:
        raise Undecodable(strange, "predictor" if strange in _OWN else "unsupported")
    unknown = [name for name, _parm in filters if name not in EXPANSION]
    if unknown:
        raise Undecodable(unknown[0], "unsupported")
    if len(data) * math.prod(EXPANSION[name] for name, _parm in filters) > room:
        raise Undecodable(strange, "unbounded")
    try:
        return stream.read_bytes(pikepdf.StreamDecodeLevel.generalized)
    except pikepdf.PdfError as error:
        raise Undecodable(strange, "damaged", str(error)) from None


def _decode(name: str, data: bytes, room: int) -> bytes:
    """One of the filters decoded here, its output capped at ``room``."""
    try:
        if name in _FLATE:
            inflater = zlib.decompressobj()
            out = inflater.decompress(data, room + 1)
            if len(out) <= room and not inflater.eof:  # cut short: part of the content is missing
                raise Undecodable(name, "damaged", "incomplete")
        elif name in _A85:
            body = data.split(b"~>", 1)[0].strip().removeprefix(b"<~")
            spaces = sum(body.count(bytes((c,))) for c in _PDF_SPACE)
            zeros = body.count(b"z")
            if 4 * zeros + (len(body) - spaces - zeros + 4) // 5 * 4 > room:
                raise StreamTooLarge(room)
            out = base64.a85decode(body, ignorechars=_PDF_SPACE)
        else:
            digits = bytes(ch for ch in data.split(b">", 1)[0] if ch not in _PDF_SPACE)
            out = binascii.unhexlify(digits + b"0" * (len(digits) % 2))
    except (zlib.error, ValueError, binascii.Error) as error:
        raise Undecodable(name, "damaged", str(error)) from None
    if len(out) > room:
        raise StreamTooLarge(room)
    return out


#: Bytes that end a regular token for the count (PDF's whitespace and delimiters, and — to be safe —
#: every other control character and DEL), mapped to a space; every other byte to ``x``.
_SEPARATORS = bytes(range(0x21)) + b"()<>[]{}/%\x7f"
_DELIMITERS = b"()<>[]{}/%"
_RUNS = bytes(0x20 if byte in _SEPARATORS else 0x78 for byte in range(256))


def token_bound(data: bytes) -> int:
    """At least as many tokens as qpdf's parser finds in ``data``, counted at C speed.

    A token is a run of regular characters (a number, an operator, a name's body, ``true``)
    or starts with a delimiter (a name, a string, an array, a dictionary, a comment):
    the runs plus every delimiter byte.  Strings, names and inline image data are
    counted more than once, never less: the bound errs on the side of refusing.
    """
    if not data:
        return 0
    runs = data.translate(_RUNS)
    count = runs.count(b"x ") + (runs[-1] == 0x78)
    return count + sum(data.count(bytes((byte,))) for byte in _DELIMITERS)
