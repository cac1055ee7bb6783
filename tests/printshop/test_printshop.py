"""Proofs, tiles and imposed cards: exact geometry first, then the PDFs a print shop would check."""

from __future__ import annotations

import io
import itertools
from typing import Any

import pikepdf
import pytest

from signkit.drawing.colors import BLACK, TITLE_BLUE
from signkit.drawing.items import Board, Color, Gradient, Line, Page, Rect, Text
from signkit.drawing.text import FontMeasurer
from signkit.pipeline.build import build_site
from signkit.pipeline.check import check_path
from signkit.printshop import impose_cards, imposition_plan, proof_layout, proof_pdf, proof_scale, tile_grid, tile_pdf
from signkit.printshop.impose import MARK_GAP, crop_mark_segments, edge_needed, imposition_plans, slug_lines, slug_parts
from signkit.printshop.proof import MARGIN, NOTE_BAND, nice_scales, proofs_pdf
from signkit.printshop.sheets import format_mm, oriented, sheet_size
from signkit.printshop.tile import tile_marks, tile_spans
from signkit.render.built import BuiltBoard
from tests.conftest import CHEMICAL
from tests.pdfcheck import assert_fonts_embedded, page_texts, reader
from tests.printcheck import read_page

MM = 72.0 / 25.4
CHEMICAL_PEOPLE = {"合成操作工": 12, "化工仪表工": 3, "储罐操作工": 6, "装卸工": 4, "电工": 2}


# ---------------------------------------------------------------- helpers


def synthetic(width: float, height: float, pages: int = 1) -> Board:
    """A board of any size with a gradient, a frame, a rule and text, like the real ones."""
    top, bottom = Color("天蓝", 0.45, 0.08, 0.0, 0.0), Color("白", 0.0, 0.0, 0.0, 0.0)
    size = min(width, height) / 12
    items = (Rect(width * 0.05, height * 0.05, width * 0.9, height * 0.9, stroke=TITLE_BLUE, stroke_width=size / 10),
             Line(width * 0.1, height * 0.3, width * 0.9, height * 0.3, BLACK, size / 20),
             Text(width * 0.1, height * 0.2, "安全生产监督栏", size, "title", BLACK))
    page = Page(width, height, items, Gradient(top, bottom))
    return Board("2-7", "安全生产监督栏", "测试企业", tuple(page for _ in range(pages)), keywords=("测试企业",))


def page_sizes_mm(pdf: bytes) -> list[tuple[float, float]]:
    return [(round(float(p.mediabox.width) / MM, 1), round(float(p.mediabox.height) / MM, 1)) for p in reader(pdf).pages]


def assert_cmyk_only(pdf: bytes) -> None:
    """No RGB anywhere: no rg/RG operator in any content stream, no DeviceRGB object in the file."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for number, page in enumerate(document.pages):
            operators = {str(op) for _operands, op in pikepdf.parse_content_stream(page)}
            assert not operators & {"rg", "RG"}, (number, operators)
            assert "k" in operators or "K" in operators or "scn" in operators or "sh" in operators, number
        for obj in document.objects:
            text = repr(obj)
            assert "DeviceRGB" not in text, text[:200]


def text_positions(pdf: bytes, page: int, needle: str) -> list[tuple[float, float]]:
    """Where each run starting with ``needle`` is drawn on ``page``, in mm from the page's top-left corner."""
    r = reader(pdf)
    height = float(r.pages[page].mediabox.height)
    found: list[tuple[float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, _size: Any) -> None:
        if text.startswith(needle):
            tx, ty = tm[4], tm[5]
            x = cm[0] * tx + cm[2] * ty + cm[4]
            y = cm[1] * tx + cm[3] * ty + cm[5]
            found.append((x / MM, (height - y) / MM))

    r.pages[page].extract_text(visitor_text=visit)
    return found


@pytest.fixture(scope="module")
def chemical_boards(bundled_fonts: Any) -> list[BuiltBoard]:
    report = check_path(str(CHEMICAL), fonts=bundled_fonts)
    assert report.site is not None and report.source is not None
    result = build_site(report.site, report.source, bundled_fonts)
    assert result.ok
    return result.boards


@pytest.fixture(scope="module")
def cards(chemical_boards: list[BuiltBoard]) -> list[tuple[Board, int]]:
    return [(b.board, b.copies) for b in chemical_boards if b.planned.form_id == "2-5"]


# ---------------------------------------------------------------- sheets


def test_sheet_sizes_and_orientation() -> None:
    assert sheet_size("a4") == (210.0, 297.0)
    assert sheet_size("SRA3") == (320.0, 450.0)
    assert oriented((210.0, 297.0), True) == (297.0, 210.0)
    assert oriented((297.0, 210.0), False) == (210.0, 297.0)
    with pytest.raises(ValueError, match="A4、A3"):
        sheet_size("SRA3", ("A4", "A3"))
    assert [format_mm(v) for v in (1200.0, 12.5, 1236.54, 0.0)] == ["1200", "12.5", "1236.5", "0"]


# ---------------------------------------------------------------- proofs


def test_nice_scale_series() -> None:
    series = list(itertools.islice(nice_scales(), 17))
    assert series == [1, 2, 2.5, 4, 5, 8, 10, 12.5, 15, 20, 25, 30, 40, 50, 80, 100, 125]


@pytest.mark.parametrize(("size", "sheet", "n", "landscape"), [
    ((1200, 800), "A4", 5, True),
    ((600, 900), "A4", 4, False),
    ((3000, 1500), "A4", 12.5, True),
    ((105, 148), "A4", 1, False),
    ((1200, 800), "A3", 4, True),
    ((3000, 1500), "A3", 8, True),
])
def test_proof_scale_is_the_smallest_nice_n_that_fits(size: tuple[float, float], sheet: str, n: float,
                                                      landscape: bool) -> None:
    width, height = size
    assert proof_scale(width, height, sheet) == n
    layout = proof_layout(width, height, sheet)
    assert (layout.sheet_w > layout.sheet_h) == landscape
    assert layout.w == pytest.approx(width / n) and layout.h == pytest.approx(height / n)
    # inside the margins, with the note band below it
    assert layout.x >= MARGIN - 1e-9 and layout.x + layout.w <= layout.sheet_w - MARGIN + 1e-9
    assert layout.y >= MARGIN - 1e-9 and layout.y + layout.h + NOTE_BAND <= layout.sheet_h - MARGIN + 1e-9
    smaller = [s for s in nice_scales() if s < n]
    area_w, area_h = layout.sheet_w - 2 * MARGIN, layout.sheet_h - 2 * MARGIN - NOTE_BAND
    assert all(width / s > area_w or height / s > area_h for s in smaller)  # nothing larger would fit


def test_proof_scale_is_a_plain_number() -> None:
    assert isinstance(proof_scale(1200, 800), int)
    assert isinstance(proof_scale(3000, 1500), float)
    with pytest.raises(ValueError, match="纸张"):
        proof_scale(1200, 800, "SRA3")


@pytest.mark.parametrize(("size", "expected"), [
    ((1200, 800), (297.0, 210.0)), ((600, 900), (210.0, 297.0)), ((3000, 1500), (297.0, 210.0)),
])
def test_proof_pdf_sheet_and_note(bundled_fonts: Any, size: tuple[float, float], expected: tuple[float, float]) -> None:
    pdf = proof_pdf(synthetic(*size), bundled_fonts, "A4")
    assert page_sizes_mm(pdf) == [expected]
    n = proof_scale(*size)
    text = page_texts(pdf)[0]
    assert f"样稿 · 比例 1:{format_mm(n)} · 成品尺寸 {format_mm(size[0])} × {format_mm(size[1])} mm" in text
    assert "附表 2-7（测试企业）" in text
    assert "安全生产监督栏" in text  # the board itself is drawn
    assert_fonts_embedded(pdf)
    assert_cmyk_only(pdf)
    assert "/OutputIntents" not in reader(pdf).trailer["/Root"]  # office output: no PDF/X keys


def test_proof_of_the_real_card_and_boards(chemical_boards: list[BuiltBoard], bundled_fonts: Any) -> None:
    card = next(b.board for b in chemical_boards if b.planned.form_id == "2-5")
    pdf = proof_pdf(card, bundled_fonts, "A4")
    assert page_sizes_mm(pdf) == [(210.0, 297.0)] * 2  # front and back, each on its own portrait sheet
    front, back = page_texts(pdf)
    assert "比例 1:1" in front and "卡片正面" in front and "岗位名称" in front
    assert "卡片背面" in back and "企业应急电话" in back
    every = proofs_pdf([b.board for b in chemical_boards], bundled_fonts, "A3")
    assert len(reader(every).pages) == sum(len(b.board.pages) for b in chemical_boards)
    assert all(size in ((297.0, 420.0), (420.0, 297.0)) for size in page_sizes_mm(every))
    assert proofs_pdf([card], bundled_fonts) == pdf  # deterministic, and one board is the same as proof_pdf


# ---------------------------------------------------------------- tiles


def _spans_ok(spans: list[tuple[float, float]], length: float, printable: float, overlap: float) -> None:
    assert spans[0][0] == 0
    assert spans[-1][0] + spans[-1][1] == pytest.approx(length, abs=1e-9)
    for (start, size), (next_start, _) in itertools.pairwise(spans):
        assert start + size - next_start == pytest.approx(overlap, abs=1e-9)  # exactly the overlap
    assert all(0 < size <= printable + 1e-9 for _, size in spans)
    assert all(size == printable for _, size in spans[:-1])
    if len(spans) > 1:
        assert spans[-1][1] > overlap  # the last one still reaches past the overlap


@pytest.mark.parametrize("overlap", [0.0, 10.0, 15.5])
@pytest.mark.parametrize("length", [50.0, 190.0, 190.5, 600.0, 1200.0, 1490.0, 3000.0, 727.3])
def test_tile_spans(length: float, overlap: float) -> None:
    _spans_ok(tile_spans(length, 190.0, overlap), length, 190.0, overlap)


@pytest.mark.parametrize(("size", "sheet", "overlap", "margin"), [
    ((3000, 1500), "A4", 10.0, 10.0), ((1200, 800), "A3", 10.0, 10.0), ((600, 900), "A4", 20.0, 8.0),
    ((105, 148), "A4", 10.0, 10.0), ((1237.5, 811.25), "A4", 12.5, 12.0),
])
def test_tile_grid_covers_the_board_exactly(size: tuple[float, float], sheet: str, overlap: float,
                                            margin: float) -> None:
    width, height = size
    tiles = tile_grid(width, height, sheet, overlap, margin)
    first = tiles[0]
    printable_w, printable_h = first.sheet_w - 2 * margin, first.sheet_h - 2 * margin
    assert {t.sheet_w for t in tiles} == {first.sheet_w}
    assert sorted((first.sheet_w, first.sheet_h)) == sorted(sheet_size(sheet))
    assert [(t.row, t.col) for t in tiles] == [(r, c) for r in range(1, first.rows + 1) for c in range(1, first.cols + 1)]
    assert [t.number for t in tiles] == list(range(1, len(tiles) + 1))
    columns = [(t.x, t.w) for t in tiles if t.row == 1]
    rows = [(t.y, t.h) for t in tiles if t.col == 1]
    _spans_ok(columns, width, printable_w, overlap)
    _spans_ok(rows, height, printable_h, overlap)
    assert all((t.x, t.w) == columns[t.col - 1] and (t.y, t.h) == rows[t.row - 1] for t in tiles)
    # the union is the board: every point of a fine lattice is in some tile, nothing outside is
    for fx, fy in itertools.product([i / 37 for i in range(38)], repeat=2):
        x, y = fx * width, fy * height
        assert any(t.x <= x <= t.x + t.w and t.y <= y <= t.y + t.h for t in tiles), (x, y)
    assert all(t.x >= 0 and t.y >= 0 and t.x + t.w <= width + 1e-9 and t.y + t.h <= height + 1e-9 for t in tiles)
    # the other orientation would not need fewer sheets
    other = oriented((first.sheet_w, first.sheet_h), first.sheet_w < first.sheet_h)
    count_other = len(tile_spans(width, other[0] - 2 * margin, overlap)) * len(tile_spans(height, other[1] - 2 * margin, overlap))
    assert len(tiles) <= count_other


def test_tile_count_for_a_3000_by_1500_board_on_a4() -> None:
    tiles = tile_grid(3000, 1500, "A4", 10, 10)
    # portrait: 17 columns of 190 mm × 6 rows of 277 mm = 102; landscape would be 12 × 9 = 108
    assert (tiles[0].sheet_w, tiles[0].sheet_h, tiles[0].rows, tiles[0].cols, len(tiles)) == (210, 297, 6, 17, 102)


def test_alignment_marks_coincide_on_neighbours() -> None:
    tiles = tile_grid(1200, 800, "A4", 10, 10)
    by_place = {(t.row, t.col): t for t in tiles}

    def board_crosses(tile: Any) -> set[tuple[float, float]]:
        return {(round(x - tile.margin + tile.x, 6), round(y - tile.margin + tile.y, 6)) for x, y in tile_marks(tile).crosses}

    for tile in tiles:
        for neighbour in (by_place.get((tile.row, tile.col + 1)), by_place.get((tile.row + 1, tile.col))):
            if neighbour is None:
                continue
            shared = board_crosses(tile) & board_crosses(neighbour)
            assert shared, (tile, neighbour)
            for x, y in shared:  # on the centre line of the overlap both sheets print
                inside_x = max(tile.x, neighbour.x) <= x <= min(tile.x + tile.w, neighbour.x + neighbour.w)
                inside_y = max(tile.y, neighbour.y) <= y <= min(tile.y + tile.h, neighbour.y + neighbour.h)
                assert inside_x and inside_y
    corner = tile_marks(by_place[(1, 1)])
    assert corner.trim and corner.cut  # board edges get trim ticks, the inner edges cut ticks


def test_tile_pdf_pages(bundled_fonts: Any) -> None:
    board = synthetic(3000, 1500)
    pdf = tile_pdf(board, bundled_fonts, "A4", overlap=10, margin=10)
    assert page_sizes_mm(pdf) == [(210.0, 297.0)] * 102
    texts = page_texts(pdf)
    assert "第 1 行 第 1 列（共 6 × 17 张）· 重叠 10 mm" in texts[0]
    assert "第 6 行 第 17 列（共 6 × 17 张）· 重叠 10 mm" in texts[-1]
    assert "第 2 行 第 3 列" in texts[17 + 2]  # rows from the top, left to right
    assert "安全生产监督栏" in texts[0]  # the title of the board is on the first tile
    assert_fonts_embedded(pdf)
    assert_cmyk_only(pdf)
    assert "/OutputIntents" not in reader(pdf).trailer["/Root"]
    assert tile_pdf(board, bundled_fonts, "A4") == pdf


def test_tile_of_a_real_board(chemical_boards: list[BuiltBoard], bundled_fonts: Any) -> None:
    built = next(b for b in chemical_boards if b.planned.form_id == "2-3")
    pdf = tile_pdf(built.board, bundled_fonts, "A3")
    tiles = tile_grid(built.width, built.height, "A3")
    assert len(reader(pdf).pages) == len(tiles) == 8  # 600 × 900 on landscape A3: 2 columns × 4 rows (portrait: 9)
    assert all(size == (tiles[0].sheet_w, tiles[0].sheet_h) for size in page_sizes_mm(pdf))
    assert_fonts_embedded(pdf)
    assert_cmyk_only(pdf)


def test_tile_refuses_nonsense() -> None:
    with pytest.raises(ValueError, match="太大"):
        tile_grid(1000, 1000, "A4", overlap=105, margin=50)
    with pytest.raises(ValueError, match="负数"):
        tile_grid(1000, 1000, "A4", overlap=-1)


# ---------------------------------------------------------------- imposition


@pytest.mark.parametrize(("sheet", "margin", "per_sheet", "sheets", "landscape"), [
    ("A4", 10.0, 2, 14, True), ("A3", 10.0, 4, 7, False), ("SRA3", 10.0, 4, 7, False),
    # 6 A6 on SRA3 only with marks 1 mm from the paper edge (what signkit did before the edge margin)
    ("SRA3", 1.0, 6, 5, True),
])
def test_imposition_counts(sheet: str, margin: float, per_sheet: int, sheets: int, landscape: bool) -> None:
    quantities = [12, 3, 6, 4, 2]
    plan = imposition_plan(105, 148, sheet, 3.0, None, quantities, margin=margin)
    assert (plan.per_sheet, plan.sheets, plan.landscape) == (per_sheet, sheets, landscape)
    assert len(plan.placements) == sum(quantities) == 27
    assert [plan.count(i) for i in range(5)] == quantities
    assert [p.copy for p in plan.placements if p.card == 0] == list(range(1, 13))
    # slots fill in order; only the last sheet has empty slots
    assert [(p.sheet, p.slot) for p in plan.placements] == [divmod(n, per_sheet) for n in range(27)]
    assert len(plan.on_sheet(plan.sheets - 1)) == 27 - (plan.sheets - 1) * per_sheet


def _rect(plan: Any, slot: Any) -> tuple[float, float, float, float]:
    return slot.x, slot.y, slot.x + plan.card_w, slot.y + plan.card_h


@pytest.mark.parametrize("sheet", ["A4", "A3", "SRA3"])
@pytest.mark.parametrize("duplex", ["long-edge", "short-edge"])
def test_backs_are_behind_the_fronts(sheet: str, duplex: Any) -> None:
    plan = imposition_plan(105, 148, sheet, 3.0, None, [12, 3, 6, 4, 2], duplex)
    turns_on_vertical_axis = (plan.sheet_w < plan.sheet_h) == (duplex == "long-edge")  # the long edge is vertical
    assert plan.mirrors_columns == turns_on_vertical_axis
    for slot in plan.slots:
        back = plan.back_slot(slot)
        x0, y0, x1, y1 = _rect(plan, slot)
        if turns_on_vertical_axis:
            assert (back.row, back.col) == (slot.row, plan.cols - 1 - slot.col)
            expected = (plan.sheet_w - x1, y0, plan.sheet_w - x0, y1)
        else:
            assert (back.row, back.col) == (plan.rows - 1 - slot.row, slot.col)
            expected = (x0, plan.sheet_h - y1, x1, plan.sheet_h - y0)
        assert _rect(plan, back) == pytest.approx(expected)
        assert plan.back_slot(back) == slot
    assert plan.back_rotation == (0 if turns_on_vertical_axis else 180)


def test_a_portrait_sheet_mirrors_columns() -> None:
    plan = imposition_plan(105, 148, "A3", 3.0, None, [4])
    assert not plan.landscape and (plan.cols, plan.rows) == (2, 2)
    assert [(plan.back_slot(s).row, plan.back_slot(s).col) for s in plan.slots] == [(0, 1), (0, 0), (1, 1), (1, 0)]


def test_gutters_and_marks_stay_off_the_cards() -> None:
    for sheet, gap in itertools.product(("A4", "A3", "SRA3"), (None, 16.0)):
        plan = imposition_plan(105, 148, sheet, 3.0, gap, [30])
        b = plan.bleed
        assert plan.gap == (gap or 2 * b)
        assert plan.edge_x >= edge_needed(b) - 1e-9 and plan.edge_y >= edge_needed(b) - 1e-9
        bleeds = [(s.x - b, s.y - b, s.x + plan.card_w + b, s.y + plan.card_h + b) for s in plan.slots]
        for (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) in itertools.combinations(bleeds, 2):
            assert ax1 <= bx0 + 1e-9 or bx1 <= ax0 + 1e-9 or ay1 <= by0 + 1e-9 or by1 <= ay0 + 1e-9  # bleeds never overlap
        marks = crop_mark_segments(plan)
        for x1, y1, x2, y2 in marks:
            assert min(x1, x2) >= 0 and max(x1, x2) <= plan.sheet_w and min(y1, y2) >= 0 and max(y1, y2) <= plan.sheet_h
            for bx0, by0, bx1, by1 in bleeds:  # a mark touches no card, bleed included
                assert max(x1, x2) <= bx0 + 1e-9 or min(x1, x2) >= bx1 - 1e-9 or max(y1, y2) <= by0 + 1e-9 \
                    or min(y1, y2) >= by1 - 1e-9, (sheet, gap, (x1, y1, x2, y2))
        # every cut line is marked: each column edge above the block, each row edge left of it
        xs = {round(x1, 6) for x1, y1, x2, y2 in marks if x1 == x2 and y2 < plan.edge_y}
        ys = {round(y1, 6) for x1, y1, x2, y2 in marks if y1 == y2 and x2 < plan.edge_x}
        assert xs == {round(v, 6) for c in range(plan.cols) for v in (plan.column_x(c), plan.column_x(c) + plan.card_w)}
        assert ys == {round(v, 6) for r in range(plan.rows) for v in (plan.row_y(r), plan.row_y(r) + plan.card_h)}
        assert all(abs(y1 - y2) + abs(x1 - x2) >= 3.0 - 1e-9 for x1, y1, x2, y2 in marks)
        assert MARK_GAP > 0
    wide = crop_mark_segments(imposition_plan(105, 148, "A3", 3.0, 16.0, [4]))
    assert len(wide) > len(crop_mark_segments(imposition_plan(105, 148, "A3", 3.0, None, [4])))  # marks in the gutters


@pytest.mark.parametrize(("sheet", "margin"), [("A4", 10.0), ("A3", 10.0), ("SRA3", 10.0), ("SRA3", 15.0), ("A3", 5.0)])
def test_imposed_marks_and_labels_keep_the_edge_margin(cards: list[tuple[Board, int]], bundled_fonts: Any, sheet: str,
                                                      margin: float) -> None:
    """Read from the PDF: every crop mark and every label line is at least ``margin`` from every paper edge (0.1 mm)."""
    pdf = impose_cards(cards, bundled_fonts, sheet, margin=margin)
    plan = imposition_plans(cards, sheet, 3.0, margin=margin)[0]
    measure = FontMeasurer(bundled_fonts)
    for index in range(2 * plan.sheets):
        reading = read_page(pdf, index)
        marks = [s for s in reading.strokes if s.space == "Separation/All"]
        assert len(marks) == len(crop_mark_segments(plan))
        for mark in marks:
            for x in (mark.x1, mark.x2):
                assert margin - 0.1 <= x <= plan.sheet_w - margin + 0.1, (sheet, index, mark)
            for y in (mark.y1, mark.y2):
                assert margin - 0.1 <= y <= plan.sheet_h - margin + 0.1, (sheet, index, mark)
        labels = [t for t in reading.texts if t.ctm == (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)]  # drawn on the sheet, not a card
        assert labels, (sheet, index)
        for shown in labels:
            size_mm = shown.size_pt * 25.4 / 72
            assert shown.size_pt >= 6.0 and shown.fill == ("cmyk", (0.0, 0.0, 0.0, 1.0))
            assert shown.y + size_mm <= plan.sheet_h - margin + 0.1  # a whole em above the baseline
            assert shown.y - 0.25 * size_mm >= margin - 0.1
            assert shown.x >= margin - 0.1
        lines = slug_lines(plan, slug_parts(plan, cards[0][0].title, sheet, index // 2, bool(index % 2), 27), measure)
        assert len(lines) == len({(round(t.x, 3), round(t.y, 3)) for t in labels})
        for line in lines:  # the right end of each line, from the same measure the PDF was set with
            assert line.x + measure.width(line.text, line.size, "body") <= plan.sheet_w - margin + 0.1
            column = min(range(plan.cols), key=lambda c: abs(plan.column_x(c) - line.x))
            assert line.x + measure.width(line.text, line.size, "body") <= plan.column_x(column) + plan.card_w


def test_the_label_keeps_the_job_and_sheet_when_the_margin_is_narrow(bundled_fonts: Any) -> None:
    plan = imposition_plan(105, 148, "A4", 3.0, None, [3], margin=10.0)
    measure = FontMeasurer(bundled_fonts)
    parts = slug_parts(plan, "岗位风险告知卡", "A4", 0, False, 3)
    lines = slug_lines(plan, parts, measure)
    text = " · ".join(line.text for line in lines)
    assert parts[0] in text and parts[1] in text
    assert all(line.size * 72 / 25.4 >= 6.0 for line in lines)


def test_imposition_refuses_nonsense() -> None:
    with pytest.raises(ValueError, match="出血"):
        imposition_plan(105, 148, "A4", 3.0, 4.0, [1])
    with pytest.raises(ValueError, match="放不进"):
        imposition_plan(300, 400, "A4", 3.0, None, [1])
    with pytest.raises(ValueError, match="纸张"):
        imposition_plan(105, 148, "B5", 3.0, None, [1])


@pytest.mark.parametrize("sheet", ["A4", "A3", "SRA3"])
def test_imposed_pdf(cards: list[tuple[Board, int]], bundled_fonts: Any, sheet: str) -> None:
    assert {b.subject: q for b, q in cards} == CHEMICAL_PEOPLE
    pdf = impose_cards(cards, bundled_fonts, sheet)
    plan = imposition_plan(105, 148, sheet, 3.0, None, [q for _, q in cards])
    size = (plan.sheet_w, plan.sheet_h)
    assert page_sizes_mm(pdf) == [size] * (2 * plan.sheets)
    texts = page_texts(pdf)
    fronts, backs = texts[0::2], texts[1::2]
    # one 岗位名称 per card front, one heading per card back, sheet by sheet; empty slots stay empty on both sides
    assert [t.count("岗位名称") for t in fronts] == [len(plan.on_sheet(k)) for k in range(plan.sheets)]
    assert [t.count("安全风险应急处置及管控措施") for t in backs] == [len(plan.on_sheet(k)) for k in range(plan.sheets)]
    assert sum(t.count("岗位名称") for t in fronts) == sum(CHEMICAL_PEOPLE.values())
    # each card's front is in its slot and its back in the mirrored slot
    for k in range(plan.sheets):
        placements = plan.on_sheet(k)
        front_at = text_positions(pdf, 2 * k, "岗位名称")
        back_at = text_positions(pdf, 2 * k + 1, "安全风险应急处置及管控措施")
        for found, rects in ((front_at, [_rect(plan, plan.slots[p.slot]) for p in placements]),
                             (back_at, [_rect(plan, plan.back_slot(p.slot)) for p in placements])):
            assert len(found) == len(rects)
            for x, y in found:
                assert sum(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in rects) == 1, (sheet, k, x, y)
            for x0, y0, x1, y1 in rects:
                assert any(x0 <= x <= x1 and y0 <= y <= y1 for x, y in found)
    assert "正面" in fronts[0] and "背面" in backs[0] and "长边翻转" in fronts[0]
    assert_fonts_embedded(pdf)
    assert_cmyk_only(pdf)
    with pikepdf.open(io.BytesIO(pdf)) as document:  # press output: PDF/X keys and boxes
        assert document.Root.OutputIntents[0].OutputConditionIdentifier == "FOGRA39"
        assert all(page.BleedBox == page.TrimBox == page.MediaBox for page in document.pages)
        assert all("/TrimBox" in page.obj for page in document.pages)


def test_imposition_per_card_counts(cards: list[tuple[Board, int]], bundled_fonts: Any) -> None:
    pdf = impose_cards(cards, bundled_fonts, "A3")
    plan = imposition_plan(105, 148, "A3", 3.0, None, [q for _, q in cards])
    fronts = page_texts(pdf)[0::2]
    for index, (board, quantity) in enumerate(cards):
        sheets_with = {p.sheet for p in plan.placements if p.card == index}
        assert plan.count(index) == quantity
        assert all(board.subject in fronts[k] for k in sheets_with)
    assert impose_cards(cards, bundled_fonts, "A3") == pdf  # deterministic


def test_imposition_of_mixed_sizes(bundled_fonts: Any) -> None:
    small, large = synthetic(105, 148, pages=2), synthetic(120, 170, pages=2)
    pdf = impose_cards([(small, 3), (large, 2)], bundled_fonts, "A3")
    first = imposition_plan(105, 148, "A3", 3.0, None, [3])
    second = imposition_plan(120, 170, "A3", 3.0, None, [2])
    assert len(reader(pdf).pages) == 2 * (first.sheets + second.sheets)
    fronts = page_texts(pdf)[0::2]
    assert sum(t.count("安全生产监督栏") for t in fronts) == 5 + len(fronts)  # each card, and each sheet's slug
    with pytest.raises(ValueError, match="没有"):
        impose_cards([(small, 0)], bundled_fonts)
