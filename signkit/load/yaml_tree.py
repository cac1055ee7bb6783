"""YAML text → plain Python data, keeping the line and column of every node.

Why not ``yaml.safe_load``: it forgets positions, silently keeps the last of two
duplicate keys, expands aliases without limit ("billion laughs") and applies YAML
1.1's implicit typing (``0350`` becomes the octal number 232, ``12:30`` a
sexagesimal integer).  Here PyYAML only *parses* (events; no object construction at
all, so no code can run); :mod:`signkit.load.builder` builds the data itself:

* every scalar stays the text the user typed (or ``None`` for an empty value), and
  pydantic's lax mode turns text into numbers, dates and booleans where the model
  asks for them — phone numbers keep their leading zeros;
* a :class:`SourceMap` records where each key and value starts;
* alias expansion is budgeted in proportion to the file's size (:func:`node_budget`),
  nesting depth is capped, and both are checked before the cost is paid.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from signkit.diagnostics import Diagnostic, Location, Severity
from signkit.load.builder import MAX_DEPTH, Builder, LoadLimit, node_budget
from signkit.load.sourcemap import SourceMap

__all__ = ["MAX_DEPTH", "ParsedYaml", "SourceMap", "node_budget", "parse_yaml"]


@dataclass
class ParsedYaml:
    """The outcome of parsing: data (``None`` on failure), its source map, diagnostics."""

    data: Any
    source: SourceMap
    diagnostics: list[Diagnostic]

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


# Common PyYAML problems, in the words a safety officer can act on.
_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed", "此处不能出现「键: 值」（冒号后的内容含有未加引号的冒号，或缩进不对齐）"),
    ("could not find expected ':'", "缺少冒号「:」，或上一行的引号没有闭合"),
    ("did not find expected key", "缩进不一致：这一行与同级的其他键没有对齐"),
    ("did not find expected '-' indicator", "列表缩进不一致：这一项与同级的「- 」没有对齐"),
    ("expected <block end>, but found", "缩进不一致：这一行与上面的内容没有对齐"),
    ("block sequence entries are not allowed", "这里不能开始列表项「- 」：列表要从下一行开始，并比它的键多缩进"),
    ("found unexpected end of stream", "文件意外结束（引号或括号没有闭合？）"),
    ("found unknown escape character", "双引号内有无法识别的转义字符（反斜杠 \\）；路径请改用单引号"),
    ("found character that cannot start any token", "这里有一个不能作为内容开头的字符（如 @ 或 `），请给这段文字加上引号"),
    ("found unexpected ':'", "出现了意外的冒号，请给这段文字加上引号"),
    ("expected ',' or ']'", "方括号列表没有正确结束（缺少逗号或「]」）"),
    ("expected ',' or '}'", "花括号映射没有正确结束（缺少逗号或「}」）"),
    ("did not find expected node content", "这里缺少内容（多余的逗号或冒号？）"),
    ("found undefined tag handle", "无法识别的标签（! 开头的内容请加引号）"),
    ("found a tab character", "使用了制表符（Tab），YAML 只允许用空格缩进"),
)


def _translate(problem: str) -> str:
    for needle, chinese in _PROBLEMS:
        if needle in problem:
            return chinese
    return f"YAML 语法错误（{problem}）"


def _tab_at(text: str, line: int) -> int | None:
    """Column (1-based) of a tab in the indentation of ``line`` (1-based), if any."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    content = lines[line - 1]
    indent = content[: len(content) - len(content.lstrip(" \t"))]
    return indent.index("\t") + 1 if "\t" in indent else None


def _loader(text: str) -> yaml.SafeLoader:
    """libyaml's parser (about 12× faster) when it is built in, else PyYAML's; only their events are used.

    Both parsers are state machines (no recursion per nesting level); the builder stops
    at :data:`MAX_DEPTH`, so PyYAML's scanner, whose cost grows with the number of open
    flow collections, never sees more than a few dozen of them.
    """
    fast = getattr(yaml, "CSafeLoader", None)
    return fast(text) if fast is not None else yaml.SafeLoader(text)


def parse_yaml(text: str, file: str, *, max_nodes: int | None = None) -> ParsedYaml:
    """Parse one YAML document from ``text``; never raises for bad input.

    ``max_nodes`` (default :func:`node_budget` of the text's length) caps the nodes the
    data may have once aliases are expanded.
    """
    source = SourceMap(file)
    builder = Builder(file, node_budget(len(text)) if max_nodes is None else max_nodes, len(text))
    try:
        loader = _loader(text)
        try:
            data = builder.run(loader)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        return ParsedYaml(None, source, [_syntax(exc, text, file)])
    except yaml.YAMLError as exc:
        return ParsedYaml(None, source, [Diagnostic(
            "SK006", Severity.ERROR, _translate(str(exc)), Location(file, 1, 1))])
    except LoadLimit as limit:
        return ParsedYaml(None, builder.map, [*builder.finish(), limit.diagnostic])
    diagnostics = builder.finish()
    if not builder.has_root:
        return ParsedYaml(None, source, [Diagnostic(
            "SK010", Severity.ERROR, "文件是空的，没有任何内容", Location(file, 1, 1),
            "可以用 signkit init 生成一份带注释的起始文件")])
    if not isinstance(data, dict):
        kind = "一个列表" if isinstance(data, list) else "一段文字" if data is not None else "空值"
        return ParsedYaml(None, builder.map, [*diagnostics, Diagnostic(
            "SK011", Severity.ERROR, f"文件的顶层应为「键: 值」映射（地区、企业、监管责任 …），实际是{kind}",
            Location(file, *builder.root_position))])
    return ParsedYaml(data, builder.map, diagnostics)


def _syntax(exc: yaml.MarkedYAMLError, text: str, file: str) -> Diagnostic:
    """A parser's error, located and in Chinese (a tab in the indentation is SK007, too deep nesting SK008)."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    problem = " ".join(part for part in (exc.context, exc.problem) if part)
    if "maximum nesting depth" in problem:
        return Diagnostic("SK008", Severity.ERROR, f"嵌套层级超过 {MAX_DEPTH} 层，已停止读取", Location(file, line, column),
                          "站点文件只有五六层；请检查是否多写了「[」「{」或「- 」")
    tab_column = _tab_at(text, line) if line else None
    if "'\\t'" in problem or tab_column is not None:
        return Diagnostic("SK007", Severity.ERROR, "使用了制表符（Tab）缩进，YAML 只允许用空格缩进",
                          Location(file, line, tab_column or column), "请在编辑器中把 Tab 替换为空格")
    return Diagnostic("SK006", Severity.ERROR, _translate(problem), Location(file, line, column))
