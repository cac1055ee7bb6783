"""The wheel carries everything signkit needs at run time, and works from any directory."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

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
        assert "pip install -c constraints.txt " in command  # the versions the reference output was made with


def _metadata(wheel: Path) -> str:
    archive = zipfile.ZipFile(wheel)
    return archive.read(next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))).decode()


def test_wheel_declares_and_ships_every_licence(wheel: Path) -> None:
    """signkit's code is MIT; the bundled fonts keep their own licences, declared (PEP 639) and shipped as files."""
    metadata = _metadata(wheel)
    assert "License-Expression: MIT AND OFL-1.1 AND Apache-2.0" in metadata
    names = set(zipfile.ZipFile(wheel).namelist())
    for licence in ("LICENSE", "fonts/OFL-LXGWWenKai.txt", "fonts/LICENSE-Apache-2.0.txt", "fonts/LXGWWenKai.copyright",
                    "fonts/wqy-microhei.copyright"):
        assert f"License-File: {licence}" in metadata
        assert f"signkit-0.1.0.dist-info/licenses/{licence}" in names
    # beside the fonts too, where someone who copies the font files out finds them
    assert {"signkit/_data/fonts/OFL-LXGWWenKai.txt", "signkit/_data/fonts/LICENSE-Apache-2.0.txt"} <= names
    archive = zipfile.ZipFile(wheel)
    assert "MIT License" in archive.read("signkit-0.1.0.dist-info/licenses/LICENSE").decode()
    assert "SIL OPEN FONT LICENSE Version 1.1" in archive.read("signkit/_data/fonts/OFL-LXGWWenKai.txt").decode()
    assert "Apache License" in archive.read("signkit/_data/fonts/LICENSE-Apache-2.0.txt").decode()


def _pyproject() -> dict[str, Any]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_runtime_dependencies_have_upper_bounds(wheel: Path) -> None:
    required = [line.removeprefix("Requires-Dist: ") for line in _metadata(wheel).splitlines()
                if line.startswith("Requires-Dist: ") and "extra ==" not in line]
    assert len(required) == len(_pyproject()["project"]["dependencies"])
    unbounded = [r for r in required if not any(spec.operator in ("<", "<=", "==", "~=") for spec in Requirement(r).specifier)]
    assert unbounded == []


def test_constraints_pin_versions_the_declared_ranges_allow() -> None:
    pins: dict[str, Version] = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[canonicalize_name(name)] = Version(version.strip())
    project = _pyproject()["project"]
    for declared in [*project["dependencies"], *project["optional-dependencies"]["test"]]:
        requirement = Requirement(declared)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is not pinned in constraints.txt"
        assert requirement.specifier.contains(pins[name], prereleases=True), f"{name}=={pins[name]} outside {requirement.specifier}"
