"""附表 2-3 员工岗位责任牌: one portrait board per post, two columns.

The 附表 is a two-row table under the title::

    岗位名称          | 值
    岗位安全生产责任  | （一）……；（二）……；……

Why it is drawn this way:

* Portrait, 600 × 900 mm at the minimum ("宽 60cm、高 90cm"); larger boards keep the
  proportions ("可根据实际情况按比例放大"), so every dimension scales with the board.
* The label column is narrow, as in the 附表, whose copy breaks the label
  "岗位安全 生产责任" onto two lines: the label is printed in two lines of four
  characters, the way the 附表 breaks it, and 岗位名称 at the same size above it.
* The duties take most of the height.  They are the substance of the board
  ("明确各岗位员工具体的安全生产责任"), one numbered item each, （一）（二）… hanging
  to the left of every line, left- and top-aligned so that items start where the eye
  expects them; each ends in "；" as in the 附表's sample, the last one too.
* The duties shrink from the preferred size down to 7.5 mm (legible at 1.5 m, where
  this board is read in offices and workplaces) and no further: a list that does not
  fit then is one misfit naming ("岗位", i, "岗位安全生产责任"), and nothing is drawn
  for it, so the caller can ask for shorter duties or a bigger board.
* The boards of all posts hang together and share their type sizes
  (:mod:`signkit.layout.type_scale`): labels, the post's name and the duties are each
  set at the size their kind gets on every board, when told one.  Labels are never
  smaller than the values beside them.  No line breaks inside a parenthesis or
  between a number and its unit.
* The background is the house gradient by default (the text prescribes none for 2-3).
* No 监制 line: the enterprise makes this board itself.
"""

from __future__ import annotations

from signkit.diagnostics import KeyPath
from signkit.drawing.box import Box
from signkit.drawing.colors import BLACK
from signkit.drawing.frame import KEEP, Cell, Frame, TextStyle, fit_text, grid
from signkit.drawing.items import Board, Page
from signkit.drawing.lists import numbered_list
from signkit.drawing.text import Fitted, Para
from signkit.layout.context import GRADIENT, LayoutContext, revision_stamp
from signkit.plan.boards import PlannedBoard
from signkit.spec.forms import FORMS
from signkit.spec.sizes import Sizing

TITLE = "员工岗位责任牌"
MIN_SIZE = (float(FORMS["2-3"].min_size_mm[0]), float(FORMS["2-3"].min_size_mm[1]))
MARGIN = 30.0
TITLE_HEIGHT = 110.0
TITLE_SIZE = 60.0
#: Column widths at the minimum size (label, value), mm: four label characters a line.
COLUMNS = (140.0, 400.0)
#: Height of the 岗位名称 row at the minimum size; the duties row takes the rest.
NAME_ROW = 100.0
PADDING = 10.0
LABEL_SIZE = 30.0
NAME_SIZE = 30.0
DUTY_SIZE = 24.0
MIN_TEXT = FORMS["2-3"].min_text  # legible at 1.5 m (docs/design.md)


def duty_paras(duties: list[str]) -> list[Para]:
    """The duties as hanging numbered paragraphs: （一）…；（二）…； (the last one too)."""
    return numbered_list(duties)


def _label_size(labels: list[tuple[list[Para], Box]], preferred: float, ctx: LayoutContext) -> float:
    """One size for both labels: the largest (up to ``preferred``) at which each fits its cell."""
    size = preferred
    for paras, box in labels:
        result = fit_text(paras, box.w, box.h, "body", ctx.measure, max_size=preferred, min_size=MIN_TEXT)
        if isinstance(result, Fitted):
            size = min(size, result.size)
    return size


def layout(ctx: LayoutContext, planned: PlannedBoard, sizing: Sizing) -> tuple[Board, Frame]:
    """Lay out the 2-3 board of the post ``planned.source`` names."""
    index = planned.source[1]
    assert isinstance(index, int)
    post = ctx.site.posts[index]
    base: KeyPath = ("岗位", index)
    s = sizing.scale
    width, height = sizing.width, sizing.height
    frame = Frame(ctx.measure)
    margin = MARGIN * s
    title_box = Box(margin, margin, width - 2 * margin, TITLE_HEIGHT * s)
    frame.text(TITLE, title_box.inset(0, 12 * s), TextStyle("title", TITLE_SIZE * s, 20, align="center", letter_spacing=0.15))

    grid_box = Box(margin, margin + TITLE_HEIGHT * s, width - 2 * margin, height - 2 * margin - TITLE_HEIGHT * s)
    columns = [w * grid_box.w / sum(COLUMNS) for w in COLUMNS]
    rows = [NAME_ROW * s, grid_box.h - NAME_ROW * s]
    padding = PADDING * s
    told = ctx.scale("2-3")
    labels = ([Para("岗位名称")], [Para("岗位安全"), Para("生产责任")])
    label_size = _label_size([(paras, Box(0, 0, columns[0], row).inset(padding)) for paras, row in zip(labels, rows, strict=True)],
                             told.cap("label", LABEL_SIZE * s), ctx)
    label = TextStyle("body", label_size, MIN_TEXT, align="center")
    name = TextStyle("body", told.cap("name", min(NAME_SIZE * s, label_size)), MIN_TEXT, align="center", keep=KEEP)
    duties = TextStyle("body", told.cap("list", min(DUTY_SIZE * s, label_size)), MIN_TEXT, align="left", valign="top",
                       keep=KEEP)
    cells = [
        Cell(0, 0, labels[0], label, label="岗位名称"),
        Cell(0, 1, post.name, name, path=(*base, "岗位名称"), label="岗位名称"),
        Cell(1, 0, labels[1], label, label="岗位安全生产责任"),
        Cell(1, 1, duty_paras(post.duties), duties, path=(*base, "岗位安全生产责任"), label="岗位安全生产责任"),
    ]
    results = grid(frame, grid_box, columns, rows, cells, padding=padding, border=BLACK, border_width=1.0 * s)
    for kind, result, printed in (("label", results[0], True), ("name", results[1], True),
                                  ("list", results[3], bool(post.duties))):
        if isinstance(result, Fitted) and printed:
            frame.type_sizes[kind] = result.size

    revision_stamp(frame, ctx, Box(margin, height - margin + 6 * s, width - 2 * margin, 9 * s), "2-3", 7 * s)
    page = Page(width, height, tuple(frame.items), GRADIENT if ctx.gradient else None, texts=tuple(frame.texts))
    return Board("2-3", TITLE, planned.subject, (page,)), frame


__all__ = ["MIN_SIZE", "MIN_TEXT", "duty_paras", "layout"]
