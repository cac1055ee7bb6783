"""The built-in sign library: every sign's name, GB 2894 category and pictogram, looked up by name or alias.

Pictograms are signkit's own renditions drawn with :class:`~signkit.art.pen.Pen`
(the 2025 edition of GB 2894 redrew many symbols and its artwork is not available
here); an office holding the official artwork can override any sign by name with its
own SVG or PDF.  Importing this module imports every pictogram module, each of which
registers its signs with :func:`signkit.art.registry.sign`; the order of the imports is
the order of the catalogue.
"""

from __future__ import annotations

# every pictogram module, imported for the signs it registers; the catalogue lists each category in this order
from signkit.art.pictograms import (  # noqa: F401
    examples,
    mandatory,
    mandatory_actions,
    mandatory_mining,
    mandatory_ppe,
    prohibition,
    prohibition_acts,
    prohibition_carrying,
    prohibition_fire,
    prohibition_machines,
    prohibition_mining,
    prohibition_power,
    safe,
    safe_facilities,
    safe_mining,
    safe_power,
    warning,
    warning_energy,
    warning_health,
    warning_machines,
    warning_mining,
    warning_movement,
)
from signkit.art.registry import ALIASES, CATEGORIES, SIGNS, SignSpec


def load_library() -> dict[str, SignSpec]:
    """The library: every sign the pictogram modules registered, in registration order."""
    return SIGNS


def lookup(name: str) -> SignSpec | None:
    """The sign called ``name`` (or by one of its aliases), or ``None``."""
    library = load_library()
    return library.get(name) or library.get(ALIASES.get(name, ""))


def signs_markdown() -> str:
    """docs/signs.md: every sign of the library by category, with its standard, number and other wordings.

    Generated, so the page and the library cannot drift apart (a test compares them);
    ``signkit signs --markdown > docs/signs.md`` updates it.
    """
    library = load_library()
    standards = sorted({spec.standard for spec in library.values()})
    lines = [
        "# 安全标志 / Safety signs",
        "",
        f"signkit 内置 {len(library)} 个安全标志，按 GB 2894 的四类（禁止、警告、指令、提示）绘制成矢量图形，"
        "印在 2-4 告知牌的警示标识格中。图形是 signkit 自绘的，不是标准的官方图形："
        "GB 2894—2025《安全色和安全标志》（2026-03-01 起实施）重绘了部分图形，其完整图形表 signkit 没有取得；"
        "持有官方图形的单位可以按名称用自己的 SVG、PDF 或图片替换任何一个标志（站点文件 `输出.标志文件夹`，"
        "或 `signkit.toml` 的 `[signs] folder`）。",
        "",
        "来源：GB 2894—2008《安全标志及其使用导则》的全部 103 个标志；GB 2894—2025 中已公布名称、图形可以确定的新增标志；"
        "以及 GB 2894 没有而矿山、职业病危害、电力、加油站等场所常挂的标志，每个都注明所依据的标准。"
        "编号取自各标准的表（未能核对原件的编号仅供参考）。站点文件中写标准名称或下表“又名”中的写法均可。",
        "由 `signkit signs --markdown` 生成，测试会检查本页与标志库一致。",
        "",
        "| 标准 | " + " | ".join(CATEGORIES) + " | 合计 |",
        "|---|" + "---|" * (len(CATEGORIES) + 1),
    ]
    for standard in standards:
        counts = [sum(1 for s in library.values() if s.standard == standard and s.category == c) for c in CATEGORIES]
        lines.append(f"| {standard} | " + " | ".join(str(n) for n in counts) + f" | {sum(counts)} |")
    totals = [sum(1 for s in library.values() if s.category == c) for c in CATEGORIES]
    lines.append("| 合计 | " + " | ".join(str(n) for n in totals) + f" | {len(library)} |")
    for category in CATEGORIES:
        specs = [s for s in library.values() if s.category == category]
        lines += ["", f"## {category}标志（{len(specs)}）", "", "| 名称 | 标准 | 编号 | 又名 |", "|---|---|---|---|"]
        lines += [f"| {s.name} | {s.standard} | {s.number} | {'、'.join(s.aliases)} |" for s in specs]
    return "\n".join(lines) + "\n"
