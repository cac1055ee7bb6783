"""Standard input is read as bytes with the file's size cap and decoded like a file (issue 14).

Before, ``sys.stdin.read()`` decoded with the locale's encoding: a GBK site file (or any
non-UTF-8 bytes) piped to ``signkit check -`` crashed with exit 3.
"""

from __future__ import annotations

import io
import random
import sys
from pathlib import Path
from typing import Any

import pytest

from signkit.cli import main
from signkit.pipeline import jobs
from signkit.pipeline.check import check_files, exit_status
from signkit.pipeline.inputs import collect_inputs
from signkit.pipeline.options import RenderOptions
from tests.conftest import CHEMICAL, Cli

GBK_SITE = "企业:\n  企业名称: 忻州晋原精细化工有限公司\n".encode("gbk")


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    """Standard input as a terminal or pipe gives it: a text stream (UTF-8) over a byte buffer."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_is_kept_as_bytes_up_to_one_more_than_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, GBK_SITE)
    [item] = collect_inputs(["-"])
    assert item.data == GBK_SITE and item.path is None and not item.workbook
    _stdin(monkeypatch, b"a" * 100)
    [item] = collect_inputs(["-"], max_bytes=10)
    assert item.data == b"a" * 11  # never more than the cap + 1 in memory


def test_gbk_on_stdin_is_sk004_with_the_gbk_hint() -> None:
    [report] = check_files(["-"], read_stdin=lambda: GBK_SITE, layout=False)
    [diag] = report.diagnostics
    assert diag.rule == "SK004" and diag.hint is not None and "GBK" in diag.hint
    assert (diag.location.file, diag.location.line) == ("<stdin>", 1)
    assert exit_status([report]) == 1


def test_binary_and_oversized_stdin_as_for_a_file() -> None:
    [binary] = check_files(["-"], read_stdin=lambda: b"\x00\x01\x02", layout=False)
    assert [d.rule for d in binary.diagnostics] == ["SK005"]
    [large] = check_files(["-"], read_stdin=lambda: b"a: 1\n" * 100, max_bytes=100, layout=False)
    assert [d.rule for d in large.diagnostics] == ["SK003"] and "100" in large.diagnostics[0].message
    assert exit_status([large]) == 2  # like a file over the cap: not read at all


def test_cli_check_stdin_gbk_is_exit_1_not_a_crash(monkeypatch: pytest.MonkeyPatch, cli: Cli) -> None:
    _stdin(monkeypatch, GBK_SITE)
    code, out, err = cli("check", "-")
    assert code == 1 and "SK004" in out + err and "GBK" in out + err


def test_cli_check_stdin_random_bytes_never_exit_3(monkeypatch: pytest.MonkeyPatch, cli: Cli) -> None:
    rng = random.Random(14)
    for _ in range(5):
        data = bytes(rng.randrange(128, 256) for _ in range(200))
        _stdin(monkeypatch, data)
        code, out, err = cli("check", "-")
        assert code in (1, 2) and ("SK004" in out + err or "SK005" in out + err), (data, out, err)


def test_cli_check_stdin_max_bytes(monkeypatch: pytest.MonkeyPatch, cli: Cli) -> None:
    text = CHEMICAL.read_bytes()
    _stdin(monkeypatch, text)
    code, out, err = cli("check", "-", "--max-bytes", "1000")
    assert code == 2 and "SK003" in out + err
    _stdin(monkeypatch, b"\xef\xbb\xbf" + text)  # a BOM, as Windows editors write
    code, out, err = cli("check", "-", "--no-layout")
    assert code == 0, out + err


def test_cli_render_stdin_gbk(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
                              ) -> None:
    _stdin(monkeypatch, GBK_SITE)
    code = main(["render", "-", "-o", str(tmp_path / "out"), "--fonts", "bundled"])
    captured = capsys.readouterr()
    assert code == 1 and "SK004" in captured.out + captured.err


def test_init_then_check_the_folders_files_checks_only_the_site(tmp_path: Path, cli: Cli) -> None:
    """``signkit init site/`` writes the JSON Schema beside the site file; ``check site/*`` must not read it as a site."""
    code, _, err = cli("init", str(tmp_path / "site"))
    assert code == 0, err
    given = sorted(str(p) for p in (tmp_path / "site").iterdir())  # what the shell makes of site/*
    assert any(name.endswith(".schema.json") for name in given) and len(given) == 2
    assert [i.name for i in collect_inputs(given)] == [n for n in given if n.endswith(".yaml")]
    code, out, _ = cli("check", *given)
    assert "schema.json" not in out and "检查了 1 个文件" in out, out


def test_never_more_workers_than_inputs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, bundled_fonts: Any) -> None:
    """One site file with ``-j 8`` runs in this process: a pool for one input only costs its start-up."""
    def no_pool(*_: object, **__: object) -> None:
        raise AssertionError("a process pool was started for one input")

    monkeypatch.setattr(jobs, "ProcessPoolExecutor", no_pool)
    (site,) = collect_inputs([str(CHEMICAL)])
    outcomes = list(jobs.run_jobs([site], tmp_path / "out", bundled_fonts,
                                  RenderOptions(jobs=8, dry_run=True)))
    assert len(outcomes) == 1 and not outcomes[0].failed
