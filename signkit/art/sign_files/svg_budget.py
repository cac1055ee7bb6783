"""Reading an SVG sign's XML with a budget, before svglib turns any of it into objects.

svglib spends about a millisecond of Python on every element and 50 µs on every path
segment, decodes every embedded ``data:`` picture in full (converting palette PNGs to
RGBA: a 188 KB SVG of 17 palette PNGs asked for 4.7 GB), and silently drops or follows
references to other files.  So the XML is parsed here first, with lxml's incremental
parser, and every cost is counted before it is paid:

* elements (:data:`MAX_ELEMENTS`) and nesting (:data:`MAX_DEPTH`) are counted as the
  parser reaches them, and parsing stops at the first one too many — a file of a million
  elements is never built as a tree;
* path data (``d`` and ``points``, :data:`MAX_PATH_DATA`) is measured in characters;
* an embedded picture (``data:`` URI) is measured in decoded bytes from its length
  (:data:`MAX_DATA_URI_BYTES`), then in pixels × 4 bytes (RGBA, what a reader turns a
  palette into) from its header alone (:data:`MAX_EMBEDDED_PIXEL_BYTES`) — and is then
  refused as a bitmap, which a sign cannot print as vectors anyway: it is never decoded;
* the canvas (``width``, ``height``, ``viewBox``) must be finite numbers within
  :data:`MAX_CANVAS`;
* a reference to anything outside the file (``<image href="file:///…">``, ``http://…``,
  a relative path, ``<use href="other.svg#id">``) is never read: the element is removed
  and a :class:`Reference` tells where it was (line and column), so that the user is
  warned instead of a part of the sign disappearing without a word.

XML entities are not resolved, no DTD is loaded and nothing is fetched over the network
(as svglib's own parser does): no XXE, no entity expansion.  lxml is what svglib parses
with, so this module adds no dependency; it is imported only when an SVG is read.
"""

from __future__ import annotations

import base64
import binascii
import io
import math
import re
import warnings
from dataclasses import dataclass, field
from typing import Any

from signkit.art.sign_files.results import Refused

#: Elements in the file: svglib spends about a millisecond of Python on each (10,000 took 13 s on a busy
#: machine), and a sign is a few dozen to a few hundred — artwork of thousands is better exported as PDF.
MAX_ELEMENTS = 4_000
#: Elements within elements: each level is a few Python frames in svglib and in :mod:`.svg`; real artwork
#: nests groups a handful of levels deep (libxml2 itself stops at 256).
MAX_DEPTH = 64
#: Characters of path data (``d`` and ``points``) in the whole file: svglib parses each number into a Python
#: float and each segment into a list (50 µs a segment: 1 MB took 10 s); 256 K characters are 20,000–60,000
#: segments, a very detailed sign, and read in about two seconds.
MAX_PATH_DATA = 256 * 1024
#: Decoded bytes of all embedded (``data:``) pictures: counted from the text's length before decoding
#: anything; a sign's picture has no need of more (and is refused as a bitmap anyway).
MAX_DATA_URI_BYTES = 16 * 1024 * 1024
#: An embedded picture's pixels × 4 bytes (RGBA: a reader turns a palette image into it), from its header:
#: 64 MB is a 4,000 × 4,000 picture, the most a sign of any size can use.
MAX_EMBEDDED_PIXEL_BYTES = 64 * 1024 * 1024
#: Largest ``width``, ``height`` or ``viewBox`` extent (in the SVG's units): a sign drawn at a million units
#: is already absurd, and 1e308 makes every coordinate overflow or vanish once fitted to the board.
MAX_CANVAS = 1_000_000.0

_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_EMBEDDED_PICTURE = re.compile(r"\s*data:image/(png|jpe?g)\s*;\s*base64\s*,", re.IGNORECASE)
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
#: Elements whose ``href`` is only a link to follow when clicked, not a part of the picture.
_LINKS = frozenset({"a"})


@dataclass(frozen=True)
class Reference:
    """An element that refers to something outside the file (removed, never read), and where it was."""

    element: str
    target: str
    line: int
    column: int


@dataclass
class Checked:
    """What :func:`read_svg` found: the tree svglib may render, and the references it removed."""

    root: Any
    references: list[Reference] = field(default_factory=list)


def read_svg(data: bytes) -> Checked | None:
    """Parse ``data`` within the limits above; ``None`` when it is not XML at all.

    Raises :class:`Refused` (``too_large`` or ``not_vector``) for a file that asks for
    more than a limit allows or embeds a picture.
    """
    from lxml import etree  # type: ignore[import-untyped]  # only when an SVG is read (see the docstring)

    elements = 0
    depth = 0
    path_data = 0
    picture_bytes = 0
    seen_on_line: dict[tuple[int, str], int] = {}
    found: list[tuple[Any, str, int, int]] = []  # element, target, line, occurrence of its tag on the line
    events = etree.iterparse(io.BytesIO(data), events=("start", "end"), remove_comments=True, recover=True,
                             resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        for event, element in events:
            if event == "end":
                depth -= 1
                continue
            depth += 1
            elements += 1
            if not isinstance(element.tag, str):  # processing instructions and entities left unresolved
                continue
            line = element.sourceline or 0
            tag = _tag(element)
            where = f"第 {line} 行的 <{tag}>"
            if elements > MAX_ELEMENTS:
                raise Refused("too_large", f"元素超过 {MAX_ELEMENTS:,} 个（{where} 已是第 {elements:,} 个）")
            if depth > MAX_DEPTH:
                raise Refused("too_large", f"元素嵌套超过 {MAX_DEPTH} 层（{where}）")
            occurrence = seen_on_line[line, tag] = seen_on_line.get((line, tag), 0) + 1
            for name in ("d", "points"):
                path_data += len(element.get(name) or "")
            if path_data > MAX_PATH_DATA:
                raise Refused("too_large", f"路径数据超过 {MAX_PATH_DATA // 1024} K 个字符（{where}）")
            href = element.get(_XLINK_HREF) or element.get("href") or ""
            if not href.strip() or href.lstrip().startswith("#") or _local(element) in _LINKS:
                continue
            if not href.lstrip().lower().startswith("data:"):
                found.append((element, href.strip(), line, occurrence))
                continue
            picture_bytes += _decoded_size(len(href))
            if picture_bytes > MAX_DATA_URI_BYTES:
                raise Refused("too_large", f"嵌入的图片解码后超过 {MAX_DATA_URI_BYTES // 1024 // 1024} MB（{where}）")
            embedded = _EMBEDDED_PICTURE.match(href)
            if embedded is None:  # another kind of embedded data (GIF, SVG…): svglib would drop it without a word
                raise Refused("not_vector", f"嵌入的数据「{href.strip()[:40]}…」（{where}；请改为路径或纯色图形）")
            _check_picture(href[embedded.end():], where)
            raise Refused("not_vector", f"嵌入的位图（{where}）")
    except etree.XMLSyntaxError:
        return None
    root = events.root
    if root is None or not isinstance(root.tag, str):
        return None
    _check_canvas(root)
    checked = Checked(root)
    lines: list[bytes] | None = None
    for element, target, line, occurrence in found:
        if lines is None:
            lines = data.split(b"\n")
        tag = _tag(element)
        checked.references.append(Reference(tag, target, line, _column(lines, line, tag, occurrence)))
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
    return checked


def _tag(element: Any) -> str:
    """The element's name as written (with its prefix, if any)."""
    local = _local(element)
    return f"{element.prefix}:{local}" if element.prefix else local


def _local(element: Any) -> str:
    tag: str = element.tag
    return tag.rsplit("}", 1)[-1]


def _decoded_size(characters: int) -> int:
    """The most bytes ``characters`` of base64 can decode to (whitespace counted as data: errs on the large side)."""
    return characters * 3 // 4


def _check_picture(text: str, where: str) -> None:
    """Refuse an embedded picture whose header claims more pixels than :data:`MAX_EMBEDDED_PIXEL_BYTES` allow.

    The base64 text is decoded (its size is already within :data:`MAX_DATA_URI_BYTES`),
    but the picture is not: Pillow reads only the header until ``load()``.
    """
    from PIL import Image, UnidentifiedImageError

    try:
        raw = base64.b64decode("".join(text.split()), validate=False)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(raw), formats=("PNG", "JPEG")) as picture:
                width, height = picture.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        width = height = 1 << 20  # Pillow refused it for its size: far beyond any budget here
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, binascii.Error):
        return  # not a picture that can be measured; refused as an embedded bitmap all the same
    if width * height * 4 > MAX_EMBEDDED_PIXEL_BYTES:
        raise Refused("too_large", f"嵌入的图片有 {width:,}×{height:,} 像素，解码要 {width * height * 4 / 2**20:,.0f} MB"
                                   f"（上限 {MAX_EMBEDDED_PIXEL_BYTES // 2**20} MB）（{where}）")


def _check_canvas(root: Any) -> None:
    """``width``, ``height`` and the ``viewBox``'s extent must be finite and no larger than :data:`MAX_CANVAS`."""
    values: list[tuple[str, float]] = []
    for name in ("width", "height"):
        match = _NUMBER.match((root.get(name) or "").strip())
        if match:
            values.append((name, float(match.group())))
    box = [float(n) for n in _NUMBER.findall(root.get("viewBox") or "")[:4]]
    if len(box) == 4:
        values.extend(("viewBox", abs(v)) for v in box)
    for name, value in values:
        if not math.isfinite(value) or abs(value) > MAX_CANVAS:
            raise Refused("too_large", f"画布尺寸 {name} 为 {value:g}，超过 {MAX_CANVAS:,.0f}（坐标会溢出或缩到看不见）")


def _column(lines: list[bytes], line: int, tag: str, occurrence: int) -> int:
    """The 1-based column (in characters) of the ``occurrence``-th ``<tag`` on ``line``; 1 when not found."""
    if not 1 <= line <= len(lines):
        return 1
    text = lines[line - 1].decode("utf-8", "replace")
    at = -1
    for _ in range(occurrence):
        at = text.find(f"<{tag}", at + 1)
        if at < 0:
            return 1
    return at + 1
