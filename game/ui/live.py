"""Live results during play: each step of the playthrough goes to the device's outbox as the xAPI
statements the export will hold (same ids, same content), and the sender delivers them to the
learning-record store the game was given, a little each frame (game.delivery).

Where the store comes from: in the browser, the facilitator's link (``#lrs=<endpoint>&lrsauth=<Basic
token>`` in the fragment, read by the page; docs/CONTRACTS.md §14); on the desktop,
``$RIGHTSPATH_LRS_ENDPOINT`` with ``$RIGHTSPATH_LRS_USER`` and ``$RIGHTSPATH_LRS_PASSWORD`` (or
``$RIGHTSPATH_LRS_AUTH``, a whole Authorization header value). Without one, the outbox still keeps
the statements on the device and the game says so.
"""

from __future__ import annotations

import os

from game.delivery import LrsTarget, Outbox, Sender
from game.delivery.sender import KEPT, OFF, SENT, WAITING
from game.exports import RecordError, live_statements
from game.exports.signing import sign_record
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


class LiveResults:
    def __init__(self, app, environ=os.environ):
        self.app = app
        self.outbox = Outbox(app.platform)
        self.sender = Sender(app.platform, self.outbox, target_for(app.platform, environ))
        self._shown = None

    @property
    def connected(self) -> bool:
        return self.sender.target is not None

    def queue(self, session) -> None:
        """Put what the playthrough has produced so far into the outbox (statements already queued or
        sent are not queued again). Never raises: a record that cannot be made is reported once."""
        from game.ui.exporting import record_for, session_key

        try:
            record = record_for(session, ended_at=session.ended_at)
            if record["finished"]:
                key = session_key(session)
                if key:
                    record = sign_record(record, key, is_trainee_key=True)
            self.outbox.add(live_statements(record))
        except (RecordError, ValueError) as exc:
            self.sender.problem = f"the results could not be prepared ({exc})"

    def tick(self) -> None:
        self.sender.tick(self.app.clock.now)
        text = self.status_text()
        if text != self._shown:
            self._shown = text
            self.app.platform.status(text)

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
