"""Where the cells that hold signs and QR codes sit on a board of a given size.

The content rules judge, before anything is laid out, whether a risk point's signs
fit its 2-4 警示标识 cell (SK707) and whether an address printed as a QR code can be
scanned from the board's viewing distance (SK229).  The layouts then draw into the
very same cells.  Both read the geometry here, so the check and the drawing can never
disagree, and the rules need not import the layouts to learn a box size.

All lengths are millimetres at the 附表's minimum size, multiplied by
:attr:`~signkit.spec.sizes.Sizing.scale` on a larger board.
"""

from __future__ import annotations

from dataclasses import dataclass

from signkit.drawing.box import Box
from signkit.spec.sizes import Sizing

# --- 附表 2-4 安全风险分级管控告知牌 ------------------------------------------------------

#: House style at the minimum size, shared with 2-1: margin and title band.
RISK_MARGIN = 40.0
RISK_TITLE_HEIGHT = 130.0
#: Column widths at the minimum size: left label, left value, then the right block.  The left
#: label column holds 管控责任人 at the labels' 24 mm; the left column as a whole holds a row of
#: four or five warning signs wide enough for their text panels (:func:`risk_sign_cell`).
RISK_LEFT_LABEL = 140.0
RISK_LEFT_VALUE = 260.0
RISK_RIGHT = 720.0
#: The left column's rows at the minimum size: 风险点、场所名称, 风险等级, 管控责任人, the 警示标识
#: heading, the signs under it, 重要提示, telephone line.  The first row is also the header row
#: of the right block.
RISK_LEFT_ROWS = (88.0, 64.0, 56.0, 48.0, 132.0, 104.0, 98.0)
#: Which of those rows holds the signs (its heading is the row above).
RISK_SIGN_ROW = 4
#: Inner padding of a cell.
RISK_PADDING = 8.0
#: The 风险信息网址 QR code's side (quiet zone included).  120 mm leaves 5 mm of the title
#: band above and below; with the 2 m viewing distance it takes codes of up to 34 modules
#: a side (version 4, about 60 characters of URL).
RISK_QR_SIDE = 120.0


@dataclass(frozen=True)
class RiskGrid:
    """The fixed parts of a 2-4 board at one size: the grid, its columns and the left column's rows.

    Where the right block splits into its middle and right columns depends on the lists
    (the layout chooses it, the same for the upper and the lower band); ``right`` is the
    block's width.
    """

    s: float
    grid: Box
    xs: tuple[float, float, float]  # left label | left value | right block starts
    left_ys: tuple[float, ...]  # the left column's row boundaries, top to bottom
    right: float  # width of the right block (风险及可能造成的危害 … 应急处置措施)

    @property
    def header_bottom(self) -> float:
        return self.left_ys[1]


def risk_grid(sizing: Sizing) -> RiskGrid:
    """The 2-4 grid at ``sizing``: columns in proportion to the width, left rows to the height."""
    s = sizing.scale
    margin = RISK_MARGIN * s
    top = margin + RISK_TITLE_HEIGHT * s
    grid = Box(margin, top, sizing.width - 2 * margin, sizing.height - top - margin)
    sx = grid.w / (RISK_LEFT_LABEL + RISK_LEFT_VALUE + RISK_RIGHT)
    sy = grid.h / sum(RISK_LEFT_ROWS)
    xs = (grid.x, grid.x + RISK_LEFT_LABEL * sx, grid.x + (RISK_LEFT_LABEL + RISK_LEFT_VALUE) * sx)
    ys = [grid.y]
    for row in RISK_LEFT_ROWS:
        ys.append(ys[-1] + row * sy)
    ys[-1] = grid.bottom
    return RiskGrid(s, grid, xs, tuple(ys), grid.right - xs[2])


def risk_sign_cell(sizing: Sizing) -> Box:
    """The 2-4 警示标识 cell (outer edges, before padding), where the GB 2894 signs go.

    It spans the whole left column under its 警示标识 heading, so that a row of four or
    five signs is wide enough for each sign's text panel to be read from the board's
    viewing distance (``docs/design.md``, 警示标识).
    """
    g = risk_grid(sizing)
    return Box(g.xs[0], g.left_ys[RISK_SIGN_ROW], g.xs[2] - g.xs[0],
               g.left_ys[RISK_SIGN_ROW + 1] - g.left_ys[RISK_SIGN_ROW])


def risk_sign_area(sizing: Sizing) -> Box:
    """Where the signs go: the 警示标识 cell inside its padding."""
    return risk_sign_cell(sizing).inset(RISK_PADDING * sizing.scale)


def risk_qr_box(sizing: Sizing) -> Box:
    """Where the 风险信息网址 QR code goes (quiet zone included): right end of the title band, centred in it."""
    g = risk_grid(sizing)
    s = sizing.scale
    side = RISK_QR_SIDE * s
    return Box(g.grid.right - side, RISK_MARGIN * s + (RISK_TITLE_HEIGHT * s - side) / 2, side, side)


# --- 附表 2-6 举报公示栏, 2-7 监督栏 ------------------------------------------------------

BULLETIN_MARGIN_X = 80.0
BULLETIN_MARGIN_TOP = 45.0
BULLETIN_TITLE_HEIGHT = 210.0


def bulletin_title_band(sizing: Sizing) -> Box:
    """The title band across the top, margin to margin; the QR code, when there is one, takes its right end."""
    s = sizing.scale
    return Box(BULLETIN_MARGIN_X * s, BULLETIN_MARGIN_TOP * s, sizing.width - 2 * BULLETIN_MARGIN_X * s,
               BULLETIN_TITLE_HEIGHT * s)


def bulletin_qr_box(sizing: Sizing) -> Box:
    """Where the 举报网址 QR code goes (quiet zone included): a square as tall as the title band, at its right end."""
    band = bulletin_title_band(sizing)
    return Box(band.right - band.h, band.y, band.h, band.h)
