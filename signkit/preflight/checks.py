"""Preflight of one PDF as a library call: open it, then check the document and each page.

``preflight_pdf`` is what ``signkit preflight`` runs for each file and what tests call
in-process.  It never raises for a bad file: every problem becomes a diagnostic located
as ``file 第 N 页 [object]``.  A file that is not a PDF, or too damaged to open, is
*unreadable* (SK601, exit code 2); a file with a password can be opened by nobody, so
it fails (SK602) but is not unreadable — the problem is the file, not the command.

Document-level checks live here (encryption, which 附表 it is, PDF/X keys, damage
qpdf repaired); per-page checks in :mod:`.boxes` (page boxes and size) and
:mod:`.content` (colour, transparency, fonts, image resolution).  The file is only
read, never written.
"""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf

from signkit.diagnostics import Diagnostic, Location, Severity
from signkit.pdfkit.document import RepairRefused, document_info, open_pdf, page_tree
from signkit.pdfkit.objects import inherited
from signkit.pdfkit.quiet import quiet_qpdf
from signkit.preflight.boxes import FormChoice, check_boxes, page_frame, user_unit
from signkit.preflight.content import DocumentState, PageWalker
from signkit.preflight.document import check_actions, check_object_actions, check_x1a_syntax
from signkit.preflight.findings import Findings, page_label
from signkit.preflight.kind import DocumentKind, Kind, document_kind
from signkit.preflight.limits import HINT_LIMIT, MAX_PAGES, MAX_REPAIR_OBJECTS
from signkit.preflight.marking import DEFAULT_MAX_INK
from signkit.spec.forms import FORMS

DEFAULT_MIN_DPI = 100.0
#: How far into the file ``%PDF-`` may start (Acrobat tolerates junk before it, up to 1 KiB).
HEADER_WINDOW = 1024

_SIGNATURES = (
    (b"PK\x03\x04", "ZIP 压缩包或 Office 文档（.docx、.xlsx）"),
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"%!PS", "PostScript 文件"),
    (b"\xd0\xcf\x11\xe0", "旧版 Office 文档（.doc、.xls）"),
)


def _unreadable(name: str, message: str, hint: str | None = None) -> tuple[list[Diagnostic], bool]:
    return [Diagnostic("SK601", Severity.ERROR, message, Location(file=name), hint=hint)], True


def _not_pdf(data: bytes, name: str) -> tuple[list[Diagnostic], bool] | None:
    if not data:
        return _unreadable(name, "文件为空，不是 PDF")
    if b"%PDF-" in data[:HEADER_WINDOW]:
        return None
    kind = next((label for magic, label in _SIGNATURES if data.startswith(magic)), None)
    if kind is not None:
        return _unreadable(name, f"不是 PDF 文件（看起来是{kind}）")
    return _unreadable(name, "不是 PDF 文件（文件开头没有 %PDF- 标记）",
                       hint="也许是改了扩展名的其他文件；请从设计软件重新导出 PDF")


def _qpdf_text(warning: str) -> str:
    """qpdf's message without its ``stream <BytesIO …>: `` prefix."""
    return re.sub(r"^(?:stream\s+)?<[^>]*>[:,]?\s*", "", warning).strip()


def _form_choice(pdf: pikepdf.Pdf, layout: str | None, findings: Findings, kind: DocumentKind) -> FormChoice | None:
    if layout is None and kind.kind is not Kind.BOARD:
        findings.add("SK604", f"文件是{kind.kind.value}（Keywords 标明），不是一块成品牌，未检查成品尺寸",
                     severity=Severity.INFO, hint="如要按某个附表检查，用 --layout 指定")
        return None
    info = document_info(pdf)
    subject = info.get("/Subject") if info is not None else None
    stated = str(subject).strip() if isinstance(subject, pikepdf.String) else ""
    stated_form = stated if stated in FORMS else None
    if layout is not None:
        if stated_form is not None and stated_form != layout:
            findings.add("SK604", f"文件标明为附表 {stated_form}，按指定的附表 {layout} 检查成品尺寸",
                         severity=Severity.INFO)
        return FormChoice(layout, f"按指定的附表 {layout}")
    if stated_form is not None:
        return FormChoice(stated_form, f"文件信息 Subject 标明为附表 {stated_form}")
    findings.add("SK604", "文件没有标明是哪个附表，未检查成品尺寸", severity=Severity.INFO,
                 hint="用 --layout 指定附表编号（如 --layout 2-2）即可检查")
    return None


def _pdfx(pdf: pikepdf.Pdf, findings: Findings, kind: DocumentKind) -> None:
    if kind.kind.office:
        return  # office-printer output: no print condition to name
    intents = pdf.Root.get("/OutputIntents")
    has_intent = isinstance(intents, pikepdf.Array) and any(
        isinstance(i, pikepdf.Dictionary) and i.get("/S") == pikepdf.Name.GTS_PDFX for i in intents)
    info = document_info(pdf)
    version = info.get("/GTS_PDFXVersion") if info is not None else None
    missing = [what for what, present in (("GTS_PDFX 输出意图", has_intent), ("GTS_PDFXVersion", version is not None))
               if not present]
    if missing:
        findings.add("SK611", f"PDF/X 输出意图未写入（缺少 {'、'.join(missing)}）；不影响印刷，"
                     "但印厂无法从文件得知目标印刷条件", hint="signkit 生成的 PDF 写入 PDF/X-1a:2003 的输出意图")


def _encryption(pdf: pikepdf.Pdf, findings: Findings) -> None:
    if pdf.is_encrypted:
        findings.add("SK602", "PDF 已加密（无需密码即可打开，但设有权限限制），印厂的 RIP 通常拒收加密文件",
                     hint="导出时不要设置密码或权限；或用 qpdf --decrypt 去掉加密")


def _pages(pdf: pikepdf.Pdf, findings: Findings, form: FormChoice | None, min_dpi: float,
           kind: DocumentKind, max_ink: float) -> None:
    doc = DocumentState(min_dpi=min_dpi, max_ink=max_ink, office=kind.kind.office, imposed=kind.kind is Kind.IMPOSED)
    try:
        tree = page_tree(pdf, MAX_PAGES)
    except (pikepdf.PdfError, TypeError, ValueError) as error:
        findings.add("SK612", f"页面树损坏，无法列出页面（{error}）")
        return
    if tree.repeated or tree.broken:
        findings.add("SK612", "页面树损坏（" + "，".join(
            ([f"{tree.repeated} 处节点重复出现（循环引用或共用节点）"] if tree.repeated else [])
            + ([f"{tree.broken} 项不是页面"] if tree.broken else [])) + "），只检查了能确定的页面；RIP 可能报错或漏印、重印页面",
            hint="请从设计软件重新导出 PDF")
    if tree.more:
        claimed = f"有 {tree.claimed:,} 页（页面树所记），" if tree.claimed and tree.claimed > MAX_PAGES else ""
        findings.add("SK613", f"文件{claimed}超过 {MAX_PAGES:,} 页的检查上限：只检查了前 {MAX_PAGES:,} 页", hint=HINT_LIMIT)
    if not tree.pages:
        if not tree.repeated and not tree.broken:
            findings.add("SK612", "PDF 没有任何页面")
        return
    for index, page in enumerate(tree.pages):
        path = (page_label(index),)
        try:
            check_boxes(page, path, findings, form, trim_expected=not kind.kind.office)
            check_object_actions(page, "页面", path, findings)
            walker = PageWalker(findings, doc, path, user_unit(page), page_frame(page))
            walker.transparency_group(page, path, "页面")
            walker.walk_page(page, inherited(page, "/Resources"))
        except (pikepdf.PdfError, TypeError, ValueError, KeyError, IndexError, RecursionError) as error:
            findings.add("SK612", f"页面结构损坏，未能检查完（{type(error).__name__}：{error}）", path)


def _preflight(data: bytes, name: str, layout: str | None, min_dpi: float,
               max_ink: float = DEFAULT_MAX_INK) -> tuple[list[Diagnostic], bool]:
    with quiet_qpdf():
        return _preflight_quietly(data, name, layout, min_dpi, max_ink)


def _preflight_quietly(data: bytes, name: str, layout: str | None, min_dpi: float,
                       max_ink: float) -> tuple[list[Diagnostic], bool]:
    if layout is not None and layout not in FORMS:
        raise ValueError(f"未知的附表编号「{layout}」，可选：{'、'.join(FORMS)}")
    if min_dpi <= 0:
        raise ValueError("--min-dpi 必须大于 0")
    if not 0 < max_ink <= 400:
        raise ValueError("--max-ink 必须在 0 到 400 之间")
    refused = _not_pdf(data, name)
    if refused is not None:
        return refused
    try:
        pdf = open_pdf(data, max_repair_objects=MAX_REPAIR_OBJECTS)
    except pikepdf.PasswordError:
        return [Diagnostic("SK602", Severity.ERROR, "PDF 设有打开密码，印厂和本检查都无法读取其内容",
                           Location(file=name), hint="导出时不要设置密码")], False
    except RepairRefused as too_big:
        return _unreadable(name, f"PDF 已损坏，无法打开（{_qpdf_text(str(too_big.error))}）；修复要逐个重建文件中约 "
                                 f"{too_big.markers // 2:,} 个对象，超过检查上限 {MAX_REPAIR_OBJECTS:,} 个，未尝试修复",
                           hint="请从设计软件重新导出 PDF")
    except (pikepdf.PdfError, ValueError, OSError) as error:
        return _unreadable(name, f"PDF 已损坏，无法打开（{_qpdf_text(str(error))}）",
                           hint="请从设计软件重新导出 PDF")
    findings = Findings(name)
    with pdf:
        kind = document_kind(pdf)
        if kind.transparency_allowed:
            findings.notes_only["SK609"] = f"{kind.pdfx} 允许透明"
        _encryption(pdf, findings)
        form = _form_choice(pdf, layout, findings, kind)
        _pdfx(pdf, findings, kind)
        check_x1a_syntax(pdf, data, kind, findings)
        check_actions(pdf, findings)
        _pages(pdf, findings, form, min_dpi, kind, max_ink)
        warnings = [_qpdf_text(w) for w in pdf.get_warnings()]
    if warnings:
        findings.add("SK612", "PDF 内部结构有损坏，已自动修复后检查；印厂的 RIP 未必能修复，建议重新导出",
                     severity=Severity.WARNING, hint=f"qpdf：{'；'.join(dict.fromkeys(warnings[:3]))}")
    diagnostics = findings.diagnostics()
    # file-level notes first, then page by page in the order they were found
    diagnostics.sort(key=lambda d: bool(d.location.path))
    return diagnostics, False


def preflight_pdf(data: bytes, name: str, *, layout: str | None = None,
                  min_dpi: float = DEFAULT_MIN_DPI, max_ink: float = DEFAULT_MAX_INK) -> list[Diagnostic]:
    """Check the PDF in ``data`` for print; ``name`` is what diagnostics show as the file.

    ``layout`` (a 附表 id such as ``"2-2"``) overrides the form id the file states in
    its ``/Subject``; without either, the finished size is not checked.  Images below
    ``min_dpi`` at their printed size are reported.  ``ValueError`` for an unknown
    ``layout``, a ``min_dpi`` ≤ 0 or a ``max_ink`` (total ink limit, per cent) outside
    0–400 (caller mistakes, not file problems).
    """
    return _preflight(data, name, layout, min_dpi, max_ink)[0]


def preflight_path(path: str | Path, *, layout: str | None = None, min_dpi: float = DEFAULT_MIN_DPI,
                   name: str | None = None, max_ink: float = DEFAULT_MAX_INK) -> tuple[list[Diagnostic], bool]:
    """Read and preflight the file at ``path``: (diagnostics, unreadable).

    ``unreadable`` is true when the file could not be read or is not a PDF that can be
    opened (exit code 2 in the CLI).  ``name`` defaults to ``path`` as given.
    """
    shown = name if name is not None else str(path)
    file = Path(path)
    if file.is_dir():
        return _unreadable(shown, "给出的路径是文件夹，不是 PDF 文件")
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        return _unreadable(shown, "文件不存在")
    except OSError as error:
        return _unreadable(shown, f"文件无法读取（{error.strerror or error}）")
    return _preflight(data, shown, layout, min_dpi, max_ink)
