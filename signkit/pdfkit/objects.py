"""Page boxes: is there a TrimBox, are the boxes nested, is the trim the 附表's size.

A print shop cuts along the TrimBox, prints up to the BleedBox and images the
MediaBox, so it needs ``TrimBox ⊆ BleedBox ⊆ MediaBox``; a CropBox that cuts into the
trim (or the bleed) hides artwork in viewers and in RIPs that honour it.  Without a
TrimBox the shop has to guess the finished size (SK603, a warning: it falls back to
the CropBox, then the MediaBox, and the size check uses that).

The finished size (the TrimBox, turned by ``/Rotate``, scaled by ``/UserUnit``) is
checked against :func:`signkit.spec.sizes.size_problem` — the 附表's minimum and,
for 2-3 and 2-6, its proportions — when the file names its 附表 in the document
information's ``/Subject`` (signkit writes the form id there) or the caller names one.
Sizes are rounded to 0.1 mm first, so writers' rounding of points does not matter.

Not checked: ArtBox, boxes of different sizes on different pages of one board
(each page is checked on its own), and whether a tiled or imposed sheet is meant.
"""

from __future__ import annotations

import pikepdf

_MAX_INHERIT = 64


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
