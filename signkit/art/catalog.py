"""The built-in sign library: every sign's name, GB 2894 category and pictogram.

Pictograms are signkit's own renditions drawn with :class:`~signkit.art.pen.Pen`
(the 2025 edition of GB 2894 redrew many symbols and its artwork is not available
here); an office holding the official artwork can override any sign by name with its
own SVG or PDF.  Modules that draw pictograms register them with :func:`sign`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from signkit.art.pen import Pen

Category = Literal["禁止", "警告", "指令", "提示"]
CATEGORIES: tuple[Category, ...] = ("禁止", "警告", "指令", "提示")
Pictogram = Callable[[Pen], None]


@dataclass(frozen=True)
class SignSpec:
    name: str
    category: Category
    draw: Pictogram
    aliases: tuple[str, ...] = ()
    accidents: tuple[str, ...] = field(default_factory=tuple)


SIGNS: dict[str, SignSpec] = {}
ALIASES: dict[str, str] = {}


def sign(name: str, category: Category, *, aliases: tuple[str, ...] = ()) -> Callable[[Pictogram], Pictogram]:
    """Register a pictogram function as the sign ``name``."""

    def register(draw: Pictogram) -> Pictogram:
        if name in SIGNS:
            raise ValueError(f"sign {name} registered twice")
        SIGNS[name] = SignSpec(name, category, draw, aliases)
        for alias in aliases:
            ALIASES[alias] = name
        return draw

    return register


def load_library() -> dict[str, SignSpec]:
    """Import every pictogram module (registering its signs) and return the library."""
    import importlib
    import pkgutil

    import signkit.art.pictograms as package

    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")
    return SIGNS


def lookup(name: str) -> SignSpec | None:
    library = load_library()
    return library.get(name) or library.get(ALIASES.get(name, ""))
