"""The 警示标识 of a 2-4 board: the text panels decide how wide a sign must be (GB 2894's minimum is the floor)."""

from __future__ import annotations

import pytest

from signkit.art.catalog import load_library
from signkit.art.frames import caption_lines, caption_split, draw_sign, total_height
from signkit.art.place import PANEL_TEXT_MIN
from signkit.art.sign_files.sources import LibrarySign
from signkit.drawing.box import Box
from signkit.drawing.frame import Frame
from signkit.drawing.items import Text
from signkit.drawing.text import FontMeasurer
from signkit.fonts import FontSet
from signkit.layout.risk_signs import MIN_TEXT, SIGN_MIN_WIDTH, caption_width


def test_the_panels_decide_the_sign_width(fonts: FontSet) -> None:
    """At GB 2894's 52.5 mm alone, a panel's words would be 8.4 mm: below the board's 10 mm minimum."""
    measure = FontMeasurer(fonts)
    library = load_library()
    short, long = (LibrarySign("当心中毒", library["当心中毒"]), LibrarySign("必须戴防毒面具", library["必须戴防毒面具"]))
    frame = Frame(measure)
    draw_sign(frame, short.spec, Box(0, 0, SIGN_MIN_WIDTH, total_height(SIGN_MIN_WIDTH)),
              min_text=1.0)
    assert max(t.size for t in frame.items if isinstance(t, Text)) < MIN_TEXT  # the failing side
    assert caption_width(short, measure) == pytest.approx(62.5)  # the panel's words at 0.16 of the width
    assert caption_width(long, measure) > caption_width(short, measure)  # seven characters
    for sign in (short, long):
        width = caption_width(sign, measure)
        frame = Frame(measure)
        draw_sign(frame, sign.spec, Box(0, 0, width, total_height(width)), min_text=width * PANEL_TEXT_MIN)
        assert min(t.size for t in frame.items if isinstance(t, Text)) >= MIN_TEXT


def test_a_longer_name_needs_a_wider_sign_and_the_minimum_is_gb_2894s(fonts: FontSet) -> None:
    measure = FontMeasurer(fonts)
    library = load_library()
    assert SIGN_MIN_WIDTH == 52.5  # 2000 mm / 40, for a shape filling 0.96 of the sign
    widths = {name: caption_width(LibrarySign(name, library[name]), measure)
              for name in ("当心触电", "当心高温表面", "必须戴防护眼镜", "禁止携带托运放射性及磁性物品")}
    assert widths["当心触电"] < widths["当心高温表面"] < widths["必须戴防护眼镜"]
    assert all(width >= SIGN_MIN_WIDTH for width in widths.values())
    # on two lines: about as wide as a seven-character name on one (it took more than 100 mm on one line)
    assert widths["禁止携带托运放射性及磁性物品"] <= widths["必须戴防护眼镜"]
    assert caption_width(LibrarySign("当心触电", library["当心触电"]), measure) == widths["当心触电"]  # remembered


@pytest.mark.parametrize(("name", "lines"), [
    ("禁止开启无线移动通讯设备", ("禁止开启无线", "移动通讯设备")),  # near the middle
    ("止步，高压危险！", ("止步，", "高压危险！")),  # after the comma
    ("禁止合闸，线路有人工作！", ("禁止合闸，", "线路有人工作！")),
])
def test_a_long_name_is_set_on_two_legible_lines(fonts: FontSet, name: str, lines: tuple[str, str]) -> None:
    """Two lines in a taller panel: the sign stays about as wide as a short name's, its words as large."""
    measure = FontMeasurer(fonts)
    sign = LibrarySign(name, load_library()[name])
    assert caption_split(name, measure) == lines
    width = caption_width(sign, measure)
    assert width < 80  # one line, 禁止开启无线移动通讯设备 needed 111.5 mm
    box = Box(0, 0, width, total_height(width, caption_lines(name, measure)))
    frame = Frame(measure)
    draw_sign(frame, sign.spec, box, min_text=width * PANEL_TEXT_MIN)
    assert frame.misfits == []
    drawn = [t for t in frame.items if isinstance(t, Text)]
    assert [t.text for t in drawn] == list(lines)
    assert all(t.size >= MIN_TEXT for t in drawn)
    assert drawn[0].baseline < drawn[1].baseline <= box.bottom
    for t in drawn:  # inside the sign's width: nothing clipped
        assert box.x <= t.x and t.x + measure.width(t.text, t.size, "title") <= box.right + 1e-6
    assert frame.texts == [(name,)]  # the board says the whole name, wherever it breaks


def test_a_short_name_keeps_its_one_line_panel(fonts: FontSet) -> None:
    measure = FontMeasurer(fonts)
    for name in ("当心中毒", "必须戴防毒面具"):
        assert caption_split(name, measure) == (name,)
        assert total_height(100, caption_lines(name, measure)) == pytest.approx(134)
