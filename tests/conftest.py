"""Shared test helpers: the examples, a mutable copy of their data, and the CLI in-process."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from signkit.cli import main
from signkit.diagnostics import KeyPath
from signkit.load.yaml_tree import parse_yaml
from signkit.pipeline.check import FileReport, check_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CHEMICAL = EXAMPLES / "chemical-plant.yaml"
SMALL = EXAMPLES / "small-enterprise.yaml"


def leaves(node: Any, prefix: KeyPath = ()) -> Iterator[tuple[KeyPath, Any]]:
    """Every scalar of loaded YAML data with its key path (for mutating examples one field at a time)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaves(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from leaves(value, (*prefix, index))
    else:
        yield prefix, node


def example_data(path: Path = CHEMICAL) -> dict[str, Any]:
    """The example as plain data (every scalar a string), ready to mutate."""
    parsed = parse_yaml(path.read_text(encoding="utf-8"), path.name)
    assert parsed.ok, parsed.diagnostics
    return copy.deepcopy(parsed.data)


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def check_data(data: Any, name: str = "site.yaml") -> FileReport:
    """Check ``data`` as if it had been written to a site file."""
    return check_text(dump(data), name)


def rules_of(report: FileReport) -> set[str]:
    return {d.rule for d in report.diagnostics}


def find(report: FileReport, rule: str) -> list[Any]:
    return [d for d in report.diagnostics if d.rule == rule]


def set_version(monkeypatch: pytest.MonkeyPatch, version: str) -> None:
    """Make signkit believe it is ``version`` (an upgrade), everywhere the version is bound.

    ``signkit._version`` holds it; modules that record it (PDF metadata, manifests, build
    hashes) bind it at import, so each loaded module's own ``__version__`` is patched too.
    """
    import sys

    for name, module in list(sys.modules.items()):
        if (name == "signkit" or name.startswith("signkit.")) and hasattr(module, "__version__"):
            monkeypatch.setattr(module, "__version__", version)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-refs", action="store_true", default=False,
                     help="rewrite the committed references: PNGs in tests/refimg, messages in tests/messages "
                          "(review the diff before committing)")


@pytest.fixture(scope="session")
def bundled_fonts():  # type: ignore[no-untyped-def]
    from signkit.fonts import resolve_fonts

    return resolve_fonts(mode="bundled")


@pytest.fixture(scope="session")
def rendered_examples(tmp_path_factory: pytest.TempPathFactory, bundled_fonts):  # type: ignore[no-untyped-def]
    """Both examples rendered once per test session (bundled fonts), as the CLI would."""
    from signkit.pipeline.render_files import render_files

    out = tmp_path_factory.mktemp("rendered")
    outcome = render_files([str(CHEMICAL), str(SMALL)], out, bundled_fonts)
    assert outcome.ok, [d.render() for d in outcome.diagnostics] + [
        d.render() for r in outcome.reports for d in r.diagnostics]
    return out, outcome


@pytest.fixture
def chem() -> dict[str, Any]:
    return example_data(CHEMICAL)


@pytest.fixture
def small() -> dict[str, Any]:
    return example_data(SMALL)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run ``signkit ARGS`` in-process; return (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
