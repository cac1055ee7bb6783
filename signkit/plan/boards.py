"""The board plan: which physical boards and cards a site requires, how many, who makes them, where they hang.

This follows 挂牌说明 (1)–(4) of the regulation.  The plan is computed from a valid
site only (no drawing); ``check`` reports it and ``render`` draws exactly it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from signkit.diagnostics import KeyPath
from signkit.model.facts import supervision_form
from signkit.model.fields import RISK_LEVELS
from signkit.model.site import Site
from signkit.spec.forms import FORMS


@dataclass(frozen=True)
class PlannedBoard:
    """One board design; ``quantity`` copies are made (cards: one per employee)."""

    form_id: str
    title: str
    subject: str
    quantity: int
    maker: str
    hangs: str
    source: KeyPath

    @property
    def form_name(self) -> str:
        return FORMS[self.form_id].name

    def to_dict(self) -> dict[str, Any]:
        return {
            "form": self.form_id,
            "name": self.form_name,
            "title": self.title,
            "subject": self.subject,
            "quantity": self.quantity,
            "maker": self.maker,
            "hangs": self.hangs,
            "source": list(self.source),
        }


def risk_subject(name: str, level: str) -> str:
    """What a 2-4 board is for, as lists and reprint lists show it: 成品仓库（低风险）."""
    return f"{name}（{level}风险）"


#: What a 2-4 subject says in place of a level the schema refused (the board is not made).
UNKNOWN_LEVEL = "风险等级有误"
_RISK_SUBJECT = re.compile(f"(?P<name>.*)（(?:(?:{'|'.join(RISK_LEVELS)})风险|{UNKNOWN_LEVEL})）", re.DOTALL)


def risk_point_name(subject: str) -> str:
    """The risk point a 2-4 subject names (:func:`risk_subject` undone): 成品仓库（低风险） → 成品仓库."""
    match = _RISK_SUBJECT.fullmatch(subject)
    return match.group("name") if match else subject


def supervision_maker(site: Site) -> str:
    """Who hangs the 2-1 board: the county government, or the city department (任务分工 (1)(2))."""
    if site.enterprise.city_supervised:
        dept = site.supervision.industry_dept
        return f"市级行业主管部门（{dept.department}）" if dept else "市级行业主管部门"
    return f"{site.region.county}人民政府"


def plan_boards(site: Site) -> list[PlannedBoard]:
    """Every board and card the regulation requires for ``site``, in 附表 order."""
    enterprise = site.enterprise.name
    boards: list[PlannedBoard] = []
    form = supervision_form(site)
    boards.append(PlannedBoard(form, FORMS[form].name, enterprise, 1, supervision_maker(site),
                               FORMS[form].hangs, ("监管责任",)))
    for index, workplace in enumerate(site.workplaces):
        boards.append(PlannedBoard("2-2", FORMS["2-2"].name, workplace.name, 1, enterprise,
                                   workplace.name, ("工作场所", index)))
    for index, post in enumerate(site.posts):
        boards.append(PlannedBoard("2-3", FORMS["2-3"].name, post.name, 1, enterprise,
                                   FORMS["2-3"].hangs, ("岗位", index)))
    for index, point in enumerate(site.risk_points):
        hangs = point.name if not point.workplace else f"{point.workplace}·{point.name}"
        boards.append(PlannedBoard("2-4", FORMS["2-4"].name, risk_subject(point.name, point.level), 1,
                                   enterprise, hangs, ("风险点", index)))
    for index, post in enumerate(site.posts):
        boards.append(PlannedBoard("2-5", FORMS["2-5"].name, post.name, post.headcount or 1, enterprise,
                                   f"{post.name}岗位员工（每人一张）", ("岗位", index)))
    boards.append(PlannedBoard("2-6", f"{site.region.city}{FORMS['2-6'].name}", enterprise, 1, enterprise,
                               FORMS["2-6"].hangs, ("地区",)))
    boards.append(PlannedBoard("2-7", FORMS["2-7"].name, enterprise, 1, enterprise, FORMS["2-7"].hangs, ("地区",)))
    return boards


def plan_counts(boards: list[PlannedBoard]) -> dict[str, dict[str, int]]:
    """Per 附表: how many designs and how many physical pieces."""
    designs: Counter[str] = Counter()
    pieces: Counter[str] = Counter()
    for board in boards:
        designs[board.form_id] += 1
        pieces[board.form_id] += board.quantity
    return {form: {"designs": designs[form], "pieces": pieces[form]} for form in FORMS if designs[form]}


def made_by_government(planned: PlannedBoard) -> bool:
    """2-1 boards are hung by the government (任务分工); everything else by the enterprise."""
    return planned.form_id.startswith("2-1")
