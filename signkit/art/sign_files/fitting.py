"""Where a sign file's art goes in a sign's box, and its vector shapes placed there.

What a file is: **the complete sign as it is to be printed**, symbol and (if the office
wants one) the 文字辅助标志; signkit fits it into the sign's box (the width of a library
sign, the height of sign and text panel), keeping its proportions, centred across and
at the top, and adds nothing.  What you give is what prints.  Bitmaps are fitted the
same way (:func:`signkit.art.sign_files.bitmap.raster_item`).
"""

from __future__ import annotations

from signkit.art.sign_files.results import VectorArt
from signkit.drawing.box import Box
from signkit.drawing.items import Path as PathItem


def fitted(art_width: float, art_height: float, box: Box) -> Box:
    """Where art of the given proportions goes in a sign's box: as large as fits, centred across, at the top."""
    scale = min(box.w / art_width, box.h / art_height)
    w, h = art_width * scale, art_height * scale
    return Box(box.x + (box.w - w) / 2, box.y, w, h)


def vector_items(art: VectorArt, box: Box) -> list[PathItem]:
    """The SVG's or PDF's shapes fitted into a sign's ``box`` (mm)."""
    placed = fitted(art.width, art.height, box)
    scale = placed.w / art.width
    items: list[PathItem] = []
    for shape in art.shapes:
        segments = []
        for op, *values in shape.segments:
            numbers = [float(v) for v in values]  # type: ignore[arg-type]
            segments.append((op, *(placed.x + v * scale if i % 2 == 0 else placed.y + v * scale
                                   for i, v in enumerate(numbers))))
        items.append(PathItem(tuple(segments), fill=shape.fill, stroke=shape.stroke,
                              stroke_width=shape.stroke_width * scale, even_odd=shape.even_odd,
                              round_caps=shape.round_caps))
    return items
