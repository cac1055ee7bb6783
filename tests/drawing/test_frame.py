"""What a layout keeps together on top of the line breaker (:class:`signkit.drawing.frame.Keep`), and the grid's results.

Each case breaks the same text with and without keeping: without, the breaker splits it
where a sign maker would not (the failing side), with it, the run stays on one line.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from signkit.drawing.box import Box
from signkit.drawing.frame import KEEP, Cell, Frame, Keep, TextStyle, fit_text, grid, kept_spans, kept_units, lay_at
from signkit.drawing.items import Text
from signkit.drawing.text import Fitted, FontMeasurer, Overflow, Para, layout_at
from signkit.fonts import FontSet, resolve_fonts


@pytest.fixture(scope="module")
def measure() -> FontMeasurer:
    fonts: FontSet = resolve_fonts(mode="bundled")
    return FontMeasurer(fonts)


def _lines(text: str, width_chars: float, keep: Keep | None, measure: FontMeasurer, size: float = 10.0) -> list[str]:
    fitted = lay_at([Para(text)], width_chars * size, size, "body", measure, keep=keep)
    assert fitted is not None
    return [line.text for line in fitted.lines]


@pytest.mark.parametrize(("text", "kept"), [
    ("进入罐区必须穿戴防护用品（防毒面具、防护手套）后方可作业", "（防毒面具、防护手套）"),
    ("堆垛高度不超过 1.5 米，叉车限速 5 公里/小时", "5 公里/小时"),
    ("每班巡检不少于一次，每次间隔不超过 2 小时", "2 小时"),
    # (40N·m～65N·m, 36 V, 1.6 MPa: the UAX #14 breaker keeps these itself, so they have no failing side here)
    ("严禁在井下饮酒作业并携带火种《煤矿安全规程》", "《煤矿安全规程》"),
])
def test_a_kept_run_is_never_broken_where_a_line_could_hold_it(text: str, kept: str, measure: FontMeasurer) -> None:
    run = measure.width(kept, 10.0, "body") / 10.0  # in em
    # the narrowest line that could hold the run on its own, but where the breaker alone splits it
    width = next(w / 4 for w in range(int(run * 4) + 1, 200) if not any(kept in line for line in _lines(text, w / 4, None,
                                                                                                        measure)))
    plain = _lines(text, width, None, measure)
    assert not any(kept in line for line in plain)  # the failing side: the breaker alone splits it
    lines = _lines(text, width, KEEP, measure)
    assert any(kept in line for line in lines), lines
    assert "".join(lines).replace(" ", "") == "".join(plain).replace(" ", "") == text.replace(" ", "")


def test_words_are_kept_whole(measure: FontMeasurer) -> None:
    names = ("一号液氨储罐区", "二号合成反应釜", "三号变配电室")
    text = "、".join(names)
    plain = _lines(text, 10, None, measure)
    assert any(name not in "|".join(plain) for name in names)  # the breaker alone cuts a name
    lines = _lines(text, 10, Keep(words=names), measure)
    for name in names:
        assert any(name in line for line in lines), lines


def test_a_run_too_wide_for_any_line_is_broken_as_the_breaker_would(measure: FontMeasurer) -> None:
    text = "注意（本区域内严禁烟火、严禁使用非防爆工具、严禁穿带钉鞋）"
    kept = lay_at([Para(text)], 80.0, 10.0, "body", measure, keep=KEEP)
    plain = layout_at([Para(text)], 80.0, 10.0, "body", measure)
    assert kept is not None and plain is not None
    assert [line.text for line in kept.lines] == [line.text for line in plain.lines]  # keeping never misfits


def test_without_anything_to_keep_it_is_the_breaker_itself(measure: FontMeasurer) -> None:
    paras = [Para("发生泄漏立即启动水喷淋，关闭紧急切断阀", "（一）"), Para("佩戴正压式空气呼吸器处置", "（二）")]
    assert kept_spans(paras[0].text, KEEP) == [] and kept_spans(paras[1].text, KEEP) == []
    for width in (60.0, 120.0, 400.0):
        assert lay_at(paras, width, 10.0, "body", measure, keep=KEEP) == layout_at(paras, width, 10.0, "body", measure)
    assert fit_text(paras, 120.0, 40.0, "body", measure, max_size=12, min_size=8, keep=KEEP) == \
        fit_text(paras, 120.0, 40.0, "body", measure, max_size=12, min_size=8)


def test_a_hanging_number_still_hangs_when_runs_are_kept(measure: FontMeasurer) -> None:
    para = Para("储罐充装量不超过容积的 85%，液位不超过 3.2 米（含安全余量）；", "（四）")
    fitted = lay_at([para], 110.0, 10.0, "body", measure, keep=KEEP)
    assert fitted is not None and len(fitted.lines) > 1
    indent = measure.width("（四）", 10.0, "body")
    assert fitted.lines[0].text.startswith("（四）") and fitted.lines[0].indent == 0.0
    assert all(line.indent == pytest.approx(indent) for line in fitted.lines[1:])
    assert any("3.2 米" in line.text for line in fitted.lines) and any("（含安全余量）" in line.text for line in fitted.lines)


def test_fit_with_keeping_shrinks_and_overflows_honestly(measure: FontMeasurer) -> None:
    paras = [Para("叉车限速 5 公里/小时（厂区内）")]
    fitted = fit_text(paras, 80.0, 30.0, "body", measure, max_size=20, min_size=6, keep=KEEP)
    assert isinstance(fitted, Fitted) and 6 <= fitted.size < 20
    assert fitted.height <= 30.0 + 1e-9
    over = fit_text(paras * 20, 80.0, 30.0, "body", measure, max_size=20, min_size=6, keep=KEEP)
    assert isinstance(over, Overflow) and over.needed_height > 30.0


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(st.text(alphabet="安全生产（）() 1234567890.米小时mA、，", min_size=1, max_size=40))
def test_kept_units_spell_the_text_and_never_cut_a_kept_span(text: str) -> None:
    units = kept_units(text, KEEP)
    assert "".join("".join(unit) for unit in units) == text
    boundaries, position = set(), 0
    for unit in units:
        position += len("".join(unit))
        boundaries.add(position)
    for start, end in kept_spans(text, KEEP):
        assert not any(start < b < end for b in boundaries), (text, start, end)


def test_the_grid_returns_what_each_cell_became(measure: FontMeasurer) -> None:
    frame = Frame(measure)
    style = TextStyle("body", 12.0, 6.0)
    cells = [Cell(0, 0, "岗位名称", style), Cell(0, 1, "严" * 400, style, path=("岗位", 0, "岗位名称"))]
    results = grid(frame, Box(0, 0, 200, 40), [80.0, 120.0], [40.0], cells, padding=2.0, border=style.color,
                   border_width=0.5)
    assert isinstance(results[0], Fitted) and results[0].size == 12.0
    assert results[1] is None and [m.path for m in frame.misfits] == [("岗位", 0, "岗位名称")]
    assert [t.text for t in frame.items if isinstance(t, Text)] == ["岗位名称"]
    assert frame.type_sizes == {}  # the layout, not the grid, says which sizes are its kinds'
