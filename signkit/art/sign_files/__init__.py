"""A user's own sign files: SVG and PDF drawn as vectors, PNG/JPEG checked and converted to CMYK.

A 警示标识 entry may name a file instead of a library sign, and a sign folder can replace
any library sign by name or add signs the library lacks (:mod:`.sources` says which
source answers an entry).  A file is **the complete sign as it is to be printed**,
fitted into the sign's box and nothing added (:mod:`.fitting`).

Reading, one module per job: :mod:`.loader` (the checks every format shares, then the
reader for the suffix, cached), :mod:`.svg` (svglib, converted into signkit's own CMYK
paths), :mod:`.pdf_file` (page 1 of a PDF, read like a RIP into the same paths:
:mod:`.pdf_reader` on :mod:`signkit.pdfkit`'s interpreter and budget, with
:mod:`.pdf_paths`), :mod:`.bitmap` (PNG/JPEG, checked before decoding, CMYK when
placed), :mod:`.cmyk` (the one naive RGB → CMYK conversion, the same for all three),
:mod:`.results` (what every reader returns).

Whatever the format, what reaches the board is signkit's own CMYK items, so the board
stays pure CMYK vectors (or CMYK pixels, for a bitmap) and passes the same print checks;
whatever cannot be drawn faithfully that way is reported with the reason, never
approximated in silence.

This package's ``__init__`` imports nothing, so that asking :mod:`.sources` where an
entry's art comes from does not load the readers.
"""
