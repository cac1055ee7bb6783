"""Boards of one kind look like one set: the 2-2, 2-3 and 2-4 boards of an enterprise share their type sizes.

Each case has its failing side: the same boards laid out each on its own (what signkit did
before) do differ, so a test that only compared shared sizes could not tell sharing from luck.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from signkit.diagnostics import Severity
from signkit.drawing.frame import Frame
from signkit.drawing.items import Board
from signkit.drawing.text import FontMeasurer
from signkit.fonts import FontSet
from signkit.layout import post_board, risk_board, workplace
from signkit.layout.context import LayoutContext
from signkit.layout.registry import layout_board, sibling_scales
from signkit.layout.type_scale import KIND_NAMES, NO_SCALE, TypeScale, common_scale, scale_differences
from signkit.pipeline.build import build_site
from signkit.pipeline.check import FileReport
from signkit.pipeline.fitting import lay_out, requested_size, with_type_scales
from signkit.pipeline.options import RenderOptions
from signkit.plan.boards import PlannedBoard
from signkit.render.built import BuiltBoard
from signkit.spec.sizes import Sizing, scale_of
from tests.conftest import CHEMICAL, SMALL, example_data
from tests.layout.boardutil import LONG, grid_texts, report_of

SHORT = ["持证上岗", "按时巡检"]
MEDIUM = [f"{LONG}第{n}条" for n in range(1, 9)]
LONGER = [f"{LONG}{LONG[:12]}" for _ in range(12)]  # still fits at the legible minimum, well below the preferred size


def _posts(duties: list[list[str]]) -> dict[str, Any]:
    data = example_data(CHEMICAL)
    for index, items in enumerate(duties):
        data["岗位"][index]["岗位安全生产责任"] = items
    return data


def _alone(report: FileReport, form_id: str, measure: FontMeasurer) -> list[tuple[PlannedBoard, Frame]]:
    """Every board of ``form_id`` laid out on its own (no sizes told), at its requested size."""
    assert report.site is not None
    ctx = LayoutContext(report.site, measure)
    out = []
    for planned in (p for p in report.plan if p.form_id == form_id):
        width, height = requested_size(report.site, form_id, {})
        out.append((planned, lay_out(ctx, planned, width, height)[1]))
    return out


def _shared(report: FileReport, form_id: str, measure: FontMeasurer) -> list[tuple[PlannedBoard, Frame]]:
    """Every board of ``form_id`` laid out as the pipeline does: told the sizes its siblings share."""
    assert report.site is not None
    ctx = with_type_scales(LayoutContext(report.site, measure), report.plan, {})
    out = []
    for planned in (p for p in report.plan if p.form_id == form_id):
        width, height = requested_size(report.site, form_id, {})
        out.append((planned, lay_out(ctx, planned, width, height)[1]))
    return out


def _built(data: dict[str, Any], fonts: FontSet, **options: Any) -> tuple[list[BuiltBoard], list[Any]]:
    report = report_of(data)
    assert report.site is not None and report.source is not None
    result = build_site(report.site, report.source, fonts, RenderOptions(**options),
                        reuse=lambda _planned, _build: "not rendered")
    return result.boards, result.diagnostics


# --- one size per kind ----------------------------------------------------------------------------------------------

def test_three_post_boards_with_very_different_duties_get_one_size(measure: FontMeasurer) -> None:
    report = report_of(_posts([SHORT, MEDIUM, LONGER]))
    alone = _alone(report, "2-3", measure)
    assert all(frame.misfits == [] for _, frame in alone)
    on_their_own = [frame.type_sizes["list"] for _, frame in alone]
    assert len(set(on_their_own[:3])) == 3, on_their_own  # the failing side: three sizes, 24 mm down to ~9 mm
    assert on_their_own[0] == pytest.approx(post_board.DUTY_SIZE)

    shared = _shared(report, "2-3", measure)
    for kind in ("label", "name", "list"):
        sizes = {frame.type_sizes[kind] for _, frame in shared}
        assert len(sizes) == 1, (kind, sizes)
    # the largest size that fits every board: the smallest any of them reached on its own
    assert shared[0][1].type_sizes["list"] == min(on_their_own)
    assert min(on_their_own) >= post_board.MIN_TEXT


def test_the_shared_size_is_what_the_boards_print(fonts: FontSet) -> None:
    boards, diagnostics = _built(_posts([SHORT, MEDIUM, LONGER]), fonts)
    assert not [d for d in diagnostics if d.severity == Severity.WARNING]
    duties = [b for b in boards if b.planned.form_id == "2-3"]
    sizes = {t.size for b in duties for t in grid_texts(b.board) if t.text.startswith("（")}
    assert len(sizes) == 1, sizes  # every numbered duty of every 2-3 board, one size


def test_a_board_that_cannot_reach_the_shared_size_is_reported(fonts: FontSet) -> None:
    """A post whose duties do not fit even at the legible minimum has no say in the shared size.

    Grown (``--fit grow``), it is set smaller than its siblings: SK504 names it and the sizes.
    Not grown, it is an error (SK501) and not made, and there is nothing to compare.
    """
    data = _posts([SHORT, MEDIUM, MEDIUM, [f"{LONG}{LONG}" for _ in range(40)]])
    boards, diagnostics = _built(data, fonts, fit="grow")
    (warning,) = [d for d in diagnostics if d.rule == "SK504"]
    post = data["岗位"][3]["岗位名称"]
    assert warning.severity == Severity.WARNING
    assert f"附表 2-3（{post}）" in warning.message and f"{KIND_NAMES['list']} " in warning.message
    assert "同类牌" in warning.message and "mm" in warning.message
    assert warning.location is not None and warning.location.path == ("岗位", 3)
    grown = next(b for b in boards if b.planned.form_id == "2-3" and b.planned.source == ("岗位", 3))
    assert grown.grown
    others = {t.size for b in boards if b.planned.form_id == "2-3" and b is not grown
              for t in grid_texts(b.board) if t.text.startswith("（")}
    assert len(others) == 1 and min(others) > post_board.MIN_TEXT  # the others keep their one, larger size
    # the failing side: without --fit grow the board is an error and not made; nothing is reported as "different"
    _, failed = _built(data, fonts)
    assert [d.rule for d in failed if d.severity == Severity.ERROR] == ["SK501"]
    assert "SK504" not in [d.rule for d in failed]


@pytest.mark.parametrize(("path", "form_id"), [(CHEMICAL, "2-2"), (SMALL, "2-4")])
def test_workplace_and_risk_boards_share_their_sizes(path: Any, form_id: str, measure: FontMeasurer) -> None:
    report = report_of(example_data(path))
    alone = _alone(report, form_id, measure)
    kinds = set().union(*(frame.type_sizes for _, frame in alone))
    assert any(len({frame.type_sizes.get(kind) for _, frame in alone}) > 1 for kind in kinds)  # they differ alone
    shared = _shared(report, form_id, measure)
    assert all(frame.misfits == [] for _, frame in shared)
    for kind in kinds:
        assert len({frame.type_sizes.get(kind) for _, frame in shared}) == 1, kind
        assert shared[0][1].type_sizes[kind] == min(frame.type_sizes[kind] for _, frame in alone)


# --- labels and values ----------------------------------------------------------------------------------------------

def _laid(report: FileReport, planned: PlannedBoard, measure: FontMeasurer, scale: TypeScale) -> tuple[Board, Frame]:
    assert report.site is not None
    ctx = LayoutContext(report.site, measure, scales={planned.form_id: scale})
    width, height = requested_size(report.site, planned.form_id, {})
    return layout_board(ctx, planned, Sizing(width, height, scale_of(planned.form_id, width, height)))


@pytest.mark.parametrize("path", [CHEMICAL, SMALL])
def test_labels_are_never_smaller_than_the_values_beside_them(path: Any, measure: FontMeasurer) -> None:
    report = report_of(example_data(path))
    for form_id in ("2-2", "2-3", "2-4"):
        for _, frame in _shared(report, form_id, measure):
            label = frame.type_sizes["label"]
            assert all(size <= label for size in frame.type_sizes.values()), (form_id, frame.type_sizes)


@pytest.mark.parametrize("form_id", ["2-2", "2-3", "2-4"])
def test_told_a_small_label_size_the_values_follow_it_down(form_id: str, measure: FontMeasurer) -> None:
    """A scale whose labels are smaller than its values (as no sibling set would give) still keeps labels ≥ values."""
    report = report_of(example_data(CHEMICAL))
    planned = next(p for p in report.plan if p.form_id == form_id)
    told = TypeScale.of({"label": 12.0, "value": 20.0, "name": 20.0, "list": 20.0, "level": 20.0, "notice": 20.0,
                         "footer": 20.0})
    _, frame = _laid(report, planned, measure, told)
    assert frame.misfits == []
    assert frame.type_sizes["label"] <= 12.0
    assert max(frame.type_sizes.values()) == frame.type_sizes["label"]
    _, free = _laid(report, planned, measure, NO_SCALE)  # the failing side: on its own, values are larger than 12 mm
    assert max(size for kind, size in free.type_sizes.items() if kind != "label") > 12.0


# --- the scale itself -----------------------------------------------------------------------------------------------

def test_the_common_scale_is_the_smallest_size_of_each_kind() -> None:
    scale = common_scale([{"label": 24.0, "list": 18.04}, {"label": 22.0, "list": 20.0}, {"list": 12.0}])
    assert scale.as_dict() == {"label": 22.0, "list": 12.0}
    assert scale.cap("list", 24.0) == 12.0 and scale.cap("list", 10.0) == 10.0 and scale.cap("name", 30.0) == 30.0
    assert common_scale([]) == NO_SCALE
    assert scale_differences(scale, {"label": 22.0, "list": 9.5}) == [("list", 9.5, 12.0)]
    assert scale_differences(scale, {"label": 21.98, "list": 12.0}) == []  # rounding is not a difference
    assert scale_differences(NO_SCALE, {"list": 9.5}) == []


def test_a_board_with_a_misfit_has_no_say(measure: FontMeasurer) -> None:
    """Its duties do not fit at all; its long name, which does fit, must not pull the others' names down."""
    data = _posts([SHORT, MEDIUM, MEDIUM, [f"{LONG}{LONG}" for _ in range(40)]])
    data["岗位"][3]["岗位名称"] = "液氨储罐区装卸及槽车充装操作工兼罐区巡检及应急处置人员"
    report = report_of(data)
    assert report.site is not None
    ctx = LayoutContext(report.site, measure)
    boards = [(p, Sizing(*post_board.MIN_SIZE, 1.0)) for p in report.plan if p.form_id == "2-3"]
    misfit = next(frame for planned, frame in _alone(report, "2-3", measure) if planned.source == ("岗位", 3))
    assert [m.path for m in misfit.misfits] == [("岗位", 3, "岗位安全生产责任")]
    others = [frame.type_sizes["name"] for planned, frame in _alone(report, "2-3", measure) if planned.source != ("岗位", 3)]
    assert misfit.type_sizes["name"] < min(others)  # the failing side: had it a say, every name would shrink
    scales = sibling_scales(ctx, boards)
    assert scales == sibling_scales(ctx, [b for b in boards if b[0].source != ("岗位", 3)])
    assert scales["2-3"].get("name") == min(others)
    assert set(scales) == {"2-3"}


def test_a_sibling_that_changes_the_shared_size_rebuilds_the_others_but_reprints_none(fonts: FontSet) -> None:
    """The sizes are printed, so a file whose sizes changed is rebuilt (build hash); the board says the same
    thing, so its content hash — and the reprint list — stay as they were (:mod:`signkit.layout.type_scale`)."""
    before, _ = _built(_posts([SHORT, SHORT]), fonts)
    after, _ = _built(_posts([SHORT, LONGER]), fonts)
    first = next(b for b in before if b.planned.source == ("岗位", 0) and b.planned.form_id == "2-3")
    again = next(b for b in after if b.planned.source == ("岗位", 0) and b.planned.form_id == "2-3")
    assert {t.size for t in grid_texts(first.board)} != {t.size for t in grid_texts(again.board)}
    assert first.board.content_hash == again.board.content_hash
    assert first.build_hash != again.build_hash
    untouched = next(b for b in before if b.planned.form_id == "2-1-1")
    same = next(b for b in after if b.planned.form_id == "2-1-1")
    assert untouched.build_hash == same.build_hash  # other forms are not touched by the 2-3 set


def test_boards_of_other_forms_are_never_told_a_scale(measure: FontMeasurer) -> None:
    report = report_of(example_data(CHEMICAL))
    assert report.site is not None
    ctx = with_type_scales(LayoutContext(report.site, measure), report.plan, {})
    assert set(ctx.scales) == {"2-2", "2-3", "2-4"}
    assert ctx.scale("2-1-1") == NO_SCALE and ctx.scale("2-5") == NO_SCALE
    assert replace(ctx, scales={}).scale("2-3") == NO_SCALE
    assert workplace.MIN_TEXT == risk_board.MIN_TEXT  # both read at 2 m
