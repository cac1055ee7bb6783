"""Property-based: the content hash follows what a board prints, the build hash follows its file (issue 7, item 6).

The oracle for "what a board prints" is the laid-out board itself, fonts fixed: each
page's size, background and label, and every item drawn on it — each line of text with
its position, size, colour and spacing, every rule and box, the sign and QR-code paths —
with only the revision stamp's own hash digits masked (they are the thing under test).
Two boards with equal oracles print the same; a change anywhere in the oracle is
something a reader of the board can see.

Over random one-field mutations of both examples (a leader's name, a duty or risk item,
a risk level, a phone number, a board size or background, a template variable of 2-1 / 2-6 / 2-7, the
report QR address, fields that no board prints, output options, no-ops), for every board:

* its content hash changes if and only if its oracle changes, and then its fields (what
  ``signkit diff`` prints as the reason) name the mutated key — with one exception by
  design: a 2-2, 2-3 or 2-4 board whose only change is the type size its set of boards
  shares (a sibling's text got longer; :mod:`signkit.layout.type_scale`) says the same
  thing in other sizes, so it keeps its content hash (sizes follow from the fonts too)
  while its build hash changes;
* its build hash changes if and only if its content hash does, or an output option that
  shapes the file does, or its set's type sizes do; and, on a sample rendered for real,
  if and only if the PDF bytes differ.

A signkit upgrade or another font changes every build hash and the bytes, never a content
hash.  So does a new 企业.修订日期: the one printed field the content hash leaves out on
purpose (it dates the hash in the revision stamp; see :mod:`signkit.layout.stamp`), so no
mutation here touches it.  Former blind spots of the hash (a space inside a name, text
moved between cells) are pinned at the end.  That the board fields are exactly what each
board prints is derived from the same layouts in tests/plan/test_board_fields.py; the oracle and
the layouts are in tests/layout/oracle.py.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from signkit.diagnostics import KeyPath, format_path
from signkit.drawing.items import Text
from signkit.fonts import FontSet, resolve_fonts
from signkit.layout.type_scale import SHARED_FORMS
from signkit.pipeline.reprint import changed_fields
from signkit.spec.sizes import default_size
from tests.conftest import leaves, set_version
from tests.layout.oracle import BASES, LEVELS, BoardId, Laid, lay_out, value_at

PROPERTY = settings(max_examples=5, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
RENDERING = settings(max_examples=2, deadline=None, derandomize=True, database=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

_BASE_LAYOUTS: dict[tuple[str, int], dict[BoardId, Laid]] = {}
_BASE_PDFS: dict[tuple[str, int, BoardId], bytes] = {}


def base_layout(name: str, fonts: FontSet) -> dict[BoardId, Laid]:
    key = (name, id(fonts))
    if key not in _BASE_LAYOUTS:
        laid = lay_out(BASES[name], fonts)
        assert laid is not None, f"examples/{name} must be valid"
        _BASE_LAYOUTS[key] = laid
    return _BASE_LAYOUTS[key]


def pdf_of(data: dict[str, Any], fonts: FontSet, board: BoardId, **options: Any) -> bytes:
    """The bytes ``build_site`` renders for one board of ``data``."""
    laid = lay_out(data, fonts, render=lambda b: b == board, **options)
    assert laid is not None and board in laid
    assert laid[board].built.pdf, "the board was rendered"
    return laid[board].built.pdf


def base_pdf(name: str, fonts: FontSet, board: BoardId) -> bytes:
    key = (name, id(fonts), board)
    if key not in _BASE_PDFS:
        _BASE_PDFS[key] = pdf_of(BASES[name], fonts, board)
    return _BASE_PDFS[key]


# ---------------------------------------------------------------------------------------------------------------
# Mutations: one field of one example, with what is expected of the print as a whole
# ---------------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Mutation:
    example: str
    kind: str
    #: The key path changed (under 输出 for sizes, background and options: not a printed field).
    path: KeyPath
    value: Any
    #: True: some board must print differently; False: no board may; None: it depends on the board plan.
    printed: bool | None
    #: Forms whose file an output option reshapes without changing what they print (bleed, crop marks); "*": all.
    shapes: tuple[str, ...] = ()

    def reshapes(self, board: BoardId) -> bool:
        return "*" in self.shapes or board[0] in self.shapes

    def apply(self) -> dict[str, Any]:
        data = copy.deepcopy(BASES[self.example])
        target: Any = data
        for part in self.path[:-1]:
            if isinstance(target, dict) and part not in target:
                target[part] = {}
            target = target[part]
        target[self.path[-1]] = self.value
        return data


NAME_KEYS = {"姓名", "具体责任人", "企业主要负责人", "场所主要负责人", "企业分管安全领导", "责任领导", "负责人", "责任人",
             "管控责任人", "分管负责人", "安全管理人员"}
#: Printed on one variant of 2-1 only (2-1-1 prints 分管负责人, 2-1-2 安全管理人员).
DEPENDS_ON_FORM = {"分管负责人", "安全管理人员"}
TEXT_LISTS = {"岗位安全生产责任", "岗位安全风险", "应急处置及管控措施", "风险及可能造成的危害", "事故诱因", "管控措施",
              "应急处置措施", "重要提示"}
NAME_CHARS = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董程曹袁邓许沈彭吕苏卢蒋蔡丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭"\
             "文伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红"
TEXT_CHARS = "安全生产检查设备阀门管道压力操作人员作业现场防护隔离报警巡检记录维修停机断电通风灭火疏散撤离救援立即及时严禁不得必须每班"
def _paths(example: str, wanted: Callable[[KeyPath, Any], bool]) -> list[KeyPath]:
    return [path for path, value in leaves(BASES[example]) if wanted(path, value)]


def _is_name(path: KeyPath, value: Any) -> bool:
    last = path[-1]
    return isinstance(value, str) and (last in NAME_KEYS or (isinstance(last, int) and path[-2] == "带班领导"))


def _is_list_text(path: KeyPath, value: Any) -> bool:
    return isinstance(value, str) and len(path) >= 2 and path[-2] in TEXT_LISTS and len(value) >= 4


def _is_phone(path: KeyPath, value: Any) -> bool:
    return isinstance(value, str) and path[-1] in ("企业监督举报电话", "企业应急电话", "救援电话", "电话")


@st.composite
def leader_names(draw: st.DrawFn, example: str) -> Mutation:
    path = draw(st.sampled_from(_paths(example, _is_name)))
    old = value_at(BASES[example], path)
    new = draw(st.text(NAME_CHARS, min_size=2, max_size=4).filter(lambda name: name != old))
    depends = path[-1] in DEPENDS_ON_FORM
    return Mutation(example, "name", path, new, None if depends else True)


@st.composite
def text_edits(draw: st.DrawFn, example: str) -> Mutation:
    """One character replaced, inserted or deleted in a duty, risk, measure or notice item."""
    path = draw(st.sampled_from(_paths(example, _is_list_text)))
    old: str = value_at(BASES[example], path)
    # never a space: one that lands where a line breaks does not print, yet changes the hash, which must not
    # depend on where lines break (spaces are covered by test_space_inside_a_name_changes_the_content_hash)
    where = draw(st.sampled_from([i for i, c in enumerate(old) if not c.isspace()]))
    char = draw(st.sampled_from(TEXT_CHARS).filter(lambda c: c != old[where]))
    new = draw(st.sampled_from([old[:where] + char + old[where + 1:], old[:where] + char + old[where:],
                                old[:where] + old[where + 1:]]))
    return Mutation(example, "text", path, new, True)


@st.composite
def risk_levels(draw: st.DrawFn, example: str) -> Mutation:
    index = draw(st.integers(0, len(BASES[example]["风险点"]) - 1))
    old = BASES[example]["风险点"][index]["风险等级"]
    new = draw(st.sampled_from([level for level in LEVELS if level != old]))
    return Mutation(example, "level", ("风险点", index, "风险等级"), new, True)


@st.composite
def phones(draw: st.DrawFn, example: str) -> Mutation:
    path = draw(st.sampled_from(_paths(example, _is_phone)))
    return Mutation(example, "phone", path, f"0350-{draw(st.integers(2000000, 8999999))}", True)


@st.composite
def sizes(draw: st.DrawFn, example: str) -> Mutation:
    """输出.尺寸 of one 附表: its minimum size written out (no change) or a proportional enlargement;
    or 输出.渐变背景 (the background of 2-3, 2-4, 2-5)."""
    if draw(st.integers(0, 3)) == 0:
        gradient = draw(st.sampled_from(["是", "否"]))
        return Mutation(example, "size", ("输出", "渐变背景"), gradient, gradient == "否")
    form = draw(st.sampled_from(["2-2", "2-3", "2-4", "2-5", "2-6", "2-7"]))
    factor = draw(st.sampled_from([1.0, 1.2, 1.5]))
    width, height = default_size(form)
    current = BASES[example].get("输出", {}).get("尺寸", {}).get(form)
    text = f"{round(width * factor)}×{round(height * factor)}"
    unchanged = (current is None and factor == 1.0) or current == text
    return Mutation(example, "size", ("输出", "尺寸", form), text, not unchanged)


@st.composite
def wording_variables(draw: st.DrawFn, example: str) -> Mutation:
    """Variables of the fixed wording: the 2-1 监制 line, the county channel of 2-6 / 2-7, the QR address."""
    choice = draw(st.sampled_from(["监制单位", "电话", "来信地址", "邮编", "网站", "举报网址"]))
    suffix = draw(st.text(TEXT_CHARS, min_size=1, max_size=3))
    if choice == "监制单位":
        return Mutation(example, "wording", ("地区", "监制单位"), f"忻州市{suffix}委员会", True)
    if choice == "举报网址":
        tail = draw(st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=6))
        return Mutation(example, "wording", ("地区", "举报网址"), f"https://jubao.example.org/{tail}", True)
    channel = ("地区", "县级举报渠道")
    old = BASES[example]["地区"].get("县级举报渠道", {}).get(choice)
    value = {"电话": f"0350-{draw(st.integers(2000000, 8999999))}", "来信地址": f"{suffix}路{draw(st.integers(1, 99))}号",
             "邮编": f"03{draw(st.integers(1000, 9999))}", "网站": f"www.example.org/{draw(st.integers(1, 999))}"}[choice]
    assume(value != old)
    return Mutation(example, "wording", (*channel, choice), value, True)


@st.composite
def unprinted(draw: st.DrawFn, example: str) -> Mutation:
    """Fields no board prints: a leader's 职务, a post's 人数, where a risk point is, the county, copies, bleed, marks."""
    data = BASES[example]
    choice = draw(st.sampled_from(["职务", "人数", "所在工作场所", "县区", "份数", "出血", "裁切标记"]))
    if choice == "职务":
        path = draw(st.sampled_from(_paths(example, lambda p, v: isinstance(v, str) and p[-1] == "职务")))
        return Mutation(example, "unprinted", path, value_at(data, path) + draw(st.sampled_from(["（兼）", "（主持工作）"])), False)
    if choice == "人数":
        index = draw(st.integers(0, len(data["岗位"]) - 1))
        old = int(data["岗位"][index]["人数"])
        return Mutation(example, "unprinted", ("岗位", index, "人数"), str(draw(st.integers(1, 60).filter(lambda n: n != old))),
                        False)
    if choice == "所在工作场所":
        index = draw(st.integers(0, len(data["风险点"]) - 1))
        names = [w["名称"] for w in data["工作场所"]]
        return Mutation(example, "unprinted", ("风险点", index, "所在工作场所"), draw(st.sampled_from(names)), False)
    if choice == "县区":
        return Mutation(example, "unprinted", ("地区", "县区"), data["地区"]["县区"] + "甲", False)
    form = draw(st.sampled_from(["2-2", "2-3", "2-4", "2-6"]))
    if choice == "份数":
        return Mutation(example, "unprinted", ("输出", "份数", form), str(draw(st.integers(2, 5))), False)
    if choice == "出血":
        return Mutation(example, "unprinted", ("输出", "出血", form), str(draw(st.sampled_from([2, 3, 5]))), False,
                        shapes=(form,))
    return Mutation(example, "unprinted", ("输出", "裁切标记"), "是", False, shapes=("*",))


@st.composite
def no_ops(draw: st.DrawFn, example: str) -> Mutation:
    """A field rewritten with the value it already has."""
    path = draw(st.sampled_from([p for p, v in leaves(BASES[example]) if isinstance(v, str)]))
    return Mutation(example, "no-op", path, value_at(BASES[example], path), False)


Kind = Callable[[str], st.SearchStrategy[Mutation]]
KINDS: dict[str, Kind] = {"name": leader_names, "text": text_edits, "level": risk_levels, "phone": phones, "size": sizes,
                          "wording": wording_variables, "unprinted": unprinted, "no-op": no_ops}


def mutations(kind: str) -> st.SearchStrategy[Mutation]:
    """Mutations of one kind, of either example (each kind is a test case of its own, so none goes untried)."""
    return st.sampled_from(sorted(BASES)).flatmap(KINDS[kind])


def _compare(mutation: Mutation, fonts: FontSet) -> tuple[dict[BoardId, Laid], dict[BoardId, Laid], set[BoardId]]:
    before = base_layout(mutation.example, fonts)
    after = lay_out(mutation.apply(), fonts)
    event(f"{mutation.kind}: {'invalid' if after is None else 'valid'}")
    assume(after is not None)  # the mutation made the site invalid (e.g. the only 重大 point of a 2-1-1 lowered)
    assert after is not None
    return before, after, before.keys() & after.keys()


# ---------------------------------------------------------------------------------------------------------------
# The properties
# ---------------------------------------------------------------------------------------------------------------

def _type_sizes(laid: Laid) -> list[set[float]]:
    """Each page's type sizes."""
    return [{item.size for item in page.items if isinstance(item, Text)} for page in laid.built.board.pages]


def restyled(before: dict[BoardId, Laid], after: dict[BoardId, Laid], boards: set[BoardId]) -> set[BoardId]:
    """Of ``boards``, those printed in other type sizes with the very same wording: their set's shared sizes changed."""
    return {b for b in boards if b[0] in SHARED_FORMS
            and [p.texts for p in before[b].built.board.pages] == [p.texts for p in after[b].built.board.pages]
            and _type_sizes(before[b]) != _type_sizes(after[b])}


@pytest.mark.parametrize("kind", KINDS)
@PROPERTY
@given(data=st.data())
def test_content_hash_changes_exactly_when_the_print_does(bundled_fonts: FontSet, kind: str, data: st.DataObject) -> None:
    mutation = data.draw(mutations(kind))
    before, after, common = _compare(mutation, bundled_fonts)
    print_changed = {b for b in common if before[b].printed != after[b].printed}
    hash_changed = {b for b in common if before[b].content != after[b].content}
    resized = restyled(before, after, print_changed - hash_changed)
    assert hash_changed == print_changed - resized, mutation

    plan_changed = before.keys() != after.keys()
    if mutation.printed is True:
        assert print_changed or plan_changed, f"{mutation} should change what some board prints"
    elif mutation.printed is False:
        assert not print_changed and not plan_changed, f"{mutation} should change no board"

    if mutation.path[0] != "输出":
        key = format_path(mutation.path)
        for board in print_changed:  # the reprint list's reason names the key the user changed
            reasons = changed_fields(before[board].fields, after[board].fields)
            assert any(reason.startswith(f"{key}：") for reason in reasons), (board, reasons)

    for board in common:  # same fonts, same options: the file follows the content, the option that shapes it, the sizes
        changed = board in hash_changed or board in resized or mutation.reshapes(board)
        assert (before[board].build != after[board].build) == changed, board


def _sample_boards(data: st.DataObject, before: dict[BoardId, Laid], after: dict[BoardId, Laid]) -> list[BoardId]:
    """One board whose build hash changed and one whose did not (where there are such boards)."""
    common = sorted(before.keys() & after.keys(), key=repr)
    changed = [b for b in common if before[b].build != after[b].build]
    same = [b for b in common if before[b].build == after[b].build]
    return [data.draw(st.sampled_from(group)) for group in (changed, same) if group]


@pytest.mark.parametrize("kind", KINDS)
@RENDERING
@given(data=st.data())
def test_build_hash_changes_exactly_when_the_pdf_does(bundled_fonts: FontSet, kind: str, data: st.DataObject) -> None:
    mutation = data.draw(mutations(kind))
    before, after, _ = _compare(mutation, bundled_fonts)
    mutated = mutation.apply()
    for board in _sample_boards(data, before, after):
        old_pdf = base_pdf(mutation.example, bundled_fonts, board)
        new_pdf = pdf_of(mutated, bundled_fonts, board)
        assert (old_pdf != new_pdf) == (before[board].build != after[board].build), (board, mutation)


def test_same_input_same_hashes_and_same_bytes(bundled_fonts: FontSet) -> None:
    first, second = lay_out(BASES["small"], bundled_fonts), lay_out(copy.deepcopy(BASES["small"]), bundled_fonts)
    assert first is not None and second is not None
    assert {b: (v.content, v.build) for b, v in first.items()} == {b: (v.content, v.build) for b, v in second.items()}
    board = next(b for b in first if b[0] == "2-5")
    assert pdf_of(BASES["small"], bundled_fonts, board) == base_pdf("small", bundled_fonts, board)


def test_an_upgrade_changes_every_build_hash_and_no_content_hash(bundled_fonts: FontSet,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    before = base_layout("small", bundled_fonts)
    board = next(b for b in before if b[0] == "2-3")
    old_pdf = base_pdf("small", bundled_fonts, board)
    set_version(monkeypatch, "99.0.0")  # read by the build hash at call time
    after = lay_out(BASES["small"], bundled_fonts)
    assert after is not None and after.keys() == before.keys()
    assert all(after[b].content == before[b].content for b in before)
    assert all(after[b].build != before[b].build for b in before)
    assert pdf_of(BASES["small"], bundled_fonts, board) != old_pdf


def _other_body_font() -> FontSet:
    """The bundled title face used as the body face too: other glyphs, other line breaks."""
    bundled = resolve_fonts(mode="bundled")
    title = bundled.primary("title")
    other = resolve_fonts(mode="system", body=f"{title.path}#{title.face_index}", title=str(title.path),
                          env={}, search_dirs=[], use_fc_list=False)
    assert other.primary("body").family != bundled.primary("body").family
    return other


def test_another_font_changes_the_build_hash_and_no_content_hash(bundled_fonts: FontSet) -> None:
    other = _other_body_font()
    before, after = base_layout("small", bundled_fonts), lay_out(BASES["small"], other)
    assert after is not None and after.keys() == before.keys()
    assert any(after[b].printed != before[b].printed for b in before), "the other face sets the text differently"
    assert all(after[b].content == before[b].content for b in before)
    for board in before:  # every board embeds a different face set, so every file is rebuilt
        assert before[board].built.fonts != after[board].built.fonts
        assert after[board].build != before[board].build
    board = next(b for b in before if b[0] == "2-5")
    assert pdf_of(BASES["small"], other, board) != base_pdf("small", bundled_fonts, board)


def test_bleed_from_the_command_line_changes_the_build_hash_only(bundled_fonts: FontSet) -> None:
    before, after = base_layout("small", bundled_fonts), lay_out(BASES["small"], bundled_fonts, bleed=5.0)
    assert after is not None
    assert all(after[b].content == before[b].content and after[b].build != before[b].build for b in before)
    board = next(b for b in before if b[0] == "2-4")
    assert pdf_of(BASES["small"], bundled_fonts, board, bleed=5.0) != base_pdf("small", bundled_fonts, board)


# ---------------------------------------------------------------------------------------------------------------
# Former blind spots (fixed library bugs): the print and the file change, so must the hashes
# ---------------------------------------------------------------------------------------------------------------

def _revision_date_changed() -> dict[str, Any]:
    data = copy.deepcopy(BASES["small"])
    data["企业"]["修订日期"] = "2031-12-31"
    assert data["企业"]["修订日期"] != BASES["small"]["企业"]["修订日期"]
    return data


def _space_in_a_name() -> dict[str, Any]:
    """刘燕 → 刘 燕: a visible gap on the 2-1 board."""
    data = copy.deepcopy(BASES["small"])
    dept = data["监管责任"]["安全监管部门"]
    dept["具体责任人"] = f"{dept['具体责任人'][0]} {dept['具体责任人'][1:]}"
    return data


def _name_moved_between_cells() -> dict[str, Any]:
    """带班领导 [段海军, 智国栋] → [段海, 军智国栋]: two different names in the two cells of the 2-2 board."""
    data = copy.deepcopy(BASES["small"])
    first, second = data["工作场所"][0]["带班领导"][:2]
    data["工作场所"][0]["带班领导"][:2] = [first[:-1], first[-1] + second]
    return data


BLIND_SPOTS = {
    "revision-date": (_revision_date_changed, ("2-5", ("岗位", 0))),
    "space-in-name": (_space_in_a_name, ("2-1-2", ("监管责任",))),
    "name-between-cells": (_name_moved_between_cells, ("2-2", ("工作场所", 0))),
}


@pytest.mark.parametrize("case", sorted(BLIND_SPOTS))
def test_blind_spots_do_print_differently(bundled_fonts: FontSet, case: str) -> None:
    """The premise of the tests below: these mutations change the board and its PDF."""
    make, board = BLIND_SPOTS[case]
    after = lay_out(make(), bundled_fonts)
    assert after is not None and board in after
    assert after[board].printed != base_layout("small", bundled_fonts)[board].printed
    assert pdf_of(make(), bundled_fonts, board) != base_pdf("small", bundled_fonts, board)


def test_revision_date_change_rebuilds_every_file_and_reprints_nothing(bundled_fonts: FontSet) -> None:
    """企业.修订日期 is printed in every board's stamp, beside the content hash it dates.

    Decided: a new date rebuilds every file (the board prints the new date, so the
    file must say it: a rerun must not keep PDFs with the old one) but changes no
    content hash (the stamp is there to compare the content hash; a new date alone is
    no reason to pay for a reprint).
    """
    before, after = base_layout("small", bundled_fonts), lay_out(_revision_date_changed(), bundled_fonts)
    assert after is not None and after.keys() == before.keys()
    assert [b for b in before if after[b].build == before[b].build] == []
    assert [b for b in before if after[b].content != before[b].content] == []


def test_space_inside_a_name_changes_the_content_hash(bundled_fonts: FontSet) -> None:
    make, board = BLIND_SPOTS["space-in-name"]
    after = lay_out(make(), bundled_fonts)
    assert after is not None
    assert after[board].content != base_layout("small", bundled_fonts)[board].content


def test_text_moved_between_cells_changes_the_content_hash(bundled_fonts: FontSet) -> None:
    make, board = BLIND_SPOTS["name-between-cells"]
    after = lay_out(make(), bundled_fonts)
    assert after is not None
    assert after[board].content != base_layout("small", bundled_fonts)[board].content
