"""Reading PDF the way a print shop's RIP does, shared by the preflight and the PDF sign reader.

Two parts of signkit look inside other people's PDFs: ``signkit preflight`` (does a file
print as it should?) and the PDF sign reader (a user's sign artwork turned into CMYK
paths).  Everything they would otherwise each have to get right on their own lives
here, once: :mod:`.interpreter` (one content-stream interpreter: tokens, ``q``/``Q``,
``cm``, colour operators, Form XObjects with their guards), :mod:`.geometry` (PDF's
matrices and rectangles), :mod:`.colorspaces` (what a colour space prints as),
:mod:`.objects` (resources, inherited page attributes, object identity),
:mod:`.budget` and :mod:`.decode` (what a document may cost, charged before it is
spent: decoded bytes, tokens, instructions, form draws) and :mod:`.quiet` (keeping
qpdf's log lines off the terminal).

Nothing here judges a file or speaks to the user: the clients do.  So this package
imports nothing of signkit but the foundation (:mod:`signkit.diagnostics`, and
:mod:`signkit.errors` for the base of its exceptions).
"""
