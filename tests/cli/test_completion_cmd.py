"""Shell completion: the scripts, the protocol they speak back to signkit, and the file completers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Cli

MARKERS = {
    "bash": "complete -o default -F _signkit_completion signkit",
    "zsh": "compdef _signkit_completion signkit",
    "fish": "complete --command signkit",
    "powershell": "Register-ArgumentCompleter -Native -CommandName signkit",
}


@pytest.mark.parametrize("shell", sorted(MARKERS))
def test_each_shell_gets_its_script(cli: Cli, shell: str) -> None:
    code, out, err = cli("completion", shell)
    assert code == 0, err
    assert MARKERS[shell] in out
    assert f"_SIGNKIT_COMPLETE=complete_{shell}" in out or f'"complete_{shell}"' in out
    assert len(out.splitlines()) >= 1 and len(out) > 150


def test_unknown_shell_is_a_chinese_usage_error(cli: Cli) -> None:
    code, _, err = cli("completion", "tcsh")
    assert code == 2 and "「tcsh」不是可选的值" in err


def _complete(cli: Cli, monkeypatch: pytest.MonkeyPatch, words: str) -> list[str]:
    monkeypatch.setenv("_SIGNKIT_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", words)
    monkeypatch.setenv("COMP_CWORD", str(len(words.split(" ")) - 1))
    code, out, err = cli()
    assert code == 0, err
    return out.split()


def test_protocol_completes_commands_options_and_choices(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _complete(cli, monkeypatch, "signkit ch") == ["check"]
    assert _complete(cli, monkeypatch, "signkit check --format ") == ["text", "json", "github", "sarif", "junit"]
    assert set(_complete(cli, monkeypatch, "signkit render --f")) >= {"--fit", "--fonts", "--force", "--fail-fast"}
    assert _complete(cli, monkeypatch, "signkit completion ") == ["bash", "zsh", "fish", "powershell"]


def _folder(tmp_path: Path) -> Path:
    for name in ("a.yaml", "b.xlsx", "c.csv", "notes.txt", "d.pdf", ".hidden.yaml", "sub/e.yml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    return tmp_path


def test_file_arguments_offer_only_their_files(cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(_folder(tmp_path))
    assert _complete(cli, monkeypatch, "signkit check ") == ["a.yaml", "b.xlsx", "c.csv", "sub/"]
    assert _complete(cli, monkeypatch, "signkit render ") == ["a.yaml", "sub/"]
    assert _complete(cli, monkeypatch, "signkit render sub/") == ["sub/e.yml"]
    assert _complete(cli, monkeypatch, "signkit preflight ") == ["d.pdf", "sub/"]
    assert _complete(cli, monkeypatch, "signkit import ") == ["b.xlsx", "c.csv", "sub/"]
    assert _complete(cli, monkeypatch, "signkit check .h") == [".hidden.yaml"]


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_script_loads_and_completes(cli: Cli, tmp_path: Path) -> None:
    script = tmp_path / "signkit.bash"
    script.write_text(cli("completion", "bash")[1], encoding="utf-8")
    bindir = tmp_path / "bin"
    bindir.mkdir()
    launcher = bindir / "signkit"
    launcher.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m signkit "$@"\n', encoding="utf-8")
    launcher.chmod(0o755)
    program = (f"source {script} && complete -p signkit && "
               "COMP_WORDS=(signkit check --format ''); COMP_CWORD=3; _signkit_completion signkit; "
               'printf "%s," "${COMPREPLY[@]}"')
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(["bash", "--norc", "--noprofile", "-c", program], capture_output=True, text=True,
                            encoding="utf-8", env=env, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "complete -o default -F _signkit_completion signkit" in result.stdout
    assert result.stdout.rstrip().endswith("text,json,github,sarif,junit,")


@pytest.mark.parametrize(("shell", "env", "separator"), [
    ("fish", {"_TYPER_COMPLETE_FISH_ACTION": "get-args"}, "\t"),
    ("powershell", {"_TYPER_COMPLETE_WORD_TO_COMPLETE": "--f"}, ":::"),
])
def test_menus_get_one_line_per_candidate(cli: Cli, monkeypatch: pytest.MonkeyPatch, shell: str, env: dict[str, str],
                                          separator: str) -> None:
    """A long help (--fonts) wrapped by the terminal would reach the shell as a bogus extra candidate."""
    monkeypatch.setenv("_SIGNKIT_COMPLETE", f"complete_{shell}")
    monkeypatch.setenv("_TYPER_COMPLETE_ARGS", "signkit check --f")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    code, out, err = cli()
    assert code == 0, err
    lines = out.splitlines()
    assert f"--format{separator}输出格式" in lines and f"--fonts{separator}字体模式" in lines
    assert all(line.startswith("--f") and line.count(separator) == 1 for line in lines), lines  # no wrapped halves
