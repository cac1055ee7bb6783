"""The limits of reading a site file (issue 14): each is a located Chinese diagnostic or correct data, in bounded time.

Times are never asserted in absolute terms here except as a generous guard against a
runaway (a hang or quadratic blow-up is minutes, not seconds); memory is measured in a
subprocess, where the peak of one parse is not hidden by the test run's own.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

from signkit.diagnostics import Diagnostic
from signkit.load.yaml_tree import MAX_DEPTH, node_budget, parse_yaml
from signkit.pipeline.check import check_text
from tests.conftest import ROOT, dump, example_data


def _only(diagnostics: list[Diagnostic], rule: str) -> Diagnostic:
    assert [d.rule for d in diagnostics] == [rule], [d.render() for d in diagnostics]
    return diagnostics[0]


def test_ten_thousand_flow_levels_stop_with_sk008_on_the_line() -> None:
    diag = _only(parse_yaml("a: " + "[" * 10_000 + "]" * 10_000 + "\n", "f.yaml").diagnostics, "SK008")
    assert f"{MAX_DEPTH} 层" in diag.message and diag.location.line == 1


def test_ten_thousand_block_levels_stop_at_the_first_level_too_deep() -> None:
    diag = _only(parse_yaml("a:\n" + "- " * 10_000 + "x\n", "f.yaml").diagnostics, "SK008")
    # "a:" is level 1, the n-th "- " level n + 1: the 64th "- " (column 2 × 64 + 1) is level 65
    assert (diag.location.line, diag.location.column) == (2, 2 * MAX_DEPTH + 1)
    indented = "a:\n" + "".join(f"{' ' * i}b{i}:\n" for i in range(10_000))
    diag = _only(parse_yaml(indented, "f.yaml").diagnostics, "SK008")
    assert (diag.location.line, diag.location.column) == (MAX_DEPTH + 2, MAX_DEPTH + 1)


def test_a_list_item_after_a_colon_is_explained_in_chinese() -> None:
    diag = _only(parse_yaml("a: - x\n", "f.yaml").diagnostics, "SK006")
    assert "列表项" in diag.message and "block sequence" not in diag.message


def test_a_very_long_line_is_read_whole() -> None:
    text = "a: " + "长" * 1_400_000 + "\n"
    parsed = parse_yaml(text, "f.yaml")
    assert parsed.diagnostics == [] and parsed.data == {"a": "长" * 1_400_000}


def test_many_documents_stop_at_the_second() -> None:
    diag = _only(parse_yaml("a: 1\n" + "---\nb: 2\n" * 100_000, "f.yaml").diagnostics, "SK006")
    assert "多个 YAML 文档" in diag.message and diag.location.line == 2


def test_a_hundred_thousand_digits_is_a_located_sk104_not_a_crash() -> None:
    data = example_data()
    data["岗位"][0]["人数"] = "PLACEHOLDER"
    text = dump(data).replace("PLACEHOLDER", "1" + "0" * 100_000)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "人数: 1000" in row)
    report = check_text(text, "f.yaml")
    diag = next(d for d in report.diagnostics if d.location.path[-1:] == ("人数",))
    assert diag.rule == "SK104" and diag.location.line == line
    # said in Chinese, and quoted short: a message is not a screenful of zeros
    assert "数字太大（100,001 位）" in diag.message and len(diag.message) < 120, diag.message


def test_tags_are_refused_and_nothing_is_constructed() -> None:
    text = "a: !!python/object/apply:os.system ['echo x']\nb: !!binary aGVsbG8=\nc: !foo x\nd: !!str 0350\n"
    parsed = parse_yaml(text, "f.yaml")
    assert [(d.rule, d.location.line) for d in parsed.diagnostics] == [("SK015", 1), ("SK015", 2), ("SK015", 3)]
    assert "python/object" in parsed.diagnostics[0].message


def test_many_tag_problems_are_listed_a_hundred_times_then_counted() -> None:
    parsed = parse_yaml("".join(f"k{i}: !x v\n" for i in range(5_000)), "f.yaml")
    assert len(parsed.diagnostics) == 101 and "4,900" in parsed.diagnostics[-1].message


def test_anchors_on_every_node_are_read() -> None:
    text = "a:\n" + "".join(f"- &a{i} [&b{i} x, &c{i} {{k: &d{i} v}}]\n" for i in range(20_000)) + "b: *a19999\n"
    parsed = parse_yaml(text, "f.yaml")
    assert parsed.diagnostics == [] and parsed.data["b"] == ["x", {"k": "v"}]
    assert parsed.source.locate(("b", 1, "k")).line == 20_001  # the alias's copy points at the anchored text


def test_an_alias_free_file_never_reaches_the_node_budget() -> None:
    """The densest alias-free files: two characters per node (``1,``, ``-`` and a line break), fewer for keys."""
    for text in ("a: [" + "1," * 200_000 + "1]\n", "a:\n" + "-\n" * 200_000,
                 "a: {" + ",".join(f"{i:x}" for i in range(200_000)) + "}\n"):
        assert parse_yaml(text, "f.yaml").diagnostics == []
        assert node_budget(len(text)) > len(text) // 2


_PEAK = """
import json, resource, sys, time
from signkit.load.yaml_tree import parse_yaml
text = "".join(f"k{i}: v\\n" for i in range(1_000_000))
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.process_time()
parsed = parse_yaml(text, "f.yaml")
print(json.dumps({"chars": len(text), "keys": len(parsed.data), "rules": [d.rule for d in parsed.diagnostics],
                  "cpu": time.process_time() - start,
                  "peak": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) * 1024}))
"""


def test_a_million_short_keys_in_bounded_memory() -> None:
    """~11 MB of text: read whole (no node budget is reached) using under 100 bytes per character of peak memory."""
    run = subprocess.run([sys.executable, "-c", _PEAK], capture_output=True, text=True, cwd=ROOT, check=True,
                         timeout=600)
    figures = json.loads(run.stdout)
    assert figures["keys"] == 1_000_000 and figures["rules"] == []
    assert figures["peak"] < 100 * figures["chars"], figures


def test_billion_laughs_padded_to_the_size_cap_still_stops_early() -> None:
    lines = ['a: &a ["哈","哈","哈","哈","哈","哈","哈","哈","哈"]']
    lines += [f"{n}: &{n} [" + ",".join([f"*{p}"] * 9) + "]" for p, n in zip("abcdefgh", "bcdefghi", strict=True)]
    text = "\n".join(lines) + "\n" + "#" * (4 * 1024 * 1024) + "\n"
    start = time.process_time()
    diag = _only(parse_yaml(text, "bomb.yaml").diagnostics, "SK008")
    assert "别名「*" in diag.message and f"{node_budget(len(text)):,}" in diag.message
    assert time.process_time() - start < 60  # 9^9 nodes otherwise
