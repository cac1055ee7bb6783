"""Fonts for signkit: which fonts print a board, and whether they have every character.

The regulation asks for 黑体 titles and 楷体_GB2312 body text.  Those fonts are
licensed with Windows and may be missing, so signkit resolves fonts in one fixed
order (named by the user → installed mandated fonts → bundled stand-ins), tells the
user when a stand-in is in use, and checks every character against the fonts that
will print it before anything is drawn.  See ``docs/fonts.md``.

Submodules, one job each: :mod:`.model` (value types), :mod:`.names` (mandated names),
:mod:`.fontfile` (reading font files), :mod:`.discover` (installed fonts),
:mod:`.resolve` (the order), :mod:`.coverage` (glyph checks), :mod:`.describe`
(listing), :mod:`.metrics` (widths for layout), :mod:`.identity` (what build hashes record
of a font file), :mod:`.embed` (ReportLab registration, used by the renderer only).
"""

from __future__ import annotations

from signkit.fonts.coverage import TextItem, check_coverage, font_for_char, font_runs, split_runs
from signkit.fonts.describe import describe
from signkit.fonts.model import ROLE_LABELS, FontChoice, FontSet, Mode, ResolvedFont, Role
from signkit.fonts.names import MANDATED_NAMES
from signkit.fonts.resolve import BUNDLED_FILES, ENV_VARS, parse_spec, resolve_fonts

__all__ = [
    "BUNDLED_FILES",
    "ENV_VARS",
    "MANDATED_NAMES",
    "ROLE_LABELS",
    "FontChoice",
    "FontSet",
    "Mode",
    "ResolvedFont",
    "Role",
    "TextItem",
    "check_coverage",
    "describe",
    "font_for_char",
    "font_runs",
    "parse_spec",
    "resolve_fonts",
    "split_runs",
]
