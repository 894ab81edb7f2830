"""The toolchain on the project's real scenarios and catalogues (whatever scenarios/ holds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.authoring.checking import check_catalogue, check_scenario
from game.authoring.compiler import compile_path, to_bytes
from game.authoring.graph import mermaid
from game.authoring.stats import scenario_stats
from game.engine import Story, auto_choices, play_choices
from tests.authoring.helpers import SCENARIOS

SCENARIO_FILES = sorted(SCENARIOS.glob("*.yaml"))
CATALOGUE_FILES = sorted((SCENARIOS / "rights").glob("*.yaml"))


@pytest.mark.parametrize("path", CATALOGUE_FILES, ids=lambda p: p.stem)
def test_catalogue_is_valid(path: Path):
    result = check_catalogue(str(path))
    assert result.ok and result.diagnostics == [], "\n".join(d.render() for d in result.diagnostics)


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
def test_scenario_is_clean_even_when_strict(path: Path):
    result = check_scenario(str(path), strict=True)
    assert result.ok, "\n".join(d.render() for d in result.diagnostics)


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
def test_scenario_compiles_deterministically_and_plays_to_an_ending(path: Path):
    story_dict, _ = compile_path(str(path))
    assert story_dict is not None
    raw = to_bytes(story_dict)
    assert to_bytes(compile_path(str(path))[0]) == raw
    story = Story.from_json(raw.decode("utf-8"), source=str(path))
    for seed in range(10):  # the seeded path replayed (an assessment's marks included, issue 19)
        run = play_choices(story, auto_choices(story, seed), seed=seed)
        assert run.ended, f"seed {seed} did not reach an ending"


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda p: p.stem)
def test_stats_and_graph_cover_every_node(path: Path):
    model = check_scenario(str(path)).model
    stats = scenario_stats(model)
    assert stats["nodes"] == len(model.nodes) == sum(stats["per_stage"].values())
    chart = mermaid(model)
    for node in model.nodes:
        assert f"n_{node.id.replace('-', '_')}" in chart
