"""One PDF content-stream interpreter, shared by the preflight and the PDF sign reader.

Both read a page the way a RIP would: instruction by instruction, keeping a graphics
state, descending into the Form XObjects the page draws.  What they make of it differs
— the preflight records what would print wrong and carries on, the sign reader turns
paths into CMYK shapes and refuses the whole file at the first thing it cannot draw —
but the reading itself is the same, and is done here once:

* **bytes and tokens**: a stream's data is decoded with a cap (:mod:`.decode`), its
  tokens counted before qpdf parses them, both charged to the document's
  :class:`~signkit.pdfkit.budget.Budget`; then pikepdf's parser, each indirect stream
  parsed once per document (a form drawn a hundred times is parsed once), keeping only
  the client's :attr:`Interpreter.operators` (the rest are dropped inside qpdf);
* **the graphics-state stack**: ``q`` saves the whole state, ``Q`` restores it (an
  unbalanced ``Q`` is ignored, as RIPs do), ``cm`` composes the CTM as
  ``multiply(M, CTM)`` (see :mod:`.geometry`);
* **colour operators**: ``g G rg RG k K`` (a device space), ``cs CS`` (a space),
  ``sc scn SC SCN`` (components, or a pattern name) are recognised, their fill or
  stroke side told apart, and handed to the client;
* **XObjects**: ``Do`` is looked up in the stream's resources; a Form XObject is drawn
  with its ``/Matrix``, its own resources (the parent's when it has none), and two
  guards — a form inside itself (a cycle) and forms nested deeper than the limits'
  ``depth`` are handed to the client instead of being followed;
* **the budget** (:mod:`.budget`): decoded bytes, tokens, instructions (each with its
  operands, a form's counted each time it is drawn, either a whole stream at a time — the preflight: a
  stream is walked entirely or not at all, so what is reported was really seen — or
  instruction by instruction, the sign reader) and form draws, all charged before they
  are spent; the first that runs out stops the whole document, and the client is told
  (:meth:`Interpreter.out_of_budget`).

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
from signkit.pdfkit.budget import Budget
from signkit.pdfkit.colorspaces import name_text
from signkit.pdfkit.decode import StreamTooLarge, Undecodable, read_content, token_bound
from signkit.pdfkit.geometry import IDENTITY, Matrix, matrix_of, multiply
from signkit.pdfkit.objects import ObjectId, object_id, resource

Instruction = pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage
#: What a stream can be read from: a page (its /Contents), a stream, or an array of streams.
Holder = pikepdf.Object | pikepdf.Page
DeviceSpace = Literal["gray", "rgb", "cmyk"]
#: A stream's kept instructions and their weight: each counts one plus its operands (what interpreting
#: it costs), summed when the budget charges whole streams (else 0: charged one by one as they run).
Parsed = tuple[Sequence[Instruction], int]

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
    """pikepdf's parse of a page's or stream's content, **without any bound** (for content signkit wrote itself).

    ``operators`` (space-separated) keeps only those: the rest are dropped inside qpdf
    before they become Python objects.  Raises ``pikepdf.PdfError`` (or ``TypeError``)
    for content that cannot be parsed.  Other people's content goes through
    :meth:`Interpreter.parse`, which bounds it first.
    """
    return pikepdf.parse_content_stream(source, operators)


def content_streams(holder: Holder) -> list[pikepdf.Stream] | None:
    """The streams that make up ``holder``'s content (a page's /Contents, an array's items); ``None`` if not streams."""
    if isinstance(holder, pikepdf.Page):
        holder = holder.obj
    if isinstance(holder, pikepdf.Dictionary):
        contents = holder.get("/Contents")
        if contents is None:
            return []
        holder = contents
    if isinstance(holder, pikepdf.Stream):
        return [holder]
    if isinstance(holder, pikepdf.Array):
        streams = [item for item in holder if isinstance(item, pikepdf.Stream)]
        return streams if len(streams) == len(holder) else None
    return None


@dataclass(frozen=True)
class GraphicsState:
    """The part of the graphics state the interpreter keeps itself: the CTM (user space → page).

    Clients subclass it (``kw_only=True``) with the rest of what they track; ``q``/``Q``
    save and restore the whole object.
    """

    ctm: Matrix = IDENTITY


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

    ``budget`` and ``parsed`` may be shared between interpreters of one document (the
    preflight walks each page with its own interpreter).
    """

    #: The operators kept by the parser (space-separated; empty: all).
    operators = ""
    #: Whether filters other than Flate, ASCII85 and ASCIIHex may be decoded by qpdf (within the budget).
    library_filters = False

    def __init__(self, budget: Budget, parsed: dict[tuple[int, int], Parsed] | None = None) -> None:
        self.budget = budget
        #: Forms within forms followed at most (a form drawn from the page is at depth 1).
        self.max_depth = budget.limits.depth
        self.parsed: dict[tuple[int, int], Parsed] = {} if parsed is None else parsed

    # -- the loop -----------------------------------------------------------------------

    def run(self, holder: Holder, scope: Scope, state: S) -> None:
        """Interpret one content stream (a page's, a form's, a pattern's, a glyph's) from ``state``."""
        budget = self.budget
        if budget.exhausted:
            return
        instructions, weight = self.instructions(holder, scope)
        if budget.exhausted:  # reading it ran out (and said so)
            return
        whole = budget.limits.whole_streams
        if whole and not budget.charge("operators", weight):
            self.out_of_budget(scope)
            return
        stack: list[S] = []
        for instruction in instructions:
            if isinstance(instruction, pikepdf.ContentStreamInlineImage):
                if not whole and not budget.charge("operators", 1):
                    self.out_of_budget(scope)
                    return
                self.inline_image(instruction.iimage, scope, state)
                continue
            op = str(instruction.operator)
            operands = list(instruction.operands)
            if not whole and not budget.charge("operators", 1 + len(operands)):
                self.out_of_budget(scope)
                return
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

    def instructions(self, holder: Holder, scope: Scope) -> Parsed:
        """The parsed instructions of ``holder`` and their weight (see :data:`Parsed`).

        An indirect stream is parsed once per document (a failed parse is retried, and costs
        nothing more: the budget is exhausted or the stream was left out).
        """
        key = holder.objgen if isinstance(holder, pikepdf.Stream) and holder.is_indirect else None
        if key is not None:
            cached = self.parsed.get(key)
            if cached is not None:
                return cached
        instructions = self.parse(holder, scope)
        if instructions is None:
            return (), 0
        weight = sum(1 + len(i.operands) for i in instructions) if self.budget.limits.whole_streams else 0
        parsed = (instructions, weight)
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
        if not self.budget.charge("form_draws", 1):
            self.out_of_budget(Scope(scope.resources, where, scope.forms))
            return
        matrix = matrix_of(form.get("/Matrix")) or IDENTITY
        inner = self.enter_form(form, where, replace(state, ctm=multiply(matrix, state.ctm)))
        own = form.get("/Resources")
        self.run(form, Scope(own if own is not None else scope.resources, where, (*scope.forms, ident)), inner)

    # -- hooks: reading -----------------------------------------------------------------

    def parse(self, holder: Holder, scope: Scope) -> Sequence[Instruction] | None:
        """``holder``'s instructions, every cost charged before it is paid; ``None`` when it cannot be read.

        Each stream is decoded within the room left (:func:`~signkit.pdfkit.decode.read_content`),
        the tokens of all of them counted (:func:`~signkit.pdfkit.decode.token_bound`) and
        charged, and only then handed to qpdf's parser.  A stream that cannot be decoded is
        left out (:meth:`undecodable`); one that does not fit exhausts the budget
        (:meth:`out_of_budget`); content that is not streams or does not parse is
        :meth:`unparsable`.
        """
        streams = content_streams(holder)
        if streams is None:
            self.unparsable(None, scope)
            return None
        budget = self.budget
        parts: list[bytes] = []
        for stream in streams:
            try:
                data = read_content(stream, budget.room, library_filters=self.library_filters)
            except StreamTooLarge:
                budget.exhaust("content_bytes")
                self.out_of_budget(scope)
                return None
            except Undecodable as problem:
                self.undecodable(problem, scope)
                continue
            budget.charge("content_bytes", len(data))
            parts.append(data)
        data = b"\n".join(parts)
        del parts
        if not budget.charge("tokens", token_bound(data)):
            self.out_of_budget(scope)
            return None
        return self.tokenise(data, scope)

    def tokenise(self, data: bytes, scope: Scope) -> Sequence[Instruction] | None:
        """qpdf's parse of decoded content (already paid for), keeping :attr:`operators`.

        The data is parsed as a stream of a scratch document of its own: adding a stream to
        the file being read would make qpdf number it past every object of the file, which
        costs seconds in a file that claims millions (content streams cannot refer to
        objects, so nothing is lost).
        """
        if not data.strip():
            return []
        with pikepdf.new() as scratch:
            try:
                return tokenise(pikepdf.Stream(scratch, data), self.operators)
            except (pikepdf.PdfError, TypeError, ValueError) as error:
                self.unparsable(error, scope)
                return None

    def out_of_budget(self, scope: Scope) -> None:
        """The budget ran out here (:attr:`Budget.exhausted` says which limit): from now on nothing more is read."""

    def undecodable(self, problem: Undecodable, scope: Scope) -> None:
        """A stream of ``scope``'s content could not be decoded (nothing was spent); it counts as empty."""

    def unparsable(self, error: Exception | None, scope: Scope) -> None:
        """``scope``'s content is not made of streams (``error`` is ``None``) or does not parse."""

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
