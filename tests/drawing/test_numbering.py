"""Chinese item numbers for lists of any length: a hundred hazards number, they do not fail."""

from __future__ import annotations

from typing import Any

import pytest

from signkit.drawing.numbering import chinese_ordinal, numbered
from signkit.pipeline.render_files import render_files
from tests.conftest import SMALL, dump, example_data


@pytest.mark.parametrize(("n", "text"), [
    (99, "九十九"), (100, "一百"), (101, "一百零一"), (110, "一百一十"), (111, "一百一十一"), (1000, "一千"),
    (1001, "一千零一"), (1010, "一千零一十"), (10000, "一万"), (10001, "一万零一"), (100000, "十万"),
    (123456, "十二万三千四百五十六"), (100010000, "一亿零一万"),
])
def test_large_ordinals(n: int, text: str) -> None:
    assert chinese_ordinal(n) == text


def test_every_ordinal_up_to_ten_thousand_is_distinct() -> None:
    spelled = [chinese_ordinal(n) for n in range(1, 10_001)]
    assert len(set(spelled)) == len(spelled) and numbered(120) == "（一百二十）"


def test_a_list_of_a_hundred_and_twenty_hazards_renders(tmp_path: Any, bundled_fonts: Any) -> None:
    """Exit 3 before: 100 list items stopped the whole run in chinese_ordinal."""
    data = example_data(SMALL)
    data["风险点"][0]["风险及可能造成的危害"] = [f"危害{k}" for k in range(120)]
    site = tmp_path / "long.yaml"
    site.write_text(dump(data), encoding="utf-8")
    outcome = render_files([str(site)], tmp_path / "out", bundled_fonts)
    assert outcome.sites and not outcome.sites[0].failed  # the other boards are made, whatever that list does
    assert all(d.rule in ("SK501", "SK503") for d in outcome.diagnostics if d.is_error)
