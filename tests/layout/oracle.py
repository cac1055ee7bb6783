"""The oracle of what a board prints, and every board of a site file laid out through ``build_site``.

Shared by the content- and build-hash properties (tests/layout/test_stamp_properties.py) and the
board fields derived from the layouts (tests/plan/test_board_fields.py).  The oracle for "what a board
prints" is the laid-out board itself, fonts fixed: each page's size, background and label, and every
item drawn on it, with only the revision stamp's own hash digits masked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from signkit.diagnostics import KeyPath
from signkit.drawing.items import Board, Text
from signkit.fonts import FontSet
from signkit.layout.stamp import STAMP_PLACEHOLDER
from signkit.pipeline.build import build_site
from signkit.pipeline.check import check_text
from signkit.pipeline.options import RenderOptions
from signkit.plan.board_fields import board_fields
from signkit.render.built import BuiltBoard
from tests.conftest import CHEMICAL, EXAMPLES, SMALL, dump, example_data

BASES: dict[str, dict[str, Any]] = {"chemical": example_data(CHEMICAL), "small": example_data(SMALL)}


#: A board's identity across a mutation: its 附表 and the site-file entry it is made from.
#: (Not the manifest key ``附表|subject``: a 2-4's subject contains its risk level.)
BoardId = tuple[str, KeyPath]


_STAMP_DIGITS = re.compile(r"(内容 )[0-9a-f]{8}")


def printed(board: Board) -> tuple[object, ...]:
    """The oracle: everything ``board`` puts on paper, the stamp's hash digits masked."""
    pages = []
    for page in board.pages:
        items = tuple(replace(item, text=_STAMP_DIGITS.sub(r"\g<1>" + STAMP_PLACEHOLDER, item.text))
                      if isinstance(item, Text) else item for item in page.items)
        pages.append((page.width, page.height, page.background, page.label, items))
    return tuple(pages)


@dataclass(frozen=True)
class Laid:
    built: BuiltBoard
    printed: tuple[object, ...]
    fields: dict[str, str]

    @property
    def content(self) -> str:
        return self.built.board.content_hash

    @property
    def build(self) -> str:
        return self.built.build_hash


def lay_out(data: dict[str, Any], fonts: FontSet, *, render: Callable[[BoardId], bool] = lambda _: False,
            bleed: float | None = None) -> dict[BoardId, Laid] | None:
    """Every board of ``data`` laid out through :func:`build_site`; PDFs only for the boards ``render`` picks.

    ``None`` when the mutated site has errors (the mutation made it invalid: not a hash question).
    """
    report = check_text(dump(data), str(EXAMPLES / "mutated.yaml"))
    if report.site is None or report.source is None or report.errors():
        return None
    site = report.site

    def reuse(planned: Any, _build: str) -> str | None:  # "kept from an earlier run" = not rendered now
        return None if render((planned.form_id, planned.source)) else "not rendered"

    result = build_site(site, report.source, fonts, RenderOptions(bleed=bleed), reuse=reuse)
    if not result.ok:  # a longer text no longer fits (SK501): not a hash question either
        return None
    return {(b.planned.form_id, b.planned.source): Laid(b, printed(b.board), board_fields(site, b.planned))
            for b in result.boards}


def value_at(data: Any, path: KeyPath) -> Any:
    """The value at ``path`` in loaded site-file data."""
    for part in path:
        data = data[part]
    return data


#: The four 风险等级, most severe first.
LEVELS = ("重大", "较大", "一般", "低")
