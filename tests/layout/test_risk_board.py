"""附表 2-4 安全风险分级管控告知牌: labels verbatim and in order, the risk colour block, the signs,
lists that shrink, and lists that cannot fit."""

from __future__ import annotations

import pytest

from signkit.art.accidents import AUTO, board_signs
from signkit.art.catalog import load_library
from signkit.art.place import capacity
from signkit.drawing.box import Box
from signkit.drawing.colors import RISK_COLORS, RISK_TEXT
from signkit.drawing.items import Board, Rect, Text
from signkit.drawing.items import Path as PathItem
from signkit.drawing.lists import list_item
from signkit.drawing.text import FontMeasurer, layout_at
from signkit.fonts import FontSet
from signkit.layout import risk_board
from signkit.pipeline.check import FileReport
from signkit.render.pdf import render_pdf
from signkit.spec.forms import viewing_distance
from signkit.spec.grids import risk_grid
from signkit.spec.sizes import Sizing
from tests.layout.boardutil import lay_risk, planned_board, site_of, squash, texts_of
from tests.pdfcheck import assert_fonts_embedded, assert_in_order, assert_trim, page_texts

BOARD_LABELS = ["安全风险分级管控告知牌", "风险点、场所名称", "风险及可能造成的危害", "事故诱因", "风险等级", "管控责任人",
                "警示标识", "重要提示", "管控措施", "应急处置措施", "应急局举报电话：12350", "企业监督举报电话：",
                "火警：119", "急救：120"]
BOARD = Sizing(1200.0, 800.0, 1.0)


def _inside(text: Text, box: Box | Rect) -> bool:
    return box.x - 1e-6 <= text.x and text.baseline <= box.y + box.h + 1e-6 and text.baseline - text.size >= box.y - 1e-6


def _right_list_sizes(board: Board, sizing: Sizing = BOARD) -> set[float]:
    """Sizes of the four numbered lists of the right block (the left column's 重要提示 are numbered too)."""
    right = risk_grid(sizing).xs[2]
    return {t.size for t in texts_of(board) if t.text.startswith("（") and t.x > right}


def _points(path: PathItem) -> list[tuple[float, float]]:
    return [(float(seg[k]), float(seg[k + 1])) for seg in path.segments for k in range(1, len(seg) - 1, 2)]


def _extent(path: PathItem) -> tuple[float, float]:
    """A path's width and height."""
    xs, ys = zip(*_points(path), strict=True)
    return max(xs) - min(xs), max(ys) - min(ys)


def _within(path: PathItem, box: Box) -> bool:
    points = _points(path)
    return bool(points) and all(box.x - 1e-6 <= x <= box.right + 1e-6 and box.y - 1e-6 <= y <= box.bottom + 1e-6
                                for x, y in points)


HEADERS, LOWER_LABELS = risk_board.HEADERS, risk_board.LOWER_LABELS


def _printed_signs(board: Board, names: list[str]) -> list[str]:
    """Which of ``names`` the board's sign panels print, in the order they are drawn."""
    return [t.text for t in texts_of(board) if t.text in names]


@pytest.mark.parametrize("name", ["chemical", "small"])
def test_risk_boards_of_the_examples(name: str, examples: dict[str, FileReport], fonts: FontSet) -> None:
    report = examples[name]
    site = site_of(report)
    boards = [p for p in report.plan if p.form_id == "2-4"]
    assert len(boards) == len(site.risk_points) == 4
    for planned in boards:
        point = site.risk_points[int(planned.source[1])]
        board, frame = lay_risk(site, planned, fonts, BOARD)
        assert frame.misfits == []
        pdf = render_pdf(board, fonts)
        assert_trim(pdf, 1200, 800)
        assert_fonts_embedded(pdf)
        (text,) = page_texts(pdf)
        assert_in_order(squash(text), BOARD_LABELS)
        flat = squash(text)
        room = capacity(risk_board.sign_area(BOARD), risk_board.SIGN_MIN_WIDTH)
        candidates = [name for name, _ in board_signs(point.signs, point.accidents, room)]  # 自动 expanded
        printed_signs = _printed_signs(board, candidates)
        # every named sign, and as many of 自动's suggestions (in their order) as leave the panels legible
        assert printed_signs == candidates[:len(printed_signs)]
        assert set(point.signs) - {AUTO} <= set(printed_signs)
        assert printed_signs and (AUTO not in point.signs or AUTO not in flat)
        for value in (point.name, f"{point.level}风险", point.owner, site.enterprise.report_phone or "",
                      *printed_signs, *(list_item(notice) for notice in point.notices)):
            assert squash(value) in flat
        for entries in (point.hazards, point.causes, point.controls, point.emergency):
            for number, entry in enumerate(entries, start=1):
                assert squash(risk_board.numbered_list(entries)[number - 1].text) in flat
                assert squash(entry).rstrip("；。") in flat
        assert "（一）" in flat
        # one size for every label, and one for the four lists
        labels = {t.size for t in texts_of(board) if t.text in {"风险等级", "管控措施", "事故诱因", "警示标识"}}
        assert len(labels) == 1
        assert len(_right_list_sizes(board)) == 1
        assert min(_right_list_sizes(board)) >= risk_board.MIN_TEXT


def test_items_are_numbered_and_end_in_the_fullwidth_semicolon() -> None:
    paras = risk_board.numbered_list(["储罐超装。", "阀门泄漏;", "罐区动火，", "  储罐充装量不超过 85%  "])
    assert [p.prefix for p in paras] == ["（一）", "（二）", "（三）", "（四）"]
    assert [p.text for p in paras] == ["储罐超装；", "阀门泄漏；", "罐区动火；", "储罐充装量不超过 85%；"]


@pytest.mark.parametrize("level", ["重大", "较大", "一般", "低"])
def test_each_risk_level_is_a_block_of_its_colour_with_its_name(level: str, examples: dict[str, FileReport],
                                                                fonts: FontSet) -> None:
    report = examples["small"]
    site = site_of(report)
    point = site.risk_points[0].model_copy(update={"level": level})
    site = site.model_copy(update={"risk_points": [point, *site.risk_points[1:]]})
    board, frame = lay_risk(site, planned_board(report, "2-4"), fonts, BOARD)
    assert frame.misfits == []
    blocks = [r for r in board.pages[0].items if isinstance(r, Rect) and r.fill == RISK_COLORS[level]]
    assert len(blocks) == 1
    block = blocks[0]
    expected = risk_board.level_box(BOARD)
    assert (block.x, block.y, block.w, block.h) == pytest.approx((expected.x, expected.y, expected.w, expected.h))
    (name,) = [t for t in texts_of(board) if t.text == f"{level}风险"]
    assert name.color == RISK_TEXT[level]
    assert _inside(name, block)
    assert block.w * block.h > 100 * 60  # a block a passer-by sees, not a swatch
    # the other levels' colours are not on the board
    others = {c for key, c in RISK_COLORS.items() if key != level}
    assert not [r for r in board.pages[0].items if isinstance(r, Rect) and r.fill in others]


def test_sign_names_sit_in_the_sign_box(examples: dict[str, FileReport], fonts: FontSet) -> None:
    report = examples["chemical"]
    site = site_of(report)
    board, _ = lay_risk(site, planned_board(report, "2-4"), fonts, BOARD)
    box = risk_board.sign_box(BOARD)
    assert box.w >= 380 and box.h >= 120  # the whole left column, under its 警示标识 heading
    names = site.risk_points[0].signs
    signs = [t for t in texts_of(board) if t.text in names]
    assert sorted(t.text for t in signs) == sorted(names)  # each sign's text panel, drawn once
    assert all(_inside(t, box) for t in signs)
    assert len({(round(t.x), round(t.baseline)) for t in signs}) == len(names)  # in distinct grid cells


def test_long_lists_shrink_on_the_board(examples: dict[str, FileReport], fonts: FontSet) -> None:
    report = examples["chemical"]
    site = site_of(report)
    planned = planned_board(report, "2-4")
    normal, _ = lay_risk(site, planned, fonts, BOARD)
    point = site.risk_points[0]
    longer = point.model_copy(update={"controls": point.controls * 3})
    site = site.model_copy(update={"risk_points": [longer, *site.risk_points[1:]]})
    board, frame = lay_risk(site, planned, fonts, BOARD)
    assert frame.misfits == []
    (size,) = _right_list_sizes(board)
    assert risk_board.MIN_TEXT <= size < min(_right_list_sizes(normal))
    assert sum(1 for t in texts_of(board) if t.text.startswith("（十二）")) == 1


def test_an_absurd_list_misfits_with_its_key_path_and_draws_nothing(examples: dict[str, FileReport],
                                                                    fonts: FontSet) -> None:
    report = examples["chemical"]
    site = site_of(report)
    marker = "此条管控措施长得离谱"
    point = site.risk_points[1]
    absurd = point.model_copy(update={"controls": [marker * 6] * 40})
    site = site.model_copy(update={"risk_points": [site.risk_points[0], absurd, *site.risk_points[2:]]})
    board, frame = lay_risk(site, planned_board(report, "2-4", 1), fonts, BOARD)
    assert [m.path for m in frame.misfits] == [("风险点", 1, "管控措施")]
    assert not [t for t in texts_of(board) if "离谱" in t.text]
    # everything else is still there
    flat = squash("".join(t.text for t in texts_of(board)))
    assert squash(risk_board.numbered_list(point.emergency)[0].text) in flat
    # a bigger board is what the build step tries next: the list fits there
    big = Sizing(1200 * 4, 800 * 4, 4.0)
    _, frame = lay_risk(site, planned_board(report, "2-4", 1), fonts, big)
    assert frame.misfits == []


def test_a_long_name_misfits_with_its_key_path(examples: dict[str, FileReport], fonts: FontSet) -> None:
    report = examples["small"]
    site = site_of(report)
    point = site.risk_points[0].model_copy(update={"name": "燃气加热炉" * 30, "owner": "范永明" * 40})
    site = site.model_copy(update={"risk_points": [point, *site.risk_points[1:]]})
    _, frame = lay_risk(site, planned_board(report, "2-4"), fonts, BOARD)
    assert sorted(m.path for m in frame.misfits) == [("风险点", 0, "管控责任人"), ("风险点", 0, "风险点名称")]


def test_risk_board_scales_and_follows_the_gradient_option(examples: dict[str, FileReport], fonts: FontSet) -> None:
    report = examples["small"]
    site = site_of(report)
    planned = planned_board(report, "2-4")
    board, frame = lay_risk(site, planned, fonts, Sizing(1800, 1200, 1.5), gradient=False)
    assert frame.misfits == []
    assert board.pages[0].background is None
    base, _ = lay_risk(site, planned, fonts, BOARD)
    assert base.pages[0].background is not None
    assert min(_right_list_sizes(board, Sizing(1800, 1200, 1.5))) > min(_right_list_sizes(base))
    assert_trim(render_pdf(board, fonts), 1800, 1200)
    assert render_pdf(base, fonts) == render_pdf(base, fonts)


# --- as a sign shop would set it (issue 13, item 3) -----------------------------------------------------------------

def _stroked(board: Board) -> list[Rect]:
    return [r for r in board.pages[0].items if isinstance(r, Rect) and r.stroke is not None]


def _cell_with(board: Board, text: str) -> Rect:
    line = next(t for t in texts_of(board) if t.text == text)
    (cell,) = [r for r in _stroked(board) if r.x <= line.x <= r.x + r.w and r.y <= line.baseline <= r.y + r.h]
    return cell


@pytest.mark.parametrize("name", ["chemical", "small"])
def test_the_lower_band_lines_up_with_the_upper_band(name: str, examples: dict[str, FileReport], fonts: FontSet) -> None:
    report = examples[name]
    site = site_of(report)
    for planned in (p for p in report.plan if p.form_id == "2-4"):
        board, _ = lay_risk(site, planned, fonts, BOARD)
        hazards, causes = _cell_with(board, HEADERS[0]), _cell_with(board, HEADERS[1])
        for label in LOWER_LABELS:
            cell = _cell_with(board, label)
            assert cell.x == pytest.approx(hazards.x, abs=0.1)
            assert cell.x + cell.w == pytest.approx(hazards.x + hazards.w, abs=0.1)  # the middle rule runs straight
            assert cell.x + cell.w == pytest.approx(causes.x, abs=0.1)
        # every vertical rule of the right block is one of the upper band's three
        right = risk_grid(BOARD).xs[2]
        upper = {round(hazards.x, 1), round(causes.x, 1), round(causes.x + causes.w, 1)}
        edges = {round(x, 1) for r in _stroked(board) if r.x >= right - 0.05 for x in (r.x, r.x + r.w)}
        assert edges == upper, (planned.subject, edges, upper)


def test_the_split_moves_left_only_when_it_gives_the_lists_larger_type(examples: dict[str, FileReport],
                                                                         fonts: FontSet) -> None:
    report = examples["chemical"]
    site = site_of(report)
    half = risk_grid(BOARD).right / 2
    roomy, _ = lay_risk(site, planned_board(report, "2-4", 3), fonts, BOARD)  # 成品仓库: short lists
    assert _cell_with(roomy, HEADERS[0]).w == pytest.approx(half)  # the copy's equal columns
    point = site.risk_points[0]
    dense = point.model_copy(update={"controls": point.controls * 2, "emergency": point.emergency * 2})
    site = site.model_copy(update={"risk_points": [dense, *site.risk_points[1:]]})
    board, frame = lay_risk(site, planned_board(report, "2-4"), fonts, BOARD)
    assert frame.misfits == []
    middle = _cell_with(board, HEADERS[0]).w
    assert middle < half - 1  # the lists of the right column needed the room
    header = max(t for t in texts_of(board) if t.text == HEADERS[0]).size
    assert header == max(t.size for t in texts_of(board) if t.text == "风险等级")  # the heading kept the labels' size


def test_important_notices_are_numbered_like_the_other_lists(examples: dict[str, FileReport], fonts: FontSet) -> None:
    report = examples["small"]
    site = site_of(report)
    point = site.risk_points[0]
    assert len(point.notices) == 2
    board, _ = lay_risk(site, planned_board(report, "2-4"), fonts, BOARD)
    cell = risk_board.sign_box(BOARD)  # the notices are in the row under the signs
    lines = [t for t in texts_of(board) if t.y > cell.y + cell.h - 1e-6 if False] if False else [
        t for t in texts_of(board) if cell.y + cell.h - 1e-6 < t.baseline and t.x > risk_grid(BOARD).xs[1] - 1e-6
        and t.x < risk_grid(BOARD).xs[2]]
    firsts = [t.text for t in lines if t.text.startswith("（")]
    assert [f[:3] for f in firsts] == ["（一）", "（二）"]  # two notices never run together
    flat = squash("".join(t.text for t in lines))
    assert flat == squash("".join(p.prefix + p.text for p in risk_board.numbered_list(point.notices)))
    assert flat.endswith("；")


@pytest.mark.parametrize("name", ["chemical", "small"])
def test_signs_are_big_enough_to_be_recognised_and_their_panels_legible(name: str, examples: dict[str, FileReport],
                                                                        fonts: FontSet) -> None:
    """GB 2894: outer dimension ≥ viewing distance / 40 (50 mm at 2 m); every text panel at the legible minimum."""
    report = examples[name]
    site = site_of(report)
    distance_mm = viewing_distance("2-4") * 1000
    for planned in (p for p in report.plan if p.form_id == "2-4"):
        board, frame = lay_risk(site, planned, fonts, BOARD)
        assert frame.misfits == []
        area = risk_board.sign_area(BOARD)
        library = load_library()
        panels = [t for t in texts_of(board) if t.text in library and _inside(t, area)]
        assert panels, planned.subject
        assert min(t.size for t in panels) >= risk_board.MIN_TEXT, planned.subject
        shapes = [p for p in board.pages[0].items if isinstance(p, PathItem) and _within(p, area)]
        widest = max(_extent(p)[0] for p in shapes)
        assert widest >= distance_mm / 40


def test_auto_adds_only_as_many_signs_as_stay_legible(examples: dict[str, FileReport], fonts: FontSet) -> None:
    report = examples["chemical"]
    site = site_of(report)
    point = site.risk_points[2]
    assert point.signs == [AUTO]
    board, frame = lay_risk(site, planned_board(report, "2-4", 2), fonts, BOARD)
    assert frame.misfits == []
    room = capacity(risk_board.sign_area(BOARD), risk_board.SIGN_MIN_WIDTH)
    suggested = [name for name, _ in board_signs(point.signs, point.accidents, room)]
    printed = _printed_signs(board, suggested)
    assert 0 < len(printed) < len(suggested)  # GB 2894's minimum alone would take more, with illegible panels
    assert printed == suggested[:len(printed)]


def test_too_many_named_signs_misfit_rather_than_print_illegible_panels(examples: dict[str, FileReport],
                                                                       fonts: FontSet) -> None:
    report = examples["chemical"]
    site = site_of(report)
    names = ["当心中毒", "当心爆炸", "禁止烟火", "必须戴防毒面具", "当心触电", "当心火灾"]
    point = site.risk_points[0].model_copy(update={"signs": names})
    site = site.model_copy(update={"risk_points": [point, *site.risk_points[1:]]})
    board, frame = lay_risk(site, planned_board(report, "2-4"), fonts, BOARD)
    assert [m.path for m in frame.misfits] == [("风险点", 0, "警示标识")]
    assert not [t for t in texts_of(board) if t.text in names]
    _, bigger = lay_risk(site, planned_board(report, "2-4"), fonts, Sizing(1800, 1200, 1.5))
    assert bigger.misfits == []  # a larger board takes them


def test_no_line_breaks_inside_parentheses_or_between_a_number_and_its_unit(examples: dict[str, FileReport],
                                                                          fonts: FontSet) -> None:
    """Wherever the run falls in the line, the board keeps it whole; the breaker alone splits it somewhere."""
    report = examples["chemical"]
    site = site_of(report)
    measure = FontMeasurer(fonts)
    runs = ("（防毒面具、防护手套）", "3.2 米", "5 立方米/小时")
    split_by_the_breaker = 0
    for shift in range(12):
        controls = ["巡检" * shift + "时必须佩戴劳动防护用品（防毒面具、防护手套）并做好记录",
                    "安" * shift + "储罐液位不超过 3.2 米，进料速度不超过 5 立方米/小时，超限时立即停止进料"]
        point = site.risk_points[1].model_copy(update={"controls": controls, "notices": ["叉车限速 5 公里/小时（厂区内）"]})
        mutated = site.model_copy(update={"risk_points": [site.risk_points[0], point, *site.risk_points[2:]]})
        board, frame = lay_risk(mutated, planned_board(report, "2-4", 1), fonts, BOARD)
        assert frame.misfits == []
        joined = "|".join(t.text for t in texts_of(board))
        assert all(run in joined for run in (*runs, "5 公里/小时", "（厂区内）")), (shift, joined)
        # the same list, in the same cell at the same size, set by the line breaker alone
        first = next(t for t in texts_of(board) if t.text.startswith("（一）巡") or t.text.startswith("（一）时"))
        cell = next(r for r in _stroked(board) if r.x <= first.x <= r.x + r.w and r.y <= first.baseline <= r.y + r.h)
        plain = layout_at(risk_board.numbered_list(controls), cell.w - 2 * risk_board.PADDING, first.size, "body", measure)
        assert plain is not None
        if not all(run in "|".join(line.text for line in plain.lines) for run in runs):
            split_by_the_breaker += 1
    assert split_by_the_breaker > 0  # the failing side: without keeping, some of these lines break inside a run


def test_eight_character_sign_names_fit_the_smallest_board(examples: dict[str, FileReport], fonts: FontSet) -> None:
    """Long names go on two lines (a panel 0.2 of the width taller): 1200 × 800 holds them, even a twelve-character one."""
    report = examples["chemical"]
    site = site_of(report)
    names = ["当心有害气体中毒", "当心透水", "必须携带自救器", "避灾路线"]
    point = site.risk_points[0].model_copy(update={"signs": names})
    site = site.model_copy(update={"risk_points": [point, *site.risk_points[1:]]})
    board, frame = lay_risk(site, planned_board(report, "2-4"), fonts, BOARD)
    assert frame.misfits == []
    printed = "|".join(t.text for t in texts_of(board))
    assert "当心有害|气体中毒" in printed  # on two lines, so the sign stays as narrow as a short name's
    assert all(name in printed for name in names[1:])
    longer = site.risk_points[0].model_copy(update={"signs": ["禁止开启无线移动通讯设备", *names[1:]]})
    site = site.model_copy(update={"risk_points": [longer, *site.risk_points[1:]]})
    board, frame = lay_risk(site, planned_board(report, "2-4"), fonts, BOARD)
    assert frame.misfits == []  # one line, it needed a sign 112 mm wide: a larger board only
    lines = [t for t in texts_of(board) if t.text in ("禁止开启无线", "移动通讯设备")]
    assert [t.text for t in lines] == ["禁止开启无线", "移动通讯设备"]
    assert all(t.size >= risk_board.MIN_TEXT for t in lines)
