"""What one document may cost a reader: the limits, and the running account kept against them.

A PDF is a program, and a few kilobytes of it can ask for gigabytes or hours: a Flate
stream that inflates a thousandfold (or a millionfold, filtered twice), a stream of
tens of millions of operators, forms that draw each other twice at every level.  Every
reader of content streams (the preflight, the PDF sign reader) therefore reads a
document against one :class:`Budget`, and every cost is charged **before** it is paid:

* ``content_bytes`` — decoded content-stream bytes, as actually read (a stream is
  inflated with a cap, never in full first; :mod:`.decode`), each distinct stream once;
* ``tokens`` — tokens handed to qpdf's parser, counted from the decoded bytes before
  parsing (:func:`signkit.pdfkit.decode.token_bound`): parsing costs about a
  microsecond a token, and every kept instruction becomes a Python object of ~300 bytes;
* ``operators`` — instructions interpreted, each counted with its operands (one
  ``scn`` of a million operands is a million), a form's every time it is drawn;
* ``form_draws`` — forms drawn: each draw costs a hundred times an instruction (its
  resources, matrix and guards), so forms of two instructions each that multiply each
  other would otherwise run for minutes within any instruction budget;
* ``depth`` — forms within forms (a limit, not an account: checked by the interpreter).

The first account that runs out **exhausts** the budget: nothing more of the document is
read or interpreted, and :attr:`Budget.exhausted` names the limit, so that the client
can say what was too much and what the limit is.  The values are the clients' own
(:data:`signkit.preflight.limits.LIMITS`, :data:`signkit.art.sign_files.pdf_reader.LIMITS`):
a sign is small artwork, a file to preflight may be a whole print job.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: The accounts of a :class:`Budget`, as named in :attr:`Budget.exhausted`.
Limit = Literal["content_bytes", "tokens", "operators", "form_draws"]


@dataclass(frozen=True)
class Limits:
    """How much of one document a reader may read and interpret (see the module's docstring)."""

    content_bytes: int
    tokens: int
    operators: int
    form_draws: int
    depth: int
    #: Charge a stream's instructions in full before any of it runs, and skip it when they do not
    #: fit (the preflight: what it reports was really seen); otherwise each one as it runs.
    whole_streams: bool


@dataclass
class Budget:
    """The running account of one document against its :class:`Limits`."""

    limits: Limits
    content_bytes: int = 0
    tokens: int = 0
    operators: int = 0
    form_draws: int = 0
    #: The limit that ran out first; from then on nothing more is read or interpreted.
    exhausted: Limit | None = None

    @property
    def room(self) -> int:
        """Decoded content bytes that may still be read."""
        return self.limits.content_bytes - self.content_bytes

    def charge(self, limit: Limit, count: int) -> bool:
        """Take ``count`` of ``limit``; ``False`` (and exhausted from now on) when it does not fit."""
        if self.exhausted is not None:
            return False
        spent = getattr(self, limit) + count
        if spent > getattr(self.limits, limit):
            self.exhausted = limit
            return False
        setattr(self, limit, spent)
        return True

    def exhaust(self, limit: Limit) -> None:
        """Mark ``limit`` as run out (a reader found it would not fit before spending it)."""
        if self.exhausted is None:
            self.exhausted = limit
