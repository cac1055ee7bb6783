"""Reading site files: missing, oversized, binary and GBK files get a located diagnostic, never an exception."""

from __future__ import annotations

import time
from pathlib import Path

from signkit.load.source import read_source
from signkit.pipeline.check import check_path


def test_missing_file_and_directory_are_unreadable(tmp_path: Path) -> None:
    missing = check_path(tmp_path / "nope.yaml")
    assert missing.unreadable and missing.diagnostics[0].rule == "SK001"
    folder = check_path(tmp_path)
    assert folder.unreadable and folder.diagnostics[0].rule == "SK002"


def test_size_cap_refuses_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with open(big, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # a sparse 50 MB file
    start = time.process_time()
    report = check_path(big)
    assert time.process_time() - start < 2
    assert report.unreadable and report.diagnostics[0].rule == "SK003"
    small_cap = check_path(big, max_bytes=10)
    assert "10" in small_cap.diagnostics[0].message


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    report = check_path(path)
    assert report.diagnostics[0].rule == "SK005" and not report.unreadable


def test_gbk_file_is_located_and_recognised(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes("企业:\n  企业名称: 甲公司\n".encode("gbk"))
    diag = check_path(path).diagnostics[0]
    assert diag.rule == "SK004"
    assert diag.location.line == 1
    assert diag.hint and "GBK" in diag.hint


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffa: 1\n".encode())
    source = read_source(path)
    assert source.text == "a: 1\n"
