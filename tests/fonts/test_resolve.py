"""Font resolution: the bundled fonts, resolution order, font collections and refusals.

Installed fonts are faked with tiny fonts in ``tmp_path`` and injected search folders,
with fontconfig switched off, so the machine's own fonts never change an answer.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from signkit import resources
from signkit.diagnostics import Location, Severity
from signkit.errors import SignkitError
from signkit.fonts import FontChoice, parse_spec, resolve_fonts
from signkit.fonts.coverage import cmap_of
from tests.fonts.conftest import resolve
from tests.fontutil import build_font, make_font, make_ttc

BUNDLED = resources.data_path("fonts")
WQY = BUNDLED / "wqy-microhei.ttc"
WENKAI = BUNDLED / "LXGWWenKai-Regular.ttf"


def errors_of(excinfo: pytest.ExceptionInfo[SignkitError]) -> list[tuple[str, str]]:
    return [(d.rule, d.message) for d in excinfo.value.diagnostics]


# --- bundled fonts ------------------------------------------------------------------


def test_bundled_fonts_and_licences_are_shipped() -> None:
    assert WQY.stat().st_size > 4_000_000
    assert WENKAI.stat().st_size > 10_000_000
    for name in (
        "LICENSE-Apache-2.0.txt",
        "wqy-microhei.copyright",
        "OFL-LXGWWenKai.txt",
        "LXGWWenKai.copyright",
    ):
        assert (BUNDLED / name).stat().st_size > 300, name
    readme = (BUNDLED / "README.md").read_text(encoding="utf-8")
    for needle in ("wqy-microhei.ttc", "LXGWWenKai-Regular.ttf", "OFL-1.1", "Apache-2.0"):
        assert needle in readme
    assert "SIL OPEN FONT LICENSE Version 1.1" in (BUNDLED / "OFL-LXGWWenKai.txt").read_text(encoding="utf-8")


def test_bundled_fonts_embed_in_a_pdf_with_reportlab() -> None:
    from reportlab.pdfgen import canvas  # type: ignore[import-untyped, unused-ignore]

    from signkit.fonts.embed import register

    fonts = resolve(mode="bundled")
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    for y, (font, text) in enumerate(((fonts.title[0], "安全生产责任牌 堃喆"), (fonts.body[0], "岗位职责：严格遵守操作规程 䶮"))):
        name = register(font)
        assert register(font) == name  # registered once, same name
        pdf.setFont(name, 20)
        pdf.drawString(50, 700 - 40 * y, text)
    pdf.save()
    data = buf.getvalue()
    assert data.count(b"/FontFile2") == 2  # both TrueType fonts embedded
    assert b"WenQuanYiMicroHei" in data
    assert b"LXGWWenKai-Regular" in data
    assert len(data) < 200_000  # subset, not the 15 MB font


def test_bundled_font_coverage_facts() -> None:
    """What docs/fonts.md says about the stand-ins; fails if the fonts are swapped."""
    wqy, wenkai = (
        cmap_of(resolve(mode="bundled").title[0]),
        cmap_of(resolve(mode="bundled").body[0]),
    )
    for ch in "堃喆":
        assert ord(ch) in wqy
        assert ord(ch) in wenkai
    assert ord("䶮") in wenkai
    assert ord("䶮") not in wqy
    for cp in (0xE000, 0x20000):
        assert cp not in wqy
        assert cp not in wenkai


# --- resolution order ---------------------------------------------------------------


def test_no_installed_fonts_means_bundled_stand_ins_with_warning() -> None:
    fonts = resolve()
    assert fonts.title == (fonts.title[0],)
    assert fonts.body == (fonts.body[0],)
    assert (fonts.title[0].path.name, fonts.title[0].face_index) == ("wqy-microhei.ttc", 0)
    assert fonts.body[0].path.name == "LXGWWenKai-Regular.ttf"
    assert fonts.title[0].family == "WenQuanYi Micro Hei"
    assert fonts.body[0].family == "LXGW WenKai"
    for font in (fonts.title[0], fonts.body[0]):
        assert font.bundled
        assert not font.mandated
        assert font.reason == "未找到法定字体，使用内置替代字体"
    # one notice for the run, naming both roles, pointing at no file (certainly not at signkit's own fonts)
    [note] = fonts.diagnostics
    assert (note.rule, note.severity, note.location.file) == ("SK304", Severity.INFO, "")
    assert "黑体（SimHei）" in note.message and "楷体_GB2312" in note.message
    assert "文泉驿微米黑" in note.message and "霞鹜文楷" in note.message
    assert not note.render().startswith((" ", str(WQY)))


def test_installed_mandated_fonts_are_found(installed: Path) -> None:
    fonts = resolve([installed])
    title, body = fonts.title, fonts.body
    assert title[0].path == installed / "simhei.ttf"
    assert title[0].family == "SimHei"
    assert title[0].local_family == "黑体"
    assert title[0].label == "黑体（SimHei）"
    assert body[0].path == installed / "SIMKAI.TTF"
    assert body[0].mandated
    assert title[0].reason == body[0].reason == "系统已安装的法定字体"
    # the bundled stand-in of the same style follows as fallback
    assert [f.path.name for f in title] == ["simhei.ttf", "wqy-microhei.ttc"]
    assert [f.path.name for f in body] == ["SIMKAI.TTF", "LXGWWenKai-Regular.ttf"]
    assert title[1].reason == "后备字体：内置替代字体"
    assert fonts.diagnostics == ()


def test_explicit_beats_env_beats_installed_beats_bundled(tmp_path: Path, installed: Path) -> None:
    cli = make_font(tmp_path / "cli.ttf", "Cli Sans")
    env_font = make_font(tmp_path / "env.ttf", "Env Sans")
    env = {"SIGNKIT_TITLE_FONT": str(env_font), "SIGNKIT_BODY_FONT": str(env_font)}

    fonts = resolve([installed], title=cli, env=env)
    assert fonts.title[0].path == cli
    assert fonts.title[0].reason == "命令行 --title-font 指定"
    assert fonts.body[0].path == env_font
    assert fonts.body[0].reason == "环境变量 SIGNKIT_BODY_FONT 指定"

    fonts = resolve([installed], env=env)
    assert fonts.title[0].path == env_font

    fonts = resolve([installed], env={"SIGNKIT_TITLE_FONT": "  "})  # blank is unset
    assert fonts.title[0].path == installed / "simhei.ttf"

    fonts = resolve([tmp_path / "empty"])
    assert fonts.title[0].bundled


def test_explicit_non_mandated_font_is_noted_and_mandated_one_recognised(tmp_path: Path, installed: Path) -> None:
    other = make_font(tmp_path / "noto.ttf", "Noto Sans CJK SC")
    fonts = resolve([], title=str(other), body=installed / "SIMKAI.TTF")
    assert not fonts.title[0].mandated
    assert fonts.body[0].mandated
    [note] = fonts.diagnostics
    assert (note.rule, note.severity) == ("SK304", Severity.INFO)
    assert note.location.file == ""  # named on the command line: nothing in a file to point at
    assert "Noto Sans CJK SC" in note.message
    assert "不是法定字体" in note.message


def test_font_choice_carries_origin_and_location(tmp_path: Path) -> None:
    where = Location(file="signkit.toml", line=3, column=8)
    choice = FontChoice(tmp_path / "nope.ttf", "signkit.toml 的 fonts.body", where)
    with pytest.raises(SignkitError) as excinfo:
        resolve(body=choice)
    [diag] = excinfo.value.diagnostics
    assert diag.rule == "SK301"
    assert diag.location == where
    assert diag.message.startswith("signkit.toml 的 fonts.body 指定的正文字体文件不存在")

    good = make_font(tmp_path / "kai.ttf", "KaiTi")
    fonts = resolve(body=FontChoice(good, "signkit.toml 的 fonts.body", where))
    assert fonts.body[0].reason == "signkit.toml 的 fonts.body 指定"
    assert fonts.body[0].mandated


def test_env_defaults_to_process_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    font = make_font(tmp_path / "env.ttf", "SimHei")
    monkeypatch.setenv("SIGNKIT_TITLE_FONT", str(font))
    fonts = resolve_fonts(search_dirs=[], use_fc_list=False)
    assert fonts.title[0].path == font
    assert fonts.title[0].mandated


def test_bundled_mode_ignores_installed_explicit_and_env(tmp_path: Path, installed: Path) -> None:
    other = make_font(tmp_path / "other.ttf", "Other")
    env = {"SIGNKIT_BODY_FONT": str(installed / "SIMKAI.TTF")}
    fonts = resolve([installed], mode="bundled", title=other, env=env)
    assert fonts == resolve([], mode="bundled")
    assert [f.path for f in fonts.title] == [WQY]
    assert [f.path for f in fonts.body] == [WENKAI]
    assert fonts.title[0].reason == "bundled 模式：固定使用内置替代字体"
    assert fonts.diagnostics == ()  # the user chose the stand-ins: nothing to tell them
    assert fonts.searched == ()


def test_kaiti_gb2312_preferred_over_kaiti_whatever_the_file_names(tmp_path: Path) -> None:
    folder = tmp_path / "Fonts"
    make_font(folder / "a-kaiti.ttf", "KaiTi", local_family="楷体")
    make_font(folder / "z.ttf", "KaiTi_GB2312", local_family="楷体_GB2312")
    assert resolve([folder]).body[0].path.name == "z.ttf"


def test_tie_broken_by_folder_order_then_sorted_path(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        make_font(folder / "b.ttf", "SimHei")
        make_font(folder / "a.ttf", "SimHei")
    assert resolve([second, first]).title[0].path == second / "a.ttf"
    assert resolve([first, second]).title[0].path == first / "a.ttf"


def test_matching_uses_exact_names_in_any_language(tmp_path: Path) -> None:
    folder = tmp_path / "Fonts"
    make_font(folder / "heiti.ttf", "Heiti SC", local_family="黑体-简")  # a different design
    make_font(folder / "sub" / "kai.ttf", "Some Foundry Kai", local_family="楷体")
    fonts = resolve([folder])
    assert fonts.title[0].bundled
    assert fonts.body[0].path == folder / "sub" / "kai.ttf"  # found recursively, by 楷体


def test_fc_list_is_injectable_and_skippable(tmp_path: Path) -> None:
    elsewhere = make_font(tmp_path / "usr" / "simhei.ttf", "SimHei")
    fonts = resolve([], use_fc_list=True, fc_list=lambda: [elsewhere])
    assert fonts.title[0].path == elsewhere
    assert fonts.searched == ("fc-list",)
    fonts = resolve([], use_fc_list=False, fc_list=lambda: [elsewhere])
    assert fonts.title[0].bundled


# --- collections, refusals ----------------------------------------------------------


def test_ttc_face_chosen_by_name_or_index(tmp_path: Path) -> None:
    ttc = make_ttc(
        tmp_path / "pair.ttc",
        [build_font("Fake Sans A"), build_font("Fake Sans B", local_family="假黑体")],
    )
    for spec in (f"{ttc}#Fake Sans B", f"{ttc}#fakesans_b", f"{ttc}#假黑体", f"{ttc}#1"):
        font = resolve(title=spec).title[0]
        assert (font.face_index, font.family) == (1, "Fake Sans B"), spec
    assert resolve(title=ttc).title[0].face_index == 0
    for bad in ("Fake Sans C", "2"):
        with pytest.raises(SignkitError) as excinfo:
            resolve(title=f"{ttc}#{bad}")
        [(rule, message)] = errors_of(excinfo)
        assert rule == "SK307"
        assert f"没有字形“{bad}”" in message
        assert excinfo.value.diagnostics[0].hint == ("其中的字形有：0 = Fake Sans A、1 = Fake Sans B；可写成“路径#字形名”或“路径#序号”")


def test_installed_ttc_face_found_by_name(tmp_path: Path) -> None:
    make_ttc(tmp_path / "Fonts" / "mix.ttc", [build_font("Other"), build_font("SimHei")])
    font = resolve([tmp_path / "Fonts"]).title[0]
    assert (font.path.name, font.face_index, font.mandated) == ("mix.ttc", 1, True)


def test_parse_spec(tmp_path: Path) -> None:
    assert parse_spec("C:/x/simsun.ttc#NSimSun") == (Path("C:/x/simsun.ttc"), "NSimSun")
    assert parse_spec("a.ttc#1") == (Path("a.ttc"), "1")
    odd = make_font(tmp_path / "c#sharp.ttf", "Odd")
    assert parse_spec(str(odd)) == (odd, None)  # an existing path is taken whole


@pytest.mark.parametrize(
    ("fs_type", "needle"),
    [
        (0x0002, "禁止嵌入"),
        (0x0102, "禁止嵌入"),
        (0x0100, "禁止子集化"),
        (0x0200, "只允许嵌入位图"),
    ],
)
def test_restricted_fstype_refused(tmp_path: Path, fs_type: int, needle: str) -> None:
    font = make_font(tmp_path / "locked.ttf", "SimHei", fs_type=fs_type)
    with pytest.raises(SignkitError) as excinfo:
        resolve(title=font)
    [diag] = excinfo.value.diagnostics
    assert diag.rule == "SK302"
    assert diag.severity is Severity.ERROR
    assert needle in diag.message
    assert f"fsType=0x{fs_type:04X}" in diag.message
    assert diag.location == Location(file=str(font))


@pytest.mark.parametrize("fs_type", [0x0000, 0x0004, 0x0008, 0x0006])
def test_embeddable_fstype_accepted(tmp_path: Path, fs_type: int) -> None:
    """Restricted plus a less restrictive bit (old fonts) means the less restrictive."""
    font = make_font(tmp_path / "ok.ttf", "SimHei", fs_type=fs_type)
    assert resolve(title=font).title[0].path == font


def test_cff_font_refused(tmp_path: Path) -> None:
    font = make_font(tmp_path / "kai.otf", "KaiTi", cff=True)
    with pytest.raises(SignkitError) as excinfo:
        resolve(body=font)
    [(rule, message)] = errors_of(excinfo)
    assert rule == "SK303"
    assert "CFF" in message
    assert "ReportLab 无法嵌入" in message


def test_unusable_installed_fonts_are_skipped_with_warning(tmp_path: Path) -> None:
    folder = tmp_path / "Fonts"
    make_font(folder / "simhei.ttf", "SimHei", fs_type=0x0002)
    make_font(folder / "kaiti.otf", "KaiTi", cff=True)
    make_font(folder / "simkai.ttf", "SimKai")  # lower rank, but usable
    fonts = resolve([folder])
    assert fonts.title[0].bundled
    assert fonts.body[0].path.name == "simkai.ttf"
    rules = [(d.rule, d.severity, Path(d.location.file).name) for d in fonts.diagnostics]
    assert rules == [
        ("SK308", Severity.WARNING, "simhei.ttf"),
        ("SK308", Severity.WARNING, "kaiti.otf"),
        ("SK304", Severity.INFO, ""),
    ]


def test_missing_and_non_font_files_refused_together(tmp_path: Path) -> None:
    junk = tmp_path / "notes.ttf"
    junk.write_text("not a font", encoding="utf-8")
    web = tmp_path / "web.woff"
    web.write_bytes(b"wOFF" + bytes(60))
    with pytest.raises(SignkitError) as excinfo:
        resolve(title=tmp_path / "missing.ttf", body=junk)
    assert [rule for rule, _ in errors_of(excinfo)] == ["SK301", "SK301"]
    assert "不是 TrueType/OpenType 字体文件" in errors_of(excinfo)[1][1]
    with pytest.raises(SignkitError) as excinfo:
        resolve(body=web)
    assert errors_of(excinfo)[0][0] == "SK303"


def test_broken_installed_files_are_ignored(tmp_path: Path) -> None:
    folder = tmp_path / "Fonts"
    (folder / "broken.ttf").parent.mkdir(parents=True)
    (folder / "broken.ttf").write_bytes(b"\x00\x01\x00\x00" + bytes(100))
    make_font(folder / "simhei.ttf", "SimHei")
    assert resolve([folder]).title[0].path.name == "simhei.ttf"
