"""signkit.rules.phones: a printed number must be dialable; what the model changed to print it is said (SK230)."""

from __future__ import annotations

import pytest

from signkit.diagnostics import Severity
from signkit.rules.phones import phone_problem
from tests.conftest import CHEMICAL, check_data, example_data, find


@pytest.mark.parametrize("number", [
    "0350-6022350、13903501234", "0350-8161208/0350-8161209", "0350-6022350转801", "119、120", "139 0350 1234",
])
def test_what_the_model_makes_of_messy_cells_is_dialable(number: str) -> None:
    assert phone_problem(number) is None


@pytest.mark.parametrize(("number", "why"), [
    ("同上", "「同上」不是电话号码"), ("无", "「无」不是电话号码"), ("6022350", "缺少区号"), ("0350-6022350、6022", "不是有效"),
])
def test_placeholders_and_fragments_are_named(number: str, why: str) -> None:
    problem = phone_problem(number)
    assert problem is not None and why in problem


@pytest.mark.parametrize(("typed", "printed", "rules"), [
    ("（0350）8161119（值班）", "0350-8161119", {"SK230"}),
    ("0350-8161119/8161120", "0350-8161119/0350-8161120", {"SK230"}),
    ("0350 8161119\n13903501234", "0350-8161119、13903501234", set()),
    ("8161119（办）", "8161119", {"SK230", "SK201"}),
])
def test_a_site_file_gets_the_same_numbers_and_notes(typed: str, printed: str, rules: set[str]) -> None:
    data = example_data(CHEMICAL)
    data["企业"]["企业应急电话"] = typed
    report = check_data(data)
    assert report.site is not None and report.site.enterprise.emergency_phone == printed
    found = {d.rule for d in report.diagnostics}
    assert found & {"SK201", "SK230"} == rules
    for note in find(report, "SK230"):
        assert note.severity is Severity.INFO and f"按「{printed}」印出" in note.message
        assert note.location.line is not None
