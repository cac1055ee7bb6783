"""Reading font files: their faces, names, embedding rights and character maps.

This is the only module that imports fontTools (on first use, so that importing
signkit stays fast for commands that never touch a font), so parsing details
(collections, name-table encodings, lazy tables) stay in one place.  Reads are cached: a face's
header is read once per file version, a character map once per face, because the
same fonts are asked about for every field of every board.

Why the checks exist: ReportLab embeds only TrueType outlines (a ``glyf`` table) with a
Unicode ``cmap``, and it refuses a font whose licence bits forbid embedding or
subsetting, with an English traceback in the middle of rendering.  Checking up front
lets signkit refuse the font when it is chosen, in Chinese, pointing at the file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont  # type: ignore[import-untyped, unused-ignore]
from fontTools.ttLib.ttCollection import TTCollection  # type: ignore[import-untyped, unused-ignore]

from signkit.errors import SignkitError
from signkit.fonts.metrics import face_metrics
from signkit.fonts.names import normalize_name

#: Tables ReportLab reads when it embeds a TrueType font.
REQUIRED_TABLES = ("cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post")

#: Extensions looked at when scanning font folders.
FONT_SUFFIXES = frozenset({".ttf", ".ttc", ".otf", ".otc"})

_TRUETYPE_MAGIC = (b"\x00\x01\x00\x00", b"true")
_WEB_MAGIC = (b"wOFF", b"wOF2")

# OS/2 fsType bits (OpenType spec).  Bits 0-3 are usage permissions; when several are
# set (old fonts), the least restrictive one applies.
FS_RESTRICTED = 0x0002
FS_PREVIEW_PRINT = 0x0004
FS_EDITABLE = 0x0008
FS_NO_SUBSETTING = 0x0100
FS_BITMAP_ONLY = 0x0200

# Language ids whose names count as the font's Chinese name, best first.
_ZH_WINDOWS_LANGS = (0x0804, 0x1004, 0x0404, 0x0C04, 0x1404)
_ZH_MAC_LANGS = (33, 19)
_EN_WINDOWS_LANG = 0x0409


class FontReadError(SignkitError):
    """The file is missing, unreadable, or not a font signkit can use at all.

    ``kind`` is ``"missing"``, ``"unreadable"`` or ``"webfont"``; ``detail`` is Chinese.
    """

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


@dataclass(frozen=True)
class FaceInfo:
    """What signkit needs to know about one face of a font file, without its glyphs."""

    path: Path
    index: int
    face_count: int
    family: str
    local_family: str | None
    subfamily: str
    family_names: frozenset[str]  # normalised family names (name ids 1, 16), all languages
    full_names: frozenset[str]  # normalised full and PostScript names (ids 4, 6)
    display_name: str  # full name as written, for listing the faces of a collection
    fs_type: int
    tables: frozenset[str]

    @property
    def names(self) -> frozenset[str]:
        """All normalised names of the face."""
        return self.family_names | self.full_names

    @property
    def is_regular(self) -> bool:
        """Whether this is the plain weight, preferred when a family has several faces."""
        return normalize_name(self.subfamily) in {
            "regular",
            "normal",
            "book",
            "roman",
            "常规",
            "標準",
        }


@dataclass(frozen=True)
class FaceProblem:
    """Why a face cannot be embedded: rule id, Chinese message and hint."""

    rule: str
    message: str
    hint: str


def _decode(record: Any) -> str | None:
    try:
        text = record.toUnicode()
    except (UnicodeDecodeError, LookupError, ValueError):
        return None
    text = str(text).strip().strip("\x00")
    return text or None


def _pick(records: list[Any], ids: tuple[int, ...], langs: Iterable[tuple[int, int]]) -> str | None:
    """First decodable name among ``ids`` (in order) for the first matching (platform, lang)."""
    for name_id in ids:
        for platform, lang in langs:
            for rec in records:
                if rec.nameID == name_id and rec.platformID == platform and rec.langID == lang:
                    text = _decode(rec)
                    if text:
                        return text
    return None


def _face_from_ttfont(font: Any, path: Path, index: int, count: int) -> FaceInfo:
    tables = frozenset(str(tag) for tag in font.reader.tables)
    records: list[Any] = list(font["name"].names) if "name" in tables else []
    english = [(3, _EN_WINDOWS_LANG), (1, 0)]
    family = _pick(records, (16, 1), english)
    if family is None:
        family = next((t for r in records if r.nameID in (16, 1) and (t := _decode(r))), None)
    chinese = [(3, lang) for lang in _ZH_WINDOWS_LANGS] + [(1, lang) for lang in _ZH_MAC_LANGS]
    local = _pick(records, (16, 1), chinese)
    subfamily = _pick(records, (17, 2), english) or "Regular"
    full = _pick(records, (4, 6), english) or family or path.stem
    family_names: set[str] = set()
    full_names: set[str] = set()
    for rec in records:
        if rec.nameID in (1, 4, 6, 16):
            text = _decode(rec)
            if text:
                (family_names if rec.nameID in (1, 16) else full_names).add(normalize_name(text))
    fs_type = int(font["OS/2"].fsType) if "OS/2" in tables else 0
    return FaceInfo(
        path=path,
        index=index,
        face_count=count,
        family=family or path.stem,
        local_family=local,
        subfamily=subfamily,
        family_names=frozenset(family_names),
        full_names=frozenset(full_names),
        display_name=full,
        fs_type=fs_type,
        tables=tables,
    )


@lru_cache(maxsize=4096)
def _read_faces_cached(path_text: str, _mtime_ns: int, _size: int) -> tuple[FaceInfo, ...]:

    path = Path(path_text)
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
    except OSError as exc:
        raise FontReadError("unreadable", f"无法打开文件：{exc.strerror or exc}") from exc
    if magic in _WEB_MAGIC:
        raise FontReadError("webfont", "这是 WOFF/WOFF2 网页字体，不能嵌入 PDF")
    if magic not in (*_TRUETYPE_MAGIC, b"OTTO", b"ttcf"):
        raise FontReadError("unreadable", "不是 TrueType/OpenType 字体文件")
    try:
        if magic == b"ttcf":
            with TTCollection(path_text, lazy=True) as coll:
                count = len(coll.fonts)
                return tuple(_face_from_ttfont(f, path, i, count) for i, f in enumerate(coll.fonts))
        with TTFont(path_text, lazy=True) as font:
            return (_face_from_ttfont(font, path, 0, 1),)
    except FontReadError:
        raise
    except Exception as exc:  # fontTools raises many kinds on damaged files
        raise FontReadError("unreadable", f"字体文件已损坏或格式不对（{type(exc).__name__}）") from exc


def read_faces(path: Path) -> tuple[FaceInfo, ...]:
    """All faces of a font file (one for ``.ttf``/``.otf``, several for ``.ttc``).

    Cached per file version (path, modification time, size), so scanning the same
    font folder twice in one run costs nothing.  Raises :class:`FontReadError`.
    """
    try:
        stat = os.stat(path)
    except FileNotFoundError as exc:
        raise FontReadError("missing", "文件不存在") from exc
    except OSError as exc:
        raise FontReadError("unreadable", f"无法读取：{exc.strerror or exc}") from exc
    if not os.path.isfile(path):
        raise FontReadError("unreadable", "不是文件")
    return _read_faces_cached(str(path), stat.st_mtime_ns, stat.st_size)


def select_face(faces: tuple[FaceInfo, ...], selector: str | None) -> FaceInfo | None:
    """The face a ``path#selector`` names: a face index, or a full/PostScript/family name.

    Full and PostScript names win over family names, because one family (e.g. a
    Regular and a Bold) can span several faces; among family matches the regular
    weight is preferred.  ``None`` when nothing matches.
    """
    if selector is None or selector.strip() == "":
        return faces[0]
    text = selector.strip()
    if text.isdigit():
        index = int(text)
        return faces[index] if index < len(faces) else None
    wanted = normalize_name(text)
    by_full = [f for f in faces if wanted in f.full_names]
    if by_full:
        return by_full[0]
    by_family = [f for f in faces if wanted in f.family_names]
    by_family.sort(key=lambda f: (not f.is_regular, f.index))
    return by_family[0] if by_family else None


def embedding_problem(face: FaceInfo) -> FaceProblem | None:
    """Why ReportLab cannot embed ``face`` (licence bits or outline format), if it cannot."""
    who = face.display_name
    usage = face.fs_type & 0x000F
    restricted = bool(usage & FS_RESTRICTED) and not usage & (FS_PREVIEW_PRINT | FS_EDITABLE)
    if restricted:
        return FaceProblem(
            "SK302",
            f"字体“{who}”的授权禁止嵌入（OS/2 fsType=0x{face.fs_type:04X}，受限许可），不能用于生成 PDF",
            "请改用允许嵌入的字体；法定字体请使用正版授权的 Windows 字体文件，或用内置替代字体（--fonts bundled）",
        )
    if face.fs_type & FS_NO_SUBSETTING:
        return FaceProblem(
            "SK302",
            f"字体“{who}”的授权禁止子集化嵌入（OS/2 fsType=0x{face.fs_type:04X}），ReportLab 无法嵌入这种中文字体",
            "请改用允许子集化嵌入的字体",
        )
    if face.fs_type & FS_BITMAP_ONLY:
        return FaceProblem(
            "SK302",
            f"字体“{who}”的授权只允许嵌入位图（OS/2 fsType=0x{face.fs_type:04X}），不能嵌入轮廓",
            "请改用允许嵌入轮廓的字体",
        )
    if "glyf" not in face.tables:
        if "CFF " in face.tables or "CFF2" in face.tables:
            what = "CFF/PostScript 轮廓的 OpenType 字体（没有 glyf 表）"
        else:
            what = "没有 TrueType 轮廓（glyf 表）的字体"
        return FaceProblem(
            "SK303",
            f"字体“{who}”是{what}，ReportLab 无法嵌入",
            "请改用 TrueType 轮廓的版本（通常是 .ttf 或 .ttc 文件）",
        )
    missing = [t for t in REQUIRED_TABLES if t not in face.tables]
    if missing:
        return FaceProblem(
            "SK303",
            f"字体“{who}”缺少必需的表 {'、'.join(missing)}，ReportLab 无法嵌入",
            "字体文件可能已损坏，请换一个字体文件",
        )
    if not load_cmap(face.path, face.index):
        return FaceProblem(
            "SK303",
            f"字体“{who}”没有 Unicode 字符映射表（cmap），无法按字符取字形",
            "请换一个支持 Unicode 的字体文件",
        )
    return None


@lru_cache(maxsize=64)
def _cmap_cached(path_text: str, index: int) -> frozenset[int]:
    # the metrics already decode cmap (every mapped code point has an advance): read it once

    try:
        return frozenset(face_metrics(Path(path_text), index).advances)
    except Exception:  # a damaged cmap means: no characters we can trust
        return frozenset()


def load_cmap(path: Path, face_index: int) -> frozenset[int]:
    """The code points a face maps to glyphs; read once per face and cached.

    A frozenset makes the per-character test a hash lookup, so checking thousands of
    characters takes microseconds each once the map is loaded.
    """
    return _cmap_cached(str(path), face_index)
