"""BrowserPlatform natively, against a stand-in for the browser's window (Web Storage semantics).

The real bridge exists only inside pygbag's runtime, which cannot be fetched here; the stand-in
behaves like the Web Storage API (strings only, null for a missing key, a quota that throws) and
like our page's helpers. The page's own side of those helpers is tested in real Chromium
(test_page_chromium.py).
"""

from __future__ import annotations

import pytest

from game.platform import StorageError
from game.platform.browser import PREFIX, BrowserPlatform, clean_params, param_problem


class QuotaExceededError(Exception):
    pass


class SecurityError(Exception):
    pass


class WebStorage:
    """localStorage: an ordered string map with a size quota (in characters, as browsers count)."""

    def __init__(self, quota: int = 5_000_000):
        self.items: dict[str, str] = {}
        self.quota = quota

    @property
    def length(self) -> int:
        return len(self.items)

    def key(self, index: int):
        keys = list(self.items)
        return keys[index] if 0 <= index < len(keys) else None

    def getItem(self, key):
        return self.items.get(str(key))

    def setItem(self, key, value):
        key, value = str(key), str(value)
        used = sum(len(k) + len(v) for k, v in self.items.items() if k != key)
        if used + len(key) + len(value) > self.quota:
            raise QuotaExceededError("The quota has been exceeded.")
        self.items[key] = value

    def removeItem(self, key):
        self.items.pop(str(key), None)


class PageWindow:
    """The parts of ``window`` the platform uses: localStorage and the template's rp* helpers."""

    def __init__(self, storage=None):
        self.localStorage = storage if storage is not None else WebStorage()
        self.downloads: list[tuple[str, str, str]] = []
        self.status_line = ""

    def rpDownload(self, filename, text, mime):
        self.downloads.append((filename, text, mime))
        return True

    def rpStatus(self, text):
        self.status_line = text


class PrivateModeWindow(PageWindow):
    """Storage blocked for the page: reading window.localStorage throws."""

    @property
    def localStorage(self):
        raise SecurityError("The operation is insecure.")

    @localStorage.setter
    def localStorage(self, value):
        pass


def test_save_load_delete_with_prefixed_keys():
    window = PageWindow()
    window.localStorage.setItem("other-app", "theirs")
    p = BrowserPlatform(window=window, environ={})
    assert p.name == "browser"
    p.save("progress-tutorial", '{"a": "Ünïcode ЛЕНА"}')
    assert window.localStorage.items[PREFIX + "progress-tutorial"] == '{"a": "Ünïcode ЛЕНА"}'
    assert p.load("progress-tutorial") == '{"a": "Ünïcode ЛЕНА"}'
    assert p.load("missing") is None
    assert p.keys() == ["progress-tutorial"]  # the other app's key is not ours
    p.delete("progress-tutorial")
    p.delete("progress-tutorial")  # deleting twice is fine
    assert p.keys() == []
    assert window.localStorage.items == {"other-app": "theirs"}


def test_quota_exceeded_is_a_storage_error_with_a_sentence():
    window = PageWindow(WebStorage(quota=200))
    p = BrowserPlatform(window=window, environ={})
    p.save("small", "x" * 20)
    with pytest.raises(StorageError) as err:
        p.save("big", "x" * 500)
    assert "full" in str(err.value) and "export" in str(err.value)
    assert p.load("small") == "x" * 20  # what was saved before is intact


def test_private_mode_never_crashes():
    p = BrowserPlatform(window=PrivateModeWindow(), environ={})
    with pytest.raises(StorageError, match="private window"):
        p.save("progress", "{}")
    with pytest.raises(StorageError):
        p.load("progress")
    assert p.keys() == []


def test_invalid_keys_are_refused():
    p = BrowserPlatform(window=PageWindow(), environ={})
    for bad in ("", "Upper", "../x", "a b", "x" * 100):
        with pytest.raises(StorageError):
            p.save(bad, "{}")


def test_set_aside_moves_the_value_out_of_keys():
    window = PageWindow()
    p = BrowserPlatform(window=window, environ={})
    p.save("progress", "{broken")
    where = p.set_aside("progress")
    assert where and "rightspath-aside:progress-" in where
    assert p.load("progress") is None and p.keys() == []
    aside = [k for k in window.localStorage.items if k.startswith("rightspath-aside:")]
    assert len(aside) == 1 and window.localStorage.items[aside[0]] == "{broken"
    assert p.set_aside("progress") is None


def test_download_goes_through_the_page_helper():
    window = PageWindow()
    p = BrowserPlatform(window=window, environ={})
    message = p.download("results/T07 score.json", '{"score": 1}')
    assert window.downloads == [("T07-score.json", '{"score": 1}', "application/json")]
    assert "T07-score.json" in message

    class Refusing(PageWindow):
        def rpDownload(self, filename, text, mime):
            return False

    with pytest.raises(StorageError):
        BrowserPlatform(window=Refusing(), environ={}).download("a.csv", "x", "text/csv")


def test_status_line_and_a_missing_helper():
    window = PageWindow()
    BrowserPlatform(window=window, environ={}).status("Saved.")
    assert window.status_line == "Saved."

    class Bare:
        localStorage = WebStorage()

    BrowserPlatform(window=Bare(), environ={}).status("nobody listens")  # must not raise


def test_url_params_are_revalidated():
    hostile = {
        "scenario": "mira", "lang": "bg", "mode": "facilitated", "session": "SOF-0412", "trainee": "T07",
        "PYGPI": "https://evil.example/", "HOME": "/home/web_user", "-i": "",
    }
    assert BrowserPlatform(window=PageWindow(), environ=hostile).url_params() == {
        "scenario": "mira", "lang": "bg", "mode": "facilitated", "session": "SOF-0412", "trainee": "T07"}
    odd = {"scenario": "../../etc", "lang": "english", "mode": "god", "session": "x" * 41, "trainee": "T-i1"}
    assert clean_params(odd) == {}
    assert param_problem("trainee", "T-i1") and param_problem("PYGPI", "x")
    assert param_problem("session", "SOF_04-12") is None
