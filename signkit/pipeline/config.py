"""The project configuration file, ``signkit.toml``.

Settings an office makes once (fonts, the folder of its own sign artwork) and a print
shop makes once (``[print]``: bleed and revision stamp per 附表, black overprint, the
output intent, the imposed sheets' edge margin) live here rather than on every
command line or in every site file.  Unless ``--config`` names one, the file is found
as ruff finds its own: from the first input's folder upward, ``signkit.toml`` or a
``pyproject.toml`` with ``[tool.signkit]``.  Unknown keys are errors, like in the site
file, and every problem names the file, line and column of the key in its own table.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from signkit.diagnostics import Diagnostic, Location, Severity
from signkit.errors import SignkitError, describe_os_error
from signkit.fonts import FontChoice
from signkit.pipeline.selection import Layer, SelectorError, check_selector
from signkit.pipeline.tomlkeys import KeyPath, key_positions, locate
from signkit.render.pdfx import ProfileError, output_condition
from signkit.render.settings import ANY_FORM, DEFAULT_GRIPPER, DEFAULT_PRINT, STAMP_PARTS, PrintSettings
from signkit.spec.forms import FORMS

CONFIG_NAME = "signkit.toml"
#: The Python project file, whose ``[tool.signkit]`` table holds the same settings.
PYPROJECT = "pyproject.toml"
_FONT_KEYS = {"mode", "title", "body"}
_SIGN_KEYS = {"folder"}
_PRINT_KEYS = {"bleed", "stamp", "overprint", "output_intent", "gripper", "final"}
_CHECK_KEYS = ("select", "extend-select", "ignore", "per-file-ignores")
_TABLES = ("fonts", "signs", "print", "check")
#: Largest bleed or edge margin accepted (mm): wide enough for a board wrapped round a frame.
MAX_PRINT_MARGIN = 100.0
#: What ``[print.stamp]`` takes for "no stamp".
STAMP_OFF = ("off", "关", "否", "无")


@dataclass(frozen=True)
class SignFolder:
    """``[signs] folder``: the office's sign folder, for every site file that names none of its own.

    An office that holds the official GB 2894 artwork keeps it in one place; naming that
    place once here saves repeating ``输出.标志文件夹`` in every enterprise's site file
    (a site file that names a folder still wins).  ``path`` is absolute — resolved from
    the folder of ``signkit.toml``, not from the site file's — and ``location`` is the
    line that says so, for the message when the folder is missing.
    """

    path: Path
    written: str
    location: Location


@dataclass(frozen=True)
class Config:
    """What ``signkit.toml`` says (all optional)."""

    path: Path | None = None
    font_mode: str | None = None
    title_font: FontChoice | None = None
    body_font: FontChoice | None = None
    sign_folder: SignFolder | None = None
    #: ``[print]``: the print shop's settings (defaults where it says nothing).
    printing: PrintSettings = DEFAULT_PRINT
    #: ``[print] final``: this is the print run, so no stand-in font is accepted (see ``pipeline.fontsetup``).
    final: bool = False
    #: Where ``[fonts] mode`` and ``[print] final`` are written, for notices about what they chose.
    mode_location: Location | None = None
    final_location: Location | None = None
    #: ``[check]``: which rules are reported (``None`` when the table is absent); the command line comes after it.
    rules: Layer | None = None


@dataclass(frozen=True)
class _Source:
    """The file being read and where its keys are: every error names the right line and column."""

    path: Path
    positions: dict[KeyPath, tuple[int, int]]
    #: ``("tool", "signkit")`` in ``pyproject.toml``, where the settings live in ``[tool.signkit]``.
    prefix: KeyPath = ()

    @property
    def table(self) -> str:
        """How the user names the top of the settings in messages: ``""`` or ``"tool.signkit."``."""
        return "".join(f"{part}." for part in self.prefix)

    def at(self, *key: str) -> tuple[int | None, int | None]:
        found = locate(self.positions, (*self.prefix, *key)) if key or self.prefix else None
        return found if found is not None else (None, None)

    def error(self, message: str, key: str = "", *, parts: KeyPath | None = None) -> SignkitError:
        """SK014 at ``key`` (dotted, e.g. ``print.bleed.2-5``; ``parts`` when a part holds a dot)."""
        split = parts if parts is not None else tuple(key.split(".")) if key else ()
        line, column = self.at(*split)
        shown = f"{self.table}{key}" if key else ""
        if shown and message.startswith(shown):  # the key path is printed before the message already
            message = message[len(shown):].lstrip(" ：")
        loc = Location(str(self.path), line, column, (shown,) if shown else ())
        return SignkitError([Diagnostic("SK014", Severity.ERROR, message, loc)])

    def location(self, *key: str) -> Location:
        line, column = self.at(*key)
        return Location(str(self.path), line, column, (*self.prefix, *key))


def _error(path: Path, message: str, line: int | None = None, column: int | None = None) -> SignkitError:
    loc = Location(str(path), line, column or (1 if line else None))
    return SignkitError([Diagnostic("SK014", Severity.ERROR, message, loc)])


#: tomllib's messages (English) in the words of the rest of signkit; one not listed is shown as it is.
_TOML_PROBLEMS = (
    ("Cannot overwrite a value", "同一个键写了两次"),
    ("Cannot declare", "同一个表写了两次"),
    ("Expected ']' at the end of a table declaration", "表头缺少 ]"),
    ("Expected ']' at the end of an array declaration", "数组表头缺少 ]]"),
    ("Invalid value", "值的写法不对（文字须加引号，如 \"bundled\"）"),
    ("Invalid statement", "这一行不是「键 = 值」"),
    ("Expected '=' after a key in a key/value pair", "键后面缺少 ="),
    ("Unclosed array", "数组缺少 ]"),
    ("Unterminated string", "引号没有配对"),
    ("Illegal character", "含有不允许的字符"),
)


def toml_problem(message: str) -> str:
    """What ``tomllib`` found, in Chinese where the wording is known (its position is given by the location)."""
    text = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", message)
    for english, chinese in _TOML_PROBLEMS:
        if text.startswith(english):
            return chinese
    return text


def find_config(start: Path) -> Path | None:
    """The configuration for files in ``start``: the nearest ``signkit.toml`` or ``pyproject.toml`` with ``[tool.signkit]``.

    The search walks from ``start`` up to the filesystem root, as ruff and pytest do, so
    that a command run from anywhere inside a project (or on a file deep in it) finds the
    project's settings.  In one folder ``signkit.toml`` wins; a ``pyproject.toml``
    without ``[tool.signkit]`` belongs to some other tool and is passed over.
    """
    folder = Path(os.path.abspath(start))
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_NAME
        if own.is_file() or own.is_dir():  # a folder by that name is said (SK014), not passed over
            return own
        project = candidate / PYPROJECT
        if project.is_file() and _has_tool_table(project):
            return project
    return None


def _has_tool_table(path: Path) -> bool:
    """Whether ``pyproject.toml`` has ``[tool.signkit]``; an unreadable one is left to its own tools."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    tool = data.get("tool")
    return isinstance(tool, dict) and "signkit" in tool


def config_start(files: Sequence[str]) -> Path:
    """Where to look for the configuration: the first input's folder (a folder input itself), else the current one."""
    for name in files[:1]:
        if name == "-":
            break
        given = Path(name)
        return given if given.is_dir() else given.parent
    return Path.cwd()


def load_config(path: Path | None = None, *, start: Path | None = None) -> Config:
    """Read ``path``, or the configuration :func:`find_config` finds from ``start`` (the current folder).

    No configuration found is no error: every setting has its default.
    """
    explicit = path is not None
    if path is None:
        path = find_config(start if start is not None else Path.cwd())
        if path is None:
            return Config()
    if path.is_dir():
        raise _error(path, "配置文件的位置上是一个文件夹")
    if not path.is_file():
        if explicit:
            raise _error(path, "配置文件不存在")
        return Config()
    try:
        text = path.read_text(encoding="utf-8")
        data: dict[str, Any] = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raw = path.read_bytes()[:exc.start]
        line = raw.count(b"\n") + 1
        raise _error(path, "配置文件不是 UTF-8 编码（请用 UTF-8 保存）", line, len(raw) - raw.rfind(b"\n")) from None
    except OSError as exc:
        raise _error(path, f"无法读取配置文件：{describe_os_error(exc)}") from None
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+), column (\d+)", str(exc))
        raise _error(path, f"配置文件格式错误：{toml_problem(str(exc))}",
                     *(int(n) for n in match.groups()) if match else ()) from None
    source = _Source(path, key_positions(text))
    if path.name == PYPROJECT:
        source = _Source(path, source.positions, ("tool", "signkit"))
        tool = data.get("tool", {})
        data = tool.get("signkit", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            raise source.error("tool.signkit 应为表 [tool.signkit]")
    unknown = set(data) - set(_TABLES)
    if unknown:
        key = sorted(unknown)[0]
        raise source.error(f"未知的配置项「{source.table}{key}」（目前只支持 [fonts]、[signs]、[print] 和 [check]）", key)
    fonts = data.get("fonts", {})
    if not isinstance(fonts, dict):
        raise source.error(f"{source.table}fonts 应为表 [{source.table}fonts]", "fonts")
    for key in sorted(set(fonts) - _FONT_KEYS):
        raise source.error(f"未知的配置项「{source.table}fonts.{key}」，可用：mode、title、body", f"fonts.{key}")
    mode = fonts.get("mode")
    if mode is not None and mode not in ("system", "bundled"):
        raise source.error(f"{source.table}fonts.mode 应为 system 或 bundled，实际是「{mode}」", "fonts.mode")

    def choice(key: str) -> FontChoice | None:
        value = fonts.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise source.error(f"{source.table}fonts.{key} 应为字体文件路径", f"fonts.{key}")
        spec = value if Path(value.split("#", 1)[0]).is_absolute() else str(path.parent / value)
        return FontChoice(spec, f"{path.name} 的 {source.table}fonts.{key}", source.location("fonts", key))

    printing = data.get("print", {})
    final = printing.get("final", False) if isinstance(printing, dict) else False
    if not isinstance(final, bool):
        raise source.error(f"{source.table}print.final 应为 true 或 false", "print.final")
    return Config(path, mode, choice("title"), choice("body"), _sign_folder(source, data.get("signs", {})),
                  _printing(source, printing), final=final,
                  mode_location=source.location("fonts", "mode") if mode is not None else None,
                  final_location=source.location("print", "final") if final else None,
                  rules=_check_rules(source, data["check"]) if "check" in data else None)


def _check_rules(source: _Source, table: object) -> Layer:
    """``[check]``: ``select``, ``extend-select``, ``ignore`` (lists of rule ids or prefixes) and
    ``[check.per-file-ignores]`` (file glob → list), as in ruff's ``[lint]``; every bad selector located."""
    top = source.table
    if not isinstance(table, dict):
        raise source.error(f"{top}check 应为表 [{top}check]", "check")
    for key in table:
        if key.replace("_", "-") not in _CHECK_KEYS:
            raise source.error(f"未知的配置项「{top}check.{key}」，可用：{'、'.join(_CHECK_KEYS)}", f"check.{key}",
                               parts=("check", key))
    written: dict[str, str] = {str(key).replace("_", "-"): str(key) for key in table}  # as spelt: per_file_ignores or per-file-ignores
    values = {key.replace("_", "-"): value for key, value in table.items()}

    def selectors(value: object, key: str, parts: KeyPath) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise source.error(f"{top}check.{key} 应为规则编号或前缀的列表，如 [\"SK218\", \"SK3\"]", f"check.{key}",
                               parts=parts)
        try:
            return tuple(check_selector(part) for item in value for part in item.split(",") if part.strip())
        except SelectorError as bad:
            raise source.error(f"{top}check.{key}：{bad}", f"check.{key}", parts=parts) from None

    def spelt(key: str) -> str:
        return written.get(key, key)

    raw_files = values.get("per-file-ignores", {})
    if not isinstance(raw_files, dict):
        raise source.error(f"{top}check.per-file-ignores 应为表 [{top}check.per-file-ignores]，如 \"工地/*.yaml\" = [\"SK218\"]",
                           "check.per-file-ignores", parts=("check", spelt("per-file-ignores")))
    per_file = tuple((glob, selectors(value, f"per-file-ignores.{glob}", ("check", spelt("per-file-ignores"), glob)))
                     for glob, value in raw_files.items())
    select = selectors(values["select"], "select", ("check", spelt("select"))) if "select" in values else None
    return Layer(select, selectors(values.get("extend-select", []), "extend-select", ("check", spelt("extend-select"))),
                 selectors(values.get("ignore", []), "ignore", ("check", spelt("ignore"))), per_file,
                 source.location("check", spelt("ignore")))


def _forms_table(source: _Source, table: object, name: str) -> dict[str, object]:
    """``[print.bleed]`` or ``[print.stamp]``: 附表 numbers (or ``"默认"``, also spelt ``default``) to values."""
    shown = f"{source.table}print.{name}"
    if not isinstance(table, dict):
        raise source.error(f"{shown} 应为表 [{shown}]，如 \"2-5\" = …", f"print.{name}")
    for key in table:
        if key not in (ANY_FORM, "default") and key not in FORMS:
            raise source.error(f"{shown} 中的「{key}」不是附表编号，可用：{'、'.join(FORMS)} 或 \"{ANY_FORM}\"",
                               f"print.{name}.{key}", parts=("print", name, key))
    return {ANY_FORM if key == "default" else key: value for key, value in table.items()}


def _form_key(table: dict[str, object], form: str) -> str:
    """The key as written for a 附表 (``默认`` may be spelt ``default``)."""
    return "default" if form == ANY_FORM and form not in table and "default" in table else form


def _printing(source: _Source, table: object) -> PrintSettings:
    """``[print]``, checked item by item; every problem names the key and its line."""
    top = source.table
    if not isinstance(table, dict):
        raise source.error(f"{top}print 应为表 [{top}print]", "print")
    for key in sorted(set(table) - _PRINT_KEYS):
        raise source.error(f"未知的配置项「{top}print.{key}」，可用：{'、'.join(sorted(_PRINT_KEYS))}", f"print.{key}")
    bleed: list[tuple[str, float]] = []
    raw_bleed = table.get("bleed", {})
    for form, value in _forms_table(source, raw_bleed, "bleed").items():
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= MAX_PRINT_MARGIN:
            raise source.error(f"{top}print.bleed.{form} 应为 0 到 {MAX_PRINT_MARGIN:g} 的毫米数", f"print.bleed.{form}",
                               parts=("print", "bleed", _form_key(raw_bleed, form)))
        bleed.append((form, float(value)))
    stamp: list[tuple[str, tuple[str, ...]]] = []
    raw_stamp = table.get("stamp", {})
    for form, value in _forms_table(source, raw_stamp, "stamp").items():
        if isinstance(value, str) and value.strip().lower() in STAMP_OFF:
            stamp.append((form, ()))
            continue
        if not isinstance(value, list) or not value or any(part not in STAMP_PARTS for part in value):
            raise source.error(f"{top}print.stamp.{form} 应为 \"off\"（不印修订标记）或由 {'、'.join(STAMP_PARTS)} 组成的列表，"
                               f"如 [\"附表\", \"内容\", \"修订\"]", f"print.stamp.{form}",
                               parts=("print", "stamp", _form_key(raw_stamp, form)))
        stamp.append((form, tuple(part for part in STAMP_PARTS if part in value)))
    overprint = table.get("overprint", True)
    if not isinstance(overprint, bool):
        raise source.error(f"{top}print.overprint 应为 true 或 false", "print.overprint")
    gripper = table.get("gripper", DEFAULT_GRIPPER)
    if isinstance(gripper, bool) or not isinstance(gripper, int | float) or not 0 <= gripper <= MAX_PRINT_MARGIN:
        raise source.error(f"{top}print.gripper 应为 0 到 {MAX_PRINT_MARGIN:g} 的毫米数（拼版纸边留白）", "print.gripper")
    settings = PrintSettings(tuple(bleed), tuple(stamp), overprint, gripper=float(gripper))
    intent = table.get("output_intent")
    if intent is None:
        return settings
    if not isinstance(intent, str) or not intent.strip():
        raise source.error(f"{top}print.output_intent 应为 FOGRA39、JapanColor2001Coated 或 ICC 文件路径",
                           "print.output_intent")
    try:
        condition = output_condition(intent, source.path.parent)
    except ProfileError as bad:
        raise source.error(f"{top}print.output_intent：{bad}", "print.output_intent") from None
    return PrintSettings(settings.bleed, settings.stamp, settings.overprint, condition, settings.gripper)


def _sign_folder(source: _Source, signs: object) -> SignFolder | None:
    """``[signs] folder``, resolved from the config file's folder (its existence is checked with the site)."""
    top = source.table
    if not isinstance(signs, dict):
        raise source.error(f"{top}signs 应为表 [{top}signs]", "signs")
    for key in sorted(set(signs) - _SIGN_KEYS):
        raise source.error(f"未知的配置项「{top}signs.{key}」，可用：folder", f"signs.{key}")
    value = signs.get("folder")
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise source.error(f"{top}signs.folder 应为文件夹路径（相对路径从配置文件所在的文件夹算起）", "signs.folder")
    folder = Path(os.path.expanduser(value))
    resolved = Path(os.path.abspath(folder if folder.is_absolute() else source.path.parent / folder))
    return SignFolder(resolved, value, source.location("signs", "folder"))
