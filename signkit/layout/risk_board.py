"""附表 2-4 安全风险分级管控告知牌: one board per risk point, read as three columns.

The plain-text copy of the 附表 has three cells per row::

    风险点、场所名称 | 风险及可能造成的危害 | 事故诱因
    风险等级         |                      |
    管控责任人       |                      |
    警示标识         |                      |
    重要提示         | 管控措施             |
    应急局举报电话…  | 应急处置措施         |

This module follows **Reading A** of ``layouts.md``: the left column is a stack of
label-and-value cells (风险点、场所名称, 风险等级, 管控责任人, 警示标识, 重要提示, and the
telephone line at its foot); in the upper part the middle and right columns are
headed 风险及可能造成的危害 and 事故诱因 with their numbered lists below; in the lower
part the middle column holds the labels 管控措施 and 应急处置措施 and the right column
their lists.  Reading A was chosen because it keeps the copy's three columns and puts
every label exactly where the copy puts it (管控措施 and 应急处置措施 are in the middle
cell of their rows, not spanning two columns as Reading B would have them).

Decisions the 附表 leaves open, and why:

* The left column's cells print label and value side by side (a narrow label
  sub-column, as on 2-1's label/value grid), so that four fields fit above the
  warning-sign cell.  The long label 风险点、场所名称 is set on two lines at its 、.
* The left column is laid out on its own fixed rows; the right-hand rows (lists)
  grow with their content.  The lists differ from board to board while the left
  column's content is short and regular, and a fixed 警示标识 cell is what the
  GB 2894 signs need: :func:`sign_box` gives its box at any size.
  The first row (风险点、场所名称 | 风险及可能造成的危害 | 事故诱因) is shared, as in the copy;
  a right-hand rule that would fall within 30 mm of a left-hand one is moved onto it
  when the lists still fit (as 应急处置措施 then lines up with the telephone cell, the
  way the copy pairs them), so no two rules run a hair's breadth apart.
* The 警示标识 cell shows the signs themselves (GB 2894 shape, pictogram and text
  panel, or the office's own file), all of one width, as many rows and columns as give
  the widest signs (:mod:`signkit.art.place`).  The board is read from about 2 m, so
  no sign is narrower than :data:`SIGN_MIN_WIDTH` (52.5 mm, GB 2894's distance / 40
  rule of thumb): at 1200 × 800 mm the cell takes six; more is an error naming the
  field (a larger board takes more).  ``警示标识: 自动`` prints the signs suggested by
  the risk point's 事故类型, as many as fit.
* In the lower part the label cell (管控措施, 应急处置措施) is narrow and the list cell
  wide: a label needs one line, the lists need the width.
* The four lists share one type size (the largest at which all of them fit), so the
  board reads as one table; whitespace is shared out in proportion to the lists'
  length.  Items are numbered （一）（二）… with a hanging number and end in "；", the last
  one too, as the 附表 samples show.
* 风险等级 is a colour block filling its value cell (红 重大, 橙 较大, 黄 一般, 蓝 低, 填写说明
  (2)) with the level's name, 重大风险 … 低风险, printed in it.
* The telephone line (:func:`signkit.layout.fixed_text.risk_footer`) is set at the foot of the
  left column in three lines split at its full-width spaces (应急局举报电话 / 企业监督
  举报电话 / 火警 and 急救): on one line it would need a type size far below the rest.
* Labels share one type size (the largest at which the longest fits its cell), as do
  the values of one kind; title and house margins are 2-1's, so the family matches.
* Cells are drawn in the copy's reading order, row by row, so that text copied out of
  the PDF (or read aloud) follows the 附表.
* 企业.风险信息网址, when given, is a vector QR code at the right end of the title band
  (:func:`qr_box`), captioned 扫码查看 / 风险信息 on its left; the title gives up as much
  room on the left, so it stays centred (as on 2-6, and shrinks rather than collide).
  The band is the only room outside the fixed grid big enough for a code read from 2 m
  (:data:`signkit.art.qr.DISTANCE_PER_MODULE`); the grid, its rows and labels are the same
  with or without it.  With no address there is no code and no caption.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from signkit.art.accidents import board_signs
from signkit.art.place import capacity, draw_signs, min_sign_width
from signkit.art.qr import draw_qr
from signkit.art.sign_files.sources import resolve, resolve_path
from signkit.diagnostics import KeyPath
from signkit.drawing.box import Box
from signkit.drawing.colors import BLACK, RISK_COLORS, RISK_TEXT
from signkit.drawing.frame import Frame, TextStyle
from signkit.drawing.items import Board, Color, Page
from signkit.drawing.lists import numbered_list
from signkit.drawing.text import Fitted, Measurer, Para, fit, layout_at
from signkit.layout.context import GRADIENT, LayoutContext, revision_stamp
from signkit.layout.fixed_text import risk_footer
from signkit.model.site import RiskPoint
from signkit.plan.boards import PlannedBoard
from signkit.spec.forms import FORMS, viewing_distance
from signkit.spec.grids import (
    RISK_MARGIN,
    RISK_PADDING,
    RISK_QR_SIDE,
    RISK_TITLE_HEIGHT,
    RiskGrid,
    risk_grid,
    risk_qr_box,
    risk_sign_area,
    risk_sign_cell,
)
from signkit.spec.sizes import Sizing

FORM = FORMS["2-4"]
MIN_TEXT = FORM.min_text
TITLE = "安全风险分级管控告知牌"

#: The grid's margin, title band, columns, rows and padding are in :mod:`signkit.spec.grids`
#: (the rules read them too); these short names keep the drawing code readable.
MARGIN = RISK_MARGIN
TITLE_HEIGHT = RISK_TITLE_HEIGHT
PADDING = RISK_PADDING
QR_SIDE = RISK_QR_SIDE
#: Smallest height of a lower row, enough for its label on one line.
LOWER_ROW_MIN = 50.0
#: A right-hand row boundary this close to a left-hand one is moved onto it (when the
#: lists still fit), so that no two rules run a hair's breadth apart.
SNAP = 30.0

#: Maximum type sizes at the minimum board size (mm); all scale with the board.
LABEL_SIZE = 22.0
LIST_SIZE = 22.0
NAME_SIZE = 28.0
LEVEL_SIZE = 40.0
OWNER_SIZE = 28.0
NOTICE_SIZE = 18.0
FOOTER_SIZE = 17.0

#: The labels, verbatim and in the 附表's order: the left column's, the right block's
#: headers, the lower rows'.  风险点、场所名称 breaks at its 、 (two lines in a narrow cell).
LEFT_LABELS: tuple[list[Para], ...] = (
    [Para("风险点、"), Para("场所名称")], [Para("风险等级")], [Para("管控责任人")], [Para("警示标识")],
    [Para("重要提示")])
HEADERS = ("风险及可能造成的危害", "事故诱因")
LOWER_LABELS = ("管控措施", "应急处置措施")

#: The 风险信息网址 QR code's caption at the minimum size (mm): its width and size, and the
#: gap between it and the code (whose side is :data:`signkit.spec.grids.RISK_QR_SIDE`).
QR_CAPTION_WIDTH = 76.0
QR_CAPTION_SIZE = 18.0
QR_GAP = 4.0
QR_CAPTION = (Para("扫码查看"), Para("风险信息"))

def level_name(level: str) -> str:
    """重大 → 重大风险, 低 → 低风险: the words printed in the colour block."""
    return f"{level}风险"


#: The board is read from about 2 m (as its legible minimum assumes); signs are at least this wide (mm).
SIGN_MIN_WIDTH = min_sign_width(viewing_distance("2-4"))
sign_box = risk_sign_cell
sign_area = risk_sign_area
qr_box = risk_qr_box


def _title_box(sizing: Sizing, with_qr: bool) -> Box:
    """The title's box: the whole band, or, beside a QR code, the band less the code's room on both sides."""
    g = risk_grid(sizing)
    s = sizing.scale
    band = Box(g.grid.x, MARGIN * s, g.grid.w, TITLE_HEIGHT * s)
    if with_qr:
        reserve = (QR_SIDE + QR_GAP + QR_CAPTION_WIDTH) * s
        band = Box(band.x + reserve, band.y, band.w - 2 * reserve, band.h)
    return band.inset(0, 15 * s)


def _qr(frame: Frame, url: str, sizing: Sizing) -> None:
    """Draw the code and its caption (after the title, so the PDF's text keeps the reading order)."""

    s = sizing.scale
    box = qr_box(sizing)
    caption = Box(box.x - (QR_GAP + QR_CAPTION_WIDTH) * s, box.y, QR_CAPTION_WIDTH * s, box.h)
    frame.text(list(QR_CAPTION), caption, TextStyle("title", QR_CAPTION_SIZE * s, MIN_TEXT, align="right"),
               ("企业", "风险信息网址"), "风险信息网址")
    draw_qr(frame, url, box)


def _base_dir(ctx: LayoutContext) -> Path:
    """The folder relative sign-file paths start from: the site file's (the current one for stdin)."""
    return ctx.base_dir if ctx.base_dir is not None else Path.cwd()


def _signs(frame: Frame, ctx: LayoutContext, point: RiskPoint, index: int, sizing: Sizing) -> tuple[str, ...]:
    """Draw the risk point's signs (自动 expanded) in the 警示标识 cell; the digests of user files drawn."""

    area = sign_area(sizing)
    base = _base_dir(ctx)
    folder_text = ctx.site.output.sign_folder
    folder = resolve_path(folder_text, base) if folder_text else None
    field = ("风险点", index, "警示标识")
    entries = board_signs(point.signs, point.accidents, capacity(area, SIGN_MIN_WIDTH))
    resolved = [(resolve(entry, base=base, folder=folder), (*field, at)) for entry, at in entries]
    _, digests = draw_signs(frame, resolved, area, min_width=SIGN_MIN_WIDTH, field=field)
    return digests


def level_box(sizing: Sizing) -> Box:
    """The 风险等级 colour block."""
    g = risk_grid(sizing)
    return Box(g.xs[1], g.left_ys[1], g.xs[2] - g.xs[1], g.left_ys[2] - g.left_ys[1])


def _list_height(paras: list[Para], width: float, size: float, measure: Measurer) -> float:
    """Height of a list at ``size`` in a box ``width`` wide (∞ if a run is too wide)."""
    fitted = layout_at(paras, width, size, "body", measure)
    return float("inf") if fitted is None else fitted.height


@dataclass(frozen=True)
class _RightRows:
    """The right block's rows: list size and the heights of the upper, 管控措施 and 应急处置措施 rows."""

    size: float
    upper: float
    controls: float
    emergency: float


def _right_rows(point: RiskPoint, g: RiskGrid, measure: Measurer) -> _RightRows:
    """The largest common list size at which the four lists fit, and the rows that share the room.

    Tried in 0.1 mm steps by bisection between the legible minimum and the scaled
    maximum.  When even the minimum does not fit, the lists that do fit keep their
    room and the rest goes to the one that does not, so the misfit names that list
    only.
    """
    s = g.s
    pad = PADDING * s
    available = g.grid.bottom - g.header_bottom
    upper_width = g.upper_col - 2 * pad
    lower_width = g.grid.right - g.xs[2] - g.lower_label - 2 * pad
    hazards, causes = numbered_list(point.hazards), numbered_list(point.causes)
    controls, emergency = numbered_list(point.controls), numbered_list(point.emergency)
    floor = LOWER_ROW_MIN * s

    def needs(size: float) -> tuple[float, float, float]:
        upper = max(_list_height(hazards, upper_width, size, measure),
                    _list_height(causes, upper_width, size, measure)) + 2 * pad
        lower = (max(_list_height(controls, lower_width, size, measure) + 2 * pad, floor),
                 max(_list_height(emergency, lower_width, size, measure) + 2 * pad, floor))
        return upper, lower[0], lower[1]

    def fits(size: float) -> bool:
        return sum(needs(size)) <= available + 1e-9

    low, high = round(MIN_TEXT * 10), round(max(LIST_SIZE * s, MIN_TEXT) * 10)
    if fits(high / 10):
        size = high / 10
    elif not fits(low / 10):
        size = low / 10
    else:
        while high - low > 1:  # low fits, high does not
            middle = (low + high) // 2
            low, high = (middle, high) if fits(middle / 10) else (low, middle)
        size = low / 10
    need = list(needs(size))
    total = sum(need)
    if total <= available:
        rows = [row * available / total for row in need]  # share the slack in proportion
        rows = _snapped(rows, need, g)
    else:
        rows = list(need)
        big = max(range(3), key=lambda i: rows[i])
        others = total - rows[big]
        if others < available:
            rows[big] = available - others
        else:
            rows = [row * available / total for row in rows]
    return _RightRows(size, rows[0], rows[1], rows[2])


def _snapped(rows: list[float], need: tuple[float, ...] | list[float], g: RiskGrid) -> list[float]:
    """Move each inner boundary of the right block onto a nearby left-column rule if the lists still fit."""
    tolerance = SNAP * g.s
    top = g.header_bottom
    for boundary in (0, 1):
        edge = top + sum(rows[: boundary + 1])
        nearest = min(g.left_ys[2:-1], key=lambda y: abs(y - edge))
        if abs(nearest - edge) >= tolerance:
            continue
        shift = nearest - edge
        trial = list(rows)
        trial[boundary] += shift
        trial[boundary + 1] -= shift
        if all(t >= n - 1e-9 for t, n in zip(trial, need, strict=True)):
            rows = trial
    return rows


def _label_size(g: RiskGrid, measure: Measurer) -> float:
    """One size for every label on the board: the largest at which the longest one still fits."""
    pad = PADDING * g.s
    boxes: list[tuple[list[Para], Box]] = []
    for row, paras in enumerate(LEFT_LABELS):
        boxes.append((paras, Box(g.xs[0], g.left_ys[row], g.xs[1] - g.xs[0], g.left_ys[row + 1] - g.left_ys[row])))
    header = g.header_bottom - g.grid.y
    boxes.extend(([Para(text)], Box(0, 0, g.upper_col, header)) for text in HEADERS)
    boxes.extend(([Para(text)], Box(0, 0, g.lower_label, LOWER_ROW_MIN * g.s)) for text in LOWER_LABELS)
    size = LABEL_SIZE * g.s
    for paras, box in boxes:
        inner = box.inset(pad)
        result = fit(paras, inner.w, inner.h, "body", measure, max_size=size, min_size=MIN_TEXT)
        if isinstance(result, Fitted):
            size = min(size, result.size)
    return max(size, MIN_TEXT)


def _footer(phone: str) -> list[Para]:
    """The telephone line in three lines: 应急局 / 企业 / 火警 and 急救 (split at its full-width spaces)."""
    parts = risk_footer(phone).split("\u3000")
    if len(parts) != 4:
        return [Para("\u3000".join(parts))]
    return [Para(parts[0]), Para(parts[1]), Para("\u3000".join(parts[2:]))]


def layout(ctx: LayoutContext, planned: PlannedBoard, sizing: Sizing) -> tuple[Board, Frame]:
    """Lay out the 2-4 board of the risk point ``planned.source`` names."""
    index = int(planned.source[1])
    site = ctx.site
    point = site.risk_points[index]
    s = sizing.scale
    frame = Frame(ctx.measure)
    width, height = sizing.width, sizing.height
    g = risk_grid(sizing)
    pad = PADDING * s
    base: KeyPath = ("风险点", index)

    url = site.enterprise.risk_url
    frame.text(TITLE, _title_box(sizing, bool(url)),
               TextStyle("title", 80 * s, 30, align="center", letter_spacing=0.12))
    if url:
        _qr(frame, url, sizing)

    label = TextStyle("body", _label_size(g, ctx.measure), MIN_TEXT, align="center")
    outlines: list[Box] = []

    def cell(box: Box, content: list[Para] | str, style: TextStyle, path: KeyPath = (), name: str = "",
             fill: Color | None = None) -> None:
        if fill is not None:
            frame.rect(box, fill=fill)
        frame.text(content, box.inset(pad), style, path, name)
        outlines.append(box)

    def field(name: str) -> tuple[KeyPath, str]:
        return (*base, name), name

    # Cells are drawn in the 附表's reading order (row by row as its copy lists them), so
    # that the PDF's text, copied or read aloud, follows the 附表.
    xs, ys = g.xs, g.left_ys
    rows = _right_rows(point, g, ctx.measure)
    items = TextStyle("body", rows.size, MIN_TEXT, align="left", valign="top")
    x_mid, x_right, right = xs[2], xs[2] + g.upper_col, g.grid.right
    x_list = x_mid + g.lower_label
    upper_top, upper_bottom = g.header_bottom, g.header_bottom + rows.upper
    controls_bottom = upper_bottom + rows.controls

    def left(row: int, content: list[Para] | str, style: TextStyle, key: str, fill: Color | None = None) -> None:
        cell(Box(xs[0], ys[row], xs[1] - xs[0], ys[row + 1] - ys[row]), LEFT_LABELS[row], label)
        path, name = field(key)
        cell(Box(xs[1], ys[row], xs[2] - xs[1], ys[row + 1] - ys[row]), content, style, path, name, fill)

    def listed(box: Box, entries: list[str], key: str) -> None:
        path, name = field(key)
        cell(box, numbered_list(entries), items, path, name)

    left(0, point.name, TextStyle("body", NAME_SIZE * s, MIN_TEXT, align="center"), "风险点名称")
    cell(Box(x_mid, g.grid.y, g.upper_col, upper_top - g.grid.y), HEADERS[0], label)
    cell(Box(x_right, g.grid.y, right - x_right, upper_top - g.grid.y), HEADERS[1], label)
    listed(Box(x_mid, upper_top, g.upper_col, rows.upper), point.hazards, "风险及可能造成的危害")
    listed(Box(x_right, upper_top, right - x_right, rows.upper), point.causes, "事故诱因")
    left(1, level_name(point.level),
         TextStyle("body", LEVEL_SIZE * s, MIN_TEXT, align="center", color=RISK_TEXT[point.level],
                   letter_spacing=0.1),
         "风险等级", RISK_COLORS[point.level])
    left(2, point.owner or "", TextStyle("body", OWNER_SIZE * s, MIN_TEXT, align="center"), "管控责任人")
    cell(Box(xs[0], ys[3], xs[1] - xs[0], ys[4] - ys[3]), LEFT_LABELS[3], label)
    outlines.append(sign_box(sizing))
    digests = _signs(frame, ctx, point, index, sizing)
    left(4, [Para(notice.strip()) for notice in point.notices],
         TextStyle("body", NOTICE_SIZE * s, MIN_TEXT, align="left"), "重要提示")
    cell(Box(x_mid, upper_bottom, g.lower_label, rows.controls), LOWER_LABELS[0], label)
    listed(Box(x_list, upper_bottom, right - x_list, rows.controls), point.controls, "管控措施")
    cell(Box(x_mid, controls_bottom, g.lower_label, g.grid.bottom - controls_bottom), LOWER_LABELS[1], label)
    listed(Box(x_list, controls_bottom, right - x_list, g.grid.bottom - controls_bottom), point.emergency,
           "应急处置措施")
    phone = site.enterprise.report_phone or ""
    cell(Box(xs[0], ys[5], xs[2] - xs[0], ys[6] - ys[5]), _footer(phone),
         TextStyle("body", FOOTER_SIZE * s, MIN_TEXT, align="left"), ("企业", "企业监督举报电话"), "企业监督举报电话")

    for box in outlines:
        frame.rect(box, stroke=BLACK, width=1.2 * s)
    revision_stamp(frame, ctx, Box(g.grid.x, height - MARGIN * s + 8 * s, width / 2, 12 * s), "2-4", 9 * s)
    page = Page(width, height, tuple(frame.items), GRADIENT if ctx.gradient else None, texts=tuple(frame.texts))
    extra = (*digests, f"二维码:{url}") if url else digests
    board = Board("2-4", TITLE, point.name, (page,), keywords=(site.enterprise.name, level_name(point.level)),
                  content_extra=extra)
    return board, frame
