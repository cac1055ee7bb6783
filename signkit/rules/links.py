"""Addresses printed as QR codes: a real web address, dense enough to scan only if its modules are big enough.

Two addresses become codes: 地区.举报网址 (or the city profile's) on 2-6 and 2-7, and
企业.风险信息网址 on every 2-4.  Readability is a matter of printed module size, so the
check uses the board's size (输出.尺寸, else the minimum), the side its layout gives the
code and the board's viewing distance (:func:`signkit.art.qr.min_module`): the same address
can be fine on a 3 m bulletin and too dense for a 2-4 corner.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from signkit.art.qr import TooLong, max_modules, min_module, module_size, modules
from signkit.diagnostics import KeyPath
from signkit.rules.base import RuleContext
from signkit.spec.forms import viewing_distance
from signkit.spec.grids import bulletin_qr_box, risk_qr_box
from signkit.spec.sizes import Sizing, board_size, scale_of

_URL = re.compile(r"https?://[^\s/$.?#][^\s]*")


@dataclass(frozen=True)
class QrFit:
    """How one address prints on one board: the code's side, its modules and their size, and the limit."""

    form_id: str
    width: float
    height: float
    side: float
    count: int
    module: float
    minimum: float
    distance: float

    @property
    def readable(self) -> bool:
        return self.module + 1e-9 >= self.minimum

    def enlarged(self) -> tuple[int, int]:
        """The board size (same proportions, whole mm, rounded up) at which the modules reach the minimum."""
        factor = self.minimum / self.module
        return math.ceil(self.width * factor), math.ceil(self.height * factor)


def qr_fit(content: str, form_id: str, width: float, height: float) -> QrFit:
    """Where the layout of ``form_id`` puts a code at ``width`` × ``height`` mm, and how fine its modules are.

    Raises :class:`signkit.art.qr.TooLong` when the content fits no QR code at all.
    """
    sizing = Sizing(width, height, scale_of(form_id, width, height))
    side = (risk_qr_box(sizing) if form_id == "2-4" else bulletin_qr_box(sizing)).w
    distance = viewing_distance(form_id)
    count = modules(content)
    return QrFit(form_id, width, height, side, count, module_size(side, count), min_module(distance), distance)


def _check(ctx: RuleContext, url: str, path: KeyPath, name: str, forms: tuple[str, ...], hint: str) -> None:
    """SK228 / SK229 for one address printed on ``forms``; ``name`` is the user's key path, as printed in messages."""
    if not _URL.fullmatch(url):
        shown = url if len(url) <= 60 else url[:57] + "…"
        why = ("含有空格等不能出现在网址中的字符" if re.match(r"https?://", url)
               else "应以 http:// 或 https:// 开头")
        ctx.report("SK228", path, f"{name}「{shown}」不是网址（{why}）", hint)
        return
    try:
        fits = [qr_fit(url, form, *board_size(form, ctx.site.output.size_of(form))) for form in forms]
    except TooLong:
        ctx.report("SK229", path, f"{name}太长（{len(url)} 个字符），无法印成二维码", "请使用更短的网址")
        return
    if not fits:
        return
    worst = min(fits, key=lambda fit: fit.module / fit.minimum)
    if worst.readable:
        return
    limit = max_modules(worst.side, worst.distance)
    width, height = worst.enlarged()
    ctx.report(
        "SK229", path,
        f"{name}（{len(url)} 个字符）印成二维码需要 {worst.count}×{worst.count} 个模块，在 {worst.width:g}×{worst.height:g} mm "
        f"的附表 {worst.form_id} 上二维码边长 {worst.side:.0f} mm，每个模块只有 {worst.module:.2f} mm；"
        f"从 {worst.distance:g} m 外扫描至少要 {worst.minimum:.2f} mm（观看距离 / 700）",
        f"请使用更短的网址（这块牌上最多 {limit}×{limit} 个模块），或在 输出.尺寸 中把附表 {worst.form_id} 做到至少 "
        f"{width}×{height} mm")


def check_report_url(ctx: RuleContext) -> None:
    """SK228 (not an http(s) address), SK229 (modules too small to scan from the board's viewing distance)."""
    region = ctx.region
    if region.report_url:
        if region.report_url_from_profile:
            path: KeyPath = ("地区", "城市")
            name = f"{region.city}内置资料中的举报网址"
        else:
            path, name = ("地区", "举报网址"), "地区.举报网址"
        _check(ctx, region.report_url, path, name, ("2-6", "2-7"),
               "规范只给出了栏目路径；请填写举报页面的实际网址，或不填（不印二维码）")
    risk_url = ctx.site.enterprise.risk_url
    if risk_url:  # checked as an address even with no risk point; its size only where a 2-4 prints it
        _check(ctx, risk_url, ("企业", "风险信息网址"), "企业.风险信息网址", ("2-4",) if ctx.site.risk_points else (),
               "请填写本企业公布风险信息的网页的实际网址，或不填（不印二维码）")
