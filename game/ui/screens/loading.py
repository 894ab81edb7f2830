"""Preparing the pictures of a story's first screen, with a progress bar.

Backgrounds and portraits are drawn by code and take a moment each (longer in WebAssembly). Only the
first screen's are waited for here, as many per loop iteration as fit in ``LOADING_BUDGET`` of CPU
time, so the loop keeps yielding to the browser; the rest are made later in spare time (see
``game.ui.artcache``).
"""

from __future__ import annotations

import pygame

from game.ui import draw
from game.ui.scene import Scene
from game.ui.tr import _


# CPU seconds of picture-making per loop iteration: half a 60 Hz frame natively, which leaves room for
# WebAssembly's ~2x slower Python within one frame.
LOADING_BUDGET = 0.008


class LoadingScene(Scene):
    name = "loading"

    def __init__(self, app, story, keys, then):
        super().__init__(app)
        self.story = story
        self.keys = list(keys)
        self.total = max(1, len(self.keys))
        self.then = then
        self._last_iteration = -1
        self._finished = False
        self._shown = -1  # pictures done when last drawn: redraw only when the bar moves

    @property
    def done(self) -> int:
        return sum(1 for key in self.keys if self.app.art.has(key))

    def update(self) -> None:
        # One budget's worth of pictures per loop iteration, however often update() is called within it.
        if self._finished:
            return
        it = self.app.stats.iterations
        if it != self._last_iteration:
            self._last_iteration = it
            if self.app.art.run_now(self.keys, LOADING_BUDGET):
                self._finished = True
                self.then()

    @property
    def animating(self) -> bool:
        return not self._finished and self.done != self._shown  # the bar has moved since it was drawn

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
        self._shown = self.done
        done = self._shown / self.total
        fill = bar.copy()
        fill.w = max(0, int(bar.w * done))
        if fill.w:
            pygame.draw.rect(surface, theme.accent, fill, border_radius=8)
        pygame.draw.rect(surface, theme.backdrop_muted, bar, width=2, border_radius=8)
