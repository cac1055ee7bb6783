"""Hostile workbooks and big rosters: seconds and peak memory, each in a fresh child process.

Run: ``python benchmarks/excel_hostile.py [--before DIR] [--only NAME ...] [--rows 1000,5000,20000,100000]``.
``--before DIR`` runs every case a second time against another source tree (e.g. ``git archive`` of an
earlier commit unpacked into DIR), in the same sitting, so that the two columns are comparable.  Each
figure is also given as a ratio to a baseline (an ordinary 2,000-row ledger read by the same tree), as
absolute times depend on the machine.  Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import functools
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.excel import hostile_files  # noqa: E402

#: Run in a grandchild, so that RUSAGE_CHILDREN of the child is that of this one case alone.
_CASE = """
import json, resource, subprocess, sys, time
code = sys.argv[1]
started = time.perf_counter()
done = subprocess.run([sys.executable, "-c", code, *sys.argv[2:]], capture_output=True, text=True)
seconds = time.perf_counter() - started
outcome = done.stdout.strip().splitlines()[-1:] or [done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""]
print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                  "exit": done.returncode, "outcome": outcome[0][:90]}))
"""
_LOAD = ("import sys; from signkit.excel.grid import load_book; b = load_book(sys.argv[1]); "
         "print(sorted({d.rule for d in b.diagnostics}) or 'read', len(b.grids))")
_CHECK = ("import sys; from signkit.cli import run; sys.argv = ['signkit', 'check', '-q', '--no-layout', sys.argv[1]]; run()")


def measure(tree: Path, code: str, *args: str) -> dict[str, object]:
    env_path = str(tree)
    done = subprocess.run([sys.executable, "-c", _CASE, code, *args], capture_output=True, text=True, check=True,
                          env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin", "HOME": str(Path.home())}, cwd=tree)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--before", type=Path, help="another source tree to measure in the same sitting")
    parser.add_argument("--only", nargs="*", default=[], help="case names to run (default: all)")
    parser.add_argument("--rows", default="1000,5000,20000,100000", help="roster sizes")
    parser.add_argument("--lying-mb", type=int, default=512, help="what the lying zip really inflates to")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="signkit-hostile-"))
    try:
        run(options, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(options: argparse.Namespace, work: Path) -> None:
    base = hostile_files.workbook(work / "baseline.xlsx", 2000, 10)
    cases: list[tuple[str, str, Callable[[], Path]]] = [
        ("baseline 2,000×10 ledger", _LOAD, lambda: base),
        ("damaged xlsx", _LOAD, lambda: hostile_files.damaged(work / "damaged.xlsx", base)),
        ("lying zip", _LOAD, lambda: hostile_files.lying(work / "lying.xlsx", hostile_files.workbook(
            work / "real.xlsx", options.lying_mb * 1024 * 1024 // (20 * 16), 20, numbered=False))),
        ("4 M cells", _LOAD, lambda: hostile_files.workbook(work / "cells.xlsx", 20_000, 200, numbered=False)),
    ]
    for rows in (int(n) for n in options.rows.split(",") if n):
        cases.append((f"roster CSV {rows:,} rows (check)", _CHECK,
                      functools.partial(hostile_files.roster_csv, work / f"roster{rows}.csv", rows)))
    trees = [("after", ROOT)] + ([("before", options.before.resolve())] if options.before else [])
    baselines: dict[str, float] = {}
    print(f"{'case':34} {'tree':7} {'seconds':>9} {'×base':>7} {'peak MB':>9} exit outcome")
    for name, code, build in cases:
        if options.only and not any(part in name for part in options.only) and not name.startswith("baseline"):
            continue
        path = build()
        for label, tree in trees:
            got = measure(tree, code, str(path))
            seconds = float(str(got["seconds"]))
            baselines.setdefault(label, seconds)
            print(f"{name:34} {label:7} {seconds:9.2f} {seconds / baselines[label]:7.1f} {float(str(got['peak_mb'])):9.0f} "
                  f"{got['exit']!s:>4} {got['outcome']}", flush=True)


if __name__ == "__main__":
    main()
