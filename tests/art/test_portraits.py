import itertools

import pygame
import pytest

from game.engine.vocab import MOODS, PORTRAITS
from game.ui.art import portraits
from tests.art.helpers import alpha_mask, differing_fraction, iou, rgb_bytes

PEOPLE = [p for p in PORTRAITS if p != "narrator"]
SIZE = (170, 210)


def test_every_vocabulary_portrait_and_mood_is_drawn():
    assert set(portraits.PORTRAITS) == set(PORTRAITS)
    assert set(portraits.MOODS) == set(MOODS)


@pytest.mark.parametrize("portrait", PORTRAITS)
def test_every_mood_renders_at_requested_size_with_transparency(portrait):
    for mood in MOODS:
        for size in (SIZE, (340, 420), (300, 200)):
            surface = portraits.render(portrait, mood, size)
            assert surface.get_size() == size
            assert surface.get_flags() & pygame.SRCALPHA
            assert surface.get_at((0, 0)).a == 0  # the corner is see-through: a bust, not a card
            opaque = pygame.mask.from_surface(surface, 128).count()
            assert opaque > 0.08 * size[0] * size[1], (portrait, mood, size)


@pytest.mark.parametrize("portrait", PEOPLE)
def test_moods_differ_visibly(portrait):
    faces = {mood: portraits.render(portrait, mood, SIZE) for mood in MOODS}
    for a, b in itertools.combinations(MOODS, 2):
        # at least a face's worth of pixels changes between any two moods
        assert differing_fraction(faces[a], faces[b]) > 0.004, (portrait, a, b)


def test_posture_changes_with_mood_not_only_the_face():
    # withdrawn draws the shoulders in and the head down: the silhouette itself changes
    neutral = alpha_mask(portraits.render("girl_child", "neutral", SIZE))
    withdrawn = alpha_mask(portraits.render("girl_child", "withdrawn", SIZE))
    assert iou(neutral, withdrawn) < 0.95


def test_people_look_different_from_each_other():
    neutral = {p: portraits.render(p, "neutral", SIZE) for p in PEOPLE}
    for a, b in itertools.combinations(PEOPLE, 2):
        assert differing_fraction(neutral[a], neutral[b]) > 0.05, (a, b)


def test_narrator_is_one_emblem_for_every_mood():
    first = rgb_bytes(portraits.render("narrator", "neutral", SIZE))
    for mood in MOODS:
        assert rgb_bytes(portraits.render("narrator", mood, SIZE)) == first


def test_same_arguments_give_same_pixels_even_after_the_cache_is_cleared():
    for portrait in PORTRAITS:
        for mood in ("neutral", "withdrawn", "warm"):
            first = rgb_bytes(portraits.render(portrait, mood, SIZE))
            portraits.clear_cache()
            assert rgb_bytes(portraits.render(portrait, mood, SIZE)) == first, (portrait, mood)


def test_unknown_names_are_clear_errors():
    with pytest.raises(ValueError, match="unknown portrait"):
        portraits.render("astronaut", "neutral", SIZE)
    with pytest.raises(ValueError, match="unknown mood"):
        portraits.render("mother", "furious", SIZE)
    with pytest.raises(ValueError, match="size"):
        portraits.render("mother", "neutral", (0, 0))


def test_the_cast_is_varied():
    from game.ui.art.people import PEOPLE

    assert len({p.skin for p in PEOPLE.values()}) >= 6
    assert len({p.hair_style for p in PEOPLE.values()}) >= 10
    assert len({p.age for p in PEOPLE.values()}) >= 5


def test_tiny_and_wide_sizes_still_draw_the_whole_bust():
    for size in ((24, 30), (400, 120)):
        surface = portraits.render("judge", "calm", size)
        assert surface.get_size() == size
        assert pygame.mask.from_surface(surface, 128).count() > 0.05 * size[0] * size[1]
