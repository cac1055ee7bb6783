"""A JSON-ready description of a font set, for ``signkit fonts`` and the render manifest.

Print shops and inspectors ask "which font is this, and is it the mandated one?";
the answer must be the same data whether shown as a table or stored beside the PDF,
so it is produced here once, as plain dicts with stable keys.
"""

from __future__ import annotations

from typing import Any

from signkit.fonts.model import ROLE_LABELS, ROLES, FontSet


def describe(fontset: FontSet) -> list[dict[str, Any]]:
    """One dict per font in each role's chain, title first, chosen font before fallbacks.

    Keys: ``role``, ``role_label``, ``position`` (0 = chosen, 1+ = fallback), ``family``,
    ``local_family``, ``file``, ``face_index``, ``reason``, ``mandated``, ``stand_in``
    (not the regulation's font), ``bundled``, ``mode``.
    """
    rows: list[dict[str, Any]] = []
    for role in ROLES:
        for position, font in enumerate(fontset.chain(role)):
            rows.append(
                {
                    "role": role,
                    "role_label": ROLE_LABELS[role],
                    "position": position,
                    "family": font.family,
                    "local_family": font.local_family,
                    "file": str(font.path),
                    "face_index": font.face_index,
                    "reason": font.reason,
                    "mandated": font.mandated,
                    "stand_in": not font.mandated,
                    "bundled": font.bundled,
                    "mode": fontset.mode,
                }
            )
    return rows
