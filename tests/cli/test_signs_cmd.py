"""``signkit signs``: the library listed, signs suggested for accident types, JSON, and the catalogue sheet as a PDF."""

from __future__ import annotations

from pathlib import Path

from signkit.art import load_library
from signkit.art.place import ARTWORK_NOTE
from tests.conftest import Cli
from tests.pdfcheck import image_xobjects


def test_signs_command_lists_suggests_and_writes_a_catalogue(cli: Cli, tmp_path: Path) -> None:
    code, out, _ = cli("signs")
    assert code == 0 and "当心触电" in out and "警告标志" in out
    assert out.rstrip().endswith(ARTWORK_NOTE)
    code, out, _ = cli("signs", "--for", "触电")
    assert code == 0 and out.index("当心触电") < out.index("禁止合闸")
    code, out, _ = cli("signs", "--json")
    import json

    data = json.loads(out)
    assert {d["name"] for d in data} == set(load_library())
    assert next(d for d in data if d["name"] == "当心触电")["accidents"] == ["触电"]
    code, _, err = cli("signs", "--for", "爆炸")
    assert code == 2 and "瓦斯爆炸" in err
    target = tmp_path / "目录.pdf"
    code, out, _ = cli("signs", "--pdf", str(target), "--fonts", "bundled")
    assert code == 0 and target.read_bytes().startswith(b"%PDF")
    assert image_xobjects(target.read_bytes()) == []
