"""What every form layout receives: the site, its resolved region, the fonts' measurer, the size.

Also the house style shared by the forms (margins, borders, the revision stamp), so
the eight boards look like one family.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from signkit.diagnostics import KeyPath
from signkit.drawing.box import Box
from signkit.drawing.colors import BLACK, GREY, SKY_BLUE, WHITE
from signkit.drawing.frame import Frame, TextStyle
from signkit.drawing.items import Board, Gradient
from signkit.drawing.text import Measurer
from signkit.layout.stamp import STAMP_PLACEHOLDER
from signkit.layout.type_scale import NO_SCALE, TypeScale
from signkit.model.region import ResolvedRegion, resolve_region
from signkit.model.site import Site

GRADIENT = Gradient(SKY_BLUE, WHITE)

#: A board laid out ahead: its 附表, its site-file source, its width, height and scale.
PrelaidKey = tuple[str, KeyPath, float, float, float]


@dataclass(frozen=True)
class LayoutContext:
    site: Site
    measure: Measurer
    gradient: bool = True
    #: The site file's folder: relative sign files and 标志文件夹 are found from here.
    base_dir: Path | None = None
    #: The type sizes the boards of a 附表 share (:mod:`signkit.layout.type_scale`), by 附表; a 附表 not
    #: named here is laid out with the sizes each board would choose on its own.
    scales: Mapping[str, TypeScale] = field(default_factory=dict)
    #: Boards already laid out with exactly these sizes while they were found (not yet stamped), by
    #: :func:`signkit.layout.registry.prelaid_key`: :func:`~signkit.layout.registry.layout_board` uses them.
    prelaid: Mapping[PrelaidKey, tuple[Board, Frame]] = field(default_factory=dict)

    @property
    def region(self) -> ResolvedRegion:
        return resolve_region(self.site.region)

    def scale(self, form_id: str) -> TypeScale:
        """The type sizes the boards of ``form_id`` are told to share (none told: :data:`NO_SCALE`)."""
        return self.scales.get(form_id, NO_SCALE)


def revision_stamp(frame: Frame, ctx: LayoutContext, box: Box, form_id: str, size: float) -> None:
    """A small grey line: which 附表, a short hash of what the board prints, and the data's revision date.

    The hash is not known yet (it covers the whole board); a placeholder of the same
    length is laid out and replaced by :func:`signkit.layout.registry.layout_board`.
    """

    text = f"附表 {form_id} · 内容 {STAMP_PLACEHOLDER} · 修订 {ctx.site.enterprise.revised.isoformat()} · signkit"
    frame.text(text, box, TextStyle("body", size, min(size, 1.5), align="left", color=GREY), ("企业", "修订日期"))


__all__ = ["BLACK", "GRADIENT", "LayoutContext", "PrelaidKey", "TypeScale", "revision_stamp"]
