"""The shape of the tree: the import contracts hold, the top of signkit/ holds only its foundation, modules stay small.

``.ci/run`` runs ``lint-imports`` as well; these tests keep the same promises inside the
README's own test command, and add what import-linter does not check.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "signkit"

#: The modules allowed at the top of signkit/: the entry points and the foundation every stage may use.
FOUNDATION = {"__init__.py", "__main__.py", "_version.py", "codes.py", "diagnostics.py", "errors.py", "resources.py"}
MAX_LINES = 600


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_import_contracts_hold() -> None:
    """Layers one way, no cycle at any depth, ReportLab/pikepdf/openpyxl only where they belong (pyproject.toml)."""
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_top_of_the_package_is_only_its_foundation() -> None:
    top = {path.name for path in PACKAGE.glob("*.py")}
    assert top == FOUNDATION


def test_no_module_is_too_long_to_read() -> None:
    long = {str(path.relative_to(ROOT)): n for path in _modules() if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_signkit_imports_inside_functions_only_in_the_cli() -> None:
    """Below the CLI every import of signkit is at the top of its module, where the import graph shows it.

    The CLI imports the library inside each command so that ``signkit --help`` does not
    load pydantic, fontTools and ReportLab.
    """
    hidden: list[str] = []
    for path in _modules():
        if path.relative_to(PACKAGE).parts[0] == "cli":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("signkit"):
                    hidden.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.module}")
                elif isinstance(node, ast.Import) and any(a.name.startswith("signkit") for a in node.names):
                    hidden.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert hidden == []


def test_every_package_says_what_it_is_for() -> None:
    missing = [str(p.relative_to(ROOT)) for p in _modules() if not ast.get_docstring(ast.parse(p.read_text(encoding="utf-8")))
               and p.read_text(encoding="utf-8").strip()]
    assert missing == []
