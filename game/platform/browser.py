"""The browser platform (pygbag): localStorage, the page's JS helpers and the sanitised URL query.

Everything goes through pygbag's ``platform.window`` bridge, imported lazily: on the desktop the
name ``platform`` is the standard library's module, so importing it at the top would be wrong there
and tests pass a stand-in window instead. Strings are the only thing that crosses into JS.

Storage failures (quota exceeded, storage disabled in private mode, a blocked origin) become
``StorageError`` with a sentence the UI can show; nothing here lets a JS error crash the game.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from game.platform.base import Platform, StorageError, valid_key

PREFIX = "rightspath:"  # localStorage is shared by every page of the origin: keep to our keys
ASIDE_PREFIX = "rightspath-aside:"  # saves that could not be read, out of the way of keys()

# The URL parameters a facilitator's link may set. The page's template already drops every other
# key and any value outside [A-Za-z0-9_-]{1,40}; each value is checked again here, more strictly.
PARAM_RULES = {
    "scenario": re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$"),
    "lang": re.compile(r"^[a-z]{2,3}$"),
    "mode": re.compile(r"^(learning|assessment|facilitated)$"),
    "session": re.compile(r"^[A-Za-z0-9_-]{1,40}$"),
    "trainee": re.compile(r"^[A-Za-z0-9_-]{1,40}$"),
    # accessibility presets (issue 15): text size 1-3, contrast, motion
    "size": re.compile(r"^[1-3]$"),
    "contrast": re.compile(r"^(high|standard)$"),
    "motion": re.compile(r"^(reduce|full)$"),
    "room": re.compile(r"^[A-Za-z0-9]{4,12}$"),  # a live room's code (issue 18, CONTRACTS §15)
    "roomtime": re.compile(r"^[0-9]{2,4}$"),  # a live room's seconds per decision (10-3600)
}
TRAINEE_KEY = re.compile(r"^[0-9a-f]{32}$")  # game.exports.signing.trainee_key, as the page checks it
_UNSAFE_FILENAME = re.compile(r"[^\w.-]+")  # \w: letters and digits of any script, and _


def param_problem(key: str, value: str) -> str | None:
    """Why a URL parameter is refused, or None when it is acceptable."""
    rule = PARAM_RULES.get(key)
    if rule is None:
        return f"unknown parameter {key!r} (allowed: {', '.join(PARAM_RULES)})"
    if not isinstance(value, str) or not rule.match(value):
        return f"{key}={value!r} is not allowed ({describe_rule(key)})"
    # pygbag's loader opens a Python prompt when "-i" appears anywhere in the query string.
    if "-i" in value:
        return f"{key}={value!r} must not contain '-i' (the web runtime reads it as a debug switch)"
    return None


def describe_rule(key: str) -> str:
    return {
        "scenario": "a scenario id: lower-case letters, digits and '-'",
        "lang": "a two- or three-letter language code such as en or bg",
        "mode": "learning, assessment or facilitated",
        "session": "1-40 letters, digits, '-' or '_'",
        "trainee": "1-40 letters, digits, '-' or '_'",
        "size": "the text size: 1 (standard), 2 (large) or 3 (largest)",
        "contrast": "high or standard",
        "motion": "reduce or full",
        "room": "a live room's code: 4-12 letters or digits",
        "roomtime": "a live room's seconds per decision: 10 to 3600",
    }[key]


def clean_params(source) -> dict[str, str]:
    """Our keys from a mapping (``os.environ`` in the browser), each one validated again."""
    found = {}
    for key in PARAM_RULES:
        value = source.get(key)
        if value is not None and param_problem(key, value) is None:
            found[key] = value
    return found


_LANG_SUBTAG = re.compile(r"^[a-z]{2,3}$")


def game_languages() -> set[str]:
    """English and every language with an interface catalogue in the bundle (assets/locale/*.json
    beside the game package, as game.ui.fonts.asset_dirs finds it)."""
    found = {"en"}
    try:
        folder = Path(__file__).resolve().parents[2] / "assets" / "locale"
        found.update(p.stem for p in folder.glob("*.json") if _LANG_SUBTAG.match(p.stem))
    except OSError:
        pass
    return found


def preferred_language(info: dict | None, have: set[str]) -> str | None:
    """The first language of a cmi5 learner's languagePreference (cmi5 §11: a comma-separated list
    of RFC 5646 tags, most preferred first) that the game has, by its primary subtag; else None."""
    if not isinstance(info, dict) or info.get("kind") != "cmi5":
        return None
    prefs = info.get("learnerPreferences")
    wanted = prefs.get("languagePreference") if isinstance(prefs, dict) else None
    if not isinstance(wanted, str):
        return None
    for tag in wanted.split(","):
        primary = tag.strip().split("-")[0].lower()
        if _LANG_SUBTAG.match(primary) and primary in have:
            return primary
    return None


def _bridge_window():
    """pygbag's JS ``window`` proxy. Only reachable inside the browser runtime."""
    import platform as pygbag_platform  # pygbag's module shadows the stdlib one in the browser

    return pygbag_platform.window


class BrowserPlatform(Platform):
    name = "browser"
    data_dir = "localStorage"

    def __init__(self, window=None, environ=None):
        self._window = window if window is not None else _bridge_window()
        self._environ = environ if environ is not None else os.environ

    # -- storage ---------------------------------------------------------------------------
    def _storage(self):
        try:
            storage = self._window.localStorage
        except Exception as exc:  # SecurityError when storage is blocked for this page
            raise StorageError(
                "this browser does not let the game store progress (private window or blocked storage); "
                "use the export button to keep your results"
            ) from exc
        if storage is None:
            raise StorageError("this browser has no local storage; use the export button to keep your results")
        return storage

    def load(self, key: str) -> str | None:
        full = PREFIX + valid_key(key)
        try:
            value = self._storage().getItem(full)
        except StorageError:
            raise
        except Exception as exc:
            raise StorageError(f"could not read saved progress ({exc})") from exc
        return None if value is None else str(value)

    def save(self, key: str, text: str) -> None:
        full = PREFIX + valid_key(key)
        storage = self._storage()
        try:
            storage.setItem(full, str(text))
        except Exception as exc:  # QuotaExceededError, or storage switched off mid-session
            raise StorageError(
                "the browser's storage for this page is full or switched off, so progress was not saved; "
                "use the export button to keep your results"
            ) from exc

    def delete(self, key: str) -> None:
        full = PREFIX + valid_key(key)
        try:
            self._storage().removeItem(full)
        except StorageError:
            raise
        except Exception as exc:
            raise StorageError(f"could not delete saved progress ({exc})") from exc

    def _all_keys(self) -> list[str]:
        storage = self._storage()
        try:
            count = int(storage.length)
            return [str(storage.key(i)) for i in range(count) if storage.key(i) is not None]
        except Exception as exc:
            raise StorageError(f"could not list saved progress ({exc})") from exc

    def keys(self) -> list[str]:
        try:
            names = self._all_keys()
        except StorageError:
            return []
        return sorted(name[len(PREFIX):] for name in names if name.startswith(PREFIX))

    def set_aside(self, key: str) -> str | None:
        text = self.load(key)
        if text is None:
            return None
        stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
        existing = set(self._all_keys())
        target = f"{ASIDE_PREFIX}{key}-{stamp}"
        n = 1
        while target in existing:
            n += 1
            target = f"{ASIDE_PREFIX}{key}-{stamp}-{n}"
        storage = self._storage()
        try:
            storage.setItem(target, text)
        except Exception as exc:
            raise StorageError("could not keep a copy of the unreadable save (browser storage is full)") from exc
        self.delete(key)
        return f"browser storage, key {target}"

    # -- page helpers ----------------------------------------------------------------------
    def download(self, filename: str, text: str, mime: str = "application/json") -> str:
        safe = _UNSAFE_FILENAME.sub("-", filename.rsplit("/", 1)[-1]).strip(".-") or "export.txt"
        try:
            ok = self._window.rpDownload(safe, str(text), str(mime))
        except Exception as exc:
            raise StorageError(f"the browser refused the download of {safe} ({exc})") from exc
        if ok is False:
            raise StorageError(f"the browser refused the download of {safe}")
        return f"{safe} was downloaded (see your browser's downloads)"

    def http_request(self, method: str, url: str, headers: dict[str, str], body: str) -> int:
        """Start a fetch() through the page (``rpFetch`` in build/template.html); never blocks."""
        import json

        try:
            return int(self._window.rpFetch(str(method), str(url), json.dumps(dict(headers)), str(body)))
        except Exception as exc:
            raise StorageError(f"could not start sending to {url} ({exc})") from exc

    def http_result(self, ticket: int) -> dict | None:
        import json

        try:
            result = self._window.rpFetchResult(int(ticket))
        except Exception as exc:
            return {"error": f"could not check the request ({exc})"}
        if result is None:
            return None
        try:
            answer = json.loads(str(result))
        except (ValueError, RecursionError):
            return {"error": "the page gave an unreadable answer"}
        return answer if isinstance(answer, dict) else {"error": "the page gave an unreadable answer"}

    def url_params(self) -> dict[str, str]:
        found = clean_params(self._environ)
        if "lang" not in found:  # a cmi5 launch: the learner's languagePreference (cmi5 §11)
            lang = preferred_language(self.lms(), game_languages())
            if lang:
                found["lang"] = lang
        return found

    def page_url(self) -> str:
        """The game page's own address without its fragment (a live room's phone page, vote.html, sits
        beside it; issue 18), or "" when it cannot be read."""
        try:
            href = str(self._window.location.href)
        except Exception:
            return ""
        return href.split("#")[0] if href.startswith(("https://", "http://")) else ""

    def trainee_key(self) -> str | None:
        """The signing key from the trainee's link (#k=..., read by the page; docs/CONTRACTS.md §11)."""
        try:
            value = self._window.rpTraineeKey
        except Exception:
            return None
        value = None if value is None else str(value)
        return value if value and TRAINEE_KEY.match(value) else None

    def lrs_target(self) -> tuple[str, str] | None:
        """(endpoint, Authorization value) from the facilitator's link (#lrs=…&lrsauth=…, read by the
        page; docs/CONTRACTS.md §14), or None."""
        import json

        try:
            value = self._window.rpLrs
        except Exception:
            return None
        if value is None:
            return None
        try:
            data = json.loads(str(value))
        except (ValueError, RecursionError):  # a tampered stored value, nested without end
            return None
        endpoint = data.get("endpoint") if isinstance(data, dict) else None
        if not isinstance(endpoint, str) or not endpoint.startswith(("https://", "http://")):
            return None
        auth = data.get("authorization")
        return endpoint, auth if isinstance(auth, str) else ""

    # -- a launch from a learning platform (docs/CONTRACTS.md §14; window.rpLms in build/template.html)
    def lms(self) -> dict | None:
        """What the page found: None without an LMS; else ``{"kind": "cmi5"|"scorm12"|"scorm2004",
        "ready": bool, "error": str, ...}`` with, for SCORM, ``learner`` {id, name, homePage} and, for
        cmi5 once ready, endpoint, authorization, actor, registration, activityId, launchData."""
        import json

        try:
            text = self._window.rpLms.info()
            info = json.loads(str(text))
        except Exception:
            return None
        if not isinstance(info, dict) or info.get("kind") not in ("cmi5", "scorm12", "scorm2004"):
            return None
        return info

    def lms_report(self, result: dict) -> str:
        """Score, status and session time to the SCORM LMS, committed; "ok" or the LMS's error."""
        import json

        try:
            return str(self._window.rpLms.report(json.dumps(result)))
        except Exception as exc:
            return f"the page could not report to the LMS ({exc})"

    def lms_suspend(self, text: str) -> str:
        """Keep the compact save in the SCORM LMS (cmi.suspend_data, exit suspend); "ok" or why not."""
        try:
            return str(self._window.rpLms.suspend(str(text)))
        except Exception as exc:
            return f"the page could not keep the progress in the LMS ({exc})"

    def lms_arm(self, text: str) -> str:
        """Give the page the cmi5 session's terminated statement to send if the page is left first
        ({"statement", "initialized_at", "session", "after"} as JSON); "" takes it back."""
        try:
            return str(self._window.rpLms.arm(str(text)))
        except Exception as exc:
            return f"the page could not keep the closing statement ({exc})"

    def lms_offer_return(self, lang: str) -> str:
        """Show "Return to the course" (the cmi5 LaunchData returnURL; http(s) only); "ok" or why not."""
        try:
            return str(self._window.rpLms.offerReturn(str(lang)))
        except Exception as exc:
            return f"the page could not offer the way back to the course ({exc})"

    def status(self, text: str) -> None:
        try:
            self._window.rpStatus(str(text))
        except Exception:  # the status line is a courtesy: never let it stop the game
            pass

    # -- the screen-reader layer (docs/CONTRACTS.md §10; window.rpA11y in build/template.html) ------
    def announce(self, model: dict) -> None:
        import json

        try:
            self._window.rpA11y.render(json.dumps(model, ensure_ascii=False))
        except Exception:  # the layer is an addition to the canvas: never let it stop the game
            pass

    def poll_actions(self) -> list[dict]:
        import json

        try:
            text = self._window.rpA11y.take()
        except Exception:
            return []
        try:
            items = json.loads(str(text)) if text else []
        except (ValueError, RecursionError):
            return []
        return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []
