"""Benchmark the check pipeline: parse + validate + rules + plan, on the examples and on a large synthetic site.

Run: ``python benchmarks/check_bench.py``.  Prints figures; asserts nothing (performance
is reported, not tested).
"""

from __future__ import annotations

import copy
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from signkit.load.yaml_tree import parse_yaml  # noqa: E402
from signkit.pipeline.check import check_text  # noqa: E402


def synthetic(posts: int, points: int, workplaces: int) -> str:
    """The chemical-plant example scaled up: many posts, risk points and workplaces."""
    base = parse_yaml((ROOT / "examples" / "chemical-plant.yaml").read_text(encoding="utf-8"), "x").data
    data = copy.deepcopy(base)
    data["岗位"] = [dict(copy.deepcopy(base["岗位"][i % len(base["岗位"])]), 岗位名称=f"岗位{i}") for i in range(posts)]
    data["风险点"] = [dict(copy.deepcopy(base["风险点"][i % 4]), 风险点名称=f"风险点{i}", 所在工作场所="工作场所0")
                    for i in range(points)]
    data["风险点"][0]["风险等级"] = "重大"
    data["监管责任"]["风险点"] = "风险点0"
    data["工作场所"] = []
    for w in range(workplaces):
        place = copy.deepcopy(base["工作场所"][0])
        place["名称"] = f"工作场所{w}"
        place["岗位"] = [{"名称": f"岗位{i}", "责任人": "某人"} for i in range(w, posts, workplaces)]
        data["工作场所"].append(place)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def timed(text: str, repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        report = check_text(text, "bench.yaml")
        times.append(time.perf_counter() - start)
    assert report.site is not None, [d.render() for d in report.diagnostics][:5]
    return statistics.median(times), min(times)


def main() -> None:
    example = (ROOT / "examples" / "chemical-plant.yaml").read_text(encoding="utf-8")
    median, best = timed(example, 50)
    print(f"chemical-plant.yaml ({len(example.encode()):,} bytes): median {median * 1000:.1f} ms, best {best * 1000:.1f} ms")
    big = synthetic(posts=300, points=300, workplaces=30)
    median, best = timed(big, 5)
    tracemalloc.start()
    check_text(big, "bench.yaml")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"synthetic site, 300 posts / 300 risk points / 30 workplaces ({len(big.encode()) / 1024:.0f} KiB): "
          f"median {median * 1000:.0f} ms, best {best * 1000:.0f} ms, peak traced memory {peak / 2**20:.1f} MiB")
    bomb = "a: &a [" + ",".join(["x"] * 9) + "]\n" + "".join(
        f"{n}: &{n} [" + ",".join([f"*{p}"] * 9) + "]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True))
    start = time.perf_counter()
    check_text(bomb, "bomb.yaml")
    print(f"billion-laughs document refused in {(time.perf_counter() - start) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
