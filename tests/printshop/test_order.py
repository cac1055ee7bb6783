"""The print order's PDF table: every row names its board, however long the name, and pages break by height."""

from __future__ import annotations

from typing import Any

from signkit.printshop.order import ROWS_PER_PAGE, OrderRow, order_board
from signkit.render.pdf import PrintSpec, render_pdf
from tests.pdfcheck import page_texts


def _row(subject: str, form: str = "2-2") -> OrderRow:
    return OrderRow(enterprise="企业", file=f"x/{form}_{subject}.pdf", form=form, name="企业安全生产责任牌", subject=subject,
                    width=1200, height=800, bleed=0, pages=1, quantity=1, fonts="", notes="各工作场所悬挂")


def test_a_project_departments_long_name_takes_a_second_line_not_a_blank_cell(bundled_fonts: Any) -> None:
    long_name = "山西同鑫建设工程有限公司原平市和园小区项目部"  # 22 characters, an ordinary 项目部
    board, misfits = order_board([_row("合成车间"), _row(long_name, "2-1-2")], bundled_fonts)
    assert misfits == 0
    (text,) = page_texts(render_pdf(board, bundled_fonts, spec=PrintSpec(pdfx=False)))
    assert long_name in "".join(text.split())


def test_a_seventy_character_enterprise_name_is_printed_whole(bundled_fonts: Any) -> None:
    """Rows grew to two lines at most: a 70-character name left blank cells (a board nobody could identify)."""
    name = "山西省忻州市定襄县" + "宏达锻造法兰管件机械制造与金属材料加工销售" * 3  # 72 characters
    row = OrderRow(enterprise=name, file="x/2-6.pdf", form="2-6", name=f"{name}安全生产举报公示栏", subject=name,
                   width=3000, height=1500, bleed=0, pages=1, quantity=1, fonts="", notes="企业大门口")
    board, misfits = order_board([_row("合成车间"), row], bundled_fonts)
    assert misfits == 0
    (text,) = page_texts(render_pdf(board, bundled_fonts, spec=PrintSpec(pdfx=False)))
    assert f"{name}安全生产举报公示栏·{name}" in "".join(text.split())


def test_pages_break_by_height_and_every_row_is_on_one_page(bundled_fonts: Any) -> None:
    rows = [_row(f"车间{i:03d}" + ("很长的名称" * 6 if i % 3 == 0 else "")) for i in range(70)]
    board, misfits = order_board(rows, bundled_fonts)
    assert misfits == 0
    texts = ["".join(t.split()) for t in page_texts(render_pdf(board, bundled_fonts, spec=PrintSpec(pdfx=False)))]
    assert len(texts) >= 3
    for i in range(70):
        assert sum(f"车间{i:03d}" in t for t in texts) == 1, i
    assert all(sum(t.count(f"车间{i:03d}") for i in range(70)) <= ROWS_PER_PAGE for t in texts)


def test_a_kept_file_of_a_blocked_board_is_listed_for_reference_not_counted() -> None:
    """The old file stays in the folder while its data is wrong: listed (so it is not lost), 勿重印, out of the totals."""
    from signkit.output.manifest import BlockedEntry, BoardEntry
    from signkit.printshop.order import order_rows, order_totals

    entries = [BoardEntry(file=f"2-3_{name}.pdf", form="2-3", name="员工岗位责任牌", subject=name,
                          trim_mm=[600.0, 900.0], pages=1, copies=1) for name in ("电工", "焊工")]
    blocked = [BlockedEntry(form="2-3", subject="焊工", key="2-3/焊工", reasons=["SK102 缺少必填项"], file="2-3_焊工.pdf")]
    rows = order_rows("甲公司", entries, blocked=blocked)
    kept = next(r for r in rows if r.file.endswith("焊工.pdf"))
    assert "勿重印" in kept.notes and not kept.printed
    totals = order_totals(rows)
    assert totals.quantity == 1 and float(totals.area) == 0.54, totals
