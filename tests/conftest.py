"""Shared test helpers: the examples, a mutable copy of their data, and the CLI in-process."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped, unused-ignore]
import pytest
import yaml

from signkit.cli import main
from signkit.diagnostics import KeyPath
from signkit.load.yaml_tree import parse_yaml
from signkit.pipeline.check import FileReport, check_text, check_workbook
from signkit.pipeline.convert import write_template

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
                     help="rewrite the committed references: PNGs in tests/refimg (boards) and tests/refimg-signs "
                          "(library signs), messages in tests/messages, the README pictures in docs/img "
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


# --- workbooks (tests/excel, tests/pipeline/test_convert.py, tests/cli/test_excel_cmd.py) ---

#: ``signkit ARGS`` run in-process by the ``cli`` fixture: (exit code, stdout, stderr).
Cli = Callable[..., tuple[int, str, str]]


def workbook_report(path: Path) -> FileReport:
    """The check of a workbook that holds exactly one enterprise."""
    reports = check_workbook(path)
    assert len(reports) == 1
    return reports[0]


def rendered(report: FileReport) -> list[str]:
    """Each diagnostic as the CLI prints it (for assertion messages and substring checks)."""
    return [d.render() for d in report.diagnostics]


def write_roster(path: Path) -> None:
    """A regulator's roster of three enterprises (rows 2–4), with numbered 专业监管部门 groups, some left empty.

    Every enterprise lacks the county's 举报电话 and 来信地址 (a roster has no column for
    them), so each one checks with two SK204 errors.
    """
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "监管企业名册"
    dept = ["层级", "", "责任领导", "职务", "具体责任人"]
    header = ["序号", "城市", "县区", "企业名称", "企业主要负责人", "所属行业", "修订日期", "安全管理人员"]
    for name in ("行业主管部门", "安全监管部门", "专业监管部门（一）", "专业监管部门（二）", "属地管理部门"):
        header += [f"{name}{field}" for field in dept]
    sheet.append(header)
    for number, (enterprise, industry) in enumerate((("甲化工有限公司", "危险化学品"), ("乙机械有限公司", "机械"),
                                                    ("丙建材有限公司", "建材")), start=1):
        row: list[Any] = [number, "忻州市", "定襄县", enterprise, f"负责人{number}", industry, "2026-05-01", f"安全员{number}"]
        row += ["县", "定襄县工业和信息化局", "赵文斌", "副局长", "王海鹏"]
        row += ["县", "定襄县应急管理局", "张志刚", "副局长", "刘燕"]
        row += ["县", "定襄县市场监督管理局", "韩俊峰", "副局长", "高磊"] if number != 2 else [None] * 5
        row += [None] * 5 if number != 3 else ["县", "定襄县消防救援大队", "武晓军", "副大队长", "陈亮"]
        row += ["乡镇", "宏道镇人民政府", "薛志强", "副镇长", "邢丽娟"]
        sheet.append(row)
    book.save(path)


@pytest.fixture(scope="session")
def template_xlsx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The template as ``signkit template`` writes it, once per session; tests copy it before changing it."""
    path = tmp_path_factory.mktemp("template") / "模板.xlsx"
    write_template(path)
    return path
