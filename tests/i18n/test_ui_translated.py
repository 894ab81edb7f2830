"""The translated tutorial through the real UI, headless: Bulgarian and the pseudo-locale reach the
debrief with exactly the score the English story gives for the same choices, at text sizes 1 and 3."""

from __future__ import annotations

import os

import pytest

from tests.ui.conftest import make_pilot, platform  # noqa: F401  (fixtures: a real App and Pilot)
from tests.ui.driving import engine_score, open_story, play_to_debrief
from tests.i18n.conftest import ROOT


@pytest.fixture(scope="module")
def stories():
    from tests.support.stories import load_story_from_yaml
    from game.engine import Story
    from game.i18n.build import compile_translation

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        translated = {lang: Story(compile_translation(ROOT / "scenarios/tutorial.yaml", lang)[0], verify_hash=True)
                      for lang in ("bg", "en-XA")}
    finally:
        os.chdir(here)
    translated["en"] = load_story_from_yaml(ROOT / "scenarios/tutorial.yaml")
    return translated


@pytest.mark.parametrize("lang", ["bg", "en-XA"])
@pytest.mark.parametrize("text_size", [1, 3])
def test_translated_tutorial_plays_to_the_debrief_with_the_english_score(make_pilot, stories, lang, text_size, tmp_path):  # noqa: F811
    from game.engine import auto_choices, l10n

    story = stories[lang]
    choices = auto_choices(stories["en"], text_size)
    pilot = make_pilot([story], language=lang, text_size=text_size, screenshots_dir=str(tmp_path))
    try:
        assert pilot.app.translations.problem is None  # the interface is in that language too
        open_story(pilot, story)
        play_to_debrief(pilot, choices)
    finally:
        l10n.install(l10n.Translations())
    assert pilot.scene.card == engine_score(stories["en"], choices)
    shots = sorted(p.name for p in tmp_path.glob("*.png"))
    assert any("decision-greet" in name for name in shots) and shots[-1].endswith("debrief-summary.png")
