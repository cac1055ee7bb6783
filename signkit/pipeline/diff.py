"""``signkit diff``: which physical boards changed between two site files or two output folders.

Between two site files, both are laid out (not rendered) and compared board by board
on their content hashes, with the fields that changed; between two output folders the
manifests are compared.  The result is the reprint list an officer hands to the print
shop after a personnel or risk change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from signkit.diagnostics import Diagnostic, Location, Severity
from signkit.fonts import FontSet
from signkit.output.manifest import BoardEntry, EnterpriseManifest, board_key, read_manifest
from signkit.pipeline.check import check_path
from signkit.pipeline.config import SignFolder
from signkit.pipeline.reprint import Reprint, reprint_list
from signkit.plan.board_fields import board_fields


@dataclass
class DiffResult:
    reprints: list[Reprint] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    unreadable: bool = False


def site_entries(path: str, fonts: FontSet, sign_folder: SignFolder | None = None
                 ) -> tuple[str, list[BoardEntry], list[Diagnostic], bool]:
    """(enterprise, its boards as a manifest would list them, diagnostics, unreadable) for one site file, without rendering.

    ``sign_folder`` is ``signkit.toml``'s, as ``render`` uses it: a sign replaced there
    prints on the 2-4 boards, so their content hashes must be the ones ``render`` records.
    """
    report = check_path(path, fonts=fonts, layout=True, sign_folder=sign_folder)
    if report.site is None or report.errors():
        return "", [], report.diagnostics, report.unreadable
    site = report.site
    entries = []
    for index, planned in enumerate(report.plan):
        copies = planned.quantity if planned.form_id == "2-5" else site.output.copies.get(planned.form_id, 1)  # type: ignore[call-overload]
        entries.append(BoardEntry(file="", form=planned.form_id, subject=planned.subject, copies=copies,
                                  maker=planned.maker, hangs=planned.hangs, content_hash=report.stamps[index],
                                  key=board_key(planned.form_id, planned.subject), fields=board_fields(site, planned)))
    return site.enterprise.name, entries, report.diagnostics, False


def _manifests(folder: Path, result: DiffResult) -> dict[str, EnterpriseManifest]:
    """Enterprise manifests under an output folder, by enterprise name; a damaged one is an error in ``result``.

    Skipping it would list every board of that enterprise as taken down (or new).
    """
    found = {}
    for path in sorted(folder.glob("*/manifest.json")):
        manifest = read_manifest(path.parent)
        if manifest.damaged:
            result.diagnostics.append(Diagnostic(
                "SK803", Severity.ERROR, "清单 manifest.json 已损坏，无法比较这家企业的牌", Location(str(path)),
                "请用 signkit render 重新生成该输出文件夹后再比较"))
            result.unreadable = True
        elif manifest.enterprise:
            found[manifest.enterprise] = manifest
    return found


def diff(old: str, new: str, fonts: FontSet, sign_folder: SignFolder | None = None) -> DiffResult:
    """Compare two site files, or two output folders (``sign_folder`` from ``signkit.toml``)."""
    result = DiffResult()
    old_path, new_path = Path(old), Path(new)
    if old_path.is_dir() and new_path.is_dir():
        before, after = _manifests(old_path, result), _manifests(new_path, result)
        for folder, found in ((old, before), (new, after)):
            if not found and not result.unreadable:  # the wrong folder, or a site-file folder: saying "nothing to reprint" would mislead
                result.diagnostics.append(Diagnostic(
                    "SK001", Severity.ERROR, "这个文件夹中没有 signkit 的输出（找不到任何企业的 manifest.json）",
                    Location(folder), "请给出 signkit render -o 写入的输出文件夹，或给出两个站点文件"))
                result.unreadable = True
        if result.unreadable:
            return result
        for enterprise in sorted(before.keys() | after.keys()):
            old_files = before[enterprise].files if enterprise in before else []
            new_files = after[enterprise].files if enterprise in after else []
            result.reprints.extend(reprint_list(enterprise, old_files, new_files))
        return result
    enterprise_old, old_entries, old_diags, old_bad = site_entries(old, fonts, sign_folder)
    enterprise_new, new_entries, new_diags, new_bad = site_entries(new, fonts, sign_folder)
    result.diagnostics = [*old_diags, *new_diags]
    result.unreadable = old_bad or new_bad
    if any(d.is_error for d in result.diagnostics):
        return result
    result.reprints = reprint_list(enterprise_new or enterprise_old, old_entries, new_entries)
    return result
