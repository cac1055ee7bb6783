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

Decisions the 附表 leaves open, and why — as a sign shop would set the board:

* The right block is one table of two columns: the lower band's label cells (管控措施,
  应急处置措施) are the middle column, exactly as wide as the 风险及可能造成的危害 column
  above them, so the vertical rule runs straight from the header to the foot.  Where
  the block splits is chosen from the lists: the middle column holds only one list
  (the hazards) and the right column three, so the split moves left, in 10 mm steps
  and never so far that the 风险及可能造成的危害 heading would have to shrink, when that
  gives all four lists larger type; among equal choices the two columns stay as equal
  as the copy draws them.
* The left column's cells print label and value side by side (a narrow label
  sub-column, as on 2-1's label/value grid).  The long label 风险点、场所名称 is set on
  two lines at its 、.
* The left column is laid out on its own fixed rows; the right-hand rows (lists)
  grow with their content.  The lists differ from board to board while the left
  column's content is short and regular.  The first row (风险点、场所名称 |
  风险及可能造成的危害 | 事故诱因) is shared, as in the copy; a right-hand rule that would
  fall within 30 mm of a left-hand one is moved onto it when the lists still fit (as
  应急处置措施 then lines up with the telephone cell, the way the copy pairs them), so
  no two rules run a hair's breadth apart.
* The 警示标识 signs (GB 2894 shape, pictogram and text panel, or the office's own
  file) sit under a 警示标识 heading across the whole left column, all of one width,
  in as many rows and columns as give the widest signs (:mod:`signkit.art.place`).
  What decides their width is the text panel, not the pictogram: GB 2894's rule of
  thumb (outer dimension ≥ distance / 40) asks 52.5 mm at the 2 m this board is read
  from, but a panel's words are set at no more than 0.16 of the sign's width, and they
  must be legible from the same 2 m (the board's 10 mm minimum).  So each sign is at
  least as wide as its name needs (62.5 mm for a name of up to five characters, about
  10.7 mm a character beyond that, more for a name that takes two lines;
  :mod:`signkit.layout.risk_signs`): at 1200 × 800 mm the cell takes four or five signs.  More than fit is an error naming
  the field (a larger board takes more).  ``警示标识: 自动`` prints the signs suggested by
  the risk point's 事故类型, as many as fit.
* Every list is numbered （一）（二）… with a hanging number and ends in "；", the last
  one too, as the 附表 samples show: the four lists and the 重要提示 items alike, so
  two notices never run together.  The four lists share one type size (the largest
  at which all of them fit), so the board reads as one table; whitespace is shared out
  in proportion to the lists' length.
* 风险等级 is a colour block filling its value cell (红 重大, 橙 较大, 黄 一般, 蓝 低, 填写说明
  (2)) with the level's name, 重大风险 … 低风险, printed in it: the colour carries the
  emphasis, the words are set at the labels' size.
* The telephone line (:func:`signkit.layout.fixed_text.risk_footer`) is set at the foot of the
  left column in three lines split at its full-width spaces (应急局举报电话 / 企业监督
  举报电话 / 火警 and 急救): on one line it would need a type size far below the rest.
* Labels share one type size (the largest at which the longest fits its cell), as do
  the values of one kind, and no value is set larger than the labels.  The 2-4 boards
  of all risk points hang together and share these sizes (:mod:`signkit.layout.type_scale`).
  No line breaks inside a parenthesis or between a number and its unit.  Title and
  house margins are 2-1's, so the family matches.
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

from signkit.art.qr import draw_qr
from signkit.diagnostics import KeyPath
from signkit.drawing.box import Box
from signkit.drawing.colors import BLACK, RISK_COLORS, RISK_TEXT
from signkit.drawing.frame import KEEP, Frame, TextStyle, fit_text, lay_at
from signkit.drawing.items import Board, Color, Page
from signkit.drawing.lists import numbered_list
from signkit.drawing.text import Fitted, Measurer, Para
from signkit.layout.context import GRADIENT, LayoutContext, revision_stamp
from signkit.layout.fixed_text import risk_footer
from signkit.layout.risk_signs import SIGN_MIN_WIDTH, draw_point_signs
from signkit.model.site import RiskPoint
from signkit.plan.boards import PlannedBoard
from signkit.spec.forms import FORMS
from signkit.spec.grids import (
    RISK_MARGIN,
    RISK_PADDING,
    RISK_QR_SIDE,
    RISK_SIGN_ROW,
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
#: The steps (at the minimum size) in which the right block's split is moved left of the middle.
SPLIT_STEP = 10.0

#: Maximum type sizes at the minimum board size (mm); all scale with the board.  Values are
#: never set larger than the labels beside them: the name, the 管控责任人 and the level's
#: words are set at the labels' size.
LABEL_SIZE = 24.0
LIST_SIZE = 22.0
NOTICE_SIZE = 18.0
FOOTER_SIZE = 17.0

#: The labels, verbatim and in the 附表's order: the left column's (None: the row of signs, under
#: its heading), the right block's headers, the lower rows'.  风险点、场所名称 breaks at its 、.
LEFT_LABELS: tuple[list[Para] | None, ...] = (
    [Para("风险点、"), Para("场所名称")], [Para("风险等级")], [Para("管控责任人")], [Para("警示标识")], None,
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


# --- the right block ------------------------------------------------------------------------------------------------

def level_box(sizing: Sizing) -> Box:
    """The 风险等级 colour block."""
    g = risk_grid(sizing)
    return Box(g.xs[1], g.left_ys[1], g.xs[2] - g.xs[1], g.left_ys[2] - g.left_ys[1])


def _list_height(paras: list[Para], width: float, size: float, measure: Measurer) -> float:
    """Height of a list at ``size`` in a box ``width`` wide (∞ if a run is too wide)."""
    fitted = lay_at(paras, width, size, "body", measure, keep=KEEP)
    return float("inf") if fitted is None else fitted.height


@dataclass(frozen=True)
class _RightRows:
    """The right block's split and rows: the middle column's width, the list size and the row heights."""

    middle: float
    size: float
    upper: float
    controls: float
    emergency: float


def _right_rows(point: RiskPoint, g: RiskGrid, measure: Measurer, middle: float, largest: float,
                beat: float | None = None) -> _RightRows | None:
    """The largest common list size (up to ``largest``) at which the four lists fit, and the rows sharing the room.

    Tried in 0.1 mm steps by bisection between the legible minimum and ``largest``.
    When even the minimum does not fit, the lists that do fit keep their room and the
    rest goes to the one that does not, so the misfit names that list only.  With
    ``beat``, only a size above it is of interest: ``None`` when the lists do not fit
    0.1 mm above it (one trial instead of a bisection, for a split that loses anyway).
    """
    s = g.s
    pad = PADDING * s
    available = g.grid.bottom - g.header_bottom
    middle_width = middle - 2 * pad
    right_width = g.right - middle - 2 * pad
    hazards, causes = numbered_list(point.hazards), numbered_list(point.causes)
    controls, emergency = numbered_list(point.controls), numbered_list(point.emergency)
    floor = LOWER_ROW_MIN * s

    def needs(size: float) -> tuple[float, float, float]:
        upper = max(_list_height(hazards, middle_width, size, measure),
                    _list_height(causes, right_width, size, measure)) + 2 * pad
        lower = (max(_list_height(controls, right_width, size, measure) + 2 * pad, floor),
                 max(_list_height(emergency, right_width, size, measure) + 2 * pad, floor))
        return upper, lower[0], lower[1]

    def fits(size: float) -> bool:
        return sum(needs(size)) <= available + 1e-9

    low, high = round(MIN_TEXT * 10), round(max(largest, MIN_TEXT) * 10)
    if beat is not None:
        low = round(beat * 10) + 1
        if low > high or not fits(low / 10):
            return None
    if fits(high / 10):
        size = high / 10
    elif not fits(low / 10):
        size = low / 10
    else:
        while high - low > 1:  # low fits, high does not
            middle_step = (low + high) // 2
            low, high = (middle_step, high) if fits(middle_step / 10) else (low, middle_step)
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
    return _RightRows(middle, size, rows[0], rows[1], rows[2])


def _narrowest_middle(g: RiskGrid, measure: Measurer) -> float:
    """The narrowest middle column whose heading, 风险及可能造成的危害, still fits on one line at the labels' size."""
    pad = PADDING * g.s
    size = LABEL_SIZE * g.s
    return min(g.right / 2, max(measure.width(text, size, "body") for text in (HEADERS[0], *LOWER_LABELS)) + 2 * pad + 1)


def _split(point: RiskPoint, g: RiskGrid, measure: Measurer, largest: float) -> _RightRows:
    """Where the right block splits (both bands alike), and its rows: the split giving the lists the largest type.

    From the middle of the block leftwards in :data:`SPLIT_STEP` steps, down to the
    narrowest column its heading allows; among splits giving the same size, the one
    nearest the middle (the copy's equal columns).
    """
    half = g.right / 2
    narrowest = _narrowest_middle(g, measure)
    best = _right_rows(point, g, measure, half, largest)
    assert best is not None
    step = SPLIT_STEP * g.s
    middle = half - step
    while best.size < largest and middle >= narrowest - 1e-9:
        trial = _right_rows(point, g, measure, middle, largest, beat=best.size)
        if trial is not None:
            best = trial
        middle -= step
    return best


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


def _label_size(g: RiskGrid, measure: Measurer, preferred: float) -> float:
    """One size for every label on the board: the largest (up to ``preferred``) at which the longest still fits.

    The right block's headings are measured in the narrowest column the split may give
    them, so the labels' size does not depend on where the block splits.
    """
    pad = PADDING * g.s
    boxes: list[tuple[list[Para], Box]] = []
    for row, paras in enumerate(LEFT_LABELS):
        if paras is None:
            continue
        right = g.xs[2] if row == RISK_SIGN_ROW - 1 else g.xs[1]
        boxes.append((paras, Box(g.xs[0], g.left_ys[row], right - g.xs[0], g.left_ys[row + 1] - g.left_ys[row])))
    header = g.header_bottom - g.grid.y
    narrowest = _narrowest_middle(g, measure)
    boxes.extend(([Para(text)], Box(0, 0, narrowest, header)) for text in HEADERS)
    boxes.extend(([Para(text)], Box(0, 0, narrowest, LOWER_ROW_MIN * g.s)) for text in LOWER_LABELS)
    size = preferred
    for paras, box in boxes:
        inner = box.inset(pad)
        result = fit_text(paras, inner.w, inner.h, "body", measure, max_size=size, min_size=MIN_TEXT)
        if isinstance(result, Fitted):
            size = min(size, result.size)
    return max(size, MIN_TEXT)


def _value_size(cells: list[tuple[str, Box]], measure: Measurer, preferred: float) -> float:
    """One size for the name and the 管控责任人: the largest (up to ``preferred``) at which both fit."""
    size = preferred
    for text, box in cells:
        if not text:
            continue
        result = fit_text([Para(text)], box.w, box.h, "body", measure, max_size=preferred, min_size=MIN_TEXT, keep=KEEP)
        if isinstance(result, Fitted):
            size = min(size, result.size)
    return size


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
    told = ctx.scale("2-4")

    url = site.enterprise.risk_url
    frame.text(TITLE, _title_box(sizing, bool(url)),
               TextStyle("title", 80 * s, 30, align="center", letter_spacing=0.12))
    if url:
        _qr(frame, url, sizing)

    label_size = _label_size(g, ctx.measure, told.cap("label", LABEL_SIZE * s))
    label = TextStyle("body", label_size, MIN_TEXT, align="center")
    outlines: list[Box] = []
    used: dict[str, list[float]] = {}

    def cell(box: Box, content: list[Para] | str, style: TextStyle, path: KeyPath = (), name: str = "",
             fill: Color | None = None, kind: str = "") -> None:
        if fill is not None:
            frame.rect(box, fill=fill)
        result = frame.text(content, box.inset(pad), style, path, name)
        printed = any(p.text for p in content) if isinstance(content, list) else bool(content)
        if kind and result is not None and printed:
            used.setdefault(kind, []).append(result.size)
        outlines.append(box)

    def field(name: str) -> tuple[KeyPath, str]:
        return (*base, name), name

    # Cells are drawn in the 附表's reading order (row by row as its copy lists them), so that the
    # PDF's text, copied or read aloud, follows the 附表.
    xs, ys = g.xs, g.left_ys
    rows = _split(point, g, ctx.measure, told.cap("list", min(LIST_SIZE * s, label_size)))
    items = TextStyle("body", rows.size, MIN_TEXT, align="left", valign="top", keep=KEEP)
    x_mid, x_right, right = xs[2], xs[2] + rows.middle, g.grid.right
    upper_top, upper_bottom = g.header_bottom, g.header_bottom + rows.upper
    controls_bottom = upper_bottom + rows.controls

    def value_box(row: int) -> Box:
        return Box(xs[1], ys[row], xs[2] - xs[1], ys[row + 1] - ys[row])

    def left(row: int, content: list[Para] | str, style: TextStyle, key: str, fill: Color | None = None,
             kind: str = "value") -> None:
        paras = LEFT_LABELS[row]
        assert paras is not None
        cell(Box(xs[0], ys[row], xs[1] - xs[0], ys[row + 1] - ys[row]), paras, label, kind="label")
        path, name = field(key)
        cell(value_box(row), content, style, path, name, fill, kind)

    def listed(box: Box, entries: list[str], key: str) -> None:
        path, name = field(key)
        cell(box, numbered_list(entries), items, path, name, kind="list")

    value_size = _value_size([(point.name, value_box(0).inset(pad)), (point.owner or "", value_box(2).inset(pad))],
                             ctx.measure, told.cap("value", label_size))
    value = TextStyle("body", value_size, MIN_TEXT, align="center", keep=KEEP)
    left(0, point.name, value, "风险点名称")
    cell(Box(x_mid, g.grid.y, rows.middle, upper_top - g.grid.y), HEADERS[0], label, kind="label")
    cell(Box(x_right, g.grid.y, right - x_right, upper_top - g.grid.y), HEADERS[1], label, kind="label")
    listed(Box(x_mid, upper_top, rows.middle, rows.upper), point.hazards, "风险及可能造成的危害")
    listed(Box(x_right, upper_top, right - x_right, rows.upper), point.causes, "事故诱因")
    left(1, level_name(point.level),
         TextStyle("body", told.cap("level", label_size), MIN_TEXT, align="center", color=RISK_TEXT[point.level],
                   letter_spacing=0.1),
         "风险等级", RISK_COLORS[point.level], kind="level")
    left(2, point.owner or "", value, "管控责任人")
    heading = LEFT_LABELS[RISK_SIGN_ROW - 1]
    assert heading is not None
    cell(Box(xs[0], ys[RISK_SIGN_ROW - 1], xs[2] - xs[0], ys[RISK_SIGN_ROW] - ys[RISK_SIGN_ROW - 1]), heading, label,
         kind="label")
    outlines.append(sign_box(sizing))
    digests = draw_point_signs(frame, ctx, point, index, sign_area(sizing))
    left(RISK_SIGN_ROW + 1, numbered_list(point.notices),
         TextStyle("body", told.cap("notice", min(NOTICE_SIZE * s, label_size)), MIN_TEXT, align="left", keep=KEEP),
         "重要提示", kind="notice")
    cell(Box(x_mid, upper_bottom, rows.middle, rows.controls), LOWER_LABELS[0], label, kind="label")
    listed(Box(x_right, upper_bottom, right - x_right, rows.controls), point.controls, "管控措施")
    cell(Box(x_mid, controls_bottom, rows.middle, g.grid.bottom - controls_bottom), LOWER_LABELS[1], label, kind="label")
    listed(Box(x_right, controls_bottom, right - x_right, g.grid.bottom - controls_bottom), point.emergency,
           "应急处置措施")
    phone = site.enterprise.report_phone or ""
    footer = len(ys) - 2
    cell(Box(xs[0], ys[footer], xs[2] - xs[0], ys[footer + 1] - ys[footer]), _footer(phone),
         TextStyle("body", told.cap("footer", min(FOOTER_SIZE * s, label_size)), MIN_TEXT, align="left", keep=KEEP),
         ("企业", "企业监督举报电话"), "企业监督举报电话", kind="footer")
    frame.type_sizes.update({kind: min(sizes) for kind, sizes in used.items()})

    for box in outlines:
        frame.rect(box, stroke=BLACK, width=1.2 * s)
    revision_stamp(frame, ctx, Box(g.grid.x, height - MARGIN * s + 8 * s, width / 2, 12 * s), "2-4", 9 * s)
    page = Page(width, height, tuple(frame.items), GRADIENT if ctx.gradient else None, texts=tuple(frame.texts))
    extra = (*digests, f"二维码:{url}") if url else digests
    board = Board("2-4", TITLE, point.name, (page,), keywords=(site.enterprise.name, level_name(point.level)),
                  content_extra=extra)
    return board, frame


__all__ = ["HEADERS", "LABEL_SIZE", "LEFT_LABELS", "LOWER_LABELS", "MIN_TEXT", "SIGN_MIN_WIDTH", "TITLE", "layout",
           "level_box", "level_name", "numbered_list", "qr_box", "sign_area", "sign_box"]
