"""Fixtures of the board layout tests: the bundled fonts and the examples, once per test module."""

from __future__ import annotations

import pytest

from signkit.drawing.text import FontMeasurer
from signkit.fonts import FontSet, resolve_fonts
from signkit.pipeline.check import FileReport, check_path
from tests.conftest import CHEMICAL, SMALL


@pytest.fixture(scope="module")
def fonts() -> FontSet:
    return resolve_fonts(mode="bundled")


@pytest.fixture(scope="module")
def measure(fonts: FontSet) -> FontMeasurer:
    return FontMeasurer(fonts)


@pytest.fixture(scope="module")
def examples() -> dict[str, FileReport]:
    """Both examples, checked as files and clean (test_bulletin.py has an ``examples`` of its own)."""
    reports = {"chemical": check_path(str(CHEMICAL)), "small": check_path(str(SMALL))}
    for report in reports.values():
        assert report.site is not None and report.ok(), [d.render() for d in report.diagnostics]
    return reports
