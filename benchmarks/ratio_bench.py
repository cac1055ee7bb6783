"""Per board, signkit against bare ReportLab in the same process, interleaved (issue 17, item 2).

Run: ``python benchmarks/ratio_bench.py [--rounds 15] [--quick] [--kinds 2-2 2-4]``.  For each board
kind (2-1-1, 2-1-2, 2-2, 2-3, 2-4, 2-5, 2-6, 2-7; the first board of that kind in the examples):

* **A, bare ReportLab**: the board's own marks replayed with canvas calls only — gradient, grid,
  every text run in the two embedded CJK fonts — compressed, fonts subset, written to bytes
  (``compare.bare_pdf``; the marks are prepared once, untimed);
* **B, signkit's library path**: ``build_site`` for that one board — plan, size, lay out, fit,
  draw, content and build hashes, render to PDF bytes with the PDF/X keys.  The site file is
  checked (parse, validate, rules, glyph coverage) once before the loop: that cost is per site
  file, not per board, and is printed on its own line.  Nothing is written to disk on either side.

A and B run in turn (A B, B A, A B …) for ``--rounds`` rounds after one warm-up each; the table
gives the median ms of each side, the median of the per-round ratios B/A with their interquartile
range, the same ratio on CPU time (``time.process_time``: steadier when other work shares the cores),
and the target of issue 17 (≤ 1.5×) with PASS / MISS, judged on the CPU ratio's median.  The PDF's
size is set beside its target (≤ 60 kB for 2-1-x and 2-4).  A last row repeats 2-1-2 against the
hand-coded baseline of ``render_bench.py`` (issue 17's first table; a fixed grid with fewer marks).
WeasyPrint and LibreOffice are measured only where installed (``--others``).  Asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.compare import (  # noqa: E402
    KINDS,
    Checked,
    Ratio,
    bare_builder,
    board_builder,
    built_board,
    checked,
    cpu_ratio,
    hand_coded_2_1_2,
    interleave,
    wall_ratio,
)
from signkit.fonts import resolve_fonts  # noqa: E402
from signkit.plan.boards import plan_boards  # noqa: E402

TARGET = 1.5  # issue 17: per board within 1.5× of bare ReportLab
SIZE_TARGET = 60 * 1000  # bytes, for 2-1-x and 2-4
SIZED = ("2-1-1", "2-1-2", "2-4")


def _row(label: str, wall: Ratio, cpu: Ratio, size: int, bare_size: int, form_id: str) -> str:
    verdict = "PASS" if cpu.median <= TARGET else "MISS"
    size_cell = f"{size / 1000:6.1f} kB (bare {bare_size / 1000:5.1f})"
    if form_id in SIZED:
        size_cell += " ≤ 60: " + ("PASS" if size <= SIZE_TARGET else "MISS")
    return (f"{label:<16} {wall.a * 1000:7.1f} {wall.b * 1000:8.1f}   {wall.median:5.2f}× [{wall.low:4.2f}–{wall.high:4.2f}]"
            f"   {cpu.median:5.2f}× [{cpu.low:4.2f}–{cpu.high:4.2f}]   ≤ {TARGET}×: {verdict}   {size_cell}")


HEADER = (f"{'board':<16} {'bare ms':>7} {'signkit':>8}   {'wall B/A [IQR]':<20}   {'CPU B/A [IQR]':<20}   "
          f"{'target':<13}   PDF size")


def others(board_kind: str, rounds: int) -> None:
    """WeasyPrint (HTML → PDF) and LibreOffice headless, only where installed; a note otherwise."""
    if importlib.util.find_spec("weasyprint") is None:
        print("  WeasyPrint: not installed, skipped (pip install weasyprint to compare)")
    else:
        import weasyprint  # type: ignore[import-not-found]

        cells = "".join(f"<td>单元格{i}</td>" + ("</tr><tr>" if i % 6 == 5 else "") for i in range(54))
        html = ("<html><body style='width:1200mm;height:800mm;background:linear-gradient(#8cd,#fff)'>"
                f"<h1>安全生产监督管理责任牌</h1><table border=1><tr>{cells}</tr></table></body></html>")
        start = time.process_time()
        for _ in range(rounds):
            weasyprint.HTML(string=html).write_pdf(io.BytesIO())
        print(f"  WeasyPrint, a {board_kind}-like table page: {(time.process_time() - start) / rounds * 1000:.1f} ms CPU")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("  LibreOffice: not installed, skipped")
        return
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "board.html"
        source.write_text("<h1>安全生产监督管理责任牌</h1>", encoding="utf-8")
        start = time.perf_counter()
        for _ in range(rounds):
            subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(source)],
                           check=True, capture_output=True)
        print(f"  LibreOffice headless, one page per process: {(time.perf_counter() - start) / rounds * 1000:.0f} ms wall")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=15, help="interleaved rounds per board kind (default 15)")
    parser.add_argument("--kinds", nargs="+", default=[kind for kind, _ in KINDS], help="board kinds to measure")
    parser.add_argument("--quick", action="store_true", help="5 rounds: a check that the script works")
    parser.add_argument("--others", action="store_true", help="also WeasyPrint and LibreOffice, where installed")
    args = parser.parse_args()
    rounds = 5 if args.quick else args.rounds
    fonts = resolve_fonts(mode="bundled")
    print(f"{rounds} interleaved rounds per kind, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; "
          "fonts: bundled (WenQuanYi Micro Hei title, LXGW WenKai body)")
    print("A = bare ReportLab replaying the board's marks; B = signkit build_site for that one board "
          "(check done once outside the loop)\n")
    print(HEADER)
    print("-" * len(HEADER))
    sites: dict[str, Checked] = {}
    cpu_ratios = []
    for kind, name in KINDS:
        if kind not in args.kinds:
            continue
        site = sites.get(name) or sites.setdefault(name, checked(name, fonts))
        bare = bare_builder(built_board(site, kind, fonts), fonts)
        ours = board_builder(site, kind, fonts)
        size, bare_size = len(ours()), len(bare())
        rounds_ = interleave(bare, ours, rounds)
        cpu = cpu_ratio(rounds_)
        cpu_ratios.append(cpu.median)
        print(_row(kind, wall_ratio(rounds_), cpu, size, bare_size, kind), flush=True)
    if "2-1-2" in args.kinds:
        site = sites.get("small-enterprise.yaml") or checked("small-enterprise.yaml", fonts)
        hand = hand_coded_2_1_2(site.site, fonts)
        ours = board_builder(site, "2-1-2", fonts)
        rounds_ = interleave(hand, ours, rounds)
        print(_row("2-1-2 hand-coded", wall_ratio(rounds_), cpu_ratio(rounds_), len(ours()), len(hand()), "-"))
    print()
    if cpu_ratios:
        worst = max(cpu_ratios)
        print(f"worst kind {worst:.2f}× CPU (target ≤ {TARGET}×: {'PASS' if worst <= TARGET else 'MISS'})")
    for name, site in sites.items():
        boards = len(plan_boards(site.site))
        print(f"check of {name} (once per site file, not in B): {site.check_seconds * 1000:.1f} ms CPU, "
              f"{site.check_seconds * 1000 / boards:.1f} ms per board over its {boards} boards")
    if args.others:
        others("2-1-2", max(3, rounds // 3))
    else:
        print("WeasyPrint / LibreOffice: not measured (--others measures them where installed)")


if __name__ == "__main__":
    main()
