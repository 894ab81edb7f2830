"""The statements still to send, in order, kept in the platform's storage (key ``xapi-outbox``)."""

from __future__ import annotations

import json

from game.engine import safeio
from game.platform import StorageError

KEY = "xapi-outbox"
FORMAT = "rightspath-outbox"


class Outbox:
    """Statements by id, oldest first. Adding a statement whose id is already queued changes nothing,
    so a playthrough that queues its statements again (a resumed save) sends each once.

    Every change is written through at once. When storage fails (private window, full disk) the
    queue lives on in memory and ``persistent`` turns False, so the game can say the results are
    only kept until the page or window closes. A stored queue that cannot be read is set aside (kept,
    never overwritten) and reported in ``problem``.
    """

    def __init__(self, platform, key: str = KEY):
        self.platform = platform
        self.key = key
        self.items: list[dict] = []
        self.persistent = True
        self.problem = ""
        self._load()

    def _load(self) -> None:
        try:
            text = self.platform.load(self.key)
        except StorageError as exc:
            self.persistent, self.problem = False, str(exc)
            return
        if text is None:
            return
        try:
            data = safeio.loads(text)
            if not (isinstance(data, dict) and data.get("format") == FORMAT and isinstance(data.get("statements"), list)):
                raise ValueError("not a RightsPath outbox")
            items = [s for s in data["statements"] if isinstance(s, dict) and isinstance(s.get("id"), str)]
        except ValueError as exc:
            where = None
            try:
                where = self.platform.set_aside(self.key)
            except StorageError:
                pass
            self.problem = f"the queue of results to send could not be read ({exc})" + (
                f"; it was kept as {where}" if where else "")
            return
        self.items = items

    def _store(self) -> None:
        text = json.dumps({"format": FORMAT, "statements": self.items}, ensure_ascii=False,
                          separators=(",", ":"))
        try:
            if self.items:
                self.platform.save(self.key, text)
            else:
                self.platform.delete(self.key)
            self.persistent = True
        except StorageError as exc:
            self.persistent, self.problem = False, str(exc)

    def __len__(self) -> int:
        return len(self.items)

    def add(self, statements) -> int:
        """Queue statements (each with its ``id``); returns how many were new."""
        known = {s["id"] for s in self.items}
        new = [s for s in statements if s["id"] not in known and not known.add(s["id"])]
        if new:
            self.items.extend(new)
            self._store()
        return len(new)

    def first(self, n: int) -> list[dict]:
        return self.items[:n]

    def drop(self, ids) -> None:
        """Forget statements the store has acknowledged."""
        gone = set(ids)
        if gone:
            self.items = [s for s in self.items if s["id"] not in gone]
            self._store()
