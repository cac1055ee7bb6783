"""Sign files and 2-4 boards for the sign tests: a sign drawn as SVG and as PDF, a risk point to put it on.

Shared by tests/art (the sign files, the PDF signs, the accident table), tests/rules/test_signs.py and
tests/pipeline/test_config.py.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from signkit.drawing.frame import Frame
from signkit.drawing.items import Board
from signkit.drawing.text import FontMeasurer
from signkit.layout.context import LayoutContext
from signkit.layout.registry import layout_board
from signkit.spec.sizes import Sizing
from tests.conftest import check_data

#: The minimum 2-4 board.
BOARD = Sizing(1200.0, 800.0, 1.0)


def risk_point(chem: dict[str, Any], index: int = 0) -> dict[str, Any]:
    """The ``index``-th 风险点 of loaded site-file data (to change its 警示标识 or 事故类型)."""
    point: dict[str, Any] = chem["风险点"][index]
    return point


#: A sign as an SVG file: a blue square, a red ring on it, a black panel under it.
SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="100" height="134" viewBox="0 0 100 134">
  <rect x="0" y="0" width="100" height="100" fill="#0000ff"/>
  <circle cx="50" cy="50" r="30" fill="none" stroke="#ff0000" stroke-width="8"/>
  <path d="M10 110 L90 110 L90 130 L10 130 Z" fill="rgb(0,0,0)"/>
</svg>
"""


#: The sign :func:`sign_drawing` draws: a blue square on top, a red ring stroked on it, a black panel under it.
BLUE, RED, BLACK_K = (1.0, 1.0, 0.0, 0.0), (0.0, 1.0, 1.0, 0.0), (0.0, 0.0, 0.0, 1.0)


def sign_drawing(c: Any) -> None:
    """The sign of the PDF sign files, drawn on a ReportLab canvas of 100 × 134 pt."""
    from reportlab.lib.colors import CMYKColor

    c.setFillColor(CMYKColor(*BLUE))
    c.rect(0, 34, 100, 100, stroke=0, fill=1)
    c.setStrokeColor(CMYKColor(*RED))
    c.setLineWidth(8)
    c.circle(50, 84, 30, stroke=1, fill=0)
    c.setFillColor(CMYKColor(*BLACK_K))
    panel = c.beginPath()
    panel.moveTo(10, 4)
    panel.lineTo(90, 4)
    panel.lineTo(90, 30)
    panel.lineTo(10, 30)
    panel.close()
    c.drawPath(panel, stroke=0, fill=1)


def sign_pdf_bytes(draw: Callable[[Any], None] = sign_drawing, pages: int = 1,
                   size: tuple[float, float] = (100, 134)) -> bytes:
    """A PDF made with ReportLab (deterministic: ``invariant``), ``draw`` on each of ``pages`` pages."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=size, invariant=1)
    for _ in range(pages):
        draw(c)
        c.showPage()
    c.save()
    return out.getvalue()


def sign_pdf(path: Path, draw: Callable[[Any], None] = sign_drawing, pages: int = 1) -> Path:
    """:func:`sign_pdf_bytes` written to ``path``."""
    path.write_bytes(sign_pdf_bytes(draw, pages))
    return path


def with_text(c: Any) -> None:
    """The sign with a word on it: text a sign file may not hold (SK706)."""
    sign_drawing(c)
    c.drawString(20, 10, "Danger")


def layout_with(chem: dict[str, Any], fonts: Any, signs: list[str], folder: Path | None = None,
                index: int = 0) -> tuple[Board, Frame, Any]:
    """The ``index``-th 2-4 board of ``chem`` laid out with ``signs`` (and ``folder`` as its 标志文件夹), checked clean."""
    risk_point(chem, index)["警示标识"] = signs
    if folder is not None:
        chem["输出"] = {"标志文件夹": str(folder)}
    report = check_data(chem)
    assert report.ok(), [d.render() for d in report.diagnostics]
    assert report.site is not None
    planned = [p for p in report.plan if p.form_id == "2-4"][index]
    board, frame = layout_board(LayoutContext(report.site, FontMeasurer(fonts)), planned, BOARD)
    return board, frame, report
