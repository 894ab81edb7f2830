"""Safe answers (issue 15): in assessment mode a graded answer is chosen, then confirmed (WCAG
3.3.4), with a setting to switch that off; the single-key shortcuts can be switched off (WCAG
2.1.4). Through the real UI, keys and pointer."""

from __future__ import annotations

import pygame

from tests.ui.driving import focus_and_enter, open_story
from tests.ui.stories import fixture_story


def to_decision(pilot, story):
    open_story(pilot, story)
    for _ in range(20):
        if pilot.scene.name == "decision":
            return pilot.scene
        pilot.press(pygame.K_SPACE)
    raise AssertionError(pilot.screen)


def enabled_index(scene, skip=()):
    return next(i for i, v in enumerate(scene.views) if v.enabled and i not in skip)


def test_assessment_answer_is_chosen_then_confirmed(make_pilot, platform):
    story = fixture_story()
    pilot = make_pilot([story], mode="assessment")
    scene = to_decision(pilot, story)
    first = enabled_index(scene)
    pilot.press(getattr(pygame, f"K_{first + 1}"))
    assert pilot.scene.name == "confirm-answer", pilot.screen
    assert scene.run.history == [] and platform.load(f"headless-run-{story.id}") is None
    assert scene.views[first].text in pilot.scene.message
    # Esc goes back with nothing recorded; so does "Choose again".
    pilot.press(pygame.K_ESCAPE)
    assert pilot.scene is scene and scene.run.history == []
    pilot.press(getattr(pygame, f"K_{first + 1}"))
    pilot.click("Choose again")
    assert pilot.scene is scene and scene.run.history == []
    # Another option, confirmed with Enter (the focus is on "Submit this answer").
    other = enabled_index(scene, skip=(first,)) if sum(v.enabled for v in scene.views) > 1 else first
    pilot.press(getattr(pygame, f"K_{other + 1}"))
    assert pilot.scene.name == "confirm-answer"
    pilot.press(pygame.K_RETURN)
    assert [r.chosen for r in scene.run.history] == [scene.views[other].id]
    assert pilot.scene is not scene


def test_confirmation_by_pointer_and_the_setting_that_turns_it_off(make_pilot):
    story = fixture_story()
    pilot = make_pilot([story], mode="assessment")
    scene = to_decision(pilot, story)
    button = scene.group.widgets[enabled_index(scene)]
    pilot.tap(button)
    assert pilot.scene.name == "confirm-answer"
    pilot.tap("Submit this answer")
    assert len(scene.run.history) == 1

    pilot = make_pilot([story], mode="assessment")
    focus_and_enter(pilot, "Settings")
    setting = pilot.widget("Confirm answers")
    assert setting.value is True  # the documented default
    pilot.click(setting)
    assert pilot.app.prefs.confirm_answers is False
    pilot.press(pygame.K_ESCAPE)
    scene = to_decision(pilot, story)
    pilot.press(getattr(pygame, f"K_{enabled_index(scene) + 1}"))
    assert len(scene.run.history) == 1  # one key, as before, when the player asked for it


def test_learning_mode_needs_no_confirmation(make_pilot):
    story = fixture_story()
    pilot = make_pilot([story])
    scene = to_decision(pilot, story)
    pilot.press(getattr(pygame, f"K_{enabled_index(scene) + 1}"))
    assert len(scene.run.history) == 1 and pilot.scene.name == "feedback"


def test_single_key_shortcuts_can_be_switched_off(make_pilot):
    story = fixture_story()
    pilot = make_pilot([story])
    focus_and_enter(pilot, "Settings")
    setting = pilot.widget("Shortcut keys")
    assert setting.value is True
    for _ in range(10):
        if pilot.scene.group.focused is setting:
            break
        pilot.press(pygame.K_DOWN)
    pilot.press(pygame.K_RIGHT)  # Off, by keys
    assert pilot.app.prefs.shortcuts is False
    pilot.press(pygame.K_ESCAPE)
    scene = to_decision(pilot, story)
    for n in range(1, 10):
        pilot.press(getattr(pygame, f"K_{n}"))
    assert scene.run.history == [] and pilot.scene is scene  # no digit chose anything
    # Arrows and Enter still choose.
    target = enabled_index(scene)
    while scene.group.focus != target:
        pilot.press(pygame.K_DOWN)
    pilot.press(pygame.K_RETURN)
    assert [r.chosen for r in scene.run.history] == [scene.views[target].id]
