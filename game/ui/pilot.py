"""Synthetic input for the real app: key presses, typing, clicks, touches, and the virtual clock.

Tests use ``Pilot`` to drive the scenes exactly as a player would (events go through pygame's queue
and the same action mapping); the headless autopilot posts the same events from inside the loop.
"""

from __future__ import annotations

import pygame

from game.ui.app import FRAME


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


def post_tap(pos, size) -> None:
    x, y = pos[0] / size[0], pos[1] / size[1]
    common = dict(touch_id=1, finger_id=0, x=x, y=y, dx=0.0, dy=0.0, pressure=1.0)
    pygame.event.post(pygame.event.Event(pygame.FINGERDOWN, **common))
    pygame.event.post(pygame.event.Event(pygame.FINGERUP, **common))


def post_text(text: str) -> None:
    for ch in text:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))


class Pilot:
    """Drive a started App step by step. ``app.start()`` must have run (the Pilot does it if not)."""

    def __init__(self, app):
        self.app = app
        if app.surface is None:
            app.start()
        self.step()

    # -- looking --------------------------------------------------------------------------------
    @property
    def scene(self):
        return self.app.scenes.top

    @property
    def screen(self) -> str:
        return self.scene.screen_id() if self.scene else ""

    def widget(self, label: str):
        scene = self.scene
        group = getattr(scene, "group", None)
        for w in (group.widgets if group else []):
            if getattr(w, "key", None) == label:
                return w
        for w in (group.widgets if group else []):
            text = getattr(w, "label", "")
            if text == label or text.startswith(label):
                return w
        for extra in ("menu", "controls"):
            g = getattr(scene, extra, None)
            for w in (g.widgets if g else []):
                if getattr(w, "label", "") == label:
                    return w
        raise LookupError(f"no control {label!r} on {self.screen}; there are: "
                          + ", ".join(repr(getattr(w, 'label', '?')) for w in (group.widgets if group else [])))

    # -- acting ---------------------------------------------------------------------------------
    def step(self, frames: int = 1, dt: float = FRAME) -> None:
        for _ in range(frames):
            self.app.step(dt)
        self.settle()

    def settle(self, limit: int = 1000) -> None:
        """Let a loading screen finish, as a player would wait for it."""
        for _ in range(limit):
            top = self.app.scenes.top
            if top is None or top.name != "loading":
                return
            self.app.step(FRAME)

    def press(self, *keys: int, mod: int = 0) -> None:
        for key in keys:
            post_key(key, mod)
            self.step()

    def type(self, text: str) -> None:
        post_text(text)
        self.step()

    def click(self, target) -> None:
        post_click(self._pos(target))
        self.step()

    def tap(self, target) -> None:
        post_tap(self._pos(target), self.app.size)
        self.step()

    def advance(self, seconds: float) -> None:
        """Let virtual time pass, frame by frame."""
        frames = max(1, round(seconds / FRAME))
        self.step(frames)

    def _pos(self, target):
        if isinstance(target, str):
            target = self.widget(target)
        if hasattr(target, "rect"):
            return target.rect.center
        return target
