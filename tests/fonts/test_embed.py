"""ReportLab registry names: one per face, remembered per process without mixing faces up."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from signkit.fonts.embed import reportlab_name
from tests.fonts.conftest import resolve


def test_each_face_and_file_has_its_own_name(tmp_path: Path) -> None:
    font = resolve(mode="bundled").primary("body")
    name = reportlab_name(font)
    assert reportlab_name(font) == name  # remembered, and stable
    assert reportlab_name(replace(font, face_index=1)) == name[:-1] + "1"
    other = tmp_path / "copy.ttf"
    assert reportlab_name(replace(font, path=other)) != name
    link = tmp_path / "link.ttf"
    link.symlink_to(font.path)
    assert reportlab_name(replace(font, path=link)) == name  # the file, not the name it is reached by
