"""Chinese line breaking and fitting: 禁则, unbreakable numbers, shrink to fit, honest overflow."""

from __future__ import annotations

import pytest

from signkit.drawing.numbering import chinese_ordinal, numbered
from signkit.drawing.text import NO_LINE_END, NO_LINE_START, Overflow, Para, atoms, fit, wrap_para
from signkit.fonts import Role


class Mono:
    """Every character 1 em wide: makes line breaks predictable."""

    def width(self, text: str, size: float, role: Role, letter_spacing: float = 0.0) -> float:
        return len(text) * size + letter_spacing * max(len(text) - 1, 0)


M = Mono()


def lines(text: str, chars_per_line: int, prefix: str = "") -> list[str]:
    wrapped = wrap_para(Para(text, prefix), chars_per_line * 10.0, 10.0, "body", M)
    assert wrapped is not None
    return [line.text for line in wrapped]


def test_atoms_keep_numbers_and_latin_whole() -> None:
    assert atoms("拨打0350-12350或119") == ["拨", "打", "0350-12350", "或", "119"]
    assert atoms("使用PPE防护") == ["使", "用", "PPE", "防", "护"]
    assert atoms("限速5km/h。") == ["限", "速", "5km/h。"]


def test_closing_punctuation_never_starts_a_line() -> None:
    out = lines("一二三四五，六七八九十。", 5)
    assert all(line[0] not in NO_LINE_START for line in out)
    assert out[0] == "一二三四" and out[1].startswith("五，")


def test_opening_bracket_never_ends_a_line() -> None:
    out = lines("一二三四（五六）七八", 5)
    assert all(line[-1] not in NO_LINE_END for line in out)
    assert out[0] == "一二三四"


def test_phone_number_is_not_split() -> None:
    out = lines("救援电话0350-8161119", 14)
    assert "0350-8161119" in out[-1]
    assert not any(line.endswith("0350") for line in out)


def test_unbreakable_run_wider_than_the_line_is_refused() -> None:
    assert wrap_para(Para("A" * 30), 100.0, 10.0, "body", M) is None


def test_hanging_indent() -> None:
    wrapped = wrap_para(Para("一二三四五六七八九十", "（一）"), 60.0, 10.0, "body", M)
    assert wrapped is not None
    assert wrapped[0].text.startswith("（一）") and wrapped[0].indent == 0
    assert all(line.indent == 30.0 for line in wrapped[1:])


def test_fit_prefers_the_largest_size() -> None:
    result = fit([Para("一二三四五")], 100.0, 30.0, "body", M, max_size=20.0, min_size=5.0)
    assert not isinstance(result, Overflow)
    assert result.size == 20.0 and len(result.lines) == 1


def test_fit_shrinks_in_tenths_of_a_millimetre() -> None:
    result = fit([Para("一" * 40)], 100.0, 30.0, "body", M, max_size=20.0, min_size=2.0)
    assert not isinstance(result, Overflow)
    assert result.height <= 30.0
    assert round(result.size * 10) == result.size * 10
    bigger = fit([Para("一" * 40)], 100.0, 30.0, "body", M, max_size=result.size + 0.1, min_size=result.size + 0.1)
    assert isinstance(bigger, Overflow)


def test_overflow_says_how_much() -> None:
    result = fit([Para("一" * 400)], 100.0, 30.0, "body", M, max_size=20.0, min_size=10.0)
    assert isinstance(result, Overflow)
    assert result.needed_height > result.available_height == 30.0
    assert result.ratio > 1


@pytest.mark.parametrize(("n", "text"), [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (12, "十二"), (19, "十九"),
                                         (20, "二十"), (21, "二十一"), (99, "九十九")])
def test_ordinals(n: int, text: str) -> None:
    assert chinese_ordinal(n) == text
    assert numbered(n) == f"（{text}）"
