"""A decision never leaves the player without a way on (issue 11, H1/C4), and constant conditions
hide and disable as written (R1). Through the real command line: --text, --auto and --headless."""

from __future__ import annotations

import json

import pytest

from game.engine import Run, Story
from tests.authoring.hostile import cli, draft


def compiled(path, tmp_path) -> Story:
    out = tmp_path / f"{path.stem}.json"
    result = cli("compile", str(path), "-o", str(out))
    assert result.returncode == 0, result.stderr
    return Story.from_file(out)


@pytest.mark.parametrize("false", ["false", "0", "1 == 2"])
def test_constant_false_show_if_hides_the_choice(tmp_path, false):
    path = draft(tmp_path, explain={"show_if": false})
    out = cli("play", "--text", str(path), "--choices", "1")
    assert out.returncode == 0, out.stderr
    assert "Explain simply." not in out.stdout and "1. Rush on." in out.stdout
    run = Run(compiled(path, tmp_path))
    run.advance()
    assert [v.id for v in run.choices()] == ["rush"]


@pytest.mark.parametrize("false", ["false", "0"])
def test_constant_false_enable_if_disables_the_choice(tmp_path, false):
    path = draft(tmp_path, explain={"enable_if": false})
    run = Run(compiled(path, tmp_path))
    run.advance()
    views = run.choices()
    assert sorted((v.id, v.enabled) for v in views) == [("explain", False), ("rush", True)]
    out = cli("play", "--text", str(path), "--choices", "explain")
    assert out.returncode != 0 and "not an available choice" in out.stderr and "Traceback" not in out.stderr


# Trust starts at 50: 'explain' needs 60 or more, 'rush' is shown only below 40, so at the start
# nothing can be taken. Validate warns (some values of trust lead there); the game must go on.
STUCK = {"explain": {"enable_if": "trust >= 60"}, "rush": {"show_if": "trust < 40"}}


def test_validate_warns_about_a_decision_that_can_offer_nothing(tmp_path):
    path = draft(tmp_path, **STUCK)
    out = cli("validate", str(path))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "W410" in out.stdout + out.stderr and "draft.yaml:23:" in out.stdout + out.stderr


def test_text_auto_continues_when_no_choice_is_available(tmp_path):
    path = draft(tmp_path, **STUCK)
    out = cli("play", "--text", str(path), "--auto", "--seed", "1")
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr and "SCORE CARD" in out.stdout and "Ending:" in out.stdout


def test_text_interactive_offers_every_option_when_none_is_available(tmp_path):
    path = draft(tmp_path, **STUCK)
    out = cli("play", "--text", str(path), input_text="2\n", timeout=60)
    assert out.returncode == 0, out.stderr
    transcript = out.stdout.split("SCORE CARD")[0]
    assert ". Explain simply." in transcript and ". Rush on." in transcript and "Please type" not in transcript
    assert "Ending:" in out.stdout


def test_the_fallback_scores_against_every_option(tmp_path):
    story = compiled(draft(tmp_path, **STUCK), tmp_path)
    run = Run(story)
    run.advance()
    assert sorted((v.id, v.enabled) for v in run.choices()) == [("explain", True), ("rush", True)]
    result = run.choose("rush")
    assert (result.earned, result.best, result.worst) == (-2, 2, -2)
    assert sorted(run.history[0].shown) == ["explain", "rush"]
    again = Run.from_json(story, run.to_json())  # a save of such a run replays exactly
    assert again.snapshot() == run.snapshot()


@pytest.mark.parametrize("how", [["--auto"], ["--choices", "1"]])
def test_headless_window_continues_when_no_choice_is_available(tmp_path, how):
    path = draft(tmp_path, **STUCK)
    shots = tmp_path / "shots"
    out = cli("play", str(path), "--headless", *how, "--screenshots", str(shots), data_dir=tmp_path / "data")
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr and "Ending:" in out.stdout
    assert any("debrief" in p.name for p in shots.iterdir())


def test_validate_refuses_a_decision_that_never_offers_anything(tmp_path):
    path = draft(tmp_path, explain={"enable_if": "trust > 1000"}, rush={"show_if": "trust < 0"})
    out = cli("validate", str(path))
    assert out.returncode == 1
    text = out.stdout + out.stderr
    assert "draft.yaml:23:" in text and "E312" in text and "Traceback" not in text
