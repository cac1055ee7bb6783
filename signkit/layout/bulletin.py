"""附表 2-6 (城市名)安全生产举报公示栏 and 附表 2-7 安全生产监督栏: fixed wording in columns.

Both boards are 3000 × 1500 mm (参考最小尺寸; "可根据实际情况按比例放大") on the sky-blue-to-white
gradient, and both print only the regulation's own wording (:func:`signkit.layout.fixed_text.bulletin`):
a title, then sections — 2-6: 举报范围 (introduction and items （一）–（十）), 举报奖励, 举报渠道;
2-7: 检举监督 (introduction and （一）–（十二）), 监督奖励 (introduction and （一）–（五）), 举报渠道.
The only data are the city's name in 2-6's title and the 市级 / 县级 reporting channels.

Reading of the 附表 and why the board looks the way it does:

* A line of text three metres long cannot be read (the eye loses the next line), so the
  sections are set in two columns: the first section (the long numbered list) on the
  left, the remaining sections stacked on the right, 举报渠道 last.  The split between
  the columns is not a fixed ratio: the column widths are chosen so that both columns
  fill at the largest common text size, which keeps the board balanced whatever the
  channels' length.
* Every body line on a board is set at one size (the board is read as one notice, and
  mixed sizes read as mixed importance): each column's largest fitting size is
  found, and the smaller is used for all body text.  MIN_TEXT (15 mm) is what can be
  read at about 3 m, where a road-side or dormitory board is read from.
* The title is 黑体 across the top; section headings are 黑体 in white on a dark-blue band.
  The copy prints "举 报 范 围" letter-spaced and "举报奖励", "举报渠道" not: the spaces
  are an artefact of centring a short word in a wide cell, not wording, so they are
  removed and *every* heading gets the same letter spacing (three headings set three
  ways would look like a mistake on the board).
* Items hang their numbers （一）（二）… so the text of every item starts at one indent;
  in 2-7's list of twelve the numbers are right-aligned on their closing parenthesis
  so that （十一） does not push its text further right than （一）.  The wording is
  printed verbatim, including 2-6's and 2-7's last items ending in "。".
* 举报渠道 is what a reader acts on, so it is framed: a white box with the 市级 and 县级
  lines, the labels "市级：" / "县级：" in 黑体 and the telephone numbers in red.  The
  text stays at the body size (uniform board); the emphasis comes from frame, colour and
  the 黑体 labels.  A channel the site file leaves out prints as blanks (the template's
  full-width spaces) with a line under each to write on.  The 县级 channel is what each
  county fills in (规范六、3), so a very long one is the likely misfit: it is reported
  as ("地区", "县级举报渠道"), the 市级 line as ("地区", "市级举报渠道"), 2-6's title as
  ("地区", "城市"), and any other fixed text as ("地区",).
* A larger board ("按比例放大") scales every dimension and the largest type sizes by
  ``Sizing.scale``; MIN_TEXT does not scale.  The body size comes out proportional.
* The enterprise makes these boards itself, so there is no 监制 line; the revision
  stamp sits in the bottom margin, as on the other boards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from signkit.art.qr import draw_qr
from signkit.diagnostics import KeyPath
from signkit.drawing.box import Box
from signkit.drawing.colors import BLACK, TITLE_BLUE, WHITE
from signkit.drawing.frame import Frame, TextStyle
from signkit.drawing.items import Board, Color, Item, Line, Page, Text
from signkit.drawing.text import Measurer, Para, layout_at, least_height, summed
from signkit.layout.context import GRADIENT, LayoutContext, revision_stamp
from signkit.layout.fixed_text import Block, BulletinForm, bulletin
from signkit.plan.boards import PlannedBoard
from signkit.spec.forms import FORMS
from signkit.spec.grids import BULLETIN_MARGIN_TOP, BULLETIN_MARGIN_X, BULLETIN_TITLE_HEIGHT, bulletin_qr_box, bulletin_title_band
from signkit.spec.sizes import Sizing

#: 2-6 and 2-7 share their minimum size, legible minimum and viewing distance (about 3 m, from
#: which the 举报网址 QR code must also scan): :mod:`signkit.spec.forms`.
MIN_SIZE = (float(FORMS["2-6"].min_size_mm[0]), float(FORMS["2-6"].min_size_mm[1]))
MIN_TEXT = FORMS["2-6"].min_text

#: Telephone numbers in the 举报渠道 box: the hotline is what a reader writes down.
PHONE_RED = Color("红", 0.0, 1.0, 1.0, 0.0)

# Geometry at the minimum size, in mm (multiplied by Sizing.scale).
MARGIN_X = BULLETIN_MARGIN_X  # margins and title band: signkit.spec.grids, where the QR code's box is too
MARGIN_TOP = BULLETIN_MARGIN_TOP
MARGIN_BOTTOM = 75.0
TITLE_HEIGHT = BULLETIN_TITLE_HEIGHT
TITLE_SIZE = 150.0
TITLE_SPACING = 0.15  # em
RULE_GAP = 22.0  # title box to the rule under it
RULE_WIDTH = 5.0
BODY_GAP = 45.0  # rule to the columns
GUTTER = 110.0
COLUMN_RULE = 1.5
BODY_MAX = 60.0
STAMP_SIZE = 10.0

# Proportions of the body size z (so a smaller body keeps the same rhythm).
HEADING_RATIO = 1.25  # heading size / body size
BAND_RATIO = 1.75  # band height / heading size
HEADING_SPACING = 0.5  # em, every heading alike (see the module docstring)
AFTER_BAND = 0.55
SECTION_GAP = 1.0
BOX_PADDING = 0.7
CHANNEL_GAP = 0.45
BOX_RULE = 0.12  # the 举报渠道 frame
BLANK_DROP = 0.18  # a blank's writing line, below the baseline
BLANK_RULE = 0.05  # its thickness

_BLANK = re.compile("\u3000{2,}")

Kind = Literal["text", "channel"]


@dataclass(frozen=True)
class _Piece:
    """One thing stacked in a column: a run of paragraphs/items, or one channel line."""

    kind: Kind
    paras: tuple[Para, ...]
    label: str
    path: KeyPath


@dataclass(frozen=True)
class _Section:
    heading: str
    pieces: tuple[_Piece, ...]


def _channel_path(label: str) -> KeyPath:
    if label == "市级":
        return ("地区", "市级举报渠道")
    if label == "县级":
        return ("地区", "县级举报渠道")
    return ("地区",)


def _sections(blocks: tuple[Block, ...]) -> list[_Section]:
    """Group the wording after the title into sections, each a heading and its pieces."""
    sections: list[_Section] = []
    heading = ""
    pieces: list[_Piece] = []
    run: list[Para] = []

    def close_run() -> None:
        if run:
            pieces.append(_Piece("text", _align_numbers(run), "", ("地区",)))
            run.clear()

    def close_section() -> None:
        close_run()
        if heading or pieces:
            sections.append(_Section(heading, tuple(pieces)))

    seen_title = False
    for block in blocks:
        if block.kind == "title" and not seen_title:
            seen_title = True
        elif block.kind in ("heading", "title"):
            close_section()
            heading, pieces = "".join(block.text.split()), []
        elif block.kind == "item":
            run.append(Para(block.text, prefix=block.number))
        elif block.kind == "channel":
            close_run()
            pieces.append(_Piece("channel", (Para(block.text),), block.label, _channel_path(block.label)))
        else:
            run.append(Para(block.text))
    close_section()
    return sections


def _align_numbers(paras: list[Para]) -> tuple[Para, ...]:
    """Pad shorter item numbers so that every item's text starts at one indent.

    In 2-7's list （十一） and （十二） are one character wider than （一）…（十）; a hanging
    indent per item would start their text one character further right.  The shorter
    numbers get a full-width space in front, so the numbers are right-aligned on their
    closing parenthesis and all item text starts at one indent (a space after the
    number instead left a visible hole after （一）…（十）).  The space is not wording: the
    text is unchanged.
    """
    widest = max((len(p.prefix) for p in paras), default=0)
    return tuple(Para(p.text, "\u3000" * (widest - len(p.prefix)) + p.prefix) if p.prefix else p for p in paras)


def _label_text(piece: _Piece) -> str:
    return f"{piece.label}：" if piece.label else ""


class _Metrics:
    """Heights of pieces, sections and columns at a body size ``z`` (∞ when a run is too wide)."""

    def __init__(self, measure: Measurer) -> None:
        self.measure = measure

    def band(self, z: float) -> float:
        return z * HEADING_RATIO * BAND_RATIO

    def label_width(self, piece: _Piece, z: float) -> float:
        label = _label_text(piece)
        return self.measure.width(label, z, "title") if label else 0.0

    def text_width(self, piece: _Piece, width: float, z: float) -> float:
        if piece.kind == "channel":
            return width - 2 * BOX_PADDING * z - self.label_width(piece, z)
        return width

    def piece(self, piece: _Piece, width: float, z: float) -> float:
        text_width = self.text_width(piece, width, z)
        if text_width <= 0:
            return float("inf")
        fitted = layout_at(list(piece.paras), text_width, z, "body", self.measure)
        return float("inf") if fitted is None else fitted.height

    def floor(self, piece: _Piece, width: float, z: float) -> float:
        """A height :meth:`piece` cannot come in under (:func:`least_height`), found without wrapping."""
        text_width = self.text_width(piece, width, z)
        if text_width <= 0:
            return float("inf")
        own = summed(self.measure)
        return least_height(piece.paras, text_width, z, "body", own) if own is not None else 0.0

    def gap_before(self, pieces: tuple[_Piece, ...], index: int, z: float) -> float:
        """Space above piece ``index``: a box's padding, or the gap between channel lines."""
        piece = pieces[index]
        previous = pieces[index - 1] if index else None
        if piece.kind == "channel":
            if previous is not None and previous.kind == "channel":
                return CHANNEL_GAP * z
            return BOX_PADDING * z + (AFTER_BAND * z if previous is not None else 0.0)
        if previous is not None:
            return (BOX_PADDING + AFTER_BAND) * z if previous.kind == "channel" else AFTER_BAND * z
        return 0.0

    def gap_after(self, pieces: tuple[_Piece, ...], index: int, z: float) -> float:
        last = index == len(pieces) - 1
        return BOX_PADDING * z if last and pieces[index].kind == "channel" else 0.0

    def section(self, section: _Section, width: float, z: float, *, text: bool = True, floor: bool = False) -> float:
        """The section's height; with ``text=False`` only its band, gaps and box padding; with
        ``floor``, a height it cannot come in under, each text's found without wrapping it."""
        total = self.band(z) + AFTER_BAND * z if section.heading else 0.0
        for index, piece in enumerate(section.pieces):
            total += self.gap_before(section.pieces, index, z) + self.gap_after(section.pieces, index, z)
            if text:
                total += self.floor(piece, width, z) if floor else self.piece(piece, width, z)
        return total

    def column(self, sections: list[_Section], width: float, z: float, *, text: bool = True,
               floor: bool = False) -> float:
        if not sections:
            return 0.0
        return (sum(self.section(s, width, z, text=text, floor=floor) for s in sections)
                + SECTION_GAP * z * (len(sections) - 1))

    def fits(self, sections: list[_Section], width: float, z: float, height: float) -> bool:
        """Whether the column fits ``height`` at ``z``; a long text too tall for it even unwrapped is not wrapped.

        Each floor is at most the text's height and the sums run in the same order, so the
        floor column never exceeds the real one: the answer is the same, only sooner.
        """
        if self.column(sections, width, z, floor=True) > height + 1e-9:
            return False
        return self.column(sections, width, z) <= height + 1e-9

    def best_size(self, sections: list[_Section], width: float, height: float, low: float, high: float) -> float:
        """The largest size in 0.1 mm steps in [low, high] at which the column fits (``low`` if none)."""
        if self.fits(sections, width, high, height):
            return high
        lo, hi = round(low * 10), round(high * 10)
        if not self.fits(sections, width, lo / 10, height):
            return low
        while hi - lo > 1:
            middle = (lo + hi) // 2
            if self.fits(sections, width, middle / 10, height):
                lo = middle
            else:
                hi = middle
        return lo / 10


#: Split results by (fonts, wording, geometry): the wording is the same for every enterprise of a
#: county, and the search costs about 0.3 s, so a batch of a thousand boards pays it once per county.
_SPLITS: dict[tuple[object, ...], tuple[float, float]] = {}


def _split_columns(metrics: _Metrics, columns: list[list[_Section]], width: float, gutter: float,
                   height: float, low: float, high: float) -> tuple[float, float]:
    """Left column width and the common body size (cached; see :data:`_SPLITS`)."""
    fonts = getattr(metrics.measure, "fonts", None)
    if fonts is None:
        return _search_split(metrics, columns, width, gutter, height, low, high)
    key = (fonts, repr(columns), width, gutter, height, low, high)
    found = _SPLITS.get(key)
    if found is None:
        if len(_SPLITS) > 256:
            _SPLITS.clear()
        found = _SPLITS[key] = _search_split(metrics, columns, width, gutter, height, low, high)
    return found


def _search_split(metrics: _Metrics, columns: list[list[_Section]], width: float, gutter: float,
                  height: float, low: float, high: float) -> tuple[float, float]:
    """Left column width and the common body size: bisect the width until both columns agree."""
    if len(columns) == 1 or not columns[1]:
        return width, metrics.best_size(columns[0], width, height, low, high)

    def sizes(left: float) -> tuple[float, float]:
        right = width - gutter - left
        return (metrics.best_size(columns[0], left, height, low, high),
                metrics.best_size(columns[1], right, height, low, high))

    narrow, wide = 0.3 * (width - gutter), 0.7 * (width - gutter)
    for _ in range(12):  # 0.4 × 2¹² ⇒ the split is found to well under a millimetre per 3 m
        middle = (narrow + wide) / 2
        left_size, right_size = sizes(middle)
        if left_size < right_size:
            narrow = middle
        else:
            wide = middle
    left = (narrow + wide) / 2
    return left, min(sizes(left))


def _allocate(metrics: _Metrics, pieces: list[_Piece], width: float, z: float, room: float) -> list[float]:
    """Heights for the pieces of one column: fixed text first, the channels share what is left.

    Channels are shared by water-filling (the shortest gets all it needs if that is no
    more than an equal share), so a very long 县级 channel is the one that misfits, not
    the 市级 line printed before it.
    """
    natural = [metrics.piece(p, width, z) for p in pieces]
    heights = list(natural)
    fixed = [i for i, p in enumerate(pieces) if p.kind != "channel"]
    channels = [i for i, p in enumerate(pieces) if p.kind == "channel"]
    left = room
    for i in fixed:
        heights[i] = max(min(natural[i], left), 0.0)
        left -= heights[i]
    left = max(left, 0.0)
    for count, i in enumerate(sorted(channels, key=lambda i: natural[i])):
        share = left / (len(channels) - count)
        heights[i] = min(natural[i], share)
        left -= heights[i]
    return heights


def _emphasise(items: list[Item], needles: list[str], color: Color, measure: Measurer) -> list[Item]:
    """Split text items so that every occurrence of a needle is drawn in ``color``."""
    needles = sorted({n for n in needles if n}, key=len, reverse=True)
    out: list[Item] = []
    for item in items:
        if not isinstance(item, Text) or not needles:
            out.append(item)
            continue
        cuts: list[tuple[int, int]] = []
        position = 0
        while position < len(item.text):
            hits = [(item.text.find(n, position), n) for n in needles]
            hits = [(start, n) for start, n in hits if start >= 0]
            if not hits:
                break
            start, needle = min(hits)
            cuts.append((start, start + len(needle)))
            position = start + len(needle)
        if not cuts:
            out.append(item)
            continue
        spans: list[tuple[int, int, Color]] = []
        cursor = 0
        for start, end in cuts:
            if start > cursor:
                spans.append((cursor, start, item.color))
            spans.append((start, end, color))
            cursor = end
        if cursor < len(item.text):
            spans.append((cursor, len(item.text), item.color))
        for start, end, span_color in spans:
            offset = 0.0
            if start:
                offset = measure.width(item.text[:start], item.size, item.role, item.letter_spacing)
                offset += item.letter_spacing
            out.append(Text(item.x + offset, item.baseline, item.text[start:end], item.size, item.role,
                            span_color, item.letter_spacing))
    return out


def _rule_blanks(items: list[Item], measure: Measurer) -> list[Item]:
    """Underline the blanks (runs of full-width spaces) the template leaves for handwriting.

    A 县级 channel the site file does not give is printed as blanks for the county to
    fill in (规范六、3); on a board a blank is only visible with a line to write on.
    """
    out: list[Item] = []
    for item in items:
        out.append(item)
        if not isinstance(item, Text):
            continue
        for match in _BLANK.finditer(item.text):
            start = item.x
            if match.start():
                start += measure.width(item.text[:match.start()], item.size, item.role, item.letter_spacing)
                start += item.letter_spacing
            end = item.x + measure.width(item.text[:match.end()], item.size, item.role, item.letter_spacing)
            y = item.baseline + BLANK_DROP * item.size
            out.append(Line(start, y, end, y, BLACK, BLANK_RULE * item.size))
    return out


def layout(ctx: LayoutContext, planned: PlannedBoard, sizing: Sizing) -> tuple[Board, Frame]:
    """Lay out 2-6 or 2-7 (``planned.form_id``) for the site's region."""
    form_id: BulletinForm = "2-6" if planned.form_id == "2-6" else "2-7"
    region = ctx.region
    wording = bulletin(form_id, region)
    s = sizing.scale
    width, height = sizing.width, sizing.height
    frame = Frame(ctx.measure)
    metrics = _Metrics(ctx.measure)

    title_box = _title_band(sizing)
    url = region.report_url
    band = title_box
    if url:
        reserve = band.h * 1.55  # the code and its caption; the title gives up as much on the left to stay centred
        title_box = Box(band.x + reserve, band.y, band.w - 2 * reserve, band.h)
    title_path: KeyPath = ("地区", "城市") if form_id == "2-6" else ("地区",)
    frame.text(wording.title, title_box, TextStyle("title", TITLE_SIZE * s, 2 * MIN_TEXT, align="center",
                                                   letter_spacing=TITLE_SPACING), title_path, "标题")
    if url:
        url_path: KeyPath = ("地区", "城市") if region.report_url_from_profile else ("地区", "举报网址")
        _qr_corner(frame, url, band, url_path)  # after the title, so text is extracted in reading order
    rule_y = title_box.bottom + RULE_GAP * s
    frame.hline(MARGIN_X * s, width - MARGIN_X * s, rule_y, TITLE_BLUE, RULE_WIDTH * s)

    sections = _sections(wording.blocks)
    columns = [sections[:1], sections[1:]] if len(sections) > 1 else [sections]
    top = rule_y + BODY_GAP * s
    body = Box(MARGIN_X * s, top, width - 2 * MARGIN_X * s, height - MARGIN_BOTTOM * s - top)
    gutter = GUTTER * s
    left_width, z = _split_columns(metrics, columns, body.w, gutter, body.h, MIN_TEXT, BODY_MAX * s)
    column_boxes = [Box(body.x, body.y, left_width, body.h),
                    Box(body.x + left_width + gutter, body.y, body.w - left_width - gutter, body.h)]
    phones = _phones(ctx)
    for column, box in zip(columns, column_boxes, strict=False):
        _column(frame, metrics, column, box, z, phones)
    if len(columns) > 1 and columns[1]:  # a hairline down the gutter
        x = body.x + left_width + gutter / 2
        frame.add(Line(x, body.y, x, body.bottom, TITLE_BLUE, COLUMN_RULE * s))

    stamp = Box(MARGIN_X * s, height - MARGIN_BOTTOM * s + 30 * s, width / 2, 16 * s)
    revision_stamp(frame, ctx, stamp, form_id, STAMP_SIZE * s)
    page = Page(width, height, tuple(frame.items), GRADIENT if ctx.gradient else None, texts=tuple(frame.texts))
    extra = (f"二维码:{url}",) if url else ()  # the address is content a reader sees, though not as text
    return Board(form_id, wording.title, ctx.site.enterprise.name, (page,), content_extra=extra), frame


_title_band = bulletin_title_band
qr_box = bulletin_qr_box


def _qr_corner(frame: Frame, url: str, title_box: Box, path: KeyPath) -> None:
    """The 举报网址 as a QR code at the right end of the title band, captioned 扫码举报."""

    side = title_box.h
    caption_w = side * 0.55
    code_box = Box(title_box.right - side, title_box.y, side, side)  # = qr_box(sizing)
    draw_qr(frame, url, code_box)
    caption = Box(code_box.x - caption_w, title_box.y, caption_w * 0.9, side)
    frame.text([Para("扫码"), Para("举报")], caption, TextStyle("title", side * 0.2, MIN_TEXT, align="right",
                                                            color=TITLE_BLUE), path)



def _phones(ctx: LayoutContext) -> list[str]:
    """The telephone numbers printed in the channels, folded the way the wording folds them."""
    region = ctx.region
    channels = (region.city_channel, region.county_channel)
    return [" ".join(str(c.phone).split()) for c in channels if c is not None and c.phone]


def _channel_run(pieces: tuple[_Piece, ...], heights: list[float], position: int, z: float) -> float:
    """Height of the framed box holding the channel lines that start at ``position``."""
    total = 2 * BOX_PADDING * z
    first = True
    for piece, height in zip(pieces[position:], heights, strict=False):
        if piece.kind != "channel":
            break
        total += height + (0.0 if first else CHANNEL_GAP * z)
        first = False
    return total


def _column(frame: Frame, metrics: _Metrics, sections: list[_Section], box: Box, z: float,
            phones: list[str]) -> None:
    """Stack a column's sections top to bottom; spare height goes between sections.

    With one section the spare height stays below it; with several, the first starts at
    the top and the last ends at the bottom, so 举报渠道's box closes the column level
    with the other one.
    """
    pieces = [p for section in sections for p in section.pieces]
    chrome = metrics.column(sections, box.w, z, text=False)
    heights = _allocate(metrics, pieces, box.w, z, box.h - chrome)
    spare = max(box.h - chrome - sum(heights), 0.0)
    between = spare / (len(sections) - 1) if len(sections) > 1 else 0.0
    heading_style = TextStyle("title", z * HEADING_RATIO, z * HEADING_RATIO, align="center", color=WHITE,
                              letter_spacing=HEADING_SPACING)
    body_style = TextStyle("body", z, z, valign="top")
    label_style = TextStyle("title", z, z, valign="top", color=TITLE_BLUE)
    pad = BOX_PADDING * z
    y = box.y
    index = 0
    for number, section in enumerate(sections):
        if number:
            y += SECTION_GAP * z + between
        if section.heading:
            band = Box(box.x, y, box.w, metrics.band(z))
            frame.rect(band, fill=TITLE_BLUE)
            frame.text(section.heading, band, heading_style, ("地区",), section.heading)
            y += band.h + AFTER_BAND * z
        for position, piece in enumerate(section.pieces):
            y += metrics.gap_before(section.pieces, position, z)
            height = heights[index]
            if piece.kind != "channel":
                frame.text(list(piece.paras), Box(box.x, y, box.w, height + 1e-6), body_style, piece.path,
                           section.heading)
            else:
                if position == 0 or section.pieces[position - 1].kind != "channel":  # a box opens
                    frame_height = _channel_run(section.pieces, heights[index:], position, z)
                    frame.rect(Box(box.x, y - pad, box.w, frame_height), fill=WHITE, stroke=TITLE_BLUE,
                               width=BOX_RULE * z)
                label_width = metrics.label_width(piece, z)
                if label_width:
                    frame.text(_label_text(piece), Box(box.x + pad, y, label_width + 1e-6, height + 1e-6),
                               label_style, piece.path, piece.label)
                text_box = Box(box.x + pad + label_width, y, metrics.text_width(piece, box.w, z), height + 1e-6)
                start = len(frame.items)
                frame.text(list(piece.paras), text_box, body_style, piece.path, piece.label or "举报渠道")
                emphasised = _emphasise(frame.items[start:], phones, PHONE_RED, frame.measure)
                frame.items[start:] = _rule_blanks(emphasised, frame.measure)
            index += 1
            y += height + metrics.gap_after(section.pieces, position, z)
