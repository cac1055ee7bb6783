"""Standard input is read as bytes with the file's size cap and decoded like a file (issue 14).

Before, ``sys.stdin.read()`` decoded with the locale's encoding: a GBK site file (or any
non-UTF-8 bytes) piped to ``signkit check -`` crashed with exit 3.
"""

from __future__ import annotations

import io
import random
import sys
from pathlib import Path

import pytest

from signkit.cli import main
from signkit.pipeline.check import check_files, exit_status
from signkit.pipeline.inputs import collect_inputs
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
