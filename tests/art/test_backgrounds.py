import itertools

import pytest

from game.engine.vocab import LOCATIONS
from game.ui.art import backgrounds
from tests.art.helpers import differing_fraction, rgb_bytes, small


def test_every_vocabulary_location_has_a_room():
    assert set(backgrounds.LOCATIONS) == set(LOCATIONS)


@pytest.mark.parametrize("location", LOCATIONS)
@pytest.mark.parametrize("size", [(1280, 720), (800, 600), (640, 960), (64, 36)])
def test_renders_at_requested_size(location, size):
    surface = backgrounds.render(location, size)
    assert surface.get_size() == size


def test_same_arguments_give_same_pixels_even_after_the_cache_is_cleared():
    for location in LOCATIONS:
        first = rgb_bytes(backgrounds.render(location, (320, 180)))
        backgrounds.clear_cache()
        second_surface = backgrounds.render(location, (320, 180))
        assert rgb_bytes(second_surface) == first, location
        assert backgrounds.render(location, (320, 180)) is second_surface  # cached


def test_rooms_differ_from_each_other():
    thumbs = {loc: small(backgrounds.render(loc, (320, 180))) for loc in LOCATIONS}
    for a, b in itertools.combinations(LOCATIONS, 2):
        assert differing_fraction(thumbs[a], thumbs[b]) > 0.25, (a, b)


def test_a_room_is_not_a_flat_fill():
    surface = small(backgrounds.render("interview_room", (320, 180)))
    colours = {surface.get_at((x, y))[:3] for x in range(0, 96, 3) for y in range(0, 54, 3)}
    assert len(colours) > 40


@pytest.mark.parametrize("bad", ["kitchen", "", "School"])
def test_unknown_location_is_a_clear_error(bad):
    with pytest.raises(ValueError, match="unknown location"):
        backgrounds.render(bad, (100, 100))


@pytest.mark.parametrize("size", [(0, 10), (10, -1), ("a", 3), (5,), None])
def test_bad_size_is_a_clear_error(size):
    with pytest.raises(ValueError, match="size"):
        backgrounds.render("school", size)


@pytest.mark.parametrize("location", LOCATIONS)
def test_painting_in_steps_gives_the_pixels_of_one_pass(location):
    """The game paints rooms a drawing call at a time (game.ui.artcache); the recorded calls replayed
    must give exactly what painting the room straight onto the canvas gives."""
    import pygame

    from game.ui.art.draw import SUPERSAMPLE, Painter, downsample, seeded
    from game.ui.art.rooms import H, SCENES, W

    w, h = 320, 180
    canvas = pygame.Surface((w * SUPERSAMPLE, h * SUPERSAMPLE))
    scale = max(canvas.get_width() / W, canvas.get_height() / H)
    offset = ((canvas.get_width() - W * scale) / 2, (canvas.get_height() - H * scale) / 2)
    SCENES[location](Painter(canvas, scale, offset), seeded(location))
    direct = rgb_bytes(downsample(canvas, (w, h)))
    backgrounds.clear_cache()
    steps, count = backgrounds.paint_steps(location, (w, h)), 0
    while True:
        try:
            next(steps)
            count += 1
        except StopIteration as done:
            stepped = done.value
            break
    assert count > 10  # really spread over many small steps
    assert rgb_bytes(stepped) == direct
    assert backgrounds.render(location, (w, h)) is stepped  # and cached like render's
