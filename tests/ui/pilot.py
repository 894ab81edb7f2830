"""The tests' Pilot: drives a started App step by step with synthetic input (game.ui.events) and the
virtual clock, exactly as a player would (events go through pygame's queue and the same action
mapping). Test support only: the web bundle does not ship it."""

from __future__ import annotations

import pygame

from game.ui.constants import FRAME
from game.ui.events import key_event, post_click, post_key  # noqa: F401 (for tests)
from game.ui.widgets import find_control


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
        """The control ``label`` names on the top scene: its focus group's (by key, then by label or the
        start of one, as WidgetScene.find), else the play screens' Menu button (by its whole label)."""
        scene = self.scene
        group = getattr(scene, "group", None)
        found = find_control(group.widgets, label) if group else None
        menu = getattr(scene, "menu", None)
        if found is None and menu is not None and hasattr(menu, "widgets"):
            found = next((w for w in menu.widgets if getattr(w, "label", "") == label), None)
        if found is not None:
            return found
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
