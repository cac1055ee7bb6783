"""Formatting check results for people (text), programs (JSON) and GitHub Actions annotations.

Kept apart from the CLI so other front ends (a batch runner, a web form) print the
same thing; these functions return strings and never print.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from signkit._version import __version__
from signkit.codes import CODES
from signkit.diagnostics import Diagnostic, Severity, format_path
from signkit.pipeline.check import FileReport
from signkit.plan.boards import plan_counts
from signkit.spec.forms import FORMS


def _effective(diag: Diagnostic, strict: bool) -> Severity:
    if strict and diag.severity is Severity.WARNING:
        return Severity.ERROR
    return diag.severity


def plan_text(report: FileReport, boards: bool = False, strict: bool = False) -> str:
    """The board plan of one file, as a short Chinese table: what to make, and what cannot be made yet and why.

    ``boards`` lists one line per board with its content stamp.
    """
    if report.site is None:
        return ""
    blocked = report.blockers(strict)
    state = f"（{len(report.plan) - len(blocked)} 块可以制作，{len(blocked)} 块受阻）" if blocked else ""
    lines = [f"{report.file}：{report.site.enterprise.name} 需制作{state}"]
    for form, count in plan_counts(report.plan).items():
        pieces = f"，共 {count['pieces']} 张" if count["pieces"] != count["designs"] else ""
        lines.append(f"  附表 {form:<6} {FORMS[form].name} × {count['designs']}{pieces}")
    reasons = {tuple(id(d) for d in problems) for problems in blocked.values()}
    if blocked and len(blocked) == len(report.plan) and len(reasons) == 1 and len(blocked) > 1:
        # one problem (an empty 企业名称) blocks every board: said once, not once per board
        problems = next(iter(blocked.values()))
        rules = "、".join(dict.fromkeys(d.rule for d in problems))
        lines.append(f"  全部 {len(blocked)} 块牌受阻，原因相同：{rules}（{_first_line(problems[0])}）")
    elif blocked:
        others = "，其余的牌照常生成" if len(blocked) < len(report.plan) else ""
        lines.append(f"  受阻的牌（改正下列问题后才会生成{others}）：")
        for index, problems in blocked.items():
            board = report.plan[index]
            rules = "、".join(dict.fromkeys(d.rule for d in problems))
            lines.append(f"    附表 {board.form_id:<6} {board.subject}：{rules}（{_first_line(problems[0])}）")
    if boards:
        # The stamp on a board reads 「内容 <hash> · 修订 <date>」: both are listed, so an inspector can compare.
        revised = report.site.enterprise.revised.isoformat()
        lines.append(f"  逐块，修订日期 {revised}（内容标记 · 附表 · 对象 · 数量 · 制作 · 悬挂）：")
        for index, board in enumerate(report.plan):
            stamp = report.stamps[index][:8] if index < len(report.stamps) and report.stamps[index] else "--------"
            if index in blocked:
                stamp = "（受阻）  "
            lines.append(f"    {stamp}  {board.form_id:<6} {board.subject} × {board.quantity} · {board.maker} · {board.hangs}")
    return "\n".join(lines)


def _first_line(diag: Diagnostic) -> str:
    """A diagnostic in a few words for a list: its path and message."""
    path = format_path(diag.location.path)
    text = f"{path} {diag.message}" if path else diag.message
    return text if len(text) <= 60 else text[:59] + "…"


def _marked(diag: Diagnostic, fixable: bool) -> str:
    """``diag.render()``, with ``[*]`` after the rule id when ``--fix`` can correct it (as ruff marks it)."""
    text = diag.render()
    if not fixable:
        return text
    first, sep, rest = text.partition("\n")
    return f"{first} [*]{sep}{rest}"


def text_report(reports: Sequence[FileReport], *, strict: bool = False, show_plan: bool = True,
                notes: Sequence[Diagnostic] = (), boards: bool = False, unsafe_fixes: bool = False) -> str:
    """Run-level notes (fonts), diagnostics, then each clean file's plan, then a one-line summary.

    A diagnostic ``--fix`` can correct is marked ``[*]`` and counted in a closing line
    (with ``unsafe_fixes``, the less certain fixes too; workbooks are never fixed).
    """
    out: list[str] = [note.render() for note in notes]
    errors = sum(note.is_error for note in notes)  # the final print refused a stand-in font (SK309)
    warnings = fixable = hidden = 0
    for report in reports:
        for diag in report.diagnostics:
            level = _effective(diag, strict)
            errors += level is Severity.ERROR
            warnings += level is Severity.WARNING
            offered = report.text is not None and diag.fix is not None
            can_fix = offered and diag.fix is not None and (unsafe_fixes or diag.fix.applicability == "safe")
            fixable += can_fix
            hidden += offered and not can_fix
            out.append(_marked(diag, can_fix))
    if show_plan:
        for report in reports:
            if report.site is not None:
                out.append(plan_text(report, boards, strict))
    failed = sum(1 for r in reports if not r.ok(strict))
    summary = f"检查了 {len(reports)} 个文件：{errors} 个错误，{warnings} 个警告"
    summary += f"，{failed} 个文件未通过" if failed else "，未通过" if errors else "，全部通过"
    blocked = sum(len(r.blockers(strict)) for r in reports if r.site is not None)
    if blocked:
        summary += f"；{blocked} 块牌受阻"
    out.append(summary)
    if fixable or hidden:
        more = f"（另有 {hidden} 个可加 --unsafe-fixes 修复）" if hidden else ""
        out.append(f"[*] {fixable} 个问题可用 --fix 自动修复{more}")
    return "\n".join(out)


def json_report(reports: Sequence[FileReport], *, strict: bool = False, notes: Sequence[Diagnostic] = (),
                fonts: list[dict[str, Any]] | None = None) -> str:
    """A stable JSON document for CI pipelines (see docs/cli.md for the shape)."""
    files: list[dict[str, Any]] = []
    for report in reports:
        entry: dict[str, Any] = {
            "file": report.file,
            "ok": report.ok(strict),
            "readable": not report.unreadable,
            "diagnostics": [
                {**d.to_dict(), "severity": _effective(d, strict).value} for d in report.diagnostics
            ],
        }
        if report.site is not None:
            revised = report.site.enterprise.revised.isoformat()
            entry["enterprise"] = report.site.enterprise.name
            entry["revised"] = revised
            blocked = report.blockers(strict)
            entry["plan"] = [
                {**b.to_dict(), **({"content_hash": report.stamps[i], "stamp": report.stamps[i][:8], "revised": revised}
                                   if i < len(report.stamps) and report.stamps[i] else {}),
                 "ready": i not in blocked, "blocked_by": list(dict.fromkeys(d.rule for d in blocked.get(i, [])))}
                for i, b in enumerate(report.plan)]
            entry["plan_counts"] = plan_counts(report.plan)
            entry["boards"] = {"ready": len(report.plan) - len(blocked), "blocked": len(blocked)}
        files.append(entry)
    document = {
        "signkit": __version__,
        "strict": strict,
        "fonts": fonts,
        "notes": [{**d.to_dict(), "severity": _effective(d, strict).value} for d in notes],
        "files": files,
        "summary": {
            "files": len(reports),
            "failed": sum(1 for r in reports if not r.ok(strict)),
            "errors": sum(1 for r in reports for d in r.diagnostics if _effective(d, strict) is Severity.ERROR)
            + sum(note.is_error for note in notes),
            "warnings": sum(1 for r in reports for d in r.diagnostics if _effective(d, strict) is Severity.WARNING),
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _in_tree(file: str) -> bool:
    """Whether ``file`` is inside the current folder (the checked-out repository in CI)."""
    path = Path(file)
    if not path.is_absolute():
        return not file.startswith("..")
    try:
        path.resolve().relative_to(Path.cwd().resolve())
    except (ValueError, OSError):
        return False
    return True


def github_report(reports: Sequence[FileReport], *, strict: bool = False, notes: Sequence[Diagnostic] = ()) -> str:
    """GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=SK103::…``."""
    out: list[str] = []
    command = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    everything = [*notes, *(diag for report in reports for diag in report.diagnostics)]
    for diag in everything:
        loc = diag.location
        # a run-level note that no file chose (the stand-in fonts) is annotated on the run, not on a file;
        # so is one about a file outside the checked-out tree (a system font): GitHub cannot show it there
        props: list[str] = []
        if loc.file and _in_tree(loc.file):
            props.append(f"file={_escape_property(loc.file)}")
            if loc.line is not None:
                props.append(f"line={loc.line}")
            if loc.column is not None:
                props.append(f"col={loc.column}")
        props.append(f"title={diag.rule}")
        path = format_path(loc.path)
        message = f"{path} {diag.message}" if path else diag.message
        if loc.file and not _in_tree(loc.file):
            message = f"{loc.file}：{message}"
        if diag.hint:
            message += f"\n提示：{diag.hint}"
        out.append(f"::{command[_effective(diag, strict)]} {','.join(props)}::{_escape_data(message)}")
    return "\n".join(out)


def rule_counts(reports: Sequence[FileReport], *, notes: Sequence[Diagnostic] = (),
                strict: bool = False) -> list[tuple[str, int, Severity]]:
    """Each rule id found, how often and at which (effective) level: most frequent first, then by id."""
    counts: Counter[str] = Counter()
    level: dict[str, Severity] = {}
    for diag in [*notes, *(d for report in reports for d in report.diagnostics)]:
        counts[diag.rule] += 1
        effective = _effective(diag, strict)
        # the gravest level the rule was reported at: that is the one that decides the exit code
        if diag.rule not in level or _GRAVITY[effective] > _GRAVITY[level[diag.rule]]:
            level[diag.rule] = effective
    return [(rule, count, level[rule]) for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


_GRAVITY = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def statistics_text(reports: Sequence[FileReport], *, notes: Sequence[Diagnostic] = (), strict: bool = False) -> str:
    """``check --statistics``: one line per rule id, as ``ruff --statistics`` prints them (count, id, level, meaning)."""
    rows = rule_counts(reports, notes=notes, strict=strict)
    if not rows:
        return f"检查了 {len(reports)} 个文件：没有发现问题"
    width = len(str(rows[0][1]))
    return "\n".join(f"{count:>{width}}  {rule}  {level.label}  {CODES[rule].title if rule in CODES else ''}".rstrip()
                     for rule, count, level in rows)


def statistics_json(reports: Sequence[FileReport], *, notes: Sequence[Diagnostic] = (), strict: bool = False) -> str:
    """``check --statistics --format json``: the same counts for a program."""
    rows = [{"rule": rule, "count": count, "severity": level.value, "title": CODES[rule].title if rule in CODES else ""}
            for rule, count, level in rule_counts(reports, notes=notes, strict=strict)]
    return json.dumps(rows, ensure_ascii=False, indent=2)
