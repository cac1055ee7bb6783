"""Embedding with ReportLab: subsets hold only the characters drawn, cost only their glyphs, and are parsed once."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import pikepdf
from fontTools.ttLib import TTFont  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfbase.ttfonts import TTFontFace  # type: ignore[import-untyped, unused-ignore]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped, unused-ignore]

from signkit.fonts import FontSet
from signkit.fonts.embed import _GlyphTable, preload, register, reportlab_name
from tests.fonts.conftest import resolve


def _embedded_glyph_counts(data: bytes) -> list[int]:
    with pikepdf.open(io.BytesIO(data)) as document:
        files = [o.FontFile2 for o in document.objects
                 if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/FontDescriptor"]
        return [int(TTFont(io.BytesIO(f.read_bytes()))["maxp"].numGlyphs) for f in files]


def test_a_subset_holds_the_characters_drawn_and_no_unused_ascii(bundled_fonts: Any) -> None:
    name = register(bundled_fonts.primary("title"))
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.setFont(name, 20)
    canvas.drawString(50, 700, "安全生产 12")
    canvas.save()
    # .notdef, the space, the six characters and the parts of composite glyphs: not the 95 ASCII
    # characters ReportLab adds to every first subset by default (over 100 glyphs)
    (count,) = _embedded_glyph_counts(buffer.getvalue())
    assert 8 <= count <= 16


def test_subsets_are_the_same_bytes_as_reportlab_makes_without_copying_the_glyph_table(bundled_fonts: Any) -> None:
    font = bundled_fonts.primary("title")
    face = pdfmetrics.getFont(register(font)).face
    assert isinstance(face.get_table("glyf"), _GlyphTable)
    plain = TTFontFace(str(font.path), subfontIndex=font.face_index)
    assert isinstance(plain.get_table("glyf"), bytes)
    codes = [ord(c) for c in "安全生产监督管理责任牌，12AB"]
    assert face.makeSubset(codes) == plain.makeSubset(codes)
    assert face.get_table("head") == plain.get_table("head")


def test_preload_registers_every_face_and_leaves_a_bad_one_for_the_render(bundled_fonts: FontSet,
                                                                         tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"\x00\x01\x00\x00" + b"\x00" * 64)
    bad = replace(bundled_fonts.primary("body"), path=broken, face_index=0)
    fonts = replace(bundled_fonts, body=(*bundled_fonts.body, bad))
    preload(fonts)
    registered = set(pdfmetrics.getRegisteredFontNames())
    assert all(reportlab_name(f) in registered for f in (*bundled_fonts.title, *bundled_fonts.body))
    assert reportlab_name(bad) not in registered


def test_a_registered_face_is_named_from_memory(bundled_fonts: FontSet, monkeypatch: Any) -> None:
    from signkit.fonts import embed

    font = bundled_fonts.primary("body")
    name = register(font)

    def resolve_again(_font: object) -> str:
        raise AssertionError("the path was resolved again")

    monkeypatch.setattr(embed, "reportlab_name", resolve_again)
    assert register(font) == name


def test_each_face_and_file_has_its_own_name(tmp_path: Path) -> None:
    font = resolve(mode="bundled").primary("body")
    name = reportlab_name(font)
    assert reportlab_name(font) == name  # remembered, and stable
    assert reportlab_name(replace(font, face_index=1)) == name[:-1] + "1"
    other = tmp_path / "copy.ttf"
    assert reportlab_name(replace(font, path=other)) != name
    link = tmp_path / "link.ttf"
    link.symlink_to(font.path)
    assert reportlab_name(replace(font, path=link)) == name  # the file, not the name it is reached by
