"""附表 2-2 企业安全生产责任牌: one board per workplace (车间, 工作面), six columns, label and value alternating.

The plain-text copy of the 附表 has five cells a row and no value cell after 场所主要负责人
or 具体责任人; every label needs its value beside it, so the board is read as six
columns, label and value alternating, like 2-1 (docs: ``layouts.md``)::

    工作场所            | 值 (3 columns)              | 场所主要负责人 | 值
    企业分管安全领导    | 值 | 带班领导   | 值 · 值 · 值 (3 columns, one cell per leader)
    企业安全管理部门    | 部门 | 责任领导 | 值 | 具体责任人 | 值
    场所主管部门（企业内部） | 部门 | 责任领导 | 值 | 具体责任人 | 值
    班组                | 值 (2 columns) | 班组负责人 | 值 (2 columns)    ← one row per team, if any
    岗位                | 值 (2 columns) | 岗位责任人 | 值 (2 columns)    ← one row per post, if any

Why it is drawn this way:

* 带班领导 "可根据实际人数拆分或合并单元格": the three-column span holds one cell per
  leader: one leader gets the merged span, three get the three columns (so their
  rules run on through the rows below), any other number splits the span equally.
  The split points are added to the grid's column boundaries (every other cell just
  spans more of these finer columns), so :func:`grid` still rules the whole table,
  borders and all, in one pass.
* "班组或岗位可根据实际情况增加或减少条目": one row per team and per post, and none at
  all for a workplace without teams (or posts): an empty 班组 row would read as a team
  nobody named.  Likewise a department the site file does not give (企业安全管理部门,
  场所主管部门: the content rules ask for both, so such a board is only ever drawn for
  a look) has no empty row.  The board does not grow (its size is the regulation's
  reference minimum or what the user asked for): the rows share the grid's height.
  The fixed rows may be up to 1.5 times as tall as a team or post row (they carry the
  two-line labels and the department names): of the proportions 1.0 … 1.5, the one
  giving the largest type wins, and among equals the one nearest 1.25.
* Type sizes are uniform: every label is set at one size and every value at one size
  (the largest at which all of them fit), so a long department name does not leave
  its cell in smaller type than its neighbours; a value is never larger than the
  labels.  The 2-2 boards of all workplaces share these two sizes
  (:mod:`signkit.layout.type_scale`).  Long labels break where the 附表
  breaks them ("企业分管 / 安全领导", "场所 / 主要负责人") rather than wherever the line
  runs out; "场所主管部门(企业内部)" is printed with full-width parentheses.  Values
  never break inside a parenthesis or between a number and its unit.
* With many rows the type shrinks down to the legible minimum (10 mm, read at 2 m).
  When the rows are too low for even one line at that size, one :class:`Misfit` is
  recorded for the longer list (班组 or 岗位) and the table is not drawn: the caller
  reports it and proposes a bigger board.
* No 监制 line: the enterprise makes this board itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from signkit.diagnostics import KeyPath
from signkit.drawing.box import Box
from signkit.drawing.colors import BLACK
from signkit.drawing.frame import KEEP, Cell, Frame, Misfit, TextStyle, grid, lay_at
from signkit.drawing.items import Board, Page
from signkit.drawing.text import LEADING, Measurer, Overflow, Para
from signkit.fonts import Role
from signkit.layout.context import GRADIENT, LayoutContext, revision_stamp
from signkit.plan.boards import PlannedBoard
from signkit.spec.forms import FORMS
from signkit.spec.sizes import Sizing

TITLE = "企业安全生产责任牌"
MIN_SIZE = (float(FORMS["2-2"].min_size_mm[0]), float(FORMS["2-2"].min_size_mm[1]))
#: Column widths at the minimum size (label, value, label, value, label, value), mm.  The
#: first label column holds "企业分管安全领导" on one line; the fifth "场所主要负责人".
COLUMNS = (205.0, 210.0, 140.0, 195.0, 190.0, 180.0)
MARGIN = 40.0
TITLE_HEIGHT = 130.0
#: A fixed row's height relative to a 班组 / 岗位 row: tried from 1 to 1.5, the one giving the
#: largest type wins; among equals, the one nearest 1.25 (a bit taller, as the 附表 draws them).
FIXED_WEIGHTS = tuple(1 + k / 10 for k in range(6))
PREFERRED_WEIGHT = 1.25
PADDING = 6.0
#: Preferred type sizes at the minimum board size (scaled with the board), mm.
TEXT_SIZE = 24.0
TITLE_SIZE = 80.0
MIN_TEXT = FORMS["2-2"].min_text  # legible at 2 m (docs/design.md)

#: Where the 附表 breaks its long labels; used when a label does not fit on one line.
LABEL_BREAKS: dict[str, tuple[str, ...]] = {
    "企业分管安全领导": ("企业分管", "安全领导"),
    "企业安全管理部门": ("企业安全", "管理部门"),
    "场所主管部门（企业内部）": ("场所主管部门", "（企业内部）"),
    "场所主要负责人": ("场所", "主要负责人"),
}


#: A logical column boundary: ("col", 0…6) or ("leader", k), the split before the k-th 带班领导.
Edge = tuple[str, int]


@dataclass(frozen=True)
class _Spec:
    """A cell before sizing: its place in the six logical columns, and its text choices."""

    row: int
    col: Edge  # logical boundary where the cell starts
    end: Edge  # logical boundary where it ends
    choices: tuple[tuple[Para, ...], ...]  # alternatives, preferred first (labels: one line, then 附表 breaks)
    is_label: bool
    path: KeyPath = ()
    label: str = ""


def largest_size(paras: tuple[Para, ...], box: Box, role: Role, measure: Measurer, *, max_size: float,
                 min_size: float, one_line_each: bool, keep: bool = False) -> float | None:
    """The largest size (0.1 mm steps) at which ``paras`` fit ``box``; ``None`` below ``min_size``.

    With ``one_line_each`` every paragraph must stay on one line (a label broken only
    where the 附表 breaks it).  Both conditions only get harder as the size grows, so a
    bisection finds the answer.  With ``keep``, no line breaks inside a parenthesis or
    between a number and its unit (:data:`signkit.drawing.frame.KEEP`).
    """
    def fits(size: float) -> bool:
        result = lay_at(list(paras), box.w, size, role, measure, keep=KEEP if keep else None)
        if result is None or result.height > box.h + 1e-9:
            return False
        return not one_line_each or len(result.lines) <= len(paras)

    low, high = round(min_size * 10), round(max_size * 10)
    if not fits(low / 10):
        return None
    if fits(high / 10):
        return high / 10
    while high - low > 1:
        middle = (low + high) // 2
        if fits(middle / 10):
            low = middle
        else:
            high = middle
    return low / 10


def _label_choices(text: str) -> tuple[tuple[Para, ...], ...]:
    breaks = LABEL_BREAKS.get(text)
    single = (Para(text),)
    return (single, tuple(Para(part, continued=k > 0) for k, part in enumerate(breaks))) if breaks else (single,)


def _edges(columns: list[float], x0: float, leaders: int) -> tuple[list[float], dict[Edge, int]]:
    """Grid column boundaries: the six columns' plus the points splitting the leaders' span.

    Returns the boundaries' x positions and, for every logical boundary (``("col", i)``
    for the six columns, ``("leader", k)`` for the split before the k-th leader), the
    index of its boundary in the finer grid.  Three leaders take the three columns
    as they are, so their rules run on through the rows below; any other number
    splits the span equally.
    """
    column_x = [x0 + sum(columns[:i]) for i in range(len(columns) + 1)]
    marks: dict[Edge, float] = {("col", i): x for i, x in enumerate(column_x)}
    span = column_x[6] - column_x[3]
    for k in range(1, leaders):
        marks["leader", k] = column_x[3 + k] if leaders == 3 else column_x[3] + span * k / leaders
    xs: list[float] = []
    index: dict[Edge, int] = {}
    for mark, x in sorted(marks.items(), key=lambda item: (item[1], item[0])):
        if xs and abs(x - xs[-1]) < 0.5:  # a split on a column rule shares the rule
            index[mark] = len(xs) - 1
            continue
        index[mark] = len(xs)
        xs.append(x)
    return xs, index


def _specs(planned: PlannedBoard, ctx: LayoutContext) -> tuple[list[_Spec], int, int, int, int]:
    """Every cell of the table in 附表 reading order; the number of leader cells, fixed rows, team and post rows."""
    index = planned.source[1]
    assert isinstance(index, int)
    place = ctx.site.workplaces[index]
    base: KeyPath = ("工作场所", index)
    specs: list[_Spec] = []

    def labelled(row: int, col: int, end: int, text: str) -> None:
        specs.append(_Spec(row, ("col", col), ("col", end), _label_choices(text), True, (), text))

    def valued(row: int, col: int | Edge, end: int | Edge, text: str, path: KeyPath) -> None:
        start = col if isinstance(col, tuple) else ("col", col)
        stop = end if isinstance(end, tuple) else ("col", end)
        specs.append(_Spec(row, start, stop, ((Para(text),),), False, path, str(path[-1])))

    labelled(0, 0, 1, "工作场所")
    valued(0, 1, 4, place.name, (*base, "名称"))
    labelled(0, 4, 5, "场所主要负责人")
    valued(0, 5, 6, place.head or "", (*base, "场所主要负责人"))
    labelled(1, 0, 1, "企业分管安全领导")
    valued(1, 1, 2, place.safety_leader or "", (*base, "企业分管安全领导"))
    labelled(1, 2, 3, "带班领导")
    leaders = place.shift_leaders or [""]
    for k, name in enumerate(leaders):
        start: Edge = ("leader", k) if k else ("col", 3)
        stop: Edge = ("leader", k + 1) if k < len(leaders) - 1 else ("col", 6)
        valued(1, start, stop, name, (*base, "带班领导", k))
    row = 2
    for text, dept, key in (("企业安全管理部门", place.safety_dept, "企业安全管理部门"),
                            ("场所主管部门（企业内部）", place.managing_dept, "场所主管部门")):
        if dept is None:  # not given: no empty row (the content rules ask for it)
            continue
        labelled(row, 0, 1, text)
        valued(row, 1, 2, dept.department, (*base, key, "部门"))
        labelled(row, 2, 3, "责任领导")
        valued(row, 3, 4, dept.leader, (*base, key, "责任领导"))
        labelled(row, 4, 5, "具体责任人")
        valued(row, 5, 6, dept.officer, (*base, key, "具体责任人"))
        row += 1
    fixed = row
    for t, team in enumerate(place.teams):
        path: KeyPath = (*base, "班组", t)
        labelled(row, 0, 1, "班组")
        valued(row, 1, 3, team.name, (*path, "名称"))
        labelled(row, 3, 4, "班组负责人")
        valued(row, 4, 6, team.leader, (*path, "负责人"))
        row += 1
    for p, post in enumerate(place.posts):
        path = (*base, "岗位", p)
        labelled(row, 0, 1, "岗位")
        valued(row, 1, 3, post.name, (*path, "名称"))
        labelled(row, 3, 4, "岗位责任人")
        valued(row, 4, 6, post.holder, (*path, "责任人"))
        row += 1
    return specs, len(leaders), fixed, len(place.teams), len(place.posts)


def _uniform(specs: list[_Spec], boxes: list[Box], measure: Measurer, label_max: float, value_max: float
             ) -> tuple[float | None, float | None, int]:
    """The largest label size and value size at which every label and every value fits.

    Cells that do not fit even at the minimum are left out (they will be reported as
    misfits when drawn); empty cells have no say.  No value is set larger than the
    labels.  Also returns how many cells fit.
    """
    sizes: dict[bool, list[float]] = {True: [], False: []}
    for spec, box in zip(specs, boxes, strict=True):
        if not any(p.text for p in spec.choices[0]):
            continue
        best = [largest_size(choice, box, "body", measure, max_size=label_max if spec.is_label else value_max,
                             min_size=MIN_TEXT, one_line_each=spec.is_label, keep=not spec.is_label)
                for choice in spec.choices]
        found = [size for size in best if size is not None]
        if found:
            sizes[spec.is_label].append(max(found))
    fitting = len(sizes[True]) + len(sizes[False])
    label = min(sizes[True]) if sizes[True] else None
    value = min(sizes[False]) if sizes[False] else None
    if label is not None and value is not None:
        value = min(value, label)
    return label, value, fitting


def _content(spec: _Spec, box: Box, size: float | None, measure: Measurer) -> list[Para]:
    """A label's first alternative that fits at the label size (one line before the 附表's breaks)."""
    if size is not None and spec.is_label:
        for choice in spec.choices:
            if largest_size(choice, box, "body", measure, max_size=size, min_size=size, one_line_each=True):
                return list(choice)
    return list(spec.choices[-1] if spec.is_label else spec.choices[0])


@dataclass(frozen=True)
class _Table:
    """One candidate arrangement of the table: row heights, cell boxes and the two type sizes."""

    weight: float
    heights: list[float]
    xs: list[float]
    edge: dict[Edge, int]
    boxes: list[Box]
    label_size: float | None
    value_size: float | None
    fitting: int

    @property
    def score(self) -> tuple[int, float, float]:
        """Fewest misfits first, then the bigger type; among equals, fixed rows nearest "a bit taller"."""
        sizes = [size for size in (self.label_size, self.value_size) if size is not None]
        return (self.fitting, min(sizes) if sizes else 0.0, -abs(self.weight - PREFERRED_WEIGHT))


def _arrange(specs: list[_Spec], grid_box: Box, leaders: int, rows: tuple[int, int], weight: float, padding: float,
             max_sizes: tuple[float, float], measure: Measurer) -> _Table:
    fixed, repeat_rows = rows
    unit = grid_box.h / (fixed * weight + repeat_rows)
    heights = [unit * weight] * fixed + [unit] * repeat_rows
    columns = [w * grid_box.w / sum(COLUMNS) for w in COLUMNS]
    xs, edge = _edges(columns, grid_box.x, leaders)
    ys = [grid_box.y]
    for h in heights:
        ys.append(ys[-1] + h)
    boxes = [Box(xs[edge[spec.col]], ys[spec.row], xs[edge[spec.end]] - xs[edge[spec.col]],
                 ys[spec.row + 1] - ys[spec.row]).inset(padding) for spec in specs]
    label_size, value_size, fitting = _uniform(specs, boxes, measure, *max_sizes)
    return _Table(weight, heights, xs, edge, boxes, label_size, value_size, fitting)


def layout(ctx: LayoutContext, planned: PlannedBoard, sizing: Sizing) -> tuple[Board, Frame]:
    """Lay out the 2-2 board of the workplace ``planned.source`` names."""
    s = sizing.scale
    width, height = sizing.width, sizing.height
    frame = Frame(ctx.measure)
    margin = MARGIN * s
    title_box = Box(margin, margin, width - 2 * margin, TITLE_HEIGHT * s)
    frame.text(TITLE, title_box.inset(0, 15 * s), TextStyle("title", TITLE_SIZE * s, 30, align="center", letter_spacing=0.12))

    specs, leaders, fixed, team_rows, post_rows = _specs(planned, ctx)
    repeat_rows = team_rows + post_rows
    grid_box = Box(margin, margin + TITLE_HEIGHT * s, width - 2 * margin, height - 2 * margin - TITLE_HEIGHT * s)
    padding = PADDING * s
    needed = MIN_TEXT * LEADING + 2 * padding
    told = ctx.scale("2-2")
    max_sizes = (told.cap("label", TEXT_SIZE * s), told.cap("value", TEXT_SIZE * s))
    if grid_box.h / (fixed + repeat_rows) + 1e-9 < needed:
        # Too many rows for even one line of legible type: one clear misfit for the longer list.
        longer = "岗位" if post_rows > team_rows else "班组"
        overflow = Overflow(MIN_TEXT, needed * (fixed + repeat_rows), grid_box.h)
        frame.misfits.append(Misfit(("工作场所", planned.source[1], longer), longer, overflow, grid_box))
    else:
        candidates = [_arrange(specs, grid_box, leaders, (fixed, repeat_rows), weight, padding, max_sizes, ctx.measure)
                      for weight in FIXED_WEIGHTS
                      if grid_box.h / (fixed * weight + repeat_rows) + 1e-9 >= needed]
        table = max(candidates, key=lambda t: t.score)
        cells: list[Cell] = []
        for spec, box in zip(specs, table.boxes, strict=True):
            size = table.label_size if spec.is_label else table.value_size
            style = TextStyle("body", max(size or TEXT_SIZE * s, MIN_TEXT), MIN_TEXT, align="center",
                              keep=None if spec.is_label else KEEP)
            cells.append(Cell(spec.row, table.edge[spec.col], _content(spec, box, size, ctx.measure), style,
                              colspan=table.edge[spec.end] - table.edge[spec.col], path=spec.path, label=spec.label))
        widths = [b - a for a, b in pairwise(table.xs)]
        grid(frame, grid_box, widths, table.heights, cells, padding=padding, border=BLACK, border_width=1.2 * s)
        for kind, size in (("label", table.label_size), ("value", table.value_size)):
            if size is not None:
                frame.type_sizes[kind] = size

    revision_stamp(frame, ctx, Box(margin, height - margin + 8 * s, width / 2, 12 * s), "2-2", 9 * s)
    page = Page(width, height, tuple(frame.items), GRADIENT if ctx.gradient else None, texts=tuple(frame.texts))
    return Board("2-2", TITLE, planned.subject, (page,)), frame


__all__ = ["MIN_SIZE", "MIN_TEXT", "largest_size", "layout"]
