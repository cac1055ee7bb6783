"""Rendering site files to an output folder, as one library call the CLI and tests share.

Order of work, so that a failure never leaves a partial or inconsistent set behind:
check every file (with glyph coverage) → build every board in memory → only then write
each enterprise's folder (atomic files, manifest last) and the top-level manifest.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from signkit import __version__
from signkit.build import BuildResult, FitMode, Producer, build_site, cli_size_diagnostics
from signkit.check import FileReport, check_path
from signkit.diagnostics import Diagnostic
from signkit.fonts import FontSet
from signkit.load.source import DEFAULT_MAX_BYTES
from signkit.output import atomic_write_text
from signkit.print_order import OrderRow, order_board, order_csv, order_rows
from signkit.publish import WrittenFile, publish

ORDER_CSV = "印刷清单.csv"
ORDER_PDF = "印刷清单.pdf"


@dataclass
class RenderOutcome:
    reports: list[FileReport] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)  # build-stage problems (SK5xx)
    written: list[WrittenFile] = field(default_factory=list)
    folders: list[Path] = field(default_factory=list)
    usage_error: bool = False

    @property
    def ok(self) -> bool:
        return not self.usage_error and all(r.ok() for r in self.reports) and not any(
            d.is_error for d in self.diagnostics)


@dataclass(frozen=True)
class ExtraOptions:
    """Print-shop companions to make beside the print files (sheet names, or ``None`` for none)."""

    proof: str | None = None
    tile: str | None = None
    impose: str | None = None
    overlap: float = 10.0
    card_bleed: float = 3.0


def make_extras(result: BuildResult, fonts: FontSet, options: ExtraOptions) -> list[tuple[str, str, bytes]]:
    """Proofs (one file per enterprise), tiles (one file per board), the imposed card sheets."""
    from signkit.printshop import impose_cards, proofs_pdf, tile_pdf
    from signkit.publish import board_filename

    out: list[tuple[str, str, bytes]] = []
    if options.proof:
        out.append((f"样稿_{options.proof}.pdf", f"样稿 {options.proof}",
                    proofs_pdf([b.board for b in result.boards], fonts, options.proof)))
    if options.tile:
        for built in result.boards:
            stem = board_filename(built)[:-4]
            out.append((f"分块/{stem}_{options.tile}分块.pdf", f"分块 {options.tile}",
                        tile_pdf(built.board, fonts, options.tile, options.overlap)))
    cards = [(b.board, b.copies) for b in result.boards if b.planned.form_id == "2-5"]
    if options.impose and cards:
        out.append((f"2-5_岗位风险告知卡_拼版_{options.impose}.pdf", f"拼版 {options.impose}",
                    impose_cards(cards, fonts, options.impose, bleed=options.card_bleed)))
    return out


def write_order(rows: list[OrderRow], outdir: Path, fonts: FontSet, outcome: RenderOutcome) -> None:
    """印刷清单.csv and 印刷清单.pdf at the top of ``outdir``."""
    from signkit.diagnostics import Location, Severity
    from signkit.output import atomic_write_bytes
    from signkit.render.pdf import PrintSpec, render_pdf

    atomic_write_bytes(outdir / ORDER_CSV, order_csv(rows))
    board, misfits = order_board(rows, fonts)
    atomic_write_bytes(outdir / ORDER_PDF, render_pdf(board, fonts, spec=PrintSpec(pdfx=False)))
    if misfits:
        outcome.diagnostics.append(Diagnostic(
            "SK503", Severity.WARNING, f"印刷清单 PDF 中有 {misfits} 个格子的文字放不下，已留空；完整内容见 {ORDER_CSV}",
            Location(str(outdir / ORDER_PDF))))


def render_files(files: Sequence[str], outdir: Path, fonts: FontSet, *, fit: FitMode = "fail",
                 producer: Producer | None = None, sizes: Mapping[str, str] | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES, strict: bool = False, bleed: float | None = None,
                 marks: bool | None = None, extras: ExtraOptions | None = None) -> RenderOutcome:
    """Check, build and (only if everything succeeded) write the boards of ``files`` into ``outdir``."""
    outcome = RenderOutcome()
    size_problems = cli_size_diagnostics(sizes or {})
    if size_problems:
        outcome.diagnostics.extend(size_problems)
        outcome.usage_error = True
        return outcome
    outcome.reports = [check_path(name, max_bytes=max_bytes, fonts=fonts) for name in files]
    if any(r.unreadable for r in outcome.reports):
        outcome.usage_error = True
        return outcome
    if not all(r.ok(strict) for r in outcome.reports):
        return outcome
    built: list[tuple[FileReport, BuildResult]] = []
    for report in outcome.reports:
        assert report.site is not None and report.source is not None
        result = build_site(report.site, report.source, fonts, fit=fit, producer=producer, sizes=sizes,
                            bleed=bleed, marks=marks)
        outcome.diagnostics.extend(result.diagnostics)
        built.append((report, result))
    if not all(result.ok for _, result in built):
        return outcome
    index: list[dict[str, Any]] = []
    rows: list[OrderRow] = []
    for report, result in built:
        assert report.site is not None
        site = report.site
        folder, written = publish(result, outdir, folder=site.enterprise.name, site_file=report.file,
                                  enterprise=site.enterprise.name, revised=site.enterprise.revised.isoformat(),
                                  extras=make_extras(result, fonts, extras) if extras else ())
        outcome.folders.append(folder)
        outcome.written.extend(written)
        rows.extend(order_rows(site.enterprise.name, written, f"{folder.relative_to(outdir).as_posix()}/"))
        index.append({"enterprise": site.enterprise.name, "site_file": report.file,
                      "folder": folder.relative_to(outdir).as_posix(),
                      "files": [w.manifest_entry(outdir) for w in written]})
    write_order(rows, outdir, fonts, outcome)
    top = {"signkit": __version__, "enterprises": index, "print_order": [ORDER_CSV, ORDER_PDF]}
    atomic_write_text(outdir / "manifest.json", json.dumps(top, ensure_ascii=False, indent=2) + "\n")
    return outcome
