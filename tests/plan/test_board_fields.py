"""board_fields is what each board prints: derived from the layouts, field by field.

For one field of every kind in the examples, a valid new value is tried; every board that
then prints differently (the oracle of tests/layout/oracle.py) must list the field among
its board fields, and no board that prints the same may list it.  So the reasons a reprint
list gives (``signkit diff``) name exactly the fields a board shows.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest

from signkit.diagnostics import KeyPath, format_path
from signkit.fonts import FontSet
from tests.conftest import leaves
from tests.layout.oracle import BASES, LEVELS, lay_out, value_at

#: The examples, and the small one with a region of its own (监制单位 and the whole 市级 channel given, so the
#: built-in city profile decides nothing: then 2-1 and 2-7 print nothing that depends on 地区.城市); with the
#: sections whose fields are tried (the small example differs from the chemical one by its 2-1 variant, 2-1-2,
#: and its region; its workplaces, posts and risk points are of the same kinds).
FIELD_VARIANTS: dict[str, tuple[dict[str, Any], tuple[str, ...]]] = {
    "chemical": (BASES["chemical"], ("地区", "企业", "监管责任", "工作场所", "岗位", "风险点")),
    "small": (BASES["small"], ("地区", "企业", "监管责任")),
    "small-own-region": ({**copy.deepcopy(BASES["small"]), "地区": {
        **copy.deepcopy(BASES["small"]["地区"]), "监制单位": "定襄县安全生产委员会办公室",
        "市级举报渠道": {"电话": "0350-3022350", "来信地址": "忻州市长征街1号", "邮编": "034001", "网站": "www.example.org/xz"}}},
        ("地区",)),
}
PHONE_KEYS = {"企业监督举报电话", "企业应急电话", "救援电话", "电话"}
ACCIDENTS = ("物体打击", "触电", "火灾", "高处坠落", "机械伤害", "灼烫")
SIGN_NAMES = ("当心触电", "禁止烟火", "当心机械伤人", "必须戴安全帽", "当心落物")


def _shape(path: KeyPath) -> tuple[str, ...]:
    return tuple("[]" if isinstance(part, int) else part for part in path)


def _candidates(data: dict[str, Any], path: KeyPath, old: str) -> Iterator[tuple[list[KeyPath], dict[str, Any]]]:
    """Valid-looking new values for one field, most specific first; last, the value renamed everywhere.

    Renaming everywhere keeps references intact (岗位名称 in 工作场所.岗位, 风险点名称 in
    监管责任.风险点), so every key path it touched counts as changed.
    """
    last = path[-1] if isinstance(path[-1], str) else str(path[-2])
    values: list[str] = []
    if last in PHONE_KEYS:
        values.append("0350-7654321")
    elif last == "邮编":
        values.append("036001")
    elif last in ("风险等级", "层级"):
        values.extend(v for v in (LEVELS if last == "风险等级" else ("市", "县", "乡镇", "街道")) if v != old)
    elif last == "所在工作场所":
        values.extend(w["名称"] for w in data["工作场所"] if w["名称"] != old)
    elif last == "事故类型":
        values.extend(a for a in ACCIDENTS if a not in value_at(data, path[:-1]))
    elif last == "警示标识":
        values.extend(n for n in SIGN_NAMES if n not in value_at(data, path[:-1]))
    elif last == "修订日期":
        values.append("2031-12-31")
    elif last == "市级直接监管":
        values.append("是" if old == "否" else "否")
    elif last == "人数":
        values.append(str(int(old) + 1))
    elif "网址" in last:
        values.append(old.rstrip("/") + "/x")
    values.append(old[:-1] + ("甲" if old[-1] != "甲" else "乙"))
    for value in values:
        changed = copy.deepcopy(data)
        target: Any = changed
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value
        yield [path], changed
    renamed, everywhere = copy.deepcopy(data), []
    for other, value in leaves(data):
        if value == old:
            target = renamed
            for part in other[:-1]:
                target = target[part]
            target[other[-1]] = values[-1]
            everywhere.append(other)
    yield everywhere, renamed


@pytest.mark.parametrize("variant", sorted(FIELD_VARIANTS))
def test_board_fields_are_exactly_what_each_board_prints(bundled_fonts: FontSet, variant: str) -> None:
    """For one field of every kind (key path, list indices aside): a board prints differently iff it lists the field.

    So a reprint list's reasons name a field exactly when the board shows it: no reason
    missing for a board that changed, and no unprinted field (职务, 层级, 县区, 所在工作场所,
    the other 2-1 variant's 分管负责人 / 安全管理人员) given as a reason to reprint.
    """
    data, sections = FIELD_VARIANTS[variant]
    base = lay_out(data, bundled_fonts)
    assert base is not None
    seen: set[tuple[str, ...]] = set()
    checked, untested = [], []
    for path, old in leaves(data):
        if not isinstance(old, str) or path[0] not in sections or _shape(path) in seen:
            continue
        seen.add(_shape(path))
        for changed, mutated in _candidates(data, path, old):
            after = lay_out(mutated, bundled_fonts)
            if after is None:  # invalid, or no longer fits: try the next value
                continue
            keys = {format_path(p) for p in changed}
            for board in base.keys() & after.keys():
                # at or below the key: a single line where the model expects a list is its item [0]
                listed = {field for field in base[board].fields.keys() | after[board].fields.keys()
                          if any(field == key or field.startswith((f"{key}[", f"{key}.")) for key in keys)}
                reprinted = base[board].printed != after[board].printed
                assert reprinted == bool(listed), f"{format_path(path)}: {board} prints differently: {reprinted}, " \
                                                  f"lists {sorted(listed)}"
            checked.append(format_path(path))
            break
        else:
            untested.append(format_path(path))
    # every kind of field could be changed validly but the few that no value of ours keeps valid
    # (市级直接监管 = 是 needs more data; a city without a built-in profile needs its own 监制 unit and channel)
    assert set(untested) <= ({"企业.市级直接监管", "地区.城市"} if variant != "small-own-region" else set()), untested
    assert len(checked) >= {"chemical": 60, "small": 20, "small-own-region": 8}[variant], checked
