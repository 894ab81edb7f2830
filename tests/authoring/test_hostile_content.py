"""Hostile content (issue 11, rows H3, R9, R3, R2 of the author review): each through the real
command line, each a clear file:line message or a game that still plays."""

from __future__ import annotations

import json

import pytest

from game.engine import Run, Story
from game.engine.story import content_hash
from tests.authoring.hostile import cli, draft

HUGE = 10 ** 100


# -- R9: variable ranges are bounded --------------------------------------------------------------

@pytest.mark.parametrize("spec", [f"{{start: {HUGE}, min: 0, max: {HUGE}, label: \"Trust\"}}",
                                  f"{{start: 50, min: -{HUGE}, max: 100, label: \"Trust\"}}",
                                  "{start: 50, min: 0, max: 1000001, label: \"Trust\"}"])
def test_validate_refuses_a_variable_range_beyond_the_bound(tmp_path, spec):
    path = draft(tmp_path, replace={'{start: 50, min: 0, max: 100, label: "Trust"}': spec})
    out = cli("validate", str(path))
    text = out.stdout + out.stderr
    assert out.returncode == 1, text
    assert "draft.yaml:13:" in text and "1000000" in text.replace(",", "").replace("_", "")
    assert "Traceback" not in text


def _huge_story(tmp_path) -> "Path":
    path = draft(tmp_path)
    out = cli("compile", str(path))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    data["variables"]["trust"].update(start=HUGE - 5, min=-HUGE, max=HUGE)
    data["content_hash"] = content_hash(data)
    target = tmp_path / "huge.json"
    target.write_text(json.dumps(data), encoding="utf-8")
    return target


def test_the_engine_clamps_a_range_it_reads_from_a_compiled_story(tmp_path):
    story = Story.from_file(_huge_story(tmp_path))
    limit = 1_000_000
    assert all(-limit <= story.variables["trust"][k] <= limit for k in ("start", "min", "max"))
    run = Run(story)
    assert run.variables["trust"] == limit
    run.advance()
    run.choose("explain")
    assert run.variables["trust"] == limit


def test_a_compiled_story_with_a_huge_range_plays_in_text_and_in_the_window(tmp_path):
    story = _huge_story(tmp_path)
    out = cli("play", "--text", str(story), "--choices", "explain")
    assert out.returncode == 0, out.stderr
    assert "SCORE CARD" in out.stdout and str(HUGE)[:20] not in out.stdout
    shots = tmp_path / "shots"
    head = cli("play", str(story), "--headless", "--choices", "explain", "--screenshots", str(shots),
               data_dir=tmp_path / "data")
    assert head.returncode == 0, head.stderr
