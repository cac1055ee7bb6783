"""Check results for CI services: SARIF 2.1.0 (code scanning) and JUnit XML (test report widgets).

Why two more formats when JSON exists: CI services do not read signkit's own JSON.
GitHub code scanning, GitLab and Azure read SARIF and put each problem on the line it
is about; GitLab's and Jenkins' test reports read JUnit XML and show a failed "test"
per problem.  Both are built from the same :class:`FileReport` list as the text report,
return strings and never print (the CLI writes them to the screen or ``--output-file``).
Both are deterministic: the same input in the same folder gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import quote

from signkit._version import __version__
from signkit.codes import CODES, explanation
from signkit.diagnostics import Diagnostic, Location, Severity, format_path
from signkit.pipeline.check import FileReport

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
#: The base the relative artifact URIs are resolved against: the folder ``check`` ran in (the repository, in CI).
SRCROOT = "%SRCROOT%"
#: The JUnit suite of the run's own notes (fonts, config), which belong to no file checked.
RUN_NOTES = "运行说明"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _effective(diag: Diagnostic, strict: bool) -> Severity:
    return Severity.ERROR if strict and diag.severity is Severity.WARNING else diag.severity


def _homepage() -> str | None:
    """The project's home page as the installed package declares it; none is invented when it declares none."""
    try:
        urls = metadata.metadata("signkit").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository") and url.strip():
            return str(url).strip()
    return None


def artifact_uri(file: str, base: Path) -> tuple[str, str | None]:
    """A file name as a SARIF URI: relative to ``base`` (with :data:`SRCROOT`) when it is inside it, else absolute.

    Chinese file names are percent-encoded (a URI holds ASCII only; viewers decode it).
    ``<stdin>`` without ``--stdin-filename`` becomes the relative reference ``%3Cstdin%3E``.
    """
    path = Path(file)
    if file.startswith("<") or not file:
        return quote(file or "-", safe=""), None
    absolute = path if path.is_absolute() else base / path
    try:
        relative = absolute.resolve().relative_to(base.resolve())
    except ValueError:
        return absolute.resolve().as_uri(), None
    return quote(relative.as_posix(), safe="/"), SRCROOT


def _message(diag: Diagnostic) -> str:
    path = format_path(diag.location.path)
    text = f"{path} {diag.message}" if path else diag.message
    if diag.location.sheet is not None:
        text = f"{diag.location.sheet}!{diag.location.cell or ''}：{text}"
    return f"{text}\n提示：{diag.hint}" if diag.hint else text


def _fingerprint(diag: Diagnostic, uri: str) -> str:
    """Stable across edits elsewhere in the file: the file, rule, key path and message, not the line number."""
    loc = diag.location
    key = "\x1f".join([uri, diag.rule, format_path(loc.path), loc.sheet or "", loc.cell or "", diag.message])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _location(loc: Location, base: Path) -> dict[str, Any]:
    uri, base_id = artifact_uri(loc.file, base)
    artifact: dict[str, Any] = {"uri": uri}
    if base_id:
        artifact["uriBaseId"] = base_id
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if loc.line is not None:
        region: dict[str, Any] = {"startLine": loc.line}
        if loc.column is not None:
            region["startColumn"] = loc.column
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    logical = []
    if loc.sheet is not None:  # a workbook has no lines: the cell is a logical place inside the file
        logical.append({"name": loc.cell or loc.sheet, "fullyQualifiedName": f"{loc.sheet}!{loc.cell or ''}".rstrip("!"),
                        "kind": "element"})
    if loc.path:
        logical.append({"name": str(loc.path[-1]), "fullyQualifiedName": format_path(loc.path), "kind": "member"})
    if logical:
        location["logicalLocations"] = logical
    return location


def _rule(rule: str) -> dict[str, Any]:
    code = CODES.get(rule)
    if code is None:  # every emitted id is in the table (a test holds this); a stranger still gets a valid entry
        return {"id": rule, "shortDescription": {"text": rule}}
    more = explanation(rule)
    basis = more.why if more is not None else (f"依据：{code.basis}" if code.basis else "")
    help_parts = [code.title, basis, f"改正：{more.fix}" if more is not None and more.fix else "",
                  f"详见 signkit rules {rule}"]
    entry: dict[str, Any] = {
        "id": rule,
        "name": code.title,
        "shortDescription": {"text": code.title},
        "fullDescription": {"text": more.checks if more is not None and more.checks else code.title},
        "help": {"text": "\n".join(part for part in help_parts if part)},
        "defaultConfiguration": {"level": _SARIF_LEVEL[Severity(code.severity)]},
    }
    if code.basis:
        entry["properties"] = {"basis": code.basis}
    return entry


def sarif_report(reports: Sequence[FileReport], *, strict: bool = False, notes: Sequence[Diagnostic] = (),
                 base: Path | None = None) -> str:
    """A SARIF 2.1.0 log of one run: the rules that were found, one result per diagnostic.

    ``base`` (default: the current folder) is what relative URIs are relative to; in CI
    that is the checkout, so code scanning finds the file in the repository.
    """
    base = base or Path.cwd()
    everything = [*notes, *(diag for report in reports for diag in report.diagnostics)]
    rules = sorted({diag.rule for diag in everything})
    index = {rule: position for position, rule in enumerate(rules)}
    results = []
    for diag in everything:
        result: dict[str, Any] = {
            "ruleId": diag.rule,
            "ruleIndex": index[diag.rule],
            "level": _SARIF_LEVEL[_effective(diag, strict)],
            "message": {"text": _message(diag)},
        }
        if diag.location.file:
            location = _location(diag.location, base)
            result["locations"] = [location]
            result["partialFingerprints"] = {
                "signkitDiagnostic/v1": _fingerprint(diag, location["physicalLocation"]["artifactLocation"]["uri"])}
        if diag.location.path or diag.location.sheet is not None:
            result["properties"] = {key: value for key, value in (
                ("keyPath", format_path(diag.location.path)), ("sheet", diag.location.sheet),
                ("cell", diag.location.cell)) if value}
        results.append(result)
    driver: dict[str, Any] = {"name": "signkit", "version": __version__, "semanticVersion": __version__}
    homepage = _homepage()
    if homepage:
        driver["informationUri"] = homepage
    driver["rules"] = [_rule(rule) for rule in rules]
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {SRCROOT: {"uri": base.resolve().as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",  # columns count characters, as editors do (not UTF-16 units)
        "results": results,
        "invocations": [{"executionSuccessful": not any(report.unreadable for report in reports)}],
    }
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2)


def junit_report(reports: Sequence[FileReport], *, strict: bool = False, notes: Sequence[Diagnostic] = ()) -> str:
    """JUnit XML: one ``<testsuite>`` per file checked, one ``<testcase>`` per rule found in it.

    A rule's errors make its test case fail (``<failure>``, every located line inside);
    warnings and notes pass and are listed in ``<system-out>``; a file that could not
    be read is an ``<error>`` (the test could not run: exit code 2).  A clean file is
    one passing case, so the report shows every file, not only the failing ones.
    """
    top = ET.Element("testsuites", name="signkit check")
    groups: list[tuple[str, Sequence[Diagnostic], bool]] = [(r.file, r.diagnostics, r.unreadable) for r in reports]
    if notes:  # about the run, not a file (the fonts chosen, the config file)
        groups.insert(0, (RUN_NOTES, list(notes), False))
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for name, diagnostics, unreadable in groups:
        suite = ET.SubElement(top, "testsuite", name=name)
        counts = {"tests": 0, "failures": 0, "errors": 0}
        by_rule: dict[str, list[Diagnostic]] = {}
        for diag in diagnostics:
            by_rule.setdefault(diag.rule, []).append(diag)
        if not by_rule:
            ET.SubElement(suite, "testcase", classname=name, name="检查通过", file=name)  # never a note suite: it has some
            counts["tests"] += 1
        for rule, found in by_rule.items():
            code = CODES.get(rule)
            case = ET.SubElement(suite, "testcase", classname=name, name=f"{rule} {code.title}" if code else rule)
            if name != RUN_NOTES:
                case.set("file", name)
            if found[0].location.line is not None:
                case.set("line", str(found[0].location.line))
            counts["tests"] += 1
            lines = "\n".join(diag.render() for diag in found)
            errors = [diag for diag in found if _effective(diag, strict) is Severity.ERROR]
            if unreadable and errors:
                ET.SubElement(case, "error", type=rule, message=_message(errors[0]).split("\n")[0]).text = lines
                counts["errors"] += 1
            elif errors:
                summary = f"{len(errors)} 个错误：{_message(errors[0]).splitlines()[0]}"
                ET.SubElement(case, "failure", type=rule, message=summary).text = lines
                counts["failures"] += 1
            else:
                ET.SubElement(case, "system-out").text = lines
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
        suite.set("skipped", "0")
    for key, value in totals.items():
        top.set(key, str(value))
    ET.indent(top)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(top, encoding="unicode")
