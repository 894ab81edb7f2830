"""Texts fit their boxes, measured on the real screens at text sizes 1 and 3, in English, Bulgarian
and the en-XA pseudo-locale (accented, bracketed, ~30% longer): nothing crosses another element."""

from __future__ import annotations

import pytest

from tests.ui.stories import fixture_story

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
