"""The statements still to send, in order, kept in the platform's storage.

Stored in pages of ``PAGE`` statements under the keys ``xapi-outbox-00000001``, ``-00000002``, … so
that queueing a decision's statement rewrites one small page, and acknowledging a batch rewrites or
removes only the pages it empties: the cost of a change does not grow with the queue (a browser's
local storage and the desktop's files are both written whole, per key).
"""

from __future__ import annotations

import json
import re

from game.engine import safeio
from game.platform import StorageError

PREFIX = "xapi-outbox"
FORMAT = "rightspath-outbox"
PAGE = 50
_PAGE_KEY = re.compile(r"^xapi-outbox-(\d{8})$")


class Outbox:
    """Statements by id, oldest first. Adding a statement whose id is already queued changes nothing,
    so a playthrough that queues its statements again (a resumed save) sends each once.

    Every change is written through at once. When storage fails (private window, full disk) the
    queue lives on in memory and ``persistent`` turns False, so the game can say the results are
    only kept until the page or window closes. A stored page that cannot be read is set aside (kept,
    never overwritten) and reported in ``problem``; the other pages are still sent.
    """

    def __init__(self, platform):
        self.platform = platform
        self.pages: list[tuple[int, list[dict]]] = []  # (page number, statements), in order
        self._ids: set[str] = set()
        self.persistent = True
        self.problem = ""
        self._load()

    # -- storage -----------------------------------------------------------------------------------
    @staticmethod
    def key(number: int) -> str:
        return f"{PREFIX}-{number:08d}"

    def _load(self) -> None:
        try:
            numbers = sorted(int(m.group(1)) for k in self.platform.keys() if (m := _PAGE_KEY.match(k)))
        except StorageError as exc:
            self.persistent, self.problem = False, str(exc)
            return
        for number in numbers:
            try:
                text = self.platform.load(self.key(number))
            except StorageError as exc:
                self.persistent, self.problem = False, str(exc)
                return
            if text is None:
                continue
            try:
                data = safeio.loads(text)
                if not (isinstance(data, dict) and data.get("format") == FORMAT
                        and isinstance(data.get("statements"), list)):
                    raise ValueError("not a page of RightsPath results to send")
                items = [s for s in data["statements"] if isinstance(s, dict) and isinstance(s.get("id"), str)
                         and s["id"] not in self._ids]
            except ValueError as exc:
                where = None
                try:
                    where = self.platform.set_aside(self.key(number))
                except StorageError:
                    pass
                self.problem = f"a page of results to send could not be read ({exc})" + (
                    f"; it was kept as {where}" if where else "")
                continue
            self._ids.update(s["id"] for s in items)
            self.pages.append((number, items))

    def _write(self, number: int, items: list[dict]) -> None:
        try:
            if items:
                self.platform.save(self.key(number), json.dumps(
                    {"format": FORMAT, "statements": items}, ensure_ascii=False, separators=(",", ":")))
            else:
                self.platform.delete(self.key(number))
            self.persistent = True
        except StorageError as exc:
            self.persistent, self.problem = False, str(exc)

    # -- the queue ---------------------------------------------------------------------------------
    @property
    def items(self) -> list[dict]:
        return [s for _, page in self.pages for s in page]

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, statements) -> int:
        """Queue statements (each with its ``id``); returns how many were new."""
        new = []
        for s in statements:
            if s["id"] not in self._ids:
                self._ids.add(s["id"])
                new.append(s)
        touched: dict[int, list[dict]] = {}
        for s in new:
            if not self.pages or len(self.pages[-1][1]) >= PAGE:
                self.pages.append(((self.pages[-1][0] + 1) if self.pages else 1, []))
            number, page = self.pages[-1]
            page.append(s)
            touched[number] = page
        for number, page in touched.items():
            self._write(number, page)
        return len(new)

    def first(self, n: int) -> list[dict]:
        out: list[dict] = []
        for _, page in self.pages:
            out.extend(page[: n - len(out)])
            if len(out) >= n:
                break
        return out

    def drop(self, ids) -> None:
        """Forget statements the store has acknowledged."""
        gone = set(ids) & self._ids
        if not gone:
            return
        self._ids -= gone
        kept_pages = []
        for number, page in self.pages:
            if any(s["id"] in gone for s in page):
                page = [s for s in page if s["id"] not in gone]
                self._write(number, page)
            if page:
                kept_pages.append((number, page))
        self.pages = kept_pages
