"""What every command says about fonts and where it finds its configuration, as a user sees it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from signkit import resources
from tests.conftest import SMALL, Cli

INSTALL = str(Path(resources.__file__).parent.parent)


@pytest.fixture(autouse=True)
def no_system_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    """No mandated font on this machine, whatever is installed here: the stand-ins are used."""
    monkeypatch.setattr("signkit.fonts.resolve.fc_list_available", lambda: False)
    monkeypatch.setattr("signkit.fonts.resolve.default_search_dirs", lambda *args, **kwargs: [])
    monkeypatch.delenv("SIGNKIT_TITLE_FONT", raising=False)
    monkeypatch.delenv("SIGNKIT_BODY_FONT", raising=False)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    path = tmp_path / "企业" / "site.yaml"
    path.parent.mkdir()
    path.write_bytes(SMALL.read_bytes())
    return path


def _notes(text: str) -> list[str]:
    return [line for line in text.splitlines() if "[SK304]" in line or "SK304" in line]


def test_the_stand_in_notice_is_said_once_the_same_way_in_check_and_render(cli: Cli, site: Path, tmp_path: Path) -> None:
    code, out, _ = cli("check", str(site))
    assert code == 0
    [line] = _notes(out)
    assert line.startswith("说明：未找到法定标题字体黑体") and INSTALL not in line
    code, out, err = cli("render", str(site), "-o", str(tmp_path / "out"), "--dry-run")
    assert code == 0
    assert _notes(out + err) == [line]  # the same severity and words as check, once
    code, out, _ = cli("check", "-q", str(site))
    assert code == 0 and not _notes(out)
    code, out, _ = cli("check", "--format", "json", str(site))
    [note] = json.loads(out)["notes"]
    assert (note["rule"], note["severity"], note["location"]["file"]) == ("SK304", "info", "")


def test_a_github_annotation_of_the_notice_names_no_file(cli: Cli, site: Path) -> None:
    code, out, _ = cli("check", "--format", "github", str(site))
    assert code == 0
    [line] = _notes(out)
    assert line.startswith("::notice title=SK304::") and "file=" not in line


def test_stand_ins_asked_for_are_not_announced(cli: Cli, site: Path, tmp_path: Path) -> None:
    code, out, _ = cli("check", "--fonts", "bundled", str(site))
    assert code == 0 and not _notes(out)
    (site.parent / "signkit.toml").write_text('[fonts]\nmode = "bundled"\n', encoding="utf-8")
    code, out, err = cli("render", str(site), "-o", str(tmp_path / "out"), "--dry-run")
    assert code == 0 and not _notes(out + err)


def test_the_notice_points_at_the_config_line_that_chose_the_fonts(cli: Cli, site: Path) -> None:
    config = site.parent / "signkit.toml"
    config.write_text('[signs]\n\n[fonts]\nmode = "system"\n', encoding="utf-8")
    code, out, _ = cli("check", str(site))
    assert code == 0
    [line] = _notes(out)
    assert line.startswith(f"{config}:4:1: 说明：fonts.mode 未找到法定")


def test_the_final_print_writes_nothing_without_the_mandated_fonts(cli: Cli, site: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    code, out, err = cli("render", "--final", str(site), "-o", str(out_dir))
    assert code == 2 and not out_dir.exists()
    assert err.count("[SK309]") == 2 and "黑体（SimHei）" in err and "SIGNKIT_BODY_FONT" in err
    (site.parent / "signkit.toml").write_text('[print]\nfinal = true\n', encoding="utf-8")
    code, _, err = cli("render", str(site), "-o", str(out_dir))
    assert code == 2 and not out_dir.exists() and f"{site.parent / 'signkit.toml'}:2:1" in err
    code, out, _ = cli("check", str(site))  # CI enforces it: an error, exit 1
    assert code == 1 and out.count("[SK309]") == 2 and "2 个错误" in out
    code, out, _ = cli("check", "--format", "json", str(site))
    assert code == 1 and json.loads(out)["summary"]["errors"] == 2
    code, out, _ = cli("check", "--no-final", str(site))
    assert code == 0 and "SK309" not in out


def test_fonts_says_which_config_file_was_used(cli: Cli, site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(site.parent)
    code, out, _ = cli("fonts")
    assert code == 0 and "配置文件：无" in out
    (site.parent.parent / "pyproject.toml").write_text('[tool.signkit.fonts]\nmode = "bundled"\n', encoding="utf-8")
    code, out, _ = cli("fonts")
    assert code == 0 and f"配置文件：{site.parent.parent / 'pyproject.toml'}" in out
    code, out, _ = cli("fonts", "--json")
    assert json.loads(out)["config"] == str(site.parent.parent / "pyproject.toml")


def test_the_notice_can_be_ignored_but_the_final_refusal_cannot(cli: Cli, site: Path, tmp_path: Path) -> None:
    code, out, _ = cli("check", "--ignore", "SK304", str(site))
    assert code == 0 and not _notes(out)
    code, out, err = cli("render", "--ignore", "SK304", str(site), "-o", str(tmp_path / "out"), "--dry-run")
    assert code == 0 and not _notes(out + err)
    code, out, _ = cli("check", "--final", "--ignore", "SK309", str(site))
    assert code == 1 and out.count("[SK309]") == 2 and "[SK018]" in out
