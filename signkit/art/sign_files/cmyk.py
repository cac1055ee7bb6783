"""signkit's one RGB → CMYK conversion for sign files: naive, and the same for vectors and pixels.

K = 1 − max(R, G, B), then C, M, Y from the remainder (full grey-component
replacement), with no ICC colour management: pure safety red, yellow, blue, green and
black come out as the process colours a sign maker expects.  SVG colours, RGB colours
of PDF signs and the pixels of PNG/JPEG signs all go through it, so one sign prints
alike whichever format it came in.
"""

from __future__ import annotations

from typing import Any


def naive_cmyk(red: float, green: float, blue: float) -> tuple[float, float, float, float]:
    """RGB (0–1) to CMYK with full grey-component replacement and no colour management."""
    k = 1.0 - max(red, green, blue)
    if k >= 1.0 - 1e-9:
        return 0.0, 0.0, 0.0, 1.0
    return tuple(round(v, 4) for v in ((1 - red - k) / (1 - k), (1 - green - k) / (1 - k),  # type: ignore[return-value]
                                       (1 - blue - k) / (1 - k), k))


def to_cmyk(rgb: Any) -> Any:
    """An RGB Pillow image in CMYK by :func:`naive_cmyk` (Pillow's own conversion leaves K empty)."""
    from PIL import Image, ImageMath  # Pillow only when a bitmap sign is placed: commands that place none skip it

    red, green, blue = rgb.split()
    top = ImageMath.lambda_eval(lambda a: a["max"](a["max"](a["r"], a["g"]), a["b"]), r=red, g=green, b=blue)

    def channel(values: Any) -> Any:
        # C = (1 − R − K) / (1 − K) = (max − R) / max, on 0–255
        return ImageMath.lambda_eval(lambda a: ((a["t"] - a["v"]) * 255 / a["max"](a["t"], 1)), t=top, v=values
                                     ).convert("L")

    black = ImageMath.lambda_eval(lambda a: 255 - a["t"], t=top).convert("L")
    return Image.merge("CMYK", (channel(red), channel(green), channel(blue), black))
