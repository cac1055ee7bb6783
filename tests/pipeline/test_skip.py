"""The unchanged-rerun skip: an enterprise whose inputs did not change is recognised without parsing its site file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from signkit.pipeline import site_job
from signkit.pipeline.render_files import render_files
from tests.conftest import SMALL


def _refuse_to_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    def parse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("the site file was parsed, not skipped")

    monkeypatch.setattr(site_job, "check_source", parse)


@pytest.mark.parametrize("again", ["absolute", "dotted"])
def test_the_same_file_named_another_way_is_skipped_unparsed(tmp_path: Path, bundled_fonts: Any,
                                                               monkeypatch: pytest.MonkeyPatch, again: str) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "a.yaml").write_bytes(SMALL.read_bytes())
    monkeypatch.chdir(tmp_path)
    first = render_files(["site/a.yaml"], Path("out"), bundled_fonts)
    assert first.ok and first.sites[0].status == "rendered"

    _refuse_to_parse(monkeypatch)
    name = str(tmp_path / "site" / "a.yaml") if again == "absolute" else "./site/../site/a.yaml"
    second = render_files([name], Path(os.path.abspath("out")), bundled_fonts)
    assert second.ok and [s.status for s in second.sites] == ["unchanged"]
    assert second.sites[0].folder == first.sites[0].folder


def test_a_different_file_is_not_taken_for_the_one_recorded(tmp_path: Path, bundled_fonts: Any,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "site.yaml").write_bytes(SMALL.read_bytes())
    monkeypatch.chdir(tmp_path)
    assert render_files(["a/site.yaml"], Path("out"), bundled_fonts).ok
    _refuse_to_parse(monkeypatch)
    with pytest.raises(AssertionError, match="parsed"):
        render_files([str(tmp_path / "b" / "site.yaml")], Path("out"), bundled_fonts)
