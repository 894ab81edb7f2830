"""Facilitated mode's room controls through the real UI, headless (issues 18 and 15): the discussion
questions while the room votes and the points for after the reveal beside the split; a typed vote
taken back (U), never a phone's; the facilitator overrules the room and says why, and the record and
its xAPI keep the room's choice, the option played and the reason."""

from __future__ import annotations

import copy

import pygame

from game.engine import Story
from game.exports import statements
from game.exports.xapi import EXT
from game.platform.desktop import DesktopPlatform
from game.ui.app import App, AppOptions
from game.ui.exporting import record_for
from game.ui.playthrough import Playthrough
from game.ui.saves import read_save
from tests.ui.driving import open_story
from tests.ui.pilot import Pilot
from tests.ui.stories import _finish, fixture_story

BEFORE = "What does Lena need to know before anything else?"
AFTER = "Plain words first: Art. 3(2) asks for them from the first contact."
REASON = "We test the other path on purpose: the room sees what a rushed start costs."


def story_with_points() -> Story:
    data = copy.deepcopy(fixture_story().data)
    data["nodes"]["how-to-start"]["discuss"] = {"before": [BEFORE], "after": [AFTER]}
    return Story(_finish(data), source="tests/ui/test_room_facilitator.py")


def start(tmp_path, story):
    app = App([story], AppOptions(reduce_motion=True, seed=0, mode="facilitated"), DesktopPlatform(tmp_path / "d"))
    pilot = Pilot(app)
    open_story(pilot, story)
    while pilot.scene.name != "decision":
        pilot.press(pygame.K_SPACE)
    return app, pilot


def text(app) -> list[str]:
    return app.a11y_model["text"]


def test_points_for_after_the_reveal_undo_and_an_overrule_kept_in_the_record(tmp_path):
    story = story_with_points()
    app, pilot = start(tmp_path, story)
    try:
        scene = pilot.scene
        enabled = [v for v in scene.views if v.enabled]
        first, second = enabled[0], enabled[1]
        assert any(BEFORE in t for t in text(app)) and not any(AFTER in t for t in text(app))

        for view in (first, first, first, second, second):
            pilot.press(getattr(pygame, f"K_{view.index}"))
        pilot.press(pygame.K_u)  # the last typed vote taken back
        assert scene.votes[first.id] == 3 and scene.votes[second.id] == 1
        scene.phone_votes = {second.id: 1}  # as the room link marks them: one of those is a phone's
        pilot.press(getattr(pygame, f"K_{second.index}"), mod=pygame.KMOD_SHIFT)
        assert scene.votes[second.id] == 1  # a phone's vote is not removed by hand
        scene.phone_votes = {}

        pilot.press(pygame.K_r)
        assert any(AFTER in t for t in text(app)) and not any(BEFORE in t for t in text(app))
        assert f"Option {first.index}: 3 votes" in text(app)

        pilot.press(pygame.K_o)
        assert pilot.scene.name == "overrule"
        assert f"The room chose option {first.index}" in pilot.scene.message()
        assert pilot.scene.group.focused is pilot.scene.group.widgets[1]  # the reason (the other option is picked)
        pilot.press(pygame.K_TAB)
        pilot.press(pygame.K_RETURN)  # "Play this option instead" without a reason: refused, with why
        assert pilot.scene.name == "overrule" and pilot.scene.problem.startswith("Say why first")
        pilot.type(REASON)
        pilot.press(pygame.K_TAB)
        pilot.press(pygame.K_RETURN)
        played = app.playthrough.run.history[-1]
        assert played.chosen == second.id and played.votes[first.id] == 3
        assert pilot.scene.name == "feedback"  # the room sees what it chose, what was played, and why
        assert f"The room chose: {first.text}\nThe facilitator played this instead: {REASON}" in text(app)
        record = record_for(app.playthrough)
        assert record["decisions"][0]["overrule"] == {"room_choice": first.id, "reason": REASON}
        answered = [s for s in statements(record) if s["verb"]["id"].endswith("/answered")]
        assert answered[0]["result"]["extensions"][EXT + "overrule"]["reason"] == REASON
        # Kept with the autosave: a room resumed after a crash still exports the overrule.
        info = read_save(app.platform, story, app.save_prefix)
        again = Playthrough.resumed(app, info)
        assert again.overrules == {1: {"room_choice": first.id, "reason": REASON}}
        info.meta["overrules"] = {"1": {"room_choice": second.id, "reason": REASON}, "9": {}, "x": 3}
        assert Playthrough.resumed(app, info).overrules == {}  # a tampered save's do not fit: dropped
    finally:
        pygame.quit()


def test_going_back_from_the_overrule_plays_nothing(tmp_path):
    app, pilot = start(tmp_path, story_with_points())
    try:
        scene = pilot.scene
        first = next(v for v in scene.views if v.enabled)
        pilot.press(pygame.K_o)
        assert pilot.scene is scene  # nothing to overrule before the reveal
        pilot.press(getattr(pygame, f"K_{first.index}"))
        pilot.press(pygame.K_r)
        pilot.press(pygame.K_o)
        assert pilot.scene.name == "overrule"
        pilot.press(pygame.K_ESCAPE)
        assert pilot.scene is scene and app.playthrough.run.history == []
        focus = scene.play_button
        pilot.click(focus.rect.center)
        record = record_for(app.playthrough)
        assert "overrule" not in record["decisions"][0]
    finally:
        pygame.quit()


def test_a_count_typed_in_one_go_replaces_the_options_typed_votes_not_the_phones(tmp_path):
    app, pilot = start(tmp_path, story_with_points())
    try:
        scene = pilot.scene
        first, second = [v for v in scene.views if v.enabled][:2]
        pilot.press(getattr(pygame, f"K_{second.index}"))
        scene.votes[first.id] += 2  # two phones' votes, as the room link adds them
        scene.phone_votes = {first.id: 2}
        scene.group.focus = scene.views.index(first)
        pilot.press(pygame.K_c)
        assert pilot.scene.name == "count" and "Phones' votes for it: 2" in pilot.scene.message()
        pilot.type("1x2")  # only digits are taken; the C that opened it is not
        pilot.press(pygame.K_RETURN)
        assert pilot.scene is scene and scene.votes[first.id] == 2 + 12 and scene.votes[second.id] == 1
        pilot.press(pygame.K_u)
        assert scene.votes[first.id] == 13  # U takes back one of the twelve
        pilot.press(pygame.K_c)
        pilot.press(pygame.K_BACKSPACE)
        pilot.press(pygame.K_BACKSPACE)
        pilot.press(pygame.K_RETURN)
        assert pilot.scene.name == "count" and pilot.scene.problem.startswith("Type a number")
        pilot.press(pygame.K_ESCAPE)
        assert pilot.scene is scene and scene.votes[first.id] == 13
    finally:
        pygame.quit()

