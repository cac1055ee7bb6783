"""Safety signs (GB 2894 categories) drawn as vectors: the library, the category frames, the pen."""

from signkit.art.catalog import load_library, lookup
from signkit.art.frames import draw_sign, total_height
from signkit.art.registry import CATEGORIES, SIGNS, SignSpec

__all__ = ["CATEGORIES", "SIGNS", "SignSpec", "draw_sign", "load_library", "lookup", "total_height"]
