"""A small xAPI 1.0.3 client for learning-record stores: send statements, fetch them back.

Authoring side (uses requests). Every failure becomes an LRSError whose message says what happened
and what to check — an unreachable host, refused credentials, statements the LRS rejected.
"""

from __future__ import annotations

from typing import Iterator
from urllib.parse import urljoin

import requests

from game.paths import split_web_address
from game.engine.safeio import loads as safe_loads

XAPI_VERSION = "1.0.3"
PAGE_LIMIT = 500
MAX_PAGES = 10_000  # a `more` chain longer than this is an LRS that loops


class LRSError(Exception):
    """Talking to the LRS failed; the message is for the user."""


def _json(response: requests.Response):
    """The body as JSON, read like every other JSON we did not write (bounded depth); ValueError if
    it is not JSON."""
    return safe_loads(response.content)


def _detail(response: requests.Response) -> str:
    """The LRS's own explanation, shortened: JSON 'detail'/'message'/'error', else the body text."""
    try:
        body = _json(response)
    except ValueError:
        text = response.text.strip()
        return text[:500] or response.reason or ""
    if isinstance(body, dict):
        for key in ("detail", "message", "error", "errors"):
            if key in body:
                value = body[key]
                if isinstance(value, list):  # pydantic-style lists of problems
                    parts = []
                    for item in value[:5]:
                        if isinstance(item, dict):
                            loc = [p for p in item.get("loc", ()) if p != "body"]
                            prefix = f"statement {loc.pop(0) + 1}: " if loc and isinstance(loc[0], int) else ""
                            where = prefix + ".".join(str(p) for p in loc)
                            parts.append(f"{where}: {item.get('msg', item)}" if where else str(item.get("msg", item)))
                        else:
                            parts.append(str(item))
                    more = f" (and {len(value) - 5} more)" if len(value) > 5 else ""
                    return "; ".join(parts) + more
                return str(value)[:500]
    return str(body)[:500]


class LRSClient:
    def __init__(self, endpoint: str, user: str | None, password: str | None, timeout: float = 30.0,
                 page_limit: int = PAGE_LIMIT):
        if not endpoint.startswith(("http://", "https://")):
            raise LRSError(f"the LRS endpoint must be an http:// or https:// address, not {endpoint!r}")
        try:
            split_web_address(endpoint)
        except ValueError as exc:
            raise LRSError(f"the LRS endpoint {endpoint!r} is not a web address ({exc})") from None
        self.endpoint = endpoint if endpoint.endswith("/") else endpoint + "/"
        self.statements_url = urljoin(self.endpoint, "statements")
        self.timeout = timeout
        self.page_limit = page_limit
        self.session = requests.Session()
        if user is not None or password is not None:
            self.session.auth = (user or "", password or "")
        self.session.headers.update({"X-Experience-API-Version": XAPI_VERSION})

    def close(self) -> None:
        self.session.close()

    # -- one request, every failure explained ------------------------------------------------------
    def _request(self, method: str, url: str, **kwargs) -> requests.Response:
        try:
            response = self.session.request(method, url, timeout=self.timeout, **kwargs)
        except requests.exceptions.Timeout:
            raise LRSError(f"the LRS at {self.endpoint} did not answer within {self.timeout:g} s") from None
        except requests.exceptions.ConnectionError as exc:
            reason = str(exc.args[0]) if exc.args else str(exc)
            if "Name or service not known" in reason or "nodename nor servname" in reason or "getaddrinfo" in reason:
                why = "the host name is unknown"
            elif "Connection refused" in reason:
                why = "nothing is listening there (connection refused)"
            else:
                why = "the connection failed"
            raise LRSError(f"cannot reach the LRS at {self.endpoint}: {why}. Check the address and that the "
                           "LRS is running.") from None
        except requests.exceptions.RequestException as exc:
            raise LRSError(f"cannot talk to the LRS at {self.endpoint}: {exc}") from None
        if response.status_code in (401, 403):
            raise LRSError(f"the LRS at {self.endpoint} refused the credentials (HTTP {response.status_code}: "
                           f"{_detail(response)}). Check --user and --password.")
        if response.status_code == 404:
            raise LRSError(f"no xAPI statements resource at {url} (HTTP 404). The endpoint is usually the "
                           "address ending in /xAPI/ or /data/xAPI/.")
        return response

    # -- sending ---------------------------------------------------------------------------------------
    def send(self, statements: list[dict]) -> int:
        """POST a batch. Returns how many the LRS reports as newly stored (duplicates are not stored twice)."""
        if not statements:
            return 0
        response = self._request("POST", self.statements_url, json=statements)
        if response.status_code in (200, 204):
            try:
                ids = _json(response) if response.status_code == 200 and response.content else []
            except ValueError:
                ids = []
            return len(ids) if isinstance(ids, list) else 0
        if response.status_code == 409:
            # Some LRSs refuse a whole batch when any id is already stored, even unchanged. PUT each
            # statement by its id instead: that stores new ones, accepts identical ones, and tells
            # exactly which one (if any) really differs.
            for statement in statements:
                self.put(statement)
            return 0

        if response.status_code in (400, 422):
            raise LRSError(f"the LRS rejected the statements (HTTP {response.status_code}): {_detail(response)}")
        raise LRSError(f"the LRS failed to store the statements (HTTP {response.status_code}: "
                       f"{_detail(response)})")

    def put(self, statement: dict) -> None:
        """PUT one statement by its id (204 whether it was new or already stored unchanged)."""
        response = self._request("PUT", self.statements_url, params={"statementId": statement["id"]},
                                 json=statement)
        if response.status_code in (200, 204):
            return
        if response.status_code == 409:
            raise LRSError(f"the LRS already holds a different statement with id {statement['id']} "
                           f"(HTTP 409: {_detail(response)}). The export was changed after an earlier push, "
                           "or two different files claim the same playthrough.")
        if response.status_code in (400, 422):
            raise LRSError(f"the LRS rejected statement {statement['id']} (HTTP {response.status_code}): "
                           f"{_detail(response)}")
        raise LRSError(f"the LRS failed to store statement {statement['id']} (HTTP {response.status_code}: "
                       f"{_detail(response)})")

    # -- fetching --------------------------------------------------------------------------------------
    def fetch(self, **params) -> Iterator[dict]:
        """Every statement matching ``params``, following the LRS's ``more`` links."""
        url: str | None = self.statements_url
        query: dict | None = {**params, "limit": self.page_limit}
        for _ in range(MAX_PAGES):
            if not url:
                return
            response = self._request("GET", url, params=query)
            if response.status_code != 200:
                raise LRSError(f"the LRS could not list statements (HTTP {response.status_code}: "
                               f"{_detail(response)})")
            try:
                body = _json(response)
            except ValueError as exc:
                raise LRSError(f"the LRS at {self.endpoint} answered with something that is not JSON "
                               f"({exc})") from None
            if not isinstance(body, dict) or not isinstance(body.get("statements"), list):
                raise LRSError(f"the LRS at {self.endpoint} answered without a statements list")
            yield from body["statements"]
            more = body.get("more")
            if more and not isinstance(more, str):
                raise LRSError(f"the LRS at {self.endpoint} sent a 'more' link that is not an address: {more!r:.80}")
            try:
                url, query = (urljoin(self.endpoint, more), None) if more else (None, None)
            except ValueError as exc:
                raise LRSError(f"the LRS at {self.endpoint} sent a 'more' link that is not an address "
                               f"({exc})") from None
        raise LRSError(f"the LRS at {self.endpoint} kept sending 'more' links; stopped after {MAX_PAGES} pages")
