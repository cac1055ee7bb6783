"""One set of type sizes for all the boards of one kind, so that a row of them on a wall looks like one set.

An enterprise hangs its 2-2 boards (one per workplace), its 2-3 boards (one per post)
and its 2-4 boards (one per risk point) side by side.  Laid out each on its own, a post
with two duties gets 24 mm type and its neighbour with twelve gets 11 mm, and the row
looks like odds and ends.  So the boards of each of these 附表 share their type sizes:
every kind of text a layout sets uniformly — labels, values, lists … — gets, on every
board of the 附表, the largest size at which it fits on *every* board, each at its own
size.  The pipeline finds it by laying the siblings out once and taking the smallest
size each kind reached (:func:`signkit.layout.registry.sibling_scales`), then lays every
board out again told those sizes (:attr:`signkit.layout.context.LayoutContext.scales`).

A board whose text does not fit at the legible minimum has no say (it is an error, or
grown with ``--fit grow``); it is the only board that may end up with other sizes, and
that is reported (SK504, :func:`scale_differences`), so nobody is surprised by the odd
one on the wall.  Labels are never set smaller than the values beside them.

The sizes are not part of a board's content hash: they follow from the fonts as much as
from the text, and the content hash must not (:mod:`signkit.layout.stamp`).  They are part
of its build hash, so a file whose sizes changed because a sibling's text did is rebuilt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

#: The 附表 whose boards hang side by side in numbers and share their type sizes.
SHARED_FORMS = frozenset({"2-2", "2-3", "2-4"})

#: What each kind of text is called in a message (Chinese: the user reads it).
KIND_NAMES: dict[str, str] = {
    "label": "标签", "value": "填写内容", "name": "名称", "list": "条目", "level": "风险等级", "notice": "重要提示",
    "footer": "举报电话",
}


@dataclass(frozen=True)
class TypeScale:
    """Type sizes (em, mm) by kind of text ("label", "value", "list" …): a cap a layout sets each kind at.

    A layout told a scale sets each kind at the scale's size when its text fits there
    (shrinking below it only when it must, never below the legible minimum); a kind the
    scale does not name is set as the layout would set it on its own.
    """

    sizes: tuple[tuple[str, float], ...] = ()

    @classmethod
    def of(cls, sizes: Mapping[str, float]) -> TypeScale:
        return cls(tuple(sorted((kind, round(size, 1)) for kind, size in sizes.items())))

    def get(self, kind: str) -> float | None:
        return dict(self.sizes).get(kind)

    def cap(self, kind: str, preferred: float) -> float:
        """``preferred``, or the scale's size for ``kind`` where that is smaller."""
        told = self.get(kind)
        return preferred if told is None else min(preferred, told)

    def as_dict(self) -> dict[str, float]:
        return dict(self.sizes)


#: The scale that tells nothing: every layout sets its own sizes.
NO_SCALE = TypeScale()


def common_scale(boards: Iterable[Mapping[str, float]]) -> TypeScale:
    """The largest size of each kind at which it fits on every board: the smallest any board reached."""
    common: dict[str, float] = {}
    for sizes in boards:
        for kind, size in sizes.items():
            common[kind] = min(size, common.get(kind, size))
    return TypeScale.of(common)


def scale_differences(told: TypeScale, used: Mapping[str, float]) -> list[tuple[str, float, float]]:
    """``(kind, used, told)`` for every kind a board set smaller than its siblings (0.05 mm tolerance)."""
    out: list[tuple[str, float, float]] = []
    for kind, size in sorted(used.items()):
        target = told.get(kind)
        if target is not None and size < target - 0.05:
            out.append((kind, size, target))
    return out


def describe_differences(differences: list[tuple[str, float, float]]) -> str:
    """``条目 8.2 mm（同类牌 12.0 mm）、标签 …``: for SK504's message."""
    return "、".join(f"{KIND_NAMES.get(kind, kind)} {used:.1f} mm（同类牌 {told:.1f} mm）"
                    for kind, used, told in differences)


__all__ = ["KIND_NAMES", "NO_SCALE", "SHARED_FORMS", "TypeScale", "common_scale", "describe_differences",
           "scale_differences"]
