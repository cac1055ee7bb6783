"""The boards' fixed wording: Jinja2 templates in ``templates/``, parsed into blocks.

附表 2-6 and 2-7 print several hundred characters of regulation text that must appear
exactly as the regulation words them, and 2-1 and 2-4 each print one fixed line.  That
text lives in ``templates/*.txt.j2`` rather than in Python string literals so that the
wording can be proof-read against the regulation in one place, and so that every
deviation from the plain-text copy (only punctuation: its half-width ``;,:()`` become
full-width) is documented in a ``{# … #}`` comment at the top of the template itself.

The bulletin templates use a small line-based markup instead of carrying layout:

``= 标题``
    the board's title
``## 栏目``
    a section heading (举报范围, 举报奖励 …)
``- 文字``
    a list item; the number ``（一）（二）…`` is *not* written in the template but
    generated here, restarting with every list, so the template cannot misnumber
    and the layout decides how a number is set beside its text
``@ 标签|文字``
    one line of the 举报渠道 block: ``市级`` or ``县级``, then the channel text
any other non-blank line
    a paragraph; blank lines are ignored

Templates are rendered in Jinja2's sandbox with ``StrictUndefined``: a variable the
code forgot to pass is an error naming the variable (rule SK401), never an empty
string silently printed on a three-metre board.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from signkit.diagnostics import Diagnostic, Location, Severity
from signkit.drawing.numbering import numbered
from signkit.errors import SignkitError
from signkit.model.region import ResolvedRegion
from signkit.model.site import Channel
from signkit.resources import data_path

BlockKind = Literal["title", "heading", "paragraph", "item", "channel"]


BulletinForm = Literal["2-6", "2-7"]


@dataclass(frozen=True)
class Block:
    """One unit of a bulletin's wording, in reading order.

    ``number`` is set on items only (``"（一）"``); ``label`` on channel lines only
    (``"市级"``).  Both are kept apart from ``text`` so that the layout can set a
    hanging number or a bold label without re-parsing the text.
    """

    kind: BlockKind
    text: str
    label: str = ""
    number: str = ""

    @property
    def display(self) -> str:
        """The block as one line of plain text: number or label joined to the text."""
        if self.kind == "item":
            return self.number + self.text
        if self.kind == "channel":
            return f"{self.label}：{self.text}" if self.label else self.text
        return self.text


@dataclass(frozen=True)
class Wording:
    """The parsed wording of one bulletin form."""

    form_id: str
    blocks: tuple[Block, ...]

    @property
    def title(self) -> str:
        """The first title block's text (every bulletin template has exactly one)."""
        return next((b.text for b in self.blocks if b.kind == "title"), "")

    def plain(self) -> str:
        """All blocks as plain text, one per line: for previews, tests and search."""
        return "\n".join(b.display for b in self.blocks)


@lru_cache(maxsize=1)
def environment() -> SandboxedEnvironment:
    """The one Jinja2 environment every template renders in (cached: loading is not free).

    Sandboxed, because a template is a data file that an installation may replace;
    ``StrictUndefined``, because a missing value must fail loudly; no autoescaping,
    because the output is text for a PDF, not HTML; ``trim_blocks`` and
    ``lstrip_blocks`` so that ``{% … %}`` and ``{# … #}`` lines leave no blank lines.
    """
    return SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(str(data_path("templates"))),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


_UNDEFINED_NAME = (
    re.compile(r"^'(?P<name>[^']*)' is undefined"),
    re.compile(r"has no (?:attribute|element) '(?P<name>[^']*)'"),
)


def _undefined_name(error: jinja2.UndefinedError) -> str:
    """The variable's name from Jinja's message (``'city' is undefined``), or the message."""
    message = error.message or str(error)
    for pattern in _UNDEFINED_NAME:
        match = pattern.search(message)
        if match:
            return match.group("name")
    return message


def _template_error(name: str, rule: str, message: str, line: int | None = None) -> SignkitError:
    return SignkitError([Diagnostic(rule, Severity.ERROR, message, Location(file=f"templates/{name}", line=line))])


def render_template(name: str, **variables: object) -> str:
    """Render ``templates/<name>`` with ``variables``; Jinja's errors become signkit's.

    A variable the template needs but was not given raises SK401 naming it; a missing
    or malformed template, or one the sandbox stops, raises SK402.  Callers therefore
    only ever see :class:`SignkitError`, which the CLI prints as a diagnostic.
    """
    try:
        return environment().get_template(name).render(**variables)
    except jinja2.UndefinedError as error:
        raise _template_error(name, "SK401", f"模板「{name}」缺少变量「{_undefined_name(error)}」") from error
    except jinja2.TemplateNotFound as error:
        raise _template_error(name, "SK402", f"找不到模板「{name}」") from error
    except jinja2.TemplateSyntaxError as error:
        raise _template_error(name, "SK402", f"模板「{name}」有语法错误：{error.message}", error.lineno) from error
    except SecurityError as error:
        raise _template_error(name, "SK402", f"模板「{name}」访问了沙箱不允许的内容：{error}") from error


def _one_line(value: str) -> str:
    """Fold line breaks in a user's value to spaces: a newline would break the markup."""
    return " ".join(part.strip() for part in value.splitlines() if part.strip())


def _channel_vars(channel: Channel | None) -> dict[str, str]:
    """A channel as the templates see it: every key present, ``""`` where not given."""
    values = {
        "phone": channel.phone if channel else None,
        "letter_address": channel.letter_address if channel else None,
        "postcode": channel.postcode if channel else None,
        "website": channel.website if channel else None,
    }
    return {key: _one_line(str(value)) if value else "" for key, value in values.items()}


_MARKERS: tuple[tuple[str, BlockKind], ...] = (("= ", "title"), ("## ", "heading"), ("- ", "item"), ("@ ", "channel"))


def parse_markup(text: str, template: str) -> tuple[Block, ...]:
    """Turn rendered markup into blocks, numbering each run of items from （一）.

    A list is a run of items not interrupted by any other block (blank lines do not
    interrupt it), which is how the regulation numbers: 2-7's 监督奖励 list starts
    again at （一） after its introduction.
    """
    blocks: list[Block] = []
    count = 0
    for line_no, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        kind: BlockKind = "paragraph"
        body = line
        for marker, marker_kind in _MARKERS:
            if line.startswith(marker):
                kind, body = marker_kind, line[len(marker):].strip()
                break
        if kind == "item":
            count += 1
        else:
            count = 0
        if kind == "channel":
            label, bar, body = body.partition("|")
            if not bar:
                raise _template_error(template, "SK402", f"模板「{template}」第 {line_no} 行的举报渠道缺少「|」：{line}")
            blocks.append(Block("channel", body.strip(), label=label.strip()))
        elif kind == "item":
            blocks.append(Block("item", body, number=numbered(count)))
        else:
            blocks.append(Block(kind, body))
        if not blocks[-1].text:
            raise _template_error(template, "SK402", f"模板「{template}」第 {line_no} 行没有文字：{line}")
    return tuple(blocks)


def bulletin(form_id: BulletinForm, region: ResolvedRegion) -> Wording:
    """附表 2-6 or 2-7 for ``region``: the city's name and the 市级 / 县级 channels filled in."""
    if form_id not in ("2-6", "2-7"):
        raise ValueError(f"bulletin forms are 2-6 and 2-7, not {form_id!r}")
    name = f"{form_id}.txt.j2"
    text = render_template(
        name,
        city=_one_line(region.city),
        city_channel=_channel_vars(region.city_channel),
        county_channel=_channel_vars(region.county_channel),
    )
    return Wording(form_id=form_id, blocks=parse_markup(text, name))


def _line(name: str, **variables: object) -> str:
    return render_template(name, **variables).rstrip("\n")


def supervisor_line(region: ResolvedRegion) -> str:
    """The 2-1 footer ``…监制``; with no 监制 unit known, SK401 names ``supervisor_unit``.

    The variable is left out rather than passed as ``None`` so that StrictUndefined,
    not a printed "None监制", reports the gap.
    """
    variables = {} if not region.supervisor_unit else {"supervisor_unit": _one_line(region.supervisor_unit)}
    return _line("supervisor-line.txt.j2", **variables)


def risk_footer(report_phone: str) -> str:
    """The 2-4 footer telephone line, with the enterprise's 企业监督举报电话."""
    return _line("risk-footer.txt.j2", report_phone=_one_line(report_phone))
