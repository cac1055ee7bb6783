"""附表 2-6 举报公示栏 and 2-7 安全生产监督栏: fixed wording verbatim, in columns, channels framed."""

from __future__ import annotations

from typing import Any

import pytest

from signkit.drawing.frame import Frame
from signkit.drawing.items import Board, Line, Text
from signkit.drawing.text import FontMeasurer
from signkit.fonts import FontSet
from signkit.layout import bulletin
from signkit.layout.context import LayoutContext
from signkit.layout.fixed_text import bulletin as bulletin_wording
from signkit.layout.registry import layout_board
from signkit.model.region import resolve_region
from signkit.pipeline.check import FileReport
from signkit.plan.boards import PlannedBoard
from signkit.render.pdf import render_pdf
from signkit.spec.sizes import Sizing
from tests.conftest import CHEMICAL, SMALL, check_data, example_data
from tests.pdfcheck import assert_fonts_embedded, assert_in_order, assert_trim, page_texts

FORMS = ("2-6", "2-7")


def _squash(text: str) -> str:
    """Columns and wrapping break lines: compare text without any whitespace."""
    return "".join(text.split())


def _planned(report: FileReport, form_id: str) -> PlannedBoard:
    return next(p for p in report.plan if p.form_id == form_id)


def _report(data: dict[str, Any]) -> FileReport:
    report = check_data(data)
    assert report.site is not None, [d.render() for d in report.diagnostics]
    return report


def _lay(report: FileReport, form_id: str, fonts: FontSet, scale: float = 1.0) -> tuple[Board, Frame]:
    assert report.site is not None
    ctx = LayoutContext(report.site, FontMeasurer(fonts))
    return layout_board(ctx, _planned(report, form_id), Sizing(3000 * scale, 1500 * scale, scale))


def _texts(board: Board) -> list[Text]:
    return [item for item in board.pages[0].items if isinstance(item, Text)]


def _body_sizes(board: Board) -> set[float]:
    """Sizes of the body text, leaving out the grey revision stamp in the margin."""
    return {t.size for t in _texts(board) if t.role == "body" and not t.text.startswith("附表")}


@pytest.fixture(scope="module")
def examples() -> dict[str, FileReport]:
    return {"chemical": _report(example_data(CHEMICAL)), "small": _report(example_data(SMALL))}


@pytest.fixture(scope="module")
def rendered(examples: dict[str, FileReport], bundled_fonts: FontSet) -> dict[tuple[str, str], tuple[Board, Frame, bytes]]:
    out = {}
    for name, report in examples.items():
        for form_id in FORMS:
            board, frame = _lay(report, form_id, bundled_fonts)
            out[name, form_id] = (board, frame, render_pdf(board, bundled_fonts))
    return out


@pytest.mark.parametrize("name", ["chemical", "small"])
@pytest.mark.parametrize("form_id", FORMS)
def test_examples_render_every_block_in_order(name: str, form_id: str, examples: dict[str, FileReport],
                                              rendered: dict[tuple[str, str], tuple[Board, Frame, bytes]]) -> None:
    board, frame, pdf = rendered[name, form_id]
    assert frame.misfits == []
    assert bulletin.MIN_SIZE == (3000.0, 1500.0)
    assert_trim(pdf, 3000, 1500)
    assert_fonts_embedded(pdf)
    site = examples[name].site
    assert site is not None
    wording = bulletin_wording(form_id, resolve_region(site.region))
    text = _squash(page_texts(pdf)[0])
    assert_in_order(text, [_squash(block.display) for block in wording.blocks])
    county = site.region.county_channel
    assert county is not None and county.phone and county.letter_address and county.postcode
    assert_in_order(text, ["县级：", _squash(county.phone), county.letter_address, county.postcode])
    title = f"{site.region.city}安全生产举报公示栏" if form_id == "2-6" else "安全生产监督栏"
    assert board.title == title
    assert text.startswith(title)


@pytest.mark.parametrize("form_id", FORMS)
def test_one_body_size_and_uniform_headings(form_id: str,
                                            rendered: dict[tuple[str, str], tuple[Board, Frame, bytes]]) -> None:
    board, _, _ = rendered["chemical", form_id]
    sizes = _body_sizes(board)
    assert len(sizes) == 1, sizes
    body = sizes.pop()
    assert body >= bulletin.MIN_TEXT
    headings = {"2-6": ["举报范围", "举报奖励", "举报渠道"], "2-7": ["检举监督", "监督奖励", "举报渠道"]}[form_id]
    found = [t for t in _texts(board) if t.text in headings]
    assert [t.text for t in found] == headings  # "举 报 范 围": spaces removed, letter-spaced like the others
    assert len({(t.size, t.letter_spacing, t.role) for t in found}) == 1
    assert found[0].role == "title" and found[0].size > body and found[0].letter_spacing > 0
    # two columns: the first section's text sits left of the others
    left = next(t for t in found if t.text == headings[0]).x
    assert all(t.x > left + 1000 for t in found[1:])


def test_item_text_starts_at_one_indent(rendered: dict[tuple[str, str], tuple[Board, Frame, bytes]],
                                        bundled_fonts: FontSet) -> None:
    """2-7's （十一）（十二） are wider than （一）…（十）: the numbers right-align, the text does not jump."""
    board, _, _ = rendered["chemical", "2-7"]
    measure = FontMeasurer(bundled_fonts)
    firsts = [t for t in _texts(board) if t.text.lstrip("\u3000").startswith("（") and t.x < 500]
    assert len(firsts) == 12
    assert sum(t.text.startswith("\u3000") for t in firsts) == 10  # （一）…（十） padded to （十一）'s width
    starts = {round(t.x + measure.width(t.text[:t.text.index("）") + 1], t.size, "body"), 2) for t in firsts}
    assert len(starts) == 1, starts


def test_phone_numbers_are_emphasised(rendered: dict[tuple[str, str], tuple[Board, Frame, bytes]]) -> None:
    board, _, _ = rendered["chemical", "2-6"]
    red = [t for t in _texts(board) if t.color == bulletin.PHONE_RED]
    assert sorted(t.text for t in red) == ["0350-12350", "0350-8022350"]


def test_a_long_county_address_still_fits(bundled_fonts: FontSet) -> None:
    data = example_data(SMALL)
    address = "定襄县晋昌镇" + "建设北路一百二十三号院内东侧办公楼三层" * 4 + "定襄县应急管理局"
    data["地区"]["县级举报渠道"]["来信地址"] = address
    board, frame = _lay(_report(data), "2-6", bundled_fonts)
    assert frame.misfits == []
    text = _squash("".join(t.text for t in _texts(board)))
    assert address in text
    assert len(_body_sizes(board)) == 1


@pytest.mark.parametrize("form_id", FORMS)
def test_an_absurd_county_address_misfits_by_its_path(form_id: str, bundled_fonts: FontSet) -> None:
    data = example_data(CHEMICAL)
    address = "原平市新原大街中段" * 1000 + "原平市应急管理局"
    data["地区"]["县级举报渠道"]["来信地址"] = address
    board, frame = _lay(_report(data), form_id, bundled_fonts)
    assert frame.misfits, "an address of 9,008 characters cannot fit a 3 m board at 15 mm"
    assert {m.path for m in frame.misfits} == {("地区", "县级举报渠道")}
    text = _squash("".join(t.text for t in _texts(board)))
    assert "原平市新原大街中段原平市新原大街中段" not in text  # nothing drawn for it
    assert "0350-8022350" not in text
    assert "忻州市忻府区建设北路五号忻州市应急管理局" in text  # the 市级 line is still printed
    assert "举报奖励" in text or "监督奖励" in text


@pytest.mark.parametrize("repeat", [8, 200])
def test_a_long_city_name_shrinks_or_misfits_the_title(repeat: int, bundled_fonts: FontSet) -> None:
    data = example_data(SMALL)
    city = "特别特别长的城市名称" * repeat + "市"
    data["地区"]["城市"] = city
    data["地区"].pop("举报网址", None)  # the QR caption is title text too; keep only the title above the rule
    board, frame = _lay(_report(data), "2-6", bundled_fonts)
    title = [t for t in _texts(board) if t.role == "title" and t.baseline < 300]  # above the rule
    if repeat == 8:  # shrinks, wraps, fits
        assert frame.misfits == []
        assert _squash("".join(t.text for t in title)) == f"{city}安全生产举报公示栏"
    else:  # cannot fit at the title's minimum: named by its field, nothing drawn
        assert [m.path for m in frame.misfits] == [("地区", "城市")]
        assert not any("特别特别长" in t.text for t in _texts(board))


def test_a_missing_county_channel_leaves_blanks(bundled_fonts: FontSet) -> None:
    """规范六、3: the county fills its channel in; without one the board prints blanks, not "None"."""
    data = example_data(SMALL)
    del data["地区"]["县级举报渠道"]
    report = check_data(data)
    assert report.site is not None
    board, frame = _lay(report, "2-7", bundled_fonts)
    assert frame.misfits == []
    text = _squash("".join(t.text for t in _texts(board)))
    assert "县级：电话举报：；来信举报：。" in text
    assert "None" not in text
    county = next(t for t in _texts(board) if t.text == "县级：")
    blanks = [item for item in board.pages[0].items if isinstance(item, Line)
              and item.y1 == item.y2 and 0 < item.y1 - county.baseline < county.size / 2]
    assert len(blanks) == 2  # a line to write the telephone and the address on


def test_a_larger_board_scales_proportionally(rendered: dict[tuple[str, str], tuple[Board, Frame, bytes]],
                                              examples: dict[str, FileReport], bundled_fonts: FontSet) -> None:
    small_board, _, _ = rendered["chemical", "2-6"]
    board, frame = _lay(examples["chemical"], "2-6", bundled_fonts, scale=1.5)
    assert frame.misfits == []
    pdf = render_pdf(board, bundled_fonts)
    assert_trim(pdf, 4500, 2250)
    (body,), (small_body,) = _body_sizes(board), _body_sizes(small_board)
    assert body == pytest.approx(1.5 * small_body, abs=0.15)
    title = max(t.size for t in _texts(board))
    assert title == pytest.approx(1.5 * max(t.size for t in _texts(small_board)))
    # the same text, except the revision stamp's content hash, which covers the board's size
    import re

    def unstamped(text: str) -> str:
        return re.sub(r"内容[0-9a-f]{8}", "内容", _squash(text))

    assert unstamped(page_texts(pdf)[0]) == unstamped(page_texts(rendered["chemical", "2-6"][2])[0])
    assert board.content_hash != small_board.content_hash


def test_layout_is_deterministic(examples: dict[str, FileReport], bundled_fonts: FontSet,
                                 rendered: dict[tuple[str, str], tuple[Board, Frame, bytes]]) -> None:
    board, _ = _lay(examples["small"], "2-7", bundled_fonts)
    assert render_pdf(board, bundled_fonts) == rendered["small", "2-7"][2]


def test_the_column_floor_passes_over_sizes_without_changing_an_answer(measure: FontMeasurer) -> None:
    """best_size skips wrapping where the unwrapped text is already too tall: the floor never exceeds the column."""
    data = example_data(CHEMICAL)
    data["企业"]["来信地址"] = "原平市新原大街中段原平市应急管理局" * 30  # a long channel line
    report = _report(data)
    assert report.site is not None
    region = LayoutContext(report.site, measure).region
    sections = bulletin._sections(bulletin_wording("2-6", region).blocks)
    metrics = bulletin._Metrics(measure)
    skipped = 0
    for width in (300.0, 520.0, 1100.0):
        for z in (10.0, 14.0, 22.0, 30.0):
            column = metrics.column(sections, width, z)
            floor = metrics.column(sections, width, z, floor=True)
            assert 0 < floor <= column
            for height in (column * 0.5, floor + 1.0, column, column + 1.0):
                assert metrics.fits(sections, width, z, height) == (column <= height + 1e-9)
                skipped += floor > height + 1e-9
    assert skipped  # the floor does pass over some sizes
