"""Synthetic input for the real app: key presses and clicks, posted to pygame's queue so they go
through the same action mapping as a player's.

The headless autopilot (``rightspath play --headless``, the web build's scripted runs) posts these
from inside the loop; the tests' Pilot (tests/ui/pilot.py) posts them, and taps and typing, between
steps.
"""

from __future__ import annotations

import pygame


def key_event(key: int, mod: int = 0, unicode: str = ""):
    return pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode, scancode=0)


def post_key(key: int, mod: int = 0) -> None:
    name = pygame.key.name(key)
    unicode = name if len(name) == 1 else (" " if key == pygame.K_SPACE else "")
    pygame.event.post(key_event(key, mod, unicode))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode=unicode, scancode=0))
    if unicode and not mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
        # SDL sends typed characters as a separate text event, as a real keyboard does.
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=unicode.upper() if mod & pygame.KMOD_SHIFT else unicode))


def post_click(pos) -> None:
    pos = (int(pos[0]), int(pos[1]))
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False))
