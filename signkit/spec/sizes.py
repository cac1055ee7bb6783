"""Board sizes: the regulation's minimums, what the user asks for, and whether it is allowed.

"参考最小尺寸" is a floor: a board may be larger in both dimensions, never smaller.
Where the text says "按比例放大" (2-3, 2-6) a larger board keeps the minimum's
proportions.  The 2-5 card has no size in the regulation ("便于携带"): any pocket size
from a bank card (54 × 85.6 mm) up, A6 by default; its legibility is enforced by the
7 pt minimum type size instead.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from signkit.spec.forms import FORMS

#: Forms whose larger sizes must keep the minimum's proportions.
PROPORTIONAL = frozenset(form for form, spec in FORMS.items() if spec.proportional)
CARD_MIN = (54.0, 85.6)
RATIO_TOLERANCE = 0.005

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[x×*Xｘ]\s*(\d+(?:\.\d+)?)\s*(mm|cm|毫米|厘米)?\s*$")


def parse_size(text: str) -> tuple[float, float]:
    """``"1500×1000"`` (mm), ``"150×100cm"`` → (width, height) in mm; ``ValueError`` with a Chinese reason."""
    match = _SIZE.match(unicodedata.normalize("NFKC", text))
    if not match:
        raise ValueError(f"尺寸「{text}」格式不对，应写成 宽×高（毫米），如 1500×1000 或 150×100cm")
    width, height = float(match.group(1)), float(match.group(2))
    if match.group(3) in ("cm", "厘米"):
        width, height = width * 10, height * 10
    if width <= 0 or height <= 0:
        raise ValueError(f"尺寸「{text}」必须大于 0")
    return width, height


def minimum(form_id: str) -> tuple[float, float]:
    if form_id == "2-5":
        return CARD_MIN
    width, height = FORMS[form_id].min_size_mm
    return float(width), float(height)


def default_size(form_id: str) -> tuple[float, float]:
    width, height = FORMS[form_id].min_size_mm
    return float(width), float(height)


def board_size(form_id: str, requested: str | None) -> tuple[float, float]:
    """The size a board of ``form_id`` is laid out at: ``requested`` (输出.尺寸 or ``--size``), else the default.

    A malformed request falls back to the default here: reporting it is the size rules'
    business (SK225), and the rules that judge what fits on the board (signs, QR codes)
    must judge it at the size the layout will really use.
    """
    if requested:
        try:
            return parse_size(requested)
        except ValueError:
            pass
    return default_size(form_id)


def size_problem(form_id: str, width: float, height: float) -> str | None:
    """Why ``width × height`` is not allowed for ``form_id`` (Chinese), or ``None``."""
    min_w, min_h = minimum(form_id)
    name = f"附表 {form_id}"
    if width + 1e-6 < min_w or height + 1e-6 < min_h:
        return f"{name}的尺寸 {width:g}×{height:g} mm 小于最小尺寸 {min_w:g}×{min_h:g} mm"
    if form_id in PROPORTIONAL:
        ratio = (width / height) / (min_w / min_h)
        if abs(ratio - 1) > RATIO_TOLERANCE:
            scale = width / min_w
            return (f"{name}须按比例放大（{min_w:g}:{min_h:g}），{width:g}×{height:g} mm 不成比例；"
                    f"按宽度应为 {width:g}×{min_h * scale:g} mm")
    return None


def scale_of(form_id: str, width: float, height: float) -> float:
    """How much larger than the form's default size (type and margins grow by this)."""
    base_w, base_h = default_size(form_id)
    return max(min(width / base_w, height / base_h), 0.1)


@dataclass(frozen=True)
class Sizing:
    """A board's trim size and the scale relative to the form's minimum size.

    Type sizes, margins and borders scale with ``scale``; the legible minimum type size
    does not (a bigger board is read from further away, not closer).
    """

    width: float
    height: float
    scale: float
