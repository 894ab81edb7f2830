"""Live results during play: each step of the playthrough goes to the device's outbox as the xAPI
statements the export will hold (same ids, same content), and the sender delivers them to the
learning-record store the game was given, a little each frame (game.delivery).

Where the store comes from: in the browser, the facilitator's link (``#lrs=<endpoint>&lrsauth=<Basic
token>`` in the fragment, read by the page; docs/CONTRACTS.md §14); on the desktop,
``$RIGHTSPATH_LRS_ENDPOINT`` with ``$RIGHTSPATH_LRS_USER`` and ``$RIGHTSPATH_LRS_PASSWORD`` (or
``$RIGHTSPATH_LRS_AUTH``, a whole Authorization header value). Without one, the outbox still keeps
the statements on the device and the game says so.

Launched by a learning platform (``platform.lms()``, docs/CONTRACTS.md §14): in a cmi5 launch the
store is the LMS's (its endpoint and auth-token) and what goes there is the cmi5 session of
game.delivery.cmi5 (initialized, the decisions as cmi5 allowed statements, completed and passed or
failed, terminated), from an outbox of its own; in a SCORM launch the end of a playthrough reports
its score, status and time through ``platform.lms_report`` (once), besides any store of the link.
"""

from __future__ import annotations

import os

from datetime import datetime, timezone

from game.delivery import LrsTarget, Outbox, Sender
from game.delivery.cmi5 import Cmi5Launch, Cmi5Session, LaunchProblem, Namespaced, PageDuties, report_for_scorm
from game.delivery.scorm import LIMITS, SuspendProblem, resume_from, suspend_text
from game.delivery.sender import KEPT, OFF, SENT, WAITING
from game.exports import RecordError, live_statements
from game.exports.signing import sign_record
from game.platform import StorageError
from game.ui.exporting import lms_learner, lms_of, record_for, signing_key  # noqa: F401 (lms_learner: for callers)
from game.ui.saves import meta_key, read_save, save_key, write_save
from game.ui.tr import N_, _

ENDPOINT_ENV, USER_ENV, PASSWORD_ENV, AUTH_ENV = (
    "RIGHTSPATH_LRS_ENDPOINT", "RIGHTSPATH_LRS_USER", "RIGHTSPATH_LRS_PASSWORD", "RIGHTSPATH_LRS_AUTH")

STATUS = {
    SENT: N_("Results sent"),
    WAITING: N_("{n} results waiting to be sent"),
    KEPT: N_("Results kept on this device ({n} not sent)"),
}


def target_for(platform, environ=os.environ) -> LrsTarget | None:
    getter = getattr(platform, "lrs_target", None)
    found = getter() if callable(getter) else None
    if found:
        endpoint, authorization = found
        return LrsTarget(endpoint, authorization or "")
    if platform.name != "desktop":
        return None
    endpoint = (environ.get(ENDPOINT_ENV) or "").strip()
    if not endpoint:
        return None
    auth = (environ.get(AUTH_ENV) or "").strip()
    if auth:
        return LrsTarget(endpoint, auth)
    user, password = environ.get(USER_ENV) or "", environ.get(PASSWORD_ENV) or ""
    return LrsTarget.basic(endpoint, user, password) if user else LrsTarget(endpoint)


CMI5_PREFIX = "cmi5-"  # the cmi5 session's outbox, in storage of its own


def resume_from_lms(app) -> str:
    """A SCORM launch that resumes (cmi.suspend_data, game.delivery.scorm): the LMS's save becomes this
    device's autosave, unless the one here already holds those steps and more. "" or the reason."""
    info = lms_of(app.platform)
    if not info or info.get("kind") not in LIMITS or not info.get("suspendData"):
        return ""
    try:
        story, run, meta = resume_from(str(info["suspendData"]), app.stories)
        here = read_save(app.platform, story, app.save_prefix)
        def path(steps):
            return [(s.get("advance"), s.get("choose"), s.get("assess"), s.get("at")) for s in steps]
        if here is not None and here.run is not None:
            if here.run.seed == run.seed and path(here.run.steps)[:len(run.steps)] == path(run.steps):
                return ""
            # another playthrough of this scenario on this device: set aside (kept), never overwritten
            app.platform.set_aside(save_key(story, app.save_prefix))
            app.platform.set_aside(meta_key(story, app.save_prefix))
        write_save(app.platform, run, meta, app.save_prefix)
    except (SuspendProblem, StorageError) as exc:
        app.platform.status(_("The learning platform's saved progress could not be resumed: {reason}").format(
            reason=exc))
        return str(exc)
    return ""


class LiveResults:
    def __init__(self, app, environ=os.environ):
        self.app = app
        info = lms_of(app.platform)
        self.lms_kind = info.get("kind") if info else ""
        self.cmi5: Cmi5Session | None = None
        self.lms_problem = ""  # what the LMS launch or report said went wrong, if anything
        self.lms_reported = ""  # the SCORM report's answer ("ok"), once given
        self._waiting_session = None
        self.duties: PageDuties | None = None  # cmi5: the page's part (terminated if left, the way back)
        self.suspend_limit = int((info or {}).get("suspendLimit") or LIMITS.get(self.lms_kind, 0))
        self._suspended = None  # SCORM: the steps last kept in cmi.suspend_data
        if self.lms_kind == "cmi5":
            self.outbox = Outbox(Namespaced(app.platform, CMI5_PREFIX))
            self.sender = Sender(app.platform, self.outbox, None)
            self._cmi5_ready(info)
        else:
            self.outbox = Outbox(app.platform)
            self.sender = Sender(app.platform, self.outbox, target_for(app.platform, environ))
        self._shown = None

    def _cmi5_ready(self, info) -> None:
        """Once the page has the token and the launch data: the LMS's store, and initialized."""
        if self.cmi5 is not None or self.lms_problem or not info or not info.get("ready"):
            return
        try:
            launch = Cmi5Launch.from_info(info)
        except LaunchProblem as exc:
            self.lms_problem = f"the learning platform's launch is incomplete ({exc})"
            return
        self.sender.target = LrsTarget(launch.endpoint, launch.authorization)
        self.cmi5 = Cmi5Session(launch, self.app.platform)
        self.duties = PageDuties(self.cmi5, self.outbox, self.sender, self.app.platform, self.app.prefs.language)
        self.outbox.add(self.cmi5.start(datetime.now(timezone.utc)))
        if self._waiting_session is not None:
            session, self._waiting_session = self._waiting_session, None
            self.queue(session)

    @property
    def connected(self) -> bool:
        return self.sender.target is not None or (self.lms_kind == "cmi5" and not self.lms_problem)

    def queue(self, session) -> None:
        """Put what the playthrough has produced so far into the outbox (statements already queued or
        sent are not queued again). Never raises: a record that cannot be made is reported once."""
        try:
            record = record_for(session, ended_at=session.ended_at)
            if record["finished"] and session.ended_at is None:
                # The last choice reached the ending, but its feedback is still on screen (the facilitator
                # may yet undo it, issue 15): the playthrough ends, and its time is fixed, when it goes on
                # to the debrief (Playthrough.finish). Until then it goes out as one still running: its
                # start and its answers (and the voiding of an undone one).
                record = {**record, "finished": False}
            elif record["finished"]:
                key = signing_key(session)
                if key:
                    record = sign_record(record, key, is_trainee_key=True)
            stmts = live_statements(record)
            if self.lms_kind == "cmi5":
                if self.cmi5 is None:
                    self._waiting_session = session  # queued once the launch is ready
                else:
                    self.outbox.add(self.cmi5.statements(record, stmts, session.story))
                return
            self.outbox.add(stmts)
            if self.lms_kind in ("scorm12", "scorm2004") and record["finished"] and not self.lms_reported:
                self.lms_reported = self.app.platform.lms_report(report_for_scorm(record))
                if self.lms_reported != "ok":
                    self.lms_problem = f"the learning platform did not take the result ({self.lms_reported})"
        except (RecordError, ValueError) as exc:
            self.sender.problem = f"the results could not be prepared ({exc})"

    def tick(self) -> None:
        if self.lms_kind == "cmi5" and self.cmi5 is None and not self.lms_problem:
            self._cmi5_ready(lms_of(self.app.platform))
        self.sender.tick(self.app.clock.now)
        if self.duties is not None:
            self.duties.tick(self.app.clock.now)
        if self.suspend_limit and self.app.playthrough is not None:
            self._suspend(self.app.playthrough)
        text = self.status_text()
        if text != self._shown:
            self._shown = text
            self.app.platform.status(text)

    def _suspend(self, session) -> None:
        """SCORM: the LMS keeps the compact save (cmi.suspend_data) whenever the run has moved on."""
        steps = (session.story.id, len(session.run.steps), session.ended_at)
        if steps == self._suspended:
            return
        self._suspended = steps
        text = suspend_text(session.run, session.meta(), self.suspend_limit)
        if text is None:
            self.lms_problem = "the learning platform cannot keep this much progress; it is kept on this device only"
            return
        answer = self.app.platform.lms_suspend(text)
        if answer != "ok":
            self.lms_problem = f"the learning platform did not keep the progress ({answer})"

    def status_text(self) -> str:
        """The status line's words: sent / N waiting / kept on this device; nothing when there is no
        store and nothing waiting."""
        state = self.sender.state
        if state == OFF or (state == SENT and not self.sender.sent):
            return ""
        return _(STATUS[state]).format(n=self.sender.waiting)

    def debrief_line(self) -> str:
        """For the debrief: whether the facilitator already has this playthrough's results."""
        if not self.connected:
            return _("These results were not sent anywhere: export them for your facilitator.")
        if self.sender.state == SENT:
            return _("Your facilitator has these results (sent to the learning-record store).")
        if self.sender.stopped:
            return _("The results could not be sent ({problem}); they are kept on this device — export them "
                     "too.").format(problem=self.sender.problem)
        return _("{n} results are still waiting to be sent; keep this page open, or export them.").format(
            n=self.sender.waiting)
