"""The watch loop, driven in-process by a scripted clock: one save, one rebuild; a bad save, a report and on."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from signkit.pipeline.render_files import render_files
from signkit.pipeline.watch import Watch, changed, input_paths, scan, sign_paths
from tests.conftest import SMALL

Step = Callable[[], None] | None


class Script:
    """A fake clock and wait: each wait runs the next step (an edit, or nothing) and moves time on; then stop."""

    def __init__(self, *steps: Step) -> None:
        self.now = 0.0
        self.steps = list(steps)
        self.waits = 0

    def clock(self) -> float:
        return self.now

    def wait(self, seconds: float) -> bool:
        self.now += seconds
        self.waits += 1
        if not self.steps:
            return True
        step = self.steps.pop(0)
        if step is not None:
            step()
        return False


def _save(path: Path, text: str, tick: int) -> Callable[[], None]:
    """Write ``text`` and give the file a distinct modification time (as a real save a moment later would)."""
    def run() -> None:
        path.write_text(text, encoding="utf-8")
        os.utime(path, ns=(tick * 1_000_000_000, tick * 1_000_000_000))
    return run


def test_scan_sees_files_in_folders_but_not_hidden_or_skipped_ones(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("x", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("x", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "b.pdf").write_text("x", encoding="utf-8")
    before = scan([tmp_path], skip=[tmp_path / "out"])
    assert list(before) == [str(tmp_path / "a.yaml")]
    (tmp_path / "a.yaml").write_text("longer", encoding="utf-8")
    (tmp_path / "c.yaml").write_text("new", encoding="utf-8")
    assert changed(before, scan([tmp_path], skip=[tmp_path / "out"])) == [str(tmp_path / "a.yaml"),
                                                                            str(tmp_path / "c.yaml")]
    assert scan([tmp_path / "missing.yaml"]) == {}
    assert input_paths([str(tmp_path), "-"], tmp_path / "out") == [tmp_path / "a.yaml", tmp_path / "c.yaml"]


def test_a_burst_of_writes_is_one_rebuild_after_the_files_settle(tmp_path: Path) -> None:
    site = tmp_path / "site.yaml"
    site.write_text("a", encoding="utf-8")
    seen: list[list[str]] = []
    # an editor's save: three writes 0.3 s apart, then quiet; a second save later
    script = Script(None, _save(site, "ab", 1), _save(site, "abc", 2), _save(site, "abcd", 3), None, None, None,
                    None, _save(site, "abcde", 4), None, None, None)
    rebuilds = Watch(lambda: [site], interval=0.3, settle=0.5, wait=script.wait, clock=script.clock).run(seen.append)
    assert rebuilds == 2 and seen == [[str(site)], [str(site)]]


def test_stop_ends_the_watch_even_while_settling(tmp_path: Path) -> None:
    site = tmp_path / "site.yaml"
    site.write_text("a", encoding="utf-8")
    script = Script(_save(site, "ab", 1))  # the change is seen, then the stop comes before it settles
    seen: list[list[str]] = []
    assert Watch(lambda: [site], wait=script.wait, clock=script.clock).run(seen.append) == 0 and seen == []


def test_rebuild_rewrites_only_the_changed_board_and_survives_a_bad_save(tmp_path: Path, bundled_fonts: Any) -> None:
    site = tmp_path / "site.yaml"
    text = SMALL.read_text(encoding="utf-8")
    site.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    first = render_files([str(site)], out, bundled_fonts)
    total = sum(len(s.rewritten) for s in first.sites)
    cards = [name for s in first.sites for name in s.rewritten if "2-5" in name]  # only they print the phone
    assert first.ok and 0 < len(cards) < total
    outcomes: list[Any] = []

    def rebuild(changes: list[str]) -> None:
        assert changes == [str(site)]
        outcomes.append(render_files([str(site)], out, bundled_fonts))

    phone = text.replace("企业应急电话: 0350-6036519", "企业应急电话: 0350-6036520")
    broken = text.replace("企业应急电话: 0350-6036519", "企业应急电话: [坏")
    quiet = (None, None, None)
    script = Script(_save(site, phone, 1), *quiet, _save(site, broken, 2), *quiet, _save(site, text, 3), *quiet)
    watch = Watch(lambda: [*input_paths([str(site)], out), *sign_paths(out)], skip=[out], interval=0.3, settle=0.5,
                  wait=script.wait, clock=script.clock)
    assert watch.run(rebuild) == 3
    changed_phone, bad, fixed = outcomes
    assert [name for s in changed_phone.sites for name in s.rewritten] == cards
    assert sum(len(s.kept) for s in changed_phone.sites) == total - len(cards)
    assert not bad.ok and any(d.rule == "SK006" for s in bad.sites for d in s.diagnostics)  # reported; the watch went on
    assert fixed.ok and [name for s in fixed.sites for name in s.rewritten] == cards
