"""signkit's own files pass its own preflight: boards, proofs, tiles, imposed sheets, bleed and marks.

Issue 15: the preflight held each tile to its board's minimum size (432 errors on 27
tiles) and asked proofs for a TrimBox.  Every PDF a render writes, with every
print-shop option, must come out without an error or a warning.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pikepdf
import pytest

from signkit.diagnostics import Severity
from signkit.pipeline.options import RenderOptions
from signkit.pipeline.render_files import render_files
from signkit.preflight import preflight_path, preflight_pdf
from tests.conftest import CHEMICAL, SMALL
from tests.preflight.test_checks import canvas_pdf, edit, only

VARIANTS = {
    "companions": RenderOptions(proof="A4", tile="A3", impose="SRA3"),
    "bleed-marks": RenderOptions(bleed=3, marks=True),
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_every_file_signkit_writes_passes(variant: str, tmp_path: Path, bundled_fonts: Any) -> None:
    outcome = render_files([str(CHEMICAL), str(SMALL)], tmp_path, bundled_fonts, VARIANTS[variant])
    assert outcome.ok
    files = sorted(tmp_path.rglob("*.pdf"))
    names = {f.name for f in files}
    if variant == "companions":  # all three companions were really made and checked
        assert any("样稿" in n for n in names) and any("分块" in n for n in names) and any("拼版" in n for n in names)
    assert len(files) > 30
    for file in files:
        found, unreadable = preflight_path(file, name=file.name)
        assert not unreadable
        assert [d.render() for d in found if d.severity is not Severity.INFO] == []


def _keywords(words: str) -> Any:
    def change(document: pikepdf.Pdf) -> None:
        document.docinfo["/Keywords"] = words
        del document.pages[0].obj["/TrimBox"]
    return change


def test_tiles_are_not_held_to_the_board_size() -> None:
    tile = edit(canvas_pdf(subject="2-1-2"), _keywords("拼贴, 附表 2-1-2"))
    found = preflight_pdf(tile, "tile.pdf")
    assert [d.severity for d in only(found, "SK604")] == [Severity.INFO]
    assert only(found, "SK603") == []
    board = edit(canvas_pdf(subject="2-1-2"), _keywords("附表 2-1-2"))
    found = preflight_pdf(board, "board.pdf")  # the same file, named a board: too small, no TrimBox
    assert {d.severity for d in only(found, "SK604")} == {Severity.ERROR}
    assert only(found, "SK603")


def test_a_named_layout_still_checks_a_tile() -> None:
    tile = edit(canvas_pdf(subject="2-1-2"), _keywords("拼贴"))
    assert {d.severity for d in only(preflight_pdf(tile, "t.pdf", layout="2-1-2"), "SK604")} == {Severity.ERROR}


def _transparent(version: str | None) -> bytes:
    def draw(c: Any) -> None:
        from reportlab.lib.colors import CMYKColor
        c.setFillColor(CMYKColor(0, 1, 0, 0, alpha=0.5))
        c.rect(0, 0, 20, 20, fill=1)

    def change(document: pikepdf.Pdf) -> None:
        if version:
            document.docinfo["/GTS_PDFXVersion"] = version

    return edit(canvas_pdf(draw), change)


@pytest.mark.parametrize(("version", "severity"), [
    ("PDF/X-4", Severity.INFO), ("PDF/X-5g", Severity.INFO),
    ("PDF/X-1a:2003", Severity.ERROR), ("PDF/X-3:2002", Severity.ERROR), (None, Severity.ERROR)])
def test_transparency_is_fine_in_pdfx4(version: str | None, severity: Severity) -> None:
    found = only(preflight_pdf(_transparent(version), "x.pdf"), "SK609")
    assert found and {d.severity for d in found} == {severity}


def test_proof_sheet_without_trimbox_is_quiet() -> None:
    proof = edit(canvas_pdf(), _keywords("样稿, 附表 2-5"))
    assert [d for d in preflight_pdf(proof, "p.pdf") if d.severity is not Severity.INFO] == []
