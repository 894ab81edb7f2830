"""Location backgrounds drawn by code: ``render(location, (w, h)) -> Surface``.

Every location in ``game.engine.vocab.LOCATIONS`` has a room (see ``rooms.py``). The room is painted
at twice the size and smooth-scaled down (soft edges), covering the requested size without distortion
(centred; a different aspect ratio crops the edges). Results are cached; the returned surface is
shared, so copy it before drawing on it.
"""

from __future__ import annotations

import pygame

from game.ui.art.draw import LRU, SUPERSAMPLE, Recorder, check_size, downsample, seeded
from game.ui.art.rooms import H, SCENES, W

LOCATIONS = tuple(SCENES)
# Rows of the finished room scaled down per slice of ``paint_steps`` (a whole 1280x720 room at once
# is one of the longest slices of all).
DOWNSAMPLE_ROWS = 180
# Every room at one size fits (repeat calls are free); a second size pushes out the oldest. Only rooms
# actually asked for are kept (3.7 MB each at 1280x720).
_cache = LRU(len(SCENES) + 3)


def render(location: str, size: tuple[int, int]) -> pygame.Surface:
    if location not in SCENES:
        raise ValueError(f"unknown location {location!r}; known: {', '.join(SCENES)}")
    w, h = check_size(size)
    return _cache.get_or_make((location, w, h), lambda: _paint(location, w, h))


def cached(location: str, size: tuple[int, int]) -> pygame.Surface | None:
    """The room if it is painted already (at this size), else None; paints nothing."""
    return _cache.items.get((location, *check_size(size)))


def paint_steps(location: str, size: tuple[int, int]):
    """Paint a room a little at a time: a generator whose every ``next()`` does one small piece of the
    work (one drawing call, or the final scaling) and which returns the finished room, cached as
    ``render`` caches it. The pixels are exactly ``render``'s; only the work is spread out, so the
    game can paint the rooms still to come in the time left over between frames."""
    if location not in SCENES:
        raise ValueError(f"unknown location {location!r}; known: {', '.join(SCENES)}")
    w, h = check_size(size)
    found = cached(location, (w, h))
    if found is not None:
        return found
    big_w, big_h = w * SUPERSAMPLE, h * SUPERSAMPLE
    canvas = pygame.Surface((big_w, big_h))
    yield  # a canvas of 2560x1440 pixels is a slice of its own
    scale = max(big_w / W, big_h / H)
    offset = ((big_w - W * scale) / 2, (big_h - H * scale) / 2)
    recorder = Recorder(canvas, scale, offset)
    SCENES[location](recorder, seeded(location))
    yield
    for op in recorder.ops:
        op()
        yield
    if SUPERSAMPLE == 1:
        return _cache.get_or_make((location, w, h), lambda: downsample(canvas, (w, h)))
    # Scaled down a band of rows at a time: each row of the room comes from its own SUPERSAMPLE rows
    # of the canvas, so the bands give exactly downsample's pixels (tests/art/test_backgrounds.py).
    room = pygame.Surface((w, h), 0, canvas)
    for top in range(0, h, DOWNSAMPLE_ROWS):
        rows = min(DOWNSAMPLE_ROWS, h - top)
        pygame.transform.smoothscale(canvas.subsurface((0, top * SUPERSAMPLE, big_w, rows * SUPERSAMPLE)),
                                     (w, rows), room.subsurface((0, top, w, rows)))
        yield
    return _cache.get_or_make((location, w, h), lambda: room)


def _paint(location: str, w: int, h: int) -> pygame.Surface:
    steps = paint_steps(location, (w, h))
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def clear_cache() -> None:
    _cache.clear()
