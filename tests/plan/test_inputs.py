"""Which boards a problem blocks: the indexed lookup gives exactly the one-by-one answer, and stays fast."""

from __future__ import annotations

import time
from typing import Any

from signkit.diagnostics import KeyPath
from signkit.plan.boards import PlannedBoard, plan_boards
from signkit.plan.inputs import ANY, InputIndex, Pattern, board_inputs
from tests.conftest import CHEMICAL, check_data, example_data, leaves


def _naive(path: KeyPath, boards: list[PlannedBoard]) -> list[int]:
    """The definition, board by board and pattern by pattern (what the index must agree with)."""
    def matches(pattern: Pattern) -> bool:
        return all(part == want or (want == ANY and isinstance(part, int))
                   for part, want in zip(path, pattern, strict=False))

    if not path:
        return list(range(len(boards)))
    hit = [i for i, board in enumerate(boards) if any(matches(p) for p in board_inputs(board))]
    if hit:
        return hit
    return [i for i, board in enumerate(boards)
            if len(path) > len(board.source) and path[:len(board.source)] == board.source]


def _site_and_boards(data: dict[str, Any]) -> tuple[Any, list[PlannedBoard]]:
    report = check_data(data)
    assert report.site is not None
    return report.site, plan_boards(report.site)


def test_the_index_agrees_with_the_definition_for_every_path_of_a_real_site() -> None:
    data = example_data(CHEMICAL)
    _, boards = _site_and_boards(data)
    index = InputIndex(boards)
    paths: set[KeyPath] = set()
    for path, _ in leaves(data):
        paths.update(path[:n] for n in range(len(path) + 1))
    paths |= {("岗位", 999, "人数"), ("风险点", "x"), ("未知",), ("输出", "尺寸", "2-4"), ("企业", "不存在的键")}
    assert len(paths) > 150
    for path in sorted(paths, key=str):
        assert index.affected(path) == _naive(path, boards), path


def test_many_problems_in_a_big_plan_cost_linear_time() -> None:
    """400 posts with a problem each: the time per problem does not grow with the plan (the old lookup was quadratic)."""
    def seconds(posts: int) -> float:
        data = example_data(CHEMICAL)
        template = data["岗位"][0]
        data["岗位"] = [{**template, "岗位名称": f"岗位{i}"} for i in range(posts)]
        _, boards = _site_and_boards(data)
        started = time.process_time()  # CPU time: a shared, loaded machine does not inflate it
        for _ in range(5):
            index = InputIndex(boards)
            for i in range(posts):
                index.affected(("岗位", i, "岗位名称"))
        return time.process_time() - started

    small, big = min(seconds(50) for _ in range(3)), min(seconds(400) for _ in range(3))
    assert big / small < 8 * 3, (small, big)  # 8× the work; quadratic would be 64×
