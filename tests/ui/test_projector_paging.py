"""The projector pages its options (issue 15): in facilitated mode, when a decision's prompt and
options do not fit 1280x720 at the room's text size, Page Down brings the first option not wholly in
view to the top, so each page shows whole options, and Page Up goes back the same way; the Menu
button scrolls with the panel's header instead of covering the options scrolled under it. Through
the real UI, headless, on Mira's third decision (three long options)."""

from __future__ import annotations

import pygame
import pytest

from tests.ui.driving import open_story
from tests.ui.stories import SCENARIOS, compiled


def to_decision(pilot, story, number):
    open_story(pilot, story)
    seen = 0
    for _ in range(2000):
        scene = pilot.scene
        if scene.name == "decision":
            seen += 1
            if seen == number:
                return scene
            view = next(v for v in scene.views if v.enabled)
            pilot.press(getattr(pygame, f"K_{view.index}"))
            pilot.click(scene.play_button.rect.center)
        else:
            pilot.press(pygame.K_SPACE)
    raise AssertionError("decision not reached")


def visible(scene, rect) -> bool:
    vp = scene.viewport()
    return rect.top >= vp.top and rect.bottom <= vp.bottom


@pytest.mark.parametrize("size", [1, 3])
def test_page_down_shows_whole_options_and_the_menu_never_covers_one(make_pilot, size):
    story = compiled(str(SCENARIOS / "mira.yaml"))
    pilot = make_pilot([story], mode="facilitated", text_size=size)
    scene = to_decision(pilot, story, 3)
    assert scene.max_scroll > 0  # the room's text size does not fit: it pages
    vp = scene.viewport()
    offsets = [scene.scroll]
    for _ in range(20):
        pilot.press(pygame.K_PAGEDOWN)
        if scene.scroll == offsets[-1]:
            break
        offsets.append(scene.scroll)
        menu = scene.menu.widgets[0].rect
        for b in scene.buttons:
            if b.rect.colliderect(vp):
                assert not (menu.colliderect(b.rect) and menu.colliderect(vp)), "the Menu button covers an option"
        if scene.scroll < scene.max_scroll:
            # a page begins with an option's top just inside the view, and that option is wholly in view
            # unless it is taller than the view
            first = next(b for b in scene.buttons if b.rect.bottom > vp.top + 10)  # not the last px of the one above
            assert first.rect.top >= vp.top, f"page at {scene.scroll} begins inside an option"
            assert visible(scene, first.rect) or first.rect.h > vp.h - 16
    assert offsets[-1] == scene.max_scroll and len(offsets) >= 2
    for _ in range(20):  # back up, a page at a time: nothing skipped, pages again begin with an option
        before = scene.scroll
        pilot.press(pygame.K_PAGEUP)
        assert before - vp.h <= scene.scroll < before
        if not scene.scroll:
            break
        first = next(b for b in scene.buttons if b.rect.bottom > vp.top + 10)
        assert first.rect.top >= vp.top or first.rect.h > vp.h - 16, f"page at {scene.scroll} begins inside an option"
    assert scene.scroll == 0
    assert scene.menu.widgets[0].rect.colliderect(vp)  # back at the top: the Menu button is there
