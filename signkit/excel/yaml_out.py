"""Imported data → the text of a commented site file, in the examples' style.

Why not ``yaml.safe_dump``: it would quote 2026-05-18 and 034100 (YAML 1.1 would read
them as a date and an octal number), order nothing the way the docs do and write no
comments.  signkit reads every scalar as text (:mod:`signkit.load.yaml_tree`), but the
file is also opened by editors, linters and other YAML tools, which would read a plain
034100 as the octal number 14400 and 是/on/2026-05-18 as booleans and dates.  So a value
is written plain only when YAML's own emitter allows a plain scalar there *and* a YAML
1.1 resolver would read it as a string — or as a number or date that means the same
text (``6``, ``2026-05-18``, as the examples write them); otherwise in double quotes.  Comments say which sheet and row each part
came from, so the officer can go back to the workbook.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

from yaml.emitter import Emitter
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from signkit.diagnostics import KeyPath
from signkit.excel.cellmap import CellMap
from signkit.model.paths import known_keys

_NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})
_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = Resolver()
#: Plain scalars other tools read as a non-string but with the same meaning as the text.
_SAME_MEANING = re.compile(r"(?:0|[1-9][0-9]{0,8}|[0-9]{4}-[0-9]{2}-[0-9]{2})")
_TOP = ("地区", "企业", "监管责任", "工作场所", "岗位", "风险点", "输出")
_MISSING = {
    "工作场所": "工作场所：工作簿中没有（附表 2-2 每个工作场所一块）。请补充，写法见 docs/site-file.md 第 4.4 节。",
    "岗位": "岗位：工作簿中没有（附表 2-3、2-5 每个岗位一种）。请补充，写法见 docs/site-file.md 第 4.5 节。",
    "风险点": "风险点：工作簿中没有（附表 2-4 每个风险点一块）。请补充，写法见 docs/site-file.md 第 4.6 节。",
}


def scalar(text: str) -> str:
    """A scalar as YAML text that signkit reads back as exactly ``text``."""
    if text not in _NULL_WORDS and text == text.strip() and "\n" not in text:
        analysis = Emitter(io.StringIO(), allow_unicode=True).analyze_scalar(text)
        if analysis.allow_block_plain and not analysis.multiline and not analysis.empty \
                and (_RESOLVER.resolve(ScalarNode, text, (True, False)) == _STR_TAG  # type: ignore[no-untyped-call]
                     or _SAME_MEANING.fullmatch(text)):
            return text
    return json.dumps(text, ensure_ascii=False)


def _value(value: Any) -> str:
    return "" if value is None else scalar(str(value))


class _Writer:
    def __init__(self, source: CellMap | None) -> None:
        self.lines: list[str] = []
        self.source = source

    def origin(self, path: KeyPath) -> str | None:
        if self.source is None:
            return None
        return self.source.cell_of(path)

    def mapping(self, data: dict[str, Any], path: KeyPath, indent: int, first_prefix: str | None = None) -> None:
        pad = " " * indent
        order = known_keys(path)
        keys = sorted(data, key=lambda k: order.index(k) if k in order else len(order))
        for number, key in enumerate(keys):
            value = data[key]
            lead = first_prefix if (number == 0 and first_prefix is not None) else pad
            here = (*path, key)
            if isinstance(value, dict):
                if not value:
                    self.lines.append(f"{lead}{scalar(key)}: {{}}")
                    continue
                self.lines.append(f"{lead}{scalar(key)}:")
                self.mapping(value, here, indent + 2)
            elif isinstance(value, list):
                self.sequence(key, value, here, indent, lead)
            else:
                self.lines.append(f"{lead}{scalar(key)}: {_value(value)}".rstrip())

    def sequence(self, key: str, items: list[Any], path: KeyPath, indent: int, lead: str) -> None:
        if not items:
            self.lines.append(f"{lead}{scalar(key)}: []")
            return
        self.lines.append(f"{lead}{scalar(key)}:")
        pad = " " * (indent + 2)
        for index, item in enumerate(items):
            here = (*path, index)
            if isinstance(item, dict):
                where = self.origin(here)
                if where is not None:
                    self.lines.append(f"{pad}# {where}")
                if item:
                    self.mapping(item, here, indent + 4, first_prefix=f"{pad}- ")
                else:
                    self.lines.append(f"{pad}- {{}}")
            else:
                self.lines.append(f"{pad}- {_value(item)}".rstrip())


def site_yaml(data: dict[str, Any], *, origin: str, source: CellMap | None = None) -> str:
    """A commented site file holding ``data`` (imported from ``origin``)."""
    writer = _Writer(source)
    writer.lines += [
        f"# 由 signkit import 从「{origin}」导入。",
        "# 「# 工作表!单元格」注明各项来自工作簿的哪一行；以后可以直接修改本文件，也可以改工作簿后重新导入。",
        "# 检查：signkit check 本文件；完整说明见 docs/site-file.md。",
    ]
    ordered = [k for k in _TOP if k in data] + [k for k in data if k not in _TOP]
    for key in ordered:
        writer.lines.append("")
        found = source.cells.get((key,)) if source is not None else None
        if found is not None and isinstance(data[key], dict):
            writer.lines.append(f"# 工作表「{found[0]}」")
        writer.mapping({key: data[key]}, (), 0)
    for key, note in _MISSING.items():
        if key not in data:
            writer.lines += ["", f"# {note}"]
    return "\n".join(writer.lines) + "\n"
