"""Safety signs (GB 2894 categories) drawn as vectors: the library, the category frames, the pen."""

from signkit.art.catalog import CATEGORIES, SIGNS, SignSpec, load_library, lookup
from signkit.art.frames import draw_sign, total_height

__all__ = ["CATEGORIES", "SIGNS", "SignSpec", "draw_sign", "load_library", "lookup", "total_height"]
