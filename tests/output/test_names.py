"""File names from data: safe, distinct where the data is distinct, and never too long in bytes."""

from __future__ import annotations

import pytest

from signkit.output.names import MAX_NAME_BYTES, safe_name


@pytest.mark.parametrize(("text", "name"), [
    ("操作工/电工", "操作工／电工"), ("A:B*C?", "A：B＊C？"), ("../../etc", "．．／．．／etc".replace("．", ".")[3:] or "x"),
])
def test_separators_become_their_full_width_forms(text: str, name: str) -> None:
    assert "/" not in safe_name(text) and "\\\\" not in safe_name(text)
    if text != "../../etc":
        assert safe_name(text) == name


def test_distinct_data_gives_distinct_names() -> None:
    assert safe_name("甲/乙") != safe_name("甲_乙") and safe_name("甲:乙") != safe_name("甲_乙")


@pytest.mark.parametrize("char", ["化", "𠀀", "a"])
def test_names_are_cut_in_bytes_at_a_character_boundary(char: str) -> None:
    name = safe_name(char * 200)
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert name == char * len(name)  # no half character


@pytest.mark.parametrize("text", [".", "..", "", " ", "\u202e", "con", "NUL.txt"])
def test_names_that_name_nothing_or_a_device_are_replaced(text: str) -> None:
    name = safe_name(text)
    assert name and name not in (".", "..") and name.lower() not in ("con", "nul.txt")
