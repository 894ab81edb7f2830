"""Stories in several languages: one card per scenario in the chosen language, and one save per
scenario and language (a translation has its own content hash, so saves must never meet)."""

from __future__ import annotations

from functools import lru_cache

import pygame

from game.engine import Run, Story
from game.engine.l10n import story_language
from tests.ui.driving import engine_score, focus_and_enter, play_to_debrief
from tests.ui.stories import SCENARIOS, bundled_stories


@lru_cache(maxsize=None)
def translated() -> tuple:
    from game.i18n.build import translated_stories

    return tuple(Story.from_json(data, source=name) for name, data in sorted(translated_stories(SCENARIOS).items()))


def test_language_choice_picks_the_translated_cards_and_keeps_saves_apart(make_pilot, platform):
    english = bundled_stories()
    others = list(translated())
    assert others, "no translated story to test with"
    lang = story_language(others[0])
    pilot = make_pilot(english + others)
    pilot.click("Start a training")
    language = pilot.widget("Language")
    names = [label for _, label in language.options]
    assert names[0] == "English" and len(names) >= 2
    pilot.click(language)  # the next language
    assert pilot.app.prefs.language == lang
    focus_and_enter(pilot, "Continue")
    cards = []  # every page of cards (a page holds a few; Page Down shows the next)
    for _ in range(len(english)):
        page = [w.story for w in pilot.scene.group.widgets]
        if cards and page[0].id == cards[0].id:
            break
        cards += page
        pilot.press(pygame.K_PAGEDOWN)
    assert len({s.id for s in cards}) == len(cards) == len({s.id for s in english})
    assert all(story_language(s) == lang for s in cards if any(o.id == s.id for o in others))
    story = next(s for s in cards if story_language(s) == lang)
    while story not in (page := [w.story for w in pilot.scene.group.widgets]):
        pilot.press(pygame.K_PAGEDOWN)
    pilot.press(getattr(pygame, f"K_{page.index(story) + 1}"))
    pilot.press(pygame.K_RETURN)  # content note: Start
    english_twin = next(s for s in english if s.id == story.id)
    assert story.hash != english_twin.hash
    # Make the first decision, so there is a save, then check where it went.
    for _ in range(200):
        if pilot.scene.name == "decision":
            break
        pilot.press(pygame.K_SPACE)
    pilot.press(pygame.K_1)
    saved = platform.load(f"run-{story.id}.{lang}")
    assert saved is not None and platform.load(f"run-{story.id}") is None
    assert len(Run.from_json(story, saved).history) == 1


def test_a_translated_story_plays_through_to_the_engine_score(make_pilot):
    from game.engine import auto_choices

    story = translated()[0]
    choices = auto_choices(story, 3)
    pilot = make_pilot([story], language=story_language(story))
    pilot.click("Start a training")
    pilot.click("Continue")
    pilot.press(pygame.K_1)
    pilot.press(pygame.K_RETURN)
    play_to_debrief(pilot, choices)
    assert pilot.scene.card == engine_score(story, choices)
