"""Preparing a story's pictures, one per frame, with a progress bar.

Backgrounds and portraits are drawn by code and can take a moment each (longer in WebAssembly), so
they are made here, before the story starts, while the loop keeps yielding to the browser.
"""

from __future__ import annotations

import pygame

from game.ui import draw
from game.ui.scene import Scene
from game.ui.tr import _


class LoadingScene(Scene):
    name = "loading"

    def __init__(self, app, story, jobs, then):
        super().__init__(app)
        self.story = story
        self.jobs = list(jobs)
        self.total = max(1, len(self.jobs))
        self.then = then
        self._last_iteration = -1
        self._finished = False

    def update(self) -> bool:
        # One picture per loop iteration, however often update() is asked within it.
        if self._finished:
            return False
        it = self.app.stats.iterations
        if it != self._last_iteration:
            self._last_iteration = it
            if self.jobs:
                self.jobs.pop(0)()
            if not self.jobs:
                self._finished = True
                self.then()
        return True

    def draw(self, surface) -> None:
        ui = self.app
        theme = ui.theme
        surface.fill(theme.backdrop)
        cx, cy = ui.size[0] // 2, ui.size[1] // 2
        draw.label(surface, ui, self.story.title, (cx, cy - 70), role="heading", color=theme.backdrop_text,
                   bold=True, anchor="center")
        draw.label(surface, ui, _("Preparing the scenes…"), (cx, cy - 24), role="label", color=theme.backdrop_muted,
                   anchor="center")
        bar = pygame.Rect(0, 0, 520, 16)
        bar.center = (cx, cy + 20)
        pygame.draw.rect(surface, theme.panel_alt, bar, border_radius=8)
        done = (self.total - len(self.jobs)) / self.total
        fill = bar.copy()
        fill.w = max(0, int(bar.w * done))
        if fill.w:
            pygame.draw.rect(surface, theme.accent, fill, border_radius=8)
        pygame.draw.rect(surface, theme.backdrop_muted, bar, width=2, border_radius=8)
