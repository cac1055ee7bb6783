"""Finding ``# signkit: ignore[…]`` comments: only real comments, with their positions."""

from __future__ import annotations

from signkit.load.suppress import find_suppressions

TEXT = """\
企业:
  企业名称: 某公司  # signkit: ignore[SK218, sk219]
  地址: "一区 # signkit: ignore[SK218]"
  备注: 1#signkit:ignore[SK218]
  说明: |
    # signkit: ignore[SK218]
  # signkit: ignore[SK220]
  岗位: 焊工
  # signkit: ignore

  其他: x
"""


def test_only_comments_count_with_their_target_lines() -> None:
    found = find_suppressions(TEXT)
    assert [(s.line, s.column, s.rules, s.target, s.own_line) for s in found] == [
        (2, 14, ("SK218", "SK219"), 2, False),
        (7, 3, ("SK220",), 8, True),
        (9, 3, (), None, True),  # bare, and followed by a blank line: applies to nothing
    ]


def test_text_without_the_directive_is_not_scanned() -> None:
    assert find_suppressions("企业:\n  企业名称: x  # 注释\n") == []
    assert find_suppressions("a: \"b\n# signkit: ignore[SK218]\n") == []  # does not scan as YAML: nothing trusted
