"""Hostile workbooks built byte by byte: damaged, lying about their sizes, or holding millions of cells.

Written by hand rather than with openpyxl because that is how such files arrive (and a
4 M-cell sheet written by openpyxl would take minutes); shared by the tests and by
``benchmarks/excel_hostile.py``.
"""

from __future__ import annotations

import csv
import struct
import zipfile
from collections.abc import Iterator
from pathlib import Path

from tests.excel.ledger_samples import ROSTER_ROWS

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '</Types>')
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>')
_SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')


def _letters(col: int) -> str:
    out = ""
    while col:
        col, rest = divmod(col - 1, 26)
        out = chr(65 + rest) + out
    return out


def _sheet_rows(rows: int, cols: int, tail: str, numbered: bool) -> Iterator[bytes]:
    yield _SHEET_HEAD.encode()
    if not numbered:  # cells without coordinates count from A1 (Excel accepts them): the same row bytes repeated
        row = ("<row>" + "<c><v>1</v></c>" * cols + "</row>").encode()
        for start in range(0, rows, 1000):
            yield row * min(1000, rows - start)
        yield f"</sheetData>{tail}</worksheet>".encode()
        return
    letters = [_letters(c) for c in range(1, cols + 1)]
    for r in range(1, rows + 1):
        cells = "".join(f'<c r="{letter}{r}"><v>{r}</v></c>' for letter in letters)
        yield f'<row r="{r}">{cells}</row>'.encode()
    yield f"</sheetData>{tail}</worksheet>".encode()


def workbook(path: Path, rows: int, cols: int, *, name: str = "风险点", tail: str = "", numbered: bool = True) -> Path:
    """A plain one-sheet workbook of ``rows`` × ``cols`` numbers, written as a stream (bounded memory).

    ``numbered=False`` writes every cell as ``1`` without its coordinate: seconds instead of a minute for 4 M cells.
    """
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK.format(name=name))
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            for chunk in _sheet_rows(rows, cols, tail, numbered):
                member.write(chunk)
    return path


def damaged(path: Path, source: Path) -> Path:
    """``source`` with its sheet's compressed data overwritten from the start (an invalid deflate block: zlib.error)."""
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    name_len, extra_len = struct.unpack("<HH", data[info.header_offset + 26:info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len
    data[start:start + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    return path


def lying(path: Path, source: Path, declared: int = 1000) -> Path:
    """``source`` whose central directory says every member unpacks to ``declared`` bytes (the real sheet is far larger)."""
    data = bytearray(source.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    count, _size, offset = struct.unpack("<HII", data[end + 10:end + 20])
    position = offset
    for _ in range(count):
        assert data[position:position + 4] == b"PK\x01\x02"
        name_len, extra_len, comment_len = struct.unpack("<HHH", data[position + 28:position + 34])
        if struct.unpack("<I", data[position + 24:position + 28])[0] != 0xFFFFFFFF:
            data[position + 24:position + 28] = struct.pack("<I", declared)
        extra = position + 46 + name_len
        field_at = extra
        while field_at < extra + extra_len:  # a zip64 field carries the real sizes: lie there too
            tag, length = struct.unpack("<HH", data[field_at:field_at + 4])
            if tag == 1 and length >= 8:
                data[field_at + 4:field_at + 12] = struct.pack("<Q", declared)
            field_at += 4 + length
        position += 46 + name_len + extra_len + comment_len
    path.write_bytes(bytes(data))
    return path


def roster_csv(path: Path, rows: int) -> Path:
    """The county roster of rosters.md §6 grown to ``rows`` enterprises (its seven rows repeated, names made unique)."""
    head, body = ROSTER_ROWS[:3], ROSTER_ROWS[3:]
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerows(head)
        for i in range(rows):
            row = list(body[i % len(body)])
            row[0], row[1] = str(i + 1), f"{row[1]}{i // len(body) + 1:06d}"
            writer.writerow(row)
    return path
