"""Validate parsed data against the model and turn pydantic's errors into located Chinese diagnostics.

pydantic reports each error with a ``loc`` made of the keys as the user wrote them
(the Chinese aliases) and list positions; the :class:`~signkit.load.yaml_tree.SourceMap`
turns that into a line and column.  The English messages and error types are
translated here into one stable rule id per kind of problem (SK1xx), so that a CI job
can filter on them.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from signkit.diagnostics import Diagnostic, Edit, Fix, KeyPath, Location, Severity
from signkit.load.yaml_tree import SourceMap
from signkit.model.paths import find_value, known_keys
from signkit.model.salvage import salvage
from signkit.model.site import Site


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
    if kind == "int_parsing_size":
        return "SK104", f"数字太大（{len(str(value)):,} 位），不是合理的取值：「{_shown(value)}」", None
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return "SK104", f"应为整数，实际是「{_shown(value)}」", None
    if kind == "greater_than_equal":
        return "SK105", f"应不小于 {ctx.get('ge')}，实际是「{_shown(value)}」", None
    if kind in ("bool_parsing", "bool_type"):
        return "SK104", f"应为「是」或「否」，实际是「{_shown(value)}」", None
    if kind.startswith("date"):
        return "SK106", f"日期格式不对：「{_shown(value)}」", "请写成 2026-05-01 或 2026年5月1日"
    if kind in ("literal_error", "enum"):
        return "SK107", f"应为以下之一：{_expected_choices(error)}；实际是「{_shown(value)}」", None
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "SK104", "这里应为「键: 值」映射（下一行缩进写各个键）", None
    if kind == "list_type":
        return "SK104", "这里应为列表（每项一行，以「- 」开头）", None
    if kind == "string_type":
        return "SK104", "这里应为一段文字，不能是列表或映射", None
    return "SK104", f"取值不正确（{error['msg']}）", None


#: How much of a wrong value a message quotes: enough to find it, never a screenful.
_SHOWN = 40


def _shown(value: object) -> str:
    """A wrong value as a message quotes it, cut to :data:`_SHOWN` characters (a field may hold a million)."""
    text = str(value)
    return text if len(text) <= _SHOWN else f"{text[:_SHOWN]}…（共 {len(text):,} 个字符）"


@dataclass(frozen=True)
class Validated:
    """A site and the schema's problems with it.

    ``site`` is built from the parts that validate when the whole does not (``mended``
    says which key paths were mended; :mod:`signkit.model.salvage`), so that the content
    rules still run and every problem is reported in one pass; it is ``None`` only when
    nothing can be built (the file is not a mapping of sections at all).
    """

    site: Site | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    mended: frozenset[KeyPath] = frozenset()

    def covers(self, path: KeyPath) -> bool:
        """Whether ``path`` was mended, or lies inside a mended part (its problem is already reported)."""
        return any(path[:len(m)] == m for m in self.mended)


def validate_site(data: Any, source: SourceMap) -> Validated:
    """Validate ``data``: the site (mended where needed) and every problem found, located."""
    try:
        return Validated(Site.model_validate(data))
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
            extra = {"meant": hint_key} if (hint_key := _meant(error)) else {}
            diagnostics.append(Diagnostic(rule, Severity.ERROR, message, location, hint, extra,
                                          _rename_fix(error, data, location)))
        salvaged = salvage(data)
        if salvaged is None:
            return Validated(None, diagnostics)
        return Validated(salvaged.site, diagnostics, salvaged.mended)


#: How close a misspelt key must be to its one candidate for ``--fix`` to rename it (difflib's ratio).
FIX_CUTOFF = 0.6


def _rename_fix(error: ErrorDetails, data: Any, location: Location) -> Fix | None:
    """For an unknown key with exactly one close candidate, not already in its mapping: rename it (``--fix``).

    Stricter than the hint (:func:`_meant`): the candidate must be close (:data:`FIX_CUTOFF`)
    and alone at that closeness, and writing it must not make a duplicate key.
    """
    loc = tuple(error["loc"])
    if error["type"] != "extra_forbidden" or not loc or location.line is None or location.column is None:
        return None
    key = str(loc[-1])
    close = difflib.get_close_matches(key, known_keys(loc[:-1]), n=2, cutoff=FIX_CUTOFF)
    found, parent = find_value(data, loc[:-1])
    if len(close) != 1 or not found or not isinstance(parent, dict) or close[0] in parent:
        return None
    return Fix((Edit(location.line, location.column, key, close[0]),), f"把键「{key}」改为「{close[0]}」")


def _meant(error: ErrorDetails) -> str | None:
    """For an unknown key with one close match among the allowed keys, the key the user most likely meant."""
    loc = tuple(error["loc"])
    if error["type"] != "extra_forbidden" or not loc:
        return None
    close = difflib.get_close_matches(str(loc[-1]), known_keys(loc[:-1]), n=1, cutoff=0.4)
    return close[0] if close else None
