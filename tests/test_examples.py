"""The examples in ``examples/`` as a safety office would use them, and the README pictures made from them.

Each example is a whole enterprise a 忻州 office would recognise (a coal mine, an ammonia cold
store, a building project, a gas station, a supermarket, a chemical plant, a forge).  For every
one: the check finds no error, and no warning but the ones listed in :data:`KNOWN_WARNINGS`
(signkit's shortcomings, written down so that fixing one shows here); every planned board is
made, at its size, with its fonts embedded; and each board prints what the file says — the
names, departments, people, items and phone numbers a reader looks for.

The README's pictures (``docs/img``) are compared pixel for pixel with the boards as they
render now, so a layout change cannot leave a stale gallery behind.  After a deliberate
change, regenerate them with ``pytest tests/test_examples.py --update-refs`` and look at them
before committing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from signkit.art.place import catalogue
from signkit.diagnostics import Severity, format_path
from signkit.drawing.text import FontMeasurer
from signkit.fonts import FontSet
from signkit.model.site import Site
from signkit.output.names import board_filename
from signkit.pipeline.build import BuildResult, build_site
from signkit.pipeline.check import FileReport, check_path
from signkit.render.pdf import PrintSpec, render_pdf
from signkit.render.raster import rasterize
from tests.conftest import EXAMPLES, ROOT, example_data
from tests.pdfcheck import assert_fonts_embedded, assert_trim, page_texts
from tests.refcompare import compare

FILES = sorted(EXAMPLES.glob("*.yaml"))
NAMES = [path.name for path in FILES]

#: Warnings an example draws although what it says is right, by (rule, key path).  Each is a gap in
#: signkit, not in the example: the GB 6441 table that SK708 reads (``signkit/art/accidents.py``) does
#: not know the mine signs and 当心叉车 yet, so 当心瓦斯 does not count for 瓦斯爆炸, 当心有害气体中毒
#: for 中毒和窒息, 当心冒顶 / 当心片帮 for 冒顶片帮, nor 当心叉车 for 车辆伤害.  When the table learns
#: them, this list must shrink.
KNOWN_WARNINGS: dict[str, set[tuple[str, str]]] = {}

#: Every picture of the README: the board (example, file name stem, page) it shows and its width in pixels.
#: ``signs.png`` is the first page of the sign catalogue (``signkit signs --pdf``) at 90 dpi.
GALLERY: dict[str, tuple[str, str, int, int]] = {
    "2-1-1.png": ("chemical-plant.yaml", "2-1-1_安全生产监督管理责任牌", 1, 900),
    "2-1-2.png": ("small-enterprise.yaml", "2-1-2_安全生产监督管理责任牌", 1, 900),
    "2-2.png": ("chemical-plant.yaml", "2-2_合成车间_企业安全生产责任牌", 1, 900),
    "2-3.png": ("chemical-plant.yaml", "2-3_合成操作工_员工岗位责任牌", 1, 900),
    "2-4.png": ("chemical-plant.yaml", "2-4_液氨储罐区_安全风险分级管控告知牌", 1, 900),
    "2-5-front.png": ("chemical-plant.yaml", "2-5_合成操作工_岗位风险告知卡", 1, 900),
    "2-5-back.png": ("chemical-plant.yaml", "2-5_合成操作工_岗位风险告知卡", 2, 900),
    "2-6.png": ("chemical-plant.yaml", "2-6_忻州市安全生产举报公示栏", 1, 900),
    "2-7.png": ("chemical-plant.yaml", "2-7_安全生产监督栏", 1, 900),
    "2-6-qr.png": ("small-enterprise.yaml", "2-6_忻州市安全生产举报公示栏", 1, 1600),
    "coal-mine-2-1-1.png": ("coal-mine.yaml", "2-1-1_安全生产监督管理责任牌", 1, 900),
    "coal-mine-2-4.png": ("coal-mine.yaml", "2-4_2201综采工作面瓦斯煤尘爆炸_安全风险分级管控告知牌", 1, 900),
    "cold-store-2-1-2.png": ("ammonia-cold-store.yaml", "2-1-2_安全生产监督管理责任牌", 1, 900),
    "construction-2-4.png": ("construction-project.yaml", "2-4_1号塔式起重机_安全风险分级管控告知牌", 1, 900),
    "gas-station-2-2.png": ("gas-station.yaml", "2-2_卸油区_企业安全生产责任牌", 1, 900),
    "gas-station-2-4.png": ("gas-station.yaml", "2-4_加油区_安全风险分级管控告知牌", 1, 900),
    "supermarket-2-4.png": ("supermarket.yaml", "2-4_一至二层自动扶梯_安全风险分级管控告知牌", 1, 900),
}
SIGNS_PICTURE = "signs.png"
SIGNS_DPI = 90
IMG = ROOT / "docs" / "img"


@dataclass
class Example:
    """One example checked and built once for the module (bundled fonts, as the pictures are made)."""

    report: FileReport
    built: BuildResult
    data: dict[str, Any]

    @property
    def site(self) -> Site:
        assert self.report.site is not None
        return self.report.site


@pytest.fixture(scope="module")
def examples(bundled_fonts: FontSet) -> dict[str, Example]:
    out = {}
    for path in FILES:
        report = check_path(path, fonts=bundled_fonts)  # the build lays every board out: text that does not fit shows there
        assert report.site is not None and report.source is not None, [d.render() for d in report.diagnostics]
        out[path.name] = Example(report, build_site(report.site, report.source, bundled_fonts), example_data(path))
    return out


def _squeeze(text: str) -> str:
    """Text without any white space: a wrapped line and the text it wraps are one string again."""
    return re.sub(r"\s+", "", text)


def _items(value: Any) -> list[str]:
    """A YAML value that may be one line or a list of lines, as a list."""
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def test_there_are_examples_from_seven_industries() -> None:
    assert len(FILES) >= 7, NAMES


@pytest.mark.parametrize("name", NAMES)
def test_example_checks_with_no_error_and_only_known_warnings(name: str, examples: dict[str, Example]) -> None:
    report = examples[name].report
    assert not report.unreadable
    errors = [d.render() for d in report.diagnostics if d.severity is Severity.ERROR]
    assert not errors, errors
    warnings = {(d.rule, format_path(d.location.path)) for d in report.diagnostics if d.severity is Severity.WARNING}
    assert warnings == KNOWN_WARNINGS.get(name, set()), [d.render() for d in report.diagnostics]


@pytest.mark.parametrize("name", NAMES)
def test_every_planned_board_is_made_at_its_size_with_embedded_fonts(name: str, examples: dict[str, Example]) -> None:
    example = examples[name]
    assert example.built.ok and not example.built.diagnostics, [d.render() for d in example.built.diagnostics]
    assert not example.built.not_made
    planned = [(p.form_id, p.subject) for p in example.report.plan]
    made = [(b.planned.form_id, b.planned.subject) for b in example.built.boards]
    assert made == planned
    forms = {form for form, _ in planned}
    assert forms >= {"2-2", "2-3", "2-4", "2-5", "2-6", "2-7"}, forms
    assert len(forms & {"2-1-1", "2-1-2"}) == 1, forms
    for built in example.built.boards:
        assert_trim(built.pdf, built.width, built.height)
        assert_fonts_embedded(built.pdf)


def _expected(data: dict[str, Any], site: Site, form: str, source: tuple[Any, ...]) -> Iterator[str]:
    """What a reader looks for on one board, as the site file writes it."""
    enterprise, supervision, region = data["企业"], data["监管责任"], data["地区"]
    if form in ("2-1-1", "2-1-2"):
        yield from (enterprise["企业名称"], enterprise["企业主要负责人"], enterprise["所属行业"])
        yield enterprise["分管负责人"] if form == "2-1-1" else enterprise["安全管理人员"]
        departments = [supervision[key] for key in ("行业主管部门", "安全监管部门", "属地监管")]
        for dept in [*departments, *supervision.get("专业监管部门", [])]:
            yield from (dept["部门"], dept["责任领导"]["姓名"], dept["具体责任人"])
        if form == "2-1-1":
            yield supervision["县级政府领导"]["姓名"]
            named = _items(supervision.get("风险点"))
            yield from named or [p.name for p in site.risk_points if p.level == "重大"]
    elif form == "2-2":
        place = data["工作场所"][source[1]]
        yield from (place["名称"], place["场所主要负责人"], place["企业分管安全领导"], *_items(place["带班领导"]))
        for dept in (place["企业安全管理部门"], place["场所主管部门"]):
            yield from (dept["部门"], dept["责任领导"], dept["具体责任人"])
        for row in [*place.get("班组", []), *place.get("岗位", [])]:
            yield from (row["名称"], row.get("负责人") or row["责任人"])
    elif form == "2-3":
        post = data["岗位"][source[1]]
        yield from (post["岗位名称"], *_items(post["岗位安全生产责任"]))
    elif form == "2-4":
        point, model = data["风险点"][source[1]], site.risk_points[source[1]]
        yield from (point["风险点名称"], f"{model.level}风险", point["管控责任人"], enterprise["企业监督举报电话"])
        for key in ("风险及可能造成的危害", "事故诱因", "重要提示", "管控措施", "应急处置措施"):
            yield from _items(point.get(key))
        yield from (sign for sign in _items(point.get("警示标识")) if sign != "自动")
    elif form == "2-5":
        post = data["岗位"][source[1]]
        yield from (post["岗位名称"], *_items(post["岗位安全风险"]), *_items(post["应急处置及管控措施"]))
        yield from (post["救援电话"], enterprise["企业应急电话"])
    elif form in ("2-6", "2-7"):
        channel = region["县级举报渠道"]
        yield from (channel["电话"], channel["来信地址"])
        if form == "2-6":
            yield f"{region['城市']}安全生产举报公示栏"


@pytest.mark.parametrize("name", NAMES)
def test_each_board_prints_the_key_fields_of_the_file(name: str, examples: dict[str, Example]) -> None:
    example = examples[name]
    missing = []
    for built in example.built.boards:
        text = _squeeze("".join(page_texts(built.pdf)))
        for wanted in _expected(example.data, example.site, built.planned.form_id, built.planned.source):
            if _squeeze(str(wanted)) not in text:
                missing.append(f"{board_filename(built)}: 「{wanted}」")
    assert not missing, "\n".join(missing)


def test_the_readme_shows_only_pictures_that_exist_and_every_picture_is_shown() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.findall(r"\]\(docs/img/([^)]+)\)", readme)
    assert shown, "the README shows no pictures"
    assert len(shown) == len(set(shown)), shown
    assert all((IMG / picture).is_file() for picture in shown), [p for p in shown if not (IMG / p).is_file()]
    on_disk = sorted(p.name for p in IMG.glob("*.png"))
    assert sorted(shown) == on_disk
    assert set(on_disk) == {*GALLERY, SIGNS_PICTURE}, "every picture needs its board in GALLERY to be kept current"


def test_the_readme_and_the_site_file_reference_list_every_example() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    reference = (ROOT / "docs" / "site-file.md").read_text(encoding="utf-8")
    assert [n for n in NAMES if f"(examples/{n})" not in readme] == []
    assert [n for n in NAMES if f"(../examples/{n})" not in reference] == []


def test_the_readme_pictures_are_the_boards_as_they_render_now(examples: dict[str, Example],
                                                               request: pytest.FixtureRequest) -> None:
    update = request.config.getoption("--update-refs")
    problems = []
    for picture, (name, stem, page, width) in GALLERY.items():
        boards = [b for b in examples[name].built.boards if board_filename(b) == f"{stem}.pdf"]
        assert len(boards) == 1, (picture, stem, [board_filename(b) for b in examples[name].built.boards])
        (built,) = boards
        image = rasterize(built.pdf, width / (built.width / 25.4))[page - 1]
        problems.append(compare(image, IMG / picture, update=update, label=f"docs/img/{picture}"))
    assert not [p for p in problems if p], "\n".join(p for p in problems if p)


def test_the_sign_picture_is_the_first_page_of_the_catalogue(bundled_fonts: FontSet,
                                                             request: pytest.FixtureRequest) -> None:
    board, frame = catalogue(FontMeasurer(bundled_fonts))
    assert not frame.misfits
    pdf = render_pdf(board, bundled_fonts, spec=PrintSpec(pdfx=False))
    image = rasterize(pdf, SIGNS_DPI)[0]
    problem = compare(image, IMG / SIGNS_PICTURE, update=request.config.getoption("--update-refs"),
                      label=f"docs/img/{SIGNS_PICTURE}")
    assert problem is None, problem


def test_the_gas_station_boards_print_the_no_phones_sign(examples: dict[str, Example]) -> None:
    """禁止开启无线移动通讯设备 is set on two lines: on one it needed a sign wider than a 1200 × 800 board gives."""
    boards = [b for b in examples["gas-station.yaml"].built.boards if b.planned.form_id == "2-4"]
    printed = [_squeeze("".join(page_texts(b.pdf))) for b in boards]
    assert sum("禁止开启无线移动通讯设备" in text for text in printed) == 2
