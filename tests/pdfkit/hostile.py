"""Hostile PDFs in miniature, and running a reader on one in a process of its own to see what it cost.

Shared by the budget tests (tests/pdfkit, tests/preflight, tests/art) and
``benchmarks/hostile_bench.py``.  Every file is generated on the spot; none is committed.
The PDFs are written by hand (:func:`raw_pdf`), so that they can be exactly as broken as
an attacker would make them, and so that building one never costs what reading it would.

:func:`measured` runs ``python …`` and reports the child's own peak resident memory
(``os.wait4``, not ``RUSAGE_CHILDREN``, whose maximum is over every child the test
session ever ran) and CPU seconds, which a busy machine inflates far less than the
wall clock.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

#: What reading one hostile file may cost at most (issue 14): peak resident memory of the whole process.
MAX_MB = 500
#: CPU seconds one reading may take, interpreter start (~1–1.5 s) included: "a few seconds", with room
#: for a slow machine; before the budgets the same files took 15–80 s.
MAX_CPU = 8.0
ROOT = Path(__file__).resolve().parents[2]

#: Loads a sign file (``argv[1]``) as the check does and, when it is a bitmap, places it on a 300 mm sign as the render does.
SIGN_DRIVER = """
import sys
from pathlib import Path
from signkit.art.sign_files.loader import load_art
from signkit.art.sign_files.results import FileProblem, RasterArt
art = load_art(Path(sys.argv[1]))
if isinstance(art, RasterArt):
    from signkit.art.sign_files.bitmap import raster_item
    from signkit.drawing.box import Box
    print("placed", raster_item(art, Box(0, 0, 300, 400)).size)
elif isinstance(art, FileProblem):
    print(art.kind, art.message)
else:
    print("vector", len(art.shapes), "shapes")
"""


@dataclass(frozen=True)
class Measured:
    """What one child process cost and said."""

    mb: float
    cpu: float
    seconds: float
    output: str
    code: int
    timed_out: bool


def measured(args: Sequence[str], *, root: Path = ROOT, timeout: float = 120.0, limit_mb: int = 4096) -> Measured:
    """Run ``python ARGS`` (from ``root``, importing its signkit) and measure it.

    The child's address space is capped at ``limit_mb`` so that a reader which still
    explodes fails with ``MemoryError`` instead of taking the machine down.
    """
    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit_mb << 20, limit_mb << 20))

    env = dict(os.environ, PYTHONPATH=str(root), PYTHONWARNINGS="ignore")
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        child = subprocess.Popen([sys.executable, *args], stdout=out, stderr=subprocess.STDOUT, env=env,
                                 preexec_fn=cap, cwd=root)
        timed_out = False
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout:
                child.kill()
                _pid, status, usage = os.wait4(child.pid, 0)
                timed_out = True
                break
            time.sleep(0.01)
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
        seconds = time.perf_counter() - start
        out.seek(0)
        output = out.read().decode("utf-8", "replace")
    return Measured(usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, seconds, output, child.returncode,
                    timed_out)


def sign_cost(path: Path, **options: float) -> Measured:
    """:func:`measured` for loading (and placing) the sign file at ``path``."""
    return measured(["-c", SIGN_DRIVER, str(path)], **options)  # type: ignore[arg-type]


def preflight_cost(path: Path, **options: float) -> Measured:
    """:func:`measured` for ``signkit preflight`` of the file at ``path``."""
    return measured(["-m", "signkit", "preflight", str(path)], **options)  # type: ignore[arg-type]

#: A content stream that paints a 10 × 10 square in CMYK black (a page that passes the preflight).
SQUARE = b"0 0 0 1 k 10 10 10 10 re f"


def raw_pdf(objects: Sequence[bytes], *, root: int = 1, xref: bool = True, trailer_extra: bytes = b"") -> bytes:
    """A PDF whose object ``i + 1`` is ``objects[i]`` (the body between ``obj`` and ``endobj``)."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, trailer_extra, start if xref else 0)
    return bytes(out)


def stream(data: bytes, entries: bytes = b"", *, flate: bool = False) -> bytes:
    """The body of a stream object (``flate``: compressed, with ``/Filter /FlateDecode``)."""
    if flate:
        data = zlib.compress(data, 9)
        entries += b" /Filter /FlateDecode"
    return b"<< /Length %d %s >>\nstream\n" % (len(data), entries) + data + b"\nendstream"


def page_pdf(content: bytes, resources: bytes = b"<< >>", *, extra: Sequence[bytes] = (),
             content_entries: bytes = b"", compressed: bool | None = None, size: int = 283) -> bytes:
    """One page (``size`` points square, TrimBox = page) drawing ``content``; ``extra`` are objects 5, 6, …

    ``content`` is compressed with Flate unless ``compressed`` is False (or ``content_entries``
    already names a filter and ``compressed`` is None).
    """
    if compressed is None:
        compressed = b"/Filter" not in content_entries
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /TrimBox [0 0 %d %d] /Resources %s /Contents 4 0 R >>"
        % (size, size, size, size, resources),
        stream(content, content_entries, flate=compressed),
        *extra,
    ])


def form_fanout(levels: int, copies: int = 2, leaf: bytes = SQUARE) -> bytes:
    """Forms that draw the next form ``copies`` times, ``levels`` deep: ``copies ** levels`` leaves from ~1 KB.

    Each copy is shifted a little, so that no two draws of a form are alike (a reader that
    remembers what it already saw gains nothing).  The innermost form draws ``leaf``.
    """
    forms = []
    first = 5
    for level in range(levels):
        number = first + level
        if level == levels - 1:
            body, resources = leaf, b"<< >>"
        else:
            body = b" ".join(b"q 1 0 0 1 %d 0 cm /F Do Q" % k for k in range(copies))
            resources = b"<< /XObject << /F %d 0 R >> >>" % (number + 1)
        forms.append(stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 283 283] /Resources %s" % resources))
    return page_pdf(b"/F Do", b"<< /XObject << /F 5 0 R >> >>", extra=forms)


def _zeros_deflated(gigabytes: float) -> bytes:
    """A zlib stream of ``gigabytes`` GB of spaces, built without ever holding them (and without the checksum).

    One megabyte compressed with a full flush compresses the same way every time after the
    first, so the compressed megabyte is repeated; the stream is cut before its end, which
    no reader that stops at a budget ever reaches.
    """
    block = b" " * (1 << 20)
    deflater = zlib.compressobj(9)
    head = deflater.compress(block) + deflater.flush(zlib.Z_FULL_FLUSH)
    body = deflater.compress(block) + deflater.flush(zlib.Z_FULL_FLUSH)
    return head + body * max(0, int(gigabytes * 1024) - 1)


def flate_bomb(gigabytes: float = 4.0) -> bytes:
    """A page whose content stream is Flate twice over: a few hundred KB that inflate to ``gigabytes`` GB of spaces."""
    inner = _zeros_deflated(gigabytes)
    outer = zlib.compress(inner, 9)
    return page_pdf(outer, content_entries=b"/Filter [/FlateDecode /FlateDecode]", compressed=False)


def single_flate_bomb(megabytes: int = 400) -> bytes:
    """A page whose one Flate content stream inflates to ``megabytes`` MB of spaces (~1,000 : 1, zlib's best)."""
    return page_pdf(_zeros_deflated(megabytes / 1024), content_entries=b"/Filter /FlateDecode", compressed=False)


def operator_bomb(millions: float = 20.0, operator: bytes = b"q Q") -> bytes:
    """A page with ``millions`` million operators (``q Q`` pairs by default), compressed to a few hundred KB."""
    pairs = int(millions * 1_000_000 / max(1, len(operator.split())))
    return page_pdf((operator + b" ") * pairs)


def many_pages(count: int = 100_000, content: bytes = SQUARE) -> bytes:
    """``count`` distinct pages, each drawing the same ``content`` (a square)."""
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(count))
    pages = [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 283 283] /TrimBox [0 0 283 283] /Contents 3 0 R >>"] * count
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
                    stream(content), *pages])


def shared_page_tree(fanout: int = 10, levels: int = 5) -> bytes:
    """A page tree whose nodes list the same child ``fanout`` times, ``levels`` deep: ``fanout ** levels`` pages, ~1 KB."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(levels):
        child = 3 + level
        objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join([b"%d 0 R" % child] * fanout),
                                                                       fanout ** (levels - level)))
    objects.append(b"<< /Type /Page /MediaBox [0 0 283 283] /TrimBox [0 0 283 283] /Contents %d 0 R >>"
                   % (len(objects) + 2))
    objects.append(stream(SQUARE))
    return raw_pdf(objects)


def huge_object_stream(millions: float = 2.0) -> bytes:
    """An xref stream naming ``millions`` million objects, all in one object stream that claims them."""
    count = int(millions * 1_000_000)
    first = 100  # object numbers of the crowd start here
    # the object stream: "number offset" for every object, then the objects themselves ("null")
    header = b" ".join(b"%d %d" % (first + i, 5 * i) for i in range(count))
    packed_objects = zlib.compress(header + b" " + b"null " * count, 6)
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 283 283] /TrimBox [0 0 283 283] /Contents 4 0 R >>",
        stream(SQUARE),
        b"<< /Type /ObjStm /N %d /First %d /Length %d /Filter /FlateDecode >>\nstream\n"
        % (count, len(header) + 1, len(packed_objects)) + packed_objects + b"\nendstream",
    ]
    offsets = []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    # the cross-reference stream (W [1 4 4]): objects 1–6 in the file, 7–99 free, the crowd in object stream 5
    rows = [b"\x00" + bytes(4) + b"\xff\xff\xff\xff"]
    rows += [b"\x01" + offset.to_bytes(4, "big") + bytes(4) for offset in (*offsets, xref_at)]
    rows += [b"\x00" + bytes(8)] * (first - 7)
    rows += [b"\x02\x00\x00\x00\x05" + index.to_bytes(4, "big") for index in range(count)]
    packed = zlib.compress(b"".join(rows), 6)
    out += (b"6 0 obj\n<< /Type /XRef /Size %d /W [1 4 4] /Root 1 0 R /Length %d /Filter /FlateDecode >>\nstream\n"
            % (first + count, len(packed)) + packed + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref_at)
    return bytes(out)


def broken_xref(objects: int = 200_000) -> bytes:
    """A file without a usable cross-reference table and ``objects`` objects qpdf must find by scanning."""
    body = raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 283 283] /TrimBox [0 0 283 283] /Contents 4 0 R >>",
                    stream(SQUARE)], xref=False)
    filler = b"".join(b"%d 0 obj\n[%d]\nendobj\n" % (10 + i, i) for i in range(objects))
    head, _, tail = body.partition(b"trailer")
    return head + filler + b"trailer" + tail


def huge_image(side: int = 100_000) -> bytes:
    """A page placing a ``side × side`` CMYK image XObject whose data is a few bytes (it claims, it does not hold)."""
    image = stream(b"\x00" * 16, b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceCMYK "
                                 b"/BitsPerComponent 8" % (side, side), flate=True)
    return page_pdf(b"q 283 0 0 283 0 0 cm /Im Do Q", b"<< /XObject << /Im 5 0 R >> >>", extra=[image])
