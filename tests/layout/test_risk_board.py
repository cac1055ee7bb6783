"""附表 2-4 安全风险分级管控告知牌 and 2-5 岗位风险告知卡: labels verbatim and in order, the
risk colour block, the card's two sides, lists that shrink, and lists that cannot fit."""

from __future__ import annotations

import pytest

from signkit.art.accidents import AUTO, board_signs
from signkit.art.place import capacity
from signkit.drawing.box import Box
from signkit.drawing.colors import RISK_COLORS, RISK_TEXT
from signkit.drawing.frame import Frame
from signkit.drawing.items import Board, Rect, Text
from signkit.drawing.text import FontMeasurer
from signkit.fonts import FontSet, resolve_fonts
from signkit.layout import risk_board, risk_card
from signkit.layout.context import LayoutContext
from signkit.layout.registry import layout_board
from signkit.model.site import Site
from signkit.pipeline.check import FileReport, check_path
from signkit.plan.boards import PlannedBoard
from signkit.render.pdf import render_pdf
from signkit.spec.sizes import Sizing
from tests.conftest import CHEMICAL, SMALL
from tests.pdfcheck import assert_fonts_embedded, assert_in_order, assert_trim, page_texts

BOARD_LABELS = ["安全风险分级管控告知牌", "风险点、场所名称", "风险及可能造成的危害", "事故诱因", "风险等级", "管控责任人",
                "警示标识", "重要提示", "管控措施", "应急处置措施", "应急局举报电话：12350", "企业监督举报电话：",
                "火警：119", "急救：120"]
FRONT_LABELS = ["岗位风险告知卡", "岗位名称：", "岗位安全风险："]
BACK_LABELS = ["安全风险应急处置及管控措施：", "救援电话：", "企业应急电话："]
CARD = Sizing(105.0, 148.0, 1.0)
BOARD = Sizing(1200.0, 800.0, 1.0)


def _squash(text: str) -> str:
    """Wrapped labels and lists break lines: compare text without any whitespace."""
    return "".join(text.split())


@pytest.fixture(scope="module")
def fonts() -> FontSet:
    return resolve_fonts(mode="bundled")


@pytest.fixture(scope="module")
def examples() -> dict[str, FileReport]:
    reports = {"chemical": check_path(str(CHEMICAL)), "small": check_path(str(SMALL))}
    for report in reports.values():
        assert report.site is not None and report.ok(), [d.render() for d in report.diagnostics]
    return reports


def _site(report: FileReport) -> Site:
    assert report.site is not None
    return report.site


def _planned(report: FileReport, form_id: str, index: int = 0) -> PlannedBoard:
    return [p for p in report.plan if p.form_id == form_id][index]


def _lay(site: Site, planned: PlannedBoard, fonts: FontSet, sizing: Sizing, gradient: bool = True
         ) -> tuple[Board, Frame]:
    return layout_board(LayoutContext(site, FontMeasurer(fonts), gradient), planned, sizing)


def _texts(board: Board, page: int = 0) -> list[Text]:
    return [item for item in board.pages[page].items if isinstance(item, Text)]


def _inside(text: Text, box: Box | Rect) -> bool:
    return box.x - 1e-6 <= text.x and text.baseline <= box.y + box.h + 1e-6 and text.baseline - text.size >= box.y - 1e-6


def _list_sizes(board: Board, page: int = 0) -> set[float]:
    """Sizes of the numbered list items (lines that start with a （一） number)."""
    return {t.size for t in _texts(board, page) if t.text.startswith("（")}


# ---------------------------------------------------------------- 2-4


@pytest.mark.parametrize("name", ["chemical", "small"])
def test_risk_boards_of_the_examples(name: str, examples: dict[str, FileReport], fonts: FontSet) -> None:
    report = examples[name]
    site = _site(report)
    boards = [p for p in report.plan if p.form_id == "2-4"]
    assert len(boards) == len(site.risk_points) == 4
    for planned in boards:
        point = site.risk_points[int(planned.source[1])]
        board, frame = _lay(site, planned, fonts, BOARD)
        assert frame.misfits == []
        pdf = render_pdf(board, fonts)
        assert_trim(pdf, 1200, 800)
        assert_fonts_embedded(pdf)
        (text,) = page_texts(pdf)
        assert_in_order(_squash(text), BOARD_LABELS)
        flat = _squash(text)
        room = capacity(risk_board.sign_area(BOARD), risk_board.SIGN_MIN_WIDTH)
        printed_signs = [name for name, _ in board_signs(point.signs, point.accidents, room)]  # 自动 expanded
        assert printed_signs and (AUTO not in point.signs or AUTO not in flat)
        for value in (point.name, f"{point.level}风险", point.owner, site.enterprise.report_phone or "",
                      *printed_signs, *point.notices):
            assert _squash(value) in flat
        for entries in (point.hazards, point.causes, point.controls, point.emergency):
            for number, entry in enumerate(entries, start=1):
                assert _squash(risk_board.numbered_list(entries)[number - 1].text) in flat
                assert _squash(entry).rstrip("；。") in flat
        assert "（一）" in flat
        # one size for every label, and one for the four lists
        labels = {t.size for t in _texts(board) if t.text in {"风险等级", "管控措施", "事故诱因", "警示标识"}}
        assert len(labels) == 1
        assert len(_list_sizes(board)) == 1
        assert min(_list_sizes(board)) >= risk_board.MIN_TEXT


def test_items_are_numbered_and_end_in_the_fullwidth_semicolon() -> None:
    paras = risk_board.numbered_list(["储罐超装。", "阀门泄漏;", "罐区动火，", "  储罐充装量不超过 85%  "])
    assert [p.prefix for p in paras] == ["（一）", "（二）", "（三）", "（四）"]
    assert [p.text for p in paras] == ["储罐超装；", "阀门泄漏；", "罐区动火；", "储罐充装量不超过 85%；"]


@pytest.mark.parametrize("level", ["重大", "较大", "一般", "低"])
def test_each_risk_level_is_a_block_of_its_colour_with_its_name(level: str, examples: dict[str, FileReport],
                                                                fonts: FontSet) -> None:
    report = examples["small"]
    site = _site(report)
    point = site.risk_points[0].model_copy(update={"level": level})
    site = site.model_copy(update={"risk_points": [point, *site.risk_points[1:]]})
    board, frame = _lay(site, _planned(report, "2-4"), fonts, BOARD)
    assert frame.misfits == []
    blocks = [r for r in board.pages[0].items if isinstance(r, Rect) and r.fill == RISK_COLORS[level]]
    assert len(blocks) == 1
    block = blocks[0]
    expected = risk_board.level_box(BOARD)
    assert (block.x, block.y, block.w, block.h) == pytest.approx((expected.x, expected.y, expected.w, expected.h))
    (name,) = [t for t in _texts(board) if t.text == f"{level}风险"]
    assert name.color == RISK_TEXT[level]
    assert _inside(name, block)
    assert block.w * block.h > 100 * 60  # a block a passer-by sees, not a swatch
    # the other levels' colours are not on the board
    others = {c for key, c in RISK_COLORS.items() if key != level}
    assert not [r for r in board.pages[0].items if isinstance(r, Rect) and r.fill in others]


def test_sign_names_sit_in_the_sign_box(examples: dict[str, FileReport], fonts: FontSet) -> None:
    report = examples["chemical"]
    site = _site(report)
    board, _ = _lay(site, _planned(report, "2-4"), fonts, BOARD)
    box = risk_board.sign_box(BOARD)
    assert box.w >= 200 and box.h >= 150  # room for GB 2894 pictograms later
    names = site.risk_points[0].signs
    signs = [t for t in _texts(board) if t.text in names]
    assert sorted(t.text for t in signs) == sorted(names)  # each sign's text panel, drawn once
    assert all(_inside(t, box) for t in signs)
    assert len({(round(t.x), round(t.baseline)) for t in signs}) == len(names)  # in distinct grid cells


def test_long_lists_shrink_on_the_board(examples: dict[str, FileReport], fonts: FontSet) -> None:
    report = examples["chemical"]
    site = _site(report)
    planned = _planned(report, "2-4")
    normal, _ = _lay(site, planned, fonts, BOARD)
    point = site.risk_points[0]
    longer = point.model_copy(update={"controls": point.controls * 3})
    site = site.model_copy(update={"risk_points": [longer, *site.risk_points[1:]]})
    board, frame = _lay(site, planned, fonts, BOARD)
    assert frame.misfits == []
    (size,) = _list_sizes(board)
    assert risk_board.MIN_TEXT <= size < min(_list_sizes(normal))
    assert sum(1 for t in _texts(board) if t.text.startswith("（十二）")) == 1


def test_an_absurd_list_misfits_with_its_key_path_and_draws_nothing(examples: dict[str, FileReport],
                                                                    fonts: FontSet) -> None:
    report = examples["chemical"]
    site = _site(report)
    marker = "此条管控措施长得离谱"
    point = site.risk_points[1]
    absurd = point.model_copy(update={"controls": [marker * 6] * 40})
    site = site.model_copy(update={"risk_points": [site.risk_points[0], absurd, *site.risk_points[2:]]})
    board, frame = _lay(site, _planned(report, "2-4", 1), fonts, BOARD)
    assert [m.path for m in frame.misfits] == [("风险点", 1, "管控措施")]
    assert not [t for t in _texts(board) if "离谱" in t.text]
    # everything else is still there
    flat = _squash("".join(t.text for t in _texts(board)))
    assert _squash(risk_board.numbered_list(point.emergency)[0].text) in flat
    # a bigger board is what the build step tries next: the list fits there
    big = Sizing(1200 * 4, 800 * 4, 4.0)
    _, frame = _lay(site, _planned(report, "2-4", 1), fonts, big)
    assert frame.misfits == []


def test_a_long_name_misfits_with_its_key_path(examples: dict[str, FileReport], fonts: FontSet) -> None:
    report = examples["small"]
    site = _site(report)
    point = site.risk_points[0].model_copy(update={"name": "燃气加热炉" * 30, "owner": "范永明" * 40})
    site = site.model_copy(update={"risk_points": [point, *site.risk_points[1:]]})
    _, frame = _lay(site, _planned(report, "2-4"), fonts, BOARD)
    assert sorted(m.path for m in frame.misfits) == [("风险点", 0, "管控责任人"), ("风险点", 0, "风险点名称")]


def test_risk_board_scales_and_follows_the_gradient_option(examples: dict[str, FileReport], fonts: FontSet) -> None:
    report = examples["small"]
    site = _site(report)
    planned = _planned(report, "2-4")
    board, frame = _lay(site, planned, fonts, Sizing(1800, 1200, 1.5), gradient=False)
    assert frame.misfits == []
    assert board.pages[0].background is None
    base, _ = _lay(site, planned, fonts, BOARD)
    assert base.pages[0].background is not None
    assert min(_list_sizes(board)) > min(_list_sizes(base))
    assert_trim(render_pdf(board, fonts), 1800, 1200)
    assert render_pdf(base, fonts) == render_pdf(base, fonts)


# ---------------------------------------------------------------- 2-5


@pytest.mark.parametrize("name", ["chemical", "small"])
def test_cards_of_the_examples_have_a_front_and_a_back(name: str, examples: dict[str, FileReport],
                                                       fonts: FontSet) -> None:
    report = examples[name]
    site = _site(report)
    cards = [p for p in report.plan if p.form_id == "2-5"]
    assert len(cards) == len(site.posts)
    for planned in cards:
        post = site.posts[int(planned.source[1])]
        board, frame = _lay(site, planned, fonts, CARD)
        assert frame.misfits == []
        assert [p.label for p in board.pages] == ["卡片正面", "卡片背面"]
        pdf = render_pdf(board, fonts)
        assert_trim(pdf, 105, 148)
        assert_fonts_embedded(pdf)
        front, back = page_texts(pdf)
        front, back = _squash(front), _squash(back)
        assert_in_order(front, ["岗位风险告知卡", "岗位名称：", _squash(post.name), "岗位安全风险："])
        assert_in_order(back, BACK_LABELS)
        for label in BACK_LABELS:
            assert label not in front
        for label in FRONT_LABELS:
            assert label not in back
        assert "卡片正面" not in front + back and "卡片背面" not in front + back  # annotations, not card text
        for para in risk_board.numbered_list(post.risks):
            assert _squash(para.prefix + para.text) in front
        for para in risk_board.numbered_list(post.measures):
            assert _squash(para.prefix + para.text) in back
        assert_in_order(back, ["救援电话：", _squash(post.rescue_phone or "x"),
                               "企业应急电话：", _squash(site.enterprise.emergency_phone or "x")])
        # both lists at one size, never below 7 pt
        sizes = _list_sizes(board, 0) | _list_sizes(board, 1)
        assert len(sizes) == 1 and min(sizes) >= risk_card.MIN_TEXT


def test_card_minimum_text_is_seven_points() -> None:
    assert abs(risk_card.MIN_TEXT - 2.4694) < 1e-4  # 7 / 72 inch


def test_long_card_lists_shrink_but_stay_legible(examples: dict[str, FileReport], fonts: FontSet) -> None:
    report = examples["chemical"]
    site = _site(report)
    planned = _planned(report, "2-5")
    normal, _ = _lay(site, planned, fonts, CARD)
    post = site.posts[0]
    longer = post.model_copy(update={"risks": post.risks * 3})
    site = site.model_copy(update={"posts": [longer, *site.posts[1:]]})
    board, frame = _lay(site, planned, fonts, CARD)
    assert frame.misfits == []
    (size,) = _list_sizes(board, 0) | _list_sizes(board, 1)
    assert risk_card.MIN_TEXT <= size < min(_list_sizes(normal, 0))


def test_an_absurd_card_list_misfits_with_its_key_path(examples: dict[str, FileReport], fonts: FontSet) -> None:
    report = examples["small"]
    site = _site(report)
    post = site.posts[2]
    absurd = post.model_copy(update={"measures": ["停机断电后方可处理卡料，离谱地长" * 3] * 30})
    site = site.model_copy(update={"posts": [*site.posts[:2], absurd, *site.posts[3:]]})
    board, frame = _lay(site, _planned(report, "2-5", 2), fonts, CARD)
    assert [m.path for m in frame.misfits] == [("岗位", 2, "应急处置及管控措施")]
    assert not [t for t in _texts(board, 1) if "离谱" in t.text]
    front = _squash("".join(t.text for t in _texts(board, 0)))
    assert _squash(risk_board.numbered_list(post.risks)[-1].text) in front  # the front is unharmed


def test_card_phones_misfit_with_their_key_paths(examples: dict[str, FileReport], fonts: FontSet) -> None:
    report = examples["chemical"]
    site = _site(report)
    post = site.posts[0].model_copy(update={"rescue_phone": "、".join(["0350-8161119"] * 12)})
    enterprise = site.enterprise.model_copy(update={"emergency_phone": "、".join(["0350-8161119"] * 12)})
    site = site.model_copy(update={"posts": [post, *site.posts[1:]], "enterprise": enterprise})
    _, frame = _lay(site, _planned(report, "2-5"), fonts, CARD)
    assert sorted(m.path for m in frame.misfits) == [("企业", "企业应急电话"), ("岗位", 0, "救援电话")]


def test_card_background_follows_the_gradient_option(examples: dict[str, FileReport], fonts: FontSet) -> None:
    report = examples["small"]
    site = _site(report)
    plain, _ = _lay(site, _planned(report, "2-5"), fonts, CARD, gradient=False)
    shaded, _ = _lay(site, _planned(report, "2-5"), fonts, CARD, gradient=True)
    assert [p.background for p in plain.pages] == [None, None]
    assert all(p.background is not None for p in shaded.pages)
    big, frame = _lay(site, _planned(report, "2-5"), fonts, Sizing(148, 210, 148 / 105))
    assert frame.misfits == []
    assert_trim(render_pdf(big, fonts), 148, 210)
