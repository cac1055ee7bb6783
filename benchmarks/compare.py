"""Shared by the benchmarks and the speed guard: one board through signkit, the same board with bare ReportLab.

What "the same board with bare ReportLab" means here: signkit lays the board out once,
*outside* any timing, and :func:`bare_marks` turns its pages into plain tuples in points
(rectangles, lines, text runs with a registered font name, paths).  :func:`bare_pdf` then
replays them with nothing but canvas calls — the page-filling CMYK gradient, the grid, every
text run in the two embedded CJK TrueType fonts — into a compressed, deterministic PDF written
to bytes, fonts subset on save.  That is the floor: the very marks signkit draws, with no site
file, no checks, no layout, no fitting, no content hash and no PDF/X pass.  What it leaves out
(overprint state, PDF/X keys) costs ReportLab almost nothing; the PDF/X pass is signkit's own cost.

:func:`hand_coded_2_1_2` is the older baseline of ``render_bench.py`` (and of issue 17's first
table): a 2-1-2 written by hand with a fixed grid, kept so both baselines can be compared.

:func:`interleave` times two callables A, B, B, A, A, B … (the order alternates so that neither
always runs right after a collection or a cache warm-up), and returns per-round wall and CPU
seconds; :class:`Ratio` reads medians and the spread of the per-round ratios from them.
"""

from __future__ import annotations

import gc
import io
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import CMYKColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from signkit.drawing.items import Board, Color, Gradient, Line, Raster, Rect, Text
from signkit.drawing.items import Path as PathItem
from signkit.fonts import FontSet, ResolvedFont, split_runs
from signkit.load.yaml_tree import SourceMap
from signkit.model.site import Site
from signkit.pipeline.build import build_site
from signkit.pipeline.check import check_text
from signkit.pipeline.options import DEFAULTS, RenderOptions
from signkit.plan.boards import plan_boards

ROOT = Path(__file__).resolve().parent.parent
MM = 72.0 / 25.4

#: The board kinds of 附表 2, and the example each is taken from (its first board of that kind).
KINDS: tuple[tuple[str, str], ...] = (
    ("2-1-1", "chemical-plant.yaml"), ("2-1-2", "small-enterprise.yaml"), ("2-2", "small-enterprise.yaml"),
    ("2-3", "small-enterprise.yaml"), ("2-4", "small-enterprise.yaml"), ("2-5", "small-enterprise.yaml"),
    ("2-6", "small-enterprise.yaml"), ("2-7", "small-enterprise.yaml"),
)


# --- signkit's side -------------------------------------------------------------------------------------------

@dataclass
class Checked:
    """An example site, checked once (parse, validate, rules, glyph coverage) outside any timing."""

    name: str
    site: Site
    source: SourceMap
    check_seconds: float  # CPU seconds of a warm check of the whole site file (median of 3), for the record


def checked(name: str, fonts: FontSet) -> Checked:
    text = (ROOT / "examples" / name).read_text(encoding="utf-8")
    report = check_text(text, name, fonts=fonts)  # the first check warms caches; time the next three
    times = []
    for _ in range(3):
        start = time.process_time()
        check_text(text, name, fonts=fonts)
        times.append(time.process_time() - start)
    assert report.site is not None and report.source is not None, name
    return Checked(name, report.site, report.source, statistics.median(times))


def board_builder(site: Checked, form_id: str, fonts: FontSet,
                  options: RenderOptions = DEFAULTS) -> Callable[[], bytes]:
    """signkit's library path for the first ``form_id`` board of ``site``: build (plan, size, lay out, fit,
    draw, content hash) and render it to PDF bytes with the PDF/X keys, as ``build_site`` does for ``render``.

    The other boards of the site are passed as ``skip``, so exactly one board is laid out and rendered.
    """
    plan = plan_boards(site.site)
    index = next(i for i, planned in enumerate(plan) if planned.form_id == form_id)
    skip = frozenset(range(len(plan))) - {index}

    def build() -> bytes:
        result = build_site(site.site, site.source, fonts, options, skip=skip)
        assert result.ok and len(result.boards) == 1, [d.render() for d in result.diagnostics]
        return result.boards[0].pdf

    return build


def built_board(site: Checked, form_id: str, fonts: FontSet) -> Board:
    """The laid-out board :func:`board_builder` renders (for the replay)."""
    plan = plan_boards(site.site)
    index = next(i for i, planned in enumerate(plan) if planned.form_id == form_id)
    result = build_site(site.site, site.source, fonts, skip=frozenset(range(len(plan))) - {index})
    return result.boards[0].board


# --- bare ReportLab's side ------------------------------------------------------------------------------------

def bare_font(font: ResolvedFont) -> str:
    """Register ``font``'s file with ReportLab under a name of the benchmark's own (parsed once per process)."""
    name = f"bare-{font.path.stem[:20]}-{font.face_index}"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(font.path), subfontIndex=font.face_index))
    return name


def _cmyk(color: Color | None) -> CMYKColor | None:
    return None if color is None else CMYKColor(color.c, color.m, color.y, color.k)


Mark = tuple[object, ...]


def _segment(segment: tuple[object, ...], height: float) -> tuple[object, ...]:
    """A path segment in points, y up: x values scaled, y values flipped."""
    op, *values = segment
    return (op, *((float(v) * MM if i % 2 == 0 else (height - float(v)) * MM)  # type: ignore[arg-type]
                  for i, v in enumerate(values)))


@dataclass
class BarePage:
    width: float  # points
    height: float
    gradient: tuple[CMYKColor, CMYKColor] | None
    fill: CMYKColor | None
    marks: list[Mark]


def bare_marks(board: Board, fonts: FontSet) -> list[BarePage]:
    """``board``'s pages as plain tuples in points, y up, colours and font names resolved: ready to replay."""
    pages = []
    for page in board.pages:
        h = page.height
        marks: list[Mark] = []
        for item in page.items:
            if isinstance(item, Rect):
                marks.append(("rect", item.x * MM, (h - item.y - item.h) * MM, item.w * MM, item.h * MM,
                              _cmyk(item.fill), _cmyk(item.stroke), item.stroke_width * MM))
            elif isinstance(item, Line):
                marks.append(("line", item.x1 * MM, (h - item.y1) * MM, item.x2 * MM, (h - item.y2) * MM,
                              _cmyk(item.color), item.width * MM))
            elif isinstance(item, Text):
                runs = tuple((bare_font(font), run) for font, run in split_runs(item.text, fonts.chain(item.role))
                             if font is not None)
                marks.append(("text", item.x * MM, (h - item.baseline) * MM, item.size * MM, runs,
                              _cmyk(item.color), item.letter_spacing * MM))
            elif isinstance(item, PathItem):
                segments = tuple(_segment(segment, h) for segment in item.segments)
                marks.append(("path", segments, _cmyk(item.fill), _cmyk(item.stroke), item.stroke_width * MM,
                              item.even_odd))
            elif isinstance(item, Raster):
                marks.append(("image", item.x * MM, (h - item.y - item.h) * MM, item.w * MM, item.h * MM,
                              item.size, item.pixels))
        background = page.background
        pages.append(BarePage(page.width * MM, page.height * MM,
                              (_cmyk(background.top), _cmyk(background.bottom))
                              if isinstance(background, Gradient) else None,
                              _cmyk(background) if isinstance(background, Color) else None, marks))
    return pages


def bare_pdf(pages: Sequence[BarePage], initial_font: str) -> bytes:
    """Replay ``pages`` with bare canvas calls: gradient, boxes, lines, text runs, paths; subset fonts; bytes."""
    from PIL import Image

    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=(pages[0].width, pages[0].height), invariant=1, pageCompression=1,
               initialFontName=initial_font, initialFontSize=12)
    for page in pages:
        c.setPageSize((page.width, page.height))
        if page.gradient is not None:
            c.linearGradient(0, page.height, 0, 0, page.gradient, extend=True)
        elif page.fill is not None:
            c.setFillColor(page.fill)
            c.rect(0, 0, page.width, page.height, stroke=0, fill=1)
        for mark in page.marks:
            kind = mark[0]
            if kind == "text":
                _, x, y, size, runs, color, spacing = mark
                text = c.beginText(x, y)
                text.setFillColor(color)
                text.setCharSpace(spacing)
                for font, run in runs:  # type: ignore[attr-defined]
                    text.setFont(font, size)
                    text.textOut(run)
                c.drawText(text)
            elif kind == "rect":
                _, x, y, w, h, fill, stroke, width = mark
                if fill is not None:
                    c.setFillColor(fill)
                if stroke is not None:
                    c.setStrokeColor(stroke)
                    c.setLineWidth(width)
                c.rect(x, y, w, h, stroke=int(stroke is not None), fill=int(fill is not None))
            elif kind == "line":
                _, x1, y1, x2, y2, color, width = mark
                c.setStrokeColor(color)
                c.setLineWidth(width)
                c.line(x1, y1, x2, y2)
            elif kind == "path":
                _, segments, fill, stroke, width, even_odd = mark
                path = c.beginPath()
                for op, *v in segments:  # type: ignore[attr-defined]
                    if op == "M":
                        path.moveTo(*v)
                    elif op == "L":
                        path.lineTo(*v)
                    elif op == "C":
                        path.curveTo(*v)
                    else:
                        path.close()
                if fill is not None:
                    c.setFillColor(fill)
                if stroke is not None:
                    c.setStrokeColor(stroke)
                    c.setLineWidth(width)
                c.drawPath(path, stroke=int(stroke is not None), fill=int(fill is not None), fillMode=0 if even_odd else 1)
            elif kind == "image":
                _, x, y, w, h, size, pixels = mark
                c.drawImage(ImageReader(Image.frombytes("CMYK", size, pixels)), x, y, w, h)  # type: ignore[arg-type]
        c.showPage()
    c.save()
    return buffer.getvalue()


def bare_builder(board: Board, fonts: FontSet) -> Callable[[], bytes]:
    """The bare-ReportLab replay of ``board`` as a callable (fonts registered and marks prepared now, untimed)."""
    pages = bare_marks(board, fonts)
    initial = bare_font(fonts.primary("body"))
    return lambda: bare_pdf(pages, initial)


def hand_coded_2_1_2(site: Site, fonts: FontSet) -> Callable[[], bytes]:
    """A 2-1-2 written by hand (render_bench.py's baseline): gradient, a fixed 6-column grid, the same names."""
    title, body = bare_font(fonts.primary("title")), bare_font(fonts.primary("body"))
    rows: list[list[str]] = [
        ["企业名称", site.enterprise.name, "", "", "", ""],
        ["企业主要负责人", site.enterprise.principal or "", "安全管理人员", site.enterprise.safety_manager or "",
         "所属行业", site.enterprise.industry or ""],
    ]
    sup = site.supervision
    for label, dept in (("行业主管部门", sup.industry_dept), ("安全监管部门", sup.safety_dept),
                        *(("专业监管部门", d) for d in sup.special_depts), ("属地管理部门", sup.local_dept)):
        if dept is not None:
            rows.append([label, dept.department, "责任领导", dept.leader.name, "具体责任人", dept.officer])
    mm = MM

    def draw() -> bytes:
        buffer = io.BytesIO()
        c = Canvas(buffer, pagesize=(1200 * mm, 800 * mm), invariant=1, pageCompression=1, initialFontName=body)
        c.linearGradient(0, 800 * mm, 0, 0, (CMYKColor(0.45, 0.08, 0, 0), CMYKColor(0, 0, 0, 0)))
        c.setFont(title, 80 * mm)
        c.drawCentredString(600 * mm, 700 * mm, "安全生产监督管理责任牌")
        widths = [200, 230, 150, 200, 150, 190]
        y = 630
        for row in rows:
            x = 40
            for width, text in zip(widths, row, strict=True):
                c.rect(x * mm, (y - 60) * mm, width * mm, 60 * mm)
                c.setFont(body, 22 * mm)
                c.drawCentredString((x + width / 2) * mm, (y - 38) * mm, text)
                x += width
            y -= 60
        c.setFont(title, 30 * mm)
        c.drawRightString(1160 * mm, 40 * mm, "忻州市人民政府安全生产委员会办公室监制")
        c.showPage()
        c.save()
        return buffer.getvalue()

    return draw


# --- measuring ------------------------------------------------------------------------------------------------

@dataclass
class Rounds:
    """Per-round seconds of A and B, wall (``perf_counter``) and CPU (``process_time``) clocks."""

    a_wall: list[float]
    b_wall: list[float]
    a_cpu: list[float]
    b_cpu: list[float]


def interleave(a: Callable[[], object], b: Callable[[], object], rounds: int, *, repeat: int = 1,
               warmup: int = 1) -> Rounds:
    """Time ``a`` and ``b`` in turn for ``rounds`` rounds (A B, then B A, …), each call ``repeat`` times per round.

    A collection runs before every timed call so that one side does not pay for the other's garbage.
    """
    for _ in range(warmup):
        a()
        b()
    out = Rounds([], [], [], [])
    for index in range(rounds):
        order = ((a, out.a_wall, out.a_cpu), (b, out.b_wall, out.b_cpu))
        for fn, wall, cpu in order if index % 2 == 0 else order[::-1]:
            gc.collect()
            w0, c0 = time.perf_counter(), time.process_time()
            for _ in range(repeat):
                fn()
            cpu.append((time.process_time() - c0) / repeat)
            wall.append((time.perf_counter() - w0) / repeat)
    return out


def quartiles(values: Sequence[float]) -> tuple[float, float, float]:
    """(first quartile, median, third quartile); with fewer than 4 values, (min, median, max)."""
    if len(values) < 4:
        return min(values), statistics.median(values), max(values)
    q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, q2, q3


@dataclass
class Ratio:
    """B over A from :class:`Rounds`: medians of each side and the spread of the per-round ratios."""

    a: float  # median seconds of A
    b: float  # median seconds of B
    median: float  # median of the per-round ratios B/A
    low: float  # their first quartile
    high: float  # their third quartile

    @classmethod
    def of(cls, a: Sequence[float], b: Sequence[float]) -> Ratio:
        low, mid, high = quartiles([y / x for x, y in zip(a, b, strict=True)])
        return cls(statistics.median(a), statistics.median(b), mid, low, high)


def wall_ratio(rounds: Rounds) -> Ratio:
    return Ratio.of(rounds.a_wall, rounds.b_wall)


def cpu_ratio(rounds: Rounds) -> Ratio:
    return Ratio.of(rounds.a_cpu, rounds.b_cpu)


def within(a: Callable[[], object], b: Callable[[], object], bound: float, *, rounds: int = 7,
           what: str = "B over A") -> Ratio:
    """Fail (``AssertionError``) when the median of ``b``'s CPU time over ``a``'s, interleaved, exceeds ``bound``.

    CPU time (``time.process_time``) rather than wall time: another process on the machine
    delays both sides but does not add to this process's CPU seconds.  The median of per-round
    ratios ignores one unlucky round; the message gives the medians and the spread to judge it.
    """
    ratio = cpu_ratio(interleave(a, b, rounds))
    assert ratio.median <= bound, (
        f"{what}: {ratio.median:.2f}× CPU (per-round ratios {ratio.low:.2f}–{ratio.high:.2f}, "
        f"{ratio.b * 1000:.1f} ms against {ratio.a * 1000:.1f} ms), above the bound {bound}×")
    return ratio
