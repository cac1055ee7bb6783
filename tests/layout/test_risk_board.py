"""附表 2-4 安全风险分级管控告知牌: labels verbatim and in order, the risk colour block, the signs,
lists that shrink, and lists that cannot fit."""

from __future__ import annotations

import pytest

from signkit.art.accidents import AUTO, board_signs
from signkit.art.place import capacity
from signkit.drawing.box import Box
from signkit.drawing.colors import RISK_COLORS, RISK_TEXT
from signkit.drawing.items import Rect, Text
from signkit.fonts import FontSet
from signkit.layout import risk_board
from signkit.pipeline.check import FileReport
from signkit.render.pdf import render_pdf
from signkit.spec.sizes import Sizing
from tests.layout.boardutil import lay_risk, list_sizes, planned_board, site_of, squash, texts_of
from tests.pdfcheck import assert_fonts_embedded, assert_in_order, assert_trim, page_texts

BOARD_LABELS = ["安全风险分级管控告知牌", "风险点、场所名称", "风险及可能造成的危害", "事故诱因", "风险等级", "管控责任人",
                "警示标识", "重要提示", "管控措施", "应急处置措施", "应急局举报电话：12350", "企业监督举报电话：",
                "火警：119", "急救：120"]
BOARD = Sizing(1200.0, 800.0, 1.0)


def _inside(text: Text, box: Box | Rect) -> bool:
    return box.x - 1e-6 <= text.x and text.baseline <= box.y + box.h + 1e-6 and text.baseline - text.size >= box.y - 1e-6


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
        printed_signs = [name for name, _ in board_signs(point.signs, point.accidents, room)]  # 自动 expanded
        assert printed_signs and (AUTO not in point.signs or AUTO not in flat)
        for value in (point.name, f"{point.level}风险", point.owner, site.enterprise.report_phone or "",
                      *printed_signs, *point.notices):
            assert squash(value) in flat
        for entries in (point.hazards, point.causes, point.controls, point.emergency):
            for number, entry in enumerate(entries, start=1):
                assert squash(risk_board.numbered_list(entries)[number - 1].text) in flat
                assert squash(entry).rstrip("；。") in flat
        assert "（一）" in flat
        # one size for every label, and one for the four lists
        labels = {t.size for t in texts_of(board) if t.text in {"风险等级", "管控措施", "事故诱因", "警示标识"}}
        assert len(labels) == 1
        assert len(list_sizes(board)) == 1
        assert min(list_sizes(board)) >= risk_board.MIN_TEXT


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
    assert box.w >= 200 and box.h >= 150  # room for GB 2894 pictograms later
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
    (size,) = list_sizes(board)
    assert risk_board.MIN_TEXT <= size < min(list_sizes(normal))
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
    assert min(list_sizes(board)) > min(list_sizes(base))
    assert_trim(render_pdf(board, fonts), 1800, 1200)
    assert render_pdf(base, fonts) == render_pdf(base, fonts)
