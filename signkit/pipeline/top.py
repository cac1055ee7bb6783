"""OUTDIR's own files — ``manifest.json`` and 印刷清单.csv/.pdf — never wrong about the disk, whenever a run stops.

Each enterprise folder is written by :func:`signkit.output.publish.publish` in a
crash-safe order (interim manifest, files, final manifest).  The files at the top of
OUTDIR describe every folder, so they follow the same protocol around the whole run:

1. :func:`begin_top` (under the output lock, before any enterprise is written): the
   top manifest is rewritten as *interim* — ``complete: false``, the index of which
   site file wrote which folder kept (carrying enterprises over and finding a site's
   earlier folder still work) but no file hashes — and 印刷清单.csv/.pdf are moved aside
   to hidden names.  A print shop reading OUTDIR mid-run finds a manifest that says a
   run is under way and no print order, never the hashes of files being replaced.
2. The enterprises are written.
3. :func:`finish_top`: the print order is moved back if it would come out the same and
   is intact (no second of PDF rendering for an unchanged list), else written anew;
   then 重印清单.csv (this run's reprint list; the last run's was removed in step 1) and
   the final top manifest (``complete: true``).

A run killed anywhere leaves the old finished manifest (nothing was touched yet), or
an interim one with no print order, or with a new print order that is true of every
folder; the next run starts again at step 1 and repairs it.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from signkit._version import __version__
from signkit.diagnostics import Diagnostic, Location, Severity
from signkit.fonts import FontSet
from signkit.fonts.identity import fontset_identity
from signkit.output.atomic import atomic_write_bytes, atomic_write_text, kill_point
from signkit.output.manifest import (
    MANIFEST,
    BoardEntry,
    ExtraEntry,
    IndexedEnterprise,
    TopManifest,
    file_sha256,
    manifest_intact,
    read_manifest,
)
from signkit.pipeline.reprint import REPRINT_CSV, reprint_csv
from signkit.pipeline.site_job import SiteOutcome
from signkit.printshop.order import OrderRow, order_board, order_csv, order_rows
from signkit.render.pdf import PrintSpec, render_pdf

ORDER_CSV = "印刷清单.csv"

ORDER_PDF = "印刷清单.pdf"

#: Where :func:`begin_top` keeps the print order while a run is under way: hidden (a
#: leading dot), and not a temporary-file name, so the sweep of killed runs' leftovers
#: keeps it for :func:`finish_top` to move back.
ASIDE = {ORDER_CSV: ".signkit.order.csv", ORDER_PDF: ".signkit.order.pdf"}


@dataclass
class TopWritten:
    """What :func:`finish_top` did: enterprises carried over from earlier runs, and warnings about the print order."""

    carried: list[IndexedEnterprise] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def begin_top(outdir: Path, previous: TopManifest | None) -> None:
    """Step 1: an interim top manifest, then the print order moved aside (see the module docstring)."""
    if previous is not None and previous.enterprises:
        interim = TopManifest(
            signkit=__version__, complete=False,
            enterprises=[e.model_copy(update={"files": [], "blocked": None}) for e in previous.enterprises],
            print_order=[], print_order_key=previous.print_order_key, print_order_sha256=previous.print_order_sha256)
        atomic_write_text(outdir / MANIFEST, interim.to_json())
    for name, aside in ASIDE.items():
        if os.path.lexists(outdir / name):
            os.replace(outdir / name, outdir / aside)  # a link is moved as a link, never followed
    # the last run's reprint list is not this run's: a run stopped before the end lists its reprints next time
    (outdir / REPRINT_CSV).unlink(missing_ok=True)
    kill_point("top-interim")


def finish_top(sites: Sequence[SiteOutcome], outdir: Path, fonts: FontSet, previous: TopManifest | None) -> TopWritten:
    """Step 3: the print order and the final top manifest, from every enterprise's manifest entries."""
    done = TopWritten()
    index: list[IndexedEnterprise] = []
    rows: list[OrderRow] = []
    for site in sites:
        if site.failed or not site.folder:
            continue
        rows.extend(order_rows(site.enterprise, site.entries, f"{site.folder}/", site.not_made, site.extras))
        indexed = IndexedEnterprise(enterprise=site.enterprise, site_file=site.input.name, folder=site.folder,
                                    files=[e.in_folder(site.folder) for e in site.entries])
        if site.not_made:
            indexed = indexed.model_copy(update={"blocked": site.not_made})
        index.append(indexed)
    for carried, found, extras in _carried(sites, outdir, previous):
        folder = carried.folder or ""
        rows.extend(order_rows(carried.enterprise or "", found, f"{folder}/", extras=extras))
        index.append(carried.model_copy(update={"this_run": False, "files": [e.in_folder(folder) for e in found]}))
        done.carried.append(carried)
    if not index:  # nothing made and nothing left: no print order, and a manifest only where one was
        _drop_aside(outdir)
        if previous is not None:
            atomic_write_text(outdir / MANIFEST, TopManifest(signkit=__version__, complete=True, print_order=[]).to_json())
        return done
    key = _order_key(rows, fonts)
    if not _restore_order(outdir, previous, key):
        done.diagnostics.extend(_write_order(rows, outdir, fonts))
    _drop_aside(outdir)
    reprints = [replace(r, file=f"{site.folder}/{r.file}" if r.file else "")  # the path from the list, as 印刷清单's
                for site in sites if not site.failed and site.folder for r in site.reprints]
    atomic_write_bytes(outdir / REPRINT_CSV, reprint_csv(reprints))
    top = TopManifest(signkit=__version__, complete=True, enterprises=index, print_order=[ORDER_CSV, ORDER_PDF],
                      print_order_key=key,
                      print_order_sha256={name: file_sha256(outdir / name) for name in (ORDER_CSV, ORDER_PDF)},
                      reprint_list=REPRINT_CSV)
    text = top.to_json()
    try:
        unchanged = (outdir / MANIFEST).read_text(encoding="utf-8") == text
    except OSError:
        unchanged = False
    if not unchanged:
        atomic_write_text(outdir / MANIFEST, text)
    return done


def _carried(sites: Sequence[SiteOutcome], outdir: Path, previous: TopManifest | None
             ) -> list[tuple[IndexedEnterprise, list[BoardEntry], list[ExtraEntry]]]:
    """Enterprises of the last run that this one did not render, whose folders are still intact.

    The top manifest and 印刷清单 describe what is in OUTDIR: a print shop given the folder
    prints what the list says, so an enterprise dropped silently would be missed, and one
    listed whose files are gone would be printed from nothing.  An enterprise is carried
    over when this run did not render it (its site file was not given, or failed) and its
    own manifest is finished and matches the disk; removing its folder removes it.
    Each comes as its index entry (without files), the boards and the companions its own manifest lists.
    """
    done = {site.input.name for site in sites if not site.failed and site.folder}
    claimed = {site.folder for site in sites if site.folder}
    carried: list[tuple[IndexedEnterprise, list[BoardEntry], list[ExtraEntry]]] = []
    for entry in previous.enterprises if previous is not None else []:
        site_file, folder = entry.site_file or "", entry.folder or ""
        if not folder or site_file in done or folder in claimed or "/" in folder or folder.startswith("."):
            continue
        manifest = read_manifest(outdir / folder)
        if not manifest_intact(outdir / folder, manifest):
            continue
        claimed.add(folder)
        enterprise = manifest.enterprise if manifest.enterprise is not None else entry.enterprise or ""
        carried.append((IndexedEnterprise(enterprise=enterprise, site_file=site_file, folder=folder), manifest.files,
                        manifest.extras))
    return carried


def _order_key(rows: list[OrderRow], fonts: FontSet) -> str:
    """What the print order's two files are made from: its rows, the fonts and signkit's version.

    A renamed leader changes a board's content but no row of the print order (sizes,
    quantities, areas), so an incremental rerun need not lay out and render the print
    order's PDF again — about a second of a one-change rerun.
    """
    faces = fontset_identity(fonts)
    digest = hashlib.sha256(order_csv(rows))
    digest.update(json.dumps({"fonts": faces, "signkit": __version__}, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


def _restore_order(outdir: Path, previous: TopManifest | None, key: str) -> bool:
    """Move the print order set aside back, if it was made from ``key`` and is intact (sha256 as recorded)."""
    if previous is None or previous.print_order_key != key or previous.print_order_sha256 is None:
        return False
    recorded = previous.print_order_sha256
    for name, aside in ASIDE.items():
        if (outdir / aside).is_symlink() or recorded.get(name) is None or file_sha256(outdir / aside) != recorded[name]:
            return False
    for name, aside in ASIDE.items():
        os.replace(outdir / aside, outdir / name)
    return True


def _write_order(rows: list[OrderRow], outdir: Path, fonts: FontSet) -> list[Diagnostic]:
    """印刷清单.csv and 印刷清单.pdf at the top of ``outdir``; a warning if a cell of the PDF stays empty."""
    atomic_write_bytes(outdir / ORDER_CSV, order_csv(rows))
    board, misfits = order_board(rows, fonts)
    atomic_write_bytes(outdir / ORDER_PDF, render_pdf(board, fonts, spec=PrintSpec(pdfx=False)))
    if not misfits:
        return []
    return [Diagnostic("SK503", Severity.WARNING, f"印刷清单 PDF 中有 {misfits} 个格子的文字放不下，已留空；完整内容见 {ORDER_CSV}",
                       Location(str(outdir / ORDER_PDF)))]


def _drop_aside(outdir: Path) -> None:
    """The print order kept aside is replaced (or there is nothing left to list): remove the hidden copies."""
    for aside in ASIDE.values():
        (outdir / aside).unlink(missing_ok=True)
