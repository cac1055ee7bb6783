"""Excel and CSV in and out: the workbooks safety offices already keep, read as site files.

Offices keep their data in spreadsheets (the 风险分级管控清单, the 岗位 lists, a
regulator's roster of enterprises); asking them to retype it as YAML loses most of them.
This package reads such workbooks into the same plain data a site file gives, with a
source map that points into sheets and cells, so that validation, the content rules and
rendering run unchanged and every message says ``风险点!D14``.  It also writes the
workbook layout back out: a template to fill in, and any site file as a workbook.

Importing this package is cheap: openpyxl is imported by the modules that read or write
workbooks, and the package itself imports none of them, so ``signkit check site.yaml``
never pays for it.  This package turns files into data and data into workbooks; it
writes no file (:mod:`signkit.pipeline.convert` does, atomically).
"""

from __future__ import annotations

from pathlib import Path

#: Suffixes read as workbooks (``.xls`` only to say it must be saved as ``.xlsx``).
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".xls")


def is_workbook(path: Path | str) -> bool:
    """Whether ``path`` names a workbook or CSV file (by suffix) rather than a site file."""
    return Path(path).suffix.lower() in WORKBOOK_SUFFIXES
