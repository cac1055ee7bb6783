"""Addresses printed as QR codes: a real web address, short enough to scan from a board."""

from __future__ import annotations

import re

from signkit.rules.base import RuleContext


def check_report_url(ctx: RuleContext) -> None:
    """SK228 (not an http(s) address), SK229 (too long for a readable code)."""
    from signkit.qr import MAX_MODULES, modules

    url = ctx.site.region.report_url
    if not url:
        return
    path = ("地区", "举报网址")
    if not re.fullmatch(r"https?://[^\s/$.?#][^\s]*", url):
        ctx.report("SK228", path, f"「{url}」不是网址（应以 http:// 或 https:// 开头）",
                   "规范只给出了栏目路径；请填写举报页面的实际网址，或不填（不印二维码）")
        return
    count = modules(url)
    if count > MAX_MODULES:
        ctx.report("SK229", path, f"网址太长（{len(url)} 个字符），二维码需要 {count}×{count} 个模块，在牌上难以扫描",
                   "请使用更短的网址")
