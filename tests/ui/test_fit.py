"""Texts fit their boxes, measured on the real screens at text sizes 1 and 3, in English, Bulgarian
and the en-XA pseudo-locale (accented, bracketed, ~30% longer): nothing crosses another element."""

from __future__ import annotations

import pytest

from tests.ui.driving import open_story, play_to_debrief
from tests.ui.stories import SCENARIOS, compiled, fixture_story

LANGS = ("en", "bg", "en-XA")


@pytest.mark.parametrize("size", (1, 3))
@pytest.mark.parametrize("lang", LANGS)
def test_title_tagline_stays_above_the_journey_line_and_buttons(make_pilot, lang, size):
    pilot = make_pilot([fixture_story()], language=lang, text_size=size)
    scene = pilot.scene
    assert scene.name == "title" and pilot.app.translations.language == lang
    tagline, motif = scene.tagline_rect, scene.motif_y
    assert tagline.bottom <= motif - 12, (tagline, motif)  # the stations are 10 px circles
    assert tagline.left >= 0 and tagline.right <= pilot.app.size[0]
    for b in scene.group.widgets:
        assert b.rect.top >= motif + 12, (b.label, b.rect, motif)
        assert b.rect.bottom <= pilot.app.size[1] - 40, (b.label, b.rect)  # clear of the key hint


def story_in(lang: str):
    """The tutorial in ``lang`` (Bulgarian from its .po; en-XA plays the English story with the
    pseudo-locale interface catalogue)."""
    from game.engine.l10n import story_language
    from tests.ui.test_languages import translated

    for story in translated():
        if story.id == "tutorial" and story_language(story) == lang:
            return story
    return compiled(str(SCENARIOS / "tutorial.yaml"))


def at_debrief(make_pilot, lang: str, size: int):
    from game.engine import auto_choices

    story = story_in(lang)
    pilot = make_pilot([story], language=lang, text_size=size)
    open_story(pilot, story)
    play_to_debrief(pilot, auto_choices(story, 1))
    assert pilot.scene.name == "debrief"
    return pilot


@pytest.mark.parametrize("size", (1, 3))
@pytest.mark.parametrize("lang", LANGS)
def test_debrief_more_below_badge_covers_no_content(make_pilot, lang, size):
    pilot = at_debrief(make_pilot, lang, size)
    scene = pilot.scene
    from game.ui.screens.debrief import PANEL

    badges = 0
    for tab in ("summary", "decisions"):
        assert scene.screen_id() == f"debrief:{tab}"
        vp, badge = scene.view.viewport, scene.more_rect
        if badge is not None:
            badges += 1
            assert not badge.colliderect(vp), (tab, badge, vp)  # never over the report's text or bars
            assert PANEL.contains(badge)
            for b in scene.group.widgets:
                assert not badge.colliderect(b.rect), (tab, b.label, badge, b.rect)
        scene.toggle()
        pilot.step()
    if size == 3:
        assert badges == 2  # the report is long at the largest size: the badge is shown and checked
