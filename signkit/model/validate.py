"""Validate parsed data against the model and turn pydantic's errors into located Chinese diagnostics.

pydantic reports each error with a ``loc`` made of the keys as the user wrote them
(the Chinese aliases) and list positions; the :class:`~signkit.load.yaml_tree.SourceMap`
turns that into a line and column.  The English messages and error types are
translated here into one stable rule id per kind of problem (SK1xx), so that a CI job
can filter on them.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from signkit.diagnostics import Diagnostic, KeyPath, Severity
from signkit.load.yaml_tree import SourceMap
from signkit.model.site import Site


def _unwrap(annotation: Any) -> type[BaseModel] | None:
    """The model class inside ``X``, ``X | None``, ``list[X]`` or ``Annotated[...]``, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _unwrap(arg)
            if found is not None:
                return found
    return None


def model_at(path: KeyPath, root: type[BaseModel] = Site) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``path`` (aliases), or ``None``."""
    model: type[BaseModel] | None = root
    for part in path:
        if model is None:
            return None
        if isinstance(part, int):
            continue
        field = next((f for f in model.model_fields.values() if f.alias == part), None)
        if field is None:
            return None
        model = _unwrap(field.annotation)
    return model


def known_keys(path: KeyPath, root: type[BaseModel] = Site) -> list[str]:
    """The keys allowed in the mapping at ``path``, in the model's order."""
    model = model_at(path, root)
    if model is None:
        return []
    return [f.alias for f in model.model_fields.values() if f.alias]


def find_value(data: Any, path: KeyPath) -> tuple[bool, Any]:
    """``(True, value)`` at ``path`` in loaded data, ``(False, None)`` where the path does not exist."""
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return False, None
    return True, node


def _expected_choices(error: ErrorDetails) -> str:
    ctx = error.get("ctx") or {}
    expected = str(ctx.get("expected", ""))
    return expected.replace("'", "").replace(" or ", "、").replace(", ", "、")


def _translate(error: ErrorDetails, data: Any) -> tuple[str, str, str | None]:
    """(rule id, Chinese message, hint) for one pydantic error."""
    kind = error["type"]
    loc = tuple(error["loc"])
    if loc and loc[-1] == "[key]":  # a dict key failed (输出.尺寸.2-9): the key itself is the value
        loc = loc[:-1]
        found, value = True, loc[-1]
    else:
        found, value = find_value(data, loc)
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "SK102", f"缺少必填项「{loc[-1]}」", None
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = known_keys(loc[:-1])
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.4)
        hint = f"是否想写「{close[0]}」？" if close else (
            f"这里可以写的键：{'、'.join(allowed)}" if allowed else None)
        return "SK101", f"未知的键「{key}」", hint
    empty = found and (value is None or (isinstance(value, (str, list, dict)) and not
                                         (value.strip() if isinstance(value, str) else value)))
    if empty or (kind in ("string_too_short", "too_short") and ctx.get("min_length") == 1):
        return "SK103", "不能为空", None
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return "SK104", f"应为整数，实际是「{value}」", None
    if kind == "greater_than_equal":
        return "SK105", f"应不小于 {ctx.get('ge')}，实际是「{value}」", None
    if kind in ("bool_parsing", "bool_type"):
        return "SK104", f"应为「是」或「否」，实际是「{value}」", None
    if kind.startswith("date"):
        return "SK106", f"日期格式不对：「{value}」", "请写成 2026-05-01 或 2026年5月1日"
    if kind in ("literal_error", "enum"):
        return "SK107", f"应为以下之一：{_expected_choices(error)}；实际是「{value}」", None
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "SK104", "这里应为「键: 值」映射（下一行缩进写各个键）", None
    if kind == "list_type":
        return "SK104", "这里应为列表（每项一行，以「- 」开头）", None
    if kind == "string_type":
        return "SK104", "这里应为一段文字，不能是列表或映射", None
    return "SK104", f"取值不正确（{error['msg']}）", None


def validate_site(data: Any, source: SourceMap) -> tuple[Site | None, list[Diagnostic]]:
    """Validate ``data``; return the site (or ``None``) and every problem found, located."""
    try:
        return Site.model_validate(data), []
    except ValidationError as exc:
        diagnostics: list[Diagnostic] = []
        seen: set[tuple[KeyPath, str]] = set()
        for error in exc.errors(include_url=False):
            rule, message, hint = _translate(error, data)
            loc = tuple(error["loc"])
            is_key = bool(loc) and loc[-1] == "[key]"
            loc = loc[:-1] if is_key else loc
            if (loc, rule) in seen:  # a union reports the same place once per branch
                continue
            seen.add((loc, rule))
            location = source.locate(loc, key=is_key or error["type"] == "extra_forbidden")
            diagnostics.append(Diagnostic(rule, Severity.ERROR, message, location, hint))
        return None, diagnostics
