"""signkit.excel.values: what a cell's value means — list cells, phone numbers Excel turned into numbers, dates."""

from __future__ import annotations

import datetime as dt

import pytest

from signkit.excel.values import convert, date, phone, placeholder, same_as_above, split_items


def test_list_cells_are_split_and_numbering_dropped() -> None:
    assert split_items("1.储罐液位监测；2.设置报警 3.高度不超过1.5米") == ["储罐液位监测", "设置报警", "高度不超过1.5米"]
    assert split_items("(一)严格执行规程(二)按时巡检，2号罐") == ["严格执行规程", "按时巡检，2号罐"]
    assert split_items("①甲②乙\n③丙；丁") == ["甲", "乙", "丙；丁"]  # with line breaks, only line breaks split
    assert split_items("郝建国、李志强 温国庆", "people") == ["郝建国", "李志强", "温国庆"]
    assert split_items("当心中毒，当心爆炸", "names") == ["当心中毒", "当心爆炸"]


def test_phone_numbers_stored_as_numbers() -> None:
    assert phone(3508161208.0)[0] == "03508161208"
    assert phone(13912345678.0) == ("13912345678", phone(13912345678.0)[1]) and phone(13912345678.0)[1][0].rule == "SK906"
    assert phone(119) == ("119", [])
    assert phone("1.3912345678E+10")[0] == "13912345678"
    lost = phone("3.5012350E+09")
    assert lost[1][0].rule == "SK907"  # Excel's display rounded digits away: reported, not guessed
    ambiguous = phone(1012345678)
    assert ambiguous[0] == "1012345678" and ambiguous[1][0].rule == "SK907"
    # a CSV holds only text: the same lost 0 arrives as digits and is restored the same way
    restored = phone("3508161208")
    assert restored[0] == "03508161208" and [n.rule for n in restored[1]] == ["SK906"]
    assert phone("1012345678") == ("1012345678", [])  # not a 03xx landline: left for the phone rule (SK201)
    negative = phone(-5)
    assert negative[1][0].rule == "SK907" and "科学计数法" not in negative[1][0].message


def test_dates_with_a_time_or_as_csv_serials() -> None:
    day, notes = date(dt.datetime(2026, 5, 18, 14, 30))
    assert day == "2026-05-18" and [n.rule for n in notes] == ["SK906"] and "14:30" in notes[0].message
    assert date(dt.datetime(2026, 5, 18)) == ("2026-05-18", [])
    assert date("46160")[0] == "2026-05-18" and date("46160")[1][0].rule == "SK906"
    assert date("2026-05-18") == ("2026-05-18", [])


def test_phone_text_is_normalised_as_in_a_site_file_and_each_change_reported() -> None:
    assert phone("０３５０－６０２２３５０") == ("0350-6022350", [])  # width and dashes only: nothing to check
    assert phone("0350-5022817/13613502297") == ("0350-5022817/13613502297", [])
    number, notes = phone("(0350)6022350（办）")
    assert number == "0350-6022350" and [n.rule for n in notes] == ["SK906"]
    assert "「(0350)6022350（办）」" in notes[0].message and "去掉了「办」" in notes[0].message
    number, notes = phone("0350-6022350\n13903501234")
    assert number == "0350-6022350、13903501234" and "（换行）" in notes[0].message
    number, notes = phone("0350-8161208/8161209")
    assert number == "0350-8161208/0350-8161209" and "补上了区号 0350" in notes[0].message


@pytest.mark.parametrize(("cell", "items"), [
    ("1.甲 2.乙 3.丙", ["甲", "乙", "丙"]),
    ("1、甲；2、乙；", ["甲", "乙"]),
    ("①甲 ②乙 ③丙", ["甲", "乙", "丙"]),
    ("（1）甲（2）乙", ["甲", "乙"]),
    ("(1)甲 (2)乙", ["甲", "乙"]),
    ("一、甲 二、乙", ["甲", "乙"]),
    ("1）甲 2）乙", ["甲", "乙"]),
    # numbers inside an item are not numbering
    ("1.防护棚高度不小于0.3m 2.防护棚尺寸1.5m×1.8m", ["防护棚高度不小于0.3m", "防护棚尺寸1.5m×1.8m"]),
    ("1.拨打119、120求救 2.按GB/T 5082—2019指挥", ["拨打119、120求救", "按GB/T 5082—2019指挥"]),
    ("1.设置2、3号泵的联锁 2.每班巡检", ["设置2、3号泵的联锁", "每班巡检"]),
    ("1.5m以上的平台设护栏；2.每月检查", ["1.5m以上的平台设护栏", "每月检查"]),  # an item may start with a measure
    ("1.甲。\n2.乙。", ["甲。", "乙。"]),
])
def test_items_numbered_in_any_usual_style(cell: str, items: list[str]) -> None:
    assert split_items(cell) == items


def test_accident_types_written_with_slashes() -> None:
    assert split_items("高处坠落/物体打击/触电", "names") == ["高处坠落", "物体打击", "触电"]


@pytest.mark.parametrize(("raw", "kind", "value", "said"), [
    ("同上", "list", None, "指的是别处的内容"),
    ("〃", "text", None, "指的是别处的内容"),
    ("无", "list", None, "已读作空"),
    ("—", "text", None, "已读作空"),
    ("a、c、d、e、g", "list", None, "是代号"),
    ("每班巡检；同上", "list", ["每班巡检"], "指的是别处的内容"),
    ("无锡路", "text", "无锡路", None),  # a word that starts like a placeholder is text
    ("同上", "phone", None, "指的是别处的内容"),  # an optional phone column: a warning, not a bad number (SK201)
    ("无", "phone", None, "已读作空"),
    ("—", "phone", None, "已读作空"),
])
def test_placeholders_are_read_as_empty_and_said(raw: str, kind: str, value: object, said: str | None) -> None:
    got, notes = convert(raw, kind)  # type: ignore[arg-type]
    assert got == value
    assert [n.rule for n in notes] == (["SK916"] if said else [])
    assert said is None or said in notes[0].message
    assert same_as_above("同上") and not same_as_above("同上级") and not same_as_above(3)


@pytest.mark.parametrize(("raw", "value"), [("县级", "否"), ("市级直接监管", "是"), ("乡镇", "否"), ("是", "是"), ("否", "否")])
def test_a_supervision_level_reads_as_city_supervised_or_not(raw: str, value: str) -> None:
    got, notes = convert(raw, "yesno")
    assert got == value and [n.rule for n in notes] == ([] if raw in ("是", "否") else ["SK904"])


def test_names_that_hold_a_comma_or_a_slash_are_not_cut() -> None:
    """警示标识 and 风险点 names may hold ，or / themselves; only 事故类型 is split there (高处坠落/物体打击)."""
    assert split_items("禁止合闸，有人工作！、止步，高压危险！", "labels") == ["禁止合闸，有人工作！", "止步，高压危险！"]
    assert split_items("1#/2#甲醇储罐区；3#罐区", "labels") == ["1#/2#甲醇储罐区", "3#罐区"]
    assert split_items("高处坠落/物体打击，触电", "names") == ["高处坠落", "物体打击", "触电"]


def test_a_lone_letter_is_a_name_not_a_code() -> None:
    assert placeholder("A") is None and placeholder("B") is None  # 车间 A, 区域 B
    assert placeholder("a、c、d") is not None
