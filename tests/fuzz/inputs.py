"""Hostile inputs for the fuzzing run: hypothesis strategies for every kind of file signkit reads.

Each strategy starts from something real (the examples, the Excel template, a rendered
board, a clean sign) and breaks it in the ways real files and attackers do: values of
the wrong type or absurd size, Unicode that fonts and file systems trip on, structure
duplicated far past any real site, YAML tokens in the wrong place, lying headers,
truncated streams, references to files outside the input.  The strategies build
bytes; :mod:`tests.fuzz.driver` runs signkit on them and checks its promises.
"""

from __future__ import annotations

import copy
import io
import struct
import zlib
from typing import Any

import yaml
from hypothesis import strategies as st

from tests.conftest import EXAMPLES

#: Strings that have broken, or could break, a stage: names that are paths or devices,
#: spreadsheet formulas, bidi and zero-width controls, astral characters, huge numbers,
#: YAML look-alikes, a Chinese line of 禁则 punctuation, values the rules parse.
NASTY_TEXT = [
    "", " ", "\t", "..", ".", "../../../etc/passwd", "/etc/passwd", "C:\\Windows\\win.ini", "CON", "aux.txt",
    "甲/乙", "甲_乙", "甲\\乙", "=HYPERLINK(\"http://x\",\"点击\")", "=cmd|' /C calc'!A0", "+1", "-1", "@SUM(1)",
    "\u202e危险\u202c", "a\u200bb", "\ufeff", "\x00", "\x1b[31m", "𠀀𠀁𠀂𡃁𪚥" * 20, "🔥" * 10, "e\u0301" * 30,
    "1" * 5000, "9" * 400, "0350-1234567", "０３５０－１２３４５６７", "12345678901234567890", "1e309", "NaN",
    "重大", "较大", "一般", "低", "国家", "省", "市", "县", "自动", "禁止烟火", "当心爆炸", "file:///etc/passwd",
    "，。、；：）％℃" * 10, "（一）" * 50, "危" * 3000, "yes", "no", "~", "null", "!!python/object:os.system",
    "&anchor", "*alias", "- item", "key: value", "{a: 1}", "[1, 2]", "|\n  block", "%YAML 1.1", "---", "...",
]

#: Tokens spliced into YAML text at random places.
YAML_TOKENS = ["&a ", "*a", "*b", "<<: *a\n", "!!python/object/apply:os.system ['true']", "!!binary ", "\t", "{", "}",
               "[", "]", "- ", ": ", "'", '"', "\\", "\x00", "\ufeff", "%YAML 1.2\n", "---\n", "...\n", "? ", "|",
               ">", "#", "\r", "\n" * 3, "  " * 40, "\u2028", "\x85", "!!int ", "!!float ", "!!timestamp ",
               "1" * 200, "&x [*x]", "\xff"]


def example_sites() -> list[dict[str, Any]]:
    """Every example site file, parsed (the seeds of the YAML mutations)."""
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(EXAMPLES.glob("*.yaml"))]


_SCALARS: st.SearchStrategy[Any] = st.one_of(
    st.sampled_from(NASTY_TEXT),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=60),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.dates(),
)

VALUES: st.SearchStrategy[Any] = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.one_of(st.sampled_from(NASTY_TEXT), st.text(max_size=8)), inner,
                                            max_size=4)),
    max_leaves=8,
)


def _containers(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths of every dict and list in ``node`` (the places a mutation can act)."""
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, dict | list):
                found.extend(_containers(value, (*path, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            if isinstance(value, dict | list):
                found.extend(_containers(value, (*path, index)))
    return found


def _at(node: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        node = node[key]
    return node


@st.composite
def mutated_site(draw: st.DrawFn, seeds: list[dict[str, Any]]) -> dict[str, Any]:
    """An example site with a few structural mutations: values replaced, keys dropped or added, lists multiplied."""
    data = copy.deepcopy(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 6))):
        places = _containers(data)
        target = _at(data, draw(st.sampled_from(places)))
        operation = draw(st.sampled_from(["replace", "delete", "add", "multiply", "multiply", "wrap"]))
        if isinstance(target, dict) and target:
            key = draw(st.sampled_from(sorted(target, key=str)))
            if operation == "replace":
                target[key] = draw(VALUES)
            elif operation == "delete":
                del target[key]
            elif operation == "add":
                target[draw(st.sampled_from([*NASTY_TEXT, str(key) + "x"]))] = draw(VALUES)
            elif operation == "wrap":
                target[key] = [target[key]]
            elif isinstance(target[key], list) and target[key]:
                target[key] = target[key] * draw(st.sampled_from([2, 10, 40, 120]))
        elif isinstance(target, list) and target:
            index = draw(st.integers(0, len(target) - 1))
            if operation == "replace":
                target[index] = draw(VALUES)
            elif operation == "delete":
                del target[index]
            elif operation == "add":
                target.append(draw(VALUES))
            else:
                target.extend(copy.deepcopy(target) * draw(st.sampled_from([1, 5, 60])))
    return data


@st.composite
def mutated_text(draw: st.DrawFn, text: str) -> bytes:
    """``text`` as bytes, with tokens spliced in, ranges cut out, bytes flipped, or an odd encoding."""
    data = text
    for _ in range(draw(st.integers(0, 4))):
        where = draw(st.integers(0, max(len(data), 1)))
        kind = draw(st.sampled_from(["insert", "cut", "duplicate"]))
        if kind == "insert":
            data = data[:where] + draw(st.sampled_from(YAML_TOKENS)) + data[where:]
        elif kind == "cut":
            data = data[:where] + data[where + draw(st.integers(1, 200)):]
        else:
            data = data[:where] + data[where:where + draw(st.integers(1, 400))] * draw(st.integers(2, 30)) + data[where:]
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "gb18030", "utf-16"]))
    raw = data.encode(encoding, errors="replace")
    for _ in range(draw(st.integers(0, 3))):
        if raw:
            index = draw(st.integers(0, len(raw) - 1))
            raw = raw[:index] + bytes([draw(st.integers(0, 255))]) + raw[index + 1:]
    return raw


def dump_site(data: Any) -> str:
    """YAML as an officer's editor would save it (block style, Chinese as is)."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=4096)


# --- workbooks ----------------------------------------------------------------------------------------------------

WORKBOOK_VALUES: st.SearchStrategy[Any] = st.one_of(
    st.sampled_from(NASTY_TEXT), st.text(max_size=40), st.integers(-(10**18), 10**18),
    st.floats(allow_nan=False, allow_infinity=False), st.booleans(), st.none(), st.dates(), st.datetimes(),
    st.sampled_from(["=1+1", "=A1", "=SUM(A1:A9)", "=HYPERLINK(\"x\")", "#N/A", "#DIV/0!", "=1/0"]),
)


def _clean_cell(value: Any) -> Any:
    """openpyxl refuses control characters in cells; a real workbook cannot hold them either."""
    if isinstance(value, str):
        return "".join(c for c in value if c >= " " or c in "\t\n\r")[:32000]
    return value


@st.composite
def mutated_workbook(draw: st.DrawFn, template: bytes) -> bytes:
    """The Excel template, filled and broken: values anywhere, title rows, merged headers, sheets renamed."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(template))
    for _ in range(draw(st.integers(1, 25))):
        sheet = book.worksheets[draw(st.integers(0, len(book.worksheets) - 1))]
        operation = draw(st.sampled_from(["cell", "cell", "cell", "title", "merge", "rename", "rows", "delete"]))
        row, column = draw(st.integers(1, 12)), draw(st.integers(1, 14))
        if operation == "cell":
            sheet.cell(row=row, column=column, value=_clean_cell(draw(WORKBOOK_VALUES)))
        elif operation == "title":
            sheet.insert_rows(1, draw(st.integers(1, 3)))
            sheet.cell(row=1, column=1, value="某某公司安全风险分级管控清单")
        elif operation == "merge":
            sheet.merge_cells(start_row=row, start_column=column, end_row=row + draw(st.integers(0, 2)),
                              end_column=column + draw(st.integers(0, 3)))
        elif operation == "rename":
            sheet.title = _clean_cell(draw(st.sampled_from(["Sheet1", "岗位 ", "风险点（2024）", "'", "x" * 31])))[:31] \
                or "空"
        elif operation == "rows":
            for extra in range(draw(st.sampled_from([1, 50, 400]))):
                sheet.cell(row=row + 1 + extra, column=column, value=f"行{extra}")
        else:
            sheet.delete_rows(row, draw(st.integers(1, 5)))
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    if draw(st.integers(0, 9)) == 0:  # a damaged file: a few bytes of the zip changed
        raw = bytearray(data)
        for _ in range(draw(st.integers(1, 6))):
            raw[draw(st.integers(0, len(raw) - 1))] = draw(st.integers(0, 255))
        data = bytes(raw)
    return data


@st.composite
def csv_ledger(draw: st.DrawFn) -> bytes:
    """A CSV as offices export them: odd delimiters, quotes, embedded newlines, GBK or UTF-16."""
    header = draw(st.sampled_from([["岗位名称", "人数", "风险等级"], ["序号", "风险点名称", "风险等级", "管控措施"],
                                   ["姓名（职务）", "电话"], ["a", "b"]]))
    cells = st.one_of(st.sampled_from(NASTY_TEXT), st.text(max_size=20))
    rows = [header, *draw(st.lists(st.lists(cells, min_size=1, max_size=6), max_size=40))]
    delimiter = draw(st.sampled_from([",", "\t", ";", "，"]))
    text = "\r\n".join(delimiter.join('"' + cell.replace('"', '""') + '"' if draw(st.booleans()) else cell
                                      for cell in row) for row in rows)
    encoding = draw(st.sampled_from(["utf-8-sig", "utf-8", "gb18030", "utf-16"]))
    return text.encode(encoding, errors="replace")


# --- PDFs for preflight and sign files ----------------------------------------------------------------------------

PDF_OPERATORS = ["q", "Q", "cm", "re", "f", "S", "n", "W", "m", "l", "c", "h", "k", "K", "g", "G", "rg", "RG", "cs",
                 "sc", "scn", "Do", "BT", "ET", "Tf", "Tj", "TJ", "Td", "gs", "sh", "BI", "ID", "EI", "d", "w", "i"]
PDF_OPERANDS = ["0", "1", "-1", "0.5", "1e308", "99999999999", "/F1", "/Fm0", "/Im0", "/GS0", "/DeviceN", "(x)",
                "<00ff>", "[1 2 3]", "[]", "<<>>", "/Pattern", "/Sh0"]


@st.composite
def content_stream(draw: st.DrawFn) -> bytes:
    """A page description of random operators and operands (most nonsense, some drawing)."""
    parts = []
    for _ in range(draw(st.integers(0, 60))):
        operands = draw(st.lists(st.sampled_from(PDF_OPERANDS), max_size=6))
        parts.append(" ".join([*operands, draw(st.sampled_from(PDF_OPERATORS))]))
    return "\n".join(parts).encode("latin-1")


@st.composite
def generated_pdf(draw: st.DrawFn) -> bytes:
    """A PDF built object by object: page sizes and boxes, nested forms, images whose headers lie, random content."""
    import pikepdf

    pdf = pikepdf.new()
    for _ in range(draw(st.integers(1, 3))):
        width = draw(st.sampled_from([0, 1, 595, 8503.9, 14400, 1e9]))
        height = draw(st.sampled_from([0, 1, 842, 4251.9, -10]))
        page = pdf.add_blank_page(page_size=(595, 842))
        page.obj["/MediaBox"] = pikepdf.Array([0, 0, width, height])
        if draw(st.booleans()):
            page.obj["/TrimBox"] = pikepdf.Array([0, 0, width, height])
        if draw(st.booleans()):
            page.obj["/BleedBox"] = pikepdf.Array([-3, -3, width + 3, height + 3])
        forms = []
        for level in range(draw(st.integers(0, 6))):
            inner = b" ".join(b"/Fm%d Do" % (level - 1) for _ in range(draw(st.integers(1, 4)))) if level else b"0 0 1 1 re f"
            form = pikepdf.Stream(pdf, inner)
            form["/Type"] = pikepdf.Name.XObject
            form["/Subtype"] = pikepdf.Name.Form
            form["/BBox"] = pikepdf.Array([0, 0, 10, 10])
            if level:
                form["/Resources"] = pikepdf.Dictionary(XObject=pikepdf.Dictionary({f"/Fm{level - 1}": forms[-1]}))
            forms.append(form)
        xobjects = {f"/Fm{i}": f for i, f in enumerate(forms)}
        if draw(st.booleans()):
            image = pikepdf.Stream(pdf, zlib.compress(b"\x00" * draw(st.sampled_from([0, 3, 300]))))
            image["/Type"] = pikepdf.Name.XObject
            image["/Subtype"] = pikepdf.Name.Image
            image["/Width"] = draw(st.sampled_from([1, 10, 100000]))
            image["/Height"] = draw(st.sampled_from([1, 10, 100000]))
            image["/ColorSpace"] = draw(st.sampled_from([pikepdf.Name.DeviceRGB, pikepdf.Name.DeviceCMYK,
                                                         pikepdf.Name.DeviceGray]))
            image["/BitsPerComponent"] = draw(st.sampled_from([1, 8, 16]))
            image["/Filter"] = pikepdf.Name.FlateDecode
            xobjects["/Im0"] = image
        page.obj["/Resources"] = pikepdf.Dictionary(XObject=pikepdf.Dictionary(xobjects))
        body = draw(content_stream())
        if forms and draw(st.booleans()):
            body += b"\n" + b" ".join(b"/Fm%d Do" % (len(forms) - 1) for _ in range(draw(st.integers(1, 5))))
        page.obj["/Contents"] = pikepdf.Stream(pdf, body)
    buffer = io.BytesIO()
    pdf.save(buffer, deterministic_id=True)
    return buffer.getvalue()


@st.composite
def mutated_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` truncated, spliced or with bytes changed (a damaged download, a careless edit)."""
    raw = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        if not raw:
            break
        where = draw(st.integers(0, len(raw) - 1))
        kind = draw(st.sampled_from(["flip", "flip", "truncate", "splice", "insert"]))
        if kind == "flip":
            raw[where] = draw(st.integers(0, 255))
        elif kind == "truncate":
            del raw[where:]
        elif kind == "splice":
            length = draw(st.integers(1, 64))
            raw[where:where] = raw[where:where + length] * draw(st.integers(2, 50))
        else:
            raw[where:where] = draw(st.sampled_from([b"obj", b"endobj", b"stream\n", b"endstream", b"<<", b">>",
                                                     b"/Length 999999999", b"xref", b"trailer", b"%%EOF"]))
    return bytes(raw)


SVG_ELEMENTS = ["rect", "circle", "ellipse", "line", "polyline", "polygon", "path", "g", "text", "image", "use",
                "defs", "linearGradient", "radialGradient", "pattern", "clipPath", "mask", "symbol", "style", "foo"]


@st.composite
def generated_svg(draw: st.DrawFn) -> bytes:
    """An SVG of random elements and attributes: nested groups, external and data: references, absurd numbers."""
    numbers = st.sampled_from(["0", "1", "-5", "1e308", "NaN", "100%", "3.5e-9", "9" * 40, "", "abc"])

    def element(depth: int) -> str:
        name = draw(st.sampled_from(SVG_ELEMENTS))
        attrs = {
            "x": draw(numbers), "y": draw(numbers), "width": draw(numbers), "height": draw(numbers),
            "fill": draw(st.sampled_from(["red", "#f00", "url(#g)", "none", "rgb(1,2,3)", "cmyk(0,1,1,0)", "x"])),
        }
        if name == "path":
            attrs["d"] = draw(st.sampled_from(["M0 0L10 10Z", "M0 0" + " L1 1" * 2000, "M", "Q 1 2", "M0 0 A 1 1 0 1 1"]))
        if name in ("image", "use"):
            attrs["href"] = draw(st.sampled_from([
                "file:///etc/passwd", "http://example.invalid/x.png", "../secret.png", "other.svg#a", "#a",
                "data:image/png;base64,iVBORw0KGgo=", "data:image/png;base64," + "A" * 4000, "data:,x"]))
        text = " ".join(f'{k}="{v}"' for k, v in attrs.items())
        if depth > 0 and name in ("g", "defs", "symbol", "clipPath", "mask", "pattern"):
            children = "".join(element(depth - 1) for _ in range(draw(st.integers(0, 3))))
            return f'<{name} id="a" {text}>{children}</{name}>'
        return f'<{name} {text}/>'

    body = "".join(element(draw(st.integers(0, 4))) for _ in range(draw(st.integers(0, 8))))
    nest = draw(st.sampled_from([0, 0, 50, 3000]))
    body = "<g>" * nest + body + "</g>" * nest
    view = draw(st.sampled_from(["0 0 100 100", "0 0 0 0", "0 0 1e308 1e308", "-1 -1 -1 -1", "x"]))
    prolog = draw(st.sampled_from(["", '<?xml version="1.0"?>',
                                   '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
                                   '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>']))
    return f'{prolog}<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ' \
           f'viewBox="{view}" width="100" height="100">{body}</svg>'.encode()


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


@st.composite
def lying_png(draw: st.DrawFn) -> bytes:
    """A small PNG whose header claims any size and depth (the data stays tiny): a decompression bomb's shape."""
    width = draw(st.sampled_from([1, 64, 7070, 30000, 2**31 - 1]))
    height = draw(st.sampled_from([1, 64, 7070, 30000]))
    depth, colour = draw(st.sampled_from([(1, 0), (8, 0), (8, 2), (8, 3), (8, 6), (16, 6)]))
    header = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0)
    rows = draw(st.sampled_from([0, 1, 200]))
    raw = zlib.compress(b"\x00" * rows * 64, 9)
    chunks = [_png_chunk(b"IHDR", header)]
    if colour == 3:
        chunks.append(_png_chunk(b"PLTE", b"\x00\x00\x00\xff\xff\xff"))
    chunks += [_png_chunk(b"IDAT", raw), _png_chunk(b"IEND", b"")]
    return b"\x89PNG\r\n\x1a\n" + b"".join(chunks)
