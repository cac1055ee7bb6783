"""指令 (mandatory) pictograms: white symbols on the blue circle.

Ink is white and ``knockout=True`` draws blue, which is how straps, seams, lenses and
the thin gaps that separate a piece of protective equipment from the head or body
wearing it are drawn.
"""

from __future__ import annotations

from signkit.art.pen import Pen
from signkit.art.pictograms.parts import bust, outline, rounded_rect
from signkit.art.registry import sign


@sign("必须系安全带", "指令", aliases=("必须佩戴安全带", "系安全带", "高处作业必须系安全带", "必须系好安全带"), number="3-8")
def wear_harness(pen: Pen) -> None:
    """A figure in a full-body harness, its lanyard hooked to an anchor beam overhead."""
    pen.stroke([(0.50, 0.07), (0.92, 0.07)], 0.07)
    pen.stroke([(0.60, 0.30), (0.68, 0.20), (0.75, 0.12)], 0.05)
    pen.arc(0.77, 0.07, 0.06, 90, 300, 0.045)
    pen.circle(0.40, 0.21, 0.09)
    pen.polygon([(0.23, 0.32), (0.57, 0.32), (0.54, 0.66), (0.26, 0.66)])
    pen.stroke([(0.25, 0.36), (0.16, 0.52), (0.14, 0.68)], 0.085)
    pen.stroke([(0.55, 0.36), (0.64, 0.52), (0.66, 0.68)], 0.085)
    pen.stroke([(0.33, 0.66), (0.32, 0.92)], 0.105)
    pen.stroke([(0.48, 0.66), (0.49, 0.92)], 0.105)
    for points in ([(0.31, 0.32), (0.38, 0.56)], [(0.49, 0.32), (0.42, 0.56)], [(0.25, 0.56), (0.55, 0.56)],
                   [(0.26, 0.75), (0.40, 0.73)], [(0.41, 0.73), (0.55, 0.75)]):
        pen.stroke(points, 0.045, knockout=True)
    pen.ring(0.60, 0.30, 0.06, 0.025)


@sign("必须戴防护眼镜", "指令", aliases=("戴防护眼镜", "必须佩戴防护眼镜", "必须戴护目镜", "戴防护镜"), number="3-1")
def wear_goggles(pen: Pen) -> None:
    """A head face on, wearing wide goggles."""
    bust(pen)
    goggles = [("M", 0.14, 0.34), ("C", 0.14, 0.26, 0.20, 0.24, 0.28, 0.24), ("L", 0.72, 0.24),
               ("C", 0.80, 0.24, 0.86, 0.26, 0.86, 0.34), ("L", 0.86, 0.44), ("C", 0.86, 0.50, 0.82, 0.54, 0.74, 0.54),
               ("L", 0.60, 0.54), ("C", 0.56, 0.54, 0.54, 0.48, 0.50, 0.48), ("C", 0.46, 0.48, 0.44, 0.54, 0.40, 0.54),
               ("L", 0.26, 0.54), ("C", 0.18, 0.54, 0.14, 0.50, 0.14, 0.44), ("Z",)]
    pen.stroke(outline(goggles), 0.06, closed=True, knockout=True)
    pen.fill(goggles)
    pen.fill(rounded_rect(0.19, 0.29, 0.25, 0.20, 0.06), knockout=True)
    pen.fill(rounded_rect(0.56, 0.29, 0.25, 0.20, 0.06), knockout=True)


@sign("必须戴防毒面具", "指令", aliases=("戴防毒面具", "必须佩戴防毒面具", "必须戴防毒口罩"), number="3-4")
def wear_gas_mask(pen: Pen) -> None:
    """A head face on in a full-face gas mask with round eyepieces and a filter canister."""
    bust(pen)
    pen.circle(0.39, 0.36, 0.075, knockout=True)
    pen.circle(0.61, 0.36, 0.075, knockout=True)
    pen.arc(0.50, 0.42, 0.25, 200, 340, 0.03, knockout=True)
    pen.circle(0.50, 0.68, 0.17, knockout=True)
    pen.circle(0.50, 0.68, 0.14)
    for dy in (-0.055, 0.0, 0.055):
        pen.stroke([(0.43, 0.68 + dy), (0.57, 0.68 + dy)], 0.03, knockout=True)


@sign("必须戴防护手套", "指令", aliases=("戴防护手套", "必须佩戴防护手套", "必须戴手套"), number="3-11")
def wear_gloves(pen: Pen) -> None:
    """A protective glove with a flared cuff."""
    pen.fill([("M", 0.26, 0.40), ("L", 0.74, 0.40), ("C", 0.76, 0.56, 0.72, 0.66, 0.68, 0.70),
              ("L", 0.34, 0.70), ("C", 0.28, 0.62, 0.26, 0.54, 0.26, 0.40), ("Z",)])
    for (bx, by), (tx, ty) in (((0.32, 0.44), (0.29, 0.18)), ((0.44, 0.42), (0.43, 0.07)),
                               ((0.56, 0.42), (0.57, 0.06)), ((0.68, 0.44), (0.71, 0.16))):
        pen.stroke([(bx, by), (tx, ty)], 0.11)
    pen.stroke([(0.32, 0.62), (0.20, 0.50), (0.14, 0.36)], 0.11)
    pen.polygon([(0.30, 0.74), (0.70, 0.74), (0.78, 0.97), (0.22, 0.97)])
    pen.stroke([(0.30, 0.72), (0.70, 0.72)], 0.045, knockout=True)


@sign("必须穿防护鞋", "指令", aliases=("穿防护鞋", "必须穿安全鞋", "必须穿劳保鞋", "必须穿绝缘鞋"), number="3-12")
def wear_safety_boots(pen: Pen) -> None:
    """A safety boot in profile with a thick sole and toe cap."""
    pen.fill([("M", 0.22, 0.06), ("L", 0.56, 0.06), ("L", 0.58, 0.50), ("C", 0.66, 0.54, 0.82, 0.58, 0.90, 0.64),
              ("C", 0.94, 0.68, 0.94, 0.76, 0.94, 0.80), ("L", 0.94, 0.92), ("L", 0.10, 0.92), ("L", 0.12, 0.62),
              ("C", 0.16, 0.50, 0.20, 0.40, 0.22, 0.06), ("Z",)])
    pen.stroke([(0.08, 0.80), (0.96, 0.80)], 0.04, knockout=True)
    pen.arc(0.94, 0.80, 0.18, 180, 250, 0.04, knockout=True)
    pen.stroke([(0.22, 0.16), (0.56, 0.16)], 0.035, knockout=True)
    for y in (0.26, 0.34, 0.42):
        pen.stroke([(0.50, y), (0.58, y + 0.02)], 0.03, knockout=True)


@sign("必须戴防尘口罩", "指令", aliases=("戴防尘口罩", "必须佩戴防尘口罩", "佩戴防尘口罩"), number="3-3")
def wear_dust_mask(pen: Pen) -> None:
    """A head face on with a dust mask over nose and mouth, strapped behind the ears."""
    bust(pen)
    pen.circle(0.40, 0.34, 0.035, knockout=True)
    pen.circle(0.60, 0.34, 0.035, knockout=True)
    mask = [("M", 0.30, 0.46), ("C", 0.40, 0.40, 0.60, 0.40, 0.70, 0.46), ("L", 0.68, 0.62),
            ("C", 0.62, 0.74, 0.38, 0.74, 0.32, 0.62), ("Z",)]
    pen.stroke(outline(mask), 0.06, closed=True, knockout=True)
    pen.fill(mask)
    pen.stroke([(0.30, 0.48), (0.22, 0.40)], 0.03, knockout=True)
    pen.stroke([(0.70, 0.48), (0.78, 0.40)], 0.03, knockout=True)
    pen.stroke([(0.32, 0.60), (0.23, 0.56)], 0.03, knockout=True)
    pen.stroke([(0.68, 0.60), (0.77, 0.56)], 0.03, knockout=True)
    for y in (0.52, 0.58):
        pen.stroke([(0.38, y), (0.62, y)], 0.02, knockout=True)


@sign("必须戴护耳器", "指令", aliases=("戴护耳器", "必须佩戴护耳器", "必须戴耳塞", "必须戴耳罩"), number="3-5")
def wear_ear_protection(pen: Pen) -> None:
    """A head face on wearing ear muffs on a headband."""
    bust(pen)
    pen.arc(0.50, 0.42, 0.33, 180, 360, 0.10, knockout=True)
    pen.arc(0.50, 0.42, 0.33, 185, 355, 0.06)
    for x in (0.20, 0.80):
        pen.ellipse(x, 0.46, 0.12, 0.17, knockout=True)
        pen.ellipse(x, 0.46, 0.09, 0.14)


@sign("必须加锁", "指令", aliases=("必须上锁", "必须锁闭"), number="3-14")
def lock_out(pen: Pen) -> None:
    """A closed padlock with a keyhole."""
    pen.arc(0.50, 0.34, 0.20, 180, 360, 0.11)
    pen.stroke([(0.30, 0.34), (0.30, 0.50)], 0.11)
    pen.stroke([(0.70, 0.34), (0.70, 0.50)], 0.11)
    pen.fill(rounded_rect(0.16, 0.46, 0.68, 0.48, 0.07))
    pen.circle(0.50, 0.64, 0.065, knockout=True)
    pen.polygon([(0.47, 0.64), (0.53, 0.64), (0.56, 0.82), (0.44, 0.82)], knockout=True)
