"""Pixel comparisons for the art tests (numpy is a test-only dependency, via matplotlib)."""

from __future__ import annotations

import numpy as np
import pygame


def rgb_bytes(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGBA")


def alpha_mask(surface: pygame.Surface, threshold: int = 128) -> pygame.mask.Mask:
    """The pixels that are mostly opaque: the shape, whatever the colour."""
    return pygame.mask.from_surface(surface, threshold)


def iou(a: pygame.mask.Mask, b: pygame.mask.Mask) -> float:
    both = a.overlap_area(b, (0, 0))
    return both / max(1, a.count() + b.count() - both)


def same_mask(a: pygame.mask.Mask, b: pygame.mask.Mask) -> bool:
    return a.get_size() == b.get_size() and a.count() == b.count() == a.overlap_area(b, (0, 0))


def _channels(surface: pygame.Surface) -> np.ndarray:
    """Width x height x 4 array of RGBA (alpha 255 where the surface has none)."""
    rgb = pygame.surfarray.array3d(surface).astype(np.int16)
    if surface.get_flags() & pygame.SRCALPHA:
        alpha = pygame.surfarray.array_alpha(surface).astype(np.int16)
    else:
        alpha = np.full(rgb.shape[:2], 255, np.int16)
    return np.dstack([rgb, alpha])


def differing_fraction(a: pygame.Surface, b: pygame.Surface, tolerance: int = 24) -> float:
    """Share of pixels whose colour or alpha differs by more than ``tolerance`` in some channel."""
    assert a.get_size() == b.get_size()
    diff = np.abs(_channels(a) - _channels(b)).max(axis=2)
    return float((diff > tolerance).mean())


def small(surface: pygame.Surface, size=(96, 54)) -> pygame.Surface:
    return pygame.transform.smoothscale(surface, size)
