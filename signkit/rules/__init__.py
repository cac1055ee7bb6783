"""Content rules of the regulation, run on a validated site.

Each rule is a small function in a module by theme; :data:`ALL_RULES` fixes the order
they run in.  :func:`run_rules` is the only entry point the rest of signkit needs.
"""

from __future__ import annotations

from signkit.diagnostics import Diagnostic, KeyPath
from signkit.drawing.text import Measurer
from signkit.load.yaml_tree import SourceMap
from signkit.model.site import Site
from signkit.rules import duties, links, phones, references, required, signs, sizes, supervision, wording
from signkit.rules.base import Rule, RuleContext

ALL_RULES: tuple[Rule, ...] = (
    phones.check_phones,
    phones.check_postcodes,
    required.check_board_content,
    required.check_card_phones,
    required.check_report_phone,
    required.check_channels,
    required.check_supervision_people,
    supervision.check_leader_titles,
    supervision.check_county_leader,
    supervision.check_levels,
    supervision.check_special_count,
    references.check_duplicates,
    references.check_post_references,
    references.check_risk_workplaces,
    duties.check_vague_duties,
    wording.check_self_numbered,
    wording.check_empty_sets,
    wording.check_invisible_characters,
    sizes.check_sizes,
    links.check_report_url,
    signs.check_signs,
)


def run_rules(site: Site, source: SourceMap, mended: frozenset[KeyPath] = frozenset(),
              measure: Measurer | None = None) -> list[Diagnostic]:
    """Every content finding for ``site``, located through ``source``.

    ``mended`` are the key paths the schema refused and salvage mended; rules whose
    judgement would rest on a mended value (the highest risk level) hold back.
    ``measure`` measures text with the fonts the boards will be laid out with (bundled
    fonts when ``None``), so what the rules say fits is what the layout fits.
    """
    ctx = RuleContext(site, source, mended=mended, measure=measure)
    for rule in ALL_RULES:
        rule(ctx)
    return ctx.diagnostics


__all__ = ["ALL_RULES", "RuleContext", "run_rules"]
