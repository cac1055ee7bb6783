"""The output folder's lock: a second run is refused while the first lives, and not after it died."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from signkit.output.lock import OutputLock
from signkit.pipeline.render_files import render_files
from tests.conftest import SMALL

_HOLD_LOCK = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_CREAT | os.O_RDWR)
fcntl.flock(fd, fcntl.LOCK_EX)
if sys.argv[2] == "pid":
    os.write(fd, b"%d elsewhere\\n" % os.getpid())
print("held", flush=True)
time.sleep(120)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")
@pytest.mark.parametrize("content", ["pid", "empty"])
def test_lock_is_held_exactly_while_its_holder_lives(tmp_path: Path, bundled_fonts: Any, content: str) -> None:
    """A live holder is refused whether or not its PID is written yet; once it dies the lock is free."""
    lock = tmp_path / OutputLock.NAME
    # the with block closes the holder's stdout pipe and reaps it, however the test ends
    with subprocess.Popen([sys.executable, "-c", _HOLD_LOCK, str(lock), content], stdout=subprocess.PIPE,
                          text=True) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
            busy = render_files([str(SMALL)], tmp_path, bundled_fonts)
            assert busy.usage_error and [d.rule for d in busy.diagnostics] == ["SK801"]
            if content == "pid":
                assert f"进程 {holder.pid}" in busy.diagnostics[0].message
            assert not (tmp_path / "manifest.json").exists() and lock.exists()
        finally:
            holder.kill()
            holder.wait()
    # the holder died without cleaning up: its file is still there, its lock is not
    taken = render_files([str(SMALL)], tmp_path, bundled_fonts)
    assert taken.ok and (tmp_path / "manifest.json").exists() and not lock.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
def test_a_lock_file_planted_as_a_link_is_refused_and_its_target_untouched(tmp_path: Path, bundled_fonts: Any) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / OutputLock.NAME).symlink_to(victim)
    outcome = render_files([str(SMALL)], out, bundled_fonts)
    assert outcome.usage_error and [d.rule for d in outcome.diagnostics] == ["SK804"]
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not (out / "manifest.json").exists()
