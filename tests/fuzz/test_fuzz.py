"""The fuzzing run in the suite: about a minute of generated and mutated inputs, every promise checked.

The run happens in a subprocess (:mod:`tests.fuzz.driver`) so that its peak memory is its
own: the promise is that no hostile input costs more than :data:`PEAK_MB`.  The same
seed every time, so the suite cannot turn red by chance; a longer run with new seeds is
``python benchmarks/fuzz.py --minutes 30`` (before a release).  ``SIGNKIT_FUZZ_SECONDS``
changes this run's length.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

#: The memory promise of docs/security.md for any one input (the driver runs them all in one process).
PEAK_MB = 500
SECONDS = float(os.environ.get("SIGNKIT_FUZZ_SECONDS", "60"))


def test_no_input_breaks_a_promise(tmp_path: Path) -> None:
    keep = tmp_path / "kept"
    done = subprocess.run([sys.executable, "-m", "tests.fuzz.driver", "--seconds", str(SECONDS), "--keep", str(keep)],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8", check=False,
                          timeout=SECONDS * 4 + 300)
    assert done.returncode == 0, done.stderr[-3000:]
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    failures = [f"{f['target']} {' '.join(f['argv'][:2])}: {f['problem'][:600]}\n{f['output'][-600:]}"
                for f in summary["failures"]]
    assert not failures, "\n\n".join(failures)
    assert summary["peak_mb"] < PEAK_MB, summary
    # every target really ran, and the commands were not all refused at the door
    assert {target: count > 0 for target, count in summary["cases"].items()} == dict.fromkeys(
        ("site", "workbook", "csv", "preflight", "sign"), True), summary["cases"]
    exits = summary["exits"]
    assert any(key.startswith("site:check:0") or key.startswith("site:check:1") for key in exits), exits
    assert any(key.startswith("preflight:preflight:") for key in exits), exits
