"""Document-level faults a print shop's RIP trips over: scripts and automatic actions, and PDF/X-1a syntax.

* **actions** (SK622): JavaScript (the name tree, or any action of type JavaScript),
  an ``/OpenAction`` that is an action other than going to a page (a destination
  array, or a GoTo, only says where the viewer opens and is fine), and additional
  actions (``/AA``) of the document, a page or an annotation, which run by themselves.
  A print file has no business running anything; RIPs refuse or ignore it, and it is
  the classic way to smuggle something into a shop.
* **PDF/X-1a syntax** (SK621): a file that claims PDF/X-1a:2003 must be PDF 1.4 or
  lower and must not use object streams or cross-reference streams (both PDF 1.5),
  which older RIPs cannot read.  Object streams are looked for in the raw bytes
  (``/ObjStm``, ``/XRef``) because qpdf hides them once the file is open.  Files that
  do not claim X-1a are not held to it.
"""

from __future__ import annotations

import re

import pikepdf

from signkit.diagnostics import KeyPath
from signkit.preflight.findings import Findings
from signkit.preflight.kind import DocumentKind

HINT_ACTIONS = "导出印刷用 PDF（如 PDF/X-1a）时不要包含交互内容；或用 Acrobat 的“删除 JavaScript 和动作”后重新保存"
HINT_X1A = "按 PDF/X-1a:2003 重新导出（PDF 1.4，不压缩对象结构）"
#: Harmless kinds of /OpenAction: they only say where the viewer opens.
_PLAIN_OPEN = frozenset({"/GoTo"})
_OBJECT_STREAM = re.compile(rb"/Type\s*/(ObjStm|XRef)\b")


def _action_type(action: pikepdf.Object | None) -> str:
    kind = action.get("/S") if isinstance(action, pikepdf.Dictionary) else None
    return str(kind) if isinstance(kind, pikepdf.Name) else ""


def check_actions(pdf: pikepdf.Pdf, findings: Findings) -> None:
    """SK622 for the document catalog: OpenAction, AA and the JavaScript name tree."""
    root = pdf.Root
    opening = root.get("/OpenAction")
    if isinstance(opening, pikepdf.Dictionary) and _action_type(opening) not in _PLAIN_OPEN:
        findings.add("SK622", f"打开文件时自动执行动作（OpenAction {_action_type(opening).lstrip('/') or '未知'}）",
                     hint=HINT_ACTIONS)
    if isinstance(root.get("/AA"), pikepdf.Dictionary):
        findings.add("SK622", "文件含附加动作（AA，在打开、关闭、打印时自动执行）", hint=HINT_ACTIONS)
    names = root.get("/Names")
    if isinstance(names, pikepdf.Dictionary) and names.get("/JavaScript") is not None:
        findings.add("SK622", "文件含 JavaScript（名称树 JavaScript）", hint=HINT_ACTIONS)


def check_object_actions(holder: pikepdf.Object, what: str, path: KeyPath, findings: Findings) -> None:
    """SK622 for a page or an annotation: its ``/AA``, and an ``/A`` that is JavaScript."""
    if not isinstance(holder, pikepdf.Dictionary):
        return
    if isinstance(holder.get("/AA"), pikepdf.Dictionary):
        findings.add("SK622", f"{what}含附加动作（AA，自动执行）", path, hint=HINT_ACTIONS)
    if _action_type(holder.get("/A")) == "/JavaScript":
        findings.add("SK622", f"{what}含 JavaScript 动作", path, hint=HINT_ACTIONS)


def check_x1a_syntax(pdf: pikepdf.Pdf, data: bytes, kind: DocumentKind, findings: Findings) -> None:
    """SK621: a file claiming PDF/X-1a must be PDF ≤ 1.4 without object or cross-reference streams."""
    if not kind.x1a:
        return
    problems: list[str] = []
    version = str(pdf.pdf_version)
    try:
        too_new = tuple(int(p) for p in version.split(".")[:2]) > (1, 4)
    except ValueError:
        too_new = False
    if too_new:
        problems.append(f"PDF 版本为 {version}（应不高于 1.4）")
    found = {m.group(1).decode() for m in _OBJECT_STREAM.finditer(data)}
    if "ObjStm" in found:
        problems.append("使用了对象流（ObjStm）")
    if "XRef" in found:
        problems.append("使用了交叉引用流（XRef）")
    if problems:
        findings.add("SK621", f"文件标明为 {kind.pdfx}，但{'，'.join(problems)}", hint=HINT_X1A)
