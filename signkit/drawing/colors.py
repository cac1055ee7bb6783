"""The colours signkit prints, as CMYK process values (documented in docs/design.md).

Large-format printers (喷绘, UV) print CMYK; values are chosen to read as the named
colour on coated and vinyl media without relying on an RGB conversion.  The four risk
colours follow the regulation's 红 / 橙 / 黄 / 蓝 grading.
"""

from __future__ import annotations

from signkit.drawing.items import Color

SKY_BLUE = Color("天蓝", 0.45, 0.08, 0.0, 0.0)
WHITE = Color("白", 0.0, 0.0, 0.0, 0.0)
BLACK = Color("黑", 0.0, 0.0, 0.0, 1.0)
RICH_BLACK = Color("四色黑", 0.6, 0.4, 0.4, 1.0)
GREY = Color("灰", 0.0, 0.0, 0.0, 0.55)
TITLE_BLUE = Color("深蓝", 1.0, 0.75, 0.0, 0.15)

RISK_COLORS: dict[str, Color] = {
    "重大": Color("红", 0.0, 1.0, 1.0, 0.0),
    "较大": Color("橙", 0.0, 0.6, 1.0, 0.0),
    "一般": Color("黄", 0.0, 0.15, 1.0, 0.0),
    "低": Color("蓝", 1.0, 0.55, 0.0, 0.0),
}

#: Text on each risk colour: white on red, orange and blue; black on yellow.
RISK_TEXT: dict[str, Color] = {"重大": WHITE, "较大": WHITE, "一般": BLACK, "低": WHITE}
