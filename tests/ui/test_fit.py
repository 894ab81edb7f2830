"""Texts fit their boxes, measured on the real screens at text sizes 1 and 3, in English, Bulgarian
and the en-XA pseudo-locale (accented, bracketed, ~30% longer): nothing crosses another element."""

from __future__ import annotations

import pygame
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
    if scene.compact:
        # Twice the text (issue 15) leaves no room for the tagline: it is left out (the screen-reader
        # layer still has it) and the buttons sit below the subtitle, clear of the key hint.
        assert size == 3
        for b in scene.group.widgets:
            assert b.rect.top >= pilot.app.fonts.px("title") + pilot.app.fonts.px("heading") + 30, (b.label, b.rect)
            assert b.rect.bottom <= pilot.app.size[1] - 40, (b.label, b.rect)
        return
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


class Recorder(pygame.Surface):
    """A screen surface that remembers where each piece was blitted."""

    def __init__(self, size):
        super().__init__(size)
        self.blits: list[tuple[pygame.Surface, pygame.Rect]] = []

    def blit(self, source, dest, area=None, special_flags=0):
        drawn = super().blit(source, dest, area, special_flags)
        at = dest.topleft if hasattr(dest, "topleft") else dest
        self.blits.append((source, pygame.Rect(at, source.get_size())))
        return drawn


def texts_drawn(pilot) -> list[tuple[str, pygame.Rect]]:
    """Every rendered text the top scene draws, with the full rectangle it occupies."""
    app = pilot.app
    rec = Recorder(app.size)
    for scene in app.scenes.visible():
        scene.draw(rec)
    names = {id(surf): key[0] for key, surf in app.fonts._text.items()}
    return [(names[id(s)], r) for s, r in rec.blits if id(s) in names]


def to_feedback(pilot) -> None:
    for _ in range(200):
        name = pilot.scene.name
        if name == "feedback":
            return
        pilot.press(pygame.K_1 if name == "decision" else pygame.K_RETURN)
    raise AssertionError(f"no feedback screen reached; on {pilot.screen}")


@pytest.mark.parametrize("size", (1, 3))
@pytest.mark.parametrize("lang", LANGS)
def test_setup_labels_stay_left_of_their_values(make_pilot, lang, size):
    from game.ui.widgets import Selector, TextField

    pilot = make_pilot([fixture_story()], language=lang, text_size=size)
    pilot.click("Start a training")
    assert pilot.scene.name == "setup"
    drawn = texts_drawn(pilot)
    fields = [w for w in pilot.scene.group.widgets if isinstance(w, (Selector, TextField))]
    assert any(isinstance(w, TextField) for w in fields)
    for w in fields:
        value_x = w.box().x if isinstance(w, TextField) else w._value_rect().x
        labels = [(t, r) for t, r in drawn if w.rect.collidepoint(r.topleft) and r.x < value_x]
        assert labels, (w.label, "label not drawn")
        for text, r in labels:
            assert r.right <= value_x - 4, (w.label, text, r, value_x)  # never under the value
            assert w.rect.contains(r), (w.label, text, r, w.rect)


@pytest.mark.parametrize("size", (1, 3))
@pytest.mark.parametrize("lang", LANGS)
def test_debrief_buttons_keep_their_labels_inside(make_pilot, lang, size):
    pilot = at_debrief(make_pilot, lang, size)
    for tab in ("summary", "decisions"):
        drawn = texts_drawn(pilot)
        for b in pilot.scene.group.widgets:
            inside = [(t, r) for t, r in drawn if b.rect.collidepoint(r.center)]
            assert inside, (tab, b.label)
            for text, r in inside:
                assert b.rect.contains(r), (tab, b.label, text, r, b.rect)
        pilot.scene.toggle()
        pilot.step()


@pytest.mark.parametrize("size", (1, 3))
@pytest.mark.parametrize("lang", LANGS)
def test_feedback_hint_and_journey_labels_fit(make_pilot, lang, size):
    from game.engine.vocab import STAGE_LABELS, STAGES
    from game.ui.hud import JOURNEY_HEIGHT
    from game.ui.tr import _

    story = story_in(lang)
    pilot = make_pilot([story], language=lang, text_size=size)
    open_story(pilot, story)
    to_feedback(pilot)
    scene = pilot.scene
    drawn = texts_drawn(pilot)
    cont = scene.group.widgets[0].rect
    menu = scene.menu.widgets[0].rect
    if scene.view.scrollable:
        hint = [(t, r) for t, r in drawn if menu.right < r.x < cont.x and abs(r.centery - cont.centery) < cont.h]
        assert hint, "the scroll hint is not drawn"
        for text, r in hint:
            assert r.right <= cont.x - 8 and r.top >= cont.top - 4 and r.bottom <= cont.bottom + 4, (text, r, cont)
    elif size == 3:
        raise AssertionError("the first feedback should scroll at the largest text size")
    # Journey bar: every stage label shown whole (or visibly cut with an ellipsis), inside the bar.
    bar = [(t, r) for t, r in drawn if r.bottom <= JOURNEY_HEIGHT + 2 and r.y > 20]
    slot = pilot.app.size[0] / len(STAGES)
    if pilot.app.fonts.px("small") > 22:
        # Larger text: only the current stage is labelled, whole and at the player's size.
        current = _(STAGE_LABELS[scene.node["stage"]])
        assert [t for t, _r in bar] == [current], bar
        r = bar[0][1]
        assert r.bottom <= JOURNEY_HEIGHT and r.x >= 0 and r.right <= pilot.app.size[0], r
        return
    for i, stage in enumerate(STAGES):
        mine = [(t, r) for t, r in bar if int(r.centerx // slot) == i]
        assert mine, stage
        shown = " ".join(t for t, _r in sorted(mine, key=lambda tr: tr[1].y))
        label = _(STAGE_LABELS[stage])
        assert shown.split() == label.split() or shown.endswith("…"), (stage, shown, label)
        for text, r in mine:
            assert r.bottom <= JOURNEY_HEIGHT and i * slot <= r.x and r.right <= (i + 1) * slot, (stage, text, r)
