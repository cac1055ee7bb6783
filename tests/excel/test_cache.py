"""signkit.excel.cache: a result is reused only for the same bytes, name and cap, and only the last few are kept."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import pytest

from signkit.excel import cache as cache_module
from signkit.excel.cache import ContentCache


def test_results_are_kept_by_content_name_and_cap(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("甲", encoding="utf-8")
    cache: ContentCache[list[str]] = ContentCache(4)
    calls: list[str] = []

    def compute() -> list[str]:
        calls.append(path.read_text(encoding="utf-8"))
        return list(calls)

    first = cache.read(path, "a.csv", 100, compute)
    assert cache.read(path, "a.csv", 100, compute) is first and calls == ["甲"]
    cache.read(path, "别名.csv", 100, compute)
    cache.read(path, "a.csv", 200, compute)
    assert len(calls) == 3
    path.write_text("乙", encoding="utf-8")  # edited: read again
    assert cache.read(path, "a.csv", 100, compute) is not first and calls[-1] == "乙"


def test_files_that_cannot_be_hashed_are_never_kept(tmp_path: Path) -> None:
    cache: ContentCache[object] = ContentCache(4)
    big, missing = tmp_path / "big.csv", tmp_path / "missing.csv"
    big.write_bytes(b"x" * 10)
    for path in (big, missing, tmp_path):
        assert cache.read(path, "x", 5, object) is not cache.read(path, "x", 5, object)


def test_the_oldest_result_goes_first(tmp_path: Path) -> None:
    cache: ContentCache[object] = ContentCache(2)
    paths = []
    for index in range(3):
        path = tmp_path / f"{index}.csv"
        path.write_text(str(index), encoding="utf-8")
        paths.append(path)
    kept = [cache.read(path, path.name, 100, object) for path in paths]
    assert cache.read(paths[2], paths[2].name, 100, object) is kept[2]
    assert cache.read(paths[1], paths[1].name, 100, object) is kept[1]
    assert cache.read(paths[0], paths[0].name, 100, object) is not kept[0]


def test_a_file_asked_for_once_per_row_is_hashed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch asks for a roster once per enterprise: hashing it each time made a 100,000-row roster quadratic."""
    path = tmp_path / "名册.csv"
    path.write_text("甲" * 1000, encoding="utf-8")
    hashed: list[int] = []
    real = hashlib.sha256

    def counting(data: bytes = b"") -> Any:
        hashed.append(len(data))
        return real(data)

    monkeypatch.setattr(cache_module.hashlib, "sha256", counting)
    cache: ContentCache[object] = ContentCache(4)
    first = cache.read(path, "名册.csv", 10_000, object)
    assert all(cache.read(path, "名册.csv", 10_000, object) is first for _ in range(500))
    assert len(hashed) == 1
    # the same size and modification time written back: the change time still tells
    stat = path.stat()
    path.write_text("乙" * 1000, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert cache.read(path, "名册.csv", 10_000, object) is not first and len(hashed) == 2
