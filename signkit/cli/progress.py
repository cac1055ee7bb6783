"""The progress of ``signkit render`` on the terminal: a bar redrawn in place, or a line per enterprise.

Kept apart from the command itself because it is a small machine of its own (terminal
widths of Chinese text, estimates, when to redraw and when to print a line), tested
without running a render, and it must not import the pipeline: the CLI loads it for
``signkit --help``.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from signkit.pipeline.site_job import SiteOutcome

_WORDS = {"rendered": "已生成", "unchanged": "未变化", "checked": "已比较", "failed": "失败", "unreadable": "无法读取"}


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _columns(text: str) -> int:
    """Terminal columns ``text`` takes: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal columns (a line that wraps cannot be redrawn in place)."""
    out: list[str] = []
    used = 0
    for ch in text:
        used += _columns(ch)
        if used > width:
            return "".join(out[:-1]) + "…" if out else ""
        out.append(ch)
    return text


def bar_line(done: int, total: int, name: str, elapsed: float, *, bar: int = 20) -> str:
    """``[██████░░░░] 12/50 企业名 · 已用 0:12 · 剩余约 0:18``: the in-place progress line.

    The estimate assumes the remaining enterprises take as long as the finished ones on
    average; before the first one there is none.
    """
    filled = round(bar * done / total) if total else bar
    line = f"[{'█' * filled}{'░' * (bar - filled)}] {done}/{total} {name} · 已用 {_clock(elapsed)}"
    if 0 < done < total:
        line += f" · 剩余约 {_clock(elapsed / done * (total - done))}"
    return line


class _Progress:
    """A progress bar redrawn in place on a terminal; one line per enterprise otherwise, or when CI is set.

    Logs and CI consoles get the plain lines (nothing to redraw, every enterprise on
    record).  On the bar, failures still get a line of their own above it, so the
    enterprise that needs attention does not scroll away with the bar.
    """

    def __init__(self, stream: TextIO | None = None, *, live: bool | None = None,
                 clock: Callable[[], float] = time.monotonic, width: Callable[[], int] | None = None) -> None:
        self.stream = stream if stream is not None else sys.stdout
        if live is None:
            live = self.stream.isatty() and not os.environ.get("CI")
        self.live = live
        self.clock = clock
        self.width = width or (lambda: shutil.get_terminal_size((80, 24)).columns)
        self.started = clock()
        self.drawn = False

    def _write(self, text: str) -> None:
        self.stream.write(text)
        self.stream.flush()

    def __call__(self, site: SiteOutcome, done: int, total: int) -> None:
        name = site.enterprise or site.input.name
        line = f"[{done}/{total}] {_WORDS[site.status]} {name}"
        if site.status == "rendered":
            line += f"（重写 {len(site.rewritten)}，沿用 {len(site.kept)}，删除 {len(site.removed)}"
            line += f"，{len(site.not_made)} 块未生成）" if site.not_made else "）"
        if not self.live:
            self._write(line + "\n")
            return
        if site.failed:  # keep it on screen above the bar
            self._write(f"\r\033[K{line}\n")
        width = max(self.width() - 1, 10)
        self._write(f"\r\033[K{_fit(bar_line(done, total, name, self.clock() - self.started), width)}")
        self.drawn = done < total
        if done == total:
            self._write("\n")

    def abandon(self) -> None:
        """End the bar's line, so a message after an interruption starts on a fresh one."""
        if self.live and self.drawn:
            self._write("\n")
            self.drawn = False
