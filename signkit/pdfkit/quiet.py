"""Keeping qpdf's own complaints off the terminal while signkit reads a PDF.

Shared by the preflight command and the PDF sign reader: both report a damaged file
once, as a located diagnostic, so qpdf's raw log lines would only be noise between them.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def quiet_qpdf() -> Iterator[None]:
    """Keep qpdf's complaints about a damaged file off the terminal.

    pikepdf sends them to the ``pikepdf._core`` logger, which has no handler, so Python's
    last-resort handler would print them on stderr between signkit's own lines (and a
    few as Python warnings); the file's problem is reported once, as a located
    diagnostic, instead.
    """
    logger = logging.getLogger("pikepdf._core")
    handler, propagate = logging.NullHandler(), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
