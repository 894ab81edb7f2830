"""A facilitator's link presets the setup and, with a scenario id, opens that scenario's content note
right after setup; an unknown id gets a gentle message and the selection screen."""

from __future__ import annotations

import pygame
import pytest

from game.platform.desktop import DesktopPlatform
from game.ui.app import App, AppOptions
from tests.ui.pilot import Pilot
from tests.ui.stories import bundled_stories, fixture_story


@pytest.fixture
def link_pilot(tmp_path):
    made = []

    def make(stories, params, **opts):
        platform = DesktopPlatform(data_dir=tmp_path / f"d{len(made)}", params=params)
        pilot = Pilot(App(stories, AppOptions(reduce_motion=True, **opts), platform))
        made.append(pilot)
        return pilot

    yield make
    pygame.quit()


def test_link_presets_setup_and_opens_the_scenarios_content_note(link_pilot):
    stories = bundled_stories()
    target = stories[-1]  # not the first card: the link, not the default, decides
    pilot = link_pilot(stories, {"scenario": target.id, "mode": "facilitated", "session": "ROOM-3",
                                 "trainee": "P-17", "lang": "en"})
    prefs = pilot.app.prefs
    assert (prefs.mode, prefs.session, prefs.trainee, prefs.language) == ("facilitated", "ROOM-3", "P-17", "en")
    pilot.click("Start a training")
    assert pilot.scene.name == "setup"
    pilot.click("Continue")
    assert pilot.scene.name == "content-note", pilot.screen
    assert target.title in pilot.scene.title
    pilot.press(pygame.K_RETURN)
    pilot.settle()
    assert pilot.scene.name in ("story", "decision"), pilot.screen
    assert pilot.app.playthrough.story is target and pilot.app.playthrough.mode == "facilitated"


def test_back_from_the_preset_content_note_shows_the_selection(link_pilot):
    stories = bundled_stories()
    pilot = link_pilot(stories, {"scenario": stories[0].id})
    pilot.click("Start a training")
    pilot.click("Continue")
    assert pilot.scene.name == "content-note"
    pilot.click("Back")
    assert pilot.scene.name == "select"
    pilot.press(pygame.K_ESCAPE)  # back to setup and forward again: the link is used once
    pilot.click("Continue")
    assert pilot.scene.name == "select"


def test_unknown_scenario_gets_a_message_and_the_selection(link_pilot):
    pilot = link_pilot([fixture_story()], {"scenario": "no-such-case"})
    pilot.click("Start a training")
    pilot.click("Continue")
    assert pilot.scene.name == "unknown-scenario"
    assert "no-such-case" in pilot.scene.message
    pilot.press(pygame.K_RETURN)
    assert pilot.scene.name == "select"


def test_scenario_option_does_the_same_as_the_link(link_pilot):
    story = fixture_story()
    pilot = link_pilot([story], {}, scenario="fixture")
    pilot.click("Start a training")
    pilot.click("Continue")
    assert pilot.scene.name == "content-note"
