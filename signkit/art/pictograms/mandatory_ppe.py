"""指令 (mandatory) pictograms for protective equipment the library lacked (GB 2894—2008 表3, GB 2894—2025 additions).

White symbols on the blue disc, in the manner of ``mandatory.py``: a head or body wearing
the equipment, the equipment set off from the wearer by a thin blue gap.  The ISO 7010
sign each follows is named in its docstring (GB 2894 was drafted after ISO 7010).
"""

from __future__ import annotations

from signkit.art.pen import Pen
from signkit.art.pictograms.parts import bust, earth, outline, rounded_rect
from signkit.art.registry import sign


@sign("必须佩戴遮光护目镜", "指令", aliases=("必须戴遮光护目镜", "必须戴焊接护目镜", "必须戴遮光镜"), number="3-2")
def wear_opaque_goggles(pen: Pen) -> None:
    """A head face on wearing welding goggles: two round cups, solid because their filters are dark (ISO M007)."""
    bust(pen)
    pen.stroke([(0.21, 0.38), (0.79, 0.38)], 0.11, knockout=True)
    pen.stroke([(0.21, 0.38), (0.79, 0.38)], 0.05)
    for x in (0.37, 0.63):
        pen.circle(x, 0.38, 0.155, knockout=True)
    for x in (0.37, 0.63):
        pen.circle(x, 0.38, 0.12)
    pen.stroke([(0.44, 0.38), (0.56, 0.38)], 0.05)


@sign("必须戴防护帽", "指令", aliases=("必须戴工作帽", "戴防护帽", "长发必须盘入帽内"), number="3-7")
def wear_cap(pen: Pen) -> None:
    """A head face on in a soft work cap that covers all the hair, gathered by an elastic band."""
    bust(pen)
    pen.circle(0.40, 0.44, 0.035, knockout=True)
    pen.circle(0.60, 0.44, 0.035, knockout=True)
    cap = [("M", 0.19, 0.33), ("C", 0.13, 0.12, 0.32, 0.03, 0.50, 0.03), ("C", 0.68, 0.03, 0.87, 0.12, 0.81, 0.33),
           ("Z",)]
    pen.stroke(outline(cap), 0.06, closed=True, knockout=True)
    pen.fill(cap)
    pen.stroke([(0.19, 0.26), (0.81, 0.26)], 0.03, knockout=True)


@sign("必须穿救生衣", "指令", aliases=("穿救生衣", "必须穿戴救生衣"), number="3-9")
def wear_life_jacket(pen: Pen) -> None:
    """A person in a buoyant life jacket: a high collar behind the head, two padded front panels (ISO M053)."""
    for side in (-1, 1):
        pen.stroke([(0.50 + side * 0.22, 0.34), (0.50 + side * 0.33, 0.52), (0.50 + side * 0.35, 0.68)], 0.075)
        pen.stroke([(0.50 + side * 0.08, 0.66), (0.50 + side * 0.09, 0.95)], 0.10)
    pen.fill(rounded_rect(0.22, 0.22, 0.56, 0.50, 0.09), knockout=True)
    pen.arc(0.50, 0.25, 0.16, 180, 360, 0.20, knockout=True)
    pen.arc(0.50, 0.25, 0.16, 180, 360, 0.10)
    for x in (0.25, 0.515):
        pen.fill(rounded_rect(x, 0.25, 0.235, 0.44, 0.07))
    for y in (0.45, 0.57):
        pen.stroke([(0.24, y), (0.76, y)], 0.03, knockout=True)
    pen.circle(0.50, 0.18, 0.12, knockout=True)
    pen.circle(0.50, 0.17, 0.09)


@sign("必须穿防护服", "指令", aliases=("穿防护服", "必须穿工作服", "必须穿戴防护服"), number="3-10")
def wear_protective_clothing(pen: Pen) -> None:
    """A one-piece protective overall, face on, with collar, zip and chest pocket (ISO M010)."""
    pen.polygon([(0.42, 0.06), (0.30, 0.10), (0.12, 0.58), (0.22, 0.61), (0.33, 0.33), (0.32, 0.56), (0.30, 0.95),
                 (0.46, 0.95), (0.50, 0.60), (0.54, 0.95), (0.70, 0.95), (0.68, 0.56), (0.67, 0.33), (0.78, 0.61),
                 (0.88, 0.58), (0.70, 0.10), (0.58, 0.06), (0.50, 0.14)])
    pen.stroke([(0.50, 0.15), (0.50, 0.56)], 0.03, knockout=True)
    pen.stroke([(0.42, 0.07), (0.50, 0.16), (0.58, 0.07)], 0.03, knockout=True)
    pen.stroke([(0.33, 0.31), (0.29, 0.42)], 0.025, knockout=True)
    pen.stroke([(0.67, 0.31), (0.71, 0.42)], 0.025, knockout=True)
    pen.stroke([(0.56, 0.25), (0.63, 0.25)], 0.03, knockout=True)


@sign("必须戴防护面罩", "指令", aliases=("必须戴面罩", "戴防护面罩", "必须戴防护面屏"), standard="GB 2894—2025")
def wear_face_shield(pen: Pen) -> None:
    """A head in profile behind a clear face shield hung from a headband (ISO M013)."""
    head = [("M", 0.44, 0.24), ("C", 0.50, 0.12, 0.64, 0.10, 0.72, 0.14), ("C", 0.86, 0.20, 0.88, 0.42, 0.80, 0.58),
            ("L", 0.78, 0.96), ("L", 0.55, 0.96), ("L", 0.54, 0.76), ("C", 0.48, 0.78, 0.42, 0.74, 0.42, 0.68),
            ("L", 0.40, 0.60), ("L", 0.37, 0.56), ("L", 0.40, 0.52), ("L", 0.35, 0.45), ("C", 0.39, 0.38, 0.41, 0.30,
                                                                                            0.44, 0.24), ("Z",)]
    pen.fill(head)
    pen.stroke([(0.42, 0.26), (0.86, 0.30)], 0.09, knockout=True)
    pen.stroke([(0.42, 0.26), (0.86, 0.30)], 0.045)
    shield = [(0.40, 0.22), (0.22, 0.24), (0.16, 0.50), (0.18, 0.82), (0.48, 0.86)]
    pen.stroke(shield, 0.12, knockout=True)
    pen.stroke(shield, 0.06)
    pen.circle(0.66, 0.28, 0.05)


@sign("必须穿防静电鞋", "指令", aliases=("必须穿防静电工作鞋", "穿防静电鞋"), standard="GB 2894—2025")
def wear_antistatic_shoes(pen: Pen) -> None:
    """A work shoe in profile whose sole leads a spark down to earth (ISO M032: a shoe and a lightning flash)."""
    shoe = [("M", 0.12, 0.12), ("L", 0.42, 0.12), ("C", 0.46, 0.22, 0.56, 0.27, 0.70, 0.30),
            ("C", 0.86, 0.33, 0.92, 0.40, 0.92, 0.48), ("L", 0.92, 0.56), ("L", 0.08, 0.56), ("L", 0.08, 0.40),
            ("C", 0.08, 0.28, 0.10, 0.20, 0.12, 0.12), ("Z",)]
    pen.fill(shoe)
    pen.stroke([(0.06, 0.48), (0.94, 0.48)], 0.035, knockout=True)
    for x in (0.50, 0.58, 0.66):
        pen.stroke([(x, 0.24 + (x - 0.50) * 0.6), (x - 0.04, 0.32 + (x - 0.50) * 0.6)], 0.03, knockout=True)
    pen.polygon([(0.55, 0.58), (0.41, 0.73), (0.51, 0.73), (0.44, 0.86), (0.62, 0.68), (0.53, 0.68), (0.63, 0.58)])
    earth(pen, 0.50, 0.86, 0.40, line=0.05)
