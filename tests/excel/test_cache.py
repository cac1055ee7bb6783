"""signkit.excel.cache: a result is reused only for the same bytes, name and cap, and only the last few are kept."""

from __future__ import annotations

from pathlib import Path

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
