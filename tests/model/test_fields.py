"""signkit.model.fields: what officers type in a telephone field becomes the number(s) printed, and what was left out is known."""

from __future__ import annotations

import pickle

import pytest

from signkit.model.fields import PhoneText, normalise_phone
from signkit.model.site import Channel, Enterprise


@pytest.mark.parametrize(("typed", "printed"), [
    ("0350-6022350", "0350-6022350"),
    ("03506022350", "03506022350"),
    ("0350 6022350", "0350-6022350"),
    ("０３５０－６０２２３５０", "0350-6022350"),
    ("0350—6022350", "0350-6022350"),
    ("0350–6022350", "0350-6022350"),
    ("(0350)6022350", "0350-6022350"),
    ("（0350）6022350", "0350-6022350"),
    ("（０３５０）６０２２３５０", "0350-6022350"),
    ("86-350-6022350", "0350-6022350"),
    ("+86 350 6022350", "0350-6022350"),
    ("0350-6022350 转 801", "0350-6022350转801"),
    ("0350-6022350-801", "0350-6022350-801"),
    ("139 0350 1234", "139 0350 1234"),  # a grouped mobile is one number, not three
    ("+86 13903501234", "+86 13903501234"),
    ("0350-6022350/13903501234", "0350-6022350/13903501234"),
    ("0350-6022350 13903501234", "0350-6022350、13903501234"),
    ("0350-6022350\n13903501234", "0350-6022350、13903501234"),
    ("119 120", "119、120"),
    ("119、120", "119、120"),
    ("同上", "同上"),  # not a number: left for SK201 to say so
    ("0351-4378829 传真:0351-4378829", "0351-4378829 传真:0351-4378829"),  # a fax is not a phone: not made one
])
def test_format_is_unified_without_notes(typed: str, printed: str) -> None:
    result = normalise_phone(typed)
    assert (str(result), result.notes) == (printed, ())


@pytest.mark.parametrize(("typed", "printed", "note"), [
    ("0350-6022350（办）", "0350-6022350", "去掉了「办」"),
    ("0350-6022350(值班)", "0350-6022350", "去掉了「值班」"),
    ("0350-4721186（调度）", "0350-4721186", "去掉了「调度」"),
    ("13903501234（手机）", "13903501234", "去掉了「手机」"),
    ("6022350（办）", "6022350", "去掉了「办」"),  # still lacks its area code: SK201 says so
    ("办：0350-6022350", "0350-6022350", "去掉了「办」"),
    ("值班电话0350-6022350", "0350-6022350", "去掉了「值班电话」"),
    ("0350-8161208/8161209", "0350-8161208/0350-8161209", "「8161209」按前一个号码补上了区号 0350"),
])
def test_what_is_left_out_or_added_is_noted(typed: str, printed: str, note: str) -> None:
    result = normalise_phone(typed)
    assert str(result) == printed
    assert any(note in n for n in result.notes), result.notes


@pytest.mark.parametrize("typed", ["(0350)6022350（办）", "0350-8161208/8161209", "0350 6022350\n119", "０３５０－６０２２３５０"])
def test_normalising_twice_changes_nothing(typed: str) -> None:
    once = normalise_phone(typed)
    twice = normalise_phone(str(once))
    assert str(twice) == str(once) and twice.notes == ()


def test_the_model_prints_the_normalised_number_and_dumps_plain_text() -> None:
    channel = Channel.model_validate({"电话": "(0350)6022350（办）"})
    assert channel.phone == "0350-6022350"
    assert isinstance(channel.phone, PhoneText) and channel.phone.notes == ("去掉了「办」（不印出）",)
    dumped = channel.model_dump(by_alias=True)["电话"]
    assert type(dumped) is str and dumped == "0350-6022350"  # the notes never leave the model
    assert pickle.loads(pickle.dumps(channel)).phone.notes == channel.phone.notes  # sites cross process boundaries


@pytest.mark.parametrize(("typed", "stored"), [(3032350, "3032350"), ("  ", None), (None, None), ("\u3000", None)])
def test_numbers_and_blanks(typed: object, stored: str | None) -> None:
    enterprise = Enterprise.model_validate({"企业名称": "甲", "修订日期": "2026-05-01", "企业应急电话": typed})
    assert enterprise.emergency_phone == stored
