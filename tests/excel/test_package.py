"""signkit.excel as a package: which files it reads, what it may import, and that YAML work never loads openpyxl."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from signkit.excel import is_workbook
from signkit.pipeline.inputs import collect_inputs
from tests.conftest import CHEMICAL, ROOT, SMALL

PACKAGE = ROOT / "signkit" / "excel"
#: What the excel package may import from signkit: the layers below it (it reads and writes workbooks, nothing else).
ALLOWED = ("signkit.codes", "signkit.diagnostics", "signkit.errors", "signkit._version", "signkit.resources", "signkit.load",
           "signkit.model", "signkit.art", "signkit.excel")


def _signkit_imports(path: Path) -> list[tuple[str, bool]]:
    """(module, inside a function) for every ``signkit`` import of a source file."""
    found: list[tuple[str, bool]] = []

    def visit(node: ast.AST, nested: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = nested or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            if isinstance(child, ast.ImportFrom) and child.module and child.module.startswith("signkit"):
                found.append((child.module, inner))
            elif isinstance(child, ast.Import):
                found.extend((alias.name, inner) for alias in child.names if alias.name.startswith("signkit"))
            visit(child, inner)

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


def test_workbooks_are_known_by_their_suffix() -> None:
    assert all(is_workbook(name) for name in ("a.xlsx", "A.XLSM", "b.csv", "c.xls"))
    assert not any(is_workbook(name) for name in ("site.yaml", "site.yml", "xlsx"))


def test_folders_are_searched_for_site_files_only(tmp_path: Path, template_xlsx: Path) -> None:
    (tmp_path / "site.yaml").write_text(CHEMICAL.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "模板.xlsx").write_bytes(template_xlsx.read_bytes())
    assert [Path(i.name).name for i in collect_inputs([str(tmp_path)])] == ["site.yaml"]
    named = collect_inputs([str(tmp_path / "模板.xlsx")])
    assert len(named) == 1 and named[0].workbook and named[0].index is None


def test_the_package_imports_only_lower_layers_and_at_module_top() -> None:
    """Writing files (signkit.output) and checking sites (signkit.pipeline) belong above: signkit.pipeline.convert."""
    modules = sorted(PACKAGE.glob("*.py"))
    assert len(modules) > 10
    for path in modules:
        for module, nested in _signkit_imports(path):
            assert module.startswith(ALLOWED), f"{path.name} imports {module}"
            assert not nested, f"{path.name} imports {module} inside a function"


def test_yaml_commands_never_load_openpyxl() -> None:
    """The readers are imported by every check (signkit.pipeline.check): only opening an .xlsx may load openpyxl (~0.2 s)."""
    script = ("import sys\nimport signkit.excel.reader\nassert 'openpyxl' not in sys.modules, 'the reader loads openpyxl'\n"
              "from signkit.cli import main\n"
              f"code = main(['check', '--no-layout', {str(SMALL)!r}])\n"
              "assert code == 0, code\n"
              "assert 'openpyxl' not in sys.modules, 'openpyxl loaded'\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
