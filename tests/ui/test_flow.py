"""The one-way play flow (issue 17): screens call the playthrough, game.ui.flow picks the next screen,
the score is computed once when the run ends and kept on the playthrough, a decision's seconds count
from the moment its screen opens, and asking whether a screen animates changes nothing."""

from __future__ import annotations

import pygame

from game.ui import flow
from game.ui.exporting import record_for
from game.ui.playthrough import Playthrough
from game.ui.screens.debrief import DebriefScene
from game.ui.screens.decision import DecisionScene
from game.ui.screens.story import StoryScene
from tests.ui.driving import open_story, play_to_debrief
from tests.ui.stories import fixture_story

CHOICES = ["explain-simply", "record-once"]


def test_the_flow_maps_each_kind_of_node_to_its_screen():
    assert flow.SCREENS["scene"] is StoryScene and flow.SCREENS["decision"] is DecisionScene


def test_the_score_is_computed_once_and_read_by_the_debrief_the_app_and_the_export(make_pilot):
    story = fixture_story()
    pilot = make_pilot([story])
    open_story(pilot, story)
    playthrough = pilot.app.playthrough
    assert playthrough.card is None  # not before the ending
    play_to_debrief(pilot, CHOICES)
    debrief = pilot.scene
    assert isinstance(debrief, DebriefScene)
    card = playthrough.card
    assert card is not None and card == playthrough.run.score()
    assert debrief.card is card and pilot.app.result is card
    record = record_for(playthrough)
    assert record["score"]["scaled"] == card.scaled and record["score"]["passed"] == card.passed
    # Going back to the menu and resuming the finished playthrough shows the same score again.
    pilot.click("Main menu")
    assert pilot.scene.name == "title" and pilot.app.playthrough is None
    pilot.click("See the debrief")
    assert pilot.scene.name == "debrief" and pilot.app.playthrough.card == card
    # Play again: a new run has no score until it ends.
    pilot.click("Play again")
    assert pilot.app.playthrough.card is None and pilot.scene.name in ("story", "decision")


def test_a_decisions_seconds_count_from_when_its_screen_opened(make_pilot):
    story = fixture_story()
    pilot = make_pilot([story])
    open_story(pilot, story)
    pilot.advance(5.0)  # reading the story screen does not count
    while pilot.scene.name == "story":
        pilot.press(pygame.K_SPACE)
    assert pilot.scene.name == "decision"
    pilot.advance(2.0)
    view = next(v for v in pilot.scene.views if v.enabled)
    pilot.press(getattr(pygame, f"K_{view.index}"))
    seconds = pilot.app.playthrough.run.history[-1].seconds
    assert 2.0 <= seconds <= 2.2, seconds


def test_asking_whether_the_loading_screen_animates_makes_no_picture(make_pilot):
    """``animating`` is a question: the loading screen's pictures are made by ``update()`` in the
    loop, never by being asked (the autopilot and the screenshots ask every frame)."""
    story = fixture_story()
    pilot = make_pilot([story])  # a new App: its picture cache is empty at the title
    app = pilot.app
    app.playthrough = Playthrough(app, story)
    app.playthrough.begin()
    loading = app.scenes.top
    assert loading.name == "loading"
    made = loading.done
    for _ in range(50):
        assert loading.animating in (True, False)
    assert loading.done == made and app.scenes.top is loading
    for _ in range(1000):  # the loop's update() makes them, then shows the story's first screen
        if app.scenes.top is not loading:
            break
        app.step()
    assert app.scenes.top.name in ("story", "decision") and not loading.animating
