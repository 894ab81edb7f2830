"""Interface strings go through the installed catalogue when drawn; controls keep stable keys, so
keyboard, pointer and the autopilot work the same in any language."""

from __future__ import annotations

import re

import pygame

from game.engine import auto_choices, l10n
from tests.ui.driving import engine_score
from tests.ui.stories import fixture_story


def pseudo(english: str) -> str:
    """A visibly different 'translation' that keeps {placeholders} intact."""
    parts = re.split(r"(\{[a-z_]+\})", english)
    return "⟦" + "".join(p if p.startswith("{") else p.upper() for p in parts) + "⟧"


STRINGS = ["Start a training", "Continue", "Settings", "Choose a scenario", "Recommended choice", "Not recommended",
           "You act as: {role}", "Debrief — {title}", "Content note: {title}", "Start", "Passed", "Not passed yet",
           "Export results", "Play again", "Main menu", "Your decisions", "Why", "The rights at stake",
           "Police officer", "First contact"]


def test_translated_interface_is_drawn_and_still_playable(make_pilot):
    from game.ui.autopilot import Autopilot

    story = fixture_story()
    pilot = make_pilot([story])
    app = pilot.app
    catalogue = l10n.Translations("xx", {s: pseudo(s) for s in STRINGS})
    try:
        l10n.install(catalogue)
        app.translations = catalogue
        app.prefs.language = "xx"
        app.fonts._text.clear()  # forget what the English first frame rendered
        app.mark_dirty()
        pilot.step()
        rendered = {key[0] for key in app.fonts._text}
        assert pseudo("Start a training") in rendered and "Start a training" not in rendered
        choices = ["explain-simply", "record-once"]
        app.driver = Autopilot(app, story, choices)
        for _ in range(5000):
            if not app.running:
                break
            app.step()
        assert app.error is None and app.result == engine_score(story, choices)
        rendered = {key[0] for key in app.fonts._text}
        assert pseudo("Debrief — {title}").replace("{title}", story.title) in rendered
        assert pseudo("You act as: {role}").replace("{role}", pseudo("Police officer")) in rendered
    finally:
        l10n.install(l10n.Translations())
    assert auto_choices(story, 0)


def test_a_missing_catalogue_leaves_english(make_pilot):
    pilot = make_pilot([fixture_story()], language="zz")
    assert pilot.app.translations.problem
    rendered = {key[0] for key in pilot.app.fonts._text}
    assert "Start a training" in rendered
    pilot.press(pygame.K_RETURN)
    assert pilot.scene.name == "setup"
