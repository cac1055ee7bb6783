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
import io
import os
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from signkit.diagnostics import Diagnostic, Location, Severity

#: Cap on a workbook's size on disk.  Ledgers with a logo are a few MB; this stops a stray video.
WORKBOOK_MAX_BYTES = 32 * 1024 * 1024
#: Cap on what the zip inside an .xlsx unpacks to (a "zip bomb" would unpack to gigabytes).
MAX_UNPACKED = 256 * 1024 * 1024
#: Rows and columns read per sheet; the rest is reported (SK911) and ignored.
MAX_ROWS = 20_000
MAX_COLS = 200

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
            unpacked = sum(info.file_size for info in archive.infolist())
            formulas = unpacked <= MAX_UNPACKED and _has_formulas(archive)
    except (zipfile.BadZipFile, ValueError, OSError):
        return _fail(book, "SK901", "工作簿已损坏（压缩包无法打开），无法读取", "请在 Excel 中打开并修复后另存")
    if unpacked > MAX_UNPACKED:
        return _fail(book, "SK901", f"工作簿解压后过大（{unpacked:,} 字节），未读取", "工作簿中可能有大量图片或空白格式")
    try:
        # lazy: signkit.pipeline.check imports the reader, so every check loads this module; only an .xlsx needs openpyxl (~0.2 s)
        import openpyxl  # type: ignore[import-untyped, unused-ignore]

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Data Validation extension is not supported" and the like
            workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True, keep_links=False)
    except Exception:  # openpyxl raises many kinds on damaged files; none may reach the user
        return _fail(book, "SK901", "工作簿已损坏，或不是 Excel 工作簿（压缩包中缺少工作簿的内容），无法读取",
                     "请在 Excel 中打开并修复后另存为 .xlsx")
    for sheet in workbook.worksheets:
        book.grids.append(_grid(book, sheet))
    if formulas:
        _report_uncached_formulas(book, data, workbook)
    return book


_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[ >/]")


def _has_formulas(archive: zipfile.ZipFile) -> bool:
    """Whether any sheet holds a formula (cheap: most ledgers hold none, and then no second read is needed)."""
    for info in archive.infolist():
        if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
            with archive.open(info) as stream:
                if _FORMULA_TAG.search(stream.read()):
                    return True
    return False


def _report_uncached_formulas(book: Book, data: bytes, values: Any) -> None:
    """One SK913 per sheet whose formulas have no saved result (openpyxl reads those as empty).

    A workbook written by a program, or by Excel with manual calculation, carries the
    formula without its value; reading the cell as empty and then saying "不能为空" would
    send the officer looking at a cell that visibly holds something.
    """
    import openpyxl  # lazy, as in _load_xlsx: a YAML check must not load it

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            formulas = openpyxl.load_workbook(io.BytesIO(data), data_only=False, keep_links=False)
    except Exception:  # the first read succeeded; a second failure only loses this hint
        return
    for sheet in formulas.worksheets:
        if sheet.sheet_state != "visible":  # not read at all (SK905 says so)
            continue
        cached = values[sheet.title]
        missing = sorted((row, col) for (row, col), cell in sheet._cells.items()
                         if cell.data_type == "f" and row <= MAX_ROWS and col <= MAX_COLS
                         and cached._cells.get((row, col)) is not None and cached._cells[(row, col)].value is None)
        if missing:
            first = coordinate(*missing[0])
            more = f" 等 {len(missing)} 个单元格" if len(missing) > 1 else ""
            book.diagnostics.append(Diagnostic(
                "SK913", Severity.WARNING,
                f"工作表「{sheet.title}」的 {first}{more}是公式，但工作簿中没有保存计算结果，已读作空",
                Location(book.file, sheet=str(sheet.title), cell=first),
                "请在 Excel 或 WPS 中打开该工作簿、保存后再读取；或把公式改为直接填写的内容"))


def _grid(book: Book, sheet: Any) -> Grid:
    grid = Grid(str(sheet.title), hidden=sheet.sheet_state != "visible")
    clipped = False
    # ws._cells holds only the cells that exist; iter_rows would create every empty one
    for (row, col), cell in list(sheet._cells.items()):
        if row > MAX_ROWS or col > MAX_COLS:
            clipped = clipped or cell.value is not None
            continue
        if cell.has_style and (colour := _fill_colour(cell)) is not None:
            grid.fills[(row, col)] = colour
        value = cell.value
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        grid.put(row, col, Cell(value, row, col, error=cell.data_type == "e"))
    for merged in sheet.merged_cells.ranges:
        origin = grid.at(merged.min_row, merged.min_col)
        colour = grid.fills.get((merged.min_row, merged.min_col))
        for row in range(merged.min_row, min(merged.max_row, MAX_ROWS) + 1):
            for col in range(merged.min_col, min(merged.max_col, MAX_COLS) + 1):
                if origin is not None:
                    grid.put(row, col, origin)
                if colour is not None:
                    grid.fills[(row, col)] = colour
    if clipped:
        book.diagnostics.append(Diagnostic(
            "SK911", Severity.WARNING, f"工作表「{grid.name}」超过 {MAX_ROWS:,} 行或 {MAX_COLS} 列，只读取了前面的部分",
            Location(book.file, sheet=grid.name, cell="A1")))
    return grid


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
