"""Parsing YAML: every kind of broken input gets a located diagnostic, never an exception."""

from __future__ import annotations

import time

import pytest

from signkit.load.yaml_tree import node_budget, parse_yaml
from signkit.pipeline.check import check_text


def only(report_diags: list, rule: str):  # type: ignore[no-untyped-def]
    hits = [d for d in report_diags if d.rule == rule]
    assert hits, [d.render() for d in report_diags]
    return hits[0]


def test_scalars_stay_text_and_keep_leading_zeros() -> None:
    parsed = parse_yaml("a: 0350\nb: 034000\nc: 12:30\nd: ~\ne:\nf: ''\n", "f.yaml")
    assert parsed.data == {"a": "0350", "b": "034000", "c": "12:30", "d": None, "e": None, "f": ""}


def test_positions_of_keys_and_values() -> None:
    parsed = parse_yaml("企业:\n  企业名称:  甲公司\n  列表:\n    - 一\n    - 二\n", "f.yaml")
    assert parsed.source.keys[("企业", "企业名称")] == (2, 3)
    assert parsed.source.values[("企业", "企业名称")] == (2, 10)
    assert parsed.source.values[("企业", "列表", 1)] == (5, 7)
    loc = parsed.source.locate(("企业", "企业名称"))
    assert (loc.line, loc.column) == (2, 10)
    # a missing key is located at its nearest existing parent
    loc = parsed.source.locate(("企业", "缺少的键"))
    assert (loc.line, loc.column, loc.path) == (1, 1, ("企业", "缺少的键"))


def test_tab_indentation_names_line_and_column() -> None:
    diag = only(parse_yaml("企业:\n\t企业名称: 甲\n", "f.yaml").diagnostics, "SK007")
    assert (diag.location.line, diag.location.column) == (2, 1)
    assert "制表符" in diag.message


def test_syntax_error_is_translated_and_located() -> None:
    diag = only(parse_yaml("企业:\n  企业名称: 甲: 乙\n", "f.yaml").diagnostics, "SK006")
    assert diag.location.line == 2
    assert "冒号" in diag.message or "键: 值" in diag.message


def test_unclosed_quote() -> None:
    diag = only(parse_yaml("a: '未闭合\n", "f.yaml").diagnostics, "SK006")
    assert "引号" in diag.message


def test_duplicate_key_reported_with_first_line() -> None:
    diag = only(parse_yaml("a: 1\nb: 2\na: 3\n", "f.yaml").diagnostics, "SK009")
    assert (diag.location.line, diag.location.column) == (3, 1)
    assert "第 1 行" in diag.message


def test_billion_laughs_is_stopped_quickly() -> None:
    lines = ['a: &a ["哈","哈","哈","哈","哈","哈","哈","哈","哈"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    text = "\n".join(lines) + "\n"
    start = time.process_time()
    parsed = parse_yaml(text, "bomb.yaml")
    assert time.process_time() - start < 5
    diag = only(parsed.diagnostics, "SK008")
    assert f"{node_budget(len(text)):,}" in diag.message
    # the alias whose expansion crosses the budget, where it is used, and the anchor it refers to
    assert "别名「*d」" in diag.message and "第 4 行的「&d」" in diag.message
    assert (diag.location.line, diag.location.column, diag.location.path) == (5, 8, ("e", 0))
    assert parsed.data is None


def test_deep_nesting_is_refused() -> None:
    parsed = parse_yaml("a: " + "[" * 3000 + "]" * 3000 + "\n", "deep.yaml")
    only(parsed.diagnostics, "SK008")


@pytest.mark.parametrize(("text", "rule"), [
    ("", "SK010"),
    ("# 只有注释\n", "SK010"),
    ("- 一\n- 二\n", "SK011"),
    ("就一行字\n", "SK011"),
    ("a: 1\n---\nb: 2\n", "SK006"),
    ("a: *nothing\n", "SK006"),
    ("<<: {a: 1}\n", "SK013"),
    ("? [1, 2]\n: x\n", "SK013"),
])
def test_structural_problems(text: str, rule: str) -> None:
    report = check_text(text, "f.yaml")
    only(report.diagnostics, rule)
    assert report.site is None


def test_multiple_documents_message() -> None:
    diag = only(parse_yaml("a: 1\n---\nb: 2\n", "f.yaml").diagnostics, "SK006")
    assert "多个 YAML 文档" in diag.message


