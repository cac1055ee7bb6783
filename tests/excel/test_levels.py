"""signkit.excel.levels: a level is read from a word, L·E·C, L·S or a colour only where its meaning is certain."""

from __future__ import annotations

import pytest

from signkit.excel.levels import fill_level, highest, lec_allowed, lec_level, ls_allowed, ls_level, number, read_level


@pytest.mark.parametrize(("text", "level", "noted"), [
    ("重大", "重大", False), ("较大风险", "较大", False), ("黄", "一般", False), ("蓝色", "低", False),
    ("重大风险（红色）", "重大", True), ("较大（橙）", "较大", True), ("红色风险", "重大", True), ("轻微风险", "低", True),
    ("可接受", "低", True), ("极其危险", "重大", True), ("高度危险", "较大", True), ("显著危险", "一般", True),
    ("稍有危险", "低", True), (" 一般 ", "一般", False),
])
def test_words_with_one_meaning(text: str, level: str, noted: bool) -> None:
    reading = read_level(text)
    assert (reading.kind, reading.level, bool(reading.note)) == ("level", level, noted)


def test_the_lec_word_that_reads_like_another_level_needs_d() -> None:
    reading = read_level("一般危险")
    assert reading.kind == "band" and reading.level == "低" and "字面却像「一般」" in reading.note


@pytest.mark.parametrize("text", ["Ⅰ", "Ⅱ级", "IV", "A", "C级", "一级", "四级", "3", "2级", "第一级"])
def test_grade_codes_are_ambiguous(text: str) -> None:
    reading = read_level(text)
    assert reading.kind == "ambiguous" and "等级代号" in reading.note


@pytest.mark.parametrize(("text", "kind"), [("1800", "ambiguous"), ("126.5", "ambiguous"), ("重大（黄色）", "ambiguous"),
                                            ("很大", "unknown"), ("", "empty"), (None, "empty")])
def test_numbers_contradictions_and_other_words(text: str | None, kind: str) -> None:
    assert read_level(text).kind == kind


@pytest.mark.parametrize(("d", "level", "allowed"), [
    (1800, "重大", {"重大"}), (321, "重大", {"重大"}), (320, "较大", {"较大", "重大"}), (270, "较大", {"较大"}),
    (160, "一般", {"一般", "较大"}), (90, "一般", {"一般"}), (70, "低", {"低", "一般"}), (42, "低", {"低"}), (0.5, "低", {"低"}),
])
def test_lec_bands_and_their_boundaries(d: float, level: str, allowed: set[str]) -> None:
    assert lec_level(d) == level and lec_allowed(d) == allowed


@pytest.mark.parametrize(("r", "allowed", "certain"), [
    (25, {"重大"}, "重大"), (20, {"重大"}, "重大"), (16, {"较大"}, "较大"), (15, {"较大"}, "较大"), (12, {"较大", "一般"}, None),
    (9, {"较大", "一般"}, None), (8, {"一般", "低"}, None), (4, {"一般", "低"}, None), (3, {"低"}, "低"), (1, {"低"}, "低"),
])
def test_risk_matrix_levels_where_the_tables_agree(r: float, allowed: set[str], certain: str | None) -> None:
    assert ls_allowed(r) == allowed and ls_level(r) == certain


@pytest.mark.parametrize(("rgb", "level"), [
    ("FF0000", "重大"), ("FFFF0000", "重大"), ("C00000", "重大"), ("FFC000", "较大"), ("FF9900", "较大"), ("ED7D31", "较大"),
    ("FFFF00", "一般"), ("0070C0", "低"), ("00B0F0", "低"), ("0000FF", "低"), ("5B9BD5", "低"),
    ("002060", "低"), ("DDEBF7", None), ("FFFF99", None), ("92D050", None), ("7030A0", None), ("101830", None),
    ("FFFFFF", None), (None, None), ("theme", None),
])
def test_only_clear_level_colours_are_levels(rgb: str | None, level: str | None) -> None:
    assert fill_level(rgb) == level


def test_numbers_in_cells_and_the_highest_level() -> None:
    assert [number(v) for v in (3, 0.5, "1800", "１８００", "3分", True, None)] == [3.0, 0.5, 1800.0, 1800.0, None, None, None]
    assert highest(["一般", "重大", "低"]) == "重大" and highest(["低"]) == "低"
