"""Full playthroughs of every bundled scenario through the real UI reach the debrief with exactly
the engine's score for the same choices, in every mode and with every input device."""

from __future__ import annotations

import pytest

from game.engine import auto_choices
from tests.ui.driving import engine_score, open_story, play_to_debrief
from tests.ui.stories import bundled_paths, compiled, fixture_story

BUNDLED = [str(p) for p in bundled_paths()]


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.rsplit("/", 1)[-1])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_bundled_scenario_through_the_ui_scores_like_the_engine(make_pilot, path, seed):
    story = compiled(path)
    choices = auto_choices(story, seed)
    pilot = make_pilot([story])
    open_story(pilot, story)
    play_to_debrief(pilot, choices, via="numbers")
    assert pilot.scene.card == engine_score(story, choices)
    assert pilot.app.result == engine_score(story, choices)
    assert pilot.scene.card.finished


@pytest.mark.parametrize("mode", ["learning", "assessment", "facilitated"])
def test_each_mode_reaches_the_debrief_with_the_engine_score(make_pilot, mode):
    story = fixture_story()
    choices = ["start-questions", "record-once"]
    pilot = make_pilot([story], mode=mode)
    open_story(pilot, story)
    seen = []
    # Watch which screens appear: feedback only outside assessment mode.
    original = pilot.app.scenes.push

    def spy(scene, on_result=None):
        seen.append(scene.name)
        return original(scene, on_result)

    pilot.app.scenes.push = spy
    play_to_debrief(pilot, choices)
    assert pilot.scene.card == engine_score(story, choices)
    assert ("feedback" in seen) == (mode != "assessment")
    if mode == "facilitated":
        votes = [rec.votes for rec in pilot.scene.run.history]
        assert votes[0] == {"explain-simply": 1, "start-questions": 2, "wait-for-lawyer": 0}
        assert all(v is not None for v in votes)
    else:
        assert all(rec.votes is None for rec in pilot.scene.run.history)


@pytest.mark.parametrize("via", ["arrows", "numbers"])
def test_keyboard_only_playthrough_completes(make_pilot, via):
    story = fixture_story()
    pilot = make_pilot([story])
    open_story(pilot, story, via="keys")
    play_to_debrief(pilot, ["explain-simply", "two-interviews"], via=via)
    assert pilot.scene.card == engine_score(story, ["explain-simply", "two-interviews"])


@pytest.mark.parametrize("via", ["mouse", "touch"])
def test_pointer_only_playthrough_completes(make_pilot, via):
    story = fixture_story()
    pilot = make_pilot([story])
    open_story(pilot, story, via=via)
    play_to_debrief(pilot, ["explain-simply", "record-once"], via=via)
    assert pilot.scene.card == engine_score(story, ["explain-simply", "record-once"])


def test_facilitated_mode_with_mouse_votes(make_pilot):
    story = fixture_story()
    pilot = make_pilot([story], mode="facilitated")
    open_story(pilot, story, via="mouse")
    play_to_debrief(pilot, ["explain-simply", "record-once"], via="mouse")
    assert [r.chosen for r in pilot.scene.run.history] == ["explain-simply", "record-once"]
