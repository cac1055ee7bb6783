"""Usage errors (unknown option, missing argument, bad value …) said in Chinese.

Why not a translation catalog: the click code typer carries builds these messages as
English f-strings (there is no gettext hook left), and the value errors come from pydantic.
So the exception's own fields — which option, which argument, which possibilities — are
read and the sentence is written here; only the value messages, whose wording is
typer's and pydantic's, are matched against a short list of patterns.  A message not in
the list is shown as it is rather than guessed at: still located (``--max-bytes 的值无效：…``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import typer
from typer._click import exceptions as click_errors
from typer.core import TyperArgument


def _choices(match: re.Match[str]) -> str:
    options = "、".join(part.strip().strip("'") for part in match["choices"].split(","))
    return f"「{match['value']}」不是可选的值（可选：{options}）"


_PATH_KINDS = {"File": "文件", "Directory": "文件夹", "Path": "路径"}

_VALUE_MESSAGES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"^(?:Value error, )?'(?P<value>.*)' is not one of (?P<choices>.+)\.$"), _choices),
    (re.compile(r"^Input should be a valid integer"), lambda m: "应为整数"),
    (re.compile(r"^Input should be a valid number"), lambda m: "应为数字"),
    (re.compile(r"^Input should be a valid boolean"), lambda m: "应为 true 或 false"),
    (re.compile(r"^Input should be greater than or equal to (?P<n>\S+)$"), lambda m: f"应不小于 {m['n']}"),
    (re.compile(r"^Input should be less than or equal to (?P<n>\S+)$"), lambda m: f"应不大于 {m['n']}"),
    (re.compile(r"^Input should be greater than (?P<n>\S+)$"), lambda m: f"应大于 {m['n']}"),
    (re.compile(r"^Input should be less than (?P<n>\S+)$"), lambda m: f"应小于 {m['n']}"),
    (re.compile(r"^(?P<kind>File|Directory|Path) '(?P<path>.*)' does not exist\.$"),
     lambda m: f"{_PATH_KINDS[m['kind']]} {m['path']} 不存在"),
    (re.compile(r"^(?P<kind>File|Directory|Path) '(?P<path>.*)' is a file\.$"),
     lambda m: f"{m['path']} 是文件，这里要的是文件夹"),
    (re.compile(r"^(?P<kind>File|Directory|Path) '(?P<path>.*)' is a directory\.$"),
     lambda m: f"{m['path']} 是文件夹，这里要的是文件"),
    (re.compile(r"^(?P<kind>File|Directory|Path) '(?P<path>.*)' is not (?P<what>readable|writable)\.$"),
     lambda m: f"{m['path']} 不可{'读' if m['what'] == 'readable' else '写'}"),
    (re.compile(r"^Option '(?P<name>.+)' requires an argument\.$"), lambda m: f"选项 {m['name']} 后面要写一个值"),
    (re.compile(r"^Option '(?P<name>.+)' requires (?P<n>\d+) arguments\.$"), lambda m: f"选项 {m['name']} 后面要写 {m['n']} 个值"),
    (re.compile(r"^Option '(?P<name>.+)' does not take a value\.$"), lambda m: f"选项 {m['name']} 是开关，不带值"),
    (re.compile(r"^Got unexpected extra argument\(s\) \((?P<args>.*)\)$"), lambda m: f"多余的参数：{m['args']}"),
    (re.compile(r"^Argument '(?P<name>.+)' takes (?P<n>\d+) values\.$"), lambda m: f"参数 {m['name']} 要 {m['n']} 个值"),
    (re.compile(r"^Missing command\.$"), lambda m: "缺少命令"),
]


def chinese_message(message: str) -> str:
    """A typer/pydantic message in Chinese when it is one of the known ones, else as it is."""
    text = message.strip()
    for pattern, render in _VALUE_MESSAGES:
        found = pattern.match(text)
        if found:
            return render(found)
    return text


def _param_name(param: object) -> str:
    if isinstance(param, TyperArgument):
        label = str(param.metavar or param.name or "")
        return label + ("…" if param.nargs != 1 and not label.endswith("…") else "")
    opts = [*getattr(param, "opts", []), *getattr(param, "secondary_opts", [])]
    return " / ".join(opts) if opts else str(getattr(param, "name", ""))


def _hint(error: click_errors.BadParameter) -> str:
    if error.param_hint is not None:
        hint = error.param_hint
        return hint if isinstance(hint, str) else " / ".join(hint)
    return _param_name(error.param) if error.param is not None else ""


def describe(error: click_errors.ClickException) -> str:
    """The one-sentence Chinese message for a usage error."""
    if isinstance(error, click_errors.MissingParameter):
        kind = "参数" if isinstance(error.param, TyperArgument) or error.param_type == "argument" else "选项"
        return f"缺少{kind} {_hint(error)}".rstrip() + "。"
    if isinstance(error, click_errors.BadParameter):
        hint = _hint(error)
        reason = chinese_message(error.message).rstrip("。.")
        return f"{hint} 的值无效：{reason}。" if hint else f"值无效：{reason}。"
    if isinstance(error, click_errors.NoSuchOption):
        message = f"没有 {error.option_name} 这个选项。"
        if error.possibilities:
            message += f"您是不是要找 {'、'.join(sorted(error.possibilities))}？"
        return message
    if isinstance(error, click_errors.FileError):
        return f"无法打开文件 {error.ui_filename}：{chinese_message(error.message)}"
    text = chinese_message(error.message)
    return text if text.endswith(("。", "？", "！")) else text.rstrip(".") + "。"


def show(error: click_errors.ClickException) -> int:
    """Print a usage error the way click would — usage line, where to get help, the error — in Chinese; return its exit code."""
    if isinstance(error, click_errors.NoArgsIsHelpError):
        typer.echo(error.format_message(), err=True)
        return error.exit_code
    ctx = getattr(error, "ctx", None)
    if ctx is not None:
        hint = ""
        if ctx.command.get_help_option(ctx) is not None:
            hint = f"运行 {ctx.command_path} {ctx.help_option_names[0]} 查看帮助。\n"
        typer.echo(f"{ctx.get_usage()}\n{hint}", err=True)
    typer.echo(f"错误：{describe(error)}", err=True)
    return error.exit_code
