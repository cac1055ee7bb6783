"""``signkit rules SKnnn``: every explanation's examples do what they say, through the real check pipeline."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from signkit.codes import CODES, explanation, nearest_rules, select_rules
from signkit.pipeline.check import FileReport, check_text
from signkit.resources import data_path
from tests.conftest import Cli

STARTER = (data_path("templates") / "starter-site.yaml").read_text(encoding="utf-8")

#: Every rule ``check`` can report on a site file (YAML): each has an explanation. The rest (PDF preflight,
#: templates, output, workbooks) keep their one-line meaning and basis.
SITE_FILE_RULES = sorted(rule for rule in CODES if rule[2] in "01237" or rule in ("SK501", "SK504"))
EXAMPLES = sorted(rule for rule in SITE_FILE_RULES if (e := explanation(rule)) is not None and (e.failing or e.passing))


def merge(base: Any, patch: Any) -> Any:
    """A snippet merged into the starter: mappings key by key, lists item by item, anything else replaced."""
    if isinstance(base, dict) and isinstance(patch, dict):
        out = dict(base)
        for key, value in patch.items():
            out[key] = merge(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(patch, list):
        return [merge(base[i], item) if i < len(base) else item for i, item in enumerate(patch)] + base[len(patch):]
    return patch


def _without(data: Any, dotted: str) -> None:
    *parents, last = dotted.split(".")
    node = data
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    del node[last]


def site_text(rule: str, snippet: str, failing: bool) -> str:
    more = explanation(rule)
    assert more is not None
    if more.whole:
        return snippet
    data = merge(yaml.load(STARTER, Loader=yaml.BaseLoader), yaml.load(snippet, Loader=yaml.BaseLoader))
    if failing:
        data = copy.deepcopy(data)
        for dotted in more.without:
            _without(data, dotted)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def run(rule: str, snippet: str, failing: bool, fonts: Any) -> FileReport:
    more = explanation(rule)
    assert more is not None
    text = site_text(rule, snippet, failing)
    return check_text(text, "site.yaml", fonts=fonts if more.layout else None, layout=more.layout)


def test_the_starter_itself_is_clean() -> None:
    assert check_text(STARTER, "site.yaml").diagnostics == []


def test_every_rule_check_reports_on_a_site_file_is_explained() -> None:
    missing = [rule for rule in SITE_FILE_RULES if explanation(rule) is None]
    assert missing == []
    unknown = [rule for rule in _all_explained() if rule not in CODES]
    assert unknown == []


def _all_explained() -> list[str]:
    from signkit.codes import _explanations

    return list(_explanations())


@pytest.mark.parametrize("rule", EXAMPLES)
def test_the_failing_example_raises_the_rule_and_the_passing_one_does_not(rule: str, bundled_fonts: Any) -> None:
    more = explanation(rule)
    assert more is not None and more.failing and more.passing and not more.no_example
    failing = run(rule, more.failing, True, bundled_fonts)
    assert rule in {d.rule for d in failing.diagnostics}, [d.render() for d in failing.diagnostics]
    passing = run(rule, more.passing, False, bundled_fonts)
    assert rule not in {d.rule for d in passing.diagnostics}, [d.render() for d in passing.diagnostics]
    if not more.whole:  # a passing snippet merged into the starter leaves a file that passes outright
        assert not passing.errors(), [d.render() for d in passing.diagnostics]


def test_rules_without_examples_say_why() -> None:
    for rule in SITE_FILE_RULES:
        more = explanation(rule)
        assert more is not None
        assert bool(more.failing or more.passing) != bool(more.no_example), rule
        assert more.checks and more.why and more.fix, rule


def test_selecting_and_suggesting_ids() -> None:
    assert [c.rule for c in select_rules("sk10")] == [r for r in CODES if r.startswith("SK10")]
    assert select_rules("SK999") == [] and select_rules("103") == []
    assert nearest_rules("SK1O3") == ["SK103"] and nearest_rules("103") == ["SK103"]


def test_rules_command_explains_one_or_a_prefix(cli: Cli) -> None:
    code, out, _ = cli("rules", "SK218")
    assert code == 0 and out.startswith("SK218  警告  ")
    more = explanation("SK218")
    assert more is not None and f"为什么：{more.why}" in out and "不通过的例子：" in out and "通过的例子：" in out
    assert "三、3" in out and "000_7231961e9a289300.txt" in out  # the clause, and the file of the regulation it is in
    code, out, _ = cli("rules", "SK10")
    assert code == 0 and [line.split()[0] for line in out.splitlines() if line.startswith("SK1")] == \
        [r for r in CODES if r.startswith("SK10")]
    code, out, _ = cli("rules", "sk1o3")
    assert code == 2 and out == ""
    code, _, err = cli("rules", "SK1O3")
    assert code == 2 and "没有规则编号「SK1O3」" in err and "SK103" in err


def test_rules_command_as_json_and_markdown(cli: Cli) -> None:
    import json

    code, out, _ = cli("rules", "SK201", "SK601", "--format", "json")
    first, second = json.loads(out)
    assert code == 0 and first["rule"] == "SK201" and first["failing"] and first["severity"] == "error"
    assert second["rule"] == "SK601" and "failing" not in second
    code, out, _ = cli("rules", "SK201", "--format", "markdown")
    assert code == 0 and out.startswith("## SK201 ") and "```yaml" in out
    assert cli("rules", "SK201", "--format", "xml")[0] == 2


def test_an_example_snippet_is_valid_yaml_on_its_own() -> None:
    for rule in EXAMPLES:
        more = explanation(rule)
        assert more is not None
        if not more.whole:
            for snippet in (more.failing, more.passing):
                assert isinstance(yaml.load(snippet, Loader=yaml.BaseLoader), dict), rule


def test_explanations_file_ships_in_the_package() -> None:
    from signkit.codes import EXPLANATIONS_FILE

    assert EXPLANATIONS_FILE.parent == Path(__import__("signkit").__file__).parent
