"""Touch scrolling (issue 15): a swipe on the text and a tap or drag on the scroll bar move the
feedback and the debrief, through SDL's finger events and the real UI; a swipe is never a tap."""

from __future__ import annotations

import pygame

from game.engine import auto_choices
from tests.ui.driving import open_story, play_to_debrief
from tests.ui.stories import SCENARIOS, compiled


def finger(kind, pos, size=(1280, 720)):
    pygame.event.post(pygame.event.Event(kind, touch_id=1, finger_id=0, x=pos[0] / size[0], y=pos[1] / size[1],
                                         dx=0.0, dy=0.0, pressure=1.0))


def swipe(pilot, start, end, steps=6):
    finger(pygame.FINGERDOWN, start)
    pilot.step()
    for i in range(1, steps + 1):
        finger(pygame.FINGERMOTION, (start[0] + (end[0] - start[0]) * i // steps,
                                     start[1] + (end[1] - start[1]) * i // steps))
        pilot.step()
    finger(pygame.FINGERUP, end)
    pilot.step()


def tap(pilot, pos):
    finger(pygame.FINGERDOWN, pos)
    finger(pygame.FINGERUP, pos)
    pilot.step()


def to_feedback(pilot, story):
    open_story(pilot, story)
    for _ in range(80):
        if pilot.scene.name == "decision":
            break
        pilot.press(pygame.K_SPACE)
    pilot.press(pygame.K_1)
    assert pilot.scene.name == "feedback"


def test_a_swipe_and_the_scroll_bar_scroll_the_feedback(make_pilot):
    story = compiled(str(SCENARIOS / "tutorial.yaml"))
    pilot = make_pilot([story], text_size=3)
    to_feedback(pilot, story)
    scene = pilot.scene
    view = scene.view
    assert view.scrollable and view.offset == 0
    middle = view.viewport.center
    swipe(pilot, (middle[0], middle[1] + 100), (middle[0], middle[1] - 200))  # finger moves up 300 px
    assert pilot.scene is scene, "a swipe on the text must not press Continue"
    assert view.offset == min(300, view.max_offset)
    swipe(pilot, (middle[0], middle[1] - 200), (middle[0], middle[1] + 100))
    assert view.offset == 0
    # A tap on the scroll bar's lower end jumps there; a drag on it follows the finger.
    bar_x = view.viewport.right + 9
    tap(pilot, (bar_x, view.viewport.bottom - 2))
    assert view.offset == view.max_offset
    swipe(pilot, (bar_x, view.viewport.bottom - 2), (bar_x, view.viewport.y))
    assert view.offset == 0
    # A plain tap on Continue still continues.
    tap(pilot, scene.group.widgets[0].rect.center)
    assert pilot.scene is not scene


def test_a_swipe_scrolls_the_debrief(make_pilot):
    story = compiled(str(SCENARIOS / "tutorial.yaml"))
    pilot = make_pilot([story], text_size=3)
    open_story(pilot, story)
    play_to_debrief(pilot, auto_choices(story, 1))
    view = pilot.scene.view
    assert view.scrollable
    c = view.viewport.center
    swipe(pilot, (c[0], c[1] + 150), (c[0], c[1] - 150))
    assert view.offset == min(300, view.max_offset) and pilot.scene.name == "debrief"
    pilot.press(pygame.K_RETURN)  # the decisions tab: pieces painted as they come into view
    view = pilot.scene.view
    assert view.scrollable
    swipe(pilot, (c[0], c[1] + 150), (c[0], c[1] - 150))
    assert view.offset == min(300, view.max_offset)
    tap(pilot, (view.viewport.right + 9, view.viewport.bottom - 2))
    assert view.offset == view.max_offset
