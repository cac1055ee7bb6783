"""Rule ids of the PDF preflight (SK6xx).

Kept in one plain mapping, apart from the code that raises them, so the project's rule
catalog (``docs/rules.md``, ``signkit rules``) can merge it without importing pikepdf.
Each id maps to its *default* severity and a one-line Chinese description.  A few
diagnostics are emitted at a milder severity than the default when the finding is
only a hint of the problem (a page that merely *declares* a transparency group, a
damaged file that could be repaired); the message says so.

Why SK608 (spot colour) is a warning and not an error: a spot colour is sometimes
wanted (a company colour agreed with the print shop), so it cannot be called wrong
outright; but on offset it costs an extra plate and on the large-format inkjet printers
that print these boards the RIP replaces it by its alternate colour, which rarely
matches.  Print shops want it flagged, and ``--strict`` fails on it.
"""

from __future__ import annotations

PREFLIGHT_RULES: dict[str, tuple[str, str]] = {
    "SK601": ("error", "文件不存在、无法读取、不是 PDF 或已损坏到无法打开（退出码 2）"),
    "SK602": ("error", "PDF 已加密（设有打开密码或权限限制），印厂的 RIP 通常拒收"),
    "SK603": ("warning", "页面没有 TrimBox（成品裁切框），印厂只能猜测裁切位置"),
    "SK604": ("error", "成品尺寸（TrimBox）小于附表规定的最小尺寸，或须按比例放大的牌未按比例"),
    "SK605": ("error", "页面框嵌套不对（应为 TrimBox ⊆ BleedBox ⊆ MediaBox，TrimBox 在 CropBox 内）或页面框无效"),
    "SK606": ("error", "字体未嵌入（未嵌入的标准 14 字体如 Helvetica 也算），印厂会用替代字体印出"),
    "SK607": ("error", "使用了 RGB 等非 CMYK 颜色（RGB/Lab 颜色、RGB 图像或渐变），印出颜色会偏"),
    "SK608": ("warning", "使用了专色（All 套准色以外的 Separation/DeviceN），须与印厂确认"),
    "SK609": ("error", "使用了透明效果（不透明度小于 1、软蒙版、混合模式或透明组），PDF/X-1a 不允许"),
    "SK610": ("warning", "图像在印刷尺寸下的有效分辨率低于下限（默认 100 ppi，--min-dpi 可调）"),
    "SK611": ("info", "PDF/X 输出意图未写入（仅提示）"),
    "SK612": ("error", "PDF 内部结构损坏或内容无法解析，部分内容未能检查"),
}
