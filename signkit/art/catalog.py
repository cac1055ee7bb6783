"""The built-in sign library: every sign's name, GB 2894 category and pictogram, looked up by name or alias.

Pictograms are signkit's own renditions drawn with :class:`~signkit.art.pen.Pen`
(the 2025 edition of GB 2894 redrew many symbols and its artwork is not available
here); an office holding the official artwork can override any sign by name with its
own SVG or PDF.  Importing this module imports every pictogram module, each of which
registers its signs with :func:`signkit.art.registry.sign`; the order of the imports is
the order of the catalogue.
"""

from __future__ import annotations

# every pictogram module, imported for the signs it registers; the catalogue lists each category in this order
from signkit.art.pictograms import (  # noqa: F401
    examples,
    mandatory,
    mandatory_actions,
    mandatory_mining,
    mandatory_ppe,
    prohibition,
    prohibition_acts,
    prohibition_carrying,
    prohibition_fire,
    prohibition_machines,
    prohibition_mining,
    prohibition_power,
    safe,
    safe_facilities,
    safe_mining,
    safe_power,
    warning,
    warning_energy,
    warning_health,
    warning_machines,
    warning_mining,
    warning_movement,
)
from signkit.art.registry import ALIASES, SIGNS, SignSpec


def load_library() -> dict[str, SignSpec]:
    """The library: every sign the pictogram modules registered, in registration order."""
    return SIGNS


def lookup(name: str) -> SignSpec | None:
    """The sign called ``name`` (or by one of its aliases), or ``None``."""
    library = load_library()
    return library.get(name) or library.get(ALIASES.get(name, ""))
