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


#: The standard a sign is taken from unless its registration says otherwise.
GB2894 = "GB 2894—2008"


@dataclass(frozen=True)
class SignSpec:
    """One sign of the library.

    ``name`` is the standard's own wording; ``aliases`` are the variant wordings people
    write for it (严禁烟火 for 禁止烟火), resolved to this sign.  ``standard`` names the
    standard (and edition) that defines the sign, ``number`` its number there when known:
    both are listed in the catalogue and in docs/signs.md.
    """

    name: str
    category: Category
    draw: Pictogram
    aliases: tuple[str, ...] = ()
    accidents: tuple[str, ...] = field(default_factory=tuple)
    standard: str = GB2894
    number: str = ""


SIGNS: dict[str, SignSpec] = {}


ALIASES: dict[str, str] = {}


def sign(name: str, category: Category, *, aliases: tuple[str, ...] = (), standard: str = GB2894,
         number: str = "") -> Callable[[Pictogram], Pictogram]:
    """Register a pictogram function as the sign ``name``; a name or alias may belong to one sign only."""

    def register(draw: Pictogram) -> Pictogram:
        taken = {name, *aliases} & (set(SIGNS) | set(ALIASES))
        if taken:
            raise ValueError(f"sign {name}: {'、'.join(sorted(taken))} already registered")
        SIGNS[name] = SignSpec(name, category, draw, aliases, standard=standard, number=number)
        for alias in aliases:
            ALIASES[alias] = name
        return draw

    return register
