"""PNG and JPEG sign files: checked before anything is decoded, converted to CMYK when placed.

A file is checked first — it exists, is an image, and has no more than
:data:`MAX_PIXELS` pixels and :data:`MAX_DECODED_BYTES` of decoded pixels, both read
from the header (a "decompression bomb" of a few kilobytes can otherwise ask for
gigabytes) — and decoded once, so a truncated file fails here rather than while
rendering.  When placed it is reduced strip by strip (never converted at full size:
a 6 KB 1-bit PNG of 7070 × 7070 used to become 1.8 GB of RGBA, white, composite and
CMYK copies), converted to 8-bit CMYK with the naive formula of :mod:`.cmyk`
(transparency flattened onto white), resampled down to :data:`MAX_PPI` at its printed
size, and embedded losslessly.  A bitmap whose resolution at its
printed size is below what the viewing distance needs (:func:`required_ppi`) is a
warning, not an error: it prints, only blurred.

Pillow is imported inside the functions that use it: commands that never read a
bitmap sign (``signkit signs``, most checks) do not load it.
"""

from __future__ import annotations

import functools
import hashlib
import io
import math
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from signkit.art.sign_files.cmyk import to_cmyk
from signkit.art.sign_files.fitting import fitted
from signkit.art.sign_files.results import FileProblem, RasterArt
from signkit.drawing.box import Box
from signkit.drawing.items import Raster

if TYPE_CHECKING:
    from PIL import Image

#: Largest bitmap accepted, in pixels (50 megapixels: a 1 m sign at 180 ppi, far more than
#: any board needs), checked from the file header before decoding.
MAX_PIXELS = 50_000_000
#: Bitmaps are resampled down to this resolution at their printed size: more only makes the PDF heavier.
MAX_PPI = 300
#: Bytes the decoded picture may take in the mode the file stores it in (pixels × bytes per pixel, from
#: the header): placing it then holds only that one full-size buffer (see :func:`_cmyk_pixels`), so
#: 128 MB (a 5,600 × 5,600 RGBA picture, far more than the ~3,500 pixels a 300 mm sign uses at 300 ppi) keeps
#: placing under ~450 MB; a 50-megapixel greyscale or palette picture fits, a 50-megapixel RGBA one does not.
MAX_DECODED_BYTES = 128 * 1024 * 1024
#: How far below the target width block-averaging may go (the rest is resampled): a 7,070-pixel picture for a
#: 3,544-pixel target is halved to 3,535 (299 ppi instead of 300) rather than converted at full size, which
#: costs four times the work; a picture never ends up below 95 % of :data:`MAX_PPI` this way.
REDUCE_SHARE = 0.95
#: Rows converted at a time when a picture is placed: the CMYK conversion holds about six 32-bit copies of what it
#: converts, so 256 rows of 7,000 pixels cost ~45 MB while converted, where the whole picture would cost gigabytes.
STRIP_ROWS = 256
#: Pillow's own guard (:data:`PIL.Image.MAX_IMAGE_PIXELS`) is left at its default (89 megapixels, an
#: error beyond twice that): :data:`MAX_PIXELS` is lower and checked first, and Pillow's warning is
#: turned into the same refusal, so neither ever reaches the user as a Python warning.
_BYTES_PER_PIXEL = {"1": 1, "L": 1, "P": 1, "LA": 2, "La": 2, "PA": 2, "I;16": 2, "I;16B": 2, "I;16L": 2,
                    "RGB": 3, "YCbCr": 3, "LAB": 3, "HSV": 3, "RGBA": 4, "RGBa": 4, "RGBX": 4, "CMYK": 4,
                    "I": 4, "F": 4}


def load_raster(path: Path, data: bytes) -> RasterArt | FileProblem:
    """Check a PNG or JPEG (``data`` is the file's content) without keeping its pixels."""
    from PIL import Image, UnidentifiedImageError  # Pillow only when a bitmap sign is read (see the module's docstring)

    not_image = FileProblem("not_image", f"标志文件「{path.name}」不是有效的图片（无法识别或已损坏）",
                            "请用图片软件重新导出为 PNG 或 JPEG")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                fmt = image.format
                if width * height > MAX_PIXELS:
                    return _too_many_pixels(path, width, height)
                decoded = width * height * _BYTES_PER_PIXEL.get(image.mode, 8)
                if decoded > MAX_DECODED_BYTES:
                    return FileProblem("too_large", f"标志文件「{path.name}」有 {width}×{height} 像素（{image.mode}），"
                                                    f"解码要 {decoded / 2**20:,.0f} MB，超过上限 {MAX_DECODED_BYTES // 2**20} MB，未读取",
                                       "标志不需要这么高的分辨率：请缩小图片（4000×4000 像素足够任何尺寸的标志），或改用 SVG")
                if fmt not in ("PNG", "JPEG"):
                    return FileProblem("unsupported", f"标志文件「{path.name}」实际是 {fmt} 图片，扩展名与内容不符",
                                       "请导出为 PNG 或 JPEG")
                image.load()  # decode once: a truncated or corrupt file fails here, not while rendering
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return FileProblem("too_large", f"标志文件「{path.name}」的像素数远超上限 {MAX_PIXELS // 1_000_000} 百万像素"
                                        "（疑似“解压炸弹”），未读取", "标志不需要这么高的分辨率：请缩小图片，或改用 SVG")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return not_image
    return RasterArt(path, (width, height), hashlib.sha256(data).hexdigest())


def _too_many_pixels(path: Path, width: int, height: int) -> FileProblem:
    return FileProblem("too_large",
                       f"标志文件「{path.name}」有 {width}×{height} 像素（{width * height / 1e6:.0f} 百万像素），"
                       f"超过上限 {MAX_PIXELS // 1_000_000} 百万像素，未读取",
                       "标志不需要这么高的分辨率：请缩小图片，或改用 SVG")


def required_ppi(distance_m: float) -> int:
    """Pixels per inch a bitmap needs when read from ``distance_m`` metres.

    One pixel per arc-minute, the resolving power of normal eyesight — the print trade's
    rule "ppi ≥ 3438 / viewing distance in inches"; 44 ppi at 2 m.  Below it, pixel
    edges show on the board.
    """
    inches = distance_m * 1000 / 25.4
    return math.ceil(1 / math.tan(math.radians(1 / 60)) / inches)


def effective_ppi(art: RasterArt, box: Box) -> float:
    """The resolution a bitmap prints at when fitted into ``box`` (mm)."""
    placed = fitted(art.width, art.height, box)
    return art.pixels[0] / (placed.w / 25.4)


def resolution_problem(art: RasterArt, box: Box, distance_m: float) -> FileProblem | None:
    """A warning when the bitmap, printed in ``box``, has fewer pixels per inch than ``distance_m`` needs."""
    ppi = effective_ppi(art, box)
    needed = required_ppi(distance_m)
    if ppi >= needed:
        return None
    placed = fitted(art.width, art.height, box)
    return FileProblem("low_resolution",
                       f"标志图片「{art.path.name}」只有 {art.pixels[0]}×{art.pixels[1]} 像素，印成 {placed.w:.0f} mm 宽时"
                       f"约 {ppi:.0f} ppi，{distance_m:g} m 外看清边缘至少要 {needed} ppi，印出会模糊",
                       f"请提供至少 {math.ceil(needed * placed.w / 25.4)} 像素宽的图片，或改用 SVG")


def raster_item(art: RasterArt, box: Box) -> Raster:
    """The bitmap fitted into a sign's ``box``, as CMYK pixels no finer than :data:`MAX_PPI`."""
    placed = fitted(art.width, art.height, box)
    target = min(art.pixels[0], max(1, math.ceil(placed.w / 25.4 * MAX_PPI)))
    pixels, size = _cmyk_pixels(str(art.path), art.digest, target)
    return Raster(placed.x, placed.y, placed.w, placed.h, pixels, size)


@functools.lru_cache(maxsize=16)
def _cmyk_pixels(name: str, _digest: str, width: int) -> tuple[bytes, tuple[int, int]]:
    """Decode, flatten onto white, convert to CMYK and resample to ``width`` pixels (cached).

    Never converts the whole picture at once: the decoded pixels (at most
    :data:`MAX_DECODED_BYTES`, checked when the file was loaded) are cut into strips of
    :data:`STRIP_ROWS` rows, each flattened, converted and — when the picture is at
    least twice too wide — block-averaged on its own, so the only full-size buffers are
    the decoded picture and the CMYK result.  A JPEG that large is decoded already
    scaled down by libjpeg (``draft``).  The final resampling (Lanczos) is done on the
    CMYK result, as it always was.
    """
    from PIL import Image  # Pillow only when a bitmap sign is placed (see the module's docstring)

    with Image.open(name) as image:
        if image.format == "JPEG" and image.width >= 2 * width:
            image.draft(image.mode, (width, max(1, image.height * width // image.width)))
        image.load()
        converted = _cmyk_reduced(image, max(1, int(image.width / (width * REDUCE_SHARE))))
    if width < converted.width:
        height = max(1, round(converted.height * width / converted.width))
        converted = converted.resize((width, height), Image.Resampling.LANCZOS)
    return converted.tobytes(), converted.size


def _cmyk_reduced(image: Image.Image, factor: int) -> Image.Image:
    """``image`` in CMYK (flattened onto white unless it is CMYK already), ``factor × factor`` blocks averaged, strip by strip."""
    from PIL import Image

    out = Image.new("CMYK", (-(-image.width // factor), -(-image.height // factor)))
    rows = max(factor, STRIP_ROWS // factor * factor)
    for top in range(0, image.height, rows):
        strip = image.crop((0, top, image.width, min(image.height, top + rows)))
        if strip.mode != "CMYK":
            rgba = strip.convert("RGBA")
            strip = to_cmyk(Image.alpha_composite(Image.new("RGBA", rgba.size, (255, 255, 255, 255)), rgba).convert("RGB"))
        out.paste(strip.reduce(factor) if factor > 1 else strip, (0, top // factor))
    return out
