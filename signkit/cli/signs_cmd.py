"""``signkit signs``: the sign library, suggestions by accident type, and a catalogue sheet to choose from."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from signkit.cli.fontopts import (
    BODY_FONT_OPTION,
    CONFIG_OPTION,
    FONTS_OPTION,
    TITLE_FONT_OPTION,
    FontMode,
    config_or_exit,
    fonts_or_exit,
)

HELP = """列出内置安全标志（GB 2894：禁止、警告、指令、提示）及其名称，供站点文件「警示标识」填写。

--for 事故类型（GB 6441，如 触电，可重复）给出建议的标志；--pdf 文件 生成标志目录（A4），
印出每个标志及其名称、类别，供选用。图形为 signkit 自绘，不是 GB 2894—2025 的官方图形；
持有官方图形的单位可按名称用自己的 SVG 或 PDF 替换（见标志文件夹）。"""


def signs(
    accidents: list[str] = typer.Option([], "--for", metavar="事故类型", help="事故类型（GB 6441），如 --for 触电；可重复"),
    pdf: Path | None = typer.Option(None, "--pdf", metavar="文件", help="生成标志目录 PDF（A4，每个标志及其名称、类别）"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出"),
    markdown: bool = typer.Option(False, "--markdown", help="以 Markdown 输出标志一览（即 docs/signs.md）"),
    fonts: FontMode | None = FONTS_OPTION,
    title_font: str | None = TITLE_FONT_OPTION,
    body_font: str | None = BODY_FONT_OPTION,
    config: Path | None = CONFIG_OPTION,
) -> None:
    from signkit.art import CATEGORIES, load_library
    from signkit.art.accidents import ACCIDENT_TYPES, accidents_for, close_types, suggest
    from signkit.art.catalog import signs_markdown
    from signkit.art.place import ARTWORK_NOTE

    library = load_library()
    if markdown:
        typer.echo(signs_markdown(), nl=False)
        raise typer.Exit(0)
    unknown = [a for a in accidents if a not in ACCIDENT_TYPES]
    for accident in unknown:
        close = close_types(accident)
        hint = f"是否想写 {'、'.join(close)}？" if close else f"可用：{'、'.join(ACCIDENT_TYPES)}"
        typer.echo(f"「{accident}」不是 GB 6441 的事故类别。{hint}", err=True)
    if unknown:
        raise typer.Exit(2)
    if pdf is not None:
        _write_catalogue(pdf, fonts, title_font, body_font, config)
        raise typer.Exit(0)
    if accidents:
        names = suggest(accidents)
        if as_json:
            typer.echo(json.dumps({"for": accidents, "signs": [
                {"name": n, "category": library[n].category} for n in names]}, ensure_ascii=False, indent=2))
        elif names:
            typer.echo(f"{'、'.join(accidents)}：建议的警示标识（按重要程度）")
            for name in names:
                typer.echo(f"  {name}（{library[name].category}）")
            typer.echo("在站点文件中列出这些名称，或写「警示标识: 自动」由 signkit 选用。")
        else:
            typer.echo(f"{'、'.join(accidents)}：标志库中没有对应的标志")
        raise typer.Exit(0)
    if as_json:
        data = [{"name": s.name, "category": s.category, "standard": s.standard, "number": s.number,
                 "aliases": list(s.aliases), "accidents": accidents_for(s.name)} for s in library.values()]
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        raise typer.Exit(0)
    for category in CATEGORIES:
        names = [s.name for s in library.values() if s.category == category]
        if names:
            typer.echo(f"{category}标志（{len(names)}）：{'、'.join(names)}")
    typer.echo(f"共 {len(library)} 个。--for 事故类型 给出建议；--pdf 文件 生成标志目录。")
    typer.echo(ARTWORK_NOTE)
    raise typer.Exit(0)


def _write_catalogue(pdf: Path, fonts: FontMode | None, title_font: str | None, body_font: str | None,
                     config: Path | None) -> None:
    from signkit.art.place import catalogue
    from signkit.drawing.text import FontMeasurer
    from signkit.errors import describe_os_error
    from signkit.output.atomic import atomic_write_bytes
    from signkit.render.pdf import PrintSpec, render_pdf

    fontset = fonts_or_exit(config_or_exit(config), fonts, title_font, body_font)
    board, frame = catalogue(FontMeasurer(fontset))
    if frame.misfits:  # a name too long for its panel at the sheet's size: a bug in the library, not the user's input
        raise RuntimeError(f"标志目录排版失败：{[m.label for m in frame.misfits]}")
    if pdf.is_dir() or not pdf.parent.is_dir():
        typer.echo(f"无法写入 {pdf}：" + ("这是一个文件夹" if pdf.is_dir() else f"文件夹「{pdf.parent}」不存在"), err=True)
        raise typer.Exit(2)
    try:
        atomic_write_bytes(pdf, render_pdf(board, fontset, spec=PrintSpec(pdfx=False)))
    except OSError as failure:
        typer.echo(f"无法写入 {pdf}：{describe_os_error(failure)}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"已写入 {pdf}（{len(board.pages)} 页）")
