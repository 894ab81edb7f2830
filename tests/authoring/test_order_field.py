"""`order: fixed` on a decision (issue 12): options that form a scale keep their authored order."""

from __future__ import annotations

import json

from game.authoring.compiler import compile_path
from game.engine import Run, Story
from tests.authoring.cues import balanced, scenario_yaml, write_scenario
from tests.authoring.helpers import ROOT, rightspath


def test_fixed_is_compiled_and_the_engine_keeps_the_authored_order(tmp_path):
    path = write_scenario(tmp_path, "scale", balanced(4), fixed=True)
    story, diagnostics = compile_path(str(path))
    assert story is not None, [d.render() for d in diagnostics]
    assert all(story["nodes"][f"d{i}"]["order"] == "fixed" for i in range(1, 5))
    loaded = Story(story)
    for seed in range(10):
        run = Run(loaded, seed=seed)
        run.advance()
        assert [v.id for v in run.choices()] == ["o1", "o2", "o3"]


def test_shuffled_is_the_default_and_is_left_out_of_the_story(tmp_path):
    path = write_scenario(tmp_path, "plain", balanced(4))
    story, _ = compile_path(str(path))
    assert all("order" not in story["nodes"][f"d{i}"] for i in range(1, 5))
    text = path.read_text(encoding="utf-8").replace("    choices:\n", "    order: shuffled\n    choices:\n", 1)
    path.write_text(text, encoding="utf-8")
    again, _ = compile_path(str(path))
    assert again == story  # writing the default changes nothing


def test_an_unknown_order_is_an_e203_with_the_values_allowed(tmp_path):
    path = write_scenario(tmp_path, "bad", balanced(4))
    text = path.read_text(encoding="utf-8").replace("    choices:\n", "    order: random\n    choices:\n", 1)
    path.write_text(text, encoding="utf-8")
    result = rightspath("validate", str(path))
    assert result.returncode == 1
    assert "E203" in result.stdout and "order" in result.stdout and "'fixed'" in result.stdout, result.stdout
    assert "Traceback" not in result.stderr


def test_the_committed_schema_offers_the_field():
    schema = json.loads((ROOT / "scenarios" / "schema" / "scenario.schema.json").read_text(encoding="utf-8"))
    decision = schema["$defs"]["Decision"]["properties"]["order"]
    assert decision["enum"] == ["shuffled", "fixed"] and decision["default"] == "shuffled"


def test_scenario_yaml_helper_writes_order_only_when_asked():
    assert "order: fixed" in scenario_yaml("x", balanced(1), fixed=True)
    assert "order:" not in scenario_yaml("x", balanced(1))
