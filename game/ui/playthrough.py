"""One playthrough on screen: the story, its Run, the mode, the autosave, and the score once it ends.

The play screens call ``choose()`` and ``advance()``; each records the step in the Run, autosaves it
(a decision is committed only once it is on disk), and hands over to ``game.ui.flow``, which picks
the screen for wherever the run now stands. A "session" elsewhere is the facilitator's session code
(``prefs.session``, the record's ``session``); this is one player's (or one room's) playthrough.
"""

from __future__ import annotations

import time

from game.engine import Run
from game.engine.run import new_seed
from game.engine.scoring import ScoreCard
from game.platform import StorageError
from game.ui import deferred
from game.ui.saves import drop_save, write_save
from game.ui.screens.dialog import message
from game.ui.screens.loading import prepare
from game.ui.tr import N_, _


class Playthrough:
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
        # The score, computed once when the run ends (``finish``): the debrief, App.result, the
        # autopilot and the export all read this one.
        self.card: ScoreCard | None = self.run.score() if self.run.ended else None
        self.decision_started = app.clock.now  # set again by each decision screen as it opens
        self.save_error = ""
        self._told_not_saved = False  # the player is told once, with a dialog, that saving has stopped
        self.meters_shown = dict(self.run.variables)  # what the meters showed last: changes glide from there
        self.overrules: dict[int, dict] = {}  # decision number -> the room's choice and the reason (issue 18)
        # The room's choices played and then undone by the facilitator, in order (issue 15): what the
        # record's ``undone`` is replayed from ({"index", "chosen", "seconds", "votes", "overrule"?}).
        self.undone: list[dict] = []
        self.reopened: dict | None = None  # the decision just undone: its node and the votes it had

    @property
    def facilitated(self) -> bool:
        return self.mode == "facilitated"

    @classmethod
    def resumed(cls, app, info) -> "Playthrough":
        """The playthrough of a save read by ``game.ui.saves.read_save``: its mode and start time."""
        meta = info.meta or {}
        started = meta.get("started_at") if isinstance(meta.get("started_at"), str) else None
        ended = meta.get("ended_at") if isinstance(meta.get("ended_at"), str) else None
        made = cls(app, info.story, run=info.run, mode=meta.get("mode") or app.prefs.mode, started_at=started,
                   ended_at=ended)
        made.overrules = kept_overrules(meta.get("overrules"), made.run)
        made.undone = kept_undone(meta.get("undone"), made.run, info.story)
        return made

    def meta(self) -> dict:
        """Who plays and how: kept beside the autosave and written into the exports."""
        p = self.app.prefs
        meta = {"mode": self.mode, "trainee": p.trainee, "session": p.session, "role": p.role,
                "language": p.language, "started_at": self.started_at}
        if self.ended_at:
            meta["ended_at"] = self.ended_at
        if self.overrules:  # kept with the autosave, so a resumed room still exports them
            meta["overrules"] = {str(n): dict(o) for n, o in self.overrules.items()}
        if self.undone:  # likewise the choices undone (issue 15)
            meta["undone"] = [dict(u) for u in self.undone]
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

    def finish(self) -> None:
        """The run has reached its ending: fix its time and its score once, save, send the result."""
        if self.card is None:
            self.card = self.run.score()
        if self.ended_at is None:
            self.ended_at = utc_now()
            self.autosave()
            self.app.live_results().queue(self)  # completed, passed/failed, terminated
        self.app.result = self.card

    # -- the steps the play screens take -------------------------------------------------------
    def begin(self) -> None:
        """Show the screen for wherever the run stands (a new run or a resumed one), after the loading
        screen has compiled what play needs and made the first screen's pictures (issue 16)."""
        self.app.queue_results(self)  # 'initialized' (and whatever a resumed run had done)
        prepare(self.app, self, lambda: _flow().begin(self))

    def advance(self) -> None:
        self.run.advance()
        if self.run.kind != "scene":
            self.autosave()  # leaving narration: cheap, and keeps the place on reload
        _flow().show_current(self)
        self._tell_if_not_saved()

    def show_current(self) -> None:
        """Go on to the screen for where the run stands (the feedback's Continue)."""
        _flow().show_current(self)

    def choose(self, choice_id: str, votes: dict[str, int] | None = None, overrule: dict | None = None) -> None:
        """``overrule``: the facilitator played another option than the room's: {"room_choice", "reason"}
        (kept for the record's decisions[].overrule; issue 18)."""
        seconds = max(0.0, self.app.clock.now - self.decision_started)
        node_id, node = self.run.node_id, self.run.node
        result = self.run.choose(choice_id, seconds=round(seconds, 1), votes=votes)
        if overrule:
            self.overrules[len(self.run.history)] = dict(overrule)
        self.autosave()  # the decision is committed only once it is on disk
        self.app.live_results().queue(self)  # its 'answered' statement, to the outbox
        _flow().after_choice(self, node_id, node, result)
        self._tell_if_not_saved()

    def assess(self, marks, votes: dict[str, int] | None = None) -> None:
        """Submit the current individual assessment with ``marks`` (item ids): one step, like a choice."""
        seconds = max(0.0, self.app.clock.now - self.decision_started)
        node_id, node = self.run.node_id, self.run.node
        result = self.run.assess(marks, seconds=round(seconds, 1), votes=votes)
        self.autosave()  # committed only once it is on disk
        self.app.live_results().queue(self)  # its 'answered' statement, to the outbox
        _flow().after_choice(self, node_id, node, result)
        self._tell_if_not_saved()

    def can_undo(self) -> bool:
        """Facilitated mode, the room's choice just played and its feedback on screen: the choice can
        be taken back (not an individual assessment, and not once the debrief has been reached)."""
        run = self.run
        return (self.facilitated and bool(run.history) and self.ended_at is None and bool(run.steps)
                and "choose" in run.steps[-1])

    def undo_choice(self) -> bool:
        """The facilitator takes back the room's choice just played (issue 15): the run goes back to
        that decision, which opens again with the votes it had. Nothing is erased: the record keeps the
        undone choice (``undone``), and its answer, already sent, is voided in the learning-record
        store (game.exports.xapi). Saved before the screen changes, like a choice."""
        if not self.can_undo():
            return False
        index = len(self.run.history)
        rec = self.run.history[-1]
        entry = {"index": index, "chosen": rec.chosen, "seconds": rec.seconds, "votes": rec.votes}
        if index in self.overrules:
            entry["overrule"] = self.overrules.pop(index)
        self.undone.append(entry)
        self.run = self.run.before_decision(index)
        self.card = None
        self.meters_shown = dict(self.run.variables)
        self.reopened = {"node": rec.node, "votes": dict(rec.votes or {})}
        self.autosave()
        self.app.live_results().queue(self)  # the voiding statement, to the outbox
        _flow().show_current(self)
        self._tell_if_not_saved()
        return True

    def _tell_if_not_saved(self) -> None:
        """The first time an autosave fails (browser storage full or disabled, a read-only folder),
        say so over the new screen: the player can go on, but must not count on closing the page."""
        if not self.save_error or self._told_not_saved or self.app.storage_warned:
            return
        self._told_not_saved = True
        text = _("Your progress could not be saved: {reason}. You can keep playing, but if you close the page "
                 "or the game now, this playthrough is lost. At the end, use “Export results” to keep your "
                 "results.").format(reason=self.save_error.rstrip("."))
        message(self.app, N_("Progress is not being saved"), text, icon="warning", name="save-failed")

    def restart(self) -> None:
        self.discard_save()
        self.overrules, self.undone, self.reopened = {}, [], None
        self.run = Run(self.story, seed=self.run.seed)
        self.started_at = utc_now()
        self.ended_at = None
        self.card = None
        self.meters_shown = dict(self.run.variables)
        self.begin()


def _flow():
    # On the first step, not at the top: the title does not draw what the flow imports.
    return deferred.load("game.ui.flow")


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


def kept_overrules(saved, run) -> dict[int, dict]:
    """The overrules kept beside an autosave (untrusted: another program may have written it): those
    that still fit the run's decisions (the room's choice another option on offer, a reason given)."""
    out: dict[int, dict] = {}
    for key, value in (saved.items() if isinstance(saved, dict) else ()):
        if not (isinstance(key, str) and key.isdigit() and isinstance(value, dict)):
            continue
        n, room, reason = int(key), value.get("room_choice"), value.get("reason")
        if not 1 <= n <= len(run.history) or not isinstance(reason, str) or not reason.strip() or len(reason) > 500:
            continue
        rec = run.history[n - 1]
        if room in rec.shown and room != rec.chosen:
            out[n] = {"room_choice": room, "reason": reason.strip()}
    return out


def kept_undone(saved, run, story) -> list[dict]:
    """The undone choices kept beside an autosave (untrusted): kept only if the record can replay
    them all on this run (game.exports.record, the same check an export gets); else none, and the
    playthrough goes on from its steps, which the save's own checks already replayed."""
    if not isinstance(saved, list) or not saved:
        return []
    try:
        deferred.load("game.exports.record").build_record(run, story, {"mode": "facilitated", "undone": saved})
    except (ValueError, TypeError, KeyError):
        return []
    return [dict(u) for u in saved]
