"""What ``signkit check`` says about wrong input, word for word, against committed reference files.

Each ``tests/messages/<case>.yaml`` is a site file with one kind of mistake people make
(a misspelt key, a GBK file, a phone number cut short, a sign not in the library …);
``<case>.expected`` is what ``check`` prints for it, with its exit code.  A change to a
message's wording, location or hint shows up here as a diff to review; references are
rewritten only by ``pytest --update-refs``.  Font notes (SK304) name files whose place
depends on the installation and are left out.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
MESSAGES = ROOT / "tests" / "messages"
CASES = sorted(MESSAGES.glob("*.yaml"))


def _printed(code: int, out: str, err: str) -> str:
    lines = [line for line in (out + err).splitlines() if "[SK304]" not in line]
    return f"退出码 {code}\n" + "\n".join(lines) + "\n"


def test_there_are_cases() -> None:
    assert len(CASES) >= 15


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.stem)
def test_check_says_what_the_reference_says(case: Path, cli: Callable[..., tuple[int, str, str]],
                                             monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    monkeypatch.chdir(ROOT)
    printed = _printed(*cli("check", case.relative_to(ROOT).as_posix(), "--fonts", "bundled", "-q"))
    reference = case.with_suffix(".expected")
    if request.config.getoption("--update-refs"):
        reference.write_text(printed, encoding="utf-8")
    assert reference.exists(), f"no reference for {case.name}: run pytest --update-refs and review it"
    assert printed == reference.read_text(encoding="utf-8")
    assert printed.startswith("退出码 1\n") or printed.startswith("退出码 2\n") or "警告" in printed
