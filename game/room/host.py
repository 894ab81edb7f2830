"""The facilitator's side of a room: publish each round's state, poll the votes; one request at a time.

``tick(now)`` is called once per frame with the game's clock. It starts at most one request and
otherwise polls the one in flight through the platform bridge (``http_request``/``http_result``,
CONTRACTS §14), so a frame never waits for the network. State statements are PUT by their id (a
retry stores nothing twice); votes are fetched every ``POLL`` seconds, following ``more`` links.
"""

from __future__ import annotations

import json
import secrets
from urllib.parse import urlencode, urljoin

from game.room.protocol import (
    CLOSED, OPEN, REVEALED, Tally, debrief_statement, joined_registration, present, round_registration, state_statement,
    tally,
)

POLL = 2.0
JOIN_POLL = 6.0  # who has joined changes slowly: read every 6 s
RETRY_MAX = 30.0
MAX_PAGES = 50  # 100 statements a page at Ralph's default: 5,000 votes and changes per round


class RoomHost:
    def __init__(self, platform, target, code: str, *, lang: str = "en", host_id: str | None = None):
        self.platform, self.target, self.code, self.lang = platform, target, code, lang
        self.host_id = host_id or secrets.token_hex(3)  # rounds of another run of the same room differ
        self.round_no = 0
        self.round_id = ""
        self.state = ""
        self.options: list[tuple[str, str]] = []
        self.decision, self.prompt, self.deadline = "", "", ""
        self.tally = Tally(counts={})
        self.problem = ""
        self.polls = 0  # completed vote polls (for tests and the benchmark)
        self.present: dict[str, str] = {}  # phones that joined: account -> display name ("" anonymous)
        self.debrief: dict | None = None  # the room's debrief, once published
        self._seq = 0
        self._outgoing: list[dict] = []
        self._ticket: int | None = None
        self._kind = ""
        self._sent_round = ""
        self._pages: list = []
        self._closing_id = ""  # the id of this round's closing statement, until its stored time is known
        self._closed_at = ""
        self._next_poll = 0.0
        self._next_join = 0.0
        self._join_pages: list = []
        self._retry_at = 0.0
        self._delay = POLL

    # -- what the game does ----------------------------------------------------------------------
    def publish(self, decision: str, prompt: str, options, *, deadline: str | None = None) -> str:
        """A new round for this decision, open for votes; ``options`` [(id, text)] as shown."""
        self.round_no += 1
        self.round_id = f"{self.host_id}-{self.round_no}"
        self.decision, self.prompt, self.options = decision, prompt, [(str(o), str(t)) for o, t in options]
        self.deadline = deadline or ""
        self.tally = Tally(counts={oid: 0 for oid, _ in self.options})
        self._pages = []
        self._closing_id, self._closed_at = "", ""
        self._announce(OPEN)
        return self.round_id

    def close(self) -> None:
        if self.state == OPEN:
            self._announce(CLOSED)

    def reveal(self) -> None:
        if self.state in (OPEN, CLOSED):
            if self.state == OPEN:
                self._announce(CLOSED)
            self._announce(REVEALED)

    def publish_debrief(self, summary: dict) -> None:
        """The room's debrief (``room_debrief``) for the phones that voted: one statement at the end."""
        self._seq += 1
        self.debrief = summary
        self._outgoing.append(debrief_statement(self.code, self._seq, summary, lang=self.lang))

    @property
    def joined(self) -> int:
        """Phones in the room: those that said they joined, and any that voted without saying so."""
        return len(set(self.present) | set(self.tally.voters_ids))

    def _announce(self, state: str) -> None:
        self._seq += 1
        self.state = state
        statement = state_statement(
            self.code, self.round_id, self._seq, self.decision, self.prompt, self.options, state,
            deadline=self.deadline or None, lang=self.lang)
        if state == CLOSED:
            self._closing_id = statement["id"]
        self._outgoing.append(statement)
        self._next_poll = 0.0  # poll soon after: the close's stored time fixes the cut-off

    @property
    def settled(self) -> bool:
        """Voting is closed and the votes read include the store's closing time (the count is final)."""
        return self.state in (CLOSED, REVEALED) and not self._outgoing and bool(self._closed_at) and \
            self.tally.closed_at == self._closed_at

    # -- the frame loop's part -------------------------------------------------------------------
    def tick(self, now: float) -> None:
        if self.target is None:
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
        if self._outgoing:
            statement = self._outgoing[0]
            url = f"{self.target.statements_url}?{urlencode({'statementId': statement['id']})}"
            self._start("PUT", url, json.dumps(statement, ensure_ascii=False), "put")
        elif self._closing_id and not self._closed_at:  # the store's time of the close: the cut-off
            self._polling_round = self.round_id
            self._start("GET", f"{self.target.statements_url}?{urlencode({'statementId': self._closing_id})}", "", "closing")
        elif self.round_id and now >= self._next_poll:
            query = {"registration": round_registration(self.code, self.round_id)}
            self._pages = []
            self._polling_round = self.round_id
            self._start("GET", f"{self.target.statements_url}?{urlencode(query)}", "", "get")
        elif now >= self._next_join:
            self._join_pages = []
            query = {"registration": joined_registration(self.code)}
            self._start("GET", f"{self.target.statements_url}?{urlencode(query)}", "", "joined")

    def _start(self, method, url, body, kind) -> None:
        headers = self.target.headers()
        if method == "GET":
            headers.pop("Content-Type", None)
        try:
            self._ticket = self.platform.http_request(method, url, headers, body)
            self._kind = kind
        except Exception as exc:
            self._ticket = None
            self.problem = f"could not reach the store ({exc})"
            self._retry_at = self._next_poll = 0.0

    def _fail(self, problem: str, now: float) -> None:
        self.problem = problem
        self._retry_at = now + self._delay
        self._delay = min(self._delay * 2, RETRY_MAX)

    def _handle(self, answer, now: float) -> None:
        if not isinstance(answer, dict) or "error" in answer:
            self._fail(f"the store did not answer ({answer.get('error') if isinstance(answer, dict) else answer})", now)
            return
        try:
            status = int(answer.get("status", 0))
        except (TypeError, ValueError):
            status = 0
        body = answer.get("body", "")
        if self._kind == "put":
            if status in (200, 204) or status == 409:  # 409: an earlier try stored it
                self._outgoing.pop(0)
                self.problem, self._delay = "", POLL
            elif status in (401, 403):
                self._fail(f"the store refused the room's credential (HTTP {status})", now)
            else:
                self._fail(f"the store refused the room's announcement (HTTP {status}: {str(body)[:120]})", now)
            return
        if status != 200:
            self._fail(f"the store did not give the votes (HTTP {status})", now)
            return
        if self._kind == "closing":
            try:
                found = json.loads(body)
                if isinstance(found, dict) and isinstance(found.get("statements"), list):  # some stores wrap it
                    found = found["statements"][0]
                stored = found["stored"]
                if not isinstance(stored, str) or not stored:
                    raise TypeError
            except (ValueError, TypeError, KeyError, IndexError):
                self._fail("the store's answer about the closing of the vote could not be read", now)
                return
            if getattr(self, "_polling_round", "") == self.round_id:
                self._closed_at = stored
                self._next_poll = 0.0
            return
        try:
            result = json.loads(body)
            page = result["statements"]
            more = result.get("more") or ""
            if not isinstance(page, list) or not isinstance(more, str):
                raise TypeError
        except (ValueError, TypeError, KeyError, AttributeError):
            self._fail("the store's answer about the votes could not be read", now)
            return
        if self._kind == "joined":
            self._join_pages.extend(page)
            if more and len(self._join_pages) < MAX_PAGES * 100 and page:
                self._start("GET", urljoin(self.target.statements_url, more), "", "joined")
                return
            self.present = present(self._join_pages, self.code)
            self.problem, self._delay = "", POLL
            self._next_join = now + JOIN_POLL
            return
        if getattr(self, "_polling_round", "") != self.round_id:  # a new round began meanwhile
            self._next_poll = 0.0
            return
        self._pages.extend(page)
        if more and len(self._pages) < MAX_PAGES * 100 and page:
            self._start("GET", urljoin(self.target.statements_url, more), "", "get")
            return
        self.tally = tally(self._pages, self.code, self.round_id, [oid for oid, _ in self.options], self._closed_at)
        self.polls += 1
        self.problem, self._delay = "", POLL
        self._next_poll = now + POLL
