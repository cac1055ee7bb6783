"""Where signkit's data folders (templates, fonts) live at run time.

The source tree keeps ``templates/`` and ``fonts/`` at the top level, as the design
card asks; the wheel ships them inside the package as ``signkit/_data/<name>`` so a
non-editable install works from any directory.  This one function hides the
difference.
"""

from __future__ import annotations

from pathlib import Path


def data_path(name: str) -> Path:
    """Return the folder ``name`` (``"templates"`` or ``"fonts"``), installed or in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_data" / name, here.parent / name):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(name)
