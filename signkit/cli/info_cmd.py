"""``signkit schema`` and ``signkit layouts``: facts for editors and for people."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from signkit.cli.files import write_text_or_exit

if TYPE_CHECKING:
    from signkit.codes import Code
from signkit.spec.forms import FORMS

SCHEMA_HELP = "输出站点文件的 JSON Schema（中文标题与说明），供编辑器校验和补全。"
RULES_HELP = "列出全部规则编号、默认级别、含义和规范依据；给出编号（如 SK101）或前缀（如 SK2）时详细说明：检查什么、依据、怎样改正和例子。"
LAYOUTS_HELP = "列出各附表：名称、最小尺寸、背景、字体、制作与悬挂、所需数据。"


def schema(
    output: Path | None = typer.Option(None, "--output", "-o", metavar="文件", help="写入文件而不是输出到屏幕"),
) -> None:
    from signkit.model.schema import site_schema_json

    text = site_schema_json()
    if output is None:
        typer.echo(text, nl=False)
    else:
        write_text_or_exit(output, text)
        typer.echo(f"已写入 {output}")
    raise typer.Exit(0)


def layouts(
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出"),
) -> None:
    if as_json:
        data = [
            {"form": f.form_id, "name": f.name, "for": f.purpose, "min_size_mm": list(f.min_size_mm),
             "size_note": f.size_note, "background": f.background, "title_font": f.title_font,
             "body_font": f.body_font, "maker": f.maker, "hangs": f.hangs, "data": f.data,
             "proportional": f.proportional}
            for f in FORMS.values()
        ]
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        raise typer.Exit(0)
    for form in FORMS.values():
        width, height = form.min_size_mm
        typer.echo(f"附表 {form.form_id}  {form.name}（{form.purpose}）")
        typer.echo(f"    尺寸：{width / 10:g} × {height / 10:g} cm（宽 × 高）；{form.size_note}")
        typer.echo(f"    背景：{form.background}；标题：{form.title_font}；内容：{form.body_font}")
        typer.echo(f"    制作：{form.maker}；悬挂：{form.hangs}")
        typer.echo(f"    数据：{form.data}")
    raise typer.Exit(0)


def rules(
    wanted: list[str] | None = typer.Argument(None, metavar="编号…",
                                             help="要说明的规则编号（如 SK101）或前缀（如 SK2）；不给则列出全部", show_default=False),
    markdown: bool = typer.Option(False, "--markdown", help="以 Markdown 表格输出（即 docs/rules.md）"),
    duties: bool = typer.Option(False, "--duties", help="输出岗位安全生产责任的全部检查项（SK218，即 docs/duties.md）"),
    output_format: str = typer.Option("text", "--format", "-f", metavar="text|json|markdown",
                                      help="给出编号时的输出格式：text、json 或 markdown"),
) -> None:
    # imported here, not at the top: `signkit --help` must not load the rules
    from signkit.codes import CODES, explain_dict, explain_markdown, explain_text, nearest_rules, rules_markdown, rules_text, select_rules
    from signkit.rules.duties import duties_markdown

    if duties:
        typer.echo(duties_markdown(), nl=False)
        raise typer.Exit(0)
    if output_format not in ("text", "json", "markdown"):
        typer.echo(f"未知的格式「{output_format}」，可用：text、json、markdown。", err=True)
        raise typer.Exit(2)
    if not wanted and output_format == "json":  # every rule, explained, for a program
        typer.echo(json.dumps([explain_dict(code) for code in CODES.values()], ensure_ascii=False, indent=2))
        raise typer.Exit(0)
    if not wanted:
        typer.echo(rules_markdown() if markdown or output_format == "markdown" else rules_text(), nl=False)
        raise typer.Exit(0)
    chosen: list[Code] = []
    for item in wanted:
        found = select_rules(item)
        if not found:
            near = nearest_rules(item)
            suggestion = f"是否想查 {'、'.join(near)}？" if near else "用 signkit rules 列出全部编号。"
            typer.echo(f"没有规则编号「{item}」。{suggestion}", err=True)
            raise typer.Exit(2)
        chosen.extend(code for code in found if code not in chosen)
    if output_format == "json":
        typer.echo(json.dumps([explain_dict(code) for code in chosen], ensure_ascii=False, indent=2))
    elif output_format == "markdown" or markdown:
        typer.echo("\n".join(explain_markdown(code) for code in chosen), nl=False)
    else:
        typer.echo("\n".join(explain_text(code) for code in chosen), nl=False)
    raise typer.Exit(0)
