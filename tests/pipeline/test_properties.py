"""Property-based tests: any YAML, and any mutation of the examples, gives a site or diagnostics — never an exception."""

from __future__ import annotations

import copy
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from signkit.model.paths import known_keys
from signkit.pipeline.check import FileReport, check_text
from tests.conftest import CHEMICAL, dump, example_data

BASE = example_data(CHEMICAL)

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
    st.text(max_size=12), st.sampled_from(["", "是", "重大", "0350-12350", "2026-05-01", "~", "县", "[", "&a", "*a"]),
)
keys = st.one_of(st.text(max_size=8), st.sampled_from(["企业", "地区", "岗位", "名称", "风险等级", "人数", "<<"]))
documents = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=4)), max_leaves=20)


def _assert_sane(report: FileReport) -> None:
    """Either a valid site, or at least one error with a located, Chinese message."""
    if report.site is None:
        assert any(d.is_error for d in report.diagnostics)
    for diag in report.diagnostics:
        assert diag.rule.startswith("SK") and diag.message
        assert diag.location.file == "prop.yaml"
        assert diag.location.line is None or diag.location.line >= 1
        diag.render()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_arbitrary_documents(document: Any) -> None:
    _assert_sane(check_text(yaml.safe_dump(document, allow_unicode=True), "prop.yaml"))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    _assert_sane(check_text(text, "prop.yaml"))


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out.extend(_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out.extend(_paths(value, (*prefix, index)))
    return out


ALL_PATHS = [p for p in _paths(BASE) if p]


@st.composite
def mutations(draw: st.DrawFn) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(ALL_PATHS))
        parent: Any = data
        try:
            for part in path[:-1]:
                parent = parent[part]
            action = draw(st.sampled_from(["delete", "replace", "add_key", "duplicate"]))
            last = path[-1]
            if action == "delete":
                del parent[last]
            elif action == "replace":
                parent[last] = draw(documents)
            elif action == "add_key" and isinstance(parent, dict):
                parent[draw(st.sampled_from(known_keys(path[:-1]) or ["新键"]) | st.text(max_size=5))] = draw(scalars)
            elif action == "duplicate" and isinstance(parent, list):
                parent.append(copy.deepcopy(parent[last]))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this path
    return data


@settings(max_examples=200, deadline=None)
@given(mutations())
def test_mutated_examples(data: dict[str, Any]) -> None:
    report = check_text(dump(data), "prop.yaml")
    _assert_sane(report)
    if report.site is not None:
        assert report.plan, "a valid site always has a board plan"
