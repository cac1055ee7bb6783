"""The unchanged-rerun skip: an enterprise whose inputs did not change is recognised without parsing its site file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from signkit.pipeline import site_job
from signkit.pipeline.jobs import WORKER_PIDS_ENV
from signkit.pipeline.options import RenderOptions
from signkit.pipeline.render_files import render_files
from tests.conftest import SMALL, dump, example_data


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


def _three(folder: Path) -> list[Path]:
    folder.mkdir()
    paths = []
    for index in range(3):
        data = example_data(SMALL)
        data["企业"]["企业名称"] = f"{data['企业']['企业名称'][:-6]}{index:02d}有限公司"
        paths.append(folder / f"site-{index}.yaml")
        paths[-1].write_text(dump(data), encoding="utf-8")
    return paths


def _renamed_leader(path: Path, leader: str) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["企业"]["企业主要负责人"] = leader
    path.write_text(dump(data), encoding="utf-8")


def test_no_workers_start_when_one_enterprise_of_a_batch_needs_work(tmp_path: Path, bundled_fonts: Any,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """At -j 2 a rerun where one enterprise changed renders it here; two changed still get the pool."""
    sites = _three(tmp_path / "park")
    out, workers = tmp_path / "out", tmp_path / "workers.txt"
    options = RenderOptions(jobs=2)
    assert render_files([str(tmp_path / "park")], out, bundled_fonts, options).ok
    monkeypatch.setenv(WORKER_PIDS_ENV, str(workers))

    _renamed_leader(sites[1], "王一")
    one = render_files([str(tmp_path / "park")], out, bundled_fonts, options)
    assert one.ok and [s.status for s in one.sites] == ["unchanged", "rendered", "unchanged"]
    assert not workers.exists()

    _renamed_leader(sites[0], "王二")
    _renamed_leader(sites[2], "王三")
    two = render_files([str(tmp_path / "park")], out, bundled_fonts, options)
    assert two.ok and [s.status for s in two.sites] == ["rendered", "unchanged", "rendered"]
    assert workers.read_text(encoding="utf-8").split()
