"""The progress of a batch run: a bar on a terminal, plain lines in a log or on CI."""

from __future__ import annotations

import pytest


def test_progress_bar_on_a_terminal_and_plain_lines_otherwise(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from signkit.cli.progress import _Progress, bar_line
    from signkit.pipeline.inputs import SiteInput
    from signkit.pipeline.site_job import SiteOutcome

    assert bar_line(0, 4, "甲", 0) == "[░░░░░░░░░░░░░░░░░░░░] 0/4 甲 · 已用 0:00"
    assert bar_line(1, 4, "甲", 12) == "[█████░░░░░░░░░░░░░░░] 1/4 甲 · 已用 0:12 · 剩余约 0:36"
    assert bar_line(4, 4, "乙", 3725) == "[████████████████████] 4/4 乙 · 已用 1:02:05"

    def site(name: str, status: str) -> SiteOutcome:
        return SiteOutcome(SiteInput(f"{name}.yaml"), enterprise=name, status=status)

    ticks = iter([0.0, 10.0, 20.0])
    screen = io.StringIO()
    live = _Progress(screen, live=True, clock=lambda: next(ticks), width=lambda: 200)
    live(site("甲公司", "rendered"), 1, 2)
    live(site("乙公司", "failed"), 2, 2)
    assert screen.getvalue() == ("\r\033[K[██████████░░░░░░░░░░] 1/2 甲公司 · 已用 0:10 · 剩余约 0:10"
                                 "\r\033[K[2/2] 失败 乙公司\n"
                                 "\r\033[K[████████████████████] 2/2 乙公司 · 已用 0:20\n")
    narrow = io.StringIO()
    _Progress(narrow, live=True, clock=lambda: 0.0, width=lambda: 24)(site("很长很长的企业名称有限公司", "unchanged"), 1, 3)
    drawn = narrow.getvalue().removeprefix("\r\033[K")
    assert drawn.endswith("…") and sum(2 if "\u4e00" <= c <= "\u9fff" else 1 for c in drawn) <= 23

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("CI", "true")
    log = Tty()
    plain = _Progress(log)
    plain(site("甲公司", "unchanged"), 1, 2)
    assert not plain.live and log.getvalue() == "[1/2] 未变化 甲公司\n"
    monkeypatch.delenv("CI")
    assert _Progress(Tty()).live and not _Progress(io.StringIO()).live
