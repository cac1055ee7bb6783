"""Break opportunities: UAX #14 (through uniseg), Chinese 禁则 on top, and runs glued while they fit.

The line-level consequences (each example kept whole on a line, no line starting with a
closing mark, lines that give the text back) are in ``test_text.py``; here are the
opportunities themselves, and the check that the chunked, cached UAX #14 is UAX #14.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from uniseg.linebreak import line_break_breakables

from signkit.drawing.breaks import (
    LAST_RESORT,
    NEVER,
    NO_LINE_END,
    NO_LINE_START,
    PREFERRED,
    opportunities,
    segments,
    uax14,
    unbreakable_runs,
)


def whole_string_uax14(text: str) -> tuple[bool, ...]:
    return tuple(bool(flag) for flag in list(line_break_breakables(text))[1:])


#: Characters of every Line_Break class the rules look at, for the chunked-UAX #14 check.
_MIXED = ("安全生产风险告知卡〃～々ぁ，。、；：！？（）“”‘’《》【】「」—…‥·×℃％%‰$¥+-–/.,:;!?()[]{}\"' \u00a0\u2060"
          "\u200b\u200d\u0301\n\tabcXYZ0123456789²₄≤±가각각🇨🇳👍🏻ก\u0e31\u00ad\u2010\u25cc\u3000\u2e02«»")


@settings(max_examples=250, deadline=None)
@given(st.text(alphabet=_MIXED, max_size=40))
def test_chunked_uax14_is_uax14(text: str) -> None:
    assert uax14(text) == whole_string_uax14(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=30))
def test_chunked_uax14_is_uax14_on_any_text(text: str) -> None:
    assert uax14(text) == whole_string_uax14(text)


def test_uax14_breaks_between_ideographs_and_after_spaces() -> None:
    assert uax14("安全 PPE") == (True, False, True, False, False)


#: Runs a board prints: UAX #14 alone would break inside some; none may break inside by preference.
GLUED = ["1.5m×1.8m", "≤30mA", "10.8m/s", "40N·m～65N·m", "GB/T 5082—2019", "0350-1234567", "119、120", "0.3m",
         "（一）", "CH₄", "H₂S", "30 kV", "https://jubao.example.org/dingxiang"]


@pytest.mark.parametrize("run", GLUED)
def test_no_preferred_break_inside_a_glued_run(run: str) -> None:
    levels = opportunities(f"安{run}全")
    assert levels[0] == PREFERRED and levels[-1] == PREFERRED
    assert PREFERRED not in levels[1:-1]


@pytest.mark.parametrize("run", ["10.8m/s", "40N·m～65N·m", "GB/T 5082—2019", "119、120", "30 kV",
                                 "https://jubao.example.org/dingxiang"])
def test_uax14_alone_breaks_inside_these(run: str) -> None:
    assert True in uax14(run)


@pytest.mark.parametrize(("run", "pieces"), [
    ("10.8m/s", ["10.8m/", "s"]),
    ("40N·m～65N·m", ["40N·m～", "65N·m"]),
    ("GB/T 5082—2019", ["GB/", "T ", "5082—", "2019"]),
    ("119、120", ["119、", "120"]),
    ("https://jubao.example.org/dingxiang", ["https://", "jubao.", "example.", "org/", "dingxiang"]),
])
def test_a_glued_run_keeps_its_last_resort_breaks(run: str, pieces: list[str]) -> None:
    (segment,) = segments(run)
    assert list(segment.pieces) == pieces


@pytest.mark.parametrize("run", ["1.5m×1.8m", "≤30mA", "0350-1234567", "0.3m", "（一）", "CH₄", "H₂S", "30 kV", "30 ℃",
                                 "Pneumonoultramicroscopicsilicovolcanoconiosis"])
def test_runs_that_never_break(run: str) -> None:
    assert set(opportunities(run)) == {NEVER}
    assert unbreakable_runs(f"安{run}全") == ["安", run, "全"]


#: The characters no line may start with (issue 13): UAX #14 alone allows × ～ · there.
FORBIDDEN_START = "℃％%‰）)；，。、：！？×～·"
FORBIDDEN_END = "（(“《【"


@pytest.mark.parametrize("mark", FORBIDDEN_START)
def test_never_a_break_before_a_closing_mark(mark: str) -> None:
    assert mark in NO_LINE_START
    assert opportunities(f"安全{mark}生产")[1] == NEVER
    assert opportunities(f"安全 {mark}生产")[2] == NEVER  # nor after the space before it


@pytest.mark.parametrize("mark", "×～·")
def test_uax14_alone_allows_a_break_before_these(mark: str) -> None:
    assert uax14(f"安全{mark}生产")[1]


@pytest.mark.parametrize("mark", FORBIDDEN_END)
def test_never_a_break_after_an_opening_mark(mark: str) -> None:
    assert mark in NO_LINE_END
    assert opportunities(f"安全{mark}生产")[2] == NEVER


@pytest.mark.parametrize("unit", ["m", "mm", "cm", "km", "kg", "t", "kV", "V", "A", "mA", "kW", "MPa", "Pa", "℃",
                                  "h", "min", "s", "m³", "m²", "dB", "m/s", "N·m", "%"])
def test_never_a_break_between_a_number_and_its_unit(unit: str) -> None:
    text = f"为30 {unit}以下"
    assert uax14(text)[3]  # UAX #14 breaks after the space
    assert opportunities(text)[3] == NEVER


def test_units_are_not_found_inside_words() -> None:
    assert opportunities("第5 mile处")[2] == PREFERRED  # the "m" of "mile" is no unit: the space may break
    assert opportunities("第5 m处")[2] == NEVER


def test_a_space_before_a_number_is_still_a_break() -> None:
    assert [segment.text for segment in segments("拨打 120；")] == ["拨", "打 ", "120；"]


def test_glue_is_a_last_resort_not_a_prohibition() -> None:
    levels = opportunities("GB/T 5082—2019")
    assert levels[2] == LAST_RESORT  # GB/|T
    assert levels[4] == LAST_RESORT  # GB/T |5082
    assert levels[8] == NEVER  # 5082|— : — never starts a line
    assert levels[9] == LAST_RESORT  # 5082—|2019


def test_an_address_may_also_break_after_its_separators() -> None:
    assert [piece for segment in segments("www.averyverylongname.com.cn") for piece in segment.pieces] == [
        "www.", "averyverylongname.", "com.", "cn"]
    assert uax14("www.averyverylongname.com.cn") == (False,) * 27


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_MIXED, max_size=40))
def test_segments_and_pieces_rebuild_the_text(text: str) -> None:
    found = segments(text)
    assert "".join(segment.text for segment in found) == text
    assert all("".join(segment.pieces) == segment.text and segment.body == segment.text.rstrip() for segment in found)
