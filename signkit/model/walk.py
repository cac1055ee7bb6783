"""Every piece of text a site's boards will print, with its typographic role and source location.

The glyph-coverage check (and, later, the renderer) must see the same text: every
string of the site file is printed in the body face (楷体), except the city name
(which is part of the 2-6 title) and the 监制 unit (the 2-1 footer), which are set in
the title face (黑体).  Walking the model generically means a field added to the
model is covered without anyone remembering to list it here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import BaseModel

from signkit.diagnostics import KeyPath
from signkit.fonts import TextItem
from signkit.load.yaml_tree import SourceMap
from signkit.model.region import resolve_region
from signkit.model.site import Site


def walk_text(site: Site) -> Iterator[tuple[KeyPath, str]]:
    """Every string of the site with its key path (the user's own keys)."""
    return strings_below(site, ())


def strings_below(node: object, path: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    """Every string at or below ``node`` (a model, list or value found at ``path``), with its key path."""
    if isinstance(node, BaseModel):
        for name, field in type(node).model_fields.items():
            yield from strings_below(getattr(node, name), (*path, field.alias or name))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from strings_below(item, (*path, index))
    elif isinstance(node, str) and not isinstance(node, bool | dt.date):
        yield path, node


def printed_items(site: Site, source: SourceMap) -> list[TextItem]:
    """One :class:`TextItem` per printed field, located in the site file."""
    items = [TextItem("body", text, source.locate(path)) for path, text in strings_below(site, ())]
    region = resolve_region(site.region)
    items.append(TextItem("title", site.region.city, source.locate(("地区", "城市"))))
    if region.supervisor_unit:
        path: KeyPath = ("地区", "监制单位") if site.region.supervisor_unit else ("地区", "城市")
        items.append(TextItem("title", region.supervisor_unit, source.locate(path)))
    return items
