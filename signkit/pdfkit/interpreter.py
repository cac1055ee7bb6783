"""One PDF content-stream interpreter, shared by the preflight and the PDF sign reader.

Both read a page the way a RIP would: instruction by instruction, keeping a graphics
state, descending into the Form XObjects the page draws.  What they make of it differs
— the preflight records what would print wrong and carries on, the sign reader turns
paths into CMYK shapes and refuses the whole file at the first thing it cannot draw —
but the reading itself is the same, and is done here once:

* **tokens**: pikepdf's parser, each indirect stream parsed once per document (a form
  drawn a hundred times is parsed once); how a stream's bytes are obtained (a page's
  array of streams, an operator filter, bounded decoding) is the client's
  :meth:`Interpreter.parse`;
* **the graphics-state stack**: ``q`` saves the whole state, ``Q`` restores it (an
  unbalanced ``Q`` is ignored, as RIPs do), ``cm`` composes the CTM as
  ``multiply(M, CTM)`` (see :mod:`.geometry`);
* **colour operators**: ``g G rg RG k K`` (a device space), ``cs CS`` (a space),
  ``sc scn SC SCN`` (components, or a pattern name) are recognised, their fill or
  stroke side told apart, and handed to the client;
* **XObjects**: ``Do`` is looked up in the stream's resources; a Form XObject is drawn
  with its ``/Matrix``, its own resources (the parent's when it has none), and two
  guards — a form inside itself (a cycle) and forms nested deeper than the client's
  ``max_depth`` are handed to the client instead of being followed;
* **the instruction budget** (:class:`Budget`): forms that draw each other ten times
  at every level make a few hundred bytes ask for billions of operations, so every
  document has a budget of instructions, counted either a whole stream at a time
  (the preflight: a stream is walked entirely or not at all, so what is reported was
  really seen) or instruction by instruction (the sign reader, which refuses the file
  when it runs out).

A client subclasses :class:`Interpreter` with its own graphics state (a subclass of
:class:`GraphicsState`, which holds the CTM) and overrides the hooks it cares about;
each hook is called in content order and returns the new state where it may change
it.  Hooks may raise to stop everything (the sign reader does).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Generic, Literal, TypeVar

import pikepdf

from signkit.diagnostics import KeyPath
from signkit.pdfkit.colorspaces import name_text
from signkit.pdfkit.geometry import IDENTITY, Matrix, matrix_of, multiply
from signkit.pdfkit.objects import ObjectId, object_id, resource

Instruction = pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage
#: What a stream can be read from: a page (its /Contents), a stream, or an array of streams.
Holder = pikepdf.Object | pikepdf.Page
DeviceSpace = Literal["gray", "rgb", "cmyk"]

#: Text-showing operators: the font current when they run is the one that prints.
TEXT_SHOWING = frozenset({"Tj", "TJ", "'", '"'})
#: Colour operators in a device space: the space, and whether the stroking colour is set.
DEVICE_COLOUR: dict[str, tuple[DeviceSpace, bool]] = {
    "g": ("gray", False), "G": ("gray", True), "rg": ("rgb", False), "RG": ("rgb", True),
    "k": ("cmyk", False), "K": ("cmyk", True),
}
COMPONENTS: dict[DeviceSpace, int] = {"gray": 1, "rgb": 3, "cmyk": 4}
#: Colour-space operators, and whether they are the stroking one.
SPACE_OPERATORS = {"cs": False, "CS": True}
#: Colour operators in the current space, and whether they are the stroking one.
COLOUR_OPERATORS = {"sc": False, "scn": False, "SC": True, "SCN": True}


def tokenise(source: Holder, operators: str = "") -> list[Instruction]:
    """pikepdf's parse of a page's or stream's content.

    ``operators`` (space-separated) keeps only those: the rest are dropped inside qpdf
    before they become Python objects, which keeps vector-heavy artwork fast.  Raises
    ``pikepdf.PdfError`` (or ``TypeError``) for content that cannot be parsed.
    """
    return pikepdf.parse_content_stream(source, operators)


@dataclass(frozen=True)
class GraphicsState:
    """The part of the graphics state the interpreter keeps itself: the CTM (user space → page).

    Clients subclass it (``kw_only=True``) with the rest of what they track; ``q``/``Q``
    save and restore the whole object.
    """

    ctm: Matrix = IDENTITY


@dataclass
class Budget:
    """The instructions one document may still execute, all its pages and forms together.

    ``whole_streams``: a stream is charged in full before any of it runs, and skipped
    when it does not fit; otherwise each instruction is charged as it runs.
    """

    remaining: int
    whole_streams: bool
    exhausted: bool = False

    def charge(self, count: int) -> bool:
        """Take ``count`` instructions; ``False`` (and exhausted from now on) when they do not fit."""
        if count > self.remaining:
            self.exhausted = True
            return False
        self.remaining -= count
        return True


@dataclass(frozen=True)
class Scope:
    """One content stream being interpreted: where its names are looked up, where it is, what it is inside of.

    ``where`` locates it for the client's messages (the preflight's ``第 1 页 › 表单 Fm0``);
    ``forms`` are the forms (and patterns, glyphs) being drawn around it, outermost first:
    the cycle and depth guards look at them.
    """

    resources: pikepdf.Object | None
    where: KeyPath = ()
    forms: tuple[ObjectId, ...] = ()


S = TypeVar("S", bound=GraphicsState)


class Interpreter(Generic[S]):
    """Interprets content streams, calling the hooks below; see the module's docstring for what is shared.

    ``parsed`` may be shared between interpreters of one document (the preflight walks
    each page with its own), like ``budget``.
    """

    def __init__(self, budget: Budget, max_depth: int,
                 parsed: dict[tuple[int, int], Sequence[Instruction]] | None = None) -> None:
        self.budget = budget
        #: Forms within forms followed at most (a form drawn from the page is at depth 1).
        self.max_depth = max_depth
        self.parsed: dict[tuple[int, int], Sequence[Instruction]] = {} if parsed is None else parsed

    # -- the loop -----------------------------------------------------------------------

    def run(self, holder: Holder, scope: Scope, state: S) -> None:
        """Interpret one content stream (a page's, a form's, a pattern's, a glyph's) from ``state``."""
        budget = self.budget
        if budget.exhausted:
            return
        instructions = self.instructions(holder, scope)
        whole = budget.whole_streams
        if whole and not budget.charge(len(instructions)):
            self.out_of_budget(scope)
            return
        stack: list[S] = []
        for instruction in instructions:
            if not whole and not budget.charge(1):
                self.out_of_budget(scope)
                return
            if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                self.inline_image(instruction.iimage, scope, state)
                continue
            op = str(instruction.operator)
            operands = list(instruction.operands)
            if op == "q":
                stack.append(state)
            elif op == "Q":
                if stack:
                    state = stack.pop()
            elif op == "cm":
                matrix = matrix_of(operands)
                if matrix is None:
                    self.malformed(op, scope)
                else:
                    state = replace(state, ctm=multiply(matrix, state.ctm))
            elif op in DEVICE_COLOUR:
                space, stroking = DEVICE_COLOUR[op]
                state = self.device_colour(op, space, stroking, operands, scope, state)
            elif op in SPACE_OPERATORS:
                if len(operands) != 1:
                    self.malformed(op, scope)
                if operands:
                    state = self.colour_space(op, SPACE_OPERATORS[op], operands[0], scope, state)
            elif op in COLOUR_OPERATORS:
                last = operands[-1] if operands else None
                pattern = last if isinstance(last, pikepdf.Name) else None
                state = self.colour(op, COLOUR_OPERATORS[op], operands, pattern, scope, state)
            elif op == "Do":
                self.paint_xobject(operands, scope, state)
            else:
                state = self.operator(op, operands, scope, state)
            if budget.exhausted:
                return

    def instructions(self, holder: Holder, scope: Scope) -> Sequence[Instruction]:
        """The parsed instructions of ``holder``: an indirect stream is parsed once (a failed parse is retried)."""
        key = holder.objgen if isinstance(holder, pikepdf.Stream) and holder.is_indirect else None
        if key is not None:
            cached = self.parsed.get(key)
            if cached is not None:
                return cached
        parsed = self.parse(holder, scope)
        if parsed is None:
            return ()
        if key is not None:
            self.parsed[key] = parsed
        return parsed

    # -- XObjects -----------------------------------------------------------------------

    def paint_xobject(self, operands: list[pikepdf.Object], scope: Scope, state: S) -> None:
        """``Do``: an image, a form (followed) or another XObject, looked up in the stream's resources."""
        first = operands[0] if operands else None
        if not isinstance(first, pikepdf.Name) or len(operands) != 1:
            self.malformed("Do", scope)
        if not isinstance(first, pikepdf.Name):
            return
        name = name_text(first)
        xobject = resource(scope.resources, "/XObject", str(first))
        if not isinstance(xobject, pikepdf.Stream):
            self.missing_xobject(name, xobject, scope)
            return
        subtype = xobject.get("/Subtype")
        if subtype == pikepdf.Name.Image:
            self.image_xobject(name, xobject, scope, state)
        elif subtype == pikepdf.Name.Form:
            self.draw_form(xobject, name, scope, state)
        else:
            self.other_xobject(name, xobject, scope)

    def draw_form(self, form: pikepdf.Stream, name: str, scope: Scope, state: S) -> None:
        """Follow a Form XObject: guarded against cycles and depth, with its matrix and resources."""
        where = self.form_where(scope, name)
        ident = object_id(form, where)
        if ident in scope.forms:
            self.form_loops(name, where)
            return
        if len(scope.forms) >= self.max_depth:
            self.forms_too_deep(name, where)
            return
        matrix = matrix_of(form.get("/Matrix")) or IDENTITY
        inner = self.enter_form(form, where, replace(state, ctm=multiply(matrix, state.ctm)))
        own = form.get("/Resources")
        self.run(form, Scope(own if own is not None else scope.resources, where, (*scope.forms, ident)), inner)

    # -- hooks: reading -----------------------------------------------------------------

    def parse(self, holder: Holder, scope: Scope) -> Sequence[Instruction] | None:
        """Tokenise ``holder``; ``None`` when it cannot be (then it counts as empty, and is not cached)."""
        return tokenise(holder)

    def out_of_budget(self, scope: Scope) -> None:
        """The budget ran out here: from now on nothing more is interpreted."""

    def malformed(self, op: str, scope: Scope) -> None:
        """``op`` came with operands of the wrong number or type (``cm``, ``Do``, ``cs``/``CS``).

        What still makes sense is done after this returns: ``cs``/``CS`` and ``Do`` use their
        first operand when it is usable, a ``cm`` without six numbers changes nothing.
        """

    # -- hooks: the graphics state ------------------------------------------------------

    def device_colour(self, op: str, space: DeviceSpace, stroking: bool, operands: list[pikepdf.Object],
                      scope: Scope, state: S) -> S:
        """``g G rg RG k K``: a colour in a device space (operands unchecked)."""
        return state

    def colour_space(self, op: str, stroking: bool, space: pikepdf.Object, scope: Scope, state: S) -> S:
        """``cs CS``: a colour space selected (a name, looked up by the client, or a device name)."""
        return state

    def colour(self, op: str, stroking: bool, operands: list[pikepdf.Object], pattern: pikepdf.Name | None,
               scope: Scope, state: S) -> S:
        """``sc scn SC SCN``: components in the current space, or (``pattern``) a pattern by name."""
        return state

    def operator(self, op: str, operands: list[pikepdf.Object], scope: Scope, state: S) -> S:
        """Every other operator: paths, painting, text, ``gs``, ``sh``…"""
        return state

    # -- hooks: images and forms --------------------------------------------------------

    def inline_image(self, image: pikepdf.PdfInlineImage, scope: Scope, state: S) -> None:
        """``BI … ID … EI``."""

    def image_xobject(self, name: str, image: pikepdf.Stream, scope: Scope, state: S) -> None:
        """``Do`` of an image XObject."""

    def missing_xobject(self, name: str, found: pikepdf.Object | None, scope: Scope) -> None:
        """``Do`` of a name that is not in the resources (``found`` is ``None``) or is not a stream."""

    def other_xobject(self, name: str, xobject: pikepdf.Stream, scope: Scope) -> None:
        """``Do`` of an XObject that is neither an image nor a form (PostScript, or no subtype)."""

    def form_where(self, scope: Scope, name: str) -> KeyPath:
        """Where a form drawn as ``name`` is, for messages (and the identity of a direct form)."""
        return scope.where

    def form_loops(self, name: str, where: KeyPath) -> None:
        """The form is already being drawn around this point: it is not followed again."""

    def forms_too_deep(self, name: str, where: KeyPath) -> None:
        """The form would nest deeper than ``max_depth``: it is not followed."""

    def enter_form(self, form: pikepdf.Stream, where: KeyPath, state: S) -> S:
        """The state a form starts from; ``state`` already has the form's matrix in its CTM."""
        return state
