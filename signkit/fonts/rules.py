"""Rule ids of the fonts subsystem (SK3xx).

Kept in one plain mapping, apart from the code that raises them, so the project's
rule catalog (``docs/rules.md``, ``signkit rules``) can merge it without importing
fontTools or touching the file system.  Each id maps to its *default* severity and a
one-line Chinese description; a diagnostic may be emitted at a milder severity than
the default when the situation was asked for (see ``docs/fonts.md``).
"""

from __future__ import annotations

FONT_RULES: dict[str, tuple[str, str]] = {
    "SK301": ("error", "字体文件不存在或无法读取"),
    "SK302": ("error", "字体授权（OS/2 fsType）禁止嵌入或子集化，不能用于 PDF"),
    "SK303": (
        "error",
        "不支持的字体格式（CFF/PostScript 轮廓、网页字体或缺少必需的表），ReportLab 无法嵌入",
    ),
    "SK304": ("warning", "未使用法定字体，改用了替代字体"),
    "SK305": ("warning", "字符不在首选字体中，由后备字体印出"),
    "SK306": ("error", "字符在所有可用字体中都缺失，无法印出"),
    "SK307": ("error", ".ttc 字体集中找不到指定的字形（名称或序号）"),
    "SK308": ("warning", "系统已安装的法定字体无法使用，已跳过"),
}
