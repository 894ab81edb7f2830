"""The painting shortcuts of issue 16 give exactly the pixels of the plain way they replace.

A room is painted while the loading screen waits (game.ui.artcache), so three costly steps were made
cheaper: a gradient is filled a run of rows at a time onto the canvas (not a strip stretched and
blitted), a translucent shape is blended from a layer the size of the shape (not of the canvas), and
the finished room is scaled down a band of rows at a time. Each is compared here with the way it
replaced, written out in full, on shapes of every kind and on every room.
"""

from __future__ import annotations

import pygame
import pytest

from game.ui.art import backgrounds
from game.ui.art.draw import SUPERSAMPLE, Painter, downsample, mix, seeded
from game.ui.art.rooms import H, SCENES, W


def pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGBA")


def plain_gradient(surface, rect, top, bottom, horizontal=False):
    """The gradient as it was painted before: a one-pixel strip, stretched, blitted."""
    n = rect.width if horizontal else rect.height
    strip = pygame.Surface((n, 1) if horizontal else (1, n))
    for i in range(n):
        strip.fill(mix(top, bottom, i / max(1, n - 1)), (i, 0, 1, 1) if horizontal else (0, i, 1, 1))
    surface.blit(pygame.transform.scale(strip, rect.size), rect.topleft)


class CanvasLayer(Painter):
    """translucent() as it was: a layer the size of the whole canvas."""

    def shifted(self, dx, dy):
        return type(self)(self.surface, self.k, (self.ox + dx * self.k, self.oy + dy * self.k))

    def translucent(self, color, alpha, draw):
        layer = pygame.Surface(self.surface.get_size(), pygame.SRCALPHA)
        draw(type(self)(layer, self.k, (self.ox, self.oy)))
        layer.fill((255, 255, 255, alpha), special_flags=pygame.BLEND_RGBA_MULT)
        self.surface.blit(layer, (0, 0))


def canvas(size=(640, 400)):
    surface = pygame.Surface(size)
    surface.fill((40, 60, 80))
    return surface


@pytest.mark.parametrize("horizontal", [False, True])
@pytest.mark.parametrize("colours", [((10, 20, 30), (250, 240, 5)), ((90, 90, 90), (91, 92, 90)),
                                     ((0, 0, 0), (0, 0, 0)), ((255, 0, 128), (0, 255, 127))])
def test_a_gradient_fills_the_pixels_of_a_stretched_strip(colours, horizontal):
    top, bottom = colours
    for x, y, w, h in ((0, 0, 640, 400), (13, 7, 301, 1), (600, 390, 100, 50), (5, 5, 1, 333)):
        mine, theirs = canvas(), canvas()
        Painter(mine, 1.0).gradient(top, bottom, x, y, w, h, horizontal=horizontal)
        plain_gradient(theirs, Painter(theirs, 1.0).r(x, y, w, h), top, bottom, horizontal)
        assert pixels(mine) == pixels(theirs), (x, y, w, h)
    clipped_mine, clipped_theirs = canvas(), canvas()  # a clip on the canvas is kept by both
    for surface in (clipped_mine, clipped_theirs):
        surface.set_clip(pygame.Rect(50, 60, 200, 100))
    Painter(clipped_mine, 1.0).gradient(top, bottom, 0, 0, 640, 400, horizontal=horizontal)
    plain_gradient(clipped_theirs, pygame.Rect(0, 0, 640, 400), top, bottom, horizontal)
    assert pixels(clipped_mine) == pixels(clipped_theirs)


def shapes(q: Painter) -> None:
    q.rect((200, 30, 30), 10.3, 20.7, 120.2, 60.1, radius=7)
    q.polygon((30, 200, 30), [(300.4, 10.6), (420.2, 90.1), (280.9, 150.5)])
    q.stroke((30, 30, 200), [(50.5, 300.2), (150.1, 250.8), (260.7, 330.3)], width=6.5)
    q.curve((90, 10, 90), (400, 300), (470, 200), (560, 310), 3)
    q.ellipse((250, 250, 0), 500.5, 100.5, 40.2, 25.7)
    q.glow((255, 255, 255), 140, 200, 200, 80, 50)
    q.gradient((0, 0, 0), (255, 255, 255), 450, 250, 150, 120, radius=12)
    q.shifted(13.5, -4.25).rect((0, 255, 255), 300, 300, 40, 40, radius=3)
    q.blit(pygame.Surface((30, 20)), (580, 10))
    with q.clipped(0, 0, 330, 400):
        q.ellipse((255, 0, 255), 320, 200, 60, 60)


@pytest.mark.parametrize("scale, offset", [(1.0, (0.0, 0.0)), (1.7, (-13.3, 5.55)), (0.6, (100.25, 33.5))])
def test_a_translucent_shape_blends_the_pixels_of_a_canvas_sized_layer(scale, offset):
    for alpha in (0, 40, 120, 255):
        mine, theirs = canvas(), canvas()
        Painter(mine, scale, offset).translucent((0, 0, 0), alpha, shapes)
        CanvasLayer(theirs, scale, offset).translucent((0, 0, 0), alpha, shapes)
        assert pixels(mine) == pixels(theirs), alpha
    off_canvas, untouched = canvas(), canvas()  # a shape wholly off the canvas changes nothing
    Painter(off_canvas, 1.0).translucent((0, 0, 0), 200, lambda q: q.rect((255, 0, 0), 900, 900, 50, 50))
    assert pixels(off_canvas) == pixels(untouched)


@pytest.mark.parametrize("location", sorted(SCENES))
def test_every_room_has_the_pixels_of_the_plain_way(location):
    """Each room at the game's size: the recorded calls painted straight with the plain gradient and
    translucent layer, then scaled down whole, give the room paint_steps makes."""

    class Plain(CanvasLayer):
        def gradient(self, top, bottom, x, y, w, h, radius=0, horizontal=False):
            if radius:
                return Painter.gradient(self, top, bottom, x, y, w, h, radius=radius, horizontal=horizontal)
            plain_gradient(self.surface, self.r(x, y, w, h), top, bottom, horizontal)

    w, h = 1280, 720
    big = pygame.Surface((w * SUPERSAMPLE, h * SUPERSAMPLE))
    scale = max(big.get_width() / W, big.get_height() / H)
    offset = ((big.get_width() - W * scale) / 2, (big.get_height() - H * scale) / 2)
    SCENES[location](Plain(big, scale, offset), seeded(location))
    plain = pixels(downsample(big, (w, h)))
    backgrounds.clear_cache()
    steps = backgrounds.paint_steps(location, (w, h))
    while True:
        try:
            next(steps)
        except StopIteration as done:
            room = done.value
            break
    assert room.get_size() == (w, h) and pixels(room) == plain
    assert h > backgrounds.DOWNSAMPLE_ROWS  # scaled down in more than one band
