"""The fonts tests' fake installed fonts, and font resolution kept away from this machine's own fonts.

Installed fonts are faked with tiny fonts in ``tmp_path`` and injected search folders,
with fontconfig switched off, so the machine's own fonts never change an answer.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from signkit.fonts import FontSet, resolve_fonts
from tests.fontutil import BASIC, make_font


def resolve(dirs: list[Path] | None = None, **kwargs: object) -> FontSet:
    """resolve_fonts isolated from this machine: no fc-list, empty env, given folders."""
    kwargs.setdefault("env", {})
    kwargs.setdefault("use_fc_list", False)
    return resolve_fonts(search_dirs=dirs or [], **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def installed(tmp_path: Path) -> Path:
    """A fake system font folder holding 黑体 and 楷体_GB2312 (GB2312-only: no 喆, 堃)."""
    folder = tmp_path / "Fonts"
    make_font(folder / "simhei.ttf", "SimHei", local_family="黑体")
    make_font(folder / "SIMKAI.TTF", "KaiTi_GB2312", BASIC + "张王", local_family="楷体_GB2312")
    return folder
