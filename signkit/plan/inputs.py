"""Which parts of the site file each planned board is made from, so that a problem blocks only the boards it touches.

A post whose duties are not written yet cannot have its 员工岗位责任牌 (2-3); its
岗位风险告知卡 (2-5) and the 企业安全生产责任牌 (2-2) that names it are unaffected, and the
government's 2-1 board certainly is.  Every diagnostic carries the key path of what it
is about; a board is blocked by it when that path is one of the board's inputs, lies
inside one, or contains one.  The inputs are listed per 附表 here, as key-path patterns
(``*`` stands for any list position): what the board prints, and what decides how it is
made (the 风险等级 of every risk point decides between 2-1-1 and 2-1-2, a card's 人数
how many are printed, 输出.尺寸 its size).

A path that matches no board's inputs is about something no board prints (a leader's
职务, checked against 挂牌说明 but printed nowhere) — unless it lies inside the part of
the file a board is made from, as an unknown key inside one post does: then it blocks
that part's boards.  A diagnostic with no path at all (the file cannot be read) blocks
every board.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from signkit.diagnostics import KeyPath
from signkit.plan.boards import PlannedBoard

#: Any list position in a pattern.
ANY = "*"

Pattern = tuple[str | int, ...]

#: What every board is made from: the enterprise's name names its folder, the revision date is printed in every
#: stamp, and 输出 shapes every board.
_EVERY: tuple[Pattern, ...] = (("企业", "企业名称"), ("企业", "修订日期"), ("输出", "渐变背景"), ("输出", "裁切标记"))
#: The 2-1 boards: the enterprise's identity, the whole 监管责任 section, the 监制 line, and every risk level
#: (which decides 2-1-1 or 2-1-2, and which leaders 挂牌说明 asks for).
_SUPERVISION: tuple[Pattern, ...] = (
    ("企业", "企业名称"), ("企业", "企业主要负责人"), ("企业", "所属行业"), ("企业", "市级直接监管"),
    ("监管责任",), ("地区", "城市"), ("地区", "县区"), ("地区", "监制单位"), ("风险点", ANY, "风险等级"),
)
_BULLETIN: tuple[Pattern, ...] = (("地区", "城市"), ("地区", "市级举报渠道"), ("地区", "县级举报渠道"), ("地区", "举报网址"))


def board_inputs(planned: PlannedBoard) -> tuple[Pattern, ...]:
    """The key-path patterns ``planned`` is made from (its own part of the file, and what it shares)."""
    form = planned.form_id
    own: tuple[Pattern, ...] = (
        *_EVERY, ("输出", "尺寸", form), ("输出", "出血", form), ("输出", "份数", form))
    index = planned.source[1] if len(planned.source) > 1 else None
    if form == "2-1-1":  # it prints the 重大 risk points' names too
        return (*own, *_SUPERVISION, ("企业", "分管负责人"), ("风险点", ANY, "风险点名称"))
    if form == "2-1-2":
        return (*own, *_SUPERVISION, ("企业", "安全管理人员"))
    if form in ("2-6", "2-7"):
        return (*own, *_BULLETIN)
    assert isinstance(index, int), planned
    if form == "2-2":
        return (*own, ("工作场所", index))
    if form == "2-3":
        return (*own, ("岗位", index, "岗位名称"), ("岗位", index, "岗位安全生产责任"))
    if form == "2-5":
        return (*own, ("岗位", index, "岗位名称"), ("岗位", index, "人数"), ("岗位", index, "岗位安全风险"),
                ("岗位", index, "应急处置及管控措施"), ("岗位", index, "救援电话"), ("企业", "企业应急电话"))
    assert form == "2-4", form
    return (*own, ("风险点", index), ("企业", "企业监督举报电话"), ("企业", "风险信息网址"), ("输出", "标志文件夹"))


def _matches(path: KeyPath, pattern: Pattern) -> bool:
    """Whether ``path`` lies inside ``pattern`` or contains it (one is a prefix of the other; ``*`` is any index)."""
    return all(part == want or (want == ANY and isinstance(part, int)) for part, want in zip(path, pattern, strict=False))


def _source_holds(path: KeyPath, source: KeyPath) -> bool:
    """Whether ``path`` lies inside ``source``, the part of the file a board is made from (a post, a workplace …)."""
    return len(path) > len(source) and path[:len(source)] == source


class InputIndex:
    """The inputs of every board of a plan, indexed by their first two keys, so a problem finds its boards at once.

    Checking every diagnostic against every pattern of every board is quadratic: a
    workbook of 400 posts with an error in each (800 boards, 15 patterns each) took
    minutes.  Here a path looks only at the patterns that share its first key and,
    where both have one, its second (a list position, ``*`` or a name); the work per
    diagnostic is the handful of patterns that could match.
    """

    def __init__(self, boards: Sequence[PlannedBoard]) -> None:
        self.boards = list(boards)
        self._by_head: dict[tuple[str | int, str | int | None], list[tuple[Pattern, int]]] = {}
        self._by_first: dict[str | int, list[tuple[Pattern, int]]] = {}
        self._sources: dict[str | int, list[tuple[KeyPath, int]]] = {}
        for position, board in enumerate(self.boards):
            for pattern in board_inputs(board):
                head = (pattern[0], pattern[1] if len(pattern) > 1 else None)
                self._by_head.setdefault(head, []).append((pattern, position))
                self._by_first.setdefault(pattern[0], []).append((pattern, position))
            if board.source:
                self._sources.setdefault(board.source[0], []).append((board.source, position))

    def _candidates(self, path: KeyPath) -> list[tuple[Pattern, int]]:
        if len(path) == 1:  # a whole section: every pattern inside it
            return self._by_first.get(path[0], [])
        first, second = path[0], path[1]
        found = [*self._by_head.get((first, None), []), *self._by_head.get((first, second), [])]
        if isinstance(second, int):
            found += self._by_head.get((first, ANY), [])
        return found

    def affected(self, path: KeyPath, forms: Iterable[str] = ()) -> list[int]:
        """Positions of the boards a problem at ``path`` blocks.

        ``forms`` names 附表 whose every board the problem blocks, whatever its path (a
        configured sign folder that does not exist blocks the 2-4 boards).
        """
        chosen = set(forms)
        if chosen:
            return [i for i, board in enumerate(self.boards) if board.form_id in chosen]
        if not path:
            return list(range(len(self.boards)))
        hit = sorted({position for pattern, position in self._candidates(path) if _matches(path, pattern)})
        if hit:
            return hit
        return sorted({position for source, position in self._sources.get(path[0], []) if _source_holds(path, source)})


def affected(path: KeyPath, boards: Sequence[PlannedBoard], forms: Iterable[str] = ()) -> list[int]:
    """Positions in ``boards`` of the boards a problem at ``path`` blocks (one question; see :class:`InputIndex`)."""
    return InputIndex(boards).affected(path, forms)
