"""Fonts on the command line: `signkit fonts`, `check --fonts bundled`, signkit.toml, and located coverage errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from signkit.fonts import resolve_fonts
from signkit.pipeline.check import check_text
from tests.conftest import CHEMICAL, dump, example_data

Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No signkit.toml or font variables from the developer's machine."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SIGNKIT_TITLE_FONT", raising=False)
    monkeypatch.delenv("SIGNKIT_BODY_FONT", raising=False)


def test_fonts_command_reports_bundled_stand_ins(cli: Cli) -> None:
    code, out, _ = cli("fonts", "--fonts", "bundled")
    assert code == 0
    assert "标题（首选）：WenQuanYi Micro Hei — 替代字体" in out
    assert "正文（首选）：LXGW WenKai — 替代字体" in out
    code, out, _ = cli("fonts", "--fonts", "bundled", "--json")
    rows = json.loads(out)["fonts"]
    assert {(r["role"], r["stand_in"], r["mandated"]) for r in rows if r["position"] == 0} == {
        ("title", True, False), ("body", True, False)}


def test_explicit_font_changes_what_is_used(cli: Cli) -> None:
    bundled = resolve_fonts(mode="bundled")
    body_file = str(bundled.primary("body").path)
    code, out, _ = cli("fonts", "--title-font", body_file, "--json")
    assert code == 0
    title = next(r for r in json.loads(out)["fonts"] if r["role"] == "title" and r["position"] == 0)
    assert title["family"] == "LXGW WenKai" and "--title-font" in title["reason"]


def test_missing_font_file_exits_2_with_a_located_message(cli: Cli, tmp_path: Path) -> None:
    code, _, err = cli("check", "--body-font", str(tmp_path / "nope.ttf"), str(CHEMICAL))
    assert code == 2 and "[SK301]" in err


def test_config_file_sets_the_font_mode_and_is_validated(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "signkit.toml").write_text('[fonts]\nmode = "bundled"\n', encoding="utf-8")
    code, out, _ = cli("fonts", "--json")
    assert code == 0
    assert json.loads(out)["fonts"][0]["mode"] == "bundled"
    (tmp_path / "signkit.toml").write_text('[fonts]\nmode = "bundled"\ncolour = "red"\n', encoding="utf-8")
    code, _, err = cli("fonts")
    assert code == 2 and "signkit.toml:3:1" in err and "fonts.colour" in err and "[SK014]" in err


def test_config_relative_font_path_is_resolved_against_the_config(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "cfg").mkdir()
    (tmp_path / "cfg" / "signkit.toml").write_text('[fonts]\nbody = "fonts/missing.ttf"\n', encoding="utf-8")
    code, _, err = cli("fonts", "--config", str(tmp_path / "cfg" / "signkit.toml"))
    assert code == 2 and "SK301" in err and str(tmp_path / "cfg" / "fonts") in err


def test_character_no_font_has_fails_check_with_its_code_point(cli: Cli, tmp_path: Path) -> None:
    data = example_data(CHEMICAL)
    data["工作场所"][0]["班组"][1]["负责人"] = "白\ue000平"
    path = tmp_path / "pua.yaml"
    path.write_text(dump(data), encoding="utf-8")
    code, out, _ = cli("check", "--fonts", "bundled", str(path))
    assert code == 1
    line = next(line for line in out.splitlines() if "[SK306]" in line)
    assert line.startswith(f"{path}:")
    assert "工作场所[0].班组[1].负责人" in line and "U+E000" in line


def test_check_in_bundled_mode_is_clean_and_strict_passes(cli: Cli) -> None:
    code, out, _ = cli("check", "--fonts", "bundled", "--strict", str(CHEMICAL))
    assert code == 0, out


def test_title_role_covers_city_and_supervisor_unit() -> None:
    data = example_data(CHEMICAL)
    data["地区"]["监制单位"] = "忻州市人民政府安全生产委员会办公室䶮"  # U+4DAE: in WenKai, not in WenQuanYi
    report = check_text(dump(data), "t.yaml", fonts=resolve_fonts(mode="bundled"))
    hits = [d for d in report.diagnostics if d.rule == "SK306"]
    assert hits and "U+4DAE" in hits[0].message
    assert hits[0].location.path == ("地区", "监制单位")
