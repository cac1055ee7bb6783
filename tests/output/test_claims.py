"""One enterprise per folder: two enterprises of a run that would share a folder are refused, naming both files."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from signkit.output.claims import CLAIMS, claim, folder_key
from signkit.output.names import safe_name
from signkit.pipeline.options import RenderOptions
from signkit.pipeline.render_files import render_files
from tests.conftest import SMALL, dump, example_data


def _site(tmp_path: Path, name: str, file: str) -> str:
    data = example_data(SMALL)
    data["企业"]["企业名称"] = name
    path = tmp_path / file
    path.write_text(dump(data), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("first", "second"), [
    ("甲公司", "甲公司"),  # the same 企业名称 in two site files
    ("Acme 化工", "ACME 化工"),  # one folder on a case-insensitive file system
    ("长" * 70 + "甲", "长" * 70 + "乙"),  # equal as far as a folder name can go
    (".", ".."),  # both name no folder at all
])
@pytest.mark.parametrize("jobs", [1, 2])
def test_the_second_enterprise_into_one_folder_is_refused(tmp_path: Path, bundled_fonts: Any, first: str, second: str,
                                                          jobs: int) -> None:
    a, b = _site(tmp_path, first, "a.yaml"), _site(tmp_path, second, "b.yaml")
    out = tmp_path / "out"
    outcome = render_files([a, b], out, bundled_fonts, RenderOptions(jobs=jobs))
    refused = [(site.input.name, d) for site in outcome.sites for d in site.diagnostics if d.rule == "SK805"]
    assert len(refused) == 1 and not outcome.ok
    loser, diag = refused[0]
    assert ({loser} | {a, b}) == {a, b} and (b if loser == a else a) in diag.message
    folders = [p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")]
    assert len(folders) == 1 and not (out / CLAIMS).exists()  # the run's claims are gone when it ends
    (made,) = [site for site in outcome.sites if not site.failed]
    assert len(list(folders[0].glob("*.pdf"))) == 17 and made.folder == folders[0].name


def test_different_names_keep_different_folders(tmp_path: Path, bundled_fonts: Any) -> None:
    a, b = _site(tmp_path, "甲/乙", "a.yaml"), _site(tmp_path, "甲_乙", "b.yaml")
    outcome = render_files([a, b], tmp_path / "out", bundled_fonts, RenderOptions(jobs=2))
    assert outcome.ok, [d.render() for s in outcome.sites for d in s.diagnostics]
    assert sorted(s.folder for s in outcome.sites) == sorted([safe_name("甲/乙"), safe_name("甲_乙")]) == ["甲_乙", "甲／乙"]


def test_claims_compare_names_as_a_forgiving_file_system_does(tmp_path: Path) -> None:
    assert folder_key("Acme") == folder_key("ACME") and folder_key("é") == folder_key("e\u0301")
    (tmp_path / CLAIMS).mkdir()
    assert claim(tmp_path, "甲", "a.yaml") is None and claim(tmp_path, "甲", "a.yaml") is None
    assert claim(tmp_path, "甲", "b.yaml") == "a.yaml"


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
def test_an_enterprise_folder_planted_as_a_link_is_refused(tmp_path: Path, bundled_fonts: Any) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / safe_name(example_data(SMALL)["企业"]["企业名称"])).symlink_to(elsewhere, target_is_directory=True)
    outcome = render_files([str(SMALL)], out, bundled_fonts)
    assert outcome.output_error and [d.rule for s in outcome.sites for d in s.diagnostics] == ["SK804"]
    assert list(elsewhere.iterdir()) == []
