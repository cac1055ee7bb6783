"""PDF/X-1a:2003 keys that ReportLab does not write by itself, written by ReportLab; and the output intents a shop can choose.

What is added: an OutputIntent naming the printing condition the CMYK values were made
for — a registered characterisation by reference (Coated FOGRA39 by default, or Japan
Color 2001 Coated, which many Chinese shops run; PDF/X-1a allows naming a registered
condition without embedding its ICC profile), or the shop's own CMYK output profile
embedded as ``/DestOutputProfile`` — and ``GTS_PDFXVersion``, ``Trapped /False``, and
the board's full content hash (``/SignkitContentHash``), which the printed revision stamp
may shorten or leave off.  What the rest of signkit already guarantees: CMYK only,
every font embedded, TrimBox on every page, no transparency, a document ID, a title,
fixed creation and modification dates (ReportLab's invariant mode).  No PDF/X validator
is available here, so signkit claims these keys and checks, not conformance; see
docs/printing.md.

The keys are given to ReportLab's document before it is saved (:func:`add_pdfx_keys`)
rather than added afterwards by rewriting the file: a rewrite decoded and re-compressed
every stream (5 ms of a board's 30), for a dictionary and four strings.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfdoc  # type: ignore[import-untyped, unused-ignore]

from signkit.errors import SignkitError


@dataclass(frozen=True)
class OutputCondition:
    """A printing condition: registered (``profile`` empty) or described by an embedded ICC output profile."""

    identifier: str
    info: str
    registry: str = "http://www.color.org"
    #: An ICC output profile (CMYK, class ``prtr``) embedded as the intent's DestOutputProfile.
    profile: bytes = b""
    #: Where the profile came from, for messages and the manifest (its name only).
    source: str = ""

    @property
    def key(self) -> str:
        """What the manifest and the print order say, and what the build hash covers."""
        if not self.profile:
            return self.identifier
        return f"{self.info}（ICC {hashlib.sha256(self.profile).hexdigest()[:12]}）"


FOGRA39 = OutputCondition("FOGRA39", "Coated FOGRA39 (ISO 12647-2:2004)")
JAPAN_COLOR_2001_COATED = OutputCondition("JC200103", "Japan Color 2001 Coated")

#: Names accepted for a registered condition (any case), on the command line and in signkit.toml.
NAMED_CONDITIONS: dict[str, OutputCondition] = {
    "fogra39": FOGRA39,
    "jc200103": JAPAN_COLOR_2001_COATED,
    "japancolor2001coated": JAPAN_COLOR_2001_COATED,
}
PDFX_VERSION = "PDF/X-1a:2003"


class ProfileError(SignkitError, ValueError):
    """An ICC file that cannot be an output intent, with a Chinese reason."""


def _description(data: bytes) -> str:
    """The profile's ``desc`` tag (ICC v2 ``desc`` or v4 ``mluc``), or ``""`` when it has none readable."""
    try:
        count = int.from_bytes(data[128:132], "big")
        for index in range(min(count, 200)):
            base = 132 + 12 * index
            signature = data[base:base + 4]
            offset = int.from_bytes(data[base + 4:base + 8], "big")
            size = int.from_bytes(data[base + 8:base + 12], "big")
            if signature != b"desc":
                continue
            tag = data[offset:offset + size]
            if tag[:4] == b"desc":
                length = int.from_bytes(tag[8:12], "big")
                return tag[12:12 + length].split(b"\0", 1)[0].decode("latin-1").strip()
            if tag[:4] == b"mluc":
                record_size = int.from_bytes(tag[12:16], "big")
                if int.from_bytes(tag[8:12], "big") and record_size >= 12:
                    length = int.from_bytes(tag[20:24], "big")
                    start = int.from_bytes(tag[24:28], "big")
                    return tag[start:start + length].decode("utf-16-be", "replace").strip("\0 ")
    except (IndexError, ValueError):
        return ""
    return ""


def icc_condition(path: Path) -> OutputCondition:
    """The output intent of a user's ICC profile, refused unless it is a CMYK output (printer) profile.

    PDF/X-1a's destination profile must describe the press the CMYK values are for: an
    RGB or monitor profile, or one that is not ICC at all, would make a RIP convert
    every colour — so it is refused here, before anything is rendered.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ProfileError(f"无法读取 ICC 文件「{path}」：{exc.strerror or exc}") from None
    if len(data) < 132 or data[36:40] != b"acsp":
        raise ProfileError(f"「{path.name}」不是 ICC 色彩特性文件（缺少 acsp 标记）")
    if int.from_bytes(data[0:4], "big") > len(data):
        raise ProfileError(f"ICC 文件「{path.name}」不完整（文件头声明的长度大于文件）")
    space = data[16:20].decode("latin-1").strip()
    device = data[12:16].decode("latin-1").strip()
    if space != "CMYK":
        raise ProfileError(f"ICC 文件「{path.name}」的色彩空间是 {space or '未知'}，输出意图必须是 CMYK 印刷特性文件")
    if device != "prtr":
        raise ProfileError(f"ICC 文件「{path.name}」的设备类别是 {device or '未知'}，输出意图必须是输出（印刷，prtr）类特性文件")
    info = _description(data) or path.stem
    return OutputCondition("Custom", info, "", data, path.name)


def output_condition(choice: str, base: Path | None = None) -> OutputCondition:
    """A condition by name (FOGRA39, JC200103 / JapanColor2001Coated) or an ICC file's path (from ``base``)."""
    named = NAMED_CONDITIONS.get(choice.strip().lower().replace(" ", "").replace("_", ""))
    if named is not None:
        return named
    path = Path(choice)
    if not path.is_absolute() and base is not None:
        path = base / path
    if path.suffix.lower() not in (".icc", ".icm"):
        raise ProfileError(f"未知的输出意图「{choice}」：可用 FOGRA39、JapanColor2001Coated，或 .icc 文件路径")
    return icc_condition(path)


#: The PDF version PDF/X-1a:2003 is based on (ReportLab writes 1.3 unless told).
PDFX_PDF_VERSION = (1, 4)


class _PdfxInfo(pdfdoc.PDFInfo):  # type: ignore[misc]
    """ReportLab's document information with the PDF/X version and the board's content hash added.

    ReportLab's ``PDFInfo`` writes a fixed set of keys; the extra ones are added to the
    same dictionary, and to the digest the document ID is made from, so two boards that
    share a title still get different IDs.
    """

    def __init__(self, base: Any, extra: dict[str, str]) -> None:
        super().__init__()
        self.__dict__.update(base.__dict__)
        self.extra = extra

    def digest(self, md5object: Any) -> None:
        super().digest(md5object)
        for key, value in self.extra.items():
            md5object.update(f"{key}={value}".encode())

    def format(self, document: Any) -> bytes:
        date = pdfdoc.PDFDate(ts=document._timeStamp, dateFormatter=self._dateFormatter)
        entries = {
            "Title": pdfdoc.PDFString(self.title),
            "Author": pdfdoc.PDFString(self.author),
            "ModDate": date,
            "CreationDate": date,
            "Producer": pdfdoc.PDFString(self.producer),
            "Creator": pdfdoc.PDFString(self.creator),
            "Subject": pdfdoc.PDFString(self.subject),
            "Keywords": pdfdoc.PDFString(self.keywords),
            "Trapped": pdfdoc.PDFName(self.trapped),
            **{key: pdfdoc.PDFString(value) for key, value in self.extra.items()},
        }
        return pdfdoc.PDFDictionary(entries).format(document)  # type: ignore[no-any-return]


def add_pdfx_keys(canvas: Any, condition: OutputCondition = FOGRA39, *, content_hash: str = "") -> None:
    """Give ``canvas``'s document an OutputIntent, the PDF/X info keys and the content hash, before it is saved.

    Nothing else changes: ReportLab writes them with the rest of the file, so the bytes
    stay as deterministic as ReportLab's invariant mode makes them.
    """
    document = canvas._doc
    intent = pdfdoc.PDFDictionary({
        "Type": pdfdoc.PDFName("OutputIntent"),
        "S": pdfdoc.PDFName("GTS_PDFX"),
        "OutputConditionIdentifier": pdfdoc.PDFString(condition.identifier),
        "OutputCondition": pdfdoc.PDFString(condition.info),
        "RegistryName": pdfdoc.PDFString(condition.registry),
        "Info": pdfdoc.PDFString(condition.info),
    })
    if condition.profile:
        profile = pdfdoc.PDFStream(pdfdoc.PDFDictionary({"N": 4}), condition.profile, filters=[pdfdoc.PDFZCompress])
        intent.dict["DestOutputProfile"] = document.Reference(profile)
    catalog = document.Catalog
    catalog.__NoDefault__ = [*catalog.__NoDefault__, "OutputIntents"]
    catalog.OutputIntents = pdfdoc.PDFArray([document.Reference(intent)])
    extra = {"GTS_PDFXVersion": PDFX_VERSION}
    if content_hash:
        extra["SignkitContentHash"] = content_hash
    document.info = _PdfxInfo(document.info, extra)
    document.info.trapped = "False"
    document._pdfVersion = max(document._pdfVersion, PDFX_PDF_VERSION)
