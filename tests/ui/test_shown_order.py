"""The real UI shows each decision's options in the playthrough's order (issue 12): number keys, the
facilitator's numbers and the debrief all count the order shown; the window draws a seed and keeps it."""

from __future__ import annotations

import json

import pygame

from game.engine import Run
from tests.ui.driving import open_story, play_to_debrief
from tests.ui.stories import fixture_story


def _to_first_decision(pilot, story, via="keys"):
    open_story(pilot, story, via=via)
    for _ in range(10):
        if pilot.scene.name == "decision":
            return pilot.scene
        pilot.press(pygame.K_SPACE)
    raise AssertionError(pilot.screen)


def _seed_whose_order_differs(story, node="how-to-start") -> int:
    authored = [c["id"] for c in story.nodes[node]["choices"]]
    for seed in range(50):
        run = Run(story, seed=seed)
        while run.kind == "scene":
            run.advance()
        if [v.id for v in run.choices()] != authored:
            return seed
    raise AssertionError("no seed reorders the options")


def test_the_decision_screen_shows_the_seeded_order_and_keys_count_it(make_pilot):
    story = fixture_story()
    seed = _seed_whose_order_differs(story)
    pilot = make_pilot([story], seed=seed)
    scene = _to_first_decision(pilot, story)
    expected = Run(story, seed=seed)
    while expected.kind == "scene":
        expected.advance()
    assert [v.id for v in scene.views] == [v.id for v in expected.choices()]
    # The buttons are drawn top to bottom in that order, numbered 1, 2, 3.
    assert [b.number for b in scene.group.widgets] == [1, 2, 3]
    assert [b.rect.y for b in scene.group.widgets] == sorted(b.rect.y for b in scene.group.widgets)
    # Key n takes the option shown at n, wherever it was written.
    target = next(v for v in scene.views if v.enabled and v.authored != v.index - 1)
    pilot.press(getattr(pygame, f"K_{target.index}"))
    rec = pilot.app.playthrough.run.history[-1]
    assert rec.chosen == target.id and rec.order == [v.id for v in scene.views]


def test_facilitated_numbers_count_the_order_shown(make_pilot):
    story = fixture_story()
    seed = _seed_whose_order_differs(story)
    pilot = make_pilot([story], mode="facilitated", seed=seed)
    scene = _to_first_decision(pilot, story)
    target = next(v for v in scene.views if v.enabled and v.authored != v.index - 1)
    pilot.press(getattr(pygame, f"K_{target.index}"))
    assert scene.votes[target.id] == 1 and sum(scene.votes.values()) == 1
    pilot.press(pygame.K_r)  # the counts, and so the leader, are shown once the facilitator reveals them
    assert scene.play_button.label.endswith(f"option {target.index}")
    pilot.click(scene.play_button)
    assert pilot.app.playthrough.run.history[-1].chosen == target.id


def test_the_debrief_says_which_option_as_shown(make_pilot):
    story = fixture_story()
    pilot = make_pilot([story], seed=_seed_whose_order_differs(story), mode="assessment")
    open_story(pilot, story)
    play_to_debrief(pilot, ["start-questions", "record-once"])
    debrief = pilot.scene
    assert debrief.name == "debrief"
    for rec in debrief.run.history:
        n = rec.order.index(rec.chosen) + 1
        assert f"option {n} as shown" in debrief.chosen_line(rec)
        if not rec.recommended:
            best = rec.order.index(rec.best_choices[0]) + 1
            assert f"option {best} as shown" in debrief.best_line(rec)


def test_a_window_playthrough_without_a_seed_draws_one_and_resumes_with_it(make_pilot, platform):
    story = fixture_story()
    seeds = set()
    for _ in range(3):
        pilot = make_pilot([story], seed=None)
        scene = _to_first_decision(pilot, story)
        seeds.add(pilot.app.playthrough.run.seed)
        shown = [v.id for v in scene.views]
        saved = json.loads(platform.load(f"run-{story.id}"))
        assert saved["seed"] == pilot.app.playthrough.run.seed and saved["option_order"] == "seeded"
        # Resumed in a new window, the same playthrough shows the same order.
        again = make_pilot([story], seed=None)
        again.click("Resume")
        for _ in range(10):
            if again.scene.name == "decision":
                break
            again.press(pygame.K_SPACE)
        assert again.app.playthrough.run.seed == saved["seed"]
        assert [v.id for v in again.scene.views] == shown
        platform.delete(f"run-{story.id}")
    assert len(seeds) > 1  # a fresh seed each time (31 random bits)


def test_the_debrief_numbers_the_room_votes_as_the_room_saw_the_options(make_pilot):
    story = fixture_story()
    pilot = make_pilot([story], seed=_seed_whose_order_differs(story), mode="facilitated")
    open_story(pilot, story)
    play_to_debrief(pilot, ["explain-simply", "record-once"])
    debrief = pilot.scene
    rec = debrief.run.history[0]
    assert rec.votes and rec.order != sorted(rec.order, key=[c["id"] for c in story.nodes[rec.node]["choices"]].index)
    line = debrief.chosen_line(rec)
    expected = ", ".join(f"{i}: {rec.votes[cid]}" for i, cid in enumerate(rec.order, 1) if cid in rec.votes)
    assert f"room votes: {expected})" in line and f"option {rec.order.index(rec.chosen) + 1} as shown" in line
