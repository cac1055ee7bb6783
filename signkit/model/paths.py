"""Finding one's way in the model by key path: which model validates the mapping at a path, which keys it allows.

The key paths are the user's own (the Chinese keys of the file, list positions as
numbers), as diagnostics carry them.  Validation (to suggest the key meant), salvage (to
know whether a field is optional), the Excel reader and writer (which column feeds which
field) all navigate the model this way.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from signkit.diagnostics import KeyPath
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
