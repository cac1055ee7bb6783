"""Cold runs as a user sees them: one board, one enterprise, a preview — each a whole ``signkit`` process (issue 17).

Run: ``python benchmarks/cold_bench.py [--runs 7] [--quick]``.  Each scenario starts a fresh
``python -m signkit`` process into a fresh output folder (nothing to reuse), runs to exit, and is
repeated ``--runs`` times, the scenarios taking turns (one board, enterprise, preview, one board,
…) so that a busy moment on the machine does not land on one of them only.  Printed: the median
wall seconds with the minimum and maximum, the median CPU seconds of the process tree (user +
system, the workers included), and the target of issue 17 with PASS / MISS (judged on the median):

* one board — ``render small-enterprise.yaml --producer 政府``: its single 2-1-2 (≤ 0.5 s);
* one enterprise — ``render chemical-plant.yaml``: 19 boards at the default ``-j`` (≤ 1.0 s);
* preview — ``preview chemical-plant.yaml``: 19 PNGs 1,200 px wide, per board (≤ 0.08 s);

and, for scale, the floor every process pays: ``python -c pass`` and ``signkit --version``.  Then,
in this process and warm, a preview's time per board split into build (layout and PDF),
rasterising the PDF and encoding the PNG, to show where the per-board figure goes.  Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.batch_bench import Report, Run, run  # noqa: E402
from signkit.fonts import resolve_fonts  # noqa: E402
from signkit.pipeline.build import build_site  # noqa: E402
from signkit.pipeline.check import check_text  # noqa: E402
from signkit.render.raster import png_bytes, rasterize  # noqa: E402

SMALL = str(ROOT / "examples" / "small-enterprise.yaml")
CHEMICAL = str(ROOT / "examples" / "chemical-plant.yaml")
PREVIEW_BOARDS = 19  # chemical-plant.yaml's boards


def _floor(args: list[str], runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of a trivial process (no memory sampling: it would add its own delay)."""
    walls, cpus = [], []
    for _ in range(runs):
        before = os.times()
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        walls.append(time.perf_counter() - start)
        after = os.times()
        cpus.append(after.children_user + after.children_system - before.children_user - before.children_system)
    return statistics.median(walls), statistics.median(cpus)


def _spread(runs: list[Run], per: int = 1) -> str:
    walls = [r.seconds / per for r in runs]
    cpu = statistics.median(r.cpu / per for r in runs)
    return (f"{statistics.median(walls):.3f} s (min {min(walls):.3f}, max {max(walls):.3f}), "
            f"CPU {cpu:.3f} s, peak {max(r.pss_sum for r in runs):.0f} MiB PSS")


def warm_preview(rounds: int) -> None:
    """Per board, in this process with warm caches: build, rasterise, PNG (the parts of ``preview``)."""
    fonts = resolve_fonts(mode="bundled")
    report = check_text(Path(CHEMICAL).read_text(encoding="utf-8"), "chemical-plant.yaml", fonts=fonts)
    assert report.site is not None and report.source is not None
    build_site(report.site, report.source, fonts)  # warm-up
    build = raster = png = 0.0
    boards = 0
    for _ in range(rounds):
        start = time.process_time()
        result = build_site(report.site, report.source, fonts)
        build += time.process_time() - start
        for built in result.boards:
            start = time.process_time()
            images = rasterize(built.pdf, 1200 / (built.width / 25.4))
            middle = time.process_time()
            for image in images:
                png_bytes(image)
            raster += middle - start
            png += time.process_time() - middle
            boards += 1
    total = (build + raster + png) / boards
    print(f"  warm, in process, per board (CPU): {total * 1000:.0f} ms = build {build / boards * 1000:.0f} ms "
          f"+ rasterise {raster / boards * 1000:.0f} ms + PNG {png / boards * 1000:.0f} ms "
          f"({png / boards / total:.0%} in PNG encoding)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="runs of each scenario (default 7)")
    parser.add_argument("--quick", action="store_true", help="3 runs, one warm preview round")
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    print(f"{runs} runs of each, taking turns; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; "
          "fonts: bundled", flush=True)
    report = Report()
    python = _floor([sys.executable, "-c", "pass"], runs)
    version = _floor([sys.executable, "-m", "signkit", "--version"], runs)
    report.add("floor: python -c pass", f"{python[0]:.3f} s, CPU {python[1]:.3f} s")
    report.add("floor: signkit --version", f"{version[0]:.3f} s, CPU {version[1]:.3f} s")
    one: list[Run] = []
    enterprise: list[Run] = []
    preview: list[Run] = []
    common = ["--fonts", "bundled"]
    with tempfile.TemporaryDirectory(prefix="signkit-cold-") as tmp:
        for index in range(runs):
            out = Path(tmp) / str(index)
            one.append(run(["render", SMALL, "-o", str(out / "one"), "--producer", "政府", *common]))
            enterprise.append(run(["render", CHEMICAL, "-o", str(out / "enterprise"), *common]))
            preview.append(run(["preview", CHEMICAL, "-o", str(out / "preview"), *common]))
    median = statistics.median
    report.add("cold, one board (2-1-2)", _spread(one), "≤ 0.5 s", median(r.seconds for r in one) <= 0.5)
    report.add("cold, one enterprise (19 boards)", _spread(enterprise), "≤ 1.0 s",
               median(r.seconds for r in enterprise) <= 1.0)
    report.add("preview, whole process ÷ 19 boards", _spread(preview, PREVIEW_BOARDS), "≤ 0.08 s",
               median(r.seconds for r in preview) / PREVIEW_BOARDS <= 0.08)
    warm_preview(1 if args.quick else 3)
    print()
    print(report.table())


if __name__ == "__main__":
    main()
