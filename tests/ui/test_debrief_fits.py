"""The debrief's summary keeps inside its panel at every text size and in Bulgarian (issue 15): the
verdict beside the score moves below it when it does not fit, the legend wraps, and each right's bar
segments shrink in proportion instead of running past the edge (at Largest they were cut off: the
"missed" legend word, the last segment and its count, "Още не е преминато"). Checked on the summary
the real debrief lays out after a real playthrough, painted with room to spare beyond its width."""

from __future__ import annotations

import pygame
import pytest

from tests.ui.driving import open_story
from tests.ui.stories import SCENARIOS, compiled

SPARE = 400  # px of canvas beyond the summary's width, where nothing may be drawn


def to_debrief(pilot, story):
    """Play to the ending through the real UI: each decision's first option as shown, each individual
    assessment submitted as it stands."""
    open_story(pilot, story)
    for _ in range(4000):
        scene = pilot.scene
        if scene.name == "debrief":
            return scene
        if scene.name == "decision":
            view = next(v for v in scene.views if v.enabled)
            pilot.press(getattr(pygame, f"K_{view.index}"))
        elif scene.name == "assessment":
            submit = scene.submit_button
            for _ in range(len(scene.group.widgets) + 1):
                if scene.group.focused is submit:
                    break
                pilot.press(pygame.K_TAB)
            pilot.press(pygame.K_RETURN)
            if pilot.scene.name == "assessment":  # the confirmation, where there is one
                pilot.press(pygame.K_RETURN)
        else:
            pilot.press(pygame.K_SPACE)
    raise AssertionError(f"no debrief; stuck at {pilot.screen}")


@pytest.mark.parametrize("size", [1, 2, 3])
@pytest.mark.parametrize("language", ["en", "bg"])
def test_the_summary_stays_inside_its_panel(make_pilot, size, language):
    story = compiled(str(SCENARIOS / "mira.yaml"))
    pilot = make_pilot([story], text_size=size, language=language)
    scene = to_debrief(pilot, story)
    width = scene.view.viewport.w
    # The summary is laid out for ``width`` as the screen does; it is painted here on a canvas with room
    # to spare at the right, so whatever the layout puts past ``width`` (which the screen cuts off) shows.
    made = scene._canvas
    scene._canvas = lambda w, h: made(w + SPARE, h)
    surf, bottom = scene._paint_summary(width, 8000)
    assert bottom <= surf.get_height()
    panel = tuple(pilot.app.theme.panel)[:3]
    stray = [(x, y) for x in range(width + 1, width + SPARE, 2) for y in range(0, bottom, 2)
             if tuple(surf.get_at((x, y)))[:3] != panel]
    assert not stray, f"text size {size}, {language}: drawn past the panel's edge at {stray[:3]} (cut off on screen)"
