"""What the pipeline keeps for the whole process: one text measurer per set of fonts."""

from __future__ import annotations

import pickle
from typing import Any

import pytest

from signkit.drawing.text import FontMeasurer
from signkit.load.source import SourceText
from signkit.pipeline import measuring
from signkit.pipeline.check import check_source
from tests.conftest import CHEMICAL, SMALL


def test_enterprises_checked_in_one_process_share_one_measurer(bundled_fonts: Any,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A measurer per enterprise threw away every width (and every sign caption) measured before."""
    made: list[FontMeasurer] = []

    class Counted(FontMeasurer):
        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            made.append(self)

    monkeypatch.setattr(measuring, "FontMeasurer", Counted)
    measuring.measurer.cache_clear()
    try:
        for path in (CHEMICAL, SMALL, CHEMICAL):
            report = check_source(SourceText(str(path), path.read_text(encoding="utf-8")), fonts=bundled_fonts)
            assert report.site is not None
        copy = pickle.loads(pickle.dumps(bundled_fonts))  # what a worker receives with each enterprise
        assert measuring.measurer(copy) is made[0]
        assert len(made) == 1
    finally:
        measuring.measurer.cache_clear()
