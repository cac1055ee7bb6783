"""The register of sign pictograms: what a sign is (name, GB 2894 category, drawing) and how one is added.

Pictogram modules import this module and decorate their drawing functions with
:func:`sign`; :mod:`signkit.art.catalog` imports every pictogram module and looks signs up.
Kept apart from the catalog so that a pictogram module never imports the catalog that
imports it.
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
