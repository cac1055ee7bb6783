"""Benchmark rendering: a synthetic batch of enterprises, against a bare-ReportLab baseline.

Run: ``python benchmarks/render_bench.py [--enterprises 50]``.  Prints boards per second,
seconds to the first PDF, bytes per board and peak memory, and the same 2-1-2 board
drawn with bare ReportLab canvas calls (no validation, no layout engine) in the same
run, so the overhead ratio is measured, not guessed.  Asserts nothing.  ``ratio_bench.py``
compares every board kind, interleaved, against a replay of the board's own marks.
"""

from __future__ import annotations

import argparse
import copy
import resource
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.compare import hand_coded_2_1_2  # noqa: E402
from signkit.fonts import resolve_fonts  # noqa: E402
from signkit.load.yaml_tree import parse_yaml  # noqa: E402
from signkit.pipeline.check import check_text  # noqa: E402


def synthetic_sites(count: int, folder: Path) -> list[Path]:
    """``count`` variants of the examples (about 20 boards each), written as site files."""
    paths = []
    for name in ("chemical-plant.yaml", "small-enterprise.yaml"):
        base = parse_yaml((ROOT / "examples" / name).read_text(encoding="utf-8"), name).data
        for index in range(count // 2 + count % 2 * (name == "chemical-plant.yaml")):
            data = copy.deepcopy(base)
            data["企业"]["企业名称"] = f"{base['企业']['企业名称'][:-4]}{index:03d}分公司"
            path = folder / f"{name[:-5]}-{index:03d}.yaml"
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
            paths.append(path)
    return paths[:count]


def baseline_2_1_2(repeat: int) -> float:
    """Seconds per board for a hand-coded 2-1-2: fixed grid, fixed sizes, no checks (compare.hand_coded_2_1_2)."""
    report = check_text((ROOT / "examples" / "small-enterprise.yaml").read_text(encoding="utf-8"), "x")
    assert report.site is not None
    draw = hand_coded_2_1_2(report.site, resolve_fonts(mode="bundled"))
    start = time.perf_counter()
    for _ in range(repeat):
        draw()
    return (time.perf_counter() - start) / repeat


def signkit_2_1_2(repeat: int) -> float:
    """Seconds per board for signkit's whole pipeline (check, plan, layout, render) on the same 2-1-2."""
    from signkit.pipeline.build import build_site
    from signkit.pipeline.options import RenderOptions

    fonts = resolve_fonts(mode="bundled")
    text = (ROOT / "examples" / "small-enterprise.yaml").read_text(encoding="utf-8")
    start = time.perf_counter()
    for _ in range(repeat):
        report = check_text(text, "x", fonts=fonts)
        assert report.site is not None and report.source is not None
        result = build_site(report.site, report.source, fonts, RenderOptions(producer="政府"))
        assert result.ok and len(result.boards) == 1
    return (time.perf_counter() - start) / repeat


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--enterprises", type=int, default=50)
    args = parser.parse_args()
    from signkit.pipeline.render_files import render_files

    fonts = resolve_fonts(mode="bundled")
    # warm the font caches once, as a long-running batch would be
    signkit_2_1_2(1)
    baseline_2_1_2(1)
    repeat = 20
    base = baseline_2_1_2(repeat)
    ours = signkit_2_1_2(repeat)
    print(f"2-1-2 board: bare ReportLab {base * 1000:.1f} ms, signkit pipeline {ours * 1000:.1f} ms "
          f"(ratio {ours / base:.2f}×)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sites = synthetic_sites(args.enterprises, folder)
        start = time.perf_counter()
        first = render_files([str(sites[0])], folder / "first", fonts)
        to_first = time.perf_counter() - start
        assert first.ok
        start = time.perf_counter()
        outcome = render_files([str(p) for p in sites], folder / "out", fonts)
        elapsed = time.perf_counter() - start
        assert outcome.ok, [d.render() for d in outcome.diagnostics][:3]
        boards = len(outcome.written)
        size = sum(w.path.stat().st_size for w in outcome.written)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(sites)} enterprises, {boards} board files in {elapsed:.1f} s: {boards / elapsed:.1f} boards/s; "
          f"first enterprise's set in {to_first:.2f} s")
    print(f"average file size {size / boards / 1024:.0f} KiB; peak RSS {peak:.0f} MiB")


if __name__ == "__main__":
    main()
