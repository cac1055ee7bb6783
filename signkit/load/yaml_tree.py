"""YAML text → plain Python data, keeping the line and column of every node.

Why not ``yaml.safe_load``: it forgets positions, silently keeps the last of two
duplicate keys, expands aliases without limit ("billion laughs") and applies YAML
1.1's implicit typing (``0350`` becomes the octal number 232, ``12:30`` a
sexagesimal integer).  Here PyYAML only *composes* the node graph (no object
construction at all, so no code can run); this module builds the data itself:

* every scalar stays the text the user typed (or ``None`` for an empty value), and
  pydantic's lax mode turns text into numbers, dates and booleans where the model
  asks for them — phone numbers keep their leading zeros;
* a :class:`SourceMap` records where each key and value starts;
* alias expansion and nesting depth are budgeted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from signkit.diagnostics import Diagnostic, KeyPath, Location, Severity
from signkit.errors import SignkitError

#: How many nodes (after alias expansion) one document may produce.
MAX_NODES = 100_000
#: How deeply collections may nest.  Site files nest five or six levels.
MAX_DEPTH = 64

_NULL_TAG = "tag:yaml.org,2002:null"
_MERGE_TAG = "tag:yaml.org,2002:merge"


@dataclass
class SourceMap:
    """Where each key path starts in the file (1-based line and column)."""

    file: str
    keys: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    values: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    #: key paths whose value is a non-empty scalar (point at the value, not the key)
    scalars: set[KeyPath] = field(default_factory=set)

    def locate(self, path: KeyPath, *, key: bool = False) -> Location:
        """The best position for a diagnostic about ``path``.

        A non-empty scalar value is pointed at directly; an empty value, a mapping or
        a list is pointed at by its key; a path that does not exist in the file (a
        missing key) is pointed at by its nearest existing ancestor, but the location
        keeps the full path so the message can name what is missing.  ``key=True``
        points at the key even when the value is a scalar (an unknown key is the
        key's fault, not its value's).
        """
        probe = path
        while True:
            if not key and probe in self.scalars and probe in self.values:
                line, column = self.values[probe]
                return Location(self.file, line, column, path)
            if probe in self.keys:
                line, column = self.keys[probe]
                return Location(self.file, line, column, path)
            if probe in self.values:
                line, column = self.values[probe]
                return Location(self.file, line, column, path)
            if not probe:
                return Location(self.file, 1, 1, path)
            probe = probe[:-1]


class _Budget(SignkitError):
    """Raised inside the builder when a limit is exceeded; carries the diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__([diagnostic])
        self.diagnostic = diagnostic


def _pos(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.map = SourceMap(file)
        self.count = 0
        self.diagnostics: list[Diagnostic] = []

    def _diag(self, rule: str, message: str, node: Node, path: KeyPath, hint: str | None = None) -> Diagnostic:
        line, column = _pos(node)
        return Diagnostic(rule, Severity.ERROR, message, Location(self.file, line, column, path), hint)

    def build(self, node: Node, path: KeyPath, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _Budget(self._diag(
                "SK008", f"文件展开后的节点超过 {MAX_NODES:,} 个（YAML 别名被大量重复引用？），已停止读取",
                node, path, "站点文件不需要这样的别名嵌套；请删除 & 和 * 的多层引用"))
        if depth > MAX_DEPTH:
            raise _Budget(self._diag("SK008", f"嵌套层级超过 {MAX_DEPTH} 层，已停止读取", node, path))
        self.map.values.setdefault(path, _pos(node))
        if isinstance(node, ScalarNode):
            if node.tag == _NULL_TAG and not node.style:  # plain style: None (PyYAML) or "" (libyaml)
                return None
            if node.value.strip():
                self.map.scalars.add(path)
            return node.value
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, index), depth + 1) for index, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            return self._mapping(node, path, depth)
        raise _Budget(self._diag("SK006", "无法识别的 YAML 节点", node, path))  # pragma: no cover

    def _mapping(self, node: MappingNode, path: KeyPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                self.diagnostics.append(self._diag(
                    "SK013", "不支持 YAML 合并键「<<」", key_node, path, "请把要复用的内容直接写出来"))
                continue
            if not isinstance(key_node, ScalarNode) or (key_node.tag == _NULL_TAG and not key_node.value):
                self.diagnostics.append(self._diag("SK013", "键必须是一段文字", key_node, path))
                continue
            key = key_node.value.strip()
            child = (*path, key)
            line, _ = _pos(key_node)
            if key in first_seen:
                self.diagnostics.append(self._diag(
                    "SK009", f"键「{key}」重复出现（第一次在第 {first_seen[key]} 行）",
                    key_node, child, "请删除或合并重复的键"))
                continue
            first_seen[key] = line
            self.map.keys[child] = _pos(key_node)
            result[key] = self.build(value_node, child, depth + 1)
        return result


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
    ("found unexpected end of stream", "文件意外结束（引号或括号没有闭合？）"),
    ("found undefined alias", "引用了未定义的别名（* 后面的名字没有用 & 定义过）"),
    ("but found another document", "文件中有多个 YAML 文档（「---」分隔）；一个站点文件只能描述一家企业"),
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


_DEEP_BLOCK = re.compile(r"^[ \t\-?:]{200,}", re.MULTILINE)


def _could_nest_deeply(text: str) -> bool:
    """A cheap upper bound: could this text nest more than ~200 levels?

    libyaml's composer recurses on the C stack without a limit and crashes the process
    on extremely deep nesting; PyYAML's pure-Python composer raises RecursionError
    instead, which is reported.  Only suspicious texts pay for the slower parser.
    """
    if text.count("[") + text.count("{") > 200:
        depth = deepest = 0
        for ch in text:
            if ch in "[{":
                depth += 1
                deepest = max(deepest, depth)
            elif ch in "]}":
                depth = max(depth - 1, 0)
        if deepest > 200:
            return True
    return _DEEP_BLOCK.search(text) is not None


def _loader(text: str) -> yaml.SafeLoader:
    """libyaml (about 12× faster) when it is built in and the text is safe for it."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None and not _could_nest_deeply(text):
        return fast(text)  # type: ignore[no-any-return]
    return yaml.SafeLoader(text)


def parse_yaml(text: str, file: str) -> ParsedYaml:
    """Parse one YAML document from ``text``; never raises for bad input."""
    source = SourceMap(file)
    try:
        loader = _loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        problem = " ".join(part for part in (exc.context, exc.problem) if part)
        tab_column = _tab_at(text, line) if line else None
        if "'\\t'" in problem or tab_column is not None:
            message = "使用了制表符（Tab）缩进，YAML 只允许用空格缩进"
            diag = Diagnostic("SK007", Severity.ERROR, message, Location(file, line, tab_column or column),
                              "请在编辑器中把 Tab 替换为空格")
        else:
            diag = Diagnostic("SK006", Severity.ERROR, _translate(problem), Location(file, line, column))
        return ParsedYaml(None, source, [diag])
    except yaml.YAMLError as exc:
        return ParsedYaml(None, source, [Diagnostic(
            "SK006", Severity.ERROR, _translate(str(exc)), Location(file, 1, 1))])
    except RecursionError:
        return ParsedYaml(None, source, [Diagnostic(
            "SK008", Severity.ERROR, "嵌套层级过深，已停止读取", Location(file, 1, 1))])
    if node is None:
        return ParsedYaml(None, source, [Diagnostic(
            "SK010", Severity.ERROR, "文件是空的，没有任何内容", Location(file, 1, 1),
            "可以用 signkit init 生成一份带注释的起始文件")])
    builder = _Builder(file)
    try:
        data = builder.build(node, (), 0)
    except _Budget as budget:
        return ParsedYaml(None, builder.map, [*builder.diagnostics, budget.diagnostic])
    except RecursionError:
        return ParsedYaml(None, builder.map, [Diagnostic(
            "SK008", Severity.ERROR, "嵌套层级过深，已停止读取", Location(file, 1, 1))])
    if not isinstance(data, dict):
        kind = "一个列表" if isinstance(data, list) else "一段文字" if data is not None else "空值"
        return ParsedYaml(None, builder.map, [*builder.diagnostics, Diagnostic(
            "SK011", Severity.ERROR, f"文件的顶层应为「键: 值」映射（地区、企业、监管责任 …），实际是{kind}",
            Location(file, *_pos(node)))])
    return ParsedYaml(data, builder.map, builder.diagnostics)
