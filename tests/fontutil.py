"""Tiny fonts for tests, built with fontTools' FontBuilder.

Tests need fonts with chosen names, licence bits, outline formats and character sets
(a fake 黑体, a fake 楷体_GB2312 without 喆, a CFF font...), and must not depend on the
fonts of the machine they run on or ship large binaries.  Each font here is a few
hundred bytes: one square glyph per character.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from fontTools.fontBuilder import FontBuilder  # type: ignore[import-untyped, unused-ignore]
from fontTools.pens.t2CharStringPen import (  # type: ignore[import-untyped, unused-ignore]
    T2CharStringPen,
)
from fontTools.pens.ttGlyphPen import TTGlyphPen  # type: ignore[import-untyped, unused-ignore]
from fontTools.ttLib import TTFont  # type: ignore[import-untyped, unused-ignore]
from fontTools.ttLib.ttCollection import (  # type: ignore[import-untyped, unused-ignore]
    TTCollection,
)

#: Characters every fake font has unless told otherwise.
BASIC = "安全生产责任牌岗位职责ABC123"


def _draw_box(pen: Any) -> None:
    pen.moveTo((100, 0))
    pen.lineTo((100, 700))
    pen.lineTo((500, 700))
    pen.lineTo((500, 0))
    pen.closePath()


def build_font(
    family: str,
    chars: Iterable[str] = BASIC,
    *,
    local_family: str | None = None,
    style: str = "Regular",
    fs_type: int = 0,
    cff: bool = False,
) -> Any:
    """A fontTools TTFont named ``family`` with a glyph for each of ``chars``."""
    cps = sorted({ord(c) for c in chars})
    glyph_order = [".notdef"] + [f"u{cp:04X}" for cp in cps]
    fb = FontBuilder(1000, isTTF=not cff)
    fb.setupGlyphOrder(glyph_order)
    fb.setupCharacterMap({cp: f"u{cp:04X}" for cp in cps})
    ps_name = "".join(ch for ch in family if ch.isascii() and ch.isalnum()) or "Fake"
    ps_name = f"{ps_name}-{style}"
    if cff:
        charstrings = {}
        for name in glyph_order:
            t2 = T2CharStringPen(600, None)
            _draw_box(t2)
            charstrings[name] = t2.getCharString()
        fb.setupCFF(ps_name, {"FullName": f"{family} {style}"}, charstrings, {})
    else:
        glyphs = {}
        for name in glyph_order:
            tt = TTGlyphPen(None)
            _draw_box(tt)
            glyphs[name] = tt.glyph()
        fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics(dict.fromkeys(glyph_order, (600, 100)))
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    family_names: str | dict[str, str] = family
    if local_family is not None:
        family_names = {"en": family, "zh": local_family}
    fb.setupNameTable(
        {
            "familyName": family_names,
            "styleName": style,
            "uniqueFontIdentifier": f"test:{ps_name}",
            "fullName": family if style == "Regular" else f"{family} {style}",
            "psName": ps_name,
        },
        mac=False,
    )
    fb.setupOS2(fsType=fs_type, sTypoAscender=800, sTypoDescender=-200, usWinAscent=800, usWinDescent=200)
    fb.setupPost()
    return fb.font


def make_font(path: Path, family: str, chars: Iterable[str] = BASIC, **kwargs: Any) -> Path:
    """Build a font (see :func:`build_font`) and save it at ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    build_font(family, chars, **kwargs).save(str(path))
    return path


def make_ttc(path: Path, faces: Sequence[Any]) -> Path:
    """Save fonts from :func:`build_font` as one ``.ttc`` collection."""
    path.parent.mkdir(parents=True, exist_ok=True)
    coll = TTCollection()
    coll.fonts = [_reload(face) for face in faces]
    coll.save(str(path))
    return path


def _reload(font: Any) -> Any:
    """Compile and re-read a built font, as TTCollection.save expects loaded tables."""
    from io import BytesIO

    buf = BytesIO()
    font.save(buf)
    buf.seek(0)
    return TTFont(buf)
