"""signkit.excel.imported: read values land in the site data as a site file would hold them."""

from __future__ import annotations

from typing import Any

from signkit.diagnostics import Diagnostic, Location, Severity
from signkit.excel.cellmap import CellMap
from signkit.excel.imported import ImportedSite, assign_values, set_value


def test_set_value_creates_mappings_and_list_items() -> None:
    data: dict[str, Any] = {}
    set_value(data, ("监管责任", "专业监管部门", 1, "部门"), "消防救援大队")
    assert data == {"监管责任": {"专业监管部门": [{}, {"部门": "消防救援大队"}]}}


def test_empty_optional_mappings_are_left_out_and_required_values_kept_empty() -> None:
    data: dict[str, Any] = {}
    assign_values(data, {
        ("地区", "城市"): "忻州市",
        ("地区", "县级举报渠道", "电话"): None,  # an empty 县级举报渠道 is no channel at all
        ("地区", "县级举报渠道", "邮编"): None,
        ("企业", "企业名称"): None,  # required: kept, so validation reports it at its cell
        ("企业", "分管负责人"): None,  # optional and empty: left out
        ("企业", "所属行业"): "机械",
        ("监管责任", "县级政府领导", "姓名"): None,  # optional, though its 姓名 is required once it is there
        ("监管责任", "县级政府领导", "职务"): None,
        ("监管责任", "风险点"): "液氨储罐区",
    })
    assert data == {"地区": {"城市": "忻州市"}, "企业": {"企业名称": None, "所属行业": "机械"}, "监管责任": {"风险点": "液氨储罐区"}}


def test_a_missing_column_explains_only_the_missing_values_it_causes() -> None:
    site = ImportedSite("名册.xlsx#2", {}, CellMap("名册.xlsx"), muted=[("风险点", "*", "管控责任人")])

    def missing(*path: str | int, rule: str = "SK102") -> Diagnostic:
        return Diagnostic(rule, Severity.ERROR, "缺少", Location("名册.xlsx", path=path))

    assert site.explains(missing("风险点", 3, "管控责任人"))
    assert not site.explains(missing("风险点", 3, "风险等级"))
    assert not site.explains(missing("风险点", 3, "管控责任人", rule="SK103"))
