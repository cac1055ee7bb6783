"""The ``signkit`` command line: a thin layer over the library.

Each command lives in its own module and only parses options, calls the library and
prints.  :func:`main` is callable in-process (tests do) and turns every failure into
a Chinese message and an exit code; no Python traceback reaches a user unless
``SIGNKIT_DEBUG=1`` asks for it.

Exit codes: 0 clean; 1 problems found in the input; 2 usage error or unreadable file;
3 internal error (a bug in signkit); 130 interrupted.
"""

from __future__ import annotations

import os
import sys
import traceback

import typer
from typer._click import exceptions as click_errors
from typer.core import TyperCommand

from signkit._version import __version__
from signkit.cli import (
    check_cmd,
    completion_cmd,
    diff_cmd,
    excel_cmd,
    fonts_cmd,
    info_cmd,
    init_cmd,
    preflight_cmd,
    render_cmd,
    signs_cmd,
    usage_errors,
)
from signkit.cli.chrome import OPTIONS_METAVAR, SUBCOMMAND_METAVAR, ChineseCommand, ChineseGroup

app = typer.Typer(
    name="signkit",
    help="signkit：根据一份 YAML 站点文件生成“四牌一卡两栏”全套安全生产牌卡。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=ChineseGroup,
    options_metavar=OPTIONS_METAVAR,
    subcommand_metavar=SUBCOMMAND_METAVAR,
    suggest_commands=False,  # ChineseGroup suggests, in Chinese
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"signkit {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="显示版本号"),
) -> None:
    """signkit：根据一份 YAML 站点文件生成“四牌一卡两栏”全套安全生产牌卡。"""


app.command("check", help=check_cmd.HELP)(check_cmd.check)
app.command("render", help=render_cmd.RENDER_HELP)(render_cmd.render)
app.command("preview", help=render_cmd.PREVIEW_HELP)(render_cmd.preview)
app.command("preflight", help=preflight_cmd.HELP)(preflight_cmd.preflight)
app.command("diff", help=diff_cmd.HELP)(diff_cmd.diff)
app.command("init", help=init_cmd.HELP)(init_cmd.init)
app.command("schema", help=info_cmd.SCHEMA_HELP)(info_cmd.schema)
app.command("layouts", help=info_cmd.LAYOUTS_HELP)(info_cmd.layouts)
app.command("rules", help=info_cmd.RULES_HELP)(info_cmd.rules)
app.command("fonts", help=fonts_cmd.HELP)(fonts_cmd.fonts)
app.command("signs", help=signs_cmd.HELP)(signs_cmd.signs)
app.command("template", help=excel_cmd.TEMPLATE_HELP)(excel_cmd.template)
app.command("import", help=excel_cmd.IMPORT_HELP)(excel_cmd.import_)
app.command("export", help=excel_cmd.EXPORT_HELP)(excel_cmd.export)
app.command("completion", help=completion_cmd.HELP)(completion_cmd.completion)

for _info in app.registered_commands:  # every command's help and usage in Chinese (signkit/cli/chrome.py)
    if _info.cls in (None, TyperCommand):
        _info.cls = ChineseCommand

EXIT_INTERNAL = 3


def main(argv: list[str] | None = None) -> int:
    """Run the CLI with ``argv`` (default ``sys.argv[1:]``) and return the exit code."""
    try:
        # standalone_mode=False: usage errors come back here to be said in Chinese (signkit/cli/usage_errors.py)
        result = app(args=argv, prog_name="signkit", standalone_mode=False)
    except typer.Abort:
        typer.echo("已中止。", err=True)
        return 1
    except click_errors.ClickException as error:
        return usage_errors.show(error)
    except SystemExit as done:
        code = done.code
        return code if isinstance(code, int) else (0 if code is None else 2)
    except KeyboardInterrupt:
        typer.echo("已中止。", err=True)
        return 130
    except Exception:
        if os.environ.get("SIGNKIT_DEBUG"):
            traceback.print_exc()
        else:
            typer.echo("signkit 内部错误：这是 signkit 的缺陷，不是您的输入有误。"
                       "请设置环境变量 SIGNKIT_DEBUG=1 重新运行，并把输出报告给开发者。", err=True)
        return EXIT_INTERNAL
    return result if isinstance(result, int) else 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
