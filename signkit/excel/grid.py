"""A workbook or CSV file on disk → plain grids of cell values, or the reason it cannot be read.

Why a separate step: everything that can go wrong with the *file* is decided here, on
bytes, before any sheet is interpreted — a missing or oversized file, a password-
protected workbook (an encrypted OLE container, not a zip), an old ``.xls``, a corrupt
zip or one that would unpack to gigabytes, a CSV in GBK.  Each becomes one diagnostic
and the file counts as unreadable (exit code 2), never a traceback.

Merged cells are resolved here too: every cell of a merged range carries the value of
its top-left cell and points at that cell, because that is where the officer typed it
(``风险点!A5`` for a 风险点名称 merged over A5:A7).
"""

from __future__ import annotations

import csv
import html
import io
import os
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from signkit.diagnostics import Diagnostic, Location, Severity
from signkit.errors import SignkitError

#: Cap on a workbook's size on disk.  Ledgers with a logo are a few MB; this stops a stray video.
WORKBOOK_MAX_BYTES = 32 * 1024 * 1024
#: Cap on what the zip inside an .xlsx unpacks to (a "zip bomb" would unpack to gigabytes).
MAX_UNPACKED = 256 * 1024 * 1024
#: Rows and columns read per sheet; the rest is reported (SK911) and ignored.
MAX_ROWS = 20_000
MAX_COLS = 200
#: Cells a workbook may hold, counted in its XML before any is built (styled empty cells and the cells merged ranges
#: cover included).  A real 清单 or roster is at most tens of thousands of rows × tens of columns (50,000 × 20); each
#: cell read costs a few hundred bytes, so this keeps a hostile 4 M-cell sheet from taking gigabytes (SK917).
MAX_CELLS = 1_000_000

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


def column_letter(col: int) -> str:
    """1 → A, 27 → AA (as Excel names columns)."""
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def coordinate(row: int, col: int) -> str:
    """``(14, 4)`` → ``D14``."""
    return f"{column_letter(col)}{row}"


def parse_coordinate(cell: str) -> tuple[int, int]:
    """``D14`` → ``(14, 4)``; anything else → ``(0, 0)``."""
    letters = "".join(ch for ch in cell if ch.isalpha())
    digits = cell[len(letters):]
    if not letters or not digits.isdigit():
        return 0, 0
    col = 0
    for ch in letters.upper():
        col = col * 26 + ord(ch) - 64
    return int(digits), col


@dataclass(frozen=True)
class Cell:
    """A value and where it was typed (the top-left cell of a merged range)."""

    value: object
    row: int
    col: int
    error: bool = False

    @property
    def coordinate(self) -> str:
        return coordinate(self.row, self.col)


@dataclass
class Grid:
    """One sheet (or a CSV file): its non-empty cells by (row, column)."""

    name: str
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    max_row: int = 0
    max_col: int = 0
    hidden: bool = False
    #: Solid fill colours (``RRGGBB``) by (row, column), empty cells included: some lists show a risk's level only by
    #: colouring its cell.  Kept apart from :attr:`cells` so that a coloured empty cell is still empty.
    fills: dict[tuple[int, int], str] = field(default_factory=dict)

    def at(self, row: int, col: int) -> Cell | None:
        return self.cells.get((row, col))

    def fill(self, row: int, col: int) -> str | None:
        """The solid fill colour of a cell (that of its merged range), ``None`` if it has none that can be read."""
        return self.fills.get((row, col))

    def put(self, row: int, col: int, cell: Cell) -> None:
        self.cells[(row, col)] = cell
        self.max_row = max(self.max_row, row)
        self.max_col = max(self.max_col, col)


@dataclass
class Book:
    """Every sheet of a file, or why there are none."""

    file: str
    grids: list[Grid] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    unreadable: bool = False
    is_csv: bool = False


def _fail(book: Book, rule: str, message: str, hint: str | None = None) -> Book:
    book.diagnostics.append(Diagnostic(rule, Severity.ERROR, message, Location(book.file), hint))
    book.unreadable = True
    return book


def load_book(path: Path | str, *, display: str | None = None, max_bytes: int = WORKBOOK_MAX_BYTES) -> Book:
    """Read ``path`` (.xlsx, .xlsm or .csv) into grids; never raises for a bad file."""
    path = Path(path)
    book = Book(display if display is not None else str(path), is_csv=path.suffix.lower() == ".csv")
    if not path.exists():
        return _fail(book, "SK001", "文件不存在", "请检查路径是否写错")
    if path.is_dir():
        return _fail(book, "SK002", "这是一个文件夹，不是工作簿", "请给出 .xlsx 或 .csv 文件的路径")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return _fail(book, "SK003", f"文件过大（{size:,} 字节，上限 {max_bytes:,} 字节），未读取",
                         "请删除工作簿中的图片等无关内容，或只保留需要导入的工作表")
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        reason = os.strerror(exc.errno) if exc.errno else str(exc)
        return _fail(book, "SK001", f"无法读取文件：{reason}")
    if len(data) > max_bytes:
        return _fail(book, "SK003", f"文件过大（超过上限 {max_bytes:,} 字节），未读取")
    if book.is_csv:
        return _load_csv(book, data)
    return _load_xlsx(book, data, path.suffix.lower())


def _load_xlsx(book: Book, data: bytes, suffix: str) -> Book:
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED in data:
            return _fail(book, "SK901", "工作簿设有打开密码（已加密），无法读取",
                         "请在 Excel 中打开，「文件 → 信息 → 保护工作簿 → 用密码进行加密」清除密码后另存为 .xlsx")
        return _fail(book, "SK901", "这是旧版 Excel 97-2003 工作簿（.xls），signkit 只读取 .xlsx",
                     "请在 Excel 或 WPS 中「另存为」Excel 工作簿（.xlsx）")
    if suffix == ".xls":
        return _fail(book, "SK901", "无法读取 .xls 文件", "请在 Excel 或 WPS 中「另存为」Excel 工作簿（.xlsx）")
    if not data.startswith(b"PK"):
        hint = "请在 Excel 中重新「另存为」.xlsx"
        if data[:1] in (b"\xef", b"\xe4", b"\xe5", b"\xe6", b"\xe7", b"\xe8", b"\xe9") or data[:200].count(b",") > 2:
            hint = "文件内容看起来是 CSV 文本：请把扩展名改为 .csv"
        return _fail(book, "SK901", "不是有效的 .xlsx 文件（文件已损坏，或只是改了扩展名）", hint)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            scan = _scan(archive)
    except _TooLarge as exc:
        return _fail(book, "SK901", f"工作簿解压后过大（{exc.size:,} 字节，上限 {MAX_UNPACKED:,} 字节），未读取",
                     "工作簿中可能有大量图片或空白格式")
    except (_MemberDamaged, *_DAMAGE) as exc:
        return _fail(book, "SK901", f"工作簿已损坏（压缩包中的 {_member(exc)}无法解压），无法读取",
                     "请在 Excel 中打开并修复后另存为 .xlsx")
    if (cells := scan.total()) > MAX_CELLS:
        book.diagnostics.append(Diagnostic(
            "SK917", Severity.ERROR,
            f"工作簿有 {cells:,} 个单元格（含合并单元格覆盖的格子），超过读取上限 {MAX_CELLS:,}，未读取",
            Location(book.file, sheet=scan.biggest_sheet()),
            "风险分级管控清单和名册一般只有几万行、几十列；请删除无关的工作表和整行整列的空白格式后另存"))
        book.unreadable = True
        return book
    try:
        # lazy: signkit.pipeline.check imports the reader, so every check loads this module; only an .xlsx needs openpyxl (~0.2 s)
        import openpyxl  # type: ignore[import-untyped, unused-ignore]

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Data Validation extension is not supported" and the like
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except Exception:  # openpyxl raises many kinds on damaged files; none may reach the user
        return _fail(book, "SK901", "工作簿已损坏，或不是 Excel 工作簿（压缩包中缺少工作簿的内容），无法读取",
                     "请在 Excel 中打开并修复后另存为 .xlsx")
    try:
        sheets = [(sheet, _path(sheet)) for sheet in workbook.worksheets]
        for sheet, path in sheets:
            grid = _grid(book, sheet, scan.merges.get(path, []))
            if grid is None:
                return book
            book.grids.append(grid)
    finally:
        workbook.close()
    if scan.formulas:
        _report_uncached_formulas(book, data)
    return book


_MERGE_TAG = re.compile(rb'<(?:\w+:)?mergeCell [^>]*?ref="([A-Z]{1,3}\d{1,7}(?::[A-Z]{1,3}\d{1,7})?)"')
#: The root element of a part, to learn its namespace prefix (``<x:worksheet``): tags are then counted as plain bytes.
_ROOT_TAG = re.compile(rb"<(\w+:)?(?:worksheet|sst)[ >]")
#: Bytes carried over between chunks so that a tag cut in two is still seen (longer than any tag searched).
_OVERLAP = 96
_CHUNK = 1 << 16
#: Parts read whole to name the sheets (the workbook and its relationships: a few kB in a real file).
_INDEX_PARTS = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")
_INDEX_MAX = 1 << 20
#: What zipfile and zlib raise on a damaged or lying archive while a member is read.
_DAMAGE = (zlib.error, zipfile.BadZipFile, EOFError, KeyError, NotImplementedError, RuntimeError, ValueError, OSError)


class _TooLarge(SignkitError):
    """The archive unpacks (or says it unpacks) to more than :data:`MAX_UNPACKED`; never leaves :func:`_load_xlsx`."""

    def __init__(self, size: int) -> None:
        super().__init__(f"{size} bytes unpacked")
        self.size = size


class _MemberDamaged(SignkitError):
    """A member could not be inflated; never leaves :func:`_load_xlsx`, which says which member."""

    def __init__(self, member: str, cause: BaseException) -> None:
        super().__init__(f"{member}: {cause}")
        self.member = member


@dataclass
class _Scan:
    """What one streaming pass over the archive learned: formulas anywhere, and cells and merges per sheet part."""

    formulas: bool = False
    cells: dict[str, int] = field(default_factory=dict)
    merges: dict[str, list[str]] = field(default_factory=dict)
    strings: int = 0
    index: dict[str, bytes] = field(default_factory=dict)

    def total(self) -> int:
        """Cells the workbook would make (those written, those merged ranges cover) or shared strings, the larger."""
        made = sum(self.cells.values()) + sum(_merged_area(ranges) for ranges in self.merges.values())
        return max(made, self.strings)

    def biggest_sheet(self) -> str | None:
        """The name of the sheet with the most cells, read from the workbook part (``None`` if it cannot be told)."""
        if not self.cells:
            return None
        part = max(self.cells, key=lambda name: self.cells[name] + _merged_area(self.merges[name]))
        targets = {m.group(1).decode(): m.group(2).decode() for m in re.finditer(
            rb'<(?:\w+:)?Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', self.index.get(_INDEX_PARTS[1], b""))}
        for m in re.finditer(rb'<(?:\w+:)?sheet [^>]*?name="([^"]*)"[^>]*?r:id="([^"]+)"', self.index.get(_INDEX_PARTS[0], b"")):
            target = targets.get(m.group(2).decode(), "").lstrip("/")
            if target and part.endswith(target.removeprefix("xl/")):
                return html.unescape(m.group(1).decode("utf-8", "replace"))
        return None


def _member(exc: BaseException) -> str:
    return f"「{exc.member}」" if isinstance(exc, _MemberDamaged) else ""


def _scan(archive: zipfile.ZipFile) -> _Scan:
    """Read every member once, in chunks, counting the bytes as actually unpacked.

    Why not trust the sizes in the zip: they are what the file *says*; a damaged or
    crafted file lies, and ``ZipExtFile.read()`` without a size inflates a member's whole
    compressed data in one call (2 GB for a small file).  Reading ``_CHUNK`` bytes at a
    time bounds both the memory and the work before the budget stops it.  The same pass
    finds formulas (a second, formula-reading load is needed only then), counts each
    sheet's cells and the shared strings for :data:`MAX_CELLS` before openpyxl builds any
    of them (tags counted as bytes: text in XML never holds a raw ``<``), and collects
    the merged ranges (openpyxl's streaming reader does not report them).
    """
    scan = _Scan()
    declared = sum(info.file_size for info in archive.infolist())
    if declared > MAX_UNPACKED:
        raise _TooLarge(declared)
    total = 0
    for info in archive.infolist():
        name = info.filename
        sheet = name.startswith("xl/worksheets/") and name.endswith(".xml")
        strings = name == "xl/sharedStrings.xml"
        counted = 0
        merges: list[str] = []
        tail = b""
        tags: tuple[bytes, ...] = ()
        formula: tuple[bytes, ...] = ()
        index = bytearray()
        try:
            with archive.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    total += len(chunk)
                    if total > MAX_UNPACKED:
                        raise _TooLarge(total)
                    if name in _INDEX_PARTS and len(index) < _INDEX_MAX:
                        index += chunk[:_INDEX_MAX - len(index)]
                    if not (sheet or strings):
                        continue
                    window = tail + chunk
                    if not tags and (root := _ROOT_TAG.search(window)) is not None:
                        prefix = b"<" + (root.group(1) or b"")
                        tags = ((prefix + b"si>", prefix + b"si ") if strings else
                                (prefix + b"c>", prefix + b"c ", prefix + b"c/"))
                        formula = (prefix + b"f>", prefix + b"f ")
                    # a tag wholly inside the carried-over bytes was counted with the chunk before
                    counted += sum(window.count(tag) - tail.count(tag) for tag in tags)
                    if sheet and tags:
                        scan.formulas = scan.formulas or any(tag in window for tag in formula)
                        if b"mergeCell " in window:
                            merges += [m.group(1).decode() for m in _MERGE_TAG.finditer(window) if m.end() > len(tail)]
                    tail = window[-_OVERLAP:]
        except _DAMAGE as exc:
            raise _MemberDamaged(name, exc) from exc
        if sheet:
            scan.cells[name] = counted
            scan.merges[name] = merges
        elif strings:
            scan.strings = counted
        elif name in _INDEX_PARTS:
            scan.index[name] = bytes(index)
    return scan


def _path(sheet: Any) -> str:
    """The archive member a streamed sheet is read from."""
    return str(getattr(sheet, "_worksheet_path", "")).lstrip("/")


def _merged_area(ranges: list[str]) -> int:
    """How many grid cells the merged ranges fill (clipped as :func:`_grid` clips them)."""
    area = 0
    for ref in ranges:
        first, _, last = ref.partition(":")
        (top, left), (bottom, right) = parse_coordinate(first), parse_coordinate(last or first)
        area += max(0, min(bottom, MAX_ROWS) - top + 1) * max(0, min(right, MAX_COLS) - left + 1)
    return area


def _report_uncached_formulas(book: Book, data: bytes) -> None:
    """One SK913 per sheet whose formulas have no saved result (openpyxl reads those as empty).

    A workbook written by a program, or by Excel with manual calculation, carries the
    formula without its value; reading the cell as empty and then saying "不能为空" would
    send the officer looking at a cell that visibly holds something.
    """
    import openpyxl  # lazy, as in _load_xlsx: a YAML check must not load it

    grids = {grid.name: grid for grid in book.grids}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            formulas = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    except Exception:  # the first read succeeded; a second failure only loses this hint
        return
    try:
        for sheet in formulas.worksheets:
            grid = grids.get(str(sheet.title))
            if grid is None or sheet.sheet_state != "visible":  # not read at all (SK905 says so)
                continue
            missing = [(cell.row, cell.column) for row in sheet.iter_rows(max_row=MAX_ROWS, max_col=MAX_COLS) for cell in row
                       if getattr(cell, "data_type", None) == "f" and grid.at(cell.row, cell.column) is None]
            if missing:
                first = coordinate(*missing[0])
                more = f" 等 {len(missing)} 个单元格" if len(missing) > 1 else ""
                book.diagnostics.append(Diagnostic(
                    "SK913", Severity.WARNING,
                    f"工作表「{sheet.title}」的 {first}{more}是公式，但工作簿中没有保存计算结果，已读作空",
                    Location(book.file, sheet=str(sheet.title), cell=first),
                    "请在 Excel 或 WPS 中打开该工作簿、保存后再读取；或把公式改为直接填写的内容"))
    except Exception:  # as above: the values were read; only the hint is lost
        return
    finally:
        formulas.close()


def _grid(book: Book, sheet: Any, merges: list[str]) -> Grid | None:
    """One streamed sheet as a grid; ``None`` (and the file unreadable, said at the last cell read) if its XML is broken.

    openpyxl's streaming reader parses a sheet only while it is iterated, so a damaged
    sheet part surfaces here, not when the workbook is opened.
    """
    grid = Grid(str(sheet.title), hidden=sheet.sheet_state != "visible")
    clipped = False
    last = "A1"
    try:
        for cell in _cells(sheet):
            row, col = cell.row, cell.column
            if row > MAX_ROWS or col > MAX_COLS:
                clipped = clipped or cell.value is not None
                continue
            last = coordinate(row, col)
            if cell.has_style and (colour := _fill_colour(cell)) is not None:
                grid.fills[(row, col)] = colour
            value = cell.value
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            grid.put(row, col, Cell(value, row, col, error=cell.data_type == "e"))
    except Exception:  # broken XML, a bad shared-string index, a cut-off part: openpyxl raises many kinds
        book.diagnostics.append(Diagnostic(
            "SK901", Severity.ERROR, f"工作簿已损坏：工作表「{grid.name}」在 {last} 之后的内容无法读取",
            Location(book.file, sheet=grid.name, cell=last), "请在 Excel 中打开并修复后另存为 .xlsx"))
        book.unreadable = True
        return None
    for ref in merges:
        first, _, end = ref.partition(":")
        (top, left), (bottom, right) = parse_coordinate(first), parse_coordinate(end or first)
        origin = grid.at(top, left)
        colour = grid.fills.get((top, left))
        for row in range(top, min(bottom, MAX_ROWS) + 1):
            for col in range(left, min(right, MAX_COLS) + 1):
                if origin is not None:
                    grid.put(row, col, origin)
                if colour is not None:
                    grid.fills[(row, col)] = colour
    if clipped:
        book.diagnostics.append(Diagnostic(
            "SK911", Severity.WARNING, f"工作表「{grid.name}」超过 {MAX_ROWS:,} 行或 {MAX_COLS} 列，只读取了前面的部分",
            Location(book.file, sheet=grid.name, cell="A1")))
    return grid


def _cells(sheet: Any) -> Iterator[Any]:
    """The cells a streamed sheet really holds, in file order.

    ``iter_rows`` pads every row to the sheet's declared dimension and yields every
    missing row: a ``<dimension ref="A1:XFD1048576">`` or one cell in the last row makes
    that billions of fillers.  The sheet's parser yields only what is written.
    """
    from openpyxl.cell.read_only import ReadOnlyCell  # type: ignore[import-untyped, unused-ignore]  # lazy: as in _load_xlsx
    from openpyxl.worksheet._reader import WorkSheetParser  # type: ignore[import-untyped, unused-ignore]

    book = sheet.parent
    with sheet._get_source() as source:
        parser = WorkSheetParser(source, sheet._shared_strings, data_only=book.data_only, epoch=book.epoch,
                                 date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
        for _, row in parser.parse():
            for cell in row:
                yield ReadOnlyCell(sheet, **cell)


def _fill_colour(cell: Any) -> str | None:
    """A cell's solid fill as ``RRGGBB``: an RGB colour, or one of Excel's 64 indexed colours.

    Theme colours (with their tints) would need the workbook's theme to resolve; they are
    not read, so a level shown only by a theme colour is not taken from it.
    """
    fill = cell.fill
    if fill is None or fill.fill_type != "solid":
        return None
    colour = fill.fgColor
    if colour.type == "rgb" and isinstance(colour.rgb, str) and len(colour.rgb) in (6, 8):
        return colour.rgb[-6:].upper()
    if colour.type == "indexed" and isinstance(colour.indexed, int):
        from openpyxl.styles.colors import COLOR_INDEX  # type: ignore[import-untyped, unused-ignore]  # lazy: as in _load_xlsx

        if 0 <= colour.indexed < len(COLOR_INDEX):
            return str(COLOR_INDEX[colour.indexed])[-6:].upper()
    return None


def _decode(book: Book, data: bytes) -> str | None:
    if b"\x00" in data:
        _fail(book, "SK901", "这不是文本格式的 CSV 文件（含有二进制内容）",
              "UTF-16 编码的“Unicode 文本”请另存为“CSV UTF-8（逗号分隔）”")
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        _fail(book, "SK901", "CSV 文件的编码无法识别（不是 UTF-8，也不是 GBK）", "请在 Excel 中另存为“CSV UTF-8（逗号分隔）”")
        return None
    book.diagnostics.append(Diagnostic("SK912", Severity.INFO, "CSV 文件按 GBK（GB18030）编码读取", Location(book.file)))
    return text


def _load_csv(book: Book, data: bytes) -> Book:
    text = _decode(book, data)
    if text is None:
        return book
    grid = Grid(Path(book.file).stem or "CSV")
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    try:
        for row, values in enumerate(csv.reader(io.StringIO(text, newline=""), dialect), start=1):
            if row > MAX_ROWS:
                book.diagnostics.append(Diagnostic(
                    "SK911", Severity.WARNING, f"CSV 文件超过 {MAX_ROWS:,} 行，只读取了前面的部分", Location(book.file)))
                break
            for col, value in enumerate(values[:MAX_COLS], start=1):
                if value.strip():
                    grid.put(row, col, Cell(value, row, col))
    except csv.Error as exc:
        return _fail(book, "SK901", f"CSV 文件格式有误：{exc}", "请在 Excel 中打开后另存为 CSV")
    book.grids.append(grid)
    return book
