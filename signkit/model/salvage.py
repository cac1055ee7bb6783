"""A site built from the parts of a file that validate, so that every problem is reported in one pass.

A misspelt key, a number where text belongs, or a 风险等级 that is not one of the four
used to stop everything at the schema: the content rules never ran, and a user met
their mistakes in rounds, one fix at a time.  Instead, once the schema's own errors are
reported, the data is mended just enough to build a :class:`~signkit.model.site.Site`:

* an unknown key is dropped (its 未知的键 error is already reported);
* a wrong value in an optional field is dropped (the field is then empty, as if unwritten);
* a wrong or missing value in a required field is replaced by a stand-in of the right
  type (a text naming the field, a valid choice, an empty mapping to mend inside).

No list item is ever removed, so every key path still means what it meant in the file.
Every mended path is returned: the boards made from it are blocked by the schema's
error, and content rules that would only restate the problem (a stand-in name that
appears in no workplace, an empty field a rule would call missing) are silenced there.
"""

from __future__ import annotations

import copy
import datetime as dt
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from signkit.diagnostics import KeyPath, format_path
from signkit.model.paths import model_at
from signkit.model.site import Site

#: Mending gives up after this many rounds (each round mends every error pydantic reported).
MAX_ROUNDS = 40
#: The sections a file must have, as mappings, to be mended at all.
REQUIRED_SECTIONS = ("地区", "企业")


@dataclass(frozen=True)
class Salvaged:
    """The site built from the mended data, and the key paths that were mended."""

    site: Site
    mended: frozenset[KeyPath]

    def covers(self, path: KeyPath) -> bool:
        """Whether ``path`` is a mended path or lies inside one."""
        return any(path[:len(m)] == m for m in self.mended)


def _field(path: KeyPath) -> FieldInfo | None:
    """The model field the last key of ``path`` names (``None`` for a list item, a dict entry or an unknown key)."""

    if not path or not isinstance(path[-1], str):
        return None
    model = model_at(path[:-1])
    if model is None:
        return None
    return next((f for f in model.model_fields.values() if f.alias == path[-1]), None)


def _strip_optional(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _strip_optional(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _strip_optional(args[0]) if len(args) == 1 else annotation
    return annotation


def stand_in(annotation: Any, path: KeyPath) -> Any:
    """A value of the field's type to stand in for a wrong or missing one (its boards are blocked anyway)."""
    kind = _strip_optional(annotation)
    origin = typing.get_origin(kind)
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return {}
    if origin is list:
        return []
    if origin is dict:
        return {}
    if origin is typing.Literal:
        return typing.get_args(kind)[-1]
    if kind is dt.date:
        return dt.date(1970, 1, 1)
    if kind is bool:
        return False
    if kind is int:
        return 1
    return f"（{format_path(path)}）"


def _container(data: Any, path: KeyPath) -> Any:
    node = data
    for part in path:
        node = node[part]
    return node


def _mend(data: Any, loc: tuple[Any, ...], kind: str) -> KeyPath | None:
    """Mend ``data`` (in place) at the error ``loc``; return the mended path, or ``None`` if it cannot be."""
    if loc and loc[-1] == "[key]":  # a dict key failed (输出.尺寸.2-9): drop the entry
        path: KeyPath = tuple(loc[:-1])
        try:
            del _container(data, path[:-1])[path[-1]]
        except (KeyError, IndexError, TypeError):
            return None
        return path
    path = tuple(loc)
    if not path:
        return None
    try:
        parent = _container(data, path[:-1])
    except (KeyError, IndexError, TypeError):
        return None
    last = path[-1]
    if kind == "extra_forbidden":
        if isinstance(parent, dict) and last in parent:
            del parent[last]
            return path
        return None
    field = _field(path)
    if isinstance(last, int):  # a list item of the wrong kind: stand in for it, keep the positions
        if not isinstance(parent, list) or last >= len(parent):
            return None
        model = _list_item_model(path)
        parent[last] = {} if model is not None else f"（{format_path(path)}）"
        return path
    if not isinstance(parent, dict):
        return None
    if field is None:  # a key of a plain mapping (输出.尺寸.2-2): drop the entry
        if last in parent:
            del parent[last]
            return path
        return None
    if not field.is_required():
        if last in parent:
            del parent[last]
            return path
        return None
    replacement = stand_in(field.annotation, path)
    if parent.get(last) == replacement:
        return None
    parent[last] = replacement
    return path


def _list_item_model(path: KeyPath) -> type[BaseModel] | None:

    return model_at(path)


def salvage(data: Any) -> Salvaged | None:
    """A site from ``data`` mended where the schema refuses it, or ``None`` when it cannot be mended.

    ``data`` itself is not changed.  Only a file that says which enterprise it is about
    is mended: without its 地区 and 企业 sections (as mappings) there is nothing to check
    the rest against, and no board could be made.
    """
    if not isinstance(data, dict) or any(not isinstance(data.get(key), dict) for key in REQUIRED_SECTIONS):
        return None
    work = copy.deepcopy(data)
    mended: set[KeyPath] = set()
    for _ in range(MAX_ROUNDS):
        try:
            site = Site.model_validate(work)
        except ValidationError as exc:
            progress = False
            for error in exc.errors(include_url=False):
                path = _mend(work, tuple(error["loc"]), error["type"])
                if path is not None:
                    mended.add(path)
                    progress = True
            if not progress:
                return None
            continue
        return Salvaged(site, frozenset(mended))
    return None
