"""PDF sign files: page 1 of a user's PDF read as CMYK vector shapes, or the reason it cannot be.

An office that holds the official GB 2894 artwork usually has it as PDF (the standard's
own figures, or the sign maker's files).  ReportLab cannot place a PDF page, and the
bridges that can (pdfrw) copy the page's content stream unchanged — RGB, ICC colour,
fonts, transparency and all — past the board's CMYK-only guarantee.  So signkit reads
the page itself, the way a RIP would (:mod:`.pdf_reader`, a client of
:mod:`signkit.pdfkit.interpreter`), and turns every painted path into the same
:class:`~signkit.art.sign_files.results.Shape` items an SVG becomes: what reaches the
board is signkit's own vector paths in CMYK, checked like the rest of the board.

This module is the file around the page: opening it (a file that is not a PDF, is
damaged or has a password is told apart), refusing encrypted files (a permissions
password usually means the supplier restricts reuse) and files with more than one page
(a sign file is one sign; a catalogue or a multi-page proof given by mistake would
otherwise print whatever happens to come first), hidden layers and printing
annotations, and placing the page on the art's canvas: within its box (CropBox within
MediaBox, which is a clip like any other, so nothing outside the page can spill onto
the board), turned by ``/Rotate``, y down.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pikepdf

from signkit.art.sign_files.pdf_paths import Clip
from signkit.art.sign_files.pdf_reader import SignReader, SignState, cmyk, short
from signkit.art.sign_files.results import FileProblem, Refused, VectorArt
from signkit.pdfkit.document import RepairRefused, open_pdf, page_tree
from signkit.pdfkit.geometry import IDENTITY, Matrix, PdfRect, box_of, number
from signkit.pdfkit.interpreter import Scope
from signkit.pdfkit.objects import inherited
from signkit.pdfkit.quiet import quiet_qpdf

#: How far (as a share of the page's shorter side) painting may reach past a clip or the page box:
#: exporters round coordinates, and a hair of overlap is invisible.
EDGE_TOLERANCE = 0.005
#: Objects a damaged sign file may hold for qpdf to rebuild its cross-reference table (a sign has a
#: few dozen; rebuilding costs ~20 µs an object, so a hostile file of a million objects is refused).
MAX_REPAIR_OBJECTS = 10_000


def _art_matrix(box: PdfRect, rotate: int) -> tuple[Matrix, float, float]:
    """Page space → the art's canvas (origin top left, y down) as the page is shown, and its size."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    if rotate == 90:  # shown turned clockwise: the page's left edge is on top
        return (0.0, 1.0, 1.0, 0.0, -y0, -x0), h, w
    if rotate == 180:
        return (-1.0, 0.0, 0.0, 1.0, x1, -y0), w, h
    if rotate == 270:
        return (0.0, -1.0, -1.0, 0.0, y1, x1), h, w
    return (1.0, 0.0, 0.0, -1.0, -x0, y1), w, h


def _page_box(page: pikepdf.Object) -> PdfRect:
    media = box_of(inherited(page, "/MediaBox"))
    if media is None or media[2] - media[0] <= 0 or media[3] - media[1] <= 0:
        raise Refused("not_image", "页面没有有效的页面大小（MediaBox）")
    crop = box_of(inherited(page, "/CropBox"))
    if crop is None:
        return media
    box = (max(crop[0], media[0]), max(crop[1], media[1]), min(crop[2], media[2]), min(crop[3], media[3]))
    if box[2] - box[0] <= 0 or box[3] - box[1] <= 0:
        raise Refused("not_image", "裁剪框（CropBox）在页面之外")
    return box


def _document_checks(pdf: pikepdf.Pdf, page: pikepdf.Object) -> None:
    """Refusals that concern the file rather than the drawing: hidden layers, printing annotations."""
    properties = pdf.Root.get("/OCProperties")
    default = properties.get("/D") if isinstance(properties, pikepdf.Dictionary) else None
    if isinstance(default, pikepdf.Dictionary):
        off = default.get("/OFF")
        if (isinstance(off, pikepdf.Array) and len(off)) or default.get("/BaseState") == pikepdf.Name.OFF:
            raise Refused("not_vector", "隐藏的图层（可选内容），无法确定哪些内容该印；请删除隐藏图层或全部显示后重新导出")
    annotations = page.get("/Annots")
    for annotation in annotations if isinstance(annotations, pikepdf.Array) else []:
        if not isinstance(annotation, pikepdf.Dictionary):
            continue
        flags = int(number(annotation.get("/F")) or 0)
        if annotation.get("/Subtype") in (pikepdf.Name.Link, pikepdf.Name.Popup) or flags & 2 or not flags & 4:
            continue
        if annotation.get("/AP") is not None:
            raise Refused("not_vector", "批注或表单域（请在 PDF 软件中拼合或删除批注后重新保存）")


def load_pdf(path: Path, data: bytes) -> VectorArt | FileProblem:
    """Read page 1 of a PDF sign file as CMYK vector shapes, or say why it cannot be used."""
    with quiet_qpdf():
        return _load_pdf(path, data)


def _load_pdf(path: Path, data: bytes) -> VectorArt | FileProblem:
    name = path.name
    if b"%PDF-" not in data[:1024]:
        return FileProblem("not_image", f"标志文件「{name}」不是 PDF 文件（文件开头没有 %PDF- 标记）",
                           "也许是改了扩展名的其他文件；请从绘图软件重新导出 PDF")
    try:
        pdf = open_pdf(data, max_repair_objects=MAX_REPAIR_OBJECTS)
    except pikepdf.PasswordError:
        return FileProblem("encrypted", f"标志文件「{name}」是设有打开密码的 PDF，无法读取",
                           "请向提供方索取未加密的文件")
    except RepairRefused as refused:
        return FileProblem("too_large", f"标志文件「{name}」是损坏的 PDF，修复要逐个重建约 {refused.markers // 2:,} 个对象"
                                        f"（上限 {MAX_REPAIR_OBJECTS:,} 个），未读取", "请用绘图软件重新导出 PDF")
    except (pikepdf.PdfError, ValueError, OSError) as error:
        return FileProblem("not_image", f"标志文件「{name}」不是有效的 PDF（已损坏，{short(error)}）",
                           "请用绘图软件重新导出 PDF")
    with pdf:
        if pdf.is_encrypted:
            return FileProblem("encrypted", f"标志文件「{name}」是加密的 PDF（设有权限密码）：signkit 不读取加密文件的内容",
                               "加密常表示提供方限制了再利用；请向提供方索取未加密的文件")
        try:
            tree = page_tree(pdf, 1)  # the second page is enough to know: a hundred thousand are never listed
            if tree.repeated or tree.broken:
                raise Refused("not_image", "页面树已损坏（节点重复出现或不是页面）")
            if tree.more or not tree.pages:
                count = f"有 {tree.claimed:,} 页" if tree.claimed and tree.claimed > 1 else \
                    "不止一页" if tree.more else "没有页面"
                return FileProblem("multi_page", f"标志文件「{name}」{count}；一个标志文件应只有一页（一个标志）",
                                   "请把要用的那一页单独导出为 PDF，每个标志一个文件，按标志名称命名")
            page = tree.pages[0]
            box = _page_box(page)
            rotate = int(number(inherited(page, "/Rotate")) or 0) % 360
            if rotate % 90:
                raise Refused("not_image", f"页面旋转角度 {rotate}° 不是 90° 的倍数")
            to_art, width, height = _art_matrix(box, rotate)
            _document_checks(pdf, page)
            contents = page.get("/Contents")
            reader = SignReader(to_art, EDGE_TOLERANCE * min(width, height))
            black = cmyk(0.0, 0.0, 0.0, 1.0)
            start = SignState(ctm=IDENTITY, fill=black, stroke=black, clips=(Clip.of(IDENTITY, box, True, "页面（CropBox）"),))
            if isinstance(contents, pikepdf.Stream | pikepdf.Array):
                reader.run(contents, Scope(inherited(page, "/Resources")), start)
        except Refused as refused:
            return _problem(name, refused)
        except (pikepdf.PdfError, TypeError, ValueError, KeyError, IndexError, AttributeError, RecursionError,
                ArithmeticError) as error:
            return FileProblem("not_image", f"标志文件「{name}」的 PDF 结构已损坏（{short(error)}）",
                               "请用绘图软件重新导出 PDF")
    if not reader.shapes:
        return FileProblem("not_image", f"标志文件「{name}」中没有可印制的图形", "请检查 PDF 第 1 页是否为空")
    return VectorArt(path, width, height, tuple(reader.shapes), hashlib.sha256(data).hexdigest())


def _problem(name: str, refused: Refused) -> FileProblem:
    if refused.kind == "not_vector":
        return FileProblem("not_vector", f"标志文件「{name}」含有无法按矢量印制的内容：{refused.what}",
                           "请在绘图软件中处理后重新导出 PDF")
    if refused.kind == "too_large":
        return FileProblem("too_large", f"标志文件「{name}」的内容过于复杂，未读取：{refused.what}",
                           "标志不需要这么复杂：请在绘图软件中简化路径后重新导出")
    return FileProblem(refused.kind, f"标志文件「{name}」不是有效的 PDF 标志：{refused.what}", "请用绘图软件重新导出 PDF")
