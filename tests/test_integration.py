"""The pre-commit hook and the GitHub Action, run the way pre-commit and GitHub run them, on a sample repository."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from signkit.cli import main
from tests.conftest import CHEMICAL, ROOT, dump, example_data

BIN = Path(sys.executable).parent  # the console script `signkit` is installed next to this Python


def _env() -> dict[str, str]:
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository of site files: one written by `signkit init`, one broken, and YAML that is not a site file."""
    root = tmp_path / "repo"
    assert main(["init", str(root / "sites")]) == 0
    data = example_data(CHEMICAL)
    data["工作场所"][0]["班组"][0]["负责人"] = None
    (root / "sites" / "bad.yaml").write_text(dump(data), encoding="utf-8")
    for other in (".github/workflows/signkit.yml", ".pre-commit-config.yaml"):
        (root / other).parent.mkdir(parents=True, exist_ok=True)
        (root / other).write_text("jobs: {}\n", encoding="utf-8")
    (root / "sites" / "~$台账.xlsx").write_bytes(b"lock")
    return root


def _hook() -> dict[str, Any]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "signkit-check"]
    return dict(hook)


def _staged(repo: Path, hook: dict[str, Any]) -> list[str]:
    """The files pre-commit would pass: `files` matches and `exclude` does not, on paths relative to the repository."""
    paths = sorted(p.relative_to(repo).as_posix() for p in repo.rglob("*") if p.is_file())
    return [p for p in paths if re.search(hook["files"], p) and not re.search(hook["exclude"], p)]


def _run_hook(repo: Path, files: list[str]) -> subprocess.CompletedProcess[str]:
    hook = _hook()
    command = [*shlex.split(hook["entry"]), *hook.get("args", []), *files]
    return subprocess.run(command, cwd=repo, env=_env(), capture_output=True, text=True, encoding="utf-8",
                          check=False, timeout=300)


def test_hook_definition() -> None:
    hook = _hook()
    assert hook["language"] == "python" and hook["entry"].split()[:2] == ["signkit", "check"]
    assert hook["pass_filenames"] is True


def test_hook_picks_site_files_only(repo: Path) -> None:
    assert _staged(repo, _hook()) == ["sites/bad.yaml", "sites/site.yaml"]


def test_hook_passes_a_good_file_and_fails_a_bad_one(repo: Path) -> None:
    good = _run_hook(repo, ["sites/site.yaml"])
    assert good.returncode == 0, good.stdout + good.stderr
    bad = _run_hook(repo, _staged(repo, _hook()))
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert re.search(r"^sites/bad\.yaml:\d+:\d+: 错误：.*负责人 不能为空 \[SK103\]", bad.stdout, re.MULTILINE), bad.stdout
    assert "Traceback" not in bad.stdout + bad.stderr


def _action() -> dict[str, Any]:
    return dict(yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8")))


def test_action_is_composite_and_installs_itself() -> None:
    action = _action()
    assert action["runs"]["using"] == "composite"
    assert {"paths", "args", "python-version"} <= set(action["inputs"])
    runs = [step["run"] for step in action["runs"]["steps"] if "run" in step]
    assert any("pip install" in run and "$ACTION_PATH" in run for run in runs)
    assert any("scripts/action-check.sh" in run for run in runs)
    # inputs travel in environment variables: a path with `$(...)` in it is never executed
    assert not any("${{" in run for run in runs)


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
@pytest.mark.parametrize(("paths", "code"), [("sites/site.yaml", 0), ("sites", 1), ("", 1)])
def test_action_script_annotates_and_exits(repo: Path, paths: str, code: int) -> None:
    env = {**_env(), "SIGNKIT_PATHS": paths, "SIGNKIT_ARGS": "--fonts bundled"}
    result = subprocess.run(["bash", str(ROOT / "scripts" / "action-check.sh")], cwd=repo, env=env,
                            capture_output=True, text=True, encoding="utf-8", check=False, timeout=300)
    assert result.returncode == code, result.stdout + result.stderr
    errors = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    if code:
        assert any(re.match(r"::error file=sites/bad\.yaml,line=\d+,col=\d+", line) for line in errors), result.stdout
        assert not any(".github" in line for line in errors)
    else:
        assert errors == []
