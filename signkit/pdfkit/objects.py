"""Finding things in a PDF's object graph without tripping over damaged files.

Resources, inherited page attributes and object identity are looked up the same way by
every reader of content streams, and a damaged or hostile file can put anything of any
type anywhere: these lookups answer ``None`` for whatever is missing or of the wrong
type, so the callers only decide what *that* means for them.
"""

from __future__ import annotations

import pikepdf

from signkit.diagnostics import KeyPath

_MAX_INHERIT = 64

#: An object's identity: its object number for indirect objects, else where it was found (a direct
#: object has no number, but the same place always holds the same object).
ObjectId = tuple[int, int] | KeyPath


def inherited(page: pikepdf.Object, key: str) -> pikepdf.Object | None:
    """A page attribute that may be inherited from the page tree (MediaBox, CropBox, Resources, Rotate)."""
    node: pikepdf.Object | None = page
    for _ in range(_MAX_INHERIT):
        if not isinstance(node, pikepdf.Dictionary):
            return None
        value = node.get(key)
        if value is not None:
            return value
        node = node.get("/Parent")
    return None


def resource(resources: object, category: str, name: str) -> pikepdf.Object | None:
    """``resources[category][name]``, tolerating anything missing or of the wrong type."""
    if not isinstance(resources, pikepdf.Dictionary):
        return None
    group = resources.get(category)
    if not isinstance(group, pikepdf.Dictionary):
        return None
    return group.get(name)


def object_id(obj: object, fallback: KeyPath) -> ObjectId:
    """A stable identity: the object number for indirect objects, else where it was found.

    pikepdf hands out a plain ``int`` or ``bool`` where a damaged file has a number in
    place of a dictionary: such a thing is identified by where it was found.
    """
    return obj.objgen if isinstance(obj, pikepdf.Object) and obj.is_indirect else fallback
