"""附表 2-5 岗位风险告知卡: a pocket card, printed on both sides and laminated.

The 附表 prints the card as two sides, marked (卡片正面) and (卡片背面); the marks are
annotations of the 附表, not card text, so they become the pages' labels and are not
printed.  Reading of each side, top to bottom, labels with the full-width colon the
附表 shows (its half-width "岗位名称:" becomes "岗位名称："):

* front: the title 岗位风险告知卡; ``岗位名称：`` [值]; ``岗位安全风险：`` and the numbered
  list of the post's risks;
* back: ``安全风险应急处置及管控措施：`` and its numbered list; ``救援电话：`` [值];
  ``企业应急电话：`` [值].

Design decisions, and why:

* The default size is A6 (105 × 148 mm, "便于携带"); everything scales with the card,
  except the legible minimum of 7 pt (2.47 mm), which a card held in the hand needs
  whatever its size.
* A thin dark-blue frame and, on the front, a dark-blue title band with the title in
  white: the card is a small object and needs one strong element to be recognised.
  Labels are dark blue and values black, so that the labels (printed on every card
  of the enterprise) recede and the post's own text stands out.
* Both telephone numbers are mandatory (内容要求: "必须…注明救援电话和企业应急电话"), so
  they sit in a tinted box at a fixed place at the foot of the back, numbers in red,
  where a frightened reader finds them without reading the lists.
* The two numbered lists share one type size (the smaller of their best fits), so the
  two sides of one card look alike.  Items are numbered （一）（二）… with a hanging
  number and every item ends in "；", as the 附表 sample shows.
* Background: the house gradient when ``ctx.gradient`` (the site's 渐变背景 option) is
  on, else white; the regulation does not say.
"""

from __future__ import annotations

from signkit.diagnostics import KeyPath
from signkit.drawing.box import Box
from signkit.drawing.colors import BLACK, TITLE_BLUE, WHITE
from signkit.drawing.frame import Frame, TextStyle
from signkit.drawing.items import Board, Color, Page
from signkit.drawing.lists import numbered_list
from signkit.drawing.text import Fitted, Measurer, Para, fit
from signkit.layout.context import GRADIENT, LayoutContext, revision_stamp
from signkit.plan.boards import PlannedBoard
from signkit.spec.forms import FORMS
from signkit.spec.sizes import Sizing

MIN_SIZE = (float(FORMS["2-5"].min_size_mm[0]), float(FORMS["2-5"].min_size_mm[1]))  # the default card, A6
MIN_TEXT = FORMS["2-5"].min_text  # 7 pt: the smallest type a pocket card may use
TITLE = "岗位风险告知卡"

FRONT = "卡片正面"
BACK = "卡片背面"
NAME_LABEL = "岗位名称："
RISKS_LABEL = "岗位安全风险："
MEASURES_LABEL = "安全风险应急处置及管控措施："
RESCUE_LABEL = "救援电话："
EMERGENCY_LABEL = "企业应急电话："

#: Dimensions at A6 (mm); all scale with the card.
FRAME_INSET = 3.0
FRAME_WIDTH = 0.5
MARGIN = 7.0  # trim edge to text
TITLE_BAND = 19.0  # from the frame's top edge
LABEL_HEIGHT = 7.0
PHONE_ROW = 8.0
PHONE_PADDING = 2.0
STAMP = 1.6

#: Maximum type sizes at A6 (mm): 4.2 mm ≈ 12 pt.
TITLE_SIZE = 7.5
LABEL_SIZE = 4.2
VALUE_SIZE = 4.6
LIST_SIZE = 4.2
PHONE_SIZE = 4.6

RED = Color("红", 0.0, 1.0, 1.0, 0.0)
TINT = Color("浅蓝", 0.10, 0.02, 0.0, 0.0)
RULE = Color("灰", 0.0, 0.0, 0.0, 0.45)


def _frame_box(sizing: Sizing) -> Box:
    inset = FRAME_INSET * sizing.scale
    return Box(inset, inset, sizing.width - 2 * inset, sizing.height - 2 * inset)


def _content(sizing: Sizing) -> Box:
    margin = MARGIN * sizing.scale
    return Box(margin, margin, sizing.width - 2 * margin, sizing.height - 2 * margin)


def _labelled(frame: Frame, measure: Measurer, box: Box, label: str, value: str, size: float,
              value_color: Color, path: KeyPath) -> float:
    """``label`` then its value on one row of ``box``; returns where the value starts."""
    label_style = TextStyle("body", size, MIN_TEXT, align="left", color=TITLE_BLUE)
    label_width = measure.width(label, size, "body")
    fitted = frame.text(label, Box(box.x, box.y, label_width, box.h), label_style)
    used = fitted.size if fitted else size
    value_x = box.x + measure.width(label, used, "body")
    frame.text(value, Box(value_x, box.y, box.right - value_x, box.h),
               TextStyle("body", size, MIN_TEXT, align="left", color=value_color), path, str(path[-1]))
    return value_x


def _list_size(lists: list[tuple[list[Para], Box]], measure: Measurer, max_size: float) -> float:
    """The size both lists can use: the smaller of their best fits (a list that cannot fit is left to misfit)."""
    size = max_size
    for paras, box in lists:
        result = fit(paras, box.w, box.h, "body", measure, max_size=max_size, min_size=MIN_TEXT)
        if isinstance(result, Fitted):
            size = min(size, result.size)
    return size


def layout(ctx: LayoutContext, planned: PlannedBoard, sizing: Sizing) -> tuple[Board, Frame]:
    """Lay out the card of the post ``planned.source`` names: front and back pages."""
    index = int(planned.source[1])
    site = ctx.site
    post = site.posts[index]
    s = sizing.scale
    width, height = sizing.width, sizing.height
    measure = ctx.measure
    base: KeyPath = ("岗位", index)
    border = _frame_box(sizing)
    inner = _content(sizing)
    background = GRADIENT if ctx.gradient else None
    label_h = LABEL_HEIGHT * s
    label_style = TextStyle("body", LABEL_SIZE * s, MIN_TEXT, align="left", color=TITLE_BLUE)

    # Where everything goes, first, so that both lists can share one size.
    band = Box(border.x, border.y, border.w, TITLE_BAND * s)
    name_row = Box(inner.x, band.bottom + 4 * s, inner.w, 9 * s)
    risks_label = Box(inner.x, name_row.bottom + 4 * s, inner.w, label_h)
    risks_box = Box(inner.x, risks_label.bottom + 1 * s, inner.w, inner.bottom - risks_label.bottom - 1 * s)

    phone_box = Box(inner.x, inner.bottom - 2 * PHONE_ROW * s - 2 * PHONE_PADDING * s - 3 * s,
                    inner.w, 2 * PHONE_ROW * s + 2 * PHONE_PADDING * s)
    measures_label = Box(inner.x, inner.y, inner.w, label_h)
    measures_box = Box(inner.x, measures_label.bottom + 1 * s, inner.w,
                       phone_box.y - 4 * s - measures_label.bottom - 1 * s)

    risks = numbered_list(post.risks)
    measures = numbered_list(post.measures)
    size = _list_size([(risks, risks_box), (measures, measures_box)], measure, LIST_SIZE * s)
    items = TextStyle("body", size, MIN_TEXT, align="left", valign="top")

    # 卡片正面
    front = Frame(measure)
    front.rect(band, fill=TITLE_BLUE)
    front.text(TITLE, band.inset(6 * s, 3.5 * s),
               TextStyle("title", TITLE_SIZE * s, MIN_TEXT, align="center", color=WHITE, letter_spacing=0.15))
    front.rect(border, stroke=TITLE_BLUE, width=FRAME_WIDTH * s)
    value_x = _labelled(front, measure, name_row, NAME_LABEL, post.name, VALUE_SIZE * s, BLACK,
                        (*base, "岗位名称"))
    front.hline(value_x, name_row.right, name_row.bottom, RULE, 0.2 * s)
    front.text(RISKS_LABEL, risks_label, label_style)
    front.text(risks, risks_box, items, (*base, "岗位安全风险"), "岗位安全风险")

    # 卡片背面
    back = Frame(measure)
    back.rect(border, stroke=TITLE_BLUE, width=FRAME_WIDTH * s)
    back.text(MEASURES_LABEL, measures_label, label_style)
    back.text(measures, measures_box, items, (*base, "应急处置及管控措施"), "应急处置及管控措施")
    back.rect(phone_box, fill=TINT, stroke=TITLE_BLUE, width=0.25 * s)
    rows = phone_box.inset(3 * s, PHONE_PADDING * s)
    row_h = rows.h / 2
    _labelled(back, measure, Box(rows.x, rows.y, rows.w, row_h), RESCUE_LABEL, post.rescue_phone or "",
              PHONE_SIZE * s, RED, (*base, "救援电话"))
    _labelled(back, measure, Box(rows.x, rows.y + row_h, rows.w, row_h), EMERGENCY_LABEL,
              site.enterprise.emergency_phone or "", PHONE_SIZE * s, RED, ("企业", "企业应急电话"))
    revision_stamp(back, ctx, Box(inner.x, phone_box.bottom + 0.8 * s, inner.w, 2.2 * s), "2-5", STAMP * s)

    pages = (Page(width, height, tuple(front.items), background, FRONT, tuple(front.texts)),
             Page(width, height, tuple(back.items), background, BACK, tuple(back.texts)))
    result = Frame(measure, misfits=[*front.misfits, *back.misfits])
    board = Board("2-5", TITLE, post.name, pages, keywords=(site.enterprise.name,))
    return board, result
