"""The application: one async loop for the desktop window, the browser canvas and headless runs.

Each loop iteration reads input, turns it into actions for the top scene, advances the virtual clock
and redraws only when something changed (an action was used, a timer fired, an animation runs or the
scene stack changed). Idle iterations skip drawing and just yield, which is what keeps the browser
tab and the laptop fan quiet.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pygame

from game.engine import StoryError, auto_choices
from game.engine.l10n import stories_for_language
from game.platform import get_platform
from game.ui import actions as A
from game.ui import deferred
from game.ui.clock import VirtualClock
from game.ui.constants import FRAME, IS_BROWSER, SIZE
from game.ui.fonts import FontBook, asset_dirs
from game.ui.prefs import Prefs, usable_language
from game.ui.scene import SceneStack
from game.ui.screens.title import TitleScene
from game.ui.theme import theme_for
from game.ui.tr import install_language
from game.ui.warmup import Warmup

# Imported where first needed, not before the title's first frame (issue 16: in the browser every
# module is compiled from source on each visit): the screen-reader layer (it imports the screens it
# describes), the pictures' cache, live results, the live room and the headless autopilot. The
# warm-up (game.ui.warmup) compiles them in the loop's spare time after the title.

# The environment variable that opens a live room on the desktop (game.ui.room_link.ROOM_ENV).
ROOM_ENV = "RIGHTSPATH_ROOM"

# CPU time for the frame figures; the browser's runtime may lack a process clock.
_cpu_time = getattr(time, "process_time", time.perf_counter)

# CPU seconds an iteration may spend in all (input, update, drawing, then pictures made ahead of
# time): half a frame natively, so WebAssembly's ~2x slower Python still fits one frame.
ITERATION_BUDGET = 0.008
# CPU seconds of the first frame's iteration kept for the warm-up, however long the frame took.
FIRST_SPARE = 0.005
# Seconds the loop keeps sending live results after the playthrough (headless run, window closed).
LIVE_DRAIN_HEADLESS, LIVE_DRAIN_WINDOW = 15.0, 3.0


def _a11y():
    return deferred.load("game.ui.a11y")


def _live():
    return deferred.load("game.ui.live")


# What this run was started with (the command line, a test); the player's saved settings are
# game.ui.prefs.Prefs, which these override where given (and a link's parameters override both).
@dataclass
class AppOptions:
    mode: str = "learning"
    language: str = "en"
    trainee: str = ""
    session: str = ""
    scenario: str | None = None
    headless: bool = False
    choices: list[str] | None = None
    auto_seed: int | None = None
    seed: int | None = None  # the playthrough's seed (option order); None: auto_seed, else a fresh one
    screenshots_dir: str | None = None
    text_size: int = 1
    high_contrast: bool = False
    reduce_motion: bool = False


@dataclass
class FrameStats:
    iterations: int = 0
    drawn: int = 0
    idle: int = 0
    draw_seconds: list[float] = field(default_factory=list)  # wall time of draw()
    frame_cpu: list[float] = field(default_factory=list)  # CPU time of each iteration that drew
    idle_cpu: list[float] = field(default_factory=list)  # CPU time of idle iterations that made pictures
    first_frame_at: float | None = None
    started_at: float = 0.0


class App:
    def __init__(self, stories, opts: AppOptions | None = None, platform=None):
        if platform is None:
            platform = get_platform()
        self.stories = list(stories)
        self.left_out: list[str] = []  # scenario files that could not be opened (the title names them)
        self.opts = opts or AppOptions()
        self.platform = platform
        self.size = SIZE
        self.clock = VirtualClock()
        self.scenes = SceneStack(on_change=self.mark_dirty)
        self.prefs = Prefs.load(platform, self.opts)
        # A language asked for but not available: play in English, record English, and say so once.
        self.missing_language = ""
        usable = usable_language(self.prefs.language, self.stories, asset_dirs())
        if usable != self.prefs.language:
            self.missing_language, self.prefs.language = self.prefs.language, usable
        self.theme = theme_for(self.prefs.high_contrast)
        self.translations = install_language(self.prefs.language, asset_dirs())
        self.fonts = FontBook()
        self._art = None  # the ArtCache, made when first used (the ``art`` property)
        self.warmup = None  # the modules later screens need, imported in spare time (game.ui.warmup)
        self.live = None  # live results to a learning-record store (game.ui.live), made when first needed
        self._results_due = None  # a playthrough whose statements wait for live results to start
        self.room = None  # a live room (issue 18): phones vote through the store, or None
        if (platform.url_params() or {}).get("room") or os.environ.get(ROOM_ENV):
            self.room = deferred.load("game.ui.room_link").RoomLink.for_app(self)
        self.stats = FrameStats()
        self.iteration_started = 0.0  # CPU clock when this loop iteration began (loading budgets)
        # The character of a key that just opened a screen: SDL sends the key's text too, right after
        # it, and that text is not meant for the new screen (the O that opens the overrule's reason).
        self._opened_by = ""
        self.surface: pygame.Surface | None = None
        self.window: pygame.Surface | None = None
        self.playthrough = None  # the playthrough in progress (game.ui.playthrough.Playthrough)
        self.result = None  # the ScoreCard of the last finished playthrough (its playthrough's card)
        self.running = False
        self.driver = None  # headless: the autopilot that posts synthetic input
        self.error: BaseException | None = None
        self.notices: list[str] = []  # messages for the player (save set aside, export written)
        self.storage_warned = False  # told at the title that nothing can be saved here
        self._dirty = True
        self._shot_id: str | None = None
        self._shots = 0
        # Headless runs keep their saves apart so a scripted run never touches a player's own save.
        self.save_prefix = "headless-" if self.opts.headless else ""
        self.on_autosave = None  # tests: called with the number of decisions after each autosave
        # The screen-reader layer (game.ui.a11y): the last description given to the platform, the
        # handlers of its actions, and any error building it (kept, never raised into the game).
        self.a11y_model: dict | None = None
        self._a11y_json = ""
        self._a11y_handlers: dict = {}
        self.a11y_errors: list[BaseException] = []
        self._a11y_due = False  # the title's first frame is described on the next iteration
        # A scenario named by the options or the facilitator's link (?scenario=mira): after setup the
        # game goes straight to its content note; used once, so going back shows the selection.
        self.preset_scenario = self.opts.scenario or (platform.url_params() or {}).get("scenario") or None
        self._apply_font_scale()

    def story_ready(self, story) -> bool:
        """The story's content is at hand: a bundled story (game.engine.bundle) is read now if it was not
        read yet. One whose file cannot be used is taken out of the game, its file named in
        ``left_out`` (the reason goes to the terminal); it is never played."""
        load = getattr(story, "load", None)
        if load is None:
            return True
        try:
            load()
            return True
        except StoryError as exc:
            print("rightspath:", exc, file=sys.stderr)
        # Out go this story and any other language of it that cannot be read either (a translation is
        # its strings over the English story's file): no card falls back to a file just as broken.
        for other in [s for s in self.stories if s.id == story.id]:
            if other is not story:
                try:
                    getattr(other, "load", lambda: None)()
                    continue
                except StoryError:
                    pass
            self.stories.remove(other)
            name = Path(getattr(other, "source", "") or other.id).name
            if name not in self.left_out:
                self.left_out.append(name)
        return False

    def _read_ahead(self) -> bool:
        """Spare time: read one bundled story not read yet, the player's language first, so choosing
        it need not wait for its file. One that cannot be used waits to be named when it is chosen."""
        for story in stories_for_language(self.stories, self.prefs.language) + self.stories:
            if getattr(story, "loaded", True) or getattr(story, "problem", ""):
                continue
            try:
                story.load()
            except StoryError:
                pass
            return True
        return False

    @property
    def art(self):
        """The backgrounds, portraits and icons made so far (game.ui.artcache.ArtCache)."""
        if self._art is None:
            self._art = deferred.load("game.ui.artcache").ArtCache()
        return self._art

    @art.setter
    def art(self, cache) -> None:
        self._art = cache

    # -- settings -------------------------------------------------------------------------------
    @property
    def mode(self) -> str:
        return self.prefs.mode

    def _apply_font_scale(self) -> None:
        self.fonts.set_scale(self.prefs.text_size, facilitated=self.prefs.mode == "facilitated")
        self.fonts.warm()

    def apply_prefs(self, save: bool = True) -> None:
        """Re-theme and re-layout every scene after a settings change."""
        self.theme = theme_for(self.prefs.high_contrast)
        if self.translations.language != self.prefs.language:
            self.translations = install_language(self.prefs.language, asset_dirs())
        self._apply_font_scale()
        for scene in self.scenes:
            if hasattr(scene, "layout"):
                scene.layout()
        if save:
            self.prefs.save(self.platform)
        self.mark_dirty()

    @property
    def reduce_motion(self) -> bool:
        return self.prefs.reduce_motion

    # -- the display ----------------------------------------------------------------------------
    def start(self) -> None:
        """Open the window (or the headless surface) and show the first screen."""
        self.stats.started_at = time.perf_counter()
        pygame.init()
        pygame.display.set_caption("RightsPath")
        self.window = self._open_window()
        self.surface = self.window
        if self.window.get_size() != SIZE:
            self.surface = pygame.Surface(SIZE)
        pygame.key.set_repeat(400, 40)
        self.running = True
        if getattr(self.platform, "lms", None) is not None and self.platform.lms():
            # a SCORM launch that resumes: the LMS's save becomes the autosave
            _live().resume_from_lms(self)

        self.warmup = Warmup()
        if self.driver is None and self.opts.headless and (self.opts.choices or self.opts.auto_seed is not None):
            self.driver = self._autopilot()
        self.scenes.reset(TitleScene(self))

    def to_title(self) -> None:
        """Back to the title screen (the pause menu's and the debrief's Main menu); the playthrough
        stays saved, and the title offers to resume it."""
        self.playthrough = None
        self.scenes.reset(TitleScene(self))

    def _autopilot(self):
        """A headless run scripted by the options: play ``choices`` (or a seeded random playthrough)
        of the named scenario, or the first one."""
        stories = stories_for_language(self.stories, self.prefs.language)
        story = next((s for s in stories if s.id == self.opts.scenario), stories[0])
        choices = self.opts.choices or auto_choices(story, self.opts.auto_seed)
        return deferred.load("game.ui.autopilot").Autopilot(self, story, list(choices))

    def _open_window(self) -> pygame.Surface:
        if IS_BROWSER or self.opts.headless or os.environ.get("SDL_VIDEODRIVER") == "dummy":
            # The browser ignores flags (CSS scales the canvas); the dummy driver has no renderer.
            return pygame.display.set_mode(SIZE)
        try:
            return pygame.display.set_mode(SIZE, pygame.SCALED)
        except pygame.error:
            return pygame.display.set_mode(SIZE)

    def mark_dirty(self) -> None:
        self._dirty = True

    @property
    def needs_redraw(self) -> bool:
        return self._dirty

    # -- one iteration --------------------------------------------------------------------------
    def step(self, dt: float = FRAME) -> bool:
        """Handle input, advance the clock by ``dt`` seconds, draw if needed. Returns whether it drew."""
        self.stats.iterations += 1
        cpu0 = self.iteration_started = _cpu_time()
        if self._a11y_due:
            self._a11y_due = False
            self._a11y_publish(defer=False)
        if self.driver is not None:
            self.driver.tick()
        for event in pygame.event.get():
            self.dispatch(event)
        self._a11y_poll()
        if self.live is not None:
            self.live.tick()  # live results: polls the request in flight or starts the next; never waits
        if self.room is not None:
            self.room.tick()  # the live room: publishes the decision shown, polls the phones' votes
        self.clock.advance(dt)
        top = self.scenes.top
        animating = False
        for scene in self.scenes.visible():
            scene.update()
            animating = animating or scene.animating
        if not (self._dirty or animating) or top is None or not self.running:
            self.stats.idle += 1
            if self._work_ahead(cpu0):
                self.stats.idle_cpu.append(_cpu_time() - cpu0)
            return False
        self.draw()
        self._work_ahead(cpu0)
        # CPU time of the whole iteration that drew: input, update, drawing, the flip, work ahead.
        self.stats.frame_cpu.append(_cpu_time() - cpu0)
        return True

    def _work_ahead(self, cpu0: float) -> bool:
        """Spend what is left of this iteration's budget on what later screens need: first the modules
        still to import (one per iteration), then the bundled stories not read yet (one per
        iteration), then the pictures of the screens to come."""
        spare = ITERATION_BUDGET - (_cpu_time() - cpu0)
        if self.stats.drawn == 1:
            # The title's first frame is on screen (it showed at the flip): the warm-up gets at least
            # FIRST_SPARE of this iteration even when drawing it took the whole budget, or a quick
            # player's content note compiles the dialog and its icons itself (bench: 19 ms instead of 13).
            spare = max(spare, FIRST_SPARE)
        if spare <= 0 or self.stats.drawn == 0:
            return False
        if self.warmup is not None and not self.warmup.done:
            return self.warmup.work(spare)
        if self._read_ahead():
            return True
        if self.live is None:
            self.live_results()  # results left from an earlier run start going out now
            return True
        return self.art.has_work and self.art.work(spare)

    def live_results(self):
        if self.live is None:
            self.live = _live().LiveResults(self)
            if self._results_due is not None:
                self.live.queue(self._results_due)
        self._results_due = None
        return self.live

    def queue_results(self, playthrough) -> None:
        """The playthrough's statements so far to the outbox (game.ui.live): now when live results are
        running, else as soon as they start, in the loop's spare time after the warm-up (or at the next
        decision, or on leaving), so starting a playthrough does not wait for them. Queueing is
        idempotent: what is already queued is not queued again."""
        if self.live is not None:
            self.live.queue(playthrough)
        else:
            self._results_due = playthrough

    def dispatch(self, event) -> None:
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESIZED, pygame.WINDOWRESTORED, pygame.VIDEOEXPOSE):
            self._dirty = True
            return
        action = A.map_event(event, SIZE)
        if action is None:
            return
        if action.kind == A.TEXT and self._opened_by:
            opened, self._opened_by = self._opened_by, ""
            if action.text.lower() == opened.lower():
                return
        elif event.type == pygame.KEYDOWN:
            self._opened_by = ""
        if (not self.prefs.shortcuts and event.type == pygame.KEYDOWN
                and action.kind in (A.SELECT, A.QUESTIONS, A.REVEAL, A.READ_ALOUD, A.INCREASE, A.DECREASE,
                                    A.UNDO, A.OVERRULE, A.COUNT)):
            return  # single-key shortcuts switched off in the settings (WCAG 2.1.4)
        if action.kind == A.READ_ALOUD:
            group = getattr(self.scenes.top, "group", None)
            focused = getattr(group, "focused", None)
            if type(focused).__name__ == "TextField":
                return  # a 'v' typed into a field (it arrives as text too)
            self.prefs.read_aloud = not self.prefs.read_aloud
            self.prefs.save(self.platform)
            self._dirty = True
            return
        if action.kind == A.QUIT:
            self.quit()
            return
        top = self.scenes.top
        if top is not None and top.handle(action):
            self._dirty = True
            if event.type == pygame.KEYDOWN and self.scenes.top is not top:
                self._opened_by = getattr(event, "unicode", "") or ""

    def draw(self) -> None:
        t0 = time.perf_counter()
        surface = self.surface
        for scene in self.scenes.visible():
            scene.draw(surface)
        if self.room is not None:
            self.room.draw(surface)  # the join line and the phones' count, over the room's decision
        if surface is not self.window:
            pygame.transform.smoothscale(surface, self.window.get_size(), self.window)
        pygame.display.flip()
        elapsed = time.perf_counter() - t0
        self.stats.drawn += 1
        self.stats.draw_seconds.append(elapsed)
        if self.stats.first_frame_at is None:
            self.stats.first_frame_at = time.perf_counter() - self.stats.started_at
        self._dirty = False
        self._a11y_publish()
        self._maybe_screenshot()

    # -- the screen-reader layer ----------------------------------------------------------------
    def _a11y_publish(self, defer: bool = True) -> None:
        """Describe the screen just drawn; give the description to the platform when it changed.
        The first frame does not wait for the layer's module (it imports every screen it describes):
        that frame is described at the start of the next iteration."""
        if defer and "game.ui.a11y" not in sys.modules and self.stats.drawn == 1:
            self._a11y_due = True
            return
        try:
            model, handlers = _a11y().describe(self)
            text = json.dumps(model, ensure_ascii=False, sort_keys=True)
        except Exception as exc:  # a description that cannot be built must not stop the game
            self.a11y_errors.append(exc)
            return
        self._a11y_handlers = handlers
        if text == self._a11y_json:
            return
        self._a11y_json = text
        self.a11y_model = model
        self.platform.announce(model)

    def _a11y_poll(self) -> None:
        """Carry out what was pressed in the screen-reader layer (its buttons act as keys would)."""
        try:
            requests = self.platform.poll_actions()
        except Exception as exc:
            self.a11y_errors.append(exc)
            return
        for request in requests or []:
            top = self.scenes.top
            if top is None or self.a11y_model is None:
                return
            a11y = _a11y()

            if self.a11y_model.get("id") != top.screen_id():
                return  # the screen changed since it was described: wait for the new description
            if a11y.perform(self, self._a11y_handlers, top.screen_id(), request):
                # one action per described screen: the next one waits for the next description
                self.a11y_model = dict(self.a11y_model, id="")
                self._a11y_json = ""

    def _maybe_screenshot(self) -> None:
        top = self.scenes.top
        if not self.opts.screenshots_dir or top is None:
            return
        sid = top.screen_id()
        if sid == self._shot_id or top.animating:
            return  # same screen, or still animating: wait for the settled frame
        self._shot_id = sid
        self._shots += 1
        folder = Path(self.opts.screenshots_dir)
        folder.mkdir(parents=True, exist_ok=True)
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in sid)
        pygame.image.save(self.surface, str(folder / f"{self._shots:03d}-{safe}.png"))

    # -- leaving --------------------------------------------------------------------------------
    def quit(self) -> None:
        """Window closed: save the playthrough first, then stop."""
        if self.playthrough is not None:
            self.playthrough.autosave()
        self.running = False

    def finish(self, result) -> None:
        self.result = result
        self.running = False

    # -- the loop -------------------------------------------------------------------------------
    async def run(self):
        """Run until the player quits (or the headless script ends); return the last ScoreCard."""
        if self.surface is None:
            self.start()
        last = time.perf_counter()
        while self.running:
            now = time.perf_counter()
            dt = FRAME if self.opts.headless else min(0.25, now - last)
            last = now
            self.step(dt)
            if self.opts.headless or IS_BROWSER:
                await asyncio.sleep(0)  # the browser paces frames; headless runs flat out
            else:
                # Sleep off the rest of the frame without blocking the event loop.
                await asyncio.sleep(max(0.0, FRAME - (time.perf_counter() - now)))
        await self._drain_live_results()
        if self.error is not None:
            raise self.error
        return self.result

    async def _drain_live_results(self) -> None:
        """Leaving: give results still in flight a moment to reach the store (what is not sent by
        then stays in the outbox and goes out the next time the game starts)."""
        if self._results_due is not None:
            self.live_results()  # a playthrough begun just now: its statements reach the outbox
        live = self.live
        if live is None or not live.connected:
            return
        waiting = _live().WAITING
        deadline = time.perf_counter() + (LIVE_DRAIN_HEADLESS if self.opts.headless else LIVE_DRAIN_WINDOW)
        while live.sender.state == waiting and time.perf_counter() < deadline:
            self.clock.advance(0.02)
            live.tick()
            await asyncio.sleep(0.02)
