"""Preparing a story's first screen, with a progress bar: the play screens' modules, then the pictures.

In the browser every module is compiled from source on each visit; the warm-up compiles the play
screens in the loop's spare time after the title (game.ui.warmup), and whatever a quick player has
left it is compiled here, one module at a time. Backgrounds and portraits are drawn by code and take
a moment each (longer in WebAssembly). Only the first screen's are waited for here; the rest are made
later in spare time (see ``game.ui.artcache``). Each loop iteration does as much as fits in
``LOADING_BUDGET`` of CPU time, so the loop keeps yielding to the browser, and the bar is redrawn at
most every ``REDRAW_SECONDS``: drawing it more often would only take time from the loading.
"""

from __future__ import annotations

import time

import pygame

from game.ui import draw
from game.ui.artcache import PORTRAIT_SIZE, node_keys
from game.ui.scene import Scene
from game.ui.tr import _


# CPU time where the runtime has a process clock (the browser's may not).
_cpu_time = getattr(time, "process_time", time.perf_counter)

# CPU seconds of loading work per loop iteration: half a 60 Hz frame natively, which leaves room for
# WebAssembly's ~2x slower Python within one frame.
LOADING_BUDGET = 0.008
# The module that brings in the play screens (game.ui.flow): the loading screen waits until it and
# everything before it in the warm-up's order is imported; the rest (live results) follows in spare time.
PLAY_MODULE = "game.ui.flow"
# Seconds between redraws of the bar while it moves (a redraw costs a few milliseconds of CPU).
REDRAW_SECONDS = 0.25


def prepare(app, playthrough, then) -> None:
    """Show the loading screen until the play screens' modules are compiled and the first screen's
    pictures made, then call ``then`` (which shows that screen); call it at once when all is ready."""
    story, size = playthrough.story, app.size
    app.art.keep_only(story, size, PORTRAIT_SIZE)  # another story's pictures go before new ones come
    keys = [k for k in node_keys(story, playthrough.run.node_id, size, PORTRAIT_SIZE) if not app.art.has(k)]
    warmup = app.warmup
    if (warmup is None or warmup.ready_for(PLAY_MODULE)) and not keys:
        then()
        return
    app.scenes.reset(LoadingScene(app, story, keys, then))


class LoadingScene(Scene):
    name = "loading"

    def __init__(self, app, story, keys, then):
        super().__init__(app)
        self.story = story
        self.keys = list(keys)
        warmup = app.warmup
        self.warmup = warmup if warmup is not None and not warmup.ready_for(PLAY_MODULE) else None
        self.modules = self.warmup.steps_before(PLAY_MODULE) if self.warmup else 0
        self.total = max(1, len(self.keys) + self.modules)
        self.then = then
        self._last_iteration = -1
        self._finished = False
        self._shown = -1  # steps done when last drawn: redraw only when the bar moves
        self._drawn_at = None  # the clock when last drawn

    @property
    def done(self) -> int:
        """Steps done: modules compiled since this screen opened, then pictures made."""
        modules = (self.modules - self.warmup.steps_before(PLAY_MODULE)) if self.warmup else 0
        return modules + sum(1 for key in self.keys if self.app.art.has(key))

    def update(self) -> None:
        # One budget's worth of work per loop iteration, however often update() is called within it.
        if self._finished:
            return
        it = self.app.stats.iterations
        if it != self._last_iteration:
            self._last_iteration = it
            # what this iteration has already spent (the click that opened this screen) counts too
            budget = LOADING_BUDGET - (_cpu_time() - getattr(self.app, "iteration_started", _cpu_time()))
            if budget <= 0:
                return
            if self.warmup is not None and not self.warmup.ready_for(PLAY_MODULE):
                start = _cpu_time()
                if not self.warmup.prepare_within(budget, PLAY_MODULE):
                    return
                budget -= _cpu_time() - start
                if budget <= 0:
                    return
            if self.app.art.run_now(self.keys, budget):
                self._finished = True
                self.then()

    @property
    def animating(self) -> bool:
        """The bar has moved since it was drawn, and was drawn long enough ago."""
        if self._finished or self.done == self._shown:
            return False
        return self._drawn_at is None or self.app.clock.now - self._drawn_at >= REDRAW_SECONDS

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
        self._drawn_at = self.app.clock.now
        done = self._shown / self.total
        fill = bar.copy()
        fill.w = max(0, int(bar.w * done))
        if fill.w:
            pygame.draw.rect(surface, theme.accent, fill, border_radius=8)
        pygame.draw.rect(surface, theme.backdrop_muted, bar, width=2, border_radius=8)
