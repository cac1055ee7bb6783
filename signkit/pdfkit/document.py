"""Opening someone else's PDF, and finding its pages, at a cost bounded before it is paid.

Three things qpdf does on its own, each linear in whatever the file claims, are done
here with a limit instead:

* **repairing**: when the cross-reference table is broken, qpdf rebuilds it by
  scanning the whole file and parsing every object it finds (~20 µs an object: a
  file of 200,000 tiny objects takes seconds).  :func:`open_pdf` counts the ``obj``
  keywords first (at the speed of ``bytes.count``); a file with more objects than the
  caller allows is opened without repair, and if it needs one, :class:`RepairRefused`.
* **the page list**: ``pdf.pages`` builds an object for every page (60 µs and 3 KB
  each: 100,000 pages are 6 s and 300 MB), and pushing inherited attributes down to
  every page when the file is opened costs as much again.  The file is opened without
  that (the readers look inherited attributes up themselves:
  :func:`signkit.pdfkit.objects.inherited`) and :func:`page_tree` walks ``/Kids`` itself,
  stopping after the caller's number of pages, telling loops and shared nodes apart.
* **the document information**: pikepdf's ``Pdf.docinfo`` *creates* an ``/Info`` when
  there is none, which makes qpdf resolve every object of the file (every object of a
  two-million-object object stream); :func:`document_info` only reads.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import pikepdf

from signkit.errors import SignkitError
from signkit.pdfkit.geometry import number


class RepairRefused(SignkitError):
    """The file needs repairing and holds more objects than the caller allows to rebuild."""

    def __init__(self, markers: int, error: pikepdf.PdfError) -> None:
        super().__init__(str(error))
        #: ``obj`` keywords in the file (about two per object: ``obj`` and ``endobj``).
        self.markers = markers
        self.error = error


def open_pdf(data: bytes, *, max_repair_objects: int) -> pikepdf.Pdf:
    """Open ``data`` without pushing page attributes down; let qpdf repair it only if it is small enough.

    Raises what ``pikepdf.open`` raises (``PasswordError``, ``PdfError``…), and
    :class:`RepairRefused` when a file of more than ``max_repair_objects`` objects
    cannot be opened without a repair.
    """
    markers = data.count(b"obj")
    if markers <= 2 * max_repair_objects:
        return pikepdf.open(io.BytesIO(data), inherit_page_attributes=False)
    try:
        return pikepdf.open(io.BytesIO(data), attempt_recovery=False, inherit_page_attributes=False)
    except pikepdf.PasswordError:
        raise
    except pikepdf.PdfError as error:
        raise RepairRefused(markers, error) from None


def document_info(pdf: pikepdf.Pdf) -> pikepdf.Dictionary | None:
    """The trailer's ``/Info`` dictionary, read without creating one (unlike ``Pdf.docinfo``)."""
    info = pdf.trailer.get("/Info")
    return info if isinstance(info, pikepdf.Dictionary) else None


@dataclass
class PageTree:
    """The pages :func:`page_tree` found, in order, and what it could not follow."""

    pages: list[pikepdf.Dictionary] = field(default_factory=list)
    #: More pages than the limit are in the tree (only the first ``limit`` were kept).
    more: bool = False
    #: The root's ``/Count`` (the number of pages the file claims), if it is a number.
    claimed: int | None = None
    #: Nodes reached a second time (a loop, or a node listed twice): followed once only.
    repeated: int = 0
    #: ``/Kids`` entries that are not dictionaries, or the root is missing.
    broken: int = 0


def page_tree(pdf: pikepdf.Pdf, limit: int) -> PageTree:
    """The first ``limit`` pages of ``pdf`` in order, walking ``/Kids`` without building qpdf's page list.

    Every node is visited at most once and at most ``4 × limit + 1,000`` nodes are
    visited in all, so neither a loop nor a tree of empty nodes nor an array of a million
    kids costs more than the pages it yields.
    """
    tree = PageTree()
    root = pdf.Root.get("/Pages") if isinstance(pdf.Root, pikepdf.Dictionary) else None
    if not isinstance(root, pikepdf.Dictionary):
        tree.broken += 1
        return tree
    count = number(root.get("/Count"))
    tree.claimed = int(count) if count is not None and 0 <= count < 2**31 else None
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[pikepdf.Array, int]] = []

    def visit(node: object) -> bool:
        """Take one node: a page, or its kids to walk; ``False`` once more than ``limit`` pages are found."""
        if not isinstance(node, pikepdf.Dictionary):
            tree.broken += 1
            return True
        if node.is_indirect:
            if node.objgen in seen:
                tree.repeated += 1
                return True
            seen.add(node.objgen)
        kids = node.get("/Kids")
        if isinstance(kids, pikepdf.Array) and node.get("/Type") != pikepdf.Name.Page:
            stack.append((kids, 0))
        elif len(tree.pages) == limit:
            tree.more = True
            return False
        else:
            tree.pages.append(node)
        return True

    visit(root)
    visits = 4 * limit + 1_000
    while stack and visits > 0:
        kids, index = stack[-1]
        if index >= len(kids):
            stack.pop()
            continue
        stack[-1] = (kids, index + 1)
        visits -= 1
        if not visit(kids[index]):
            return tree
    tree.more = tree.more or bool(stack)
    return tree
