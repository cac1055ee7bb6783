"""YAML parser events → plain data and its :class:`SourceMap`, in one pass, with every limit checked before it is paid.

Why events, and not PyYAML's composed node graph:

* libyaml's composer recurses on the C stack once per nesting level; the event parser
  is a state machine and this builder keeps its own stack, so depth costs one
  comparison, made when a collection opens (located, before anything deeper is read);
* an alias is expanded here, so its cost is known before it is paid: the anchored
  node's size (nodes, its own aliases expanded) is checked against the node budget
  before a single node is copied, and the message names the alias and where it is
  used — a file without aliases cannot reach the budget (see :func:`node_budget`);
* the composed graph (a node and two marks per value) is never held: memory is the
  data, its source map, and the open collections.

What the data is (unchanged from the composer-based reader): every scalar stays the
text the user typed, ``None`` for a plain empty / ``~`` / ``null``; a duplicate key, a
merge key ``<<`` or a key that is not text is reported and its value left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    Event,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    StreamEndEvent,
    StreamStartEvent,
)

from signkit.diagnostics import Diagnostic, KeyPath, Location, Severity
from signkit.errors import SignkitError
from signkit.load.sourcemap import SourceMap

#: How deeply collections may nest.  Site files nest five or six levels.
MAX_DEPTH = 64
#: Nodes allowed per character of the file, and on top of that (see :func:`node_budget`).
NODES_PER_CHARACTER = 0.5
NODE_ALLOWANCE = 10_000
#: The same reading problem (SK009, SK013, SK015) is listed this many times, then counted.
MAX_REPEATS = 100

_CORE = "tag:yaml.org,2002:"
_NULL_TAG = _CORE + "null"
_MERGE_TAG = _CORE + "merge"
#: Explicit tags that change nothing for signkit (every scalar is read as text and the
#: model converts it): allowed.  Any other (``!!python/object``, ``!!binary``, ``!foo``) is SK015.
_SCALAR_TAGS = frozenset({None, "!", *(_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp"))})
_SEQUENCE_TAGS = frozenset({None, "!", _CORE + "seq"})
_MAPPING_TAGS = frozenset({None, "!", _CORE + "map"})
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})

# Kinds of source-map entry, logged inside anchored nodes so that an alias can replay them.
_VALUE, _SCALAR, _KEY = 0, 1, 2
_Entry = tuple[int, KeyPath, tuple[int, int]]


def node_budget(characters: int) -> int:
    """How many nodes (aliases expanded) a file of ``characters`` characters may make.

    A node needs at least two characters of its own (``a,`` in a flow list, ``-`` and a
    line break in a block list; a mapping's keys are not counted), so a file without
    aliases has at most about ``characters / 2`` nodes, plus one per nesting level: it
    always fits.  Only alias expansion can go beyond, and it is stopped there, so a
    "billion laughs" file costs no more than the densest honest file of its size.  The
    allowance is room for ordinary reuse of anchors in a small file.
    """
    return int(characters * NODES_PER_CHARACTER) + NODE_ALLOWANCE


class LoadLimit(SignkitError):
    """Raised inside the builder when reading must stop (a limit, an undefined alias); carries the diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__([diagnostic])
        self.diagnostic = diagnostic


class EventSource(Protocol):
    """What the builder needs of a PyYAML loader (the C one or the pure-Python one)."""

    def get_event(self) -> Event | None: ...


@dataclass(slots=True)
class _Anchor:
    """A node with an ``&name``: its data, where it is, how big it is, and its logged source-map entries."""

    value: Any
    path: KeyPath
    position: tuple[int, int]
    start: int
    end: int
    size: int
    height: int


class _Open:
    """A collection being read: its container, where it is, and (for a mapping) the key awaiting its value."""

    __slots__ = ("anchor", "container", "count", "depth", "expect_key", "height", "is_key", "key", "log", "path",
                 "position", "record", "seen")

    def __init__(self, container: list[Any] | dict[str, Any], path: KeyPath, depth: int, record: bool,
                 is_key: bool, anchor: str | None, position: tuple[int, int], count: int, log: int) -> None:
        self.container = container
        self.path = path
        self.depth = depth
        self.record = record
        self.is_key = is_key
        self.anchor = anchor
        self.position = position
        self.count = count
        self.log = log
        self.height = 0
        self.expect_key = True
        self.key: str | None = None
        self.seen: dict[str, int] = {}


def _copy(value: Any) -> Any:
    """A fresh copy of built data (an alias gets its own, as if the text had been written out)."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


def _tag_text(tag: str) -> str:
    shown = "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag
    return shown if len(shown) <= 40 else shown[:39] + "…"


def _plain(event: ScalarEvent) -> bool:
    return not event.style  # '' from libyaml, None from PyYAML


def _position(event: Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


class Builder:
    """Reads one document's events into data; limits raise :class:`LoadLimit`, other problems are collected."""

    def __init__(self, file: str, budget: int, characters: int) -> None:
        self.file = file
        self.budget = budget
        self.characters = characters
        self.map = SourceMap(file)
        self.diagnostics: list[Diagnostic] = []
        self.count = 0
        self.expanded = 0
        self.anchors: dict[str, _Anchor] = {}
        self.stack: list[_Open] = []
        self.log: list[_Entry] = []
        self.logging = 0  # anchored collections open: while > 0, source-map entries are logged for replay
        self.root: Any = None
        self.has_root = False
        self.root_position = (1, 1)
        self._repeats: dict[str, int] = {}
        self._first_hidden: dict[str, Location] = {}

    # --- diagnostics -------------------------------------------------------------------------------------------

    def _location(self, position: tuple[int, int], path: KeyPath) -> Location:
        return Location(self.file, position[0], position[1], path)

    def report(self, rule: str, message: str, position: tuple[int, int], path: KeyPath, hint: str | None = None) -> None:
        """Collect a problem that does not stop reading; past :data:`MAX_REPEATS` of one rule, only count it."""
        seen = self._repeats[rule] = self._repeats.get(rule, 0) + 1
        if seen <= MAX_REPEATS:
            self.diagnostics.append(Diagnostic(rule, Severity.ERROR, message, self._location(position, path), hint))
        elif rule not in self._first_hidden:
            self._first_hidden[rule] = self._location(position, path)

    def _stop(self, rule: str, message: str, position: tuple[int, int], path: KeyPath,
              hint: str | None = None) -> LoadLimit:
        return LoadLimit(Diagnostic(rule, Severity.ERROR, message, self._location(position, path), hint))

    def finish(self) -> list[Diagnostic]:
        """The collected diagnostics, with one summary per rule that was listed only :data:`MAX_REPEATS` times."""
        out = list(self.diagnostics)
        for rule, location in self._first_hidden.items():
            hidden = self._repeats[rule] - MAX_REPEATS
            out.append(Diagnostic(rule, Severity.ERROR, f"同类问题另有 {hidden:,} 处（只逐一列出了前 {MAX_REPEATS} 处），"
                                  "从这里开始未列出", location, "请改正上面列出的问题后再检查一次"))
        return out

    # --- the source map ----------------------------------------------------------------------------------------

    def _note(self, kind: int, path: KeyPath, position: tuple[int, int]) -> None:
        if kind == _KEY:
            self.map.keys[path] = position
        else:
            self.map.values.setdefault(path, position)
            if kind == _SCALAR:
                self.map.scalars.add(path)
        if self.logging:
            self.log.append((kind, path, position))

    # --- reading -----------------------------------------------------------------------------------------------

    def run(self, source: EventSource) -> Any:
        """Read the stream's one document; the data (``None`` for an empty stream is :attr:`root` unset)."""
        document = False
        while True:
            event = source.get_event()
            if event is None or isinstance(event, StreamEndEvent):
                return self.root
            if isinstance(event, StreamStartEvent | DocumentEndEvent):
                continue
            if isinstance(event, DocumentStartEvent):
                if document:
                    raise self._stop("SK006", "文件中有多个 YAML 文档（「---」分隔）；一个站点文件只能描述一家企业",
                                     _position(event), (), "请把每家企业写成单独的站点文件")
                document = True
                continue
            if isinstance(event, NodeEvent):
                self._node(event)
            else:  # the end of a collection
                self._close()

    def _slot(self, position: tuple[int, int]) -> tuple[KeyPath, int, bool, bool]:
        """Where the next node goes: (path, depth, recorded in the source map, is a mapping key)."""
        if not self.stack:
            self.has_root, self.root_position = True, position
            return (), 0, True, False
        top = self.stack[-1]
        if isinstance(top.container, list):
            return (*top.path, len(top.container)), top.depth + 1, top.record, False
        if top.expect_key:
            return top.path, top.depth + 1, False, True
        if top.key is None:  # the value of a refused key: read, then left out
            return (*top.path, "?"), top.depth + 1, False, False
        return (*top.path, top.key), top.depth + 1, top.record, False

    def _count(self, position: tuple[int, int], path: KeyPath) -> None:
        self.count += 1
        if self.count > self.budget:
            raise self._over_budget(position, path)

    def _over_budget(self, position: tuple[int, int], path: KeyPath) -> LoadLimit:
        """Only reachable through aliases (a file without them fits), but said plainly either way."""
        limit = f"上限 {self.budget:,} 个（文件 {self.characters:,} 个字符的一半加 {NODE_ALLOWANCE:,}）"
        if self.expanded:
            return self._stop("SK008", f"YAML 别名展开出的内容过多：节点总数超过{limit}，其中 {self.expanded:,} 个来自别名，"
                              "已停止读取", position, path, "请删除 & 和 * 的多层引用，把内容直接写出来")
        return self._stop("SK008", f"文件的节点数超过{limit}，已停止读取", position, path)

    def _node(self, event: NodeEvent) -> None:
        position = _position(event)
        path, depth, record, is_key = self._slot(position)
        if depth > MAX_DEPTH:
            raise self._stop("SK008", f"嵌套层级超过 {MAX_DEPTH} 层，已停止读取", position, path,
                             "站点文件只有五六层；请检查是否多写了「[」「{」或「- 」")
        if isinstance(event, AliasEvent):
            self._alias(event.anchor or "", position, path, depth, record, is_key)
            return
        assert isinstance(event, ScalarEvent | CollectionStartEvent)
        allowed = _SCALAR_TAGS if isinstance(event, ScalarEvent) else \
            _MAPPING_TAGS if isinstance(event, MappingStartEvent) else _SEQUENCE_TAGS
        if event.tag is not None and event.tag not in allowed and not (is_key and event.tag == _MERGE_TAG):
            shown = _tag_text(event.tag)
            self.report("SK015", f"不支持 YAML 标签「{shown}」", position, path,
                        f"站点文件不需要标签：请删除「{shown}」（以「!」开头的文字请加引号）")
        if event.anchor is not None and event.anchor in self.anchors:
            first = self.anchors[event.anchor].position[0]
            raise self._stop("SK006", f"锚点「&{event.anchor}」重复定义（第一次在第 {first} 行）", position, path,
                             "请给每个 & 锚点起不同的名字")
        if isinstance(event, ScalarEvent):
            self._scalar(event, position, path, depth, record, is_key)
            return
        container: list[Any] | dict[str, Any] = {} if isinstance(event, MappingStartEvent) else []
        if is_key:
            self.report("SK013", "键必须是一段文字", position, self.stack[-1].path)
            self.stack[-1].expect_key, self.stack[-1].key = False, None
        else:
            self._count(position, path)
            if record:
                self._note(_VALUE, path, position)
        if event.anchor is not None:
            self.logging += 1
        self.stack.append(_Open(container, path, depth, record and not is_key, is_key, event.anchor, position,
                                self.count, len(self.log)))

    def _scalar(self, event: ScalarEvent, position: tuple[int, int], path: KeyPath, depth: int, record: bool,
                is_key: bool) -> None:
        plain = _plain(event)
        if is_key:
            merge = (plain and event.value == "<<" and event.tag in (None, "!")) or event.tag == _MERGE_TAG
            self._key(event.value, position, merge, plain and event.value == "" and event.tag in (None, "!", _NULL_TAG))
            if event.anchor is not None:
                self.anchors[event.anchor] = _Anchor(event.value, path, position, 0, 0, 1, 0)
            return
        # PyYAML resolves a plain scalar tagged only "!" as if untagged: `! ~` is null too
        null = plain and (event.tag == _NULL_TAG or (event.tag in (None, "!") and event.value in _NULLS))
        value = None if null else event.value
        self._count(position, path)
        if record:
            self._note(_SCALAR if value is not None and value.strip() else _VALUE, path, position)
        if event.anchor is not None:
            self.anchors[event.anchor] = _Anchor(value, path, position, 0, 0, 1, 0)
        self._attach(value, 0)

    def _key(self, text: str, position: tuple[int, int], merge: bool, empty: bool) -> None:
        top = self.stack[-1]
        top.expect_key, top.key = False, None
        if merge:
            self.report("SK013", "不支持 YAML 合并键「<<」", position, top.path, "请把要复用的内容直接写出来")
            return
        if empty:
            self.report("SK013", "键必须是一段文字", position, top.path)
            return
        key = text.strip()
        child = (*top.path, key)
        if key in top.seen:
            self.report("SK009", f"键「{key}」重复出现（第一次在第 {top.seen[key]} 行）", position, child,
                        "请删除或合并重复的键")
            return
        top.seen[key] = position[0]
        top.key = key
        if top.record:
            self._note(_KEY, child, position)

    def _alias(self, name: str, position: tuple[int, int], path: KeyPath, depth: int, record: bool,
               is_key: bool) -> None:
        anchor = self.anchors.get(name)
        if anchor is None:
            if any(frame.anchor == name for frame in self.stack):
                raise self._stop("SK008", f"别名「*{name}」引用了包含它自己的「&{name}」（循环引用），已停止读取",
                                 position, path, "请把要复用的内容直接写出来")
            raise self._stop("SK006", f"引用了未定义的别名「*{name}」（* 后面的名字没有在前面用 & 定义过）", position, path)
        if is_key:
            if isinstance(anchor.value, str):
                self._key(anchor.value, position, False, False)
            else:
                self._key("", position, False, True)
            return
        if depth + anchor.height > MAX_DEPTH:
            raise self._stop("SK008", f"别名「*{name}」展开后嵌套层级超过 {MAX_DEPTH} 层，已停止读取", position, path)
        if self.count + anchor.size > self.budget:
            raise self._stop(
                "SK008", f"别名「*{name}」（引用第 {anchor.position[0]} 行的「&{name}」，展开为 {anchor.size:,} 个节点）"
                f"使节点总数超过上限 {self.budget:,} 个（文件 {self.characters:,} 个字符的一半加 {NODE_ALLOWANCE:,}），"
                "已停止读取", position, path, "站点文件不需要层层引用的别名；请删除 & 和 * 的多层引用，把内容直接写出来")
        self.count += anchor.size
        self.expanded += anchor.size
        value = _copy(anchor.value)
        if record:
            self._note(_SCALAR if isinstance(value, str) and value.strip() else _VALUE, path, anchor.position)
            cut = len(anchor.path)
            for kind, logged, where in self.log[anchor.start:anchor.end]:
                self._note(kind, (*path, *logged[cut:]), where)
        self._attach(value, anchor.height)

    def _close(self) -> None:
        frame = self.stack.pop()
        if frame.anchor is not None:
            self.logging -= 1
            self.anchors[frame.anchor] = _Anchor(frame.container, frame.path, frame.position, frame.log,
                                                 len(self.log), self.count - frame.count + 1, frame.height)
        if not frame.is_key:
            self._attach(frame.container, frame.height)

    def _attach(self, value: Any, height: int) -> None:
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        top.height = max(top.height, height + 1)
        if isinstance(top.container, list):
            top.container.append(value)
        elif top.key is not None:
            top.container[top.key] = value
            top.expect_key = True
        else:
            top.expect_key = True
