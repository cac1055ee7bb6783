"""signkit.excel.people: a leader written as 姓名（职务） is split only when one half is plainly a name and the other a title."""

from __future__ import annotations

import pytest

from signkit.excel.people import is_title, split_leader


@pytest.mark.parametrize(("text", "name", "title"), [
    ("任俊峰（局长）", "任俊峰", "局长"), ("王建斌(副局长)", "王建斌", "副局长"), ("高志强 局长", "高志强", "局长"),
    ("局长 杨晓东", "杨晓东", "局长"), ("薛志宏,局长", "薛志宏", "局长"), ("刘志勇，党组书记、局长", "刘志勇", "党组书记、局长"),
    ("刘志勇/局长", "刘志勇", "局长"), ("张丽（主任）", "张丽", "主任"), ("苗建军（县委常委、副县长）", "苗建军", "县委常委、副县长"),
    ("武晓军（副大队长）", "武晓军", "副大队长"), ("李强（四级调研员）", "李强", "四级调研员"),
])
def test_name_and_title_are_separated(text: str, name: str, title: str) -> None:
    assert split_leader(text) == (name, title)


@pytest.mark.parametrize("text", ["刘志勇", "局长", "刘晓燕（法定代表人）", "刘志勇（注）", "宁武县能源局 局长", "张三 李四"])
def test_anything_else_is_left_as_written(text: str) -> None:
    assert split_leader(text) is None


def test_titles() -> None:
    assert is_title("党组书记、局长") and is_title("副镇长") and is_title("矿山安全监管专员")
    assert not is_title("任俊峰") and not is_title("")
