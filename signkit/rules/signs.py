"""Content rules for 警示标识 and 事故类型 (SK701–SK712), run with the other content rules.

Everything a 2-4 board's sign cell will show is checked before anything is laid out:
each name is in the library (or the office's sign folder), each file exists, is an
image signkit can print and is sharp enough at its printed size, the signs fit the
cell at a legible size, and each listed 事故类型 is one of GB 6441's and has a sign
that warns of it.  Board size comes from 输出.尺寸 (or the 附表's minimum), as the
layout will use it; relative paths start from the site file's folder.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from signkit.art.accidents import ACCIDENT_SIGNS, ACCIDENT_TYPES, AUTO, board_signs, close_types, matching
from signkit.art.catalog import load_library
from signkit.art.place import SignNeed, capacity, min_sign_width, sign_box, sign_need
from signkit.art.sign_files.bitmap import resolution_problem
from signkit.art.sign_files.loader import load_art
from signkit.art.sign_files.results import Art, FileProblem, RasterArt
from signkit.art.sign_files.sources import FileSign, LibrarySign, Resolved, resolve, resolve_path
from signkit.codes import default_severity
from signkit.diagnostics import Diagnostic, KeyPath, Location, Severity
from signkit.drawing.box import Box
from signkit.drawing.text import FontMeasurer, Measurer
from signkit.fonts import resolve_fonts
from signkit.model.site import RiskPoint
from signkit.rules.base import RuleContext
from signkit.spec.forms import FORMS, viewing_distance
from signkit.spec.grids import risk_sign_area
from signkit.spec.sizes import Sizing, board_size, scale_of

#: 2-4 boards are read from about 2 m: what GB 2894's distance / 40 rule and the image resolution are judged at.
_DISTANCE = viewing_distance("2-4")
#: The narrowest a sign may print on a 2-4 board (mm): GB 2894's need; a sign's words may need more.
_SIGN_MIN_WIDTH = min_sign_width(_DISTANCE)
#: The board's legible minimum text size (mm): a sign's text panel is set no smaller.
_MIN_TEXT = FORMS["2-4"].min_text


@functools.cache
def _bundled_measure() -> Measurer:
    """Text measured with signkit's own fonts, for a check run without the user's."""
    return FontMeasurer(resolve_fonts(mode="bundled"))


def _need(ctx: RuleContext, signs: Sequence[Resolved]) -> SignNeed:
    """How wide the board's signs must be, and how many lines their panels take: what the layout will use."""
    return sign_need(signs, ctx.measure or _bundled_measure(), min_text=_MIN_TEXT, floor=_SIGN_MIN_WIDTH)



_FILE_RULES = {"missing": "SK702", "not_image": "SK703", "unsupported": "SK703", "too_large": "SK704",
               "low_resolution": "SK705", "not_vector": "SK706", "encrypted": "SK712", "multi_page": "SK712",
               "external": "SK713"}


def _report_notes(ctx: RuleContext, art: Art, file: str) -> None:
    """Warnings the reader found in a usable sign file, located in that file (line and column of the element)."""
    for note in getattr(art, "notes", ()):
        rule = _FILE_RULES[note.kind]
        ctx.diagnostics.append(Diagnostic(rule, Severity(default_severity(rule)), note.message,
                                          Location(file=file, line=note.line, column=note.column), note.hint))


def _quoted(names: list[str] | tuple[str, ...]) -> str:
    return "、".join(f"「{n}」" for n in names)


def check_signs(ctx: RuleContext) -> None:
    """SK701–SK711: the 警示标识 and 事故类型 of every risk point."""

    site = ctx.site
    base = Path(ctx.source.file).parent
    folder: Path | None = None
    if site.output.sign_folder:
        folder = resolve_path(site.output.sign_folder, base)
        if not folder.is_dir():
            ctx.report("SK711", ("输出", "标志文件夹"),
                       f"标志文件夹「{site.output.sign_folder}」{'不是文件夹' if folder.exists() else '不存在'}",
                       "相对路径从站点文件所在的文件夹算起")
            folder = None
    if not site.risk_points:
        return
    sizing = board_size("2-4", ctx.site.output.size_of("2-4"))
    for index, point in enumerate(site.risk_points):
        _check_point(ctx, index, point, base, folder, sizing)


def _area(width: float, height: float, need: SignNeed) -> tuple[Box, int]:
    """The 2-4 sign cell (inside its padding) of a board this size, and how many signs of ``need`` it takes."""
    area = risk_sign_area(Sizing(width, height, scale_of("2-4", width, height)))
    return area, capacity(area, need.width, need.lines)


def _bigger_board(count: int, width: float, height: float, need: SignNeed) -> tuple[float, float] | None:
    """The smallest enlargement (same proportions, 5 % steps, up to 4×) whose sign cell takes ``count`` signs."""
    for step in range(1, 61):
        factor = 1 + step * 0.05
        if _area(width * factor, height * factor, need)[1] >= count:
            return round(width * factor), round(height * factor)
    return None


def _check_point(ctx: RuleContext, index: int, point: RiskPoint, base: Path, folder: Path | None,
                 size: tuple[float, float]) -> None:

    field: KeyPath = ("风险点", index, "警示标识")
    types: list[str] = []
    for k, accident in enumerate(point.accidents):
        if accident in ACCIDENT_SIGNS:
            types.append(accident)
            continue
        close = close_types(accident)
        hint = f"是否想写{_quoted(close)}？" if close else f"可用的类别：{'、'.join(ACCIDENT_TYPES)}"
        ctx.report("SK709", ("风险点", index, "事故类型", k), f"「{accident}」不是 GB 6441 的事故类别", hint)
    auto_at = point.signs.index(AUTO) if AUTO in point.signs else None
    if auto_at is not None and not types:
        ctx.report("SK710", ctx.item_path(field, auto_at), "警示标识写了「自动」，但没有可据以选用标志的事故类型",
                   f"请在「事故类型」中列出 GB 6441 的事故类别，如 触电、火灾；可用：{'、'.join(ACCIDENT_TYPES)}")

    named = [entry for entry in point.signs if entry != AUTO]
    need = _need(ctx, [resolve(entry, base=base, folder=folder) for entry in named])
    area, room = _area(*size, need)
    if len(named) > room:
        bigger = _bigger_board(len(named), *size, need)
        hint = "请只留下最要紧的几个标志"
        if bigger:
            hint += f"，或在 输出.尺寸 中把 2-4 做到至少 {bigger[0]}×{bigger[1]} mm"
        why = (f"标志下的文字要 {_MIN_TEXT:g} mm 高，{_DISTANCE:g} m 外才看得清，每个标志就要 {need.width:g} mm 宽"
               if need.width > _SIGN_MIN_WIDTH else f"每个至少 {_SIGN_MIN_WIDTH:g} mm 宽，{_DISTANCE:g} m 外才认得出")
        ctx.report("SK707", field,
                   f"警示标识有 {len(named)} 个，{size[0]:.0f}×{size[1]:.0f} mm 的告知牌上警示标识格最多放 {room} 个"
                   f"（{why}）", hint)

    entries = board_signs(point.signs, types, room)
    box = sign_box(area, min(len(entries), room), need.width, need.lines)
    printed: set[str] = set()
    for entry, at in entries:
        path = ctx.item_path(field, at)
        resolved = resolve(entry, base=base, folder=folder)
        if isinstance(resolved, LibrarySign):
            printed.add(resolved.spec.name)
        elif isinstance(resolved, FileSign):
            art = load_art(resolved.path)
            if isinstance(art, RasterArt) and box is not None:
                art = resolution_problem(art, box, _DISTANCE) or art
            if isinstance(art, FileProblem):
                ctx.report(_FILE_RULES[art.kind], path, art.message, art.hint)
            else:
                _report_notes(ctx, art, str(resolved.path))
            usable = not isinstance(art, FileProblem) or art.kind == "low_resolution"
            if resolved.name and usable:
                printed.add(resolved.name)
        else:
            own = f"或把自己的标志图放进标志文件夹，命名为「{entry}.svg」（或 .pdf、.png）"
            hint = (f"是否想写{_quoted(resolved.close)}？{own}" if resolved.close
                    else f"signkit signs 列出全部 {len(load_library())} 个标志；{own}")
            ctx.report("SK701", path, f"警示标识「{entry}」不在标志库中", hint)

    for k, accident in enumerate(point.accidents):
        wanted = matching(accident)
        if wanted and not printed.intersection(wanted):
            ctx.report("SK708", ("风险点", index, "事故类型", k),
                       f"事故类型「{accident}」没有对应的警示标识（建议：{'、'.join(wanted)}）",
                       "在「警示标识」中加上建议的标志，或加一项「自动」由 signkit 选用")
