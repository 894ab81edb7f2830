"""One playthrough on screen: the story, its Run, the mode, and which screen shows the current node.

The scenes ask the session for the next screen after each step, so the flow scene → decision →
feedback → … → debrief lives in one place, and every decision is autosaved before anything else
happens.
"""

from __future__ import annotations

import time

from game.engine import Run
from game.engine.run import new_seed
from game.platform import StorageError
from game.ui.saves import drop_save, write_save
from game.ui.tr import N_, _

PORTRAIT_SIZE = (340, 420)
# How many nodes ahead (breadth-first) get their pictures first whenever the player moves on.
UPCOMING_NODES = 8


class Session:
    def __init__(self, app, story, run: Run | None = None, mode: str | None = None,
                 started_at: str | None = None, ended_at: str | None = None):
        self.app = app
        self.story = story
        self.run = run or Run(story, seed=playthrough_seed(app.opts))
        self.mode = mode or app.prefs.mode
        # When the playthrough began (UTC, ISO 8601): kept in the autosave's meta so a resumed run
        # exports its true start, not the moment it was resumed.
        self.started_at = started_at or utc_now()
        # When it reached its ending: fixed once, so the live statements and every later export agree.
        self.ended_at = ended_at if self.run.ended else None
        self.results: dict[int, object] = {}  # decision number -> its DecisionRecord
        self.decision_started = app.clock.now
        self.save_error = ""
        self._told_not_saved = False  # the player is told once, with a dialog, that saving has stopped
        self.meters_shown = dict(self.run.variables)  # what the meters showed last: changes glide from there

    @property
    def facilitated(self) -> bool:
        return self.mode == "facilitated"

    @classmethod
    def resumed(cls, app, info) -> "Session":
        """The session of a save read by ``game.ui.saves.read_save``: its mode and start time."""
        meta = info.meta or {}
        started = meta.get("started_at") if isinstance(meta.get("started_at"), str) else None
        ended = meta.get("ended_at") if isinstance(meta.get("ended_at"), str) else None
        return cls(app, info.story, run=info.run, mode=meta.get("mode") or app.prefs.mode, started_at=started,
                   ended_at=ended)

    def meta(self) -> dict:
        """Who plays and how: kept beside the autosave and written into the exports."""
        p = self.app.prefs
        meta = {"mode": self.mode, "trainee": p.trainee, "session": p.session, "role": p.role,
                "language": p.language, "started_at": self.started_at}
        if self.ended_at:
            meta["ended_at"] = self.ended_at
        return meta

    def autosave(self) -> bool:
        try:
            write_save(self.app.platform, self.run, self.meta(), self.app.save_prefix)
        except StorageError as exc:
            self.save_error = str(exc)
            # The page's status line keeps saying so while it lasts (the pause menu does too).
            self.app.platform.status(_("Progress is not being saved: {reason}").format(reason=self.save_error))
            return False
        if self.save_error:
            self.app.platform.status("")  # saving works again
        self.save_error = ""
        if self.app.on_autosave is not None:
            self.app.on_autosave(len(self.run.history))
        return True

    def discard_save(self) -> None:
        drop_save(self.app.platform, self.story, self.app.save_prefix)

    # -- flow -----------------------------------------------------------------------------------
    def begin(self) -> None:
        """Show the screen for wherever the run stands (a new run or a resumed one)."""
        from game.ui.artcache import node_keys, upcoming_keys
        from game.ui.screens.loading import LoadingScene

        self.app.live_results().queue(self)  # 'initialized' (and whatever a resumed run had done)
        art, size = self.app.art, self.app.size
        art.keep_only(self.story, size, PORTRAIT_SIZE)
        # Everything the story can show, nearest first, is made in spare time from now on; only the
        # first screen's pictures are waited for.
        art.queue(upcoming_keys(self.story, self.run.node_id, size, PORTRAIT_SIZE))
        first = [k for k in node_keys(self.story, self.run.node_id, size, PORTRAIT_SIZE) if not art.has(k)]
        if not first:
            self.app.scenes.reset(self._scene_for_current())
            return
        self.app.scenes.reset(LoadingScene(self.app, self.story, first,
                                           then=lambda: self.app.scenes.replace(self._scene_for_current())))

    begin_from_title = begin

    def show_current(self) -> None:
        from game.ui.artcache import upcoming_keys

        # The screens that can come after this one get their pictures first.
        self.app.art.prioritise(upcoming_keys(self.story, self.run.node_id, self.app.size, PORTRAIT_SIZE,
                                              limit=UPCOMING_NODES))
        self.app.scenes.replace(self._scene_for_current())

    def _scene_for_current(self):
        run = self.run
        if run.ended:
            from game.ui.screens.debrief import DebriefScene

            if self.ended_at is None:
                self.ended_at = utc_now()
                self.autosave()
                self.app.live_results().queue(self)  # completed, passed/failed, terminated
            scene = DebriefScene(self.app, self)
            self.app.result = run.score()
        elif run.kind == "decision":
            from game.ui.screens.decision import DecisionScene

            self.decision_started = self.app.clock.now
            scene = DecisionScene(self.app, self)
        else:
            from game.ui.screens.story import StoryScene

            scene = StoryScene(self.app, self)
        return scene

    def advance(self) -> None:
        self.run.advance()
        if self.run.kind != "scene":
            self.autosave()  # leaving narration: cheap, and keeps the place on reload
        self.show_current()
        self._tell_if_not_saved()

    def choose(self, choice_id: str, votes: dict[str, int] | None = None) -> None:
        from game.ui.screens.feedback import FeedbackScene

        seconds = max(0.0, self.app.clock.now - self.decision_started)
        node = self.run.node
        node_id = self.run.node_id
        result = self.run.choose(choice_id, seconds=round(seconds, 1), votes=votes)
        self.results[len(self.run.history)] = result
        self.autosave()  # the decision is committed only once it is on disk
        self.app.live_results().queue(self)  # its 'answered' statement, to the outbox
        if self.mode == "assessment":
            self.show_current()
        else:
            self.app.scenes.replace(FeedbackScene(self.app, self, node_id, node, result))
        self._tell_if_not_saved()

    def _tell_if_not_saved(self) -> None:
        """The first time an autosave fails (browser storage full or disabled, a read-only folder),
        say so over the new screen: the player can go on, but must not count on closing the page."""
        if not self.save_error or self._told_not_saved or self.app.storage_warned:
            return
        from game.ui.screens.dialog import message

        self._told_not_saved = True
        text = _("Your progress could not be saved: {reason}. You can keep playing, but if you close the page "
                 "or the game now, this playthrough is lost. At the end, use “Export results” to keep your "
                 "results.").format(reason=self.save_error.rstrip("."))
        message(self.app, N_("Progress is not being saved"), text, icon="warning", name="save-failed")

    def restart(self) -> None:
        self.discard_save()
        self.run = Run(self.story, seed=self.run.seed)
        self.started_at = utc_now()
        self.ended_at = None
        self.results.clear()
        self.meters_shown = dict(self.run.variables)
        self.begin()


def playthrough_seed(opts) -> int:
    """The seed a new playthrough is given: the one asked for (--seed, a headless script), else a
    fresh one, which the autosave keeps, so a resumed run shows the options in the same order."""
    if getattr(opts, "seed", None) is not None:
        return int(opts.seed)
    if opts.auto_seed is not None:
        return int(opts.auto_seed)
    return new_seed()


def utc_now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
