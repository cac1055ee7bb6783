"""The JSON Schema of the site file, for editors (yaml-language-server) and other tools.

Generated from the pydantic model, so it cannot drift from what ``check`` accepts; the
definitions get Chinese titles so an editor's hover reads in the user's language.
``docs/site.schema.json`` is this output, and a test fails when it is stale.
"""

from __future__ import annotations

import json
from typing import Any

from signkit.model.site import Site

_TITLES = {
    "Channel": "举报渠道", "Region": "地区", "Enterprise": "企业", "Leader": "责任领导",
    "Department": "监管部门", "Supervision": "监管责任", "InternalDept": "企业内部部门",
    "Team": "班组", "WorkplacePost": "工作场所的岗位", "Workplace": "工作场所",
    "Post": "岗位", "RiskPoint": "风险点", "Output": "输出", "Site": "站点文件",
}

_DESCRIPTIONS = {
    "Channel": "附表 2-6、2-7「举报渠道」中的一条渠道", "Region": "所在城市与县区，决定监制单位和举报渠道",
    "Enterprise": "企业基本信息（附表 2-1 上部、2-4 底部、2-5 背面）", "Leader": "姓名与职务",
    "Department": "附表 2-1 的一行监管部门", "Supervision": "安全生产监督管理责任牌（附表 2-1-1 / 2-1-2）",
    "InternalDept": "附表 2-2 的企业内部部门", "Team": "附表 2-2 的班组行", "WorkplacePost": "附表 2-2 的岗位行",
    "Workplace": "企业安全生产责任牌（附表 2-2）", "Post": "员工岗位责任牌（2-3）与岗位风险告知卡（2-5）",
    "RiskPoint": "安全风险分级管控告知牌（附表 2-4）",
    "Output": "制作选项：各附表尺寸、份数、背景",
}

SCHEMA_ID = "https://signkit.invalid/site.schema.json"


def site_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a site file, keys and titles in Chinese."""
    schema = Site.model_json_schema(by_alias=True, mode="validation")
    for name, definition in schema.get("$defs", {}).items():
        definition["title"] = _TITLES.get(name, definition.get("title", name))
        definition["description"] = _DESCRIPTIONS.get(name, definition["title"])
    schema["title"] = _TITLES["Site"]
    schema["description"] = "signkit 站点文件：一家企业的“四牌一卡两栏”全部内容"
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def site_schema_json() -> str:
    """The schema as the text ``signkit schema`` prints (stable key order, UTF-8)."""
    return json.dumps(site_schema(), ensure_ascii=False, indent=2) + "\n"
