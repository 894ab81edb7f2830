"""The projector's vote screen (issue 15): counts hidden while the room votes, shown when the
facilitator reveals them (R, or the badge); then the leading option is marked, not the last one
voted for; a vote by number leaves the focus where it was. Through the real UI."""

from __future__ import annotations

import pygame

from tests.ui.driving import open_story
from tests.ui.stories import fixture_story


def to_vote(make_pilot):
    story = fixture_story()
    pilot = make_pilot([story], mode="facilitated")
    open_story(pilot, story)
    while pilot.scene.name != "decision":
        pilot.press(pygame.K_SPACE)
    return pilot, pilot.scene


def ring_pixel(pilot, scene, view):
    button = scene.group.widgets[scene.views.index(view)].rect
    box = next(b for v, b in scene._vote_boxes() if v is view)
    ring = button.union(box).inflate(10, 10)
    return tuple(pilot.app.surface.get_at((ring.left + 2, ring.top + 14)))[:3]  # its left edge, in view


def test_counts_hidden_until_revealed_then_the_leader_is_marked(make_pilot):
    pilot, scene = to_vote(make_pilot)
    enabled = [v for v in scene.views if v.enabled]
    first, second = enabled[0], enabled[1]
    focus = scene.group.focus
    for n in (first.index, first.index, second.index):  # two for the first, then one for the second
        pilot.press(getattr(pygame, f"K_{n}"))
    assert scene.votes[first.id] == 2 and scene.votes[second.id] == 1
    assert scene.group.focus == focus  # not moved to the option last voted for

    model = pilot.app.a11y_model
    assert "3 votes cast · R: show the votes" in model["text"]
    assert not any(t.startswith("Option ") for t in model["text"])  # no count is told before the reveal
    assert scene.play_button.label == "Play the room's choice"  # nor which option leads
    good = pilot.app.theme.good
    assert ring_pixel(pilot, scene, first) != good

    pilot.press(pygame.K_r)
    assert scene.revealed
    assert scene.play_button.label == f"Play the room's choice: option {first.index}"
    model = pilot.app.a11y_model
    assert f"Option {first.index}: 2 votes" in model["text"] and f"Option {second.index}: 1 vote" in model["text"]
    assert ring_pixel(pilot, scene, first) == good  # the leader, though the last vote went to another
    assert ring_pixel(pilot, scene, second) != good

    # The badge hides them again, by pointer.
    pilot.click(scene.reveal_rect.center)
    assert not scene.revealed


def test_the_reveal_is_a_button_in_the_screen_reader_layer(make_pilot, platform):
    pilot, scene = to_vote(make_pilot)
    pilot.press(pygame.K_1)
    platform.press_action(pilot.app.a11y_model["id"], "reveal")
    pilot.step()
    assert scene.revealed
