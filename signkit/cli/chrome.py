"""The framework's own words in Chinese, and help text measured in display columns.

Why: typer (and the click code it carries) writes its chrome in English — ``Usage:``,
``Options``, ``Show this message and exit.``, ``[default: text]`` — and measures text in
characters, so a line of Chinese (two columns a character) runs past the terminal and is
wrapped only at spaces, which Chinese does not have.  Our users read Chinese; a help
screen half in English, ragged past 80 columns, is the first thing they see.

The pieces: :class:`ChineseHelpFormatter` lays out help in display columns, breaking
Chinese between characters (never before ，。） or after （“) and keeping paragraphs and
``\\b`` blocks apart; :class:`ChineseCommand` / :class:`ChineseGroup` use it, say the
usage line, headings, help option and the ``[默认：…；必填；≥1]`` notes in Chinese, and
suggest a close command name.  Error messages are :mod:`signkit.cli.usage_errors`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from difflib import get_close_matches
from typing import Any

import typer
from typer._click import exceptions as click_errors
from typer._click import formatting
from typer.core import TyperArgument, TyperCommand, TyperGroup

HELP_OPTION_TEXT = "显示本帮助并退出"
USAGE_PREFIX = "用法："
OPTIONS_METAVAR = "[选项]"
SUBCOMMAND_METAVAR = "命令 [参数]…"

_HEADINGS = {"Options": "选项", "Arguments": "参数", "Commands": "命令", "Positional arguments": "参数"}

# 禁则 (line-breaking rules): never start a line with a closing mark, never end one with an opening mark
_CLOSING = frozenset("，。、；：！？）」』”’》〉】〕…—,.;:!?)]}%")
_OPENING = frozenset("（「『“‘《〈【〔([{")
_SENTENCE_END = ("。", "！", "？")


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: 2 for wide (CJK) characters, 0 for combining marks."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _is_single(token: str) -> bool:
    """A unit of one character that takes no neighbours: a wide character, or a non-ASCII mark such as “ or …."""
    return len(token) == 1 and (_is_wide(token) or (not token.isascii() and (token in _OPENING or token in _CLOSING)))


def _tokens(text: str) -> list[str]:
    """Break units: a run of spaces, a run of narrow characters (a word, an option, ≥1), or one wide character.

    Closing marks are glued to the unit before them and opening marks to the unit after, so
    a line never starts with ，or ）and never ends with （.
    """
    raw: list[str] = []
    for char in text:
        single = _is_wide(char) or (not char.isascii() and (char in _OPENING or char in _CLOSING))
        if char.isspace():
            if raw and raw[-1].isspace():
                raw[-1] += char
            else:
                raw.append(char)
        elif single or not raw or raw[-1].isspace() or _is_single(raw[-1]):
            raw.append(char)
        else:
            raw[-1] += char
    units: list[str] = []
    pending_open = ""
    for token in raw:
        if token.isspace():
            if pending_open:
                units.append(pending_open)
                pending_open = ""
            units.append(" ")
            continue
        if len(token) == 1 and token in _OPENING:
            pending_open += token
            continue
        token = pending_open + token
        pending_open = ""
        if units and not units[-1].isspace() and token[0] in _CLOSING:
            units[-1] += token
        else:
            units.append(token)
    if pending_open:
        units.append(pending_open)
    return units


def _glue_notes(units: list[str], room: int) -> list[str]:
    """A short bracketed note (``[默认：text]``, ``[≥1]``) as one unit: it moves to the next line whole.

    A note wider than ``room`` (a line's width) keeps its units, to be broken as any text is.
    """
    glued: list[str] = []
    open_note: list[str] | None = None
    for unit in units:
        if open_note is None and unit.startswith("[") and "]" not in unit:
            open_note = [unit]
        elif open_note is not None:
            open_note.append(unit)
            if "]" in unit or display_width("".join(open_note)) > room:
                note = "".join(open_note)
                glued.extend([note] if display_width(note) <= room else open_note)
                open_note = None
        else:
            glued.append(unit)
    if open_note is not None:
        glued.extend(open_note)
    return glued


def wrap_line(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    """Greedy wrap of one line of text to ``width`` display columns, Chinese broken between characters."""
    lines: list[str] = []
    indent = initial_indent
    current = ""
    for unit in _glue_notes(_tokens(text), width - max(display_width(initial_indent), display_width(subsequent_indent))):
        if unit.isspace():
            if current:
                current += " "
            continue
        room = width - display_width(indent)
        if display_width(current + unit) <= room:
            current += unit
            continue
        if current.strip():
            lines.append(indent + current.rstrip())
            indent, current = subsequent_indent, ""
            room = width - display_width(indent)
        while display_width(unit) > room:  # a word longer than the line: cut it
            cut = 1
            while cut < len(unit) and display_width(unit[:cut + 1]) <= room:
                cut += 1
            lines.append(indent + unit[:cut])
            indent, unit = subsequent_indent, unit[cut:]
            room = width - display_width(indent)
        current = unit
    if current.strip() or not lines:
        lines.append(indent + current.rstrip())
    return lines


def _join(lines: Sequence[str]) -> Iterator[str]:
    """Source lines of one paragraph as the logical lines to wrap.

    Lines are joined — without a space between two Chinese characters, where a space would
    show — except after a line that ends a sentence (。！？): there the author's line break
    is kept, so ``退出码：…`` on its own line stays on its own line.
    """
    current = ""
    for line in (part.strip() for part in lines):
        if not line:
            continue
        if not current:
            current = line
        elif current.endswith(_SENTENCE_END):
            yield current
            current = line
        elif _is_wide(current[-1]) or _is_wide(line[0]):
            current += line
        else:
            current += " " + line
    if current:
        yield current


def fill(text: str, width: int, indent: str = "") -> list[str]:
    """``text`` as wrapped lines: blank-line separated paragraphs stay apart, ``\\b`` blocks are kept as written."""
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text.strip("\n")):
        lines = paragraph.splitlines()
        if out:
            out.append("")
        if lines and lines[0].strip() == "\b":
            out.extend(indent + line if line.strip() else "" for line in lines[1:])
            continue
        for logical in _join(lines):
            out.extend(wrap_line(logical, width, indent, indent))
    return out


class ChineseHelpFormatter(formatting.HelpFormatter):
    """click's help formatter, measuring display columns and speaking Chinese."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        lead = f"{' ' * self.current_indent}{USAGE_PREFIX if prefix is None else prefix}{prog} "
        lines = wrap_line(args, self.width, lead, " " * min(display_width(lead), self.width // 2))
        self.write("\n".join(lines) + "\n")

    def write_heading(self, heading: str) -> None:
        self.write(f"{' ' * self.current_indent}{_HEADINGS.get(heading, heading)}：\n")

    def write_text(self, text: str) -> None:
        lines = fill(text, self.width, " " * self.current_indent)
        self.write("\n".join(lines) + "\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        if not rows:
            return
        first_col = min(max(display_width(first) for first, _ in rows), col_max) + col_spacing
        indent = " " * self.current_indent
        text_width = max(self.width - first_col - self.current_indent, 20)
        for first, second in rows:
            self.write(f"{indent}{first}")
            if not second:
                self.write("\n")
                continue
            if display_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - display_width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = fill(second, text_width) or [""]
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write((" " * (first_col + self.current_indent) + line if line else "") + "\n")


class ChineseContext(typer.Context):
    formatter_class = ChineseHelpFormatter


_RANGE = re.compile(r"^(?:(?P<low>[-\d.]+)<=x<=(?P<high>[-\d.]+)|x>=(?P<min>[-\d.]+)|x<=(?P<max>[-\d.]+))$")


def _number(text: str) -> str:
    return text[:-2] if text.endswith(".0") else text


def _note(piece: str) -> str:
    """One item of typer's ``[default: …; x>=1; required]`` in Chinese."""
    if piece.startswith("default: "):
        return "默认：" + piece.removeprefix("default: ")
    if piece.startswith("env var: "):
        return "环境变量：" + piece.removeprefix("env var: ")
    if piece == "required":
        return "必填"
    bound = _RANGE.match(piece)
    if bound is None:
        return piece
    if bound["low"] is not None:
        return f"{_number(bound['low'])}–{_number(bound['high'])}"
    if bound["min"] is not None:
        return f"≥{_number(bound['min'])}"
    return f"≤{_number(bound['max'])}"


def _tidy(help_text: str, record: str) -> str:
    """The help column of a record with typer's trailing ``[…]`` notes put in Chinese."""
    notes = record.removeprefix(help_text).strip()
    if not (notes.startswith("[") and notes.endswith("]")) or not record.startswith(help_text):
        return record
    chinese = "；".join(_note(piece) for piece in notes[1:-1].split("; "))
    return f"{help_text}  [{chinese}]" if help_text else f"[{chinese}]"


def _argument_label(param: Any) -> str:
    label = str(param.metavar or param.name or "")
    if param.nargs != 1 and not label.endswith("…"):
        label += "…"
    return label


class _Chrome:
    """What :class:`ChineseCommand` and :class:`ChineseGroup` share: Chinese notes, metavars and help option."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_OPTION_TEXT
        return option

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """The parser's own errors (an option missing its value) come without a context: give them this one, for the usage line."""
        try:
            return super().parse_args(ctx, args)  # type: ignore[misc, no-any-return]
        except click_errors.UsageError as error:
            if error.ctx is None:
                error.ctx, error.cmd = ctx, ctx.command
            raise

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [str(self.options_metavar)] if getattr(self, "options_metavar", None) else []  # type: ignore[attr-defined]
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            if isinstance(param, TyperArgument):
                label = _argument_label(param)
                pieces.append(label if param.required else f"[{label}]")
        return pieces

    def format_params(self, ctx: Any, formatter: Any) -> None:
        arguments: list[tuple[str, str]] = []
        options: list[tuple[str, str]] = []
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            record = param.get_help_record(ctx)
            if record is None:
                continue
            text = _tidy(param.help or "", record[1])
            if isinstance(param, TyperArgument):
                arguments.append((_argument_label(param), text))
            else:
                options.append((record[0], text))
        for heading, rows in (("参数", arguments), ("选项", options)):
            if rows:
                with formatter.section(heading):
                    formatter.write_dl(rows)


class ChineseCommand(_Chrome, TyperCommand):
    """A typer command whose help and usage are Chinese and fit the terminal in display columns."""

    context_class = ChineseContext

    def format_options(self, ctx: Any, formatter: Any) -> None:
        self.format_params(ctx, formatter)


class ChineseGroup(_Chrome, TyperGroup):
    """The root command: Chinese help, its command list wrapped in display columns, and 您是不是要找 for typos."""

    context_class = ChineseContext

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [*super().collect_usage_pieces(ctx), str(self.subcommand_metavar)]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        self.format_params(ctx, formatter)
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                summary = command.short_help or (command.help or "").strip().split("\n", 1)[0]
                rows.append((name, summary))
        if rows:
            with formatter.section("命令"):
                formatter.write_dl(rows)

    def resolve_command(self, ctx: Any, args: list[str]) -> tuple[str | None, Any, list[str]]:
        name = args[0]
        if self.get_command(ctx, name) is None and not ctx.resilient_parsing and not name.startswith("-"):
            message = f"没有 {name} 这个命令。"
            matches = get_close_matches(name, list(self.commands))
            if matches:
                message += f"您是不是要找 {'、'.join(matches)}？"
            ctx.fail(message)
        return super().resolve_command(ctx, args)
