"""``render --watch`` and ``preview --watch`` as a user sees them: a line per save, errors survived, Ctrl-C ends with 0."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from signkit.pipeline.watch import Watch
from tests.conftest import SMALL, Cli


def _script(monkeypatch: pytest.MonkeyPatch, *steps: Callable[[], None] | None) -> None:
    """Drive the watch: each wait runs a step on a fake clock; after the last one the user presses Ctrl-C."""
    remaining = list(steps)
    now = [0.0]

    def wait(self: Watch, seconds: float) -> bool:
        self.clock = lambda: now[0]
        now[0] += seconds
        if not remaining:
            raise KeyboardInterrupt
        step = remaining.pop(0)
        if step is not None:
            step()
        return False

    monkeypatch.setattr(Watch, "_wait", wait)


def _save(path: Path, text: str, tick: int) -> Callable[[], None]:
    def run() -> None:
        path.write_text(text, encoding="utf-8")
        os.utime(path, ns=(tick * 10**9, tick * 10**9))
    return run


QUIET = (None, None, None)


def test_render_watch_rebuilds_once_per_save_and_ends_cleanly(cli: Cli, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site.yaml"
    text = SMALL.read_text(encoding="utf-8")
    site.write_text(text, encoding="utf-8")
    config = tmp_path / "signkit.toml"
    config.write_text('[fonts]\nmode = "bundled"\n', encoding="utf-8")
    phone = text.replace("企业应急电话: 0350-6036519", "企业应急电话: 0350-6036520")
    _script(monkeypatch, _save(site, phone, 1), *QUIET, _save(site, "企业: [坏", 2), *QUIET,
            _save(config, '[fonts]\nmode = "oops"\n', 3), *QUIET, _save(site, text, 4), *QUIET)
    code, out, err = cli("render", str(site), "-o", str(tmp_path / "out"), "--watch")
    assert code == 0, err
    lines = [line for line in out.splitlines() if line.startswith("[") and "有改动" in line]
    assert len(lines) == 4  # one line per save, the broken config's included
    assert "site.yaml 有改动：写入" in lines[0] and "删除" not in lines[0]
    assert "1 家企业未生成" in lines[1] and "[SK006]" in out
    assert "配置文件有误，未重新生成" in lines[2] and "[SK014]" in out
    assert "写入" in lines[3]  # the last good settings were kept while the config was broken
    assert out.rstrip().endswith("已停止监视。")


def test_preview_watch_draws_again(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site.yaml"
    text = SMALL.read_text(encoding="utf-8")
    site.write_text(text, encoding="utf-8")
    _script(monkeypatch, _save(site, text.replace("0350-6036519", "0350-6036520"), 1), *QUIET)
    code, out, _ = cli("preview", str(site), "-o", str(tmp_path / "png"), "--fonts", "bundled", "--width", "100",
                       "--watch")
    assert code == 0
    [line] = [line for line in out.splitlines() if "有改动" in line]
    assert "site.yaml 有改动：生成" in line and out.rstrip().endswith("已停止监视。")


def test_standard_input_cannot_be_watched(cli: Cli, tmp_path: Path) -> None:
    code, _, err = cli("render", "-", "-o", str(tmp_path / "out"), "--watch")
    assert code == 2 and "标准输入" in err and not (tmp_path / "out").exists()
