"""Sending the outbox to a learning-record store, a batch at a time, without ever blocking a frame.

``tick(now)`` is called once per loop iteration with the virtual clock's time. It starts at most one
request and otherwise only polls the one in flight. A batch is POSTed to ``statements``; when the
store refuses the batch because some id is already stored (HTTP 409, as after a retry whose answer
was lost), each statement is PUT by its id instead, which stores a new one and accepts an identical
one. So nothing is ever stored twice: the ids are derived from the playthrough, not drawn.
Network failures and 5xx answers are retried with a back-off (2, 4, 8 … s, at most 60 s); a refused
credential (401/403) or a rejected statement (400) stops sending, keeps the statements, and says so.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass

XAPI_VERSION = "1.0.3"
BATCH = 20
FIRST_RETRY, MAX_RETRY = 2.0, 60.0

SENT, WAITING, KEPT, OFF = "sent", "waiting", "kept", "off"


@dataclass(frozen=True)
class LrsTarget:
    """Where live results go: the store's xAPI endpoint (ending in ``/``) and its credential, sent as
    the ``Authorization`` header (``Basic …`` for a key and secret)."""

    endpoint: str
    authorization: str = ""

    @classmethod
    def basic(cls, endpoint: str, user: str, password: str) -> "LrsTarget":
        token = base64.b64encode(f"{user}:{password}".encode("utf-8")).decode("ascii")
        return cls(endpoint, f"Basic {token}")

    @property
    def statements_url(self) -> str:
        return self.endpoint.rstrip("/") + "/statements"

    def headers(self) -> dict[str, str]:
        out = {"Content-Type": "application/json", "X-Experience-API-Version": XAPI_VERSION}
        if self.authorization:
            out["Authorization"] = self.authorization
        return out


class Sender:
    def __init__(self, platform, outbox, target: LrsTarget | None):
        self.platform = platform
        self.outbox = outbox
        self.target = target
        self.sent = 0  # statements acknowledged by the store since start
        self.problem = ""  # the last failure, for the status line and the debrief
        self.stopped = False  # a failure retrying cannot mend (credential, rejected statement)
        self._ticket: int | None = None
        self._batch: list[dict] = []
        self._puts: list[dict] = []  # statements to PUT one by one after a 409
        self._retry_at = 0.0
        self._delay = FIRST_RETRY
        # Optional: an object with ``refused(batch) -> ids`` and ``acknowledged(statement)``, which
        # keeps statements from going after their session's last one (cmi5: nothing after terminated).
        self.gate = None
        self.withheld = 0  # statements the gate kept back (dropped from the outbox, never sent)

    # -- what the player is told ---------------------------------------------------------------
    @property
    def state(self) -> str:
        """``sent`` (nothing waiting), ``waiting`` (N to send, trying), ``kept`` (N on this device,
        not being sent: no store, or it refused), ``off`` (no store and nothing queued)."""
        if self.target is None:
            return KEPT if len(self.outbox) else OFF
        if not len(self.outbox):
            return SENT
        return KEPT if self.stopped else WAITING

    @property
    def waiting(self) -> int:
        return len(self.outbox)

    @property
    def busy(self) -> bool:
        return self._ticket is not None

    # -- the frame loop's part -------------------------------------------------------------------
    def tick(self, now: float) -> None:
        if self.target is None or self.stopped:
            return
        if self._ticket is not None:
            answer = self.platform.http_result(self._ticket)
            if answer is None:
                return
            self._ticket = None
            self._handle(answer, now)
            return
        if now < self._retry_at:
            return
        if self._puts:
            statement = self._puts[0]
            self._start("PUT", f"{self.target.statements_url}?statementId={statement['id']}", statement)
            return
        batch = self.outbox.first(BATCH)
        if self.gate is not None and batch:
            refused = self.gate.refused(batch)
            if refused:
                self.outbox.drop(refused)
                self.withheld += len(refused)
                batch = [s for s in batch if s["id"] not in refused]
        if batch:
            self._batch = batch
            self._start("POST", self.target.statements_url, batch)

    def _start(self, method: str, url: str, payload) -> None:
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        try:
            self._ticket = self.platform.http_request(method, url, self.target.headers(), body)
        except Exception as exc:  # the page's bridge refused: try again later
            self._ticket = None
            self._fail(f"could not start sending ({exc})", 0.0)

    def _handle(self, answer: dict, now: float) -> None:
        if "error" in answer:
            self._fail(str(answer["error"]), now)
            return
        status = int(answer.get("status", 0))
        body = str(answer.get("body", ""))[:300]
        if self._puts:
            statement = self._puts[0]
            if status in (200, 204):
                self._puts.pop(0)
                self._acknowledged([statement["id"]], [statement])
            elif status == 409:
                self._stop(f"the store already holds a different statement with id {statement['id']} (HTTP 409)")
            else:
                self._http_failure(status, body, now)
            return
        if status in (200, 204):
            self._acknowledged([s["id"] for s in self._batch], self._batch)
            self._batch = []
        elif status == 409:
            self._puts = list(self._batch)  # some are stored already: one by one, by id
            self._batch = []
        else:
            self._http_failure(status, body, now)

    def _acknowledged(self, ids: list[str], statements: list[dict] = ()) -> None:
        if self.gate is not None:
            for s in statements:
                self.gate.acknowledged(s)
        self.outbox.drop(ids)
        self.sent += len(ids)
        self.problem = ""
        self._delay = FIRST_RETRY

    def _http_failure(self, status: int, body: str, now: float) -> None:
        if status in (401, 403):
            self._stop(f"the store refused the credential (HTTP {status})")
        elif status in (400, 413, 422):
            self._stop(f"the store rejected the results (HTTP {status}: {body})")
        else:
            self._fail(f"the store answered HTTP {status}", now)

    def _fail(self, problem: str, now: float) -> None:
        self.problem = problem
        self._retry_at = now + self._delay
        self._delay = min(MAX_RETRY, self._delay * 2)

    def _stop(self, problem: str) -> None:
        self.problem = problem
        self.stopped = True
