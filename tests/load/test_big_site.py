"""A real coal group's site file (5,000 posts, ~5 MB) is read and checked once the size cap is raised (issue 14).

Before, the node budget was one constant (100,000 nodes): such a file was refused with
a message blaming YAML aliases it does not have, whatever ``--max-bytes`` said.
"""

from __future__ import annotations

from pathlib import Path

from signkit.load.source import DEFAULT_MAX_BYTES
from signkit.load.yaml_tree import node_budget, parse_yaml
from tests.conftest import Cli
from tests.load.sites import big_site_text


def test_five_thousand_posts_pass_check_with_the_cap_raised(tmp_path: Path, cli: Cli) -> None:
    text = big_site_text(5_000)
    path = tmp_path / "煤业集团.yaml"
    path.write_text(text, encoding="utf-8")
    size = path.stat().st_size
    assert size > DEFAULT_MAX_BYTES
    code, out, err = cli("check", str(path), "--no-layout")
    assert code == 2 and "SK003" in out + err and "--max-bytes" in out + err
    code, out, err = cli("check", str(path), "--no-layout", "--max-bytes", str(2 * size))
    assert code == 0, (out + err)[:2000]


def test_the_node_count_of_a_large_site_is_far_below_its_budget() -> None:
    text = big_site_text(1_000)
    parsed = parse_yaml(text, "f.yaml")
    assert parsed.diagnostics == [] and len(parsed.data["岗位"]) == 1_000
    over = parse_yaml(text, "f.yaml", max_nodes=1_000).diagnostics
    assert [d.rule for d in over] == ["SK008"]
    # no alias in the file: the message says how big the file is, and does not blame aliases
    assert "别名" not in over[0].message and "节点数超过" in over[0].message
    assert node_budget(len(text)) > 10 * 1_000 * 10  # ~10 fields per post, ten times over
