"""Every 附表 of the examples, rasterised and compared pixel for pixel with committed references.

Zero tolerance: fonts are pinned (bundled mode), output is deterministic, and the
rasteriser (pypdfium2) and ReportLab versions are pinned in the test extras, so any
changed pixel is a real change.  After a deliberate change, regenerate with
``pytest tests/render/test_reference_images.py --update-refs`` and review the PNG diff before
committing; on a mismatch the actual image and a difference image are saved under
``tests/_failures/`` for a look.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from signkit.render.raster import rasterize
from tests.conftest import ROOT
from tests.refcompare import compare

REFS = ROOT / "tests" / "refimg"
FAILURES = ROOT / "tests" / "_failures"
#: Low resolution keeps the references small; about 300 px across a 1.2 m board.
PIXELS_ACROSS = 300


def _cases(out: Path) -> list[tuple[str, Path]]:
    import json

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return [(f"{e['folder']}/{f['file'].split('/')[-1]}", out / f["file"]) for e in manifest["enterprises"]
            for f in e["files"]]


def test_reference_images(rendered_examples: Any, request: pytest.FixtureRequest) -> None:
    out, _ = rendered_examples
    update = request.config.getoption("--update-refs")
    problems: list[str] = []
    seen: set[Path] = set()
    for name, pdf_path in _cases(out):
        pdf = pdf_path.read_bytes()
        from tests.pdfcheck import boxes_mm

        x0, _, x1, _ = boxes_mm(pdf)["trim"]
        dpi = PIXELS_ACROSS / ((x1 - x0) / 25.4)
        for page, image in enumerate(rasterize(pdf, dpi), start=1):
            ref = REFS / f"{name[:-4]}_p{page}.png"
            seen.add(ref)
            problem = compare(image, ref, update=update, label=f"{name} page {page}")
            if problem:
                problems.append(problem)
    if update:
        for stale in REFS.rglob("*.png"):
            if stale not in seen:
                stale.unlink()
        pytest.skip("reference images regenerated: review the diff before committing")
    stale = sorted(str(p.relative_to(ROOT)) for p in REFS.rglob("*.png") if p not in seen)
    assert not stale, f"reference images with no board: {stale}"
    assert not problems, "\n".join(problems)
