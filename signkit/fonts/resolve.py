"""Choosing the fonts for a run: the same order for every command.

The order is (1) fonts the user named: command line or ``signkit.toml`` (the caller
merges those two and passes the winner), then the environment variables
``SIGNKIT_TITLE_FONT`` / ``SIGNKIT_BODY_FONT``; (2) the mandated fonts installed on
the machine (黑体 for titles, 楷体_GB2312/KaiTi for body text); (3) the bundled
stand-ins.  ``mode="bundled"`` skips (1) and (2) so that a check gives the same
answer on every machine.

A font the user named is used or refused, never silently replaced: if it is missing
or cannot be embedded the run stops with a located diagnostic.  An installed font
that cannot be embedded is skipped with a warning, because the user did not ask for
it.  Each role gets a fallback chain, the chosen font first and the bundled stand-in
of the same style after it, which the coverage check and the renderer walk per
character.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from signkit import resources
from signkit.diagnostics import Diagnostic, Location, Severity
from signkit.errors import SignkitError
from signkit.fonts.discover import (
    FcList,
    default_search_dirs,
    fc_list_available,
    fc_list_mandated_files,
    font_files_in,
    mandated_candidates,
    scan_faces,
)
from signkit.fonts.fontfile import (
    FaceInfo,
    FontReadError,
    embedding_problem,
    read_faces,
    select_face,
)
from signkit.fonts.model import ROLE_LABELS, ROLES, FontChoice, FontSet, Mode, ResolvedFont, Role
from signkit.fonts.names import mandated_label, mandated_rank

#: Environment variables naming a font file per role.
ENV_VARS: dict[Role, str] = {"title": "SIGNKIT_TITLE_FONT", "body": "SIGNKIT_BODY_FONT"}

#: Command-line options per role, used as the default origin of a plain path.
CLI_OPTIONS: dict[Role, str] = {"title": "--title-font", "body": "--body-font"}

#: The bundled stand-in per role: file name in the fonts folder and face index.
BUNDLED_FILES: dict[Role, tuple[str, int]] = {
    "title": ("wqy-microhei.ttc", 0),
    "body": ("LXGWWenKai-Regular.ttf", 0),
}

REASON_INSTALLED = "系统已安装的法定字体"
REASON_STAND_IN = "未找到法定字体，使用内置替代字体"
REASON_PINNED = "bundled 模式：固定使用内置替代字体"
REASON_FALLBACK = "后备字体：内置替代字体"


def parse_spec(spec: str | Path) -> tuple[Path, str | None]:
    """Split ``path.ttc#Face`` / ``path.ttc#1`` into the path and the face selector.

    A path that exists as written is taken whole, so a folder or file name that itself
    contains ``#`` still works; ``~`` is expanded.
    """
    text = os.fspath(spec)
    whole = Path(text).expanduser()
    if "#" in text and not whole.exists():
        base, _, selector = text.rpartition("#")
        return Path(base).expanduser(), (selector.strip() or None)
    return whole, None


def bundled_font(role: Role, reason: str, fonts_dir: Path | None = None) -> ResolvedFont:
    """The bundled stand-in for ``role``; an incomplete install is an SK301 error."""
    name, index = BUNDLED_FILES[role]
    try:
        folder = fonts_dir if fonts_dir is not None else resources.data_path("fonts")
    except FileNotFoundError:
        folder = Path("fonts")
    path = folder / name
    try:
        face = read_faces(path)[index]
    except (FontReadError, IndexError) as exc:
        detail = exc.detail if isinstance(exc, FontReadError) else "字形序号不存在"
        raise SignkitError(
            [
                Diagnostic(
                    "SK301",
                    Severity.ERROR,
                    f"内置替代{ROLE_LABELS[role]}字体无法读取：{path}（{detail}）",
                    Location(file=str(path)),
                    hint="signkit 的安装不完整，请重新安装 signkit",
                )
            ]
        ) from exc
    return _from_face(role, face, reason, mandated=False, bundled=True)


def _from_face(role: Role, face: FaceInfo, reason: str, *, mandated: bool, bundled: bool) -> ResolvedFont:
    return ResolvedFont(
        role=role,
        path=face.path,
        face_index=face.index,
        family=face.family,
        reason=reason,
        mandated=mandated,
        bundled=bundled,
        local_family=face.local_family,
    )


def _as_choice(role: Role, value: str | Path | FontChoice | None, env: Mapping[str, str]) -> FontChoice | None:
    if isinstance(value, FontChoice):
        return value
    if value is not None and os.fspath(value).strip():
        return FontChoice(value, f"命令行 {CLI_OPTIONS[role]}")
    var = ENV_VARS[role]
    from_env = env.get(var, "").strip()
    if from_env:
        return FontChoice(from_env, f"环境变量 {var}")
    return None


def _resolve_choice(role: Role, choice: FontChoice, bundled_keys: set[tuple[str, int]]) -> ResolvedFont:
    """Open and check a user-named font; raise SignkitError with a located diagnostic."""
    path, selector = parse_spec(choice.spec)
    where = choice.location or Location(file=str(path))
    label = ROLE_LABELS[role]

    def fail(rule: str, message: str, hint: str | None = None) -> SignkitError:
        return SignkitError([Diagnostic(rule, Severity.ERROR, message, where, hint=hint)])

    try:
        faces = read_faces(path)
    except FontReadError as exc:
        if exc.kind == "missing":
            raise fail(
                "SK301",
                f"{choice.origin} 指定的{label}字体文件不存在：{path}",
                "请检查路径；.ttc 字体集可写成“路径#字形名”或“路径#序号”",
            ) from exc
        rule = "SK303" if exc.kind == "webfont" else "SK301"
        raise fail(rule, f"{choice.origin} 指定的{label}字体无法使用：{path}：{exc.detail}") from exc
    face = select_face(faces, selector)
    if face is None:
        listing = "、".join(f"{f.index} = {f.display_name}" for f in faces)
        raise fail(
            "SK307",
            f"{choice.origin} 指定的字体文件 {path} 中没有字形“{selector}”",
            f"其中的字形有：{listing}；可写成“路径#字形名”或“路径#序号”",
        )
    problem = embedding_problem(face)
    if problem is not None:
        raise fail(
            problem.rule,
            f"{choice.origin} 指定的{label}字体不能使用：{problem.message}",
            problem.hint,
        )
    mandated = mandated_rank(role, face.names) is not None
    key = (str(face.path.resolve()), face.index)
    return _from_face(role, face, f"{choice.origin} 指定", mandated=mandated, bundled=key in bundled_keys)


#: Where a run-level note points when no setting of the user's chose what it is about (defaults).
NOWHERE = Location(file="")


def _note(rule: str, severity: Severity, message: str, where: Path | Location, hint: str | None = None) -> Diagnostic:
    location = where if isinstance(where, Location) else Location(file=str(where))
    return Diagnostic(rule, severity, message, location, hint=hint)


def resolve_fonts(
    *,
    mode: Mode = "system",
    title: str | Path | FontChoice | None = None,
    body: str | Path | FontChoice | None = None,
    env: Mapping[str, str] | None = None,
    search_dirs: Sequence[Path] | None = None,
    use_fc_list: bool = True,
    fc_list: FcList | None = None,
    bundled_dir: Path | None = None,
) -> FontSet:
    """Choose the title and body fonts, with a fallback chain for each.

    ``title``/``body`` are the fonts the user named (a plain path is taken to come from
    ``--title-font``/``--body-font``; wrap it in :class:`FontChoice` to say it came from
    ``signkit.toml``).  ``env`` defaults to ``os.environ``.  ``search_dirs`` replaces
    the platform's font folders and ``fc_list`` replaces the ``fc-list`` query (both for
    tests); ``use_fc_list=False`` skips fontconfig.  ``bundled_dir`` replaces the
    bundled fonts folder.

    Raises :class:`SignkitError` (SK301/SK302/SK303/SK307) when a named font cannot be
    used.  The returned set's ``diagnostics`` hold SK304/SK308 notes to show the user.
    """
    if mode not in ("system", "bundled"):
        raise ValueError(f"unknown font mode: {mode!r}")
    fallbacks = {role: bundled_font(role, REASON_FALLBACK, bundled_dir) for role in ROLES}
    bundled_keys = {(str(f.path.resolve()), f.face_index) for f in fallbacks.values()}
    notes: list[Diagnostic] = []
    chosen: dict[Role, ResolvedFont] = {}
    searched: list[str] = []

    if mode == "bundled":
        # the user asked for the stand-ins: nothing to tell them (``signkit fonts`` still lists them as such)
        for role in ROLES:
            chosen[role] = bundled_font(role, REASON_PINNED, bundled_dir)
        return _font_set(mode, chosen, fallbacks, notes, searched)

    environ = os.environ if env is None else env
    errors: list[Diagnostic] = []
    requested: dict[Role, str | Path | FontChoice | None] = {"title": title, "body": body}
    for role in ROLES:
        choice = _as_choice(role, requested[role], environ)
        if choice is None:
            continue
        try:
            font = _resolve_choice(role, choice, bundled_keys)
        except SignkitError as exc:
            errors.extend(exc.diagnostics)
            continue
        chosen[role] = font
        if not font.mandated:
            notes.append(
                _note(
                    "SK304",
                    Severity.INFO,
                    f"{choice.origin} 指定的{ROLE_LABELS[font.role]}字体“{font.label}”不是法定字体{mandated_label(font.role)}",
                    choice.location or NOWHERE,
                )
            )
    if errors:
        raise SignkitError(errors)

    missing = [role for role in ROLES if role not in chosen]
    if missing:
        with_fc = use_fc_list and (fc_list is not None or fc_list_available())
        dirs = list(search_dirs) if search_dirs is not None else default_search_dirs(environ, fc_list_available=with_fc)
        files = font_files_in(dirs)
        searched += [str(d) for d in dirs]
        if with_fc:
            files += list((fc_list or fc_list_mandated_files)())
            searched.append("fc-list")
        faces = scan_faces(files)
        stand_ins: list[ResolvedFont] = []
        for role in missing:
            installed = _pick_installed(role, faces, notes)
            if installed is None:
                installed = bundled_font(role, REASON_STAND_IN, bundled_dir)
                stand_ins.append(installed)
            chosen[role] = installed
        if stand_ins:
            notes.append(stand_in_note(stand_ins, searched))
    return _font_set(mode, chosen, fallbacks, notes, searched)


def _pick_installed(role: Role, faces: list[tuple[int, FaceInfo]], notes: list[Diagnostic]) -> ResolvedFont | None:
    """The best usable installed mandated face for ``role``; unusable ones add SK308."""
    for cand in mandated_candidates(role, faces):
        problem = embedding_problem(cand.face)
        if problem is None:
            return _from_face(role, cand.face, REASON_INSTALLED, mandated=True, bundled=False)
        notes.append(
            _note(
                "SK308",
                Severity.WARNING,
                f"系统中的法定{ROLE_LABELS[role]}字体无法使用，已跳过：{problem.message}",
                cand.face.path,
                problem.hint,
            )
        )
    return None


def searched_text(searched: Sequence[str]) -> str:
    """``已查找：fc-list、/usr/share/fonts。`` — the places the hint names."""
    return f"已查找：{'、'.join(searched)}。" if searched else "本机没有可查找的字体文件夹。"


def stand_in_note(fonts: Sequence[ResolvedFont], searched: Sequence[str]) -> Diagnostic:
    """SK304, once per run for every role printed by a stand-in: the print will not use the regulation's fonts.

    It is information (说明), the same in every command: a draft in stand-in fonts is a
    normal thing to make, and the final print refuses it (SK309) where that matters.
    Nothing the user wrote chose the stand-ins, so the note points nowhere (the caller
    may point it at the ``signkit.toml`` line that did).
    """
    wanted = "、".join(f"{ROLE_LABELS[f.role]}字体{mandated_label(f.role)}" for f in fonts)
    used = "、".join(f"“{f.label}”" for f in fonts)
    options = "、".join(CLI_OPTIONS[f.role] for f in fonts)
    env = "、".join(ENV_VARS[f.role] for f in fonts)
    return _note(
        "SK304",
        Severity.INFO,
        f"未找到法定{wanted}，改用内置替代字体{used}；印出的字形与法定字体不同",
        NOWHERE,
        hint=f"{searched_text(searched)}如有正版法定字体，请安装到系统，或用 {options}、环境变量 {env} 指定字体文件；"
        "正式印刷时加 --final，缺少法定字体就不生成",
    )


def _font_set(
    mode: Mode,
    chosen: Mapping[Role, ResolvedFont],
    fallbacks: Mapping[Role, ResolvedFont],
    notes: list[Diagnostic],
    searched: list[str],
) -> FontSet:
    def chain(role: Role) -> tuple[ResolvedFont, ...]:
        first, last = chosen[role], fallbacks[role]
        same = (str(first.path.resolve()), first.face_index) == (
            str(last.path.resolve()),
            last.face_index,
        )
        return (first,) if same else (first, last)

    return FontSet(
        title=chain("title"),
        body=chain("body"),
        mode=mode,
        diagnostics=tuple(notes),
        searched=tuple(searched),
    )
