"""The fonts of one run: command line over ``signkit.toml`` over the environment, and the final-print rule.

Every command that draws or checks text resolves its fonts here, once, from the
configuration it already loaded, so that ``check``, ``render``, ``preview`` and ``diff``
say the same thing about the same fonts: the stand-in notice (SK304, 说明) once per
run, pointing at the ``signkit.toml`` line that chose the font mode or at nothing when
the defaults did — never at a font file inside signkit's own install, which the user
can neither open nor change.

The final print (``--final`` or ``[print] final = true``) turns a stand-in into SK309,
an error: a board in 文泉驿微米黑 where the regulation asks for 黑体 is a board to be
made again, and the run that would make it is the one to stop.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from signkit.diagnostics import Diagnostic, Location, Severity
from signkit.fonts import ENV_VARS, FontChoice, FontSet, resolve_fonts
from signkit.fonts.model import ROLE_LABELS, ROLES, Role
from signkit.fonts.names import mandated_label
from signkit.fonts.resolve import CLI_OPTIONS, NOWHERE, searched_text
from signkit.pipeline.config import Config

#: How the final print is asked for, as messages name it.
FINAL_FLAG = "--final"


def run_fonts(settings: Config, *, mode: str | None = None, title: str | None = None, body: str | None = None,
              final: bool | None = None, env: Mapping[str, str] | None = None) -> FontSet:
    """Resolve the run's fonts; the command line (``mode``, ``title``, ``body``, ``final``) wins over ``settings``.

    Raises :class:`signkit.errors.SignkitError` for a font the user named that cannot be
    used.  A final print with a stand-in is not raised but returned as SK309 errors in
    ``diagnostics`` (in place of the SK304 notice): ``check`` reports them like any
    error, ``render`` stops before writing anything.  A final print with the mandated
    fonts loses the stand-in fallbacks, so no character is printed in a stand-in either.
    """
    chosen_mode = mode or settings.font_mode or "system"
    picked_title: str | FontChoice | None = title or settings.title_font
    picked_body: str | FontChoice | None = body or settings.body_font
    fontset = resolve_fonts(mode="bundled" if chosen_mode == "bundled" else "system", title=picked_title,
                            body=picked_body, env=env)
    from_config = mode is None and settings.mode_location is not None
    notes = [replace(note, location=settings.mode_location) if note.rule == "SK304" and not note.location.file
             and from_config and settings.mode_location else note for note in fontset.diagnostics]
    final_run = settings.final if final is None else final
    if final_run:
        where = settings.final_location if final is None and settings.final_location else NOWHERE
        refused = [_refusal(fontset, role, where, final is None, {"title": picked_title, "body": picked_body}[role],
                            chosen_mode) for role in ROLES if not fontset.primary(role).mandated]
        if refused:
            notes = [note for note in notes if note.rule != "SK304"] + refused
        else:
            # no stand-in glyphs either: a character the mandated font lacks is SK306 (cannot be printed), not
            # SK305 (printed by the stand-in); the draft runs keep the fallback
            fontset = replace(fontset, title=fontset.title[:1], body=fontset.body[:1])
    return replace(fontset, diagnostics=tuple(notes))


def _refusal(fontset: FontSet, role: Role, where: Location, by_config: bool, named: str | FontChoice | None,
             mode: str) -> Diagnostic:
    """SK309 for one role: the font to install, where signkit looked, and how to name a font file."""
    font = fontset.primary(role)
    asked = "signkit.toml 的 [print] final = true" if by_config else FINAL_FLAG
    label = ROLE_LABELS[role]
    if isinstance(named, FontChoice) and named.location is not None:
        where = named.location
    how = (f"安装{mandated_label(role)}（装到系统字体文件夹，fc-list 能列出即可），或用 {CLI_OPTIONS[role]}、"
           f"环境变量 {ENV_VARS[role]}、signkit.toml 的 [fonts] {role} 指定正版字体文件（.ttc 可加 #字形名）")
    if mode == "bundled":
        looked = "bundled 模式不查找系统字体：去掉 --fonts bundled 或 [fonts] mode = \"bundled\"。"
    elif named is not None or font.reason.endswith(" 指定"):
        looked = f"{font.reason}的字体不是法定字体。"
    else:
        looked = searched_text(fontset.searched)
    return Diagnostic(
        "SK309", Severity.ERROR,
        f"正式印刷（{asked}）不接受替代字体：{label}应使用{mandated_label(role)}，现在会用“{font.label}”（{font.path}）",
        where, hint=f"{looked}请{how}；正式印刷时缺少它就不生成任何文件")
