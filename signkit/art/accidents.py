"""Which safety signs answer which accident types: the one table, and suggestions drawn from it.

A risk point may list its 事故类型 in the twenty categories of GB 6441-86《企业职工伤亡
事故分类》.  :data:`ACCIDENT_SIGNS` says, for each category, which signs of the library
warn of it, most important first: the 警告 sign that names the hazard, then the 禁止
sign that forbids its usual trigger, then the 指令 sign for the protective equipment.
Everything else reads this table — the suggestions in ``check``'s diagnostics and in
``signkit signs --for``, the warning for a listed type without a matching sign, and
``警示标识: 自动``; its tests forbid nonsensical pairs (a 触电 risk answered by 当心落水).

Suggestions reach a board only when the site file asks for them with the entry
:data:`AUTO` (``警示标识: 自动``, alone or among named signs): nothing is printed that
nobody chose.  The category no sign is specific to (其他伤害) maps to
nothing; only :data:`GENERIC` (注意安全) is offered for it, and no warning asks for it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from signkit.art.catalog import load_library, lookup

#: The twenty accident categories of GB 6441-86, in the standard's order.
ACCIDENT_TYPES: tuple[str, ...] = (
    "物体打击", "车辆伤害", "机械伤害", "起重伤害", "触电", "淹溺", "灼烫", "火灾", "高处坠落", "坍塌",
    "冒顶片帮", "透水", "放炮", "火药爆炸", "瓦斯爆炸", "锅炉爆炸", "容器爆炸", "其他爆炸", "中毒和窒息", "其他伤害",
)

#: Accident category → the signs that warn of it, most important first: the 警告 sign that names the hazard,
#: then the 禁止 signs that forbid its usual trigger, the 指令 signs for protective equipment, and a 提示 sign
#: where one helps.  ``警示标识: 自动`` takes them round-robin across a risk point's types, as many as fit, so
#: the first few of each list matter most.  Signs that belong to one industry are listed only under the types
#: that occur only there (瓦斯爆炸, 冒顶片帮, 透水, 放炮: the mines), so a chemical plant is never offered a mine sign.
ACCIDENT_SIGNS: dict[str, tuple[str, ...]] = {
    "物体打击": ("当心落物", "禁止抛物", "必须戴安全帽", "当心碰头", "禁止停留"),
    "车辆伤害": ("当心车辆", "当心叉车", "禁止叉车和厂内机动车辆通行", "当心火车"),
    "机械伤害": ("当心机械伤人", "当心夹手", "禁止伸入", "禁止启动", "当心伤手", "当心挤压", "当心自动启动", "禁止戴手套",
             "必须加锁"),
    "起重伤害": ("当心吊物", "禁止停留", "必须戴安全帽"),
    "触电": ("当心触电", "禁止合闸", "禁止触摸", "当心电缆", "必须加锁", "必须接地"),
    "淹溺": ("当心落水", "禁止游泳", "必须穿救生衣"),
    # GB 6441 灼烫: flames, hot objects, chemical burns (acids, alkalis) and physical burns (light, radiation)
    "灼烫": ("当心烫伤", "当心高温表面", "当心腐蚀", "当心弧光", "当心电离辐射", "当心激光", "必须戴防护手套",
           "必须戴防护眼镜", "必须戴防护面罩", "紧急洗眼器"),
    "火灾": ("当心火灾", "禁止烟火", "禁止吸烟", "禁止带火种", "禁止放置易燃物", "禁止动火作业", "紧急出口"),
    "高处坠落": ("当心坠落", "必须系安全带", "当心坑洞", "当心跌落", "禁止攀登", "禁止跳下", "必须戴安全帽"),
    "坍塌": ("当心塌方", "必须戴安全帽"),
    "冒顶片帮": ("当心冒顶", "当心片帮", "必须戴矿工帽", "当心塌方"),
    "透水": ("当心透水", "避灾路线"),
    "放炮": ("当心爆炸", "禁止放明炮", "禁止入内"),
    "火药爆炸": ("当心爆炸", "禁止烟火", "禁止吸烟", "禁止带火种"),
    "瓦斯爆炸": ("当心瓦斯", "当心爆炸", "禁带烟火", "禁止明火作业", "必须携带自救器"),
    "锅炉爆炸": ("当心爆炸",),
    "容器爆炸": ("当心爆炸", "必须固定气瓶"),
    "其他爆炸": ("当心爆炸", "禁止烟火", "禁止动火作业", "禁止开启无线移动通讯设备", "禁止穿化纤服装", "禁止穿带钉鞋"),
    "中毒和窒息": ("当心中毒", "当心有毒气体", "当心有限空间", "必须戴防毒面具", "注意通风", "当心有害气体中毒"),
    "其他伤害": (),
}

#: GB 2894's general warning, offered only when no listed category has a sign of its own.
GENERIC = "注意安全"
#: The 警示标识 entry that asks for the suggested signs.
AUTO = "自动"


def _available(name: str) -> str | None:
    """The library's own name for ``name``, or ``None`` when no registered sign answers to it."""
    spec = lookup(name)
    return spec.name if spec else None


def suggest(types: Iterable[str]) -> list[str]:
    """The signs for ``types``, round-robin (each type's first sign before any type's second), no repeats.

    Unknown types are skipped (a rule reports them), and so are table entries the
    library does not have (yet).  When the known types have no sign of their own, the
    general warning 注意安全 is suggested.
    """
    known = [t for t in dict.fromkeys(types) if t in ACCIDENT_SIGNS]
    lists = [[n for n in (_available(s) for s in ACCIDENT_SIGNS[t]) if n] for t in known]
    out: list[str] = []
    for rank in range(max((len(names) for names in lists), default=0)):
        for names in lists:
            if rank < len(names) and names[rank] not in out:
                out.append(names[rank])
    if not out and known:
        generic = _available(GENERIC)
        if generic:
            out.append(generic)
    return out


def matching(accident: str) -> tuple[str, ...]:
    """The registered signs that answer ``accident`` (empty for 透水, 其他伤害 and unknown types)."""
    return tuple(n for n in (_available(s) for s in ACCIDENT_SIGNS.get(accident, ())) if n)


def accidents_for(sign: str) -> list[str]:
    """The accident categories whose table entry names ``sign`` (by name or alias), in GB 6441 order."""
    name = _available(sign) or sign
    return [t for t in ACCIDENT_TYPES if any((_available(s) or s) == name for s in ACCIDENT_SIGNS[t])]


def close_types(text: str) -> list[str]:
    """Categories a mistyped 事故类型 may have meant: those containing it (爆炸 → five), else the closest."""
    containing = [t for t in ACCIDENT_TYPES if text and text in t]
    if containing:
        return containing
    return difflib.get_close_matches(text, ACCIDENT_TYPES, n=3, cutoff=0.34)


def board_signs(entries: Sequence[str], types: Sequence[str], capacity: int) -> list[tuple[str, int]]:
    """What a board prints for ``警示标识``: ``(entry, index in the list)`` pairs.

    Named entries (and file paths) keep their place; the entry 自动 is replaced by the
    suggestions for ``types`` that are not already listed, as many as the room left by
    the named entries allows (``capacity`` signs in all), each carrying the index of the
    自动 entry.  Named entries are never dropped: more of them than fit is an error the
    caller reports.
    """
    load_library()
    named = [(entry, index) for index, entry in enumerate(entries) if entry != AUTO]
    listed = {_available(entry) or entry for entry, _ in named}
    room = max(capacity - len(named), 0)
    out: list[tuple[str, int]] = []
    for index, entry in enumerate(entries):
        if entry != AUTO:
            out.append((entry, index))
            continue
        for name in suggest(types):
            if room <= 0:
                break
            if name not in listed:
                out.append((name, index))
                listed.add(name)
                room -= 1
    return out
