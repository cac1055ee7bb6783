"""signkit.excel.values: what a cell's value means — list cells, phone numbers Excel turned into numbers, dates."""

from __future__ import annotations

import datetime as dt

from signkit.excel.values import date, phone, split_items


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
