"""The shared content-stream interpreter on its own: the graphics-state stack, ``cm``, forms, the budget.

A recording client notes what it is handed; each test builds a one-page PDF with
exactly the content it needs, so a wrong order of multiplication, a lost ``Q`` or a
limit off by one shows up here before it shows up as a wrong preflight finding or a
misplaced sign.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pikepdf
import pytest

from signkit.diagnostics import KeyPath
from signkit.pdfkit.budget import Budget, Limits
from signkit.pdfkit.decode import Undecodable
from signkit.pdfkit.geometry import IDENTITY, Matrix, multiply, transform
from signkit.pdfkit.interpreter import DeviceSpace, GraphicsState, Interpreter, Scope


def limits(*, operators: int = 10_000, whole: bool = False, depth: int = 8, form_draws: int = 10_000,
           tokens: int = 10_000, content_bytes: int = 1 << 20) -> Limits:
    return Limits(content_bytes=content_bytes, tokens=tokens, operators=operators, form_draws=form_draws, depth=depth,
                  whole_streams=whole)


@dataclass(frozen=True, kw_only=True)
class _State(GraphicsState):
    depth: int = 0


@dataclass
class _Recorder(Interpreter[_State]):
    """Notes the CTM at every ``re`` (a drawn rectangle) and every hook that is called."""

    budget: Budget = field(default_factory=lambda: Budget(limits()))
    drawn: list[tuple[int, Matrix]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    parses: int = 0

    def __post_init__(self) -> None:
        super().__init__(self.budget)

    def parse(self, holder: Any, scope: Scope) -> Any:
        self.parses += 1
        return super().parse(holder, scope)

    def operator(self, op: str, operands: list[Any], scope: Scope, state: _State) -> _State:
        if op == "re":
            self.drawn.append((state.depth, state.ctm))
        return state

    def device_colour(self, op: str, space: DeviceSpace, stroking: bool, operands: list[Any], scope: Scope,
                      state: _State) -> _State:
        self.events.append(("device", op, space, stroking, [float(v) for v in operands]))
        return state

    def colour(self, op: str, stroking: bool, operands: list[Any], pattern: pikepdf.Name | None, scope: Scope,
               state: _State) -> _State:
        self.events.append(("colour", op, stroking, str(pattern) if pattern is not None else None))
        return state

    def malformed(self, op: str, scope: Scope) -> None:
        self.events.append(("malformed", op))

    def out_of_budget(self, scope: Scope) -> None:
        self.events.append(("out of budget", self.budget.exhausted, scope.where))

    def undecodable(self, problem: Undecodable, scope: Scope) -> None:
        self.events.append(("undecodable", problem.filter, problem.reason))

    def form_where(self, scope: Scope, name: str) -> KeyPath:
        return (*scope.where, name)

    def form_loops(self, name: str, where: KeyPath) -> None:
        self.events.append(("loop", where))

    def forms_too_deep(self, name: str, where: KeyPath) -> None:
        self.events.append(("too deep", where))

    def enter_form(self, form: pikepdf.Stream, where: KeyPath, state: _State) -> _State:
        return _State(ctm=state.ctm, depth=state.depth + 1)


def _page(content: bytes, xobjects: dict[str, pikepdf.Object] | None = None) -> tuple[pikepdf.Pdf, pikepdf.Object]:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(100, 100))
    page = pdf.pages[0].obj
    page.Contents = pdf.make_stream(content)
    if xobjects is not None:
        page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(xobjects))
    return pdf, page


def _form(pdf: pikepdf.Pdf, content: bytes, **keys: Any) -> pikepdf.Stream:
    return pdf.make_stream(content, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 10, 10], **keys)


def _run(recorder: _Recorder, page: pikepdf.Object) -> _Recorder:
    recorder.run(page.Contents, Scope(page.get("/Resources"), ("page",)), _State())
    return recorder


def test_q_and_q_restore_the_ctm_and_an_unbalanced_q_is_ignored() -> None:
    _pdf, page = _page(b"q 2 0 0 2 0 0 cm q 1 0 0 1 5 5 cm 0 0 1 1 re Q 0 0 1 1 re Q 0 0 1 1 re Q Q 0 0 1 1 re")
    drawn = [ctm for _depth, ctm in _run(_Recorder(), page).drawn]
    assert drawn == [(2, 0, 0, 2, 10, 10), (2, 0, 0, 2, 0, 0), IDENTITY, IDENTITY]


def test_cm_applies_the_new_matrix_first() -> None:
    # a translation, then a scaling given after it: the scaling acts in the translated space
    _pdf, page = _page(b"1 0 0 1 10 0 cm 2 0 0 2 0 0 cm 0 0 1 1 re")
    ((_depth, ctm),) = _run(_Recorder(), page).drawn
    assert ctm == (2, 0, 0, 2, 10, 0)
    assert transform(ctm, 1, 0) == (12, 0)  # scaled to 2, then moved by 10 (not moved, then scaled: 22)


def test_multiply_applies_its_first_argument_first() -> None:
    scale, shift = (2.0, 0.0, 0.0, 2.0, 0.0, 0.0), (1.0, 0.0, 0.0, 1.0, 10.0, 0.0)
    assert transform(multiply(scale, shift), 1, 0) == transform(shift, *transform(scale, 1, 0)) == (12, 0)
    assert transform(multiply(shift, scale), 1, 0) == transform(scale, *transform(shift, 1, 0)) == (22, 0)


def test_a_malformed_cm_is_reported_and_changes_nothing() -> None:
    _pdf, page = _page(b"1 2 cm 0 0 1 1 re")
    recorder = _run(_Recorder(), page)
    assert recorder.events == [("malformed", "cm")] and recorder.drawn == [(0, IDENTITY)]


def test_a_form_is_drawn_with_its_matrix_inside_the_ctm_and_its_own_resources() -> None:
    pdf, page = _page(b"")
    inner = _form(pdf, b"0 0 1 1 re")
    outer = _form(pdf, b"/I Do", Matrix=[1, 0, 0, 1, 5, 0], Resources=pikepdf.Dictionary(
        XObject=pikepdf.Dictionary(I=inner)))
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(O=outer))
    page.Contents = pdf.make_stream(b"3 0 0 3 0 0 cm /O Do")
    ((depth, ctm),) = _run(_Recorder(), page).drawn
    assert depth == 2 and ctm == (3, 0, 0, 3, 15, 0)  # the form's shift by 5 happens in the page's scale


def test_forms_deeper_than_the_limit_are_not_followed() -> None:
    pdf, page = _page(b"/F Do")
    chain = _form(pdf, b"0 0 1 1 re")
    for _ in range(4):  # five forms, each drawing a rectangle and the next
        chain = _form(pdf, b"0 0 1 1 re /F Do", Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(F=chain)))
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(F=chain))
    recorder = _run(_Recorder(Budget(limits(depth=3))), page)
    assert [depth for depth, _ctm in recorder.drawn] == [1, 2, 3]
    assert recorder.events == [("too deep", ("page", "F", "F", "F", "F"))]
    assert [depth for depth, _ in _run(_Recorder(Budget(limits(depth=5))), page).drawn] == [1, 2, 3, 4, 5]


def test_a_form_inside_itself_is_not_followed_again() -> None:
    pdf, page = _page(b"/F Do")
    form = _form(pdf, b"0 0 1 1 re /F Do")
    form.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(F=form))
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(F=form))
    recorder = _run(_Recorder(), page)
    assert recorder.drawn == [(1, IDENTITY)] and recorder.events == [("loop", ("page", "F", "F"))]


def test_a_form_drawn_many_times_is_parsed_once() -> None:
    pdf, page = _page(b"/F Do /F Do /F Do")
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(F=_form(pdf, b"0 0 1 1 re")))
    recorder = _run(_Recorder(), page)
    assert len(recorder.drawn) == 3 and recorder.parses == 2  # the page's stream and the form's


def test_the_operator_budget_stops_at_exactly_its_size() -> None:
    _pdf, page = _page(b"0 0 1 1 re " * 10)  # each instruction counts with its operands: 5
    recorder = _run(_Recorder(Budget(limits(operators=35))), page)
    assert len(recorder.drawn) == 7 and recorder.events == [("out of budget", "operators", ("page",))]
    assert recorder.budget.exhausted == "operators" and recorder.budget.operators == 35
    assert len(_run(_Recorder(Budget(limits(operators=50))), page).drawn) == 10


def test_an_instruction_costs_its_operands() -> None:
    # one scn of a thousand operands is a thousand: drawn again and again it cannot hide inside a count of one
    _pdf, page = _page(b"0 " * 999 + b"scn 0 0 1 1 re")
    recorder = _run(_Recorder(Budget(limits(operators=1_004))), page)
    assert recorder.drawn == [] and recorder.budget.exhausted == "operators"
    assert len(_run(_Recorder(Budget(limits(operators=1_005))), page).drawn) == 1


def test_forms_multiplying_each_other_share_one_budget() -> None:
    pdf, page = _page(b"/X Do")
    level = _form(pdf, b"0 0 1 1 re")
    for _ in range(5):  # 10^5 rectangles from a few hundred bytes
        level = _form(pdf, b"/X Do " * 10, Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(X=level)))
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(X=level))
    recorder = _run(_Recorder(Budget(limits(operators=500))), page)
    (event,) = recorder.events  # said once, deep inside, and nothing after it runs
    assert event[:2] == ("out of budget", "operators") and len(event[2]) > 3
    assert recorder.budget.exhausted and recorder.budget.operators <= 500 and 0 < len(recorder.drawn) < 100


def test_form_draws_have_their_own_limit() -> None:
    pdf, page = _page(b"/X Do " * 10)
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(X=_form(pdf, b"0 0 1 1 re")))
    recorder = _run(_Recorder(Budget(limits(form_draws=4))), page)
    assert len(recorder.drawn) == 4 and recorder.events == [("out of budget", "form_draws", ("page", "X"))]
    assert recorder.budget.form_draws == 4


def test_a_whole_stream_budget_skips_a_stream_that_does_not_fit() -> None:
    pdf, page = _page(b"0 0 1 1 re /F Do 0 0 1 1 re")  # 5 + 2 + 5
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(F=_form(pdf, b"0 0 1 1 re " * 5)))  # 25
    recorder = _run(_Recorder(Budget(limits(operators=30, whole=True))), page)
    # the page's three instructions fit; the form's five do not, and none of them runs; nor does anything after
    assert recorder.drawn == [(0, IDENTITY)] and recorder.events == [("out of budget", "operators", ("page", "F"))]
    again = _Recorder(budget=recorder.budget)
    assert _run(again, page).drawn == [] and again.events == []  # exhausted for the rest of the document


def test_tokens_are_charged_before_qpdf_parses_them() -> None:
    _pdf, page = _page(b"q Q " * 100 + b"0 0 1 1 re")  # 205 tokens
    recorder = _run(_Recorder(Budget(limits(tokens=204))), page)
    assert recorder.events == [("out of budget", "tokens", ("page",))] and recorder.drawn == []
    assert recorder.budget.tokens == 0  # refused whole: nothing of it was parsed
    assert len(_run(_Recorder(Budget(limits(tokens=205))), page).drawn) == 1


def test_decoded_bytes_are_charged_as_they_are_read() -> None:
    pdf, page = _page(b"")
    page.Contents = pikepdf.Array([pdf.make_stream(b"0 0 1 1 re " * 10), pdf.make_stream(b"0 0 1 1 re " * 10)])
    recorder = _run(_Recorder(Budget(limits(content_bytes=150))), page)  # the first stream (110) fits, not both
    assert recorder.events == [("out of budget", "content_bytes", ("page",))] and recorder.drawn == []
    assert recorder.budget.content_bytes == 110
    assert len(_run(_Recorder(Budget(limits(content_bytes=220))), page).drawn) == 20


def test_a_stream_that_cannot_be_decoded_is_left_out_and_the_rest_is_read() -> None:
    pdf, page = _page(b"")
    jpeg = pdf.make_stream(b"\xff\xd8\xff", Filter=pikepdf.Name.DCTDecode)
    page.Contents = pikepdf.Array([pdf.make_stream(b"0 0 1 1 re"), jpeg, pdf.make_stream(b"0 0 2 2 re")])
    recorder = _run(_Recorder(), page)
    assert recorder.events == [("undecodable", "/DCTDecode", "unsupported")] and len(recorder.drawn) == 2


@pytest.mark.parametrize(("content", "event"), [
    (b"1 0 0 RG", ("device", "RG", "rgb", True, [1.0, 0.0, 0.0])),
    (b"0.5 g", ("device", "g", "gray", False, [0.5])),
    (b"0 0 0 1 k", ("device", "k", "cmyk", False, [0.0, 0.0, 0.0, 1.0])),
    (b"/P0 scn", ("colour", "scn", False, "/P0")),
    (b"0.2 0.4 SC", ("colour", "SC", True, None)),
])
def test_colour_operators_are_told_apart(content: bytes, event: tuple[Any, ...]) -> None:
    _pdf, page = _page(content)
    assert _run(_Recorder(), page).events == [event]
