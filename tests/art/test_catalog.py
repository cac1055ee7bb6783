"""The sign library: every sign against its reference image, GB 2894 proportions, the catalogue sheet.

The sign references live in ``tests/refimg-signs`` (one PNG per library sign, zero tolerance, as in
``tests/render/test_reference_images.py``); after a deliberate change, or when a sign is added, regenerate
them with ``pytest tests/art/test_catalog.py --update-refs`` and review the pictures before committing.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from signkit.art import CATEGORIES, SIGNS, draw_sign, load_library, total_height
from signkit.art.frames import BAR_WIDTH, RING_INNER, SAFETY_RED, TRIANGLE_INNER, caption_lines
from signkit.art.place import ARTWORK_NOTE, catalogue
from signkit.drawing.box import Box
from signkit.drawing.frame import Frame
from signkit.drawing.items import Board, Page, Text
from signkit.drawing.items import Path as PathItem
from signkit.drawing.text import FontMeasurer
from signkit.render.pdf import PrintSpec, render_pdf
from signkit.render.raster import rasterize
from tests.conftest import ROOT
from tests.pdfcheck import colour_problems, image_xobjects
from tests.refcompare import compare

REFS = ROOT / "tests" / "refimg-signs"
#: Sign width on the reference pages (mm) and the resolution they are rasterised at.
REF_WIDTH = 40.0
REF_DPI = 150


def _sign_page(fonts: Any, name: str) -> Page:
    frame = Frame(FontMeasurer(fonts))
    from signkit.art.place import draw_library_sign

    height = total_height(REF_WIDTH, caption_lines(name, frame.measure))  # a long name's panel has two lines
    draw_library_sign(frame, SIGNS[name], Box(2, 2, REF_WIDTH, height))
    assert frame.misfits == [], name
    return Page(REF_WIDTH + 4, height + 4, tuple(frame.items), None, name)


def test_every_library_sign_matches_its_reference_image(bundled_fonts: Any, request: pytest.FixtureRequest) -> None:
    library = load_library()
    assert len(library) >= 4
    names = list(library)
    board = Board("标志", "标志", "", tuple(_sign_page(bundled_fonts, n) for n in names))
    images = rasterize(render_pdf(board, bundled_fonts, spec=PrintSpec(pdfx=False)), REF_DPI)
    update = request.config.getoption("--update-refs")
    problems: list[str] = []
    for name, image in zip(names, images, strict=True):
        problem = compare(image, REFS / f"{name}.png", update=update, label=name)
        if problem:
            problems.append(problem)
    stale = sorted(p.name for p in REFS.glob("*.png") if p.stem not in library)
    if update:
        for name in stale:
            (REFS / name).unlink()
        pytest.skip("sign reference images regenerated: review them before committing")
    assert not stale, f"reference images of signs no longer in the library: {stale}"
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", [40.0, 54.0, 300.0])
def test_category_proportions(bundled_fonts: Any, width: float) -> None:
    """GB 2894: ring inner 0.8 of outer, bar 0.08 of outer; triangle inner side 0.7 of outer — reported and drawn."""
    measure = FontMeasurer(bundled_fonts)
    by_category = {spec.category: spec for spec in reversed(list(load_library().values()))}
    box = Box(10, 10, width, total_height(width))
    frame = Frame(measure)
    prohibition = draw_sign(frame, by_category["禁止"], box, min_text=1)
    assert prohibition.inner / prohibition.outer == pytest.approx(RING_INNER) == pytest.approx(0.8)
    assert prohibition.bar / prohibition.outer == pytest.approx(BAR_WIDTH) == pytest.approx(0.08)
    # the red ring as drawn: one even-odd path of two circles of those diameters
    (ring,) = [i for i in frame.items if isinstance(i, PathItem) and i.fill == SAFETY_RED and i.even_odd]
    xs = [[float(s[1]) for s in ring.segments[k:k + 5] if s[0] != "Z"] for k in (0, 6)]
    outer_d, inner_d = (max(x) - min(x) for x in xs)
    assert outer_d == pytest.approx(prohibition.outer) and inner_d / outer_d == pytest.approx(0.8)
    # the bar: a rectangle as thick as 0.08 of the outer diameter, at 45°
    (bar,) = [i for i in frame.items if isinstance(i, PathItem) and i.fill == SAFETY_RED and not i.even_odd]
    (x0, y0), (x1, y1), (x2, y2) = ((float(s[1]), float(s[2])) for s in bar.segments[:3])
    assert math.hypot(x2 - x1, y2 - y1) == pytest.approx(prohibition.outer * 0.08)
    assert math.degrees(math.atan2(y1 - y0, x1 - x0)) == pytest.approx(45)
    warning = draw_sign(Frame(measure), by_category["警告"], box, min_text=1)
    assert warning.inner / warning.outer == pytest.approx(TRIANGLE_INNER) == pytest.approx(0.7)
    assert warning.outer == pytest.approx(width)
    for category in ("指令", "提示"):
        geometry = draw_sign(Frame(measure), by_category[category], box, min_text=1)
        assert geometry.outer == pytest.approx(width * 0.96)


def test_catalogue_sheet_is_pure_vectors_with_every_sign(bundled_fonts: Any) -> None:
    board, frame = catalogue(FontMeasurer(bundled_fonts))
    assert frame.misfits == []
    assert {p.width for p in board.pages} == {210.0} and {p.height for p in board.pages} == {297.0}
    texts = "".join(i.text for p in board.pages for i in p.items if isinstance(i, Text))
    for spec in load_library().values():
        assert spec.name in texts
    for category in CATEGORIES:
        assert f"{category}标志" in texts
    assert ARTWORK_NOTE in texts and "不是 GB 2894—2025 的官方图形" in ARTWORK_NOTE
    assert "标志名称.pdf" in ARTWORK_NOTE and "[signs] folder" in ARTWORK_NOTE
    pdf = render_pdf(board, bundled_fonts, spec=PrintSpec(pdfx=False))
    assert image_xobjects(pdf) == []
    assert colour_problems(pdf) == []


def test_the_whole_gb_2894_set_is_in_the_library_and_docs_signs_md_is_current() -> None:
    """Every sign of GB 2894—2008 (40 禁止, 39 警告, 16 指令, 8 提示), plus the industry signs, and the page that lists them."""
    from collections import Counter
    from pathlib import Path

    from signkit.art.catalog import load_library, signs_markdown

    library = load_library()
    gb2894 = Counter(spec.category for spec in library.values() if spec.standard == "GB 2894—2008")
    assert gb2894 == {"禁止": 40, "警告": 39, "指令": 16, "提示": 8}
    for name in ("当心瓦斯", "当心冒顶", "禁止带火种", "禁止停留", "禁止跨越", "禁止戴手套", "必须携带自救器"):
        assert name in library, name
    committed = (Path(__file__).resolve().parents[2] / "docs" / "signs.md").read_text(encoding="utf-8")
    assert committed == signs_markdown(), "docs/signs.md is stale: run signkit signs --markdown > docs/signs.md"
