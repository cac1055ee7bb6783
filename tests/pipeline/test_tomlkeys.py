"""Key positions in TOML: the right table's key, dotted keys, inline tables and ``[tool.signkit]``."""

from __future__ import annotations

from signkit.pipeline.tomlkeys import key_positions, locate


def test_the_same_key_in_two_tables_is_found_in_each() -> None:
    text = '[signs]\nmode = "x"\n\n[fonts]\n  mode = "bundled"\n'
    found = key_positions(text)
    assert found[("signs", "mode")] == (2, 1)
    assert found[("fonts", "mode")] == (5, 3)
    assert found[("fonts",)] == (4, 1)


def test_dotted_keys_quoted_keys_and_inline_tables() -> None:
    text = ('fonts.mode = "system"  # at the top\n'
            '[print]\n'
            'bleed."2-5" = 3\n'
            'stamp = { "2-2" = "off", default = ["附表"] }\n'
            "[print.more]\n"
            "'x y' = 1\n")
    found = key_positions(text)
    assert found[("fonts", "mode")] == (1, 1)
    assert found[("print", "bleed", "2-5")] == (3, 1)
    assert found[("print", "stamp", "2-2")] == (4, 11)
    assert found[("print", "stamp", "default")] == (4, 26)
    assert found[("print", "more", "x y")] == (6, 1)


def test_pyproject_tables_and_multiline_strings() -> None:
    text = ('[tool.other]\nmode = 1\ndoc = """\nmode = 2\n"""\n\n'
            '[tool.signkit.fonts]\nmode = "oops"\n')
    found = key_positions(text)
    assert found[("tool", "other", "mode")] == (2, 1)
    assert ("tool", "other", "mode") in found and (4, 1) not in found.values()
    assert found[("tool", "signkit", "fonts", "mode")] == (8, 1)
    assert locate(found, ("tool", "signkit", "fonts", "title")) == (7, 1)  # not written: its table
    assert locate(found, ("nothing",)) is None


def test_escaped_quoted_keys_keep_their_characters() -> None:
    found = key_positions('[print.bleed]\n"2-\\u0035" = 1\n"标\\"志" = 2\n')
    assert found[("print", "bleed", "2-5")] == (2, 1)
    assert found[("print", "bleed", '标"志')] == (3, 1)
