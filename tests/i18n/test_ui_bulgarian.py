"""The whole game in Bulgarian through the real UI, headless: the interface catalogue that
'i18n compile' wrote (assets/locale/bg.json) is installed for language "bg", the autopilot plays the
Bulgarian tutorial from the title screen to the debrief at text sizes 1 and 3, the score equals the
English one for the same choices, and the text the UI rasterised is the Bulgarian interface."""

from __future__ import annotations

import os

import pytest

from tests.i18n.conftest import ROOT
from tests.ui.conftest import make_pilot, platform  # noqa: F401  (fixtures: a real App and Pilot)
from tests.ui.driving import engine_score

MAX_FRAMES = 20000
# English interface strings every playthrough draws; in Bulgarian none of them may appear.
ENGLISH = ["Start a training", "Settings", "Before you start", "Continue", "Choose a scenario", "Start",
           "The rights at stake", "Why", "Main menu", "First contact", "Police interview", "Rights in this playthrough"]


@pytest.fixture(scope="module")
def stories():
    from tests.support.stories import load_story_from_yaml
    from game.engine import Story
    from game.i18n.build import compile_translation

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        bulgarian = Story(compile_translation(ROOT / "scenarios/tutorial.yaml", "bg")[0], verify_hash=True)
    finally:
        os.chdir(here)
    return {"bg": bulgarian, "en": load_story_from_yaml(ROOT / "scenarios/tutorial.yaml")}


def play_collecting_text(app, story, choices) -> set[str]:
    """Drive the app with the autopilot from where it is to the end; every text it rasterised."""
    from game.ui.autopilot import Autopilot

    app.driver = Autopilot(app, story, choices)
    drawn: set[str] = set()
    for _ in range(MAX_FRAMES):
        if not app.running:
            break
        app.step()
        drawn.update(key[0] for key in app.fonts._text)
    assert not app.running, "the autopilot did not finish"
    return drawn


@pytest.mark.parametrize("text_size", [1, 3])
def test_bulgarian_playthrough_scores_as_english_and_draws_bulgarian(make_pilot, stories, text_size):  # noqa: F811
    from game.engine import auto_choices, l10n

    story = stories["bg"]
    choices = auto_choices(stories["en"], 1)
    pilot = make_pilot([story], language="bg", text_size=text_size)
    app = pilot.app
    try:
        assert app.translations.language == "bg" and app.translations.problem is None
        drawn = play_collecting_text(app, story, choices)
    finally:
        l10n.install(l10n.Translations())
    assert app.error is None
    assert app.result == engine_score(stories["en"], choices)
    bg = l10n.load("bg", [ROOT / "assets" / "locale"])
    for english in ENGLISH:
        assert english not in drawn, f"{english!r} was drawn in English"
    expected = ["Start a training", "Settings", "Continue", "Choose a scenario", "The rights at stake", "Main menu",
                "First contact"]
    for english in expected:
        assert bg.gettext(english) in drawn, f"{bg.gettext(english)!r} ({english}) was not drawn"
    role = bg.gettext("You act as: {role}").format(role=bg.gettext("Police officer"))
    assert role == "Вашата роля: Полицейски служител" and role in drawn
    assert any(text.startswith("Обобщение – ") for text in drawn), "no Bulgarian debrief heading"
