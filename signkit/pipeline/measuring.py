"""One text measurer per set of fonts for the whole process, shared by the check, the fitting and the build.

A measurer remembers every character's and every string's width, and the sign panels'
widths are remembered per measurer (:func:`signkit.art.frames.caption_width`): a new
measurer for each enterprise threw all of that away, so planning a thousand enterprises
drew the same few signs a thousand times over to measure their captions.  Widths depend
only on the fonts, so sharing is safe; the measurer bounds its own caches.
"""

from __future__ import annotations

from functools import lru_cache

from signkit.drawing.text import FontMeasurer
from signkit.fonts import FontSet


@lru_cache(maxsize=4)
def measurer(fonts: FontSet) -> FontMeasurer:
    """The process's measurer for ``fonts``.

    Keyed by value, not by object: a worker process receives an equal copy of the run's
    font set with each enterprise, and must find the measurer the last one filled.
    """
    return FontMeasurer(fonts)
