"""``signkit preflight``: check PDFs (signkit's or anyone's) the way a print shop would."""

from __future__ import annotations

import typer

from signkit.cli.check_cmd import Format
from signkit.cli.completion_cmd import pdf_files

HELP = """按印厂的要求检查 PDF（signkit 生成的或别处来的都可以），逐页指出问题。

检查：成品尺寸（TrimBox）是否符合附表（文件的 Subject 标明附表，或用 --layout 指定）、页面框嵌套、
字体全部嵌入、只用 CMYK（RGB 与专色会报出，All 套准色的裁切标记除外）、无透明（PDF/X-4 除外）、未加密、
图像在印刷尺寸下的分辨率（--min-dpi）、总墨量（--max-ink）、细线、小字、白色叠印、套准色、出血、
文字安全距离、PDF/X-1a 的版本与对象流、JavaScript 与自动动作、传递函数、批注、PDF/X 输出意图。
样稿、拼贴、拼版文件按其用途检查（不检查成品尺寸）。
退出码：0 通过；1 发现错误（--strict 时警告也算）；2 用法错误、文件无法读取或不是 PDF。"""


def preflight(
    files: list[str] = typer.Argument(..., metavar="PDF文件…", autocompletion=pdf_files,
                                      help="要检查的 PDF 文件，可以给多个", show_default=False),
    layout: str | None = typer.Option(None, "--layout", "-l", metavar="附表",
                                      help="按这个附表检查成品尺寸（如 2-2），覆盖文件自己标明的附表",
                                      show_default=False),
    min_dpi: float = typer.Option(100.0, "--min-dpi", metavar="ppi", min=1.0,
                                  help="图像在印刷尺寸下的最低有效分辨率（ppi）；低于它的一半是错误"),
    max_ink: float = typer.Option(300.0, "--max-ink", metavar="百分比", min=1.0, max=400.0, help="填充的最大总墨量（C+M+Y+K，%）"),
    strict: bool = typer.Option(False, "--strict", help="把警告当作错误"),
    output_format: Format = typer.Option(Format.text, "--format", "-f", metavar="text|json|github|sarif|junit",
                                         help="输出格式：text、json、github、sarif 或 junit"),
) -> None:
    # imported here, not at the top: `signkit --help` must not pay for pikepdf
    from signkit.cli.report import github_report, json_report, text_report
    from signkit.pipeline.check import FileReport, exit_status
    from signkit.preflight import preflight_path
    from signkit.spec.forms import FORMS

    if layout is not None and layout not in FORMS:
        typer.echo(f"错误：未知的附表编号「{layout}」，可选：{'、'.join(FORMS)}", err=True)
        raise typer.Exit(2)
    reports: list[FileReport] = []
    for name in files:
        diagnostics, unreadable = preflight_path(name, layout=layout, min_dpi=min_dpi, max_ink=max_ink)
        reports.append(FileReport(file=name, diagnostics=diagnostics, unreadable=unreadable))
    if output_format is Format.json:
        typer.echo(json_report(reports, strict=strict))
    elif output_format is Format.github:
        text = github_report(reports, strict=strict)
        if text:
            typer.echo(text)
    elif output_format in (Format.sarif, Format.junit):  # the same CI formats as check: a PDF is a file with pages
        from signkit.cli.ci_formats import junit_report, sarif_report

        typer.echo((sarif_report if output_format is Format.sarif else junit_report)(reports, strict=strict))
    else:
        typer.echo(text_report(reports, strict=strict, show_plan=False))
    raise typer.Exit(exit_status(reports, strict))
