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
