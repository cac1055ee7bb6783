"""Facts derived from a valid site that several stages need: which 2-1 board the enterprise gets.

挂牌说明 (4) decides between 附表 2-1-1 and 2-1-2; the content rules (who must be named
on it), the board plan (which board to make) and the reprint reasons (what it prints)
all ask, so the answer is computed in one place, from the model alone.
"""

from __future__ import annotations

from signkit.model.site import Site


def major_points(site: Site) -> list[str]:
    """The 重大 risk points the 2-1-1 board names: those 监管责任.风险点 lists, else every 重大 point of the file.

    A mine has several (gas at one face, old-goaf water at another): the cell lists them all.
    """
    if site.supervision.risk_points:
        return list(site.supervision.risk_points)
    return [point.name for point in site.risk_points if point.level == "重大"]


def supervision_form(site: Site) -> str:
    """2-1-1 for a county-supervised enterprise with a 重大 risk point, else 2-1-2 (rule (4))."""
    has_major = any(point.level == "重大" for point in site.risk_points)
    if has_major and not site.enterprise.city_supervised:
        return "2-1-1"
    return "2-1-2"
