"""The project configuration file, ``signkit.toml``.

Settings an office makes once (fonts, the folder of its own sign artwork) and a print
shop makes once (``[print]``: bleed and revision stamp per 附表, black overprint, the
output intent, the imposed sheets' edge margin) live here rather than on every
command line or in every site file.  The
file is looked up in the current directory unless ``--config`` names one.  Unknown keys
are errors, like in the site file, and every problem names the file and line.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from signkit.diagnostics import Diagnostic, Location, Severity
from signkit.errors import SignkitError
from signkit.fonts import FontChoice
from signkit.pipeline.selection import Layer, SelectorError, check_selector
from signkit.render.pdfx import ProfileError, output_condition
from signkit.render.settings import ANY_FORM, DEFAULT_GRIPPER, DEFAULT_PRINT, STAMP_PARTS, PrintSettings
from signkit.spec.forms import FORMS

CONFIG_NAME = "signkit.toml"
_FONT_KEYS = {"mode", "title", "body"}
_SIGN_KEYS = {"folder"}
_PRINT_KEYS = {"bleed", "stamp", "overprint", "output_intent", "gripper"}
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
    #: ``[check]``: which rules are reported (``None`` when the table is absent); the command line comes after it.
    rules: Layer | None = None


def _line_of(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return number
    return None


def _error(path: Path, message: str, line: int | None = None, key: str = "") -> SignkitError:
    loc = Location(str(path), line, 1 if line else None, (key,) if key else ())
    return SignkitError([Diagnostic("SK014", Severity.ERROR, message, loc)])


def load_config(path: Path | None = None) -> Config:
    """Read ``path`` (or ``./signkit.toml`` if it exists); an absent default file is no error."""
    explicit = path is not None
    path = path or Path(CONFIG_NAME)
    if not path.is_file():
        if explicit:
            raise _error(path, "配置文件不存在")
        return Config()
    try:
        text = path.read_text(encoding="utf-8")
        data: dict[str, Any] = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise _error(path, f"无法读取配置文件：{exc}") from None
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise _error(path, f"配置文件格式错误（{exc}）", int(match.group(1)) if match else None) from None
    unknown = set(data) - set(_TABLES)
    if unknown:
        key = sorted(unknown)[0]
        raise _error(path, f"未知的配置项「{key}」（目前只支持 [fonts]、[signs] 和 [print]）", _line_of(text, key) or 1, key)
    fonts = data.get("fonts", {})
    if not isinstance(fonts, dict):
        raise _error(path, "fonts 应为表 [fonts]", _line_of(text, "fonts"), "fonts")
    for key in sorted(set(fonts) - _FONT_KEYS):
        raise _error(path, f"未知的配置项「fonts.{key}」，可用：mode、title、body", _line_of(text, key), f"fonts.{key}")
    mode = fonts.get("mode")
    if mode is not None and mode not in ("system", "bundled"):
        raise _error(path, f"fonts.mode 应为 system 或 bundled，实际是「{mode}」", _line_of(text, "mode"), "fonts.mode")

    def choice(key: str) -> FontChoice | None:
        value = fonts.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise _error(path, f"fonts.{key} 应为字体文件路径", _line_of(text, key), f"fonts.{key}")
        spec = value if Path(value.split("#", 1)[0]).is_absolute() else str(path.parent / value)
        line = _line_of(text, key)
        return FontChoice(spec, f"{path.name} 的 fonts.{key}", Location(str(path), line, 1 if line else None))

    return Config(path, mode, choice("title"), choice("body"), _sign_folder(path, text, data.get("signs", {})),
                  _printing(path, text, data.get("print", {})),
                  _check_rules(path, text, data["check"]) if "check" in data else None)


def _check_rules(path: Path, text: str, table: object) -> Layer:
    """``[check]``: ``select``, ``extend-select``, ``ignore`` (lists of rule ids or prefixes) and
    ``[check.per-file-ignores]`` (file glob → list), as in ruff's ``[lint]``; every bad selector located."""
    if not isinstance(table, dict):
        raise _error(path, "check 应为表 [check]", _line_of(text, "check"), "check")
    for key in table:
        if key.replace("_", "-") not in _CHECK_KEYS:
            raise _error(path, f"未知的配置项「check.{key}」，可用：{'、'.join(_CHECK_KEYS)}", _line_of(text, key),
                         f"check.{key}")
    values = {key.replace("_", "-"): value for key, value in table.items()}

    def selectors(value: object, key: str, line_key: str) -> tuple[str, ...]:
        line = _print_line(text, line_key)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise _error(path, f"check.{key} 应为规则编号或前缀的列表，如 [\"SK218\", \"SK3\"]", line, f"check.{key}")
        try:
            return tuple(check_selector(part) for item in value for part in item.split(",") if part.strip())
        except SelectorError as bad:
            raise _error(path, f"check.{key}：{bad}", line, f"check.{key}") from None

    raw_files = values.get("per-file-ignores", {})
    if not isinstance(raw_files, dict):
        raise _error(path, "check.per-file-ignores 应为表 [check.per-file-ignores]，如 \"工地/*.yaml\" = [\"SK218\"]",
                     _line_of(text, "per-file-ignores"), "check.per-file-ignores")
    per_file = tuple((glob, selectors(value, f"per-file-ignores.{glob}", glob)) for glob, value in raw_files.items())
    select = selectors(values["select"], "select", "select") if "select" in values else None
    line = _line_of(text, "ignore")
    return Layer(select, selectors(values.get("extend-select", []), "extend-select", "extend-select"),
                 selectors(values.get("ignore", []), "ignore", "ignore"), per_file,
                 Location(str(path), line, 1 if line else None, ("check", "ignore")))


def _print_line(text: str, key: str) -> int | None:
    """The line of ``key`` (bare or quoted, as ``"2-5" = 3`` is written)."""
    return _line_of(text, key) or _line_of(text, f'"{key}"')


def _forms_table(path: Path, text: str, table: object, name: str) -> dict[str, object]:
    """``[print.bleed]`` or ``[print.stamp]``: 附表 numbers (or ``"默认"``, also spelt ``default``) to values."""
    if not isinstance(table, dict):
        raise _error(path, f"print.{name} 应为表 [print.{name}]，如 \"2-5\" = …", _line_of(text, name), f"print.{name}")
    for key in table:
        if key not in (ANY_FORM, "default") and key not in FORMS:
            raise _error(path, f"print.{name} 中的「{key}」不是附表编号，可用：{'、'.join(FORMS)} 或 \"{ANY_FORM}\"",
                         _print_line(text, key), f"print.{name}.{key}")
    return {ANY_FORM if key == "default" else key: value for key, value in table.items()}


def _printing(path: Path, text: str, table: object) -> PrintSettings:
    """``[print]``, checked item by item; every problem names the key and its line."""
    if not isinstance(table, dict):
        raise _error(path, "print 应为表 [print]", _line_of(text, "print"), "print")
    for key in sorted(set(table) - _PRINT_KEYS):
        raise _error(path, f"未知的配置项「print.{key}」，可用：{'、'.join(sorted(_PRINT_KEYS))}",
                     _line_of(text, key), f"print.{key}")
    bleed: list[tuple[str, float]] = []
    for form, value in _forms_table(path, text, table.get("bleed", {}), "bleed").items():
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= MAX_PRINT_MARGIN:
            raise _error(path, f"print.bleed.{form} 应为 0 到 {MAX_PRINT_MARGIN:g} 的毫米数", _print_line(text, form),
                         f"print.bleed.{form}")
        bleed.append((form, float(value)))
    stamp: list[tuple[str, tuple[str, ...]]] = []
    for form, value in _forms_table(path, text, table.get("stamp", {}), "stamp").items():
        line = _print_line(text, form)
        if isinstance(value, str) and value.strip().lower() in STAMP_OFF:
            stamp.append((form, ()))
            continue
        if not isinstance(value, list) or not value or any(part not in STAMP_PARTS for part in value):
            raise _error(path, f"print.stamp.{form} 应为 \"off\"（不印修订标记）或由 {'、'.join(STAMP_PARTS)} 组成的列表，"
                         f"如 [\"附表\", \"内容\", \"修订\"]", line, f"print.stamp.{form}")
        stamp.append((form, tuple(part for part in STAMP_PARTS if part in value)))
    overprint = table.get("overprint", True)
    if not isinstance(overprint, bool):
        raise _error(path, "print.overprint 应为 true 或 false", _line_of(text, "overprint"), "print.overprint")
    gripper = table.get("gripper", DEFAULT_GRIPPER)
    if isinstance(gripper, bool) or not isinstance(gripper, int | float) or not 0 <= gripper <= MAX_PRINT_MARGIN:
        raise _error(path, f"print.gripper 应为 0 到 {MAX_PRINT_MARGIN:g} 的毫米数（拼版纸边留白）",
                     _line_of(text, "gripper"), "print.gripper")
    settings = PrintSettings(tuple(bleed), tuple(stamp), overprint, gripper=float(gripper))
    intent = table.get("output_intent")
    if intent is None:
        return settings
    line = _line_of(text, "output_intent")
    if not isinstance(intent, str) or not intent.strip():
        raise _error(path, "print.output_intent 应为 FOGRA39、JapanColor2001Coated 或 ICC 文件路径", line,
                     "print.output_intent")
    try:
        condition = output_condition(intent, path.parent)
    except ProfileError as bad:
        raise _error(path, f"print.output_intent：{bad}", line, "print.output_intent") from None
    return PrintSettings(settings.bleed, settings.stamp, settings.overprint, condition, settings.gripper)


def _sign_folder(path: Path, text: str, signs: object) -> SignFolder | None:
    """``[signs] folder``, resolved from the config file's folder (its existence is checked with the site)."""
    if not isinstance(signs, dict):
        raise _error(path, "signs 应为表 [signs]", _line_of(text, "signs"), "signs")
    for key in sorted(set(signs) - _SIGN_KEYS):
        raise _error(path, f"未知的配置项「signs.{key}」，可用：folder", _line_of(text, key), f"signs.{key}")
    value = signs.get("folder")
    if value is None:
        return None
    line = _line_of(text, "folder")
    if not isinstance(value, str) or not value.strip():
        raise _error(path, "signs.folder 应为文件夹路径（相对路径从 signkit.toml 所在的文件夹算起）", line, "signs.folder")
    folder = Path(os.path.expanduser(value))
    resolved = Path(os.path.abspath(folder if folder.is_absolute() else path.parent / folder))
    return SignFolder(resolved, value, Location(str(path), line, 1 if line else None, ("signs", "folder")))
