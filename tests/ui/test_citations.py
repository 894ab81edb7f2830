"""Debrief citations in every language: the rights column names the article as the story's own
citation does, fits its column by measure at the largest text size, and the full citation is kept
for the decisions tab. Real Bulgarian and pseudo-locale builds."""

from __future__ import annotations

from functools import lru_cache

import pygame
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import Story, auto_choices
from game.engine.citations import display_id
from game.engine.l10n import story_language
from game.ui.screens.debrief import article_label, main_instrument
from game.ui.text import ELLIPSIS, clip_lines, ellipsize
from tests.ui.driving import play_to_debrief
from tests.ui.stories import SCENARIOS

COLUMN = 430 - 16  # the debrief's rights column, less its gap


@lru_cache(maxsize=None)
def translated() -> tuple:
    from game.i18n.build import translated_stories

    return tuple(Story.from_json(data, source=name) for name, data in sorted(translated_stories(SCENARIOS).items()))


def bulgarian() -> list:
    stories = [s for s in translated() if story_language(s) == "bg"]
    assert stories, "no Bulgarian story was built"
    return stories


def test_article_label_keeps_the_citations_own_language():
    right = {"citation": "чл. 9(1)(c) от Директива 2012/29/ЕС"}
    assert article_label(right, "9(1)(c)") == "чл. 9(1)(c)"
    assert article_label({"citation": "Art. 20(b) Directive 2012/29/EU"}, "20(b)") == "Art. 20(b)"
    assert article_label({"citation": "Recital 14"}, "r14") == "Recital 14"
    other = {"citation": "Art. 11(3) Directive 2011/36/EU", "instrument": "Directive 2011/36/EU"}
    assert article_label(other, "2011/36:11(3)", "Directive 2012/29/EU") == other["citation"]
    assert article_label(other, "2011/36:11(3)") == "Art. 11(3)"


def test_every_bulgarian_article_label_fits_the_column_at_the_largest_size(make_pilot):
    pilot = make_pilot(bulgarian(), language="bg", text_size=3)
    bold = pilot.app.fonts.font("small", bold=True)
    from game.ui.screens.debrief import rights_column

    column = rights_column(pilot.app) - 16  # the column at this text size, less its gap
    seen = 0
    for story in bulgarian():
        main = main_instrument(story, story.rights)
        assert main == "Директива 2012/29/ЕС"
        for rid, right in story.rights.items():
            label = article_label(right, rid, main)
            assert "Directive" not in label and label.startswith("чл."), (story.id, rid, label)
            if right.get("instrument") == main:
                assert label == "чл. " + display_id(rid, "bg"), (story.id, rid, label)  # Cyrillic points
            else:
                assert right["instrument"] in label  # another instrument is named in full
            # Two lines in the column, nothing cut off.
            assert ELLIPSIS not in "".join(clip_lines(label, bold, column, 2)), (story.id, rid, label)
            seen += 1
    assert seen >= 10


def test_a_bulgarian_debrief_at_the_largest_size_shows_the_full_citations(make_pilot, tmp_path):
    story = max(bulgarian(), key=lambda s: len(s.decision_ids()))
    choices = auto_choices(story, 1)
    pilot = make_pilot([story], language="bg", text_size=3, screenshots_dir=str(tmp_path))
    pilot.click("Start a training")
    pilot.click("Continue")
    pilot.press(pygame.K_1)
    pilot.press(pygame.K_RETURN)
    play_to_debrief(pilot, choices)
    debrief = pilot.scene
    assert debrief.card.rights
    # The decisions tab lists each verdict with the whole Bulgarian citation.
    drawn: list[str] = []
    real_block = __import__("game.ui.draw", fromlist=["block"]).block

    def spy(surface, ui, text, *args, **kwargs):
        drawn.append(text)
        return real_block(surface, ui, text, *args, **kwargs)

    import game.ui.screens.debrief as module
    module.draw.block = spy
    try:
        debrief.toggle()
    finally:
        module.draw.block = real_block
    for rec in debrief.run.history:
        for v in rec.verdicts:
            citation = story.right(v["right"])["citation"]
            assert any(citation in text for text in drawn), citation


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="абвгд efghij ЖЗИЙ.,", min_size=0, max_size=200), st.integers(40, 400),
       st.integers(1, 4))
def test_clipped_lines_always_fit_and_say_when_text_was_cut(text, width, max_lines):
    pygame.font.init()
    from game.ui.fonts import FontBook

    font = FontBook().font("small")
    lines = clip_lines(text, font, width, max_lines)
    assert len(lines) <= max_lines
    for line in lines:
        assert font.size(line)[0] <= width or len(line) <= 2  # one glyph wider than the box stays whole
    if "".join("".join(lines).split()) != "".join(text.split()):  # (long words wrap by characters)
        assert lines[-1].endswith(ELLIPSIS)
    assert font.size(ellipsize(text, font, width))[0] <= width or len(text.strip()) <= 1
