"""The run's fonts: the stand-in notice once and located at the setting that chose it, and the final print's refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from signkit.diagnostics import Severity
from signkit.pipeline.config import Config, load_config
from signkit.pipeline.fontsetup import run_fonts
from tests.fontutil import make_font


@pytest.fixture(autouse=True)
def no_system_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    """This machine's fonts (and fc-list) never change an answer: no mandated font is installed."""
    monkeypatch.setattr("signkit.fonts.resolve.fc_list_available", lambda: False)
    monkeypatch.setattr("signkit.fonts.resolve.default_search_dirs", lambda *args, **kwargs: [])


def _config(tmp_path: Path, text: str) -> Config:
    path = tmp_path / "signkit.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path)


def test_stand_ins_by_default_are_one_info_note_pointing_nowhere() -> None:
    fonts = run_fonts(Config(), env={})
    [note] = fonts.diagnostics
    assert (note.rule, note.severity, note.location.file) == ("SK304", Severity.INFO, "")
    assert "黑体" in note.message and "楷体_GB2312" in note.message


def test_stand_ins_chosen_by_the_config_point_at_its_mode_line(tmp_path: Path) -> None:
    fonts = run_fonts(_config(tmp_path, '[signs]\nfolder = "x"\n\n[fonts]\n  mode = "system"\n'), env={})
    [note] = fonts.diagnostics
    assert (note.location.file, note.location.line, note.location.column) == (str(tmp_path / "signkit.toml"), 5, 3)
    # the command line's --fonts overrides the file: then the file did not choose
    [note] = run_fonts(_config(tmp_path, '[fonts]\nmode = "bundled"\n'), mode="system", env={}).diagnostics
    assert note.location.file == ""


def test_bundled_stand_ins_are_what_the_user_asked_for(tmp_path: Path) -> None:
    assert run_fonts(Config(), mode="bundled", env={}).diagnostics == ()
    assert run_fonts(_config(tmp_path, '[fonts]\nmode = "bundled"\n'), env={}).diagnostics == ()


def test_the_final_print_refuses_each_stand_in_with_what_to_install(tmp_path: Path) -> None:
    fonts = run_fonts(Config(), final=True, env={})
    assert [(d.rule, d.severity, d.location.file) for d in fonts.diagnostics] == [("SK309", Severity.ERROR, "")] * 2
    title, body = fonts.diagnostics
    assert "黑体（SimHei）" in title.message and "--final" in title.message
    assert "楷体_GB2312" in body.message
    assert "SIGNKIT_TITLE_FONT" in (title.hint or "") and "--title-font" in (title.hint or "")
    assert "SIGNKIT_BODY_FONT" in (body.hint or "") and "[fonts] body" in (body.hint or "")
    assert "本机没有可查找的字体文件夹" in (title.hint or "")
    # asked for in signkit.toml: pointed at that line; --no-final (final=False) undoes it
    settings = _config(tmp_path, '[fonts]\nmode = "bundled"\n[print]\nfinal = true\n')
    refused = run_fonts(settings, env={}).diagnostics
    assert {(d.rule, d.location.line) for d in refused} == {("SK309", 4)}
    assert "[print] final = true" in refused[0].message and "bundled" in (refused[0].hint or "")
    assert run_fonts(settings, final=False, env={}).diagnostics == ()


def test_the_final_print_accepts_mandated_fonts(tmp_path: Path) -> None:
    title = make_font(tmp_path / "simhei.ttf", "SimHei", local_family="黑体")
    body = make_font(tmp_path / "simkai.ttf", "KaiTi_GB2312", local_family="楷体_GB2312")
    fonts = run_fonts(Config(), title=str(title), body=str(body), final=True, env={})
    assert fonts.diagnostics == ()
    assert [len(fonts.title), len(fonts.body)] == [1, 1]  # no stand-in fallback for characters they lack
    assert len(run_fonts(Config(), title=str(title), body=str(body), env={}).title) == 2  # a draft keeps it
    other = make_font(tmp_path / "noto.ttf", "Noto Sans CJK SC")
    settings = _config(tmp_path, f'[fonts]\ntitle = "{other.name}"\n')
    [refused] = run_fonts(settings, body=str(body), final=True, env={}).diagnostics
    assert (refused.rule, refused.location.line) == ("SK309", 2)  # at the line that named the wrong font
    assert "不是法定字体" in (refused.hint or "")
