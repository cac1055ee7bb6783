"""附表 2-5 岗位风险告知卡: the card's two sides, labels verbatim and in order, lists that shrink, and
lists that cannot fit."""

from __future__ import annotations

import pytest

from signkit.fonts import FontSet
from signkit.layout import risk_board, risk_card
from signkit.pipeline.check import FileReport
from signkit.render.pdf import render_pdf
from signkit.spec.sizes import Sizing
from tests.layout.boardutil import lay_risk, list_sizes, planned_board, site_of, squash, texts_of
from tests.pdfcheck import assert_fonts_embedded, assert_in_order, assert_trim, page_texts

FRONT_LABELS = ["岗位风险告知卡", "岗位名称：", "岗位安全风险："]
BACK_LABELS = ["安全风险应急处置及管控措施：", "救援电话：", "企业应急电话："]
CARD = Sizing(105.0, 148.0, 1.0)


@pytest.mark.parametrize("name", ["chemical", "small"])
def test_cards_of_the_examples_have_a_front_and_a_back(name: str, examples: dict[str, FileReport],
                                                       fonts: FontSet) -> None:
    report = examples[name]
    site = site_of(report)
    cards = [p for p in report.plan if p.form_id == "2-5"]
    assert len(cards) == len(site.posts)
    for planned in cards:
        post = site.posts[int(planned.source[1])]
        board, frame = lay_risk(site, planned, fonts, CARD)
        assert frame.misfits == []
        assert [p.label for p in board.pages] == ["卡片正面", "卡片背面"]
        pdf = render_pdf(board, fonts)
        assert_trim(pdf, 105, 148)
        assert_fonts_embedded(pdf)
        front, back = page_texts(pdf)
        front, back = squash(front), squash(back)
        assert_in_order(front, ["岗位风险告知卡", "岗位名称：", squash(post.name), "岗位安全风险："])
        assert_in_order(back, BACK_LABELS)
        for label in BACK_LABELS:
            assert label not in front
        for label in FRONT_LABELS:
            assert label not in back
        assert "卡片正面" not in front + back and "卡片背面" not in front + back  # annotations, not card text
        for para in risk_board.numbered_list(post.risks):
            assert squash(para.prefix + para.text) in front
        for para in risk_board.numbered_list(post.measures):
            assert squash(para.prefix + para.text) in back
        assert_in_order(back, ["救援电话：", squash(post.rescue_phone or "x"),
                               "企业应急电话：", squash(site.enterprise.emergency_phone or "x")])
        # both lists at one size, never below 7 pt
        sizes = list_sizes(board, 0) | list_sizes(board, 1)
        assert len(sizes) == 1 and min(sizes) >= risk_card.MIN_TEXT


def test_card_minimum_text_is_seven_points() -> None:
    assert abs(risk_card.MIN_TEXT - 2.4694) < 1e-4  # 7 / 72 inch


def test_long_card_lists_shrink_but_stay_legible(examples: dict[str, FileReport], fonts: FontSet) -> None:
    report = examples["chemical"]
    site = site_of(report)
    planned = planned_board(report, "2-5")
    normal, _ = lay_risk(site, planned, fonts, CARD)
    post = site.posts[0]
    longer = post.model_copy(update={"risks": post.risks * 3})
    site = site.model_copy(update={"posts": [longer, *site.posts[1:]]})
    board, frame = lay_risk(site, planned, fonts, CARD)
    assert frame.misfits == []
    (size,) = list_sizes(board, 0) | list_sizes(board, 1)
    assert risk_card.MIN_TEXT <= size < min(list_sizes(normal, 0))


def test_an_absurd_card_list_misfits_with_its_key_path(examples: dict[str, FileReport], fonts: FontSet) -> None:
    report = examples["small"]
    site = site_of(report)
    post = site.posts[2]
    absurd = post.model_copy(update={"measures": ["停机断电后方可处理卡料，离谱地长" * 3] * 30})
    site = site.model_copy(update={"posts": [*site.posts[:2], absurd, *site.posts[3:]]})
    board, frame = lay_risk(site, planned_board(report, "2-5", 2), fonts, CARD)
    assert [m.path for m in frame.misfits] == [("岗位", 2, "应急处置及管控措施")]
    assert not [t for t in texts_of(board, 1) if "离谱" in t.text]
    front = squash("".join(t.text for t in texts_of(board, 0)))
    assert squash(risk_board.numbered_list(post.risks)[-1].text) in front  # the front is unharmed


def test_card_phones_misfit_with_their_key_paths(examples: dict[str, FileReport], fonts: FontSet) -> None:
    report = examples["chemical"]
    site = site_of(report)
    post = site.posts[0].model_copy(update={"rescue_phone": "、".join(["0350-8161119"] * 12)})
    enterprise = site.enterprise.model_copy(update={"emergency_phone": "、".join(["0350-8161119"] * 12)})
    site = site.model_copy(update={"posts": [post, *site.posts[1:]], "enterprise": enterprise})
    _, frame = lay_risk(site, planned_board(report, "2-5"), fonts, CARD)
    assert sorted(m.path for m in frame.misfits) == [("企业", "企业应急电话"), ("岗位", 0, "救援电话")]


def test_card_background_follows_the_gradient_option(examples: dict[str, FileReport], fonts: FontSet) -> None:
    report = examples["small"]
    site = site_of(report)
    plain, _ = lay_risk(site, planned_board(report, "2-5"), fonts, CARD, gradient=False)
    shaded, _ = lay_risk(site, planned_board(report, "2-5"), fonts, CARD, gradient=True)
    assert [p.background for p in plain.pages] == [None, None]
    assert all(p.background is not None for p in shaded.pages)
    big, frame = lay_risk(site, planned_board(report, "2-5"), fonts, Sizing(148, 210, 148 / 105))
    assert frame.misfits == []
    assert_trim(render_pdf(big, fonts), 148, 210)
