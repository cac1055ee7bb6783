"""The wheel carries everything signkit needs at run time, and works from any directory."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
                    "--quiet", "-w", str(out)], check=True)
    (built,) = out.glob("signkit-*.whl")
    return built


def test_wheel_contents(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "signkit/_data/templates/starter-site.yaml" in names
    assert "signkit/py.typed" in names
    assert "signkit/codes_explained.toml" in names  # signkit rules SKnnn reads it
    assert any(n.startswith("signkit/_data/fonts/") for n in names)
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "signkit = signkit.cli:run" in zipfile.ZipFile(wheel).read(entry).decode()
    assert not any(n.startswith(("tests/", "examples/")) for n in names)


def test_installed_wheel_runs_from_another_directory(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site-packages"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, *args], cwd=elsewhere, env=env, capture_output=True,
                              text=True, encoding="utf-8", check=False)

    where = run("-c", "import signkit, signkit.resources as r; print(signkit.__file__); print(r.data_path('templates'))")
    module_file, templates = where.stdout.split()
    assert module_file.startswith(str(site)) and templates.startswith(str(site))
    assert run("-m", "signkit", "init", ".").returncode == 0
    result = run("-m", "signkit", "check", "site.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "全部通过" in result.stdout
    explained = run("-m", "signkit", "rules", "SK218")
    assert explained.returncode == 0 and "不通过的例子" in explained.stdout, explained.stderr


def test_ci_runs_the_readme_commands() -> None:
    """The README's two set-up commands are exactly what .ci/run proves."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\npython3 -m venv \.venv && \. \.venv/bin/activate && (.+)\n```", readme)
    assert len(commands) == 2
    assert "signkit render examples/*.yaml" in commands[0]
    assert commands[1].endswith("pytest")
    for command in commands:
        assert command in ci
