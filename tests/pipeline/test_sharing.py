"""What the pipeline keeps: one text measurer per set of fonts for the process, and lean outcomes for the parent."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest

from signkit.drawing.text import FontMeasurer
from signkit.load.source import SourceText
from signkit.output.manifest import read_manifest
from signkit.pipeline import measuring
from signkit.pipeline.check import check_source
from signkit.pipeline.render_files import render_files
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


def test_the_outcome_keeps_entries_without_fields_and_the_manifest_keeps_them(tmp_path: Path, bundled_fonts: Any) -> None:
    """The parent holds every enterprise's entries: the fields (for reprint reasons) stay on disk only."""
    for attempt in ("rendered", "unchanged"):
        outcome = render_files([str(SMALL)], tmp_path / "out", bundled_fonts)
        (site,) = outcome.sites
        assert site.status == attempt and site.entries
        assert all(entry.fields is None for entry in site.entries)
    manifest = read_manifest(tmp_path / "out" / site.folder)
    assert all(entry.fields for entry in manifest.files)
