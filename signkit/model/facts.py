"""The board plan: which physical boards and cards a site requires, how many, who makes them, where they hang.

This follows 挂牌说明 (1)–(4) of the regulation.  The plan is computed from a valid
site only (no drawing); ``check`` reports it and ``render`` draws exactly it.
"""

from __future__ import annotations

from signkit.model.site import Site


def supervision_form(site: Site) -> str:
    """2-1-1 for a county-supervised enterprise with a 重大 risk point, else 2-1-2 (rule (4))."""
    has_major = any(point.level == "重大" for point in site.risk_points)
    if has_major and not site.enterprise.city_supervised:
        return "2-1-1"
    return "2-1-2"
