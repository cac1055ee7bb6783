"""The manifest models: they write what signkit always wrote and read what it always read.

The fixtures in ``tests/output/manifests`` were written by signkit before the models existed
(see the README there).  A manifest written by an older signkit (content-hash scheme 1,
2-4 boards keyed by their whole subject) and one edited by hand are compared with the
reader as it was, kept here verbatim (:func:`_read_as_before`), on plain data.
"""

from __future__ import annotations

import copy
import hashlib
import json
import pickle
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from signkit.output.manifest import (
    MANIFEST,
    BoardEntry,
    EnterpriseManifest,
    TopManifest,
    board_key,
    load_manifest,
    manifest_intact,
    read_manifest,
    read_top_manifest,
)
from signkit.output.publish import acknowledge

FIXTURES = Path(__file__).parent / "manifests"


def _text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _data(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_text(name))
    return data


def _folder(tmp_path: Path, data: dict[str, Any] | str) -> Path:
    """A folder whose manifest.json holds ``data`` (JSON text as it is, or data written the way signkit did)."""
    folder = tmp_path / "企业"
    folder.mkdir(parents=True, exist_ok=True)
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    (folder / MANIFEST).write_text(text, encoding="utf-8")
    return folder


def _read_as_before(data: dict[str, Any]) -> dict[str, Any]:
    """``read_manifest`` and ``manifest_baseline`` as they were before the models, on the parsed file."""
    data = copy.deepcopy(data)
    scheme = data.get("content_scheme", 1)
    for name in ("files", "baseline"):
        if name in data and not isinstance(data[name], list):
            data[name] = []
        entries = data.get(name)
        for entry in entries if isinstance(entries, list) else []:
            if not isinstance(entry, dict):
                continue
            form, subject = entry.get("form"), entry.get("subject")
            if isinstance(form, str) and isinstance(subject, str):
                entry["key"] = board_key(form, subject)
            entry.setdefault("content_scheme", scheme)

    def entries_of(key: str) -> list[dict[str, Any]]:
        value = data.get(key, [])
        return [e for e in value if isinstance(e, dict) and isinstance(e.get("file"), str)] if isinstance(value, list) else []

    delivered = entries_of("baseline") if isinstance(data.get("baseline"), list) else entries_of("files")
    return {"files": entries_of("files"), "extras": entries_of("extras"), "delivered": delivered}


def _as_written_before(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` as signkit wrote it before content-hash scheme 2 and risk-point keys (see tests/pipeline/test_diff.py)."""
    old = copy.deepcopy(data)
    for entry in [*old["files"], *old.get("baseline", [])]:
        entry["key"] = f"{entry['form']}|{entry['subject']}"
        entry.pop("content_scheme", None)
        entry["content_hash"] = entry.pop("content_hash_v1")
        entry["stamp"] = entry["content_hash"][:8]
    del old["content_scheme"]
    return old


# --- written as before ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["interim.json", "final.json"])
def test_an_enterprise_manifest_round_trips_byte_for_byte(name: str, tmp_path: Path) -> None:
    assert EnterpriseManifest.read(_data(name)).to_json() == _text(name)
    assert load_manifest(_folder(tmp_path, _text(name))).to_json() == _text(name)


def test_the_top_manifest_round_trips_byte_for_byte(tmp_path: Path) -> None:
    assert TopManifest.read(_data("top.json")).to_json() == _text("top.json")
    (tmp_path / MANIFEST).write_text(_text("top.json"), encoding="utf-8")
    top = read_top_manifest(tmp_path)
    assert top is not None and top.to_json() == _text("top.json")
    assert [e.this_run for e in top.enterprises] == [None, False]  # written for the carried one only


def test_the_top_manifest_lists_the_boards_as_the_enterprise_manifest_read_them(tmp_path: Path) -> None:
    """Each enterprise's boards in the index: read (scheme recorded), without fields, the path from OUTDIR."""
    listed = _data("top.json")["enterprises"][0]
    boards = read_manifest(_folder(tmp_path, _text("final.json"))).files
    indexed = [board.in_folder(listed["folder"]).to_dict() for board in boards]
    assert json.dumps(indexed, ensure_ascii=False) == json.dumps(listed["files"], ensure_ascii=False)


def test_acknowledging_drops_the_baseline_and_nothing_else(tmp_path: Path) -> None:
    folder = _folder(tmp_path, _text("final.json"))
    assert acknowledge(folder)
    expected = {k: v for k, v in _data("final.json").items() if k != "baseline"}
    assert (folder / MANIFEST).read_text(encoding="utf-8") == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
    assert not acknowledge(folder)  # nothing left to drop
    assert not acknowledge(_folder(tmp_path / "interim", _text("interim.json")))  # not finished: kept


# --- read as before ---------------------------------------------------------------------------------------------

def _same_reading(data: dict[str, Any], tmp_path: Path) -> None:
    manifest = read_manifest(_folder(tmp_path, data))
    before = _read_as_before(data)
    assert [e.to_dict() for e in manifest.files] == before["files"]
    assert [e.to_dict() for e in manifest.extras] == before["extras"]
    assert [e.to_dict() for e in manifest.delivered_boards()] == before["delivered"]


@pytest.mark.parametrize("name", ["interim.json", "final.json"])
def test_manifests_are_read_as_before(name: str, tmp_path: Path) -> None:
    _same_reading(_data(name), tmp_path)
    manifest = read_manifest(_folder(tmp_path, _text(name)))
    # the boards a run passes on are written exactly as they were read (the interim manifest's, the baseline)
    expected = json.dumps(_read_as_before(_data(name))["delivered"], ensure_ascii=False, indent=2)
    assert json.dumps([e.to_dict() for e in manifest.delivered_boards()], ensure_ascii=False, indent=2) == expected


def test_a_manifest_of_scheme_1_is_read_as_before(tmp_path: Path) -> None:
    old = _as_written_before(_data("final.json"))
    _same_reading(old, tmp_path)
    manifest = read_manifest(_folder(tmp_path, old))
    assert {e.content_scheme for e in [*manifest.files, *manifest.delivered_boards()]} == {1}
    risk = next(e for e in manifest.files if e.form == "2-4")
    assert risk.subject is not None and risk.subject.endswith("风险）") and risk.key == board_key("2-4", risk.subject)
    assert risk.key is not None and not risk.key.endswith("风险）")  # made again: the risk point, not its level


def test_a_hand_edited_manifest_is_read_as_before(tmp_path: Path) -> None:
    """Entries that are not objects or name no file are dropped; unknown keys are kept; a broken list is empty."""
    data = _data("final.json")
    good = data["files"][0]
    data["files"] = [5, "x", None, {"no": "file"}, {"file": 3}, {**good, "备注": "手改"}, {"file": "自制.pdf"}]
    data["baseline"] = {"not": "a list"}
    data["extras"] = [*data["extras"][:1], 7]
    data["writing"] = "everything"
    data["办公室"] = {"电话": None}
    _same_reading(data, tmp_path)
    manifest = read_manifest(_folder(tmp_path, data))
    assert [e.file for e in manifest.files] == [good["file"], "自制.pdf"]
    assert manifest.files[0].model_extra == {"备注": "手改"} and manifest.model_extra == {"办公室": {"电话": None}}
    assert manifest.undelivered and manifest.delivered_boards() == [] and manifest.writing is None
    written = json.loads(manifest.to_json())
    assert list(written)[-1] == "办公室" and list(written["files"][0])[-1] == "备注"  # after the keys signkit knows

    data["files"], data["baseline"] = None, None  # not lists: nothing in them can be trusted
    _same_reading(data, tmp_path)
    assert read_manifest(_folder(tmp_path, data)).delivered_boards() == []


def test_a_value_of_the_wrong_type_reads_as_absent_but_is_refused_when_built(tmp_path: Path) -> None:
    data = _data("final.json")
    data["complete"] = "yes"
    data["files"][0]["copies"] = "3"
    data["signs"] = ["not", "a", "record"]
    manifest = read_manifest(_folder(tmp_path, data))
    assert manifest.complete is None and manifest.signs is None and manifest.files[0].copies is None
    assert not manifest_intact(tmp_path / "企业", manifest)
    with pytest.raises(ValidationError):
        BoardEntry(file="a.pdf", copies="3")  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "damaged"), [(None, False), ("{broken", True), ("[1, 2]", True), ("{}", False)])
def test_missing_or_damaged(text: str | None, damaged: bool, tmp_path: Path) -> None:
    """A damaged file is said to be damaged (its boards are listed as new, with the reason); a missing one is not."""
    folder = tmp_path / "企业"
    folder.mkdir()
    if text is not None:
        (folder / MANIFEST).write_text(text, encoding="utf-8")
        (tmp_path / MANIFEST).write_text(text, encoding="utf-8")
    manifest = read_manifest(folder)
    assert manifest.damaged is damaged and manifest.files == [] and not manifest.model_fields_set
    assert not manifest_intact(folder, manifest)
    assert read_top_manifest(tmp_path) is None  # missing, damaged or empty: the run is the first in OUTDIR


def test_a_damaged_manifest_says_so_in_a_worker_too(tmp_path: Path) -> None:
    """Outcomes travel from worker processes pickled; what was read must arrive as it was."""
    damaged = read_manifest(_folder(tmp_path, "{broken"))
    assert pickle.loads(pickle.dumps(damaged)).damaged
    entries = read_manifest(_folder(tmp_path, _text("final.json"))).files
    assert pickle.loads(pickle.dumps(entries)) == entries


def test_intact_means_finished_and_every_file_as_recorded(tmp_path: Path) -> None:
    folder = tmp_path / "企业"
    (folder / "分块").mkdir(parents=True)
    (folder / "a.pdf").write_bytes(b"%PDF a")
    (folder / "分块" / "b.pdf").write_bytes(b"%PDF b")
    data = {"complete": True, "files": [{"file": "a.pdf", "sha256": hashlib.sha256(b"%PDF a").hexdigest()}],
            "extras": [{"file": "分块/b.pdf", "sha256": hashlib.sha256(b"%PDF b").hexdigest()}]}
    assert manifest_intact(folder, read_manifest(_folder(tmp_path, data)))
    for broken in ({**data, "complete": False}, {**data, "files": []}, {**data, "extras": [{"file": "分块/b.pdf"}]}):
        assert not manifest_intact(folder, read_manifest(_folder(tmp_path, broken)))
    _folder(tmp_path, data)
    (folder / "a.pdf").write_bytes(b"%PDF changed")
    assert not manifest_intact(folder, read_manifest(folder))
