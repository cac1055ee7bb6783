"""What a PDF colour space prints as: process CMYK, grey, RGB, a spot colour, registration.

A print shop separates every page into the four process plates (C, M, Y, K).  What
maps onto them directly is fine:

* ``DeviceCMYK``, ``ICCBased`` with 4 components, ``DeviceN`` whose colorants are all
  process names (Cyan, Magenta, Yellow, Black);
* grey (``DeviceGray``, ``CalGray``, ``ICCBased`` with 1 component): it prints on the
  black plate only, which is exactly what K-only content (black text and rules) wants,
  so grey is *not* reported;
* the registration colour, a ``Separation`` named ``All``, which prints on every plate
  and is what crop marks are drawn in (signkit's own marks use it);
* a ``Separation`` named ``None``, which prints nothing.

What does not: RGB (``DeviceRGB``, ``CalRGB``, ``ICCBased`` with 3 components) and
``Lab`` must be converted by the RIP, and the colours shift; any other ``Separation``
or ``DeviceN`` colorant is a spot colour, an extra plate or an approximation.
``Indexed`` spaces are judged by their base space, ``Pattern`` spaces by the pattern
(and, for uncoloured patterns, by the underlying space).

Not looked at: ``/DefaultRGB``-style default colour spaces in resources (a Device
space is judged by its name), and the alternate space of a spot colour.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import pikepdf

PROCESS_COLORANTS = frozenset({"Cyan", "Magenta", "Yellow", "Black"})
REGISTRATION_NAME = "All"

#: Inline-image abbreviations and the device names they stand for.
_ABBREVIATIONS = {"/G": "/DeviceGray", "/RGB": "/DeviceRGB", "/CMYK": "/DeviceCMYK", "/I": "/Indexed"}
_MAX_DEPTH = 8


class Ink(enum.Enum):
    """How a colour space prints."""

    PROCESS = "process"
    GRAY = "gray"
    REGISTRATION = "registration"
    NONE = "none"
    RGB = "rgb"
    NON_CMYK = "non-cmyk"
    SPOT = "spot"
    PATTERN = "pattern"
    UNKNOWN = "unknown"

    @property
    def fine(self) -> bool:
        """Prints on the process plates as it is (or not at all)."""
        return self in (Ink.PROCESS, Ink.GRAY, Ink.REGISTRATION, Ink.NONE)


@dataclass(frozen=True)
class ColorInfo:
    """A classified colour space: its kind, a short label for messages, spot names, pattern base."""

    ink: Ink
    label: str
    spots: tuple[str, ...] = ()
    base: ColorInfo | None = None


def name_text(obj: pikepdf.Object) -> str:
    """``/PANTONE 021 C`` → ``PANTONE 021 C``."""
    return str(obj).removeprefix("/")


def _device(name: str) -> ColorInfo | None:
    name = _ABBREVIATIONS.get(name, name)
    if name == "/DeviceCMYK":
        return ColorInfo(Ink.PROCESS, "DeviceCMYK")
    if name == "/DeviceGray":
        return ColorInfo(Ink.GRAY, "DeviceGray")
    if name == "/DeviceRGB":
        return ColorInfo(Ink.RGB, "DeviceRGB")
    if name == "/Pattern":
        return ColorInfo(Ink.PATTERN, "Pattern")
    return None


def _separation(colorant: str) -> ColorInfo:
    if colorant == REGISTRATION_NAME:
        return ColorInfo(Ink.REGISTRATION, "Separation All（套准色）")
    if colorant == "None":
        return ColorInfo(Ink.NONE, "Separation None")
    if colorant in PROCESS_COLORANTS:
        return ColorInfo(Ink.PROCESS, f"Separation {colorant}")
    return ColorInfo(Ink.SPOT, f"Separation「{colorant}」", spots=(colorant,))


def _device_n(colorants: list[str]) -> ColorInfo:
    spots = tuple(c for c in colorants if c not in PROCESS_COLORANTS and c not in ("None", REGISTRATION_NAME))
    label = "DeviceN（" + "、".join(colorants) + "）"
    if spots:
        return ColorInfo(Ink.SPOT, label, spots=spots)
    return ColorInfo(Ink.PROCESS, label)


def _icc(stream: pikepdf.Object) -> ColorInfo:
    components = stream.get("/N") if isinstance(stream, pikepdf.Stream) else None
    n = int(components) if isinstance(components, int) else 0
    if n == 4:
        return ColorInfo(Ink.PROCESS, "ICCBased（CMYK）")
    if n == 1:
        return ColorInfo(Ink.GRAY, "ICCBased（灰度）")
    if n == 3:
        return ColorInfo(Ink.RGB, "ICCBased（RGB）")
    return ColorInfo(Ink.UNKNOWN, f"ICCBased（{n} 通道）")


def classify(space: pikepdf.Object | None, resources: pikepdf.Object | None, depth: int = 0) -> ColorInfo:
    """Classify a colour space operand or ``/ColorSpace`` value, looking names up in ``resources``."""
    if space is None or depth > _MAX_DEPTH:
        return ColorInfo(Ink.UNKNOWN, "未知")
    if isinstance(space, pikepdf.Name):
        found = _device(str(space))
        if found is not None:
            return found
        named = _lookup(resources, str(space))
        if named is None:
            return ColorInfo(Ink.UNKNOWN, f"未定义的颜色空间 {name_text(space)}")
        return classify(named, resources, depth + 1)
    if not isinstance(space, pikepdf.Array) or len(space) == 0:
        return ColorInfo(Ink.UNKNOWN, "格式不对的颜色空间")
    head = str(space[0])
    head = _ABBREVIATIONS.get(head, head)
    if head in ("/DeviceCMYK", "/DeviceGray", "/DeviceRGB", "/Pattern") and len(space) == 1:
        return classify(pikepdf.Name(head), resources, depth + 1)
    if head == "/CalRGB":
        return ColorInfo(Ink.RGB, "CalRGB")
    if head == "/CalGray":
        return ColorInfo(Ink.GRAY, "CalGray")
    if head == "/CalCMYK":
        return ColorInfo(Ink.PROCESS, "CalCMYK")
    if head == "/Lab":
        return ColorInfo(Ink.NON_CMYK, "Lab")
    if head == "/ICCBased" and len(space) > 1:
        return _icc(space[1])
    if head == "/Indexed" and len(space) > 1:
        base = classify(space[1], resources, depth + 1)
        return ColorInfo(base.ink, f"Indexed（{base.label}）", spots=base.spots)
    if head == "/Separation" and len(space) > 1:
        return _separation(name_text(space[1]))
    if head == "/DeviceN" and len(space) > 1 and isinstance(space[1], pikepdf.Array):
        return _device_n([name_text(c) for c in space[1]])
    if head == "/Pattern" and len(space) > 1:
        return ColorInfo(Ink.PATTERN, "Pattern", base=classify(space[1], resources, depth + 1))
    return ColorInfo(Ink.UNKNOWN, f"未知的颜色空间 {name_text(space[0])}")


def _lookup(resources: pikepdf.Object | None, name: str) -> pikepdf.Object | None:
    if not isinstance(resources, pikepdf.Dictionary):
        return None
    spaces = resources.get("/ColorSpace")
    if not isinstance(spaces, pikepdf.Dictionary):
        return None
    return spaces.get(name)
