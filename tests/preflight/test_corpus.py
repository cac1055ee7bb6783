"""A single-fault corpus: each PDF has exactly one print fault and is flagged with its rule id; its twin passes.

Every file is made here, in code: raw content streams written with pikepdf (so the
fault is exactly the bytes named) and, for images, ReportLab.  A twin differs from its
fault only where the fault is, and must come out with no error or warning at all —
so a check that fires on everything fails its twin, and one that fires on nothing
fails its fault.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pikepdf
import pytest
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from signkit.diagnostics import Severity
from signkit.preflight import preflight_pdf

MM = 72.0 / 25.4
SIDE = 100 * MM
SLUG = 10 * MM  # media around the trim, for bleed and marks
X1A = "PDF/X-1a:2003"

Resources = Callable[[pikepdf.Pdf], pikepdf.Dictionary]


def type3(document: pikepdf.Pdf) -> pikepdf.Object:
    """A one-glyph Type3 font (a filled square for ``a``): embedded by construction, no font file needed."""
    glyph = document.make_stream(b"1000 0 0 0 1000 1000 d1 0 0 1000 1000 re f")
    return document.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type3, FontBBox=[0, 0, 1000, 1000],
        FontMatrix=[0.001, 0, 0, 0.001, 0, 0], CharProcs=pikepdf.Dictionary(a=glyph),
        Encoding=pikepdf.Dictionary(Type=pikepdf.Name.Encoding, Differences=[97, pikepdf.Name.a]),
        FirstChar=97, LastChar=97, Widths=[1000], Resources=pikepdf.Dictionary()))


def resources(document: pikepdf.Pdf, **gstates: pikepdf.Dictionary) -> pikepdf.Dictionary:
    """Resources with the Type3 font as /F, registration /All and a spot as /Reg and /Spot, and ``gstates``."""
    tint = pikepdf.Dictionary(FunctionType=2, Domain=[0, 1], C0=[0, 0, 0, 0], C1=[1, 1, 1, 1], N=1)
    spot = pikepdf.Dictionary(FunctionType=2, Domain=[0, 1], C0=[0, 0, 0, 0], C1=[0, 0.5, 1, 0], N=1)
    return pikepdf.Dictionary(
        Font=pikepdf.Dictionary(F=type3(document)),
        ColorSpace=pikepdf.Dictionary(
            Reg=[pikepdf.Name.Separation, pikepdf.Name.All, pikepdf.Name.DeviceCMYK, tint],
            Spot=[pikepdf.Name.Separation, pikepdf.Name("/PANTONE 021 C"), pikepdf.Name.DeviceCMYK, spot]),
        ExtGState=pikepdf.Dictionary({f"/{k}": v for k, v in gstates.items()}))


@dataclass(frozen=True)
class Page:
    """One page: its content, boxes (points, the trim at (SLUG, SLUG) when ``slug``) and document extras."""

    content: bytes = b"0 0 0 1 k 20 20 30 30 re f"
    gstates: tuple[tuple[str, dict[str, Any]], ...] = ()
    trim: bool = True
    slug: bool = False
    bleed: float | None = None  # mm beyond the trim
    pdfx: str | None = None
    version: str | None = None
    object_streams: bool = False
    change: Callable[[pikepdf.Pdf], None] | None = None

    def build(self) -> bytes:
        document = pikepdf.new()
        edge = SLUG if self.slug else 0.0
        document.add_blank_page(page_size=(SIDE + 2 * edge, SIDE + 2 * edge))
        page = document.pages[0].obj
        if self.trim:
            page.TrimBox = pikepdf.Array([edge, edge, edge + SIDE, edge + SIDE])
        if self.bleed is not None:
            b = self.bleed * MM
            page.BleedBox = pikepdf.Array([edge - b, edge - b, edge + SIDE + b, edge + SIDE + b])
        # content is written with the trim's corner at the origin
        page.Contents = document.make_stream(f"1 0 0 1 {edge} {edge} cm\n".encode() + self.content)
        page.Resources = resources(document, **{k: pikepdf.Dictionary(v) for k, v in self.gstates})
        if self.pdfx:
            document.docinfo["/GTS_PDFXVersion"] = self.pdfx
            document.Root.OutputIntents = pikepdf.Array([pikepdf.Dictionary(
                Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFX, OutputConditionIdentifier="FOGRA39")])
        if self.change is not None:
            self.change(document)
        out = io.BytesIO()
        mode = pikepdf.ObjectStreamMode.generate if self.object_streams else pikepdf.ObjectStreamMode.disable
        document.save(out, object_stream_mode=mode, min_version=self.version or "", force_version=self.version or "")
        return out.getvalue()


def image_page(pixels: int, mode: str = "CMYK", width_mm: float = 50, alpha: bool = False) -> bytes:
    """A ReportLab page (TrimBox = page) with one image ``pixels`` wide placed ``width_mm`` wide."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(SIDE, SIDE), invariant=1)
    canvas.setTrimBox((0, 0, SIDE, SIDE))
    picture = Image.new(mode, (pixels, pixels))
    canvas.drawImage(ImageReader(picture), 20 * MM, 20 * MM, width_mm * MM, width_mm * MM,
                     mask="auto" if alpha else None)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def javascript_open(document: pikepdf.Pdf) -> None:
    document.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS="app.alert(1)")


def goto_open(document: pikepdf.Pdf) -> None:
    document.Root.OpenAction = pikepdf.Array([document.pages[0].obj, pikepdf.Name.Fit])


def javascript_names(document: pikepdf.Pdf) -> None:
    action = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS="1")
    document.Root.Names = pikepdf.Dictionary(JavaScript=pikepdf.Dictionary(Names=["a", action]))


def page_actions(document: pikepdf.Pdf) -> None:
    document.pages[0].obj.AA = pikepdf.Dictionary(O=pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS="1"))


def annotation(subtype: str, rect: tuple[float, float, float, float]) -> Callable[[pikepdf.Pdf], None]:
    def change(document: pikepdf.Pdf) -> None:
        document.pages[0].obj.Annots = pikepdf.Array([document.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name(subtype), Rect=list(rect), Contents="备注"))])
    return change


def encrypt(data: bytes) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as document:
        out = io.BytesIO()
        document.save(out, encryption=pikepdf.Encryption(owner="shop", user="", allow=pikepdf.Permissions(extract=False)))
    return out.getvalue()


TEXT = b"BT /F 12 Tf 1 0 0 1 30 50 Tm (a) Tj ET"
SMALL_TEXT = b"BT /F 5 Tf 1 0 0 1 30 50 Tm (a) Tj ET"
OP_ON = (("Op", {"/OP": True, "/op": True, "/OPM": 1}),)
#: Each fault: its rule, the faulty file, and its clean twin (built lazily: some are slow to make).
CORPUS: dict[str, tuple[str, Callable[[], bytes], Callable[[], bytes]]] = {
    # boxes and size
    "no-trimbox": ("SK603", lambda: Page(trim=False).build(), lambda: Page().build()),
    "trim-outside-bleed": ("SK605", lambda: Page(change=lambda d: setattr(
        d.pages[0].obj, "BleedBox", pikepdf.Array([0, 0, 50, 50]))).build(), lambda: Page(slug=True, bleed=3, content=(
            b"0 0 0 1 k -8.5 -8.5 300 300 re f")).build()),
    "trim-outside-media": ("SK605", lambda: Page(change=lambda d: setattr(
        d.pages[0].obj, "TrimBox", pikepdf.Array([0, 0, 2 * SIDE, SIDE]))).build(), lambda: Page().build()),
    "too-small-for-form": ("SK604", lambda: Page(change=lambda d: d.docinfo.__setitem__("/Subject", "2-2")).build(),
                           lambda: Page(change=lambda d: d.docinfo.__setitem__("/Subject", "2-5")).build()),
    # fonts and colour
    "unembedded-font": ("SK606", lambda: Page(content=TEXT, change=lambda d: setattr(
        d.pages[0].obj.Resources.Font, "F", pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                                BaseFont=pikepdf.Name.Helvetica))).build(),
                        lambda: Page(content=TEXT).build()),
    "rgb-fill": ("SK607", lambda: Page(content=b"1 0 0 rg 20 20 30 30 re f").build(),
                 lambda: Page(content=b"0 1 1 0 k 20 20 30 30 re f").build()),
    "rgb-image": ("SK607", lambda: image_page(600, "RGB"), lambda: image_page(600)),
    "spot-colour": ("SK608", lambda: Page(content=b"/Spot cs 1 sc 20 20 30 30 re f").build(),
                    lambda: Page(content=b"/DeviceCMYK cs 0 0.5 1 0 sc 20 20 30 30 re f").build()),
    # transparency
    "fill-alpha-in-x1a": ("SK609", lambda: Page(content=b"/A gs 0 0 0 1 k 20 20 30 30 re f", pdfx=X1A,
                                                gstates=(("A", {"/ca": 0.5}),)).build(),
                          lambda: Page(content=b"/A gs 0 0 0 1 k 20 20 30 30 re f", pdfx=X1A,
                                       gstates=(("A", {"/ca": 1}),)).build()),
    "blend-mode": ("SK609", lambda: Page(content=b"/A gs 0 0 0 1 k 20 20 30 30 re f",
                                         gstates=(("A", {"/BM": pikepdf.Name.Multiply}),)).build(),
                   lambda: Page(content=b"/A gs 0 0 0 1 k 20 20 30 30 re f",
                                gstates=(("A", {"/BM": pikepdf.Name.Normal}),)).build()),
    "image-alpha": ("SK609", lambda: image_page(600, "RGBA", alpha=True), lambda: image_page(600)),
    # the file
    "encrypted": ("SK602", lambda: encrypt(Page().build()), lambda: Page().build()),
    "x1a-object-streams": ("SK621", lambda: Page(pdfx=X1A, version="1.5", object_streams=True).build(),
                           lambda: Page(pdfx=X1A, version="1.4").build()),
    "x1a-pdf-1.6": ("SK621", lambda: Page(pdfx=X1A, version="1.6").build(), lambda: Page(pdfx=X1A, version="1.3").build()),
    "javascript-open-action": ("SK622", lambda: Page(change=javascript_open).build(),
                               lambda: Page(change=goto_open).build()),
    "javascript-name-tree": ("SK622", lambda: Page(change=javascript_names).build(), lambda: Page().build()),
    "page-additional-actions": ("SK622", lambda: Page(change=page_actions).build(), lambda: Page().build()),
    "transfer-function": ("SK623", lambda: Page(content=b"/T gs 0 0 0 1 k 20 20 30 30 re f", gstates=(("T", {
        "/TR": pikepdf.Dictionary(FunctionType=2, Domain=[0, 1], C0=[0], C1=[1], N=2)}),)).build(),
                          lambda: Page(content=b"/T gs 0 0 0 1 k 20 20 30 30 re f",
                                       gstates=(("T", {"/TR": pikepdf.Name.Identity}),)).build()),
    "annotation-in-trim": ("SK624", lambda: Page(change=annotation("/Text", (50, 50, 70, 70))).build(),
                           lambda: Page(change=annotation("/Link", (50, 50, 70, 70))).build()),
    # images
    "image-low-resolution": ("SK610", lambda: image_page(150), lambda: image_page(600)),  # 76 ppi vs 305 ppi
    "image-far-too-low": ("SK625", lambda: image_page(60), lambda: image_page(600)),  # 30 ppi
    # ink
    "total-ink-fill": ("SK614", lambda: Page(content=b"0.9 0.9 0.9 0.9 k 20 20 30 30 re f").build(),
                       lambda: Page(content=b"0.6 0.4 0.4 1 k 20 20 30 30 re f").build()),
    "total-ink-text": ("SK614", lambda: Page(content=b"/DeviceCMYK cs 1 1 1 0.5 sc " + TEXT).build(),
                       lambda: Page(content=b"/DeviceCMYK cs 0 0 0 1 sc " + TEXT).build()),
    "hairline": ("SK615", lambda: Page(content=b"0 0 0 1 K 0.1 w 20 20 m 80 80 l S").build(),
                 lambda: Page(content=b"0 0 0 1 K 0.5 w 20 20 m 80 80 l S").build()),
    "zero-width-line": ("SK615", lambda: Page(content=b"0 0 0 1 K 0 w 20 20 m 80 80 l S").build(),
                        lambda: Page(content=b"0 0 0 1 K 1 w 20 20 m 80 80 l S").build()),
    "hairline-by-scaling": ("SK615", lambda: Page(content=b"q 0.1 0 0 0.1 0 0 cm 0 0 0 1 K 2 w 200 200 m 800 800 l S Q")
                            .build(), lambda: Page(content=b"q 0.1 0 0 0.1 0 0 cm 0 0 0 1 K 20 w 200 200 m 800 800 l S Q")
                            .build()),
    "small-text-rich-black": ("SK616", lambda: Page(content=b"0.6 0.4 0.4 1 k " + SMALL_TEXT).build(),
                              lambda: Page(content=b"0 0 0 1 k " + SMALL_TEXT).build()),
    "small-text-tint": ("SK616", lambda: Page(content=b"0.5 g " + SMALL_TEXT).build(),
                        lambda: Page(content=b"0 g " + SMALL_TEXT).build()),
    "white-fill-overprint": ("SK617", lambda: Page(content=b"/Op gs 0 0 0 0 k 20 20 30 30 re f", gstates=OP_ON).build(),
                             lambda: Page(content=b"/Op gs 0 0 0 1 k 20 20 30 30 re f", gstates=OP_ON).build()),
    "white-text-overprint": ("SK617", lambda: Page(content=b"/Op gs 1 g " + TEXT, gstates=OP_ON).build(),
                             lambda: Page(content=b"1 g " + TEXT, gstates=OP_ON).build()),
    "white-stroke-overprint": ("SK617", lambda: Page(content=b"/Op gs 0 0 0 0 K 20 20 m 80 80 l S", gstates=OP_ON)
                               .build(), lambda: Page(content=b"0 0 0 0 K 20 20 m 80 80 l S", gstates=OP_ON).build()),
    "registration-in-trim": ("SK618", lambda: Page(slug=True, content=b"/Reg CS 1 SCN 20 20 m 80 80 l S").build(),
                             lambda: Page(slug=True, content=b"/Reg CS 1 SCN 0.5 w -25 0 m -5 0 l S").build()),
    "bleed-not-reached": ("SK619", lambda: Page(slug=True, bleed=3, content=b"0 0 0 1 k 0 0 283 283 re f").build(),
                          lambda: Page(slug=True, bleed=3, content=b"0 0 0 1 k -8.5 -8.5 300 300 re f").build()),
    "text-near-trim": ("SK620", lambda: Page(content=b"BT /F 12 Tf 1 0 0 1 2 50 Tm (a) Tj ET").build(),
                       lambda: Page(content=b"BT /F 12 Tf 1 0 0 1 20 50 Tm (a) Tj ET").build()),
    "text-near-trim-by-td": ("SK620", lambda: Page(content=b"BT /F 12 Tf 30 50 Td 0 220 Td (a) Tj ET").build(),
                             lambda: Page(content=b"BT /F 12 Tf 30 50 Td 0 100 Td (a) Tj ET").build()),
}


def serious(data: bytes) -> list[str]:
    return [d.render() for d in preflight_pdf(data, "t.pdf") if d.severity is not Severity.INFO]


def test_the_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 30
    assert len({rule for rule, _, _ in CORPUS.values()}) >= 20


@pytest.mark.parametrize("case", list(CORPUS))
def test_fault_is_flagged_and_its_twin_passes(case: str) -> None:
    rule, fault, twin = CORPUS[case]
    found = [d for d in preflight_pdf(fault(), f"{case}.pdf") if d.rule == rule]
    assert found and all(d.severity is not Severity.INFO for d in found), case
    assert all(d.location.path and d.location.path[0] == "第 1 页" for d in found) or rule in (
        "SK602", "SK621", "SK622"), [d.render() for d in found]
    assert serious(twin()) == []


def test_total_ink_limit_is_configurable() -> None:
    rich = Page(content=b"0.7 0.6 0.6 1 k 20 20 30 30 re f").build()  # 290 %
    assert serious(rich) == []
    found = [d for d in preflight_pdf(rich, "t.pdf", max_ink=280) if d.rule == "SK614"]
    assert len(found) == 1 and "290 %" in found[0].message and "280 %" in found[0].message
    with pytest.raises(ValueError, match="max-ink"):
        preflight_pdf(rich, "t.pdf", max_ink=0)


def test_repeats_are_merged_with_a_count_and_the_first_position() -> None:
    data = Page(content=b"0.9 0.9 0.9 0.9 k 20 20 30 30 re f 60 60 10 10 re f").build()
    found = [d for d in preflight_pdf(data, "t.pdf") if d.rule == "SK614"]
    assert len(found) == 1 and "共 2 处" in found[0].message and "x 7.1 mm" in found[0].message


def test_text_in_a_form_keeps_the_colour_it_was_drawn_with() -> None:
    def form(document: pikepdf.Pdf) -> None:
        page = document.pages[0].obj
        xobject = document.make_stream(TEXT, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 100, 100],
                                       Resources=page.Resources)
        page.Resources.XObject = pikepdf.Dictionary(X=xobject)

    data = Page(content=b"1 1 1 0.5 k /X Do", change=form).build()  # the form inherits the fill colour
    assert [d.rule for d in preflight_pdf(data, "t.pdf") if d.severity is not Severity.INFO] == ["SK614"]


def _kind(word: str) -> Callable[[pikepdf.Pdf], None]:
    def change(document: pikepdf.Pdf) -> None:
        document.docinfo["/Keywords"] = f"{word}, 附表 2-5"
    return change


@pytest.mark.parametrize(("word", "judged"), [("样稿", set()), ("拼贴", set()), ("拼版", {"SK615", "SK616"}),
                                              ("附表 2-5", {"SK615", "SK616", "SK618"})])
def test_what_each_kind_of_file_is_held_to(word: str, judged: set[str]) -> None:
    """A proof scales a board down (thin lines, small text) and a sheet of cards has marks between them."""
    content = b"0 0 0 1 K 0.1 w 20 20 m 80 80 l S 0.5 g " + SMALL_TEXT + b" /Reg CS 1 SCN 1 w 50 20 m 50 80 l S"
    found = preflight_pdf(Page(slug=True, content=content, change=_kind(word)).build(), "k.pdf")
    assert {d.rule for d in found} & {"SK615", "SK616", "SK618"} == judged
