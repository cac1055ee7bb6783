"""The reprint list on the screen: grouped by enterprise and 附表, a long one summarised and pointed at 重印清单.csv."""

from __future__ import annotations

from pathlib import Path

import pytest

from signkit.cli.render_cmd import REPRINT_LINES, print_reprints
from signkit.pipeline.reprint import Reprint


def _cards(enterprise: str, count: int) -> list[Reprint]:
    return [Reprint(enterprise, "2-5", f"岗位{i:03d}", "内容变化", [f"岗位[{i}].救援电话：120 → 119", "企业.企业应急电话：1 → 2"],
                    enterprise, "岗位员工（每人一张）", 2, f"2-5_岗位{i:03d}.pdf") for i in range(count)]


def test_a_short_list_shows_every_board_under_its_enterprise_and_kind(capsys: pytest.CaptureFixture[str]) -> None:
    items = [*_cards("甲公司", 2), Reprint("甲公司", "2-4", "罐区（重大风险）", "撤下", [], "甲公司", "罐区", 0, "x.pdf")]
    print_reprints(items, dry_run=False, csv_path=Path("out/重印清单.csv"))
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "需要制作 / 重印 / 撤下的牌（交给印刷厂或安排撤下）：共 3 块，逐块明细见 out/重印清单.csv"
    assert lines[1] == "  甲公司（内容变化 2、撤下 1）"
    assert lines[2] == "    附表 2-4 安全风险分级管控告知牌：撤下 1"
    assert lines[3].startswith("      [撤下] 罐区（重大风险）")
    assert lines[4] == "    附表 2-5 岗位风险告知卡：内容变化 2"
    assert lines[5] == "      [内容变化] 岗位000 × 2（甲公司 制作，悬挂于 岗位员工（每人一张））"
    assert lines[6:8] == ["          岗位[0].救援电话：120 → 119", "          企业.企业应急电话：1 → 2"]


def test_a_long_list_is_summarised_and_capped(capsys: pytest.CaptureFixture[str]) -> None:
    items = [item for name in ("甲公司", "乙公司", "丙公司") for item in _cards(name, 40)]  # 120 boards, 360 lines in full
    print_reprints(items, dry_run=False, csv_path=Path("out/重印清单.csv"))
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) <= REPRINT_LINES + 2
    assert "  甲公司（内容变化 40）" in lines and "  丙公司（内容变化 40）" in lines
    assert "    附表 2-5 岗位风险告知卡：内容变化 40（企业.企业应急电话 ×40；岗位[*].救援电话 ×40）" in lines
    assert not any("[内容变化]" in line for line in lines)
    assert lines[-1] == "  …共 120 块，屏幕上只列出每类的数量和原因，逐块明细见 out/重印清单.csv"


def test_a_list_longer_than_even_its_summary_is_cut(capsys: pytest.CaptureFixture[str]) -> None:
    items = [item for i in range(60) for item in _cards(f"企业{i:02d}", 1)]
    print_reprints(items, dry_run=True, limit=10)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("共 60 块（试运行，没有写入重印清单）")
    assert len(lines) == 12 and lines[-1].startswith("  …共 60 块，屏幕上只列出前 5 类")


def test_diff_shows_the_whole_list_flat(capsys: pytest.CaptureFixture[str]) -> None:
    items = _cards("甲公司", 40)
    print_reprints(items, dry_run=False, grouped=False)
    lines = capsys.readouterr().out.splitlines()
    assert sum(line.startswith("  [内容变化] 甲公司 附表 2-5 岗位") for line in lines) == 40
