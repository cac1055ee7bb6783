"""The built-in sign library: every sign's name, GB 2894 category and pictogram, looked up by name or alias.

Pictograms are signkit's own renditions drawn with :class:`~signkit.art.pen.Pen`
(the 2025 edition of GB 2894 redrew many symbols and its artwork is not available
here); an office holding the official artwork can override any sign by name with its
own SVG or PDF.  Importing this module imports every pictogram module, each of which
registers its signs with :func:`signkit.art.registry.sign`; the order of the imports is
the order of the catalogue.
"""

from __future__ import annotations

from signkit.art.pictograms import examples, mandatory, prohibition, safe, warning  # noqa: F401 - importing registers their signs
from signkit.art.pictograms import mandatory_actions as mandatory_actions
from signkit.art.pictograms import mandatory_mining as mandatory_mining
from signkit.art.pictograms import mandatory_ppe as mandatory_ppe
from signkit.art.pictograms import safe_facilities as safe_facilities
from signkit.art.pictograms import safe_mining as safe_mining
from signkit.art.pictograms import safe_power as safe_power
from signkit.art.registry import ALIASES, SIGNS, SignSpec

# isort: split
# the themed pictogram modules, one line each, after the five above (the catalogue's order)
from signkit.art.pictograms import prohibition_acts as prohibition_acts
from signkit.art.pictograms import prohibition_carrying as prohibition_carrying
from signkit.art.pictograms import prohibition_fire as prohibition_fire
from signkit.art.pictograms import prohibition_machines as prohibition_machines
from signkit.art.pictograms import prohibition_mining as prohibition_mining
from signkit.art.pictograms import prohibition_power as prohibition_power


def load_library() -> dict[str, SignSpec]:
    """The library: every sign the pictogram modules registered, in registration order."""
    return SIGNS


def lookup(name: str) -> SignSpec | None:
    """The sign called ``name`` (or by one of its aliases), or ``None``."""
    library = load_library()
    return library.get(name) or library.get(ALIASES.get(name, ""))
