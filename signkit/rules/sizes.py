"""The 输出 section: requested board sizes are well-formed, at least the minimum, and in proportion."""

from __future__ import annotations

from signkit.rules.base import RuleContext
from signkit.spec.sizes import parse_size, size_problem


def check_sizes(ctx: RuleContext) -> None:
    """SK225 (format), SK226 (below the minimum or out of proportion)."""
    for form_id, text in ctx.site.output.sizes.items():
        path = ("输出", "尺寸", form_id)
        try:
            width, height = parse_size(text)
        except ValueError as bad:
            ctx.report("SK225", path, str(bad))
            continue
        problem = size_problem(form_id, width, height)
        if problem:
            ctx.report("SK226", path, problem, "规范：参考最小尺寸；2-3、2-6 可根据实际情况按比例放大")
