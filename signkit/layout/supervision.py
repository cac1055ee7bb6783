"""附表 2-1-1 and 2-1-2 安全生产监督管理责任牌: six columns, label and value alternating.

2-1-1 (county-supervised enterprise with a 重大 risk point) has the 县级政府领导 / 风险点
row and reads 分管负责人 and 属地监管责任; 2-1-2 reads 安全管理人员 and 属地管理部门 and
letter-spaces its title.  The 专业监管部门 label is merged down over its rows: three
rows as the 附表 prints (blank ones left for the office to fill by hand), more rows if
the site names more departments, and the board grows by those rows.

2-1-1's 风险点 cell names every 重大 risk point (:func:`signkit.model.facts.major_points`:
a mine may have several), joined with 、 and no name broken across lines where a line
holds it.  The list shrinks down to the legible minimum; if it does not fit even then,
its row grows (and the board with it, :func:`natural_size`) rather than any name being
left out or clipped.
"""

from __future__ import annotations

from dataclasses import replace

from signkit.diagnostics import KeyPath
from signkit.drawing.box import Box
from signkit.drawing.colors import BLACK
from signkit.drawing.frame import KEEP, Cell, Frame, Keep, TextStyle, grid, lay_at
from signkit.drawing.items import Board, Page
from signkit.drawing.text import Para
from signkit.layout.context import GRADIENT, LayoutContext, revision_stamp
from signkit.layout.fixed_text import supervisor_line
from signkit.model.facts import major_points
from signkit.model.site import Department
from signkit.plan.boards import PlannedBoard
from signkit.spec.forms import FORMS
from signkit.spec.sizes import Sizing, scale_of

MIN_SIZE = (float(FORMS["2-1-1"].min_size_mm[0]), float(FORMS["2-1-1"].min_size_mm[1]))
#: Column widths at the minimum size (label, value, label, value, label, value), mm.
COLUMNS = (200.0, 230.0, 150.0, 200.0, 150.0, 190.0)
SPECIAL_ROWS = 3
MIN_TEXT = FORMS["2-1-1"].min_text  # legible at 2 m (docs/design.md)


#: Vertical space that is not grid, at the minimum size: margins, title, 监制 line.
CHROME = 40 + 130 + 60 + 40
#: Inner padding of a cell and the preferred type size, at the minimum size (mm).
PADDING = 6.0
TEXT_SIZE = 24.0
#: 2-1-1's 风险点 row (after 企业名称 and 企业主要负责人).
RISK_ROW = 2


def _row_count(form_id: str, special_rows: int) -> int:
    return 2 + (1 if form_id == "2-1-1" else 0) + 2 + special_rows + 1


def _columns(width: float, s: float) -> list[float]:
    margin = 40 * s
    return [w * (width - 2 * margin) / sum(COLUMNS) for w in COLUMNS]


def _points(ctx: LayoutContext) -> tuple[Para, Keep]:
    """The 风险点 cell: every 重大 point, joined with 、, each name kept whole where a line holds it."""
    points = major_points(ctx.site)
    return Para("、".join(points)), Keep(words=tuple(points))


def _points_row(ctx: LayoutContext, width: float, s: float) -> float:
    """The height the 风险点 row needs for its list at the legible minimum (padding included)."""
    para, keep = _points(ctx)
    columns = _columns(width, s)
    fitted = lay_at([para], columns[4] + columns[5] - 2 * PADDING * s, MIN_TEXT, "body", ctx.measure, keep=keep)
    return (0.0 if fitted is None else fitted.height) + 2 * PADDING * s


def _row_heights(ctx: LayoutContext, form_id: str, rows: int, grid_height: float, width: float, s: float) -> list[float]:
    """Equal rows, but 2-1-1's 风险点 row as tall as its list needs at the legible minimum when that is more."""
    row = grid_height / rows
    heights = [row] * rows
    if form_id == "2-1-1":
        need = _points_row(ctx, width, s)
        if need > row:
            heights = [(grid_height - need) / (rows - 1)] * rows
            heights[RISK_ROW] = need
    return heights


def natural_size(ctx: LayoutContext, planned: PlannedBoard, width: float, height: float) -> tuple[float, float]:
    """The 附表 has three 专业监管部门 rows; each further department adds one row's height.

    On 2-1-1 the 风险点 row also grows by what its list of 重大 points needs beyond one row
    at the legible minimum, so that every point is printed.
    """
    special = len(ctx.site.supervision.special_depts)
    extra = max(special - SPECIAL_ROWS, 0)
    scale = height / MIN_SIZE[1]
    row = (height - CHROME * scale) / _row_count(planned.form_id, SPECIAL_ROWS)
    height += extra * row
    if planned.form_id == "2-1-1":
        s = scale_of(planned.form_id, width, height)
        equal = (height - CHROME * s) / _row_count(planned.form_id, max(special, SPECIAL_ROWS))
        height += max(_points_row(ctx, width, s) - equal, 0.0)  # the other rows keep their height
    return width, height


def layout(ctx: LayoutContext, planned: PlannedBoard, sizing: Sizing) -> tuple[Board, Frame]:
    """Lay out the enterprise's 2-1 board (``planned.form_id`` says which of the two)."""
    form_id = planned.form_id
    site = ctx.site
    s = sizing.scale
    frame = Frame(ctx.measure)
    margin = 40 * s
    width, height = sizing.width, sizing.height
    special = site.supervision.special_depts
    special_rows = max(len(special), SPECIAL_ROWS)
    rows = _row_count(form_id, special_rows)
    title_box = Box(margin, margin, width - 2 * margin, 130 * s)
    letter_spacing = 0.5 if form_id == "2-1-2" else 0.12
    frame.text("安全生产监督管理责任牌", title_box.inset(0, 15 * s),
               TextStyle("title", 80 * s, 30, align="center", letter_spacing=letter_spacing))

    label = TextStyle("body", TEXT_SIZE * s, MIN_TEXT, align="center")
    value = TextStyle("body", TEXT_SIZE * s, MIN_TEXT, align="center", keep=KEEP)
    cells: list[Cell] = []

    def labelled(row: int, col: int, text: str, colspan: int = 1, rowspan: int = 1) -> None:
        cells.append(Cell(row, col, text, label, rowspan=rowspan, colspan=colspan, label=text))

    def valued(row: int, col: int, text: str | list[Para], path: KeyPath, colspan: int = 1, style: TextStyle = value
               ) -> None:
        cells.append(Cell(row, col, text, style, colspan=colspan, path=path, label=str(path[-1])))

    enterprise = site.enterprise
    labelled(0, 0, "企业名称")
    valued(0, 1, enterprise.name, ("企业", "企业名称"), colspan=5)
    labelled(1, 0, "企业主要负责人")
    valued(1, 1, enterprise.principal or "", ("企业", "企业主要负责人"))
    if form_id == "2-1-1":
        labelled(1, 2, "分管负责人")
        valued(1, 3, enterprise.deputy or "", ("企业", "分管负责人"))
    else:
        labelled(1, 2, "安全管理人员")
        valued(1, 3, enterprise.safety_manager or "", ("企业", "安全管理人员"))
    labelled(1, 4, "所属行业")
    valued(1, 5, enterprise.industry or "", ("企业", "所属行业"))
    row = 2
    supervision = site.supervision
    if form_id == "2-1-1":
        leader = supervision.county_leader
        labelled(row, 0, "县级政府领导")
        valued(row, 1, leader.name if leader else "", ("监管责任", "县级政府领导", "姓名"), colspan=2)
        labelled(row, 3, "风险点")
        para, keep = _points(ctx)
        valued(row, 4, [para], ("监管责任", "风险点"), colspan=2, style=replace(value, keep=keep))
        row += 1

    def department(row: int, dept: Department | None, path: KeyPath) -> None:
        valued(row, 1, dept.department if dept else "", (*path, "部门"))
        labelled(row, 2, "责任领导")
        valued(row, 3, dept.leader.name if dept else "", (*path, "责任领导", "姓名"))
        labelled(row, 4, "具体责任人")
        valued(row, 5, dept.officer if dept else "", (*path, "具体责任人"))

    labelled(row, 0, "行业主管部门")
    department(row, supervision.industry_dept, ("监管责任", "行业主管部门"))
    row += 1
    labelled(row, 0, "安全监管部门")
    department(row, supervision.safety_dept, ("监管责任", "安全监管部门"))
    row += 1
    labelled(row, 0, "专业监管部门", rowspan=special_rows)
    for index in range(special_rows):
        dept = special[index] if index < len(special) else None
        department(row, dept, ("监管责任", "专业监管部门", index))
        row += 1
    labelled(row, 0, "属地监管责任" if form_id == "2-1-1" else "属地管理部门")
    department(row, supervision.local_dept, ("监管责任", "属地监管"))

    grid_top = margin + 130 * s
    grid_height = height - CHROME * s
    heights = _row_heights(ctx, form_id, rows, grid_height, width, s)
    grid(frame, Box(margin, grid_top, width - 2 * margin, grid_height), _columns(width, s), heights, cells,
         padding=PADDING * s, border=BLACK, border_width=1.2 * s)
    footer = Box(margin, grid_top + grid_height + 8 * s, width - 2 * margin, 44 * s)
    unit = ctx.region.supervisor_unit or ""
    frame.text(supervisor_line(ctx.region) if unit else "", footer,
               TextStyle("title", 30 * s, MIN_TEXT, align="right"), ("地区", "监制单位"))
    revision_stamp(frame, ctx, Box(margin, height - margin + 8 * s, width / 2, 12 * s), form_id, 9 * s)
    page = Page(width, height, tuple(frame.items), GRADIENT if ctx.gradient else None, texts=tuple(frame.texts))
    board = Board(form_id, "安全生产监督管理责任牌", site.enterprise.name, (page,))
    return board, frame
