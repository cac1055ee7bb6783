"""Benchmark reading site files (issue 14): time against input size, as ratios to a baseline run in this process.

Run: ``python benchmarks/load_bench.py`` (``--layout`` adds the check with every board
laid out, which is where a huge field's time goes; ``--quick`` for smaller sizes).
Prints figures; asserts nothing.  Linear means the time ratio follows the size ratio.

1. one very long field (a 职责 entry as a quoted string, a plain scalar and a folded
   block) of 350,000 and 1,400,000 characters: parse, and check;
2. a realistic large group (``tests/load/sites.py``) of 500 / 1,000 / 2,000 / 5,000 posts:
   parse, and check (model, rules, glyph coverage) with the size cap raised;
3. the hostile shapes of ``tests/load/test_limits.py`` at the 4 MB default cap.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from signkit.fonts import resolve_fonts  # noqa: E402
from signkit.load.yaml_tree import parse_yaml  # noqa: E402
from signkit.pipeline.check import check_text  # noqa: E402
from tests.load.sites import big_site_text  # noqa: E402

MB = 4 * 1024 * 1024
_DUTY = "      - 严格执行合成工段工艺操作规程，按时巡检并如实记录温度、压力、液位等工艺参数\n"


def long_field(kind: str, length: int) -> str:
    """The chemical-plant example with its first 职责 entry replaced by ``length`` characters."""
    text = (ROOT / "examples" / "chemical-plant.yaml").read_text(encoding="utf-8")
    unit = "严格执行操作规程按时巡检并如实记录"
    body = (unit * (length // len(unit) + 1))[:length]
    if kind == "quoted":
        new = f'      - "{body}"\n'
    elif kind == "plain":
        new = f"      - {body}\n"
    else:
        new = "      - >\n" + "".join(f"        {body[i:i + 60]}\n" for i in range(0, length, 60))
    return text.replace(_DUTY, new)


def cpu(work: Callable[[], object], repeat: int = 3) -> float:
    """The least CPU time of ``repeat`` runs: the machine is shared, and the least is the least disturbed."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def series(title: str, sizes: list[int], make: Callable[[int], str], steps: dict[str, Callable[[str], object]]) -> None:
    print(f"\n{title}")
    base: dict[str, float] = {}
    first = 0
    for size in sizes:
        text = make(size)
        first = first or len(text)
        row = [f"{size:>9,}", f"{len(text):>11,} chars (×{len(text) / first:5.2f})"]
        for name, step in steps.items():
            seconds = cpu(lambda: step(text))  # noqa: B023 (called at once)
            base.setdefault(name, seconds)
            row.append(f"{name} {seconds:7.2f}s (×{seconds / base[name]:5.2f})")
        print("  ".join(row), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--layout", action="store_true", help="also check with every board laid out (slow)")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    fonts = resolve_fonts(mode="bundled")
    check_text(long_field("quoted", 10), "warm-up.yaml", fonts=fonts)  # font tables load once, outside the series
    steps: dict[str, Callable[[str], object]] = {
        "parse": lambda text: parse_yaml(text, "bench.yaml"),
        "check": lambda text: check_text(text, "bench.yaml", fonts=fonts),
    }
    if args.layout:
        steps["check+layout"] = lambda text: check_text(text, "bench.yaml", fonts=fonts, layout=True)
    lengths = [87_500, 350_000] if args.quick else [350_000, 1_400_000]
    for kind in ("quoted", "plain", "folded"):
        series(f"one field, {kind}", lengths, lambda n, kind=kind: long_field(kind, n), steps)  # type: ignore[misc]
    posts = [100, 200, 400] if args.quick else [500, 1_000, 2_000, 5_000]
    series("posts (tests/load/sites.py)", posts, big_site_text,
           {name: step for name, step in steps.items() if name != "check+layout"})
    hostile = {
        "flow list 1,": lambda n: "a: [" + "1," * (n // 2) + "1]\n",
        "block list -": lambda n: "a:\n" + "-\n" * (n // 2),
        "short keys": lambda n: "".join(f"k{i}: v\n" for i in range(n // 10)),
        "anchor on every node": lambda n: "a:\n" + "".join(f"- &a{i} x\n" for i in range(n // 12)),
    }
    for name, make in hostile.items():
        series(name, [MB // 4, MB] if not args.quick else [MB // 16, MB // 4], make, {"parse": steps["parse"]})


if __name__ == "__main__":
    main()
