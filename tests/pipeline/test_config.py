"""The sign folder in ``signkit.toml``: relative to the config, serving site files without a folder of their own,
seen by check and diff, and part of the input hash."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from signkit.errors import SignkitError
from tests.art.signutil import risk_point, sign_pdf, with_text
from tests.conftest import Cli, find


def _config(folder: Path, value: str) -> Path:
    path = folder / "signkit.toml"
    path.write_text(f'[fonts]\nmode = "bundled"\n\n[signs]\nfolder = "{value}"\n', encoding="utf-8")
    return path


def test_config_names_the_sign_folder_relative_to_itself(tmp_path: Path) -> None:
    from signkit.pipeline.config import load_config

    settings = load_config(_config(tmp_path, "官方标志"))
    assert settings.sign_folder is not None
    assert settings.sign_folder.path == tmp_path / "官方标志" and settings.sign_folder.path.is_absolute()
    assert settings.sign_folder.location.line == 5 and settings.sign_folder.location.path == ("signs", "folder")
    bad = tmp_path / "bad.toml"
    bad.write_text("[signs]\nfoldr = \"x\"\n", encoding="utf-8")
    with pytest.raises(SignkitError) as raised:
        load_config(bad)
    (diag,) = raised.value.diagnostics
    assert "signs.foldr" in diag.message and diag.location.line == 2


def test_config_sign_folder_serves_site_files_without_one(chem: dict[str, Any], tmp_path: Path,
                                                         bundled_fonts: Any) -> None:
    from signkit.pipeline.check import check_text
    from signkit.pipeline.config import load_config
    from tests.conftest import dump

    official = tmp_path / "官方标志"
    official.mkdir()
    sign_pdf(official / "当心中毒.pdf")
    configured = load_config(_config(tmp_path, "官方标志")).sign_folder
    risk_point(chem)["警示标识"] = ["当心中毒"]
    site_dir = tmp_path / "企业"
    site_dir.mkdir()
    report = check_text(dump(chem), str(site_dir / "site.yaml"), fonts=bundled_fonts, layout=True,
                        sign_folder=configured)
    assert report.ok(), [d.render() for d in report.diagnostics]
    assert report.site is not None and report.site.output.sign_folder == str(official)
    plain = check_text(dump(chem), str(site_dir / "site.yaml"), fonts=bundled_fonts, layout=True)
    assert plain.stamps != report.stamps  # the 2-4 board with the office's sign prints something else
    # the site file's own folder wins over the config's
    own = site_dir / "本厂标志"
    own.mkdir()
    chem["输出"] = {"标志文件夹": "本厂标志"}
    report = check_text(dump(chem), str(site_dir / "site.yaml"), sign_folder=configured)
    assert report.site is not None and report.site.output.sign_folder == "本厂标志"


def test_missing_config_sign_folder_is_located_in_the_config(chem: dict[str, Any], tmp_path: Path) -> None:
    from signkit.pipeline.check import check_text
    from signkit.pipeline.config import load_config
    from tests.conftest import dump

    config = _config(tmp_path, "没有")
    report = check_text(dump(chem), str(tmp_path / "site.yaml"), sign_folder=load_config(config).sign_folder)
    (diag,) = find(report, "SK711")
    assert diag.location.file == str(config) and diag.location.line == 5 and "「没有」不存在" in diag.message


def test_check_command_uses_the_config_sign_folder(cli: Cli, chem: dict[str, Any], tmp_path: Path,
                                                   tmp_path_factory: pytest.TempPathFactory) -> None:
    from tests.conftest import dump

    official = tmp_path / "官方标志"
    official.mkdir()
    sign_pdf(official / "当心中毒.pdf", with_text)  # a file the check must see to complain about
    config = _config(tmp_path, "官方标志")
    risk_point(chem)["警示标识"] = ["当心中毒"]
    site = tmp_path / "site.yaml"
    site.write_text(dump(chem), encoding="utf-8")
    code, out, _ = cli("check", str(site), "--config", str(config), "--no-layout", "-q")
    assert code == 1 and "SK706" in out and "当心中毒.pdf" in out
    code, out, _ = cli("check", str(site), "--no-layout", "-q")  # found next to the site file without --config
    assert code == 1 and "SK706" in out
    elsewhere = tmp_path_factory.mktemp("elsewhere")  # not under tmp_path: its signkit.toml would be found
    (elsewhere / "site.yaml").write_text(dump(chem), encoding="utf-8")
    code, out, _ = cli("check", str(elsewhere / "site.yaml"), "--fonts", "bundled", "--no-layout", "-q")
    assert "SK706" not in out


def test_diff_command_uses_the_config_sign_folder(cli: Cli, chem: dict[str, Any], tmp_path: Path,
                                                  tmp_path_factory: pytest.TempPathFactory) -> None:
    """diff must see the boards render makes: with the config's folder, its sign files count."""
    from tests.conftest import dump

    official = tmp_path / "官方标志"
    official.mkdir()
    sign_pdf(official / "当心中毒.pdf", with_text)
    config = _config(tmp_path, "官方标志")
    risk_point(chem)["警示标识"] = ["当心中毒"]
    site = tmp_path / "site.yaml"
    site.write_text(dump(chem), encoding="utf-8")
    code, out, _ = cli("diff", str(site), str(site), "--config", str(config))
    assert code == 2 and "SK706" in out and "当心中毒.pdf" in out
    code, out, _ = cli("diff", str(site), str(site))  # found next to the first file without --config
    assert code == 2 and "SK706" in out
    elsewhere = tmp_path_factory.mktemp("elsewhere")  # not under tmp_path: its signkit.toml would be found
    (elsewhere / "site.yaml").write_text(dump(chem), encoding="utf-8")
    code, out, _ = cli("diff", str(elsewhere / "site.yaml"), str(site), "--fonts", "bundled")
    assert code == 0 and "SK706" not in out


def test_config_sign_folder_is_part_of_the_input_hash(tmp_path: Path, bundled_fonts: Any) -> None:
    from signkit.pipeline.config import load_config
    from signkit.pipeline.incremental import input_hash
    from signkit.pipeline.options import RenderOptions

    configured = load_config(_config(tmp_path, "官方标志")).sign_folder
    assert input_hash(b"x", RenderOptions(), bundled_fonts) != input_hash(b"x", RenderOptions(sign_folder=configured),
                                                                    bundled_fonts)


# ---------------------------------------------------------------- [print]: what a print shop sets once


def test_config_print_table_is_read_with_defaults_for_what_it_does_not_say(tmp_path: Path) -> None:
    from signkit.pipeline.config import load_config
    from signkit.render.pdfx import JAPAN_COLOR_2001_COATED
    from signkit.render.settings import DEFAULT_PRINT

    path = tmp_path / "signkit.toml"
    path.write_text('[print]\noverprint = false\noutput_intent = "JapanColor2001Coated"\ngripper = 12\n\n'
                    '[print.bleed]\n"默认" = 20\n"2-4" = 3\n\n[print.stamp]\n"2-1-1" = "off"\n"2-3" = ["修订", "内容"]\n',
                    encoding="utf-8")
    settings = load_config(path).printing
    assert settings.overprint is False and settings.intent is JAPAN_COLOR_2001_COATED and settings.gripper == 12
    assert [settings.bleed_of(f) for f in ("2-2", "2-4", "2-5")] == [20.0, 3.0, 3.0]  # the card keeps its 3 mm
    path.write_text("[print.bleed]\ndefault = 0\n", encoding="utf-8")
    assert load_config(path).printing.bleed == (("默认", 0.0),)
    assert settings.stamp_of("2-1-1") == () and settings.stamp_of("2-3") == ("内容", "修订")
    assert settings.stamp_of("2-1-2") == ("附表", "内容", "修订") and "signkit" in settings.stamp_of("2-2")
    other = tmp_path / "fonts-only.toml"
    other.write_text('[fonts]\nmode = "bundled"\n', encoding="utf-8")
    assert load_config(other).printing == DEFAULT_PRINT


@pytest.mark.parametrize(("text", "key", "line", "words"), [
    ('[print]\nbleeding = 3\n', "print.bleeding", 2, "未知的配置项"),
    ('[print.bleed]\n"2-9" = 3\n', "print.bleed.2-9", 2, "不是附表编号"),
    ('[print.bleed]\n"2-2" = -1\n', "print.bleed.2-2", 2, "毫米数"),
    ('[print.stamp]\n"2-2" = ["logo"]\n', "print.stamp.2-2", 2, "off"),
    ('[print]\noverprint = "yes"\n', "print.overprint", 2, "true 或 false"),
    ('[fonts]\nmode = "bundled"\n[print]\nfinal = "yes"\n', "print.final", 4, "true 或 false"),
    ('[print]\ngripper = 500\n', "print.gripper", 2, "纸边留白"),
    ('[print]\noutput_intent = "GRACoL"\n', "print.output_intent", 2, "未知的输出意图"),
    ('[print]\noutput_intent = "screen.icc"\n', "print.output_intent", 2, "无法读取"),
])
def test_a_bad_print_setting_names_its_key_and_line(tmp_path: Path, text: str, key: str, line: int,
                                                    words: str) -> None:
    from signkit.pipeline.config import load_config

    path = tmp_path / "signkit.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SignkitError) as raised:
        load_config(path)
    (diag,) = raised.value.diagnostics
    assert words in diag.message and diag.location.line == line and diag.location.path == (key,)


def test_an_rgb_profile_in_the_config_is_refused_before_anything_is_rendered(cli: Cli, tmp_path: Path) -> None:
    import pikepdf

    srgb = Path(pikepdf.__file__).parent / "pdfa" / "data" / "sRGB.icc"
    if not srgb.is_file():
        pytest.skip("pikepdf ships no sRGB profile here")
    config = tmp_path / "signkit.toml"
    config.write_text(f'[fonts]\nmode = "bundled"\n\n[print]\noutput_intent = "{srgb}"\n', encoding="utf-8")
    code, _, err = cli("render", "examples/small-enterprise.yaml", "-o", str(tmp_path / "out"), "--config", str(config))
    assert code == 2 and "输出意图必须是 CMYK" in err and not (tmp_path / "out").exists()
    code, _, err = cli("render", "examples/small-enterprise.yaml", "-o", str(tmp_path / "out"),
                         "--fonts", "bundled", "--output-intent", str(srgb))
    assert code == 2 and "输出意图必须是 CMYK" in err and not (tmp_path / "out").exists()


def test_print_settings_are_part_of_the_input_hash(tmp_path: Path, bundled_fonts: Any) -> None:
    from signkit.pipeline.options import RenderOptions
    from signkit.pipeline.render_files import render_files
    from signkit.render.settings import PrintSettings
    from tests.conftest import SMALL

    first = render_files([str(SMALL)], tmp_path, bundled_fonts)
    assert first.ok
    again = render_files([str(SMALL)], tmp_path, bundled_fonts)
    assert [s.status for s in again.sites] == ["unchanged"]
    changed = render_files([str(SMALL)], tmp_path, bundled_fonts,
                           RenderOptions(printing=PrintSettings(stamp=(("默认", ("内容",)),))))
    assert [s.status for s in changed.sites] == ["rendered"]
    assert not changed.reprints  # the stamp is not content: nobody is asked to reprint


# ---------------------------------------------------------------- finding the file, and pointing into it


def test_errors_point_at_the_key_of_the_right_table_line_and_column(tmp_path: Path) -> None:
    from signkit.pipeline.config import load_config

    path = tmp_path / "signkit.toml"
    path.write_text('[fonts]\nmode = "system"\n\n[signs]\n  mode = "x"\n', encoding="utf-8")
    with pytest.raises(SignkitError) as raised:
        load_config(path)
    (diag,) = raised.value.diagnostics
    assert "signs.mode" in diag.message
    assert (diag.location.line, diag.location.column, diag.location.path) == (5, 3, ("signs.mode",))
    path.write_text('[signs]\nfolder = "x"\n[print]\nfinal = false\n[fonts]\n\tmode = "draft"\n', encoding="utf-8")
    with pytest.raises(SignkitError) as raised:
        load_config(path)
    (diag,) = raised.value.diagnostics
    assert (diag.location.line, diag.location.column) == (6, 2) and "draft" in diag.message
    path.write_text('[print]\nbleed = { "2-2" = 1, "2-5" = -3 }\n', encoding="utf-8")
    with pytest.raises(SignkitError) as raised:
        load_config(path)
    (diag,) = raised.value.diagnostics
    assert (diag.location.line, diag.location.column) == (2, 22)


def test_found_upward_from_the_first_input_and_signkit_toml_wins(tmp_path: Path) -> None:
    from signkit.pipeline.config import config_start, find_config, load_config

    deep = tmp_path / "县" / "企业" / "车间"
    deep.mkdir(parents=True)
    assert find_config(deep) is None
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(deep) is None  # a pyproject without [tool.signkit] belongs to other tools
    (tmp_path / "pyproject.toml").write_text('[tool.signkit.fonts]\nmode = "bundled"\n', encoding="utf-8")
    assert find_config(deep) == tmp_path / "pyproject.toml"
    assert load_config(start=deep).font_mode == "bundled"
    (tmp_path / "县" / "signkit.toml").write_text('[print]\nfinal = true\n', encoding="utf-8")
    assert find_config(deep) == tmp_path / "县" / "signkit.toml"  # the nearer one
    (tmp_path / "县" / "pyproject.toml").write_text('[tool.signkit]\n', encoding="utf-8")
    assert find_config(deep) == tmp_path / "县" / "signkit.toml"  # in one folder signkit.toml wins
    site = deep / "site.yaml"
    assert config_start([str(site), "other.yaml"]) == deep
    assert config_start([str(deep)]) == deep
    assert config_start(["-"]) == Path.cwd()
    settings = load_config(start=config_start([str(site)]))
    assert settings.path == tmp_path / "县" / "signkit.toml" and settings.final


def test_pyproject_settings_resolve_from_its_folder_and_errors_name_tool_signkit(tmp_path: Path) -> None:
    from signkit.pipeline.config import load_config

    project = tmp_path / "pyproject.toml"
    project.write_text('[tool.other]\nmode = 1\n\n[tool.signkit.signs]\nfolder = "标志"\n', encoding="utf-8")
    settings = load_config(start=tmp_path / "sub")
    assert settings.sign_folder is not None and settings.sign_folder.path == tmp_path / "标志"
    assert settings.sign_folder.location.line == 5
    project.write_text('[tool.other]\nmode = 1\n\n[tool.signkit.fonts]\nmode = "oops"\n', encoding="utf-8")
    with pytest.raises(SignkitError) as raised:
        load_config(project)
    (diag,) = raised.value.diagnostics
    assert diag.render().count("tool.signkit.fonts.mode") == 1  # in the key path, not again in the words
    assert (diag.location.line, diag.location.column, diag.location.path) == (5, 1, ("tool.signkit.fonts.mode",))


def test_the_config_is_read_once_per_command(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """render used to parse signkit.toml three times (fonts, sign folder, [print]); now it is loaded once."""
    import tomllib

    from tests.conftest import SMALL

    (tmp_path / "signkit.toml").write_text('[fonts]\nmode = "bundled"\n[print]\ngripper = 12\n', encoding="utf-8")
    site = tmp_path / "site.yaml"
    site.write_bytes(SMALL.read_bytes())
    calls: list[str] = []
    real = tomllib.loads
    monkeypatch.setattr(tomllib, "loads", lambda text: calls.append(text) or real(text))
    code, _, err = cli("render", str(site), "-o", str(tmp_path / "out"), "--dry-run")
    assert code == 0, err
    assert calls.count(calls[0]) == 1 and "gripper = 12" in calls[0]


def test_a_toml_syntax_error_names_its_line_and_column(tmp_path: Path) -> None:
    from signkit.pipeline.config import load_config

    path = tmp_path / "signkit.toml"
    path.write_text('[fonts]\nmode = "bundled\n', encoding="utf-8")
    with pytest.raises(SignkitError) as raised:
        load_config(path)
    (diag,) = raised.value.diagnostics
    assert diag.rule == "SK014" and diag.location.line == 2 and (diag.location.column or 0) > 1


@pytest.mark.parametrize(("text", "where", "said"), [
    (b'[check]\nignore = ["SK1"]\nignore = ["SK2"]\n', (3, 17), "配置文件格式错误：同一个键写了两次"),
    (b"[check\n", (1, 7), "配置文件格式错误：表头缺少 ]"),
    (b"[fonts]\nmode = bundled\n", (2, 8), "值的写法不对"),
    (b'[fonts]\nmode = "x\xff"\n', (2, 10), "配置文件不是 UTF-8 编码"),
])
def test_config_file_problems_are_said_in_chinese_at_their_place(tmp_path: Path, text: bytes,
                                                                 where: tuple[int, int], said: str) -> None:
    from signkit.pipeline.config import load_config

    path = tmp_path / "signkit.toml"
    path.write_bytes(text)
    with pytest.raises(SignkitError) as failure:
        load_config(path)
    (diag,) = failure.value.diagnostics
    assert (diag.location.line, diag.location.column) == where and said in diag.message, diag.render()
    assert not any(word in diag.message for word in ("Cannot", "Expected", "codec", "Invalid"))


def test_a_wrong_type_names_its_key_once_and_a_folder_named_signkit_toml_is_said(tmp_path: Path) -> None:
    from signkit.pipeline.config import find_config, load_config

    path = tmp_path / "signkit.toml"
    path.write_text("[check]\nignore = 5\n", encoding="utf-8")
    with pytest.raises(SignkitError) as failure:
        load_config(path)
    rendered = failure.value.diagnostics[0].render()
    assert rendered.count("check.ignore") == 1, rendered
    path.unlink()
    path.mkdir()
    assert find_config(tmp_path) == path  # not passed over on the way up
    with pytest.raises(SignkitError) as failure:
        load_config(find_config(tmp_path))
    assert "文件夹" in failure.value.diagnostics[0].message
