"""Which site-file fields each board prints, so a reprint list can say *why* a board changed.

The content hash says *that* a board changed; comparing these fields between two runs
says which of the user's own keys did (``监管责任.安全监管部门.责任领导.姓名: 高卫东 → 高卫国``).
A change with no field difference is in the fixed wording or the size.
"""

from __future__ import annotations

from pydantic import BaseModel

from signkit.diagnostics import KeyPath, format_path
from signkit.model.site import Site
from signkit.plan import PlannedBoard
from signkit.printed import _walk

#: Keys of a post that its board (2-3) and its card (2-5) print.
_POST_BOARD = ("岗位名称", "岗位安全生产责任")
_POST_CARD = ("岗位名称", "岗位安全风险", "应急处置及管控措施", "救援电话")


def _strings(node: object, base: KeyPath, keep: tuple[str, ...] | None = None) -> dict[str, str]:
    out: dict[str, str] = {}
    for path, text in _walk(node, base):
        if keep is None or (len(path) > len(base) and path[len(base)] in keep):
            out[format_path(path)] = text
    return out


def board_fields(site: Site, planned: PlannedBoard) -> dict[str, str]:
    """``{key path: value}`` of everything from the site file that ``planned`` prints."""
    form = planned.form_id
    fields: dict[str, str] = {"企业.修订日期": site.enterprise.revised.isoformat()}
    if form.startswith("2-1"):
        fields |= {k: v for k, v in _strings(site.enterprise, ("企业",)).items() if k != "企业.风险信息网址"}
        supervision = _strings(site.supervision, ("监管责任",))
        fields |= {k: v for k, v in supervision.items() if not k.endswith(".职务")}
        fields |= _strings(site.region, ("地区",), ("城市", "监制单位"))
    elif form in ("2-2", "2-3", "2-4", "2-5"):
        index = planned.source[1]
        assert isinstance(index, int)
        key = str(planned.source[0])
        lists: dict[str, list[BaseModel]] = {"工作场所": list(site.workplaces), "岗位": list(site.posts),
                                             "风险点": list(site.risk_points)}
        node = lists[key][index]
        keep = _POST_BOARD if form == "2-3" else _POST_CARD if form == "2-5" else None
        fields |= _strings(node, (key, index), keep)
        if form == "2-4" and site.enterprise.report_phone:
            fields["企业.企业监督举报电话"] = site.enterprise.report_phone
        if form == "2-4" and site.enterprise.risk_url:  # printed as the QR code
            fields["企业.风险信息网址"] = site.enterprise.risk_url
        if form == "2-5" and site.enterprise.emergency_phone:
            fields["企业.企业应急电话"] = site.enterprise.emergency_phone
    else:
        fields |= _strings(site.region, ("地区",))
    return fields


def changed_fields(old: dict[str, str], new: dict[str, str]) -> list[str]:
    """Human-readable field changes: ``键: 旧 → 新``, ``键: （新增）新``, ``键: 旧 →（删除）``."""
    out = []
    for key in sorted(old.keys() | new.keys()):
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if before is None:
            out.append(f"{key}：（新增）{after}")
        elif after is None:
            out.append(f"{key}：{before} →（删除）")
        else:
            out.append(f"{key}：{before} → {after}")
    return out
