"""Scenario cards fit at every text size in English and Bulgarian: the text drawn ends inside the
card, a cut summary ends in an ellipsis, and the content note shows the whole summary (scrolling
when it is taller than the dialog)."""

from __future__ import annotations

import pygame
import pytest

from game.engine.l10n import stories_for_language
from game.ui.text import ELLIPSIS
from tests.ui.stories import bundled_stories
from tests.ui.test_citations import bulgarian


def stories_in(lang: str) -> list:
    return bulgarian() if lang == "bg" else bundled_stories()


@pytest.mark.parametrize("lang", ["en", "bg"])
@pytest.mark.parametrize("size", [1, 2, 3])
def test_cards_fit_and_the_content_note_carries_the_whole_summary(make_pilot, lang, size):
    stories = stories_in(lang)
    pilot = make_pilot(stories, language=lang, text_size=size)
    pilot.click("Start a training")
    pilot.click("Continue")
    assert pilot.scene.name == "select"
    cards = pilot.scene.group.widgets
    # three cards a page at Standard, two at 1.5x, one at Largest (wider, so title and summary keep room)
    assert len(cards) == min({1: 3, 2: 2, 3: 1}[size], len(stories_for_language(stories, lang)))
    assert cards[0].rect.w == {1: 381, 2: 560, 3: 1100}[size]
    from game.ui import draw
    hint_top = pilot.app.size[1] - draw.hint_height(pilot.app, pilot.scene.hint_text(len(cards)))
    assert all(card.rect.bottom <= hint_top for card in cards)  # the key hint never covers a card
    for card in cards:
        assert card.summary_lines, (lang, size, card.story.id)
        assert 0 < card.content_bottom <= card.rect.bottom - 8, (lang, size, card.story.id)
        summary = card.story.scenario["summary"]
        shown = "".join("".join(card.summary_lines).split())
        if shown != "".join(summary.split()):
            assert card.summary_lines[-1].endswith(ELLIPSIS)
    pilot.press(pygame.K_1)
    note = pilot.scene
    assert note.name == "content-note"
    assert cards[0].story.scenario["summary"] in note.message
    assert note.rect.bottom <= pilot.app.size[1]
    if note.view is not None:  # taller than the dialog: it scrolls to its end
        while note.view.offset < note.view.max_offset:
            before = note.view.offset
            pilot.press(pygame.K_PAGEDOWN)
            assert note.view.offset > before
        assert note.view.viewport.bottom <= note.group.widgets[0].rect.top
    if size == 3:
        assert note.view is not None  # the whole note does not fit at the largest size
