"""What ``signkit fonts`` shows of the resolved fonts (as JSON-ready rows), and the SK3xx rules the fonts code emits."""

from __future__ import annotations

import json
import re
from pathlib import Path

from signkit import resources
from signkit.fonts import describe
from tests.fonts.conftest import resolve


def test_describe_is_json_ready(installed: Path) -> None:
    rows = describe(resolve([installed]))
    assert json.loads(json.dumps(rows, ensure_ascii=False)) == rows
    assert [(r["role"], r["position"], r["mandated"], r["bundled"]) for r in rows] == [
        ("title", 0, True, False),
        ("title", 1, False, True),
        ("body", 0, True, False),
        ("body", 1, False, True),
    ]
    first = rows[0]
    assert first["family"] == "SimHei"
    assert first["local_family"] == "黑体"
    assert first["file"] == str(installed / "simhei.ttf")
    assert first["face_index"] == 0
    assert first["reason"] == "系统已安装的法定字体"
    assert first["stand_in"] is False
    assert first["role_label"] == "标题"
    assert first["mode"] == "system"


def test_font_rules_are_the_ones_the_fonts_code_emits() -> None:
    from signkit.codes import CODES

    fonts = {code for code in CODES if code.startswith("SK3")}
    assert fonts == {f"SK30{i}" for i in range(1, 10)}
    source = "".join(p.read_text(encoding="utf-8") for p in Path(resources.__file__).parent.glob("fonts/*.py"))
    assert set(re.findall(r'"(SK3\d\d)"', source)) == fonts - {"SK309"}
    # the final print's refusal knows the run's configuration, so it is made where the run's fonts are chosen
    setup = (Path(resources.__file__).parent / "pipeline" / "fontsetup.py").read_text(encoding="utf-8")
    assert set(re.findall(r'"(SK3\d\d)"', setup)) == {"SK304", "SK309"}
