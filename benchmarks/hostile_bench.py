"""Hostile inputs (issue 14): peak memory and time of each reproducer, each in its own process.

Run: ``python benchmarks/hostile_bench.py`` (about a minute).  Every reproducer is a small
file generated on the spot (``tests/art/hostile.py``, ``tests/pdfkit/hostile.py``), read
in a fresh ``python`` by what would read it in use: ``python -m signkit preflight`` for a
PDF to check, the sign loader (and, for a bitmap, placing it on a 300 mm sign) for a
sign file.  Peak memory is the child's own maximum resident size (``os.wait4``), time
its wall clock and its CPU seconds (user + system, steadier than the wall clock on a
busy machine), interpreter start included; the two ``baseline-`` rows show what a
harmless file costs, for scale.

``--save FILE`` writes the figures as JSON; ``--compare FILE`` prints them next to an
earlier run with the ratios (e.g. figures taken on the code before the budgets, with
``--signkit-root`` pointing at an unpacked copy of it).  ``--limit-mb`` caps each child's
address space (default 8 GB) so that a reproducer which still explodes stops with
MemoryError instead of taking the machine down; such a run is shown as ``CAPPED``, one
stopped at ``--timeout`` as ``TIMEOUT`` (their "before" figures are lower bounds, ``≥``).
Figures are printed, nothing is asserted.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.art import hostile as signs  # noqa: E402
from tests.pdfkit import hostile as pdfs  # noqa: E402
from tests.pdfkit.hostile import SIGN_DRIVER, measured  # noqa: E402

#: name → (what it is, file suffix, how to build it, how it is read: "sign" or "preflight").
Case = tuple[str, str, Callable[[], bytes], str]
CASES: dict[str, Case] = {
    "baseline-sign": ("a good 400 × 536 PNG sign, placed (for scale)", ".png",
                      lambda: signs.png(400, 536, colour_type=2, bit_depth=8), "sign"),
    "baseline-preflight": ("preflight of a good one-page PDF (for scale)", ".pdf", lambda: pdfs.page_pdf(pdfs.SQUARE),
                           "preflight"),
    "svg-palette-pngs": ("188 KB SVG, 17 embedded 8000² palette PNGs", ".svg", signs.svg_with_palette_pngs, "sign"),
    "png-1bit-7070": ("6 KB 1-bit PNG, 7070 × 7070, placed", ".png", lambda: signs.png(7070, 7070, colour_type=0), "sign"),
    "png-rgba-4000": ("RGBA PNG 4000 × 4000, placed", ".png", lambda: signs.png(4000, 4000, colour_type=6, bit_depth=8),
                      "sign"),
    "jpeg-lying-header": ("JPEG claiming 60000 × 60000", ".jpg", lambda: signs.jpeg_claiming(60000, 60000), "sign"),
    "jpeg-many-scans": ("progressive JPEG, 5,000 scans", ".jpg", signs.jpeg_many_scans, "sign"),
    "tiff-as-png": ("TIFF renamed .png", ".png", lambda: signs.other_format("TIFF"), "sign"),
    "svg-1e6-elements": ("SVG with 10^6 rectangles", ".svg", signs.svg_many_elements, "sign"),
    "svg-10000-deep": ("SVG nested 10,000 groups deep", ".svg", signs.svg_deep, "sign"),
    "svg-50mb-path": ("SVG with 50 MB of path data", ".svg", signs.svg_long_path, "sign"),
    "svg-huge-viewbox": ("SVG viewBox 1e308", ".svg", lambda: signs.svg_view_box("0 0 1e308 1e308", ""), "sign"),
    "pdf-sign-fanout": ("PDF sign, forms 2^15 fan-out", ".pdf", lambda: pdfs.form_fanout(15), "sign"),
    "pdf-sign-operators-2mb": ("PDF sign, 1.8 MB of q Q", ".pdf", lambda: pdfs.operator_bomb(0.9), "sign"),
    "pdf-sign-flate": ("PDF sign, Flate×2 bomb (4 GB)", ".pdf", pdfs.flate_bomb, "sign"),
    "pdf-sign-operators": ("PDF sign, 20 M operators", ".pdf", pdfs.operator_bomb, "sign"),
    "preflight-fanout": ("preflight, forms 2^30 fan-out", ".pdf", lambda: pdfs.form_fanout(30), "preflight"),
    "preflight-flate": ("preflight, Flate×2 bomb (4 GB)", ".pdf", pdfs.flate_bomb, "preflight"),
    "preflight-flate-400mb": ("preflight, 400 KB Flate → 400 MB", ".pdf", pdfs.single_flate_bomb, "preflight"),
    "preflight-operators": ("preflight, 20 M operators (q Q)", ".pdf", pdfs.operator_bomb, "preflight"),
    "preflight-path-ops": ("preflight, 20 M path operators", ".pdf", lambda: pdfs.operator_bomb(20, b"0 0 m"),
                           "preflight"),
    "preflight-100k-pages": ("preflight, 100,000 pages", ".pdf", pdfs.many_pages, "preflight"),
    "preflight-shared-tree": ("preflight, 10^5 pages from one shared node", ".pdf", pdfs.shared_page_tree, "preflight"),
    "preflight-objstm": ("preflight, object stream of 500,000 objects", ".pdf",
                         lambda: pdfs.huge_object_stream(0.5), "preflight"),
    "preflight-broken-xref": ("preflight, no xref, 200,000 objects", ".pdf", pdfs.broken_xref, "preflight"),
    "preflight-huge-image": ("preflight, image 100,000 × 100,000", ".pdf", pdfs.huge_image, "preflight"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cases", nargs="*", help=f"which reproducers (default: all): {', '.join(CASES)}")
    parser.add_argument("--signkit-root", type=Path, default=ROOT, help="the signkit source tree the children import")
    parser.add_argument("--limit-mb", type=int, default=8192, help="address-space cap of each child (MB)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a child is stopped")
    parser.add_argument("--save", type=Path, help="write the figures as JSON")
    parser.add_argument("--compare", type=Path, help="an earlier --save file to print ratios against")
    args = parser.parse_args()
    wanted = args.cases or list(CASES)
    earlier = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else {}
    results: dict[str, dict[str, object]] = {}
    print(f"{'reproducer':24} {'file':>9} {'peak MB':>8} {'seconds':>8} {'cpu s':>6}  " +
          (f"{'before MB':>9} {'cpu s':>6} {'MB ×':>6} {'cpu ×':>6}  " if earlier else "") + "outcome")
    with tempfile.TemporaryDirectory() as folder:
        for name in wanted:
            _what, suffix, build, how = CASES[name]
            path = Path(folder) / f"{name}{suffix}"
            path.write_bytes(build())
            command = ["-c", SIGN_DRIVER, str(path)] if how == "sign" else ["-m", "signkit", "preflight", str(path)]
            cost = measured(command, root=args.signkit_root.resolve(), timeout=args.timeout, limit_mb=args.limit_mb)
            lines = [line for line in cost.output.strip().splitlines() if line.strip()]
            capped = any(word in cost.output for word in ("MemoryError", "bad_alloc", "Cannot allocate"))
            result = {**dataclasses.asdict(cost), "capped": capped, "said": (lines[-1] if lines else "")[:160],
                      "bytes": path.stat().st_size}
            del result["output"]
            results[name] = result
            outcome = ("TIMEOUT " if cost.timed_out else "") + ("CAPPED " if capped else "") + str(result["said"])
            line = (f"{name:24} {_size(path.stat().st_size):>9} {result['mb']:8.0f} {result['seconds']:8.2f} "
                    f"{result['cpu']:6.2f}  ")
            if earlier:
                before = earlier.get(name)
                if before:
                    mark = "≥" if before["timed_out"] or before["capped"] else " "
                    line += (f"{mark}{before['mb']:8.0f} {before['cpu']:6.2f} {before['mb'] / result['mb']:6.1f} "
                             f"{before['cpu'] / result['cpu']:6.1f}  ")
                else:
                    line += " " * 31
            print(line + outcome, flush=True)
            path.unlink()
    if args.save:
        args.save.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


def _size(count: int) -> str:
    return f"{count / 1024:.0f} KB" if count < 1024 * 1024 else f"{count / 1024 / 1024:.1f} MB"


if __name__ == "__main__":
    main()
