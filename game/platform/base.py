"""The interface every platform implements, and the one error it raises."""

from __future__ import annotations

import re

_KEY = re.compile(r"^[a-z0-9][a-z0-9._-]{0,80}$")


class StorageError(Exception):
    """Saving or loading failed; ``str(exc)`` is a sentence a player can read."""


def valid_key(key: str) -> str:
    """Keys are plain slugs so they are safe as file names and as localStorage keys."""
    if not isinstance(key, str) or not _KEY.match(key):
        raise StorageError(f"not a valid storage key: {key!r}")
    return key


class Platform:
    """Storage of strings, downloads, URL parameters and a status line.

    Subclasses override every method; this base documents the contract and gives the
    no-op defaults that make sense everywhere.
    """

    name = "base"
    data_dir = ""

    def load(self, key: str) -> str | None:
        raise NotImplementedError

    def save(self, key: str, text: str) -> None:
        raise NotImplementedError

    def delete(self, key: str) -> None:
        raise NotImplementedError

    def keys(self) -> list[str]:
        raise NotImplementedError

    def set_aside(self, key: str) -> str | None:
        """Move a value that could not be read out of the way; return where it went."""
        raise NotImplementedError

    def download(self, filename: str, text: str, mime: str = "application/json") -> str:
        raise NotImplementedError

    def url_params(self) -> dict[str, str]:
        return {}

    def status(self, text: str) -> None:
        return None

    # -- HTTP for live results (never blocks: start a request, then poll its ticket once a frame) --
    def http_request(self, method: str, url: str, headers: dict[str, str], body: str) -> int:
        """Start a request; returns a ticket for ``http_result``."""
        raise NotImplementedError

    def http_result(self, ticket: int) -> dict | None:
        """None while the request runs; then ``{"status": int, "body": str}`` for any HTTP answer, or
        ``{"error": sentence}`` when there was none (offline, refused, timed out). Given once."""
        raise NotImplementedError

    # -- a launch from a learning platform (docs/CONTRACTS.md §14): none outside the browser -----------
    def lms(self) -> dict | None:
        """The LMS that launched the game: None, or ``{"kind": "cmi5"|"scorm12"|"scorm2004", "ready",
        "error", ...}`` (the browser's page finds it)."""
        return None

    def lms_report(self, result: dict) -> str:
        """Give a SCORM LMS the playthrough's result; "ok" or what went wrong."""
        return "no learning platform launched the game"

    def lms_suspend(self, text: str) -> str:
        """Keep the compact save in a SCORM LMS (cmi.suspend_data); "ok" or what went wrong."""
        return "no learning platform launched the game"

    def lms_arm(self, text: str) -> str:
        """Hand a cmi5 session's terminated statement to the page, sent if the page is left first."""
        return "no learning platform launched the game"

    def lms_offer_return(self, lang: str) -> str:
        """Offer the way back to the LMS (cmi5 returnURL)."""
        return "no learning platform launched the game"

    # -- the screen-reader layer (docs/CONTRACTS.md §10) -------------------------------------------
    # The default keeps a transcript: the models announced (the last ones) and a queue of actions
    # pressed from outside the canvas. The desktop uses it as the text log tests read; the browser
    # overrides both with the page's layer (build/template.html, window.rpA11y).
    TRANSCRIPT_LIMIT = 400

    def announce(self, model: dict) -> None:
        """The current screen's description changed: show it to assistive technology."""
        log = self.__dict__.setdefault("a11y_log", [])
        log.append(model)
        if len(log) > self.TRANSCRIPT_LIMIT:
            del log[: len(log) - self.TRANSCRIPT_LIMIT]

    def poll_actions(self) -> list[dict]:
        """Actions pressed in the screen-reader layer since the last call: [{"screen", "action"}]."""
        queue = self.__dict__.get("a11y_queue") or []
        self.__dict__["a11y_queue"] = []
        return list(queue)

    def press_action(self, screen: str, action: str) -> None:
        """Queue an action as the page's mirrored button would (desktop transcript, tests)."""
        self.__dict__.setdefault("a11y_queue", []).append({"screen": screen, "action": action})
