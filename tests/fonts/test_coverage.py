"""Which characters the fonts can print: located warnings for a fallback, errors for none (SK305, SK306).

Installed fonts are faked with tiny fonts in ``tmp_path`` and injected search folders,
with fontconfig switched off, so the machine's own fonts never change an answer.
"""

from __future__ import annotations

import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from signkit.diagnostics import Location, Severity
from signkit.fonts import TextItem, check_coverage, font_for_char, font_runs, split_runs
from signkit.fonts.coverage import cmap_of
from tests.fonts.conftest import resolve


def test_coverage_warning_when_a_fallback_prints_the_character(installed: Path) -> None:
    fonts = resolve([installed])
    where = Location("site.yaml", 12, 9, ("班组", 0, "负责人"))
    diags = check_coverage([TextItem("body", "张喆\n王喆 安全\u3000", where)], fonts)
    [diag] = diags  # 喆 twice in one field: one diagnostic; whitespace is not checked
    assert (diag.rule, diag.severity, diag.location) == ("SK305", Severity.WARNING, where)
    assert diag.message == ("字符“喆”（U+5586）不在正文字体“楷体_GB2312（KaiTi_GB2312）”中，将由后备字体“霞鹜文楷（LXGW WenKai）”印出")
    assert diag.render().startswith("site.yaml:12:9: 警告：班组[0].负责人 字符“喆”（U+5586）")
    assert diag.extra["offset"] == 1


def test_coverage_error_when_no_font_has_the_character(installed: Path) -> None:
    fonts = resolve([installed])
    where = Location("site.yaml", 3, 5, ("名称",))
    diags = check_coverage([TextItem("body", "安全\ue000𠀀", where)], fonts)
    assert [(d.rule, d.severity) for d in diags] == [("SK306", Severity.ERROR)] * 2
    assert diags[0].message == (
        "私用区字符（U+E000）在正文字体“楷体_GB2312（KaiTi_GB2312）”及后备字体“霞鹜文楷（LXGW WenKai）”中都没有，无法印出"
    )
    assert "输入法造字" in (diags[0].hint or "")
    assert diags[1].message.startswith("字符“𠀀”（U+20000）在正文字体")


def test_coverage_uses_the_role_chain(tmp_path: Path) -> None:
    fonts = resolve(mode="bundled")
    title = Location("a.yaml", 1, 1, ("标题",))
    body = Location("a.yaml", 2, 1, ("内容",))
    diags = check_coverage([TextItem("title", "刘䶮", title), TextItem("body", "刘䶮", body)], fonts)
    [diag] = diags  # 文泉驿微米黑 lacks 䶮 (no other sans in the chain); 霞鹜文楷 has it
    assert (diag.rule, diag.location) == ("SK306", title)
    assert diag.message == "字符“䶮”（U+4DAE）不在标题字体“文泉驿微米黑（WenQuanYi Micro Hei）”中，无法印出"


def test_each_location_reports_its_own_missing_characters(installed: Path) -> None:
    fonts = resolve([installed])
    a, b = Location("s.yaml", 1, 1, ("a",)), Location("s.yaml", 2, 1, ("b",))
    items = [TextItem("body", "喆", a), TextItem("body", "喆堃", b), TextItem("body", "喆", a)]
    found = [(d.location, d.extra["codepoint"]) for d in check_coverage(items, fonts)]
    assert found == [(a, "U+5586"), (b, "U+5586"), (b, "U+5803")]


def test_font_for_char_and_split_runs(installed: Path) -> None:
    fonts = resolve([installed])
    kai, wenkai = fonts.body
    assert font_for_char("张", fonts.body) is kai
    assert font_for_char("喆", fonts.body) is wenkai
    assert font_for_char("\ue000", fonts.body) is None
    runs = split_runs("张喆 安全\ue000 张", fonts.body)
    assert runs == [(kai, "张"), (wenkai, "喆 "), (kai, "安全"), (None, "\ue000"), (kai, " 张")]
    assert split_runs("", fonts.body) == []


def test_remembered_runs_are_per_chain(installed: Path) -> None:
    """The run cache is keyed on the whole chain: another font set must not get this one's runs."""
    fonts = resolve([installed])
    kai, wenkai = fonts.body
    assert font_runs("张喆", fonts.body) == ((kai, "张"), (wenkai, "喆"))
    assert font_runs("张喆", (wenkai,)) == ((wenkai, "张喆"),)  # same text, another chain
    assert font_runs("张喆", (kai,)) == ((kai, "张"), (None, "喆"))
    assert font_runs("张喆", fonts.body) == tuple(split_runs("张喆", fonts.body))


def test_checking_5000_characters_takes_milliseconds() -> None:
    fonts = resolve(mode="bundled")
    text = "".join(chr(cp) for cp in range(0x4E00, 0x4E00 + 5000))
    items = [TextItem("body", text[i : i + 50], Location("x.yaml", i, 1)) for i in range(0, 5000, 50)]
    check_coverage(items, fonts)  # loads the cmap once
    start = time.process_time()
    for _ in range(10):
        diags = check_coverage(items, fonts)
    elapsed = time.process_time() - start
    # against a baseline in the same sitting: one dictionary lookup per character (reading a cmap again would be 100s of ×)
    table = {cp: cp for cp in range(0x4E00, 0x4E00 + 30000)}
    start = time.process_time()
    for _ in range(10 * 40):
        sum(1 for ch in text if ord(ch) in table)
    baseline = time.process_time() - start
    assert elapsed < baseline, (elapsed, baseline)  # i.e. under 40 lookups' time per character
    assert all(d.rule == "SK306" for d in diags)  # WenKai lacks a few rare ones: only errors


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from("安全生张喆堃\ue000 \n𠀀"), max_size=20))
def test_coverage_matches_the_font_maps(installed: Path, text: str) -> None:
    fonts = resolve([installed])
    first, fallback = cmap_of(fonts.body[0]), cmap_of(fonts.body[1])
    diags = check_coverage([TextItem("body", text, Location("p.yaml"))], fonts)
    expected = {ch: ("SK305" if ord(ch) in fallback else "SK306") for ch in text if not ch.isspace() and ord(ch) not in first}
    assert {d.extra["char"]: d.rule for d in diags} == expected
    assert len(diags) == len(expected)


def test_characters_known_from_earlier_texts_do_not_hide_a_new_missing_one(installed: Path) -> None:
    """A text of characters already seen is skipped whole; one new character in it is still looked at."""
    fonts = resolve([installed])
    where = Location("site.yaml", 1, 1, ("名称",))
    assert check_coverage([TextItem("body", "安全生产 责任", where)], fonts) == []
    assert check_coverage([TextItem("body", "安全生产 责任", where)], fonts) == []
    [diag] = check_coverage([TextItem("body", "安全生产喆责任", where)], fonts)
    assert diag.rule == "SK305" and diag.extra["offset"] == 4
    [again] = check_coverage([TextItem("body", "喆", where)], fonts)  # a fallback's character is never "known"
    assert again.rule == "SK305"
