"""Location backgrounds drawn by code: ``render(location, (w, h)) -> Surface``.

Every location in ``game.engine.vocab.LOCATIONS`` has a room (see ``rooms.py``). The room is painted
at twice the size and smooth-scaled down (soft edges), covering the requested size without distortion
(centred; a different aspect ratio crops the edges). Results are cached; the returned surface is
shared, so copy it before drawing on it.
"""

from __future__ import annotations

import pygame

from game.ui.art.draw import LRU, SUPERSAMPLE, Painter, check_size, downsample, seeded
from game.ui.art.rooms import H, SCENES, W

LOCATIONS = tuple(SCENES)
# Every room at one size fits (repeat calls are free); a second size pushes out the oldest. Only rooms
# actually asked for are kept (3.7 MB each at 1280x720).
_cache = LRU(len(SCENES) + 3)


def render(location: str, size: tuple[int, int]) -> pygame.Surface:
    if location not in SCENES:
        raise ValueError(f"unknown location {location!r}; known: {', '.join(SCENES)}")
    w, h = check_size(size)
    return _cache.get_or_make((location, w, h), lambda: _paint(location, w, h))


def _paint(location: str, w: int, h: int) -> pygame.Surface:
    big_w, big_h = w * SUPERSAMPLE, h * SUPERSAMPLE
    canvas = pygame.Surface((big_w, big_h))
    scale = max(big_w / W, big_h / H)
    offset = ((big_w - W * scale) / 2, (big_h - H * scale) / 2)
    SCENES[location](Painter(canvas, scale, offset), seeded(location))
    return downsample(canvas, (w, h))


def clear_cache() -> None:
    _cache.clear()
