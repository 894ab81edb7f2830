"""Every text/background colour pair of every theme meets WCAG AA (4.5:1)."""

from __future__ import annotations

import pytest

from game.ui.theme import THEMES, contrast_ratio, relative_luminance


def test_contrast_ratio_matches_known_values():
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio((255, 255, 255), (255, 255, 255)) == pytest.approx(1.0)
    # #767676 on white is the classic just-passing grey (4.54:1).
    assert contrast_ratio((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)
    assert relative_luminance((255, 0, 0)) == pytest.approx(0.2126)


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_text_pair_meets_wcag_aa(name):
    theme = THEMES[name]
    pairs = theme.text_pairs()
    assert len(pairs) >= 15
    failing = [(where, round(contrast_ratio(fg, bg), 2)) for where, fg, bg in pairs if contrast_ratio(fg, bg) < 4.5]
    assert not failing, f"{name}: below 4.5:1: {failing}"


@pytest.mark.parametrize("name", sorted(THEMES))
def test_focus_ring_and_borders_meet_3_to_1(name):
    """WCAG 1.4.11: the focus ring and control borders against everything they are drawn on."""
    theme = THEMES[name]
    failing = [(where, round(contrast_ratio(fg, bg), 2)) for where, fg, bg in theme.non_text_pairs()
               if contrast_ratio(fg, bg) < 3.0]
    assert not failing, f"{name}: below 3:1: {failing}"


def test_focus_ring_and_border_pixels_on_the_decision_screen(make_pilot):
    """Measured from the pixels as the accessibility review did: around the focused option the
    background is the most frequent colour; the ring (and an unfocused option's border) is the
    colour of highest contrast against it among those covering at least 6 pixels."""
    from collections import Counter

    import pygame

    from tests.ui.driving import open_story
    from tests.ui.stories import fixture_story

    story = fixture_story()
    pilot = make_pilot([story])
    open_story(pilot, story)
    while pilot.scene.name != "decision":
        pilot.press(pygame.K_SPACE)
    scene = pilot.scene
    surface = pilot.app.surface

    def measured(rect):
        counts = Counter(tuple(surface.get_at((x, y)))[:3] for x in range(rect.left, rect.right)
                         for y in range(rect.top, rect.bottom))
        bg = counts.most_common(1)[0][0]
        marks = [c for c, n in counts.items() if n >= 6]
        return max(contrast_ratio(c, bg) for c in marks)

    focused = scene.group.focused.rect
    ring = pygame.Rect(focused.x - 12, focused.y + 4, 11, focused.h - 8)  # left of the button: ring on panel
    assert measured(ring) >= 3.0
    other = next(w for w in scene.group.widgets if w is not scene.group.focused)
    edge = pygame.Rect(other.rect.x - 6, other.rect.y + 10, 10, other.rect.h - 20)
    assert measured(edge) >= 3.0


def test_high_contrast_is_stronger_than_calm():
    calm, high = THEMES["calm"], THEMES["high_contrast"]
    assert contrast_ratio(high.text, high.panel) > contrast_ratio(calm.text, calm.panel)
    assert contrast_ratio(high.text, high.panel) >= 7.0
