"""The long fuzzing run, for before a release: ``python benchmarks/fuzz.py --minutes 30 [--seed N]``.

The suite runs one minute with a fixed seed (``tests/fuzz/test_fuzz.py``); this runs as
long as asked with a new seed each time (the time, unless ``--seed`` is given), and
keeps every input that broke a promise in ``--keep`` (default ``fuzz-findings/``) with
a ``failure.json`` saying what happened.  Prints the cases run per target, the exits,
the slowest case per command, the peak memory, and the failures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--keep", type=Path, default=ROOT / "fuzz-findings")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else int(time.time())
    done = subprocess.run([sys.executable, "-m", "tests.fuzz.driver", "--seconds", str(args.minutes * 60),
                           "--seed", str(seed), "--keep", str(args.keep)],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=False)
    if done.returncode != 0:
        print(done.stderr[-5000:])
        return done.returncode
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"seed {seed}, {args.minutes:g} min: cases {summary['cases']}")
    print(f"peak memory {summary['peak_mb']} MB")
    print("slowest case per command (s):", json.dumps(summary["slowest"], ensure_ascii=False))
    print("exit codes:", json.dumps(summary["exits"], ensure_ascii=False))
    for failure in summary["failures"]:
        print(f"FAILED {failure['target']} {failure['argv']}: {failure['problem'][:400]} -> {failure.get('kept')}")
    return 1 if summary["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
