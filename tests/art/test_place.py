"""Signs placed in the 2-4 cell: the minimum width for the viewing distance, how many fit, one width for all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from signkit.art import total_height
from signkit.art.place import arrange, capacity, draw_signs, min_sign_width
from signkit.art.sign_files.sources import resolve
from signkit.drawing.frame import Frame
from signkit.drawing.text import FontMeasurer
from signkit.layout import risk_board
from signkit.spec.sizes import Sizing
from tests.art.signutil import BOARD


def test_minimum_sign_width_follows_the_viewing_distance() -> None:
    assert min_sign_width(2.0) == 52.5  # 2000 / 40 = 50 mm outer dimension, / 0.96 for circles and squares
    assert risk_board.SIGN_MIN_WIDTH == 52.5
    assert min_sign_width(4.0) > min_sign_width(2.0)


def test_the_minimum_board_takes_six_signs() -> None:
    area = risk_board.sign_area(BOARD)
    assert capacity(area, risk_board.SIGN_MIN_WIDTH) == 6
    assert arrange(7, area, min_width=risk_board.SIGN_MIN_WIDTH) is None
    bigger = risk_board.sign_area(Sizing(1800.0, 1200.0, 1.5))
    assert capacity(bigger, risk_board.SIGN_MIN_WIDTH) > 6


@pytest.mark.parametrize("count", range(1, 7))
def test_arrange_fits_centres_and_keeps_one_width(count: int) -> None:
    area = risk_board.sign_area(BOARD)
    placement = arrange(count, area, min_width=risk_board.SIGN_MIN_WIDTH)
    assert placement is not None and len(placement.boxes) == count
    assert {round(b.w, 9) for b in placement.boxes} == {round(placement.width, 9)}
    for box in placement.boxes:
        assert area.x - 1e-6 <= box.x and box.right <= area.right + 1e-6
        assert area.y - 1e-6 <= box.y and box.bottom <= area.bottom + 1e-6
        assert box.h == pytest.approx(total_height(box.w))
    left = min(b.x for b in placement.boxes) - area.x
    right = area.right - max(b.right for b in placement.boxes)
    assert left == pytest.approx(right)
    for a in placement.boxes:  # no overlaps
        for b in placement.boxes:
            if a is not b:
                assert a.right <= b.x + 1e-6 or b.right <= a.x + 1e-6 or a.bottom <= b.y + 1e-6 or b.bottom <= a.y + 1e-6


def test_too_many_signs_misfit_names_the_field(bundled_fonts: Any) -> None:
    frame = Frame(FontMeasurer(bundled_fonts))
    area = risk_board.sign_area(BOARD)
    signs = [(resolve("当心触电", base=Path(".")), ("风险点", 0, "警示标识", k)) for k in range(7)]
    placement, _ = draw_signs(frame, signs, area, min_width=risk_board.SIGN_MIN_WIDTH, field=("风险点", 0, "警示标识"))
    assert placement is None and frame.items == []
    (misfit,) = frame.misfits
    assert misfit.path == ("风险点", 0, "警示标识")
    assert misfit.overflow.needed_height > area.h
