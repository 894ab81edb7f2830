import itertools

import pygame
import pytest

from game.engine.vocab import STAGES
from game.ui.art import icons
from tests.art.helpers import alpha_mask, iou, rgb_bytes, same_mask

REQUIRED = ["upholds", "breaches", "missed", "info", "pause", "trust", "stress", "vote_up", "vote_down",
            "export", "settings", "resume", "replay",
            # names the UI screens ask for (game/ui/screens)
            "check", "warning", "up", "down", "recommended", "partial", "not_recommended", "upheld", "breached"
            ] + [f"stage_{s}" for s in STAGES]


def test_required_icons_exist_including_one_per_stage():
    for name in REQUIRED:
        assert icons.ALIASES.get(name, name) in icons.NAMES, name
    for stage in STAGES:  # the bare stage id works too
        assert rgb_bytes(icons.render(stage, 32, (0, 0, 0))) == rgb_bytes(icons.render(f"stage_{stage}", 32, (0, 0, 0)))


@pytest.mark.parametrize("name", icons.NAMES)
def test_renders_square_with_alpha_and_some_ink(name):
    for size in (16, 24, 48, 96):
        surface = icons.render(name, size, (40, 50, 60))
        assert surface.get_size() == (size, size)
        assert surface.get_flags() & pygame.SRCALPHA
        ink = pygame.mask.from_surface(surface, 128).count()
        assert 0.04 * size * size < ink < 0.9 * size * size, (name, size, ink)


def test_verdict_icons_differ_by_shape_not_colour():
    masks = {n: alpha_mask(icons.render(n, 48, (30, 30, 30))) for n in ("upholds", "breaches", "missed")}
    for a, b in itertools.combinations(masks, 2):
        assert iou(masks[a], masks[b]) < 0.4, (a, b)
    # and the shape does not depend on the colour asked for
    for name in masks:
        assert same_mask(alpha_mask(icons.render(name, 48, (250, 200, 0))), masks[name])


def test_decision_outcome_icons_differ_by_shape():
    names = ("recommended", "partial", "not_recommended")
    masks = {n: alpha_mask(icons.render(n, 48, (30, 30, 30))) for n in names}
    for a, b in itertools.combinations(names, 2):
        assert iou(masks[a], masks[b]) < 0.75, (a, b)


def test_all_icons_have_distinct_shapes():
    masks = {n: alpha_mask(icons.render(n, 32, (0, 0, 0))) for n in icons.NAMES}
    for a, b in itertools.combinations(icons.NAMES, 2):
        assert iou(masks[a], masks[b]) < 0.8, (a, b)


def test_colour_is_applied_and_alpha_respected():
    solid = icons.render("info", 40, (200, 100, 50))
    centre_ring = solid.get_at((20, 3))
    assert centre_ring[:3] == (200, 100, 50) and centre_ring.a > 200
    faded = icons.render("info", 40, (200, 100, 50, 100))
    assert faded.get_at((20, 3)).a <= 101


def test_same_arguments_give_same_pixels():
    first = rgb_bytes(icons.render("settings", 37, (1, 2, 3)))
    icons.clear_cache()
    assert rgb_bytes(icons.render("settings", 37, (1, 2, 3))) == first


def test_bad_arguments_are_clear_errors():
    with pytest.raises(ValueError, match="unknown icon"):
        icons.render("rocket", 20, (0, 0, 0))
    with pytest.raises(ValueError, match="size"):
        icons.render("info", 0, (0, 0, 0))
    with pytest.raises(ValueError, match="colour"):
        icons.render("info", 20, (0, 0))
    with pytest.raises(ValueError, match="colour"):
        icons.render("info", 20, (300, 0, 0))
