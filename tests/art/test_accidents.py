"""The accident-type table (GB 6441 → library signs) and 自动: the signs suggested for a risk point and printed."""

from __future__ import annotations

from typing import Any

from signkit.art import lookup
from signkit.art.accidents import ACCIDENT_SIGNS, ACCIDENT_TYPES, AUTO, board_signs, close_types, suggest
from signkit.drawing.items import Text
from signkit.drawing.text import FontMeasurer
from signkit.layout.context import LayoutContext
from signkit.layout.registry import layout_board
from tests.art.signutil import BOARD, risk_point
from tests.conftest import check_data

#: Sign words → the only accident categories they may answer: keeps the table free of nonsense.
THEMES: dict[tuple[str, ...], set[str]] = {
    ("落水", "救生衣", "游泳"): {"淹溺"},
    ("触电", "合闸", "接地"): {"触电"},
    ("爆炸",): {"放炮", "火药爆炸", "瓦斯爆炸", "锅炉爆炸", "容器爆炸", "其他爆炸"},
    ("烟火", "吸烟", "火灾", "火种"): {"火灾", "火药爆炸", "瓦斯爆炸", "其他爆炸"},
    ("中毒", "防毒", "有限空间", "缺氧"): {"中毒和窒息"},
    ("坠落", "安全带", "攀登", "坑洞"): {"高处坠落"},
    ("车辆", "叉车"): {"车辆伤害"},
    ("吊物",): {"起重伤害"},
    ("机械", "夹手", "启动"): {"机械伤害"},
    ("烫伤", "高温", "腐蚀", "弧光", "辐射", "洗眼"): {"灼烫"},
    ("塌方", "冒顶", "片帮"): {"坍塌", "冒顶片帮"},
    ("瓦斯", "自救器"): {"瓦斯爆炸", "中毒和窒息"},
    ("透水", "避灾"): {"透水", "冒顶片帮", "瓦斯爆炸"},
    ("游泳", "救生衣"): {"淹溺"},
    ("手套",): {"机械伤害", "灼烫"},
    ("明炮",): {"放炮"},
    ("落物",): {"物体打击"},
    ("触摸",): {"触电", "灼烫", "机械伤害"},
    ("加锁",): {"触电", "机械伤害"},
    ("安全帽", "矿工帽"): {"物体打击", "起重伤害", "坍塌", "冒顶片帮", "高处坠落"},
}


def test_accident_table_covers_gb6441_and_names_library_signs() -> None:
    assert len(ACCIDENT_TYPES) == 20 and set(ACCIDENT_SIGNS) == set(ACCIDENT_TYPES)
    for accident, names in ACCIDENT_SIGNS.items():
        assert len(set(names)) == len(names), accident
        for name in names:
            spec = lookup(name)
            assert spec is not None and spec.name == name, f"{accident} → {name}: not a library sign"
        if names:  # the sign that names the hazard comes first
            assert lookup(names[0]).category == "警告", accident  # type: ignore[union-attr]


def test_accident_table_has_no_nonsensical_pairs() -> None:
    assert "当心落水" not in ACCIDENT_SIGNS["触电"]
    assert "当心触电" not in ACCIDENT_SIGNS["淹溺"]
    for accident, names in ACCIDENT_SIGNS.items():
        for name in names:
            for words, allowed in THEMES.items():
                if any(word in name for word in words):
                    assert accident in allowed, f"{accident} → {name}"


def test_suggestions_are_round_robin_without_repeats() -> None:
    assert suggest(["触电"])[:2] == ["当心触电", "禁止合闸"]
    both = suggest(["触电", "火灾"])
    assert both[:2] == ["当心触电", "当心火灾"] and len(both) == len(set(both))
    assert suggest(["火药爆炸", "瓦斯爆炸"]).count("当心爆炸") == 1
    assert suggest(["透水"])[0] == "当心透水"  # GB 14161's mine sign
    assert suggest(["其他伤害"]) == ["注意安全"]  # no sign of its own: only the general warning
    assert suggest(["不存在"]) == []
    assert close_types("爆炸") == ["火药爆炸", "瓦斯爆炸", "锅炉爆炸", "容器爆炸", "其他爆炸"]
    assert "中毒和窒息" in close_types("中毒")


def test_auto_expands_to_the_suggestions_that_fit() -> None:
    assert [e for e, _ in board_signs([AUTO], ["触电"], 6)] == suggest(["触电"])[:6]
    expanded = board_signs(["禁止烟火", AUTO], ["火灾"], 3)
    assert expanded == [("禁止烟火", 0), ("当心火灾", 1), ("禁止吸烟", 1)]  # listed signs are not repeated
    assert board_signs(["当心触电"], ["触电"], 6) == [("当心触电", 0)]  # nothing nobody chose
    many = [f"当心{k}" for k in range(8)]
    assert len(board_signs(many, [], 6)) == 8  # named signs are never dropped (SK707 reports them)


def test_auto_prints_the_suggestions_that_fit(chem: dict[str, Any], bundled_fonts: Any) -> None:
    point = risk_point(chem, 3)
    point["警示标识"] = ["当心车辆", AUTO]
    point["事故类型"] = ["车辆伤害", "触电"]
    report = check_data(chem)
    assert report.ok(strict=True), [d.render() for d in report.diagnostics]
    assert report.site is not None
    planned = [p for p in report.plan if p.form_id == "2-4"][3]
    board, frame = layout_board(LayoutContext(report.site, FontMeasurer(bundled_fonts)), planned, BOARD)
    assert frame.misfits == []
    texts = [t.text for t in board.pages[0].items if isinstance(t, Text)]
    expected = [e for e, _ in board_signs(["当心车辆", AUTO], ["车辆伤害", "触电"], 6)]
    assert expected[:3] == ["当心车辆", "当心触电", "当心叉车"]
    joined = "".join(texts)
    positions = [joined.find(name) for name in expected]
    # 自动 adds suggestions in order only while every panel stays legible from 2 m (layout/risk_signs.py): the
    # long 禁止叉车和厂内机动车辆通行 would need a sign wider than the row holds, so it and what follows are left out.
    printed = [p for p in positions if p != -1]
    assert len(printed) >= 4 and positions[: len(printed)] == printed == sorted(printed), (expected, joined)
    assert "禁止叉车和厂内机动车辆通行" not in joined
    assert AUTO not in texts
