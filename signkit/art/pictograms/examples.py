"""Reference pictograms: one per category, showing how the others are drawn.

Coordinates are in the unit square (0–1, y down); keep strokes ≥ 0.05 wide so they
survive reduction to a 2-5 card, and leave a margin of about 0.05 inside the square.
"""

from __future__ import annotations

from signkit.art.pen import Pen
from signkit.art.registry import sign


@sign("当心触电", "警告", aliases=("有电危险", "小心触电", "当心电击", "高压危险", "有电勿触", "注意触电"), number="2-7")
def electric_shock(pen: Pen) -> None:
    """A lightning bolt with an arrowhead."""
    pen.polygon([(0.58, 0.02), (0.30, 0.50), (0.50, 0.50), (0.36, 0.86), (0.30, 0.80), (0.34, 0.99), (0.52, 0.86),
                 (0.45, 0.86), (0.72, 0.40), (0.52, 0.40), (0.70, 0.02)])


@sign("禁止烟火", "禁止", aliases=("严禁烟火", "严禁明火", "禁止使用明火", "禁止火种"), number="1-2")
def no_fire(pen: Pen) -> None:
    """A match with a flame."""
    pen.stroke([(0.22, 0.92), (0.62, 0.42)], 0.09)
    pen.ellipse(0.66, 0.36, 0.07, 0.09)
    pen.fill([("M", 0.70, 0.04), ("C", 0.86, 0.16, 0.92, 0.30, 0.80, 0.38), ("C", 0.84, 0.28, 0.76, 0.20, 0.72, 0.24),
              ("C", 0.74, 0.14, 0.68, 0.10, 0.70, 0.04), ("Z",)])


@sign("必须戴安全帽", "指令", aliases=("必须佩戴安全帽", "戴安全帽", "进入现场必须戴安全帽", "必须正确佩戴安全帽"), number="3-6")
def hard_hat(pen: Pen) -> None:
    """A head in profile wearing a helmet with a brim."""
    pen.fill([("M", 0.18, 0.50), ("C", 0.18, 0.20, 0.40, 0.10, 0.52, 0.10), ("C", 0.70, 0.10, 0.84, 0.24, 0.84, 0.50),
              ("Z",)])
    pen.rect(0.08, 0.50, 0.86, 0.08)
    pen.stroke([(0.52, 0.12), (0.52, 0.48)], 0.05, knockout=True)
    pen.fill([("M", 0.26, 0.62), ("L", 0.78, 0.62), ("C", 0.78, 0.82, 0.66, 0.96, 0.52, 0.96),
              ("C", 0.38, 0.96, 0.26, 0.82, 0.26, 0.62), ("Z",)])


@sign("紧急出口", "提示", aliases=("安全出口", "逃生出口", "紧急疏散出口", "左行紧急出口", "右行紧急出口", "直行紧急出口"),
      number="4-1")
def emergency_exit(pen: Pen) -> None:
    """A running figure heading to a door, with an arrow."""
    pen.polygon([(0.62, 0.08), (0.94, 0.08), (0.94, 0.92), (0.62, 0.92)])
    pen.polygon([(0.66, 0.12), (0.90, 0.12), (0.90, 0.88), (0.66, 0.88)], knockout=True)
    pen.circle(0.44, 0.18, 0.08)
    pen.stroke([(0.40, 0.32), (0.34, 0.58)], 0.10)
    pen.stroke([(0.34, 0.58), (0.46, 0.74), (0.42, 0.92)], 0.08)
    pen.stroke([(0.34, 0.58), (0.22, 0.72), (0.08, 0.72)], 0.08)
    pen.stroke([(0.40, 0.34), (0.54, 0.46), (0.66, 0.40)], 0.07)
    pen.stroke([(0.40, 0.34), (0.24, 0.42), (0.18, 0.54)], 0.07)
