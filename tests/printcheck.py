"""Reading a page's content the way a RIP sets it, for the print-shop checks: text with its size, ink and overprint, marks.

Just enough of a content-stream interpreter for signkit's own output (ReportLab's
operators): the graphics-state stack, ``cm``, CMYK and separation colours, ``gs``
(overprint keys), text objects (``Tf``, ``Tm``, ``Td``, ``TL``, ``T*``) and straight
stroked lines (``m``/``l`` … ``S``).  Coordinates are in mm from the page's
bottom-left corner (MediaBox origin).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

import pikepdf

PT = 25.4 / 72.0

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _mul(m: Matrix, n: Matrix) -> Matrix:
    """m × n (m applied first), PDF's row-vector convention."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2, e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


@dataclass
class _State:
    ctm: Matrix = IDENTITY
    fill: tuple[str, tuple[float, ...]] = ("gray", (0.0,))
    stroke: tuple[str, tuple[float, ...]] = ("gray", (0.0,))
    fill_space: str = "DeviceGray"
    stroke_space: str = "DeviceGray"
    op: bool = False
    OP: bool = False
    OPM: int = 0
    op_set: bool = False


@dataclass(frozen=True)
class Shown:
    """One text-showing operator: where (mm), its size (pt, as printed), ink, and whether the fill overprints."""

    x: float
    y: float
    size_pt: float
    fill: tuple[str, tuple[float, ...]]
    overprint: bool
    mode: int
    ctm: Matrix


@dataclass(frozen=True)
class Stroke:
    """One straight stroked segment (mm), its colour space and width (pt), and whether the stroke overprints."""

    x1: float
    y1: float
    x2: float
    y2: float
    space: str
    color: tuple[float, ...]
    width_pt: float
    overprint: bool


@dataclass
class Reading:
    texts: list[Shown] = field(default_factory=list)
    strokes: list[Stroke] = field(default_factory=list)


def read_page(pdf: bytes, index: int = 0) -> Reading:
    """What page ``index`` of ``pdf`` shows: every text run and every straight stroke."""
    out = Reading()
    with pikepdf.open(io.BytesIO(pdf)) as document:
        page = document.pages[index]
        resources = page.obj.get("/Resources", pikepdf.Dictionary())
        gstates = resources.get("/ExtGState", pikepdf.Dictionary())
        spaces = resources.get("/ColorSpace", pikepdf.Dictionary())
        state, stack = _State(), []
        tm = line = IDENTITY
        size = 0.0
        leading = 0.0
        path: list[tuple[float, float]] = []
        segments: list[tuple[tuple[float, float], tuple[float, float]]] = []
        width = 1.0
        widths: list[float] = []
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            args: list[Any] = list(operands)
            if op == "q":
                stack.append((_copy(state), width))
            elif op == "Q" and stack:
                state, width = stack.pop()
            elif op == "cm":
                state.ctm = _mul(tuple(float(v) for v in args), state.ctm)  # type: ignore[arg-type]
            elif op == "w":
                width = float(args[0])
            elif op in ("k", "K"):
                value = ("cmyk", tuple(float(v) for v in args))
                if op == "k":
                    state.fill, state.fill_space = value, "DeviceCMYK"
                else:
                    state.stroke, state.stroke_space = value, "DeviceCMYK"
            elif op in ("cs", "CS"):
                name = str(args[0])
                space = spaces.get(name) if name.startswith("/") and name in spaces else None
                label = name.lstrip("/")
                if isinstance(space, pikepdf.Array) and space[0] == pikepdf.Name.Separation:
                    label = "Separation" + str(space[1])
                if op == "cs":
                    state.fill_space = label
                else:
                    state.stroke_space = label
            elif op in ("scn", "SCN", "sc", "SC"):
                value = (state.fill_space if op in ("scn", "sc") else state.stroke_space,
                         tuple(float(v) for v in args if isinstance(v, int | float | pikepdf.Object) and not isinstance(v, pikepdf.Name)))
                if op in ("scn", "sc"):
                    state.fill = value
                else:
                    state.stroke = value
            elif op == "gs":
                gstate = gstates[str(args[0])]
                if "/OP" in gstate:
                    state.OP = bool(gstate.OP)
                    if not state.op_set:
                        state.op = state.OP
                if "/op" in gstate:
                    state.op, state.op_set = bool(gstate.op), True
                if "/OPM" in gstate:
                    state.OPM = int(gstate.OPM)
            elif op == "BT":
                tm = line = IDENTITY
            elif op == "Tf":
                size = float(args[1])
            elif op == "TL":
                leading = float(args[0])
            elif op == "Tm":
                tm = line = tuple(float(v) for v in args)  # type: ignore[assignment]
            elif op == "Td":
                line = _mul((1, 0, 0, 1, float(args[0]), float(args[1])), line)
                tm = line
            elif op == "T*":
                line = _mul((1, 0, 0, 1, 0, -leading), line)
                tm = line
            elif op in ("Tj", "TJ", "'", '"'):
                full = _mul(tm, state.ctm)
                x, y = _apply(full, 0, 0)
                scale = (full[2] ** 2 + full[3] ** 2) ** 0.5
                out.texts.append(Shown(x * PT, y * PT, size * scale, state.fill, state.op, state.OPM, state.ctm))
            elif op == "m":
                path = [_apply(state.ctm, float(args[0]), float(args[1]))]
            elif op == "l" and path:
                point = _apply(state.ctm, float(args[0]), float(args[1]))
                segments.append((path[-1], point))
                path.append(point)
            elif op in ("S", "s", "B", "b", "B*", "b*"):
                scale = (state.ctm[0] ** 2 + state.ctm[1] ** 2) ** 0.5
                for (x1, y1), (x2, y2) in segments:
                    out.strokes.append(Stroke(x1 * PT, y1 * PT, x2 * PT, y2 * PT, state.stroke[0], state.stroke[1],
                                              width * scale, state.OP))
                segments, path = [], []
            elif op in ("n", "f", "F", "f*"):
                segments, path = [], []
        del widths
    return out


def _copy(state: _State) -> _State:
    return _State(**vars(state))
