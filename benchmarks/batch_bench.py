"""Benchmark batch rendering of a synthetic park: -j 1 vs -j 2, reruns, and memory as the park grows.

Run: ``python benchmarks/batch_bench.py`` (a few minutes on two cores; ``--sizes 50 200 500`` for the
memory series, ``--plan 1000`` for planning alone).  Each scenario runs in a fresh
``signkit`` process so peak memory (the process and its workers) is measured per scenario.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import copy
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from signkit.load.yaml_tree import parse_yaml  # noqa: E402


def make_park(folder: Path, count: int) -> list[Path]:
    """``count`` enterprises alternating between the two examples, distinct names (about 18 boards each)."""
    folder.mkdir(parents=True, exist_ok=True)
    bases = [parse_yaml((ROOT / "examples" / n).read_text(encoding="utf-8"), n).data
             for n in ("chemical-plant.yaml", "small-enterprise.yaml")]
    paths = []
    for index in range(count):
        data = copy.deepcopy(bases[index % 2])
        data["企业"]["企业名称"] = f"{data['企业']['企业名称'][:-4]}{index:04d}分公司"
        path = folder / f"site-{index:04d}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        paths.append(path)
    return paths


def run(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB, largest of the process and its workers) of one signkit command."""
    code = ("import resource, sys; from signkit.cli import main; rc = main(sys.argv[1:]); "
            "print('PEAK', max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
            "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss), file=sys.stderr); sys.exit(rc)")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, encoding="utf-8",
                            check=False)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(result.stdout[-2000:] + result.stderr[-2000:])
    peak = next(int(line.split()[1]) for line in result.stderr.splitlines() if line.startswith("PEAK")) / 1024
    return elapsed, peak


def boards(out: Path) -> int:
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return sum(len(e["files"]) for e in manifest["enterprises"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--enterprises", type=int, default=50)
    parser.add_argument("--sizes", type=int, nargs="*", default=[50, 200])
    parser.add_argument("--plan", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        sites = make_park(base / "park", args.enterprises)
        common = ["--fonts", "bundled", "--max-bytes", "1000000"]
        one_time, one_peak = run(["render", str(base / "park"), "-o", str(base / "out1"), "-j", "1", *common])
        count = boards(base / "out1")
        two_time, two_peak = run(["render", str(base / "park"), "-o", str(base / "out2"), "-j", "2", *common])
        print(f"{args.enterprises} enterprises, {count} boards: -j 1 {one_time:.1f} s ({count / one_time:.1f} boards/s, "
              f"peak {one_peak:.0f} MiB); -j 2 {two_time:.1f} s ({count / two_time:.1f} boards/s, peak {two_peak:.0f} MiB); "
              f"speed-up {one_time / two_time:.2f}×")
        same_time, _ = run(["render", str(base / "park"), "-o", str(base / "out2"), "-j", "2", *common])
        print(f"rerun, nothing changed: {same_time:.2f} s ({same_time / two_time:.0%} of the full run)")
        text = sites[0].read_text(encoding="utf-8").replace("高卫东", "高卫国")
        sites[0].write_text(text, encoding="utf-8")
        change_time, _ = run(["render", str(base / "park"), "-o", str(base / "out2"), "-j", "2", *common])
        print(f"rerun, one leader renamed in one enterprise: {change_time:.2f} s")
        for size in args.sizes:
            folder = base / f"park{size}"
            make_park(folder, size)
            elapsed, peak = run(["render", str(folder), "-o", str(base / f"o{size}"), "-j", "2", *common])
            print(f"render {size} enterprises (-j 2): {elapsed:.1f} s, peak RSS {peak:.0f} MiB")
            shutil.rmtree(base / f"o{size}")
            shutil.rmtree(folder)
        folder = base / f"plan{args.plan}"
        make_park(folder, args.plan)
        elapsed, peak = run(["check", str(folder), "-q", "--no-layout", *common[:2]])
        print(f"plan (check, no layout) {args.plan} enterprises: {elapsed:.1f} s, peak RSS {peak:.0f} MiB")


if __name__ == "__main__":
    main()
