"""Launch from a learning platform, with real parts on both sides (issue 14).

SCORM: a parent page plays the LMS with scorm-again (the LMS-side SCORM 1.2 / 2004 run-time library,
from npm: tests/web/lms/package.json) and holds our built index.html in an iframe, as Moodle's player
does; the page finds the API by the standard search, initializes, gives the game the learner, and the
real UI (headless, in this process, its platform's window calls made into the page in Chromium)
reports score, status and time at the end of a playthrough; the test reads what scorm-again recorded.

cmi5: a small LMS stands in for the platform's side (the launch URL, a one-time fetch URL, the
LMS.LaunchData state document) and hands statements on to a real Ralph as its store; the real UI
plays a scenario launched that way and the statements Ralph holds are checked against the cmi5 rules.

Playwright's sync API runs in a thread of its own here, so the game's asyncio loop can run in the
test's thread and call into the page the way pygbag's bridge does.
"""

from __future__ import annotations

import asyncio
import http.server
import json
import re
import queue
import shutil
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid
import zipfile
from pathlib import Path

import pytest

from game.platform.browser import BrowserPlatform
from tests.lrs import lrs_server

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium")
SCORM_AGAIN = ROOT / "tests" / "web" / "lms" / "node_modules" / "scorm-again" / "dist"
pytestmark = [
    pytest.mark.browser, pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (CI installs it)"),
]
needs_scorm_again = pytest.mark.skipif(
    not (SCORM_AGAIN / "scorm12.min.js").is_file(),
    reason="scorm-again is not installed: run 'npm ci' in tests/web/lms (make lms-setup)")
needs_ralph = pytest.mark.skipif(not lrs_server.available(), reason="Ralph LRS not installed: run 'make lrs-setup'")

CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon"
SESSION_EXT = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
MASTERY_EXT = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"
PUBLISHER_AU = "https://rightspath.eu/lms/scenarios/tutorial"

PARENT = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>LMS</title>
<script src="/lms/{script}"></script>
<script>
window.API_NAME = "{name}";
window[API_NAME] = new {cls}({{ autocommit: false, logLevel: 5 }});
window[API_NAME].loadFromJSON({learner});
window.commits = [];
window[API_NAME].on("{commit}", function () {{ window.commits.push(JSON.parse(JSON.stringify(window[API_NAME].cmi))); }});
</script></head><body>
<iframe name="sco" src="{origin}/web/index.html?scenario=tutorial" width="1000" height="700"></iframe>
</body></html>"""
SCORM = {
    "scorm12": dict(script="scorm12.min.js", name="API", cls="Scorm12API", commit="LMSCommit",
                    learner=json.dumps({"core": {"student_id": "L-42", "student_name": "Petrova, Ana"}})),
    "scorm2004": dict(script="scorm2004.min.js", name="API_1484_11", cls="Scorm2004API", commit="Commit",
                      learner=json.dumps({"learner_id": "L-42", "learner_name": "Petrova, Ana"})),
}


class LmsSite:
    """127.0.0.1: /web/ the built page, /lms/ scorm-again, /scorm12.html and /scorm2004.html the LMS
    frames, and a cmi5 LMS: /cmi5/fetch/<key> (POST, one token each), /cmi5/xapi/activities/state
    (its LaunchData documents) and /cmi5/xapi/statements (handed on to Ralph)."""

    def __init__(self, web_dir: Path, ralph=None, game_origin: str = ""):
        self.ralph = ralph
        self.tokens: dict[str, str] = {}  # fetch key -> token still to give out
        self.fetches: list[str] = []  # fetch keys asked for, in order
        self.launch_data: dict[tuple, dict] = {}  # (activityId, registration) -> document
        self.preferences: dict[str, dict] = {}  # agent JSON -> cmi5LearnerPreferences document
        self.cmi: dict[str, dict] = {}  # SCORM kind -> the CMI data the LMS starts the next session with
        site = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(web_dir), **kwargs)

            def translate_path(self, path):
                clean = urllib.parse.urlsplit(path).path
                if clean.startswith("/lms/"):
                    return str(SCORM_AGAIN / clean[len("/lms/"):])
                if clean.startswith("/web/"):
                    return str(Path(web_dir) / clean[len("/web/"):])
                return str(Path(web_dir) / "missing")

            def _send(self, status, data: bytes, kind="application/json"):
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                path = urllib.parse.urlsplit(self.path)
                if path.path.endswith(".html") and path.path[1:-5] in SCORM:
                    kind = path.path[1:-5]
                    given = dict(SCORM[kind])
                    if kind in site.cmi:  # what the LMS stored of an earlier session (a relaunch)
                        given["learner"] = json.dumps(site.cmi[kind])
                    page = PARENT.format(origin=game_origin, **given)
                    return self._send(200, page.encode(), "text/html")
                if path.path == "/cmi5/xapi/activities/state":
                    q = dict(urllib.parse.parse_qsl(path.query))
                    doc = site.launch_data.get((q.get("activityId"), q.get("registration")))
                    if q.get("stateId") != "LMS.LaunchData" or doc is None or not self._authorized():
                        return self._send(404, b"{}")
                    return self._send(200, json.dumps(doc).encode())
                if path.path == "/cmi5/xapi/agents/profile":
                    q = dict(urllib.parse.parse_qsl(path.query))
                    doc = site.preferences.get(q.get("agent"))
                    if q.get("profileId") != "cmi5LearnerPreferences" or doc is None or not self._authorized():
                        return self._send(404, b"{}")
                    return self._send(200, json.dumps(doc).encode())
                if path.path.startswith("/cmi5/xapi/"):
                    return self._forward()
                return super().do_GET()

            def _authorized(self):
                auth = self.headers.get("Authorization", "")
                return auth.startswith("Basic ") and auth[6:] in site.given_tokens()

            def do_POST(self):
                path = urllib.parse.urlsplit(self.path).path
                if path.startswith("/cmi5/fetch/"):
                    key = path.rsplit("/", 1)[1]
                    site.fetches.append(key)
                    token = site.tokens.pop(key, None)
                    if token is None:
                        return self._send(200, json.dumps({"error-code": "1", "error-text":
                                                           "The authorization token has already been returned."}).encode())
                    site.given.add(token)
                    return self._send(200, json.dumps({"auth-token": token}).encode())
                return self._forward()

            def do_PUT(self):
                return self._forward()

            def _forward(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                if site.ralph is None or not self._authorized():
                    return self._send(401, b"{}")
                import base64

                headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "x-experience-api-version")}
                headers["Authorization"] = "Basic " + base64.b64encode(
                    f"{site.ralph.user}:{site.ralph.password}".encode()).decode()
                target = site.ralph.url.rstrip("/") + self.path[len("/cmi5/xapi"):]
                req = urllib.request.Request(target, data=body, headers=headers, method=self.command)
                try:
                    with urllib.request.urlopen(req, timeout=30) as answer:
                        status, data = answer.status, answer.read()
                except urllib.error.HTTPError as err:
                    status, data = err.code, err.read()
                self._send(status, data)

            def log_message(self, *args):
                pass

        self.given: set[str] = set()
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def given_tokens(self):
        return self.given

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class Browser:
    """Chromium through Playwright's sync API, in a thread of its own; ``call(fn)`` runs fn(page) there."""

    def __init__(self):
        self.jobs: queue.Queue = queue.Queue()
        self.started = queue.Queue()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        ok, value = self.started.get(timeout=120)
        if not ok:
            raise value

    def _run(self):
        from playwright.sync_api import sync_playwright

        try:
            pw = sync_playwright().start()
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run"])
            page = browser.new_page()
            page.route(lambda url: not url.startswith("http://127.0.0.1"), lambda route: route.abort())
        except BaseException as exc:  # noqa: BLE001 (handed to the test's thread)
            self.started.put((False, exc))
            return
        self.started.put((True, None))
        while True:
            job = self.jobs.get()
            if job is None:
                break
            fn, box = job
            try:
                box.put((True, fn(page)))
            except BaseException as exc:  # noqa: BLE001
                box.put((False, exc))
        browser.close()
        pw.stop()

    def call(self, fn):
        box: queue.Queue = queue.Queue()
        self.jobs.put((fn, box))
        ok, value = box.get(timeout=300)
        if not ok:
            raise value
        return value

    def close(self):
        self.jobs.put(None)
        self.thread.join(timeout=60)


def frame_of(page, name: str | None):
    if not name:
        return page.main_frame
    return page.wait_for_selector(f"iframe[name={name}]", state="attached").content_frame()


class GameFrame:
    """pygbag's ``platform.window`` for the game's page (the iframe named ``sco``, or the top page):
    the page's own functions, called for real."""

    def __init__(self, browser: Browser, frame_name: str | None):
        self._browser, self._name = browser, frame_name
        self.localStorage = None  # the platform below keeps its storage in a dict
        self.rpLms = _Lms(self)

    def eval(self, script: str, arg=None):
        name = self._name

        def run(page):
            return frame_of(page, name).evaluate(script, arg)

        return self._browser.call(run)

    def rpFetch(self, method, url, headers_json, body):
        return self.eval("([m, u, h, b]) => window.rpFetch(m, u, h, b)", [method, url, headers_json, body])

    def rpFetchResult(self, ticket):
        return self.eval("(t) => window.rpFetchResult(t)", ticket)


class _Lms:
    def __init__(self, frame: GameFrame):
        self._frame = frame

    def info(self):
        return self._frame.eval("() => window.rpLms.info()")

    def report(self, text):
        return self._frame.eval("(t) => window.rpLms.report(t)", text)

    def suspend(self, text):
        return self._frame.eval("(t) => window.rpLms.suspend(t)", text)

    def arm(self, text):
        return self._frame.eval("(t) => window.rpLms.arm(t)", text)

    def offerReturn(self, lang):  # noqa: N802 (the page's name)
        return self._frame.eval("(t) => window.rpLms.offerReturn(t)", lang)


class _PageStorage:
    """The page's real localStorage, for the platforms that must share it with the page's own script."""

    def __init__(self, frame: GameFrame):
        self._frame = frame

    def getItem(self, key):  # noqa: N802
        return self._frame.eval("(k) => localStorage.getItem(k)", key)

    def setItem(self, key, value):  # noqa: N802
        self._frame.eval("([k, v]) => localStorage.setItem(k, v)", [key, value])

    def removeItem(self, key):  # noqa: N802
        self._frame.eval("(k) => localStorage.removeItem(k)", key)

    @property
    def length(self):
        return self._frame.eval("() => localStorage.length")

    def key(self, i):
        return self._frame.eval("(i) => localStorage.key(i)", i)


class PagePlatform(BrowserPlatform):
    """The browser platform with storage in a dict (the page's localStorage is not what this is about)
    and everything else through the real page."""

    def __init__(self, window):
        super().__init__(window=window, environ={})
        self.items: dict[str, str] = {}

    def load(self, key):
        return self.items.get(key)

    def save(self, key, text):
        self.items[key] = text

    def delete(self, key):
        self.items.pop(key, None)

    def keys(self):
        return sorted(self.items)


@pytest.fixture(scope="module")
def browser():
    b = Browser()
    yield b
    b.close()


def play_headless(platform, scenario="tutorial", seed=4):
    import pygame

    from game.report.stories import load_story
    from game.ui.app import App, AppOptions

    story = load_story(ROOT / "scenarios" / f"{scenario}.yaml")
    app = App([story], AppOptions(headless=True, auto_seed=seed, scenario=story.id, reduce_motion=True), platform)
    try:
        card = asyncio.run(app.run())
    finally:
        pygame.quit()
    return app, card


def wait_in_page(browser, frame_name, condition, timeout=60_000):
    def run(page):
        frame_of(page, frame_name).wait_for_function(condition, timeout=timeout)

    browser.call(run)


@needs_scorm_again
@pytest.mark.parametrize("kind", ["scorm12", "scorm2004"])
def test_a_scorm_lms_gets_the_learner_score_status_and_time(web_build, browser, kind):
    site = LmsSite(Path(web_build.web_dir)).start()
    try:
        browser.call(lambda page: page.goto(site.url + f"{kind}.html", wait_until="commit"))
        wait_in_page(browser, "sco", "typeof window.rpLms === 'object'")
        platform = PagePlatform(GameFrame(browser, "sco"))
        info = platform.lms()
        assert info["kind"] == kind and info["error"] == ""
        assert info["learner"]["id"] == "L-42" and info["learner"]["name"] == "Petrova, Ana"
        api = "window.API" if kind == "scorm12" else "window.API_1484_11"
        assert browser.call(lambda page: page.evaluate(f"{api}.isInitialized()"))
        status = "cmi.core.lesson_status" if kind == "scorm12" else "cmi.completion_status"
        assert browser.call(lambda page: page.evaluate(f"{api}.{status}")) == "incomplete"

        app, card = play_headless(platform)
        assert app.live.lms_reported == "ok", app.live.lms_problem
        commits = browser.call(lambda page: page.evaluate("window.commits"))
        assert len(commits) >= 2  # the save kept as the playthrough went (suspend data), then the result
        cmi = commits[-1]
        percent = round(card.scaled * 100, 2)
        verdict = "passed" if card.passed else "failed"
        from game.delivery.cmi5 import report_for_scorm
        from game.ui.exporting import record_for

        seconds = report_for_scorm(record_for(app.playthrough))["seconds"]  # the record's start to its end
        if kind == "scorm12":
            core = cmi["core"]
            assert float(core["score"]["raw"]) == percent
            assert (core["score"]["min"], core["score"]["max"]) == ("0", "100")
            assert core["lesson_status"] == verdict
            h, m, sec = re.fullmatch(r"(\d{2,4}):(\d{2}):(\d{2}(?:\.\d{1,2})?)", core["session_time"]).groups()
            assert abs(int(h) * 3600 + int(m) * 60 + float(sec) - seconds) < 0.011, (core["session_time"], seconds)
        else:
            assert float(cmi["score"]["raw"]) == percent and float(cmi["score"]["scaled"]) == round(card.scaled, 4)
            assert (cmi["score"]["min"], cmi["score"]["max"]) == ("0", "100")
            assert (cmi["completion_status"], cmi["success_status"]) == ("completed", verdict)
            h, m, sec = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?", cmi["session_time"]).groups()
            assert abs(int(h or 0) * 3600 + int(m or 0) * 60 + float(sec or 0) - seconds) < 0.011, cmi["session_time"]
            assert cmi["exit"] == "normal"
        # The exported record names the LMS's learner (the page's origin as its home page).
        from game.ui.live import lms_learner

        assert lms_learner(platform) == {"home_page": site.url, "name": "L-42"}
        from game.ui.exporting import record_for

        learner = record_for(app.playthrough)["learner"]
        assert (learner["name"], learner["home_page"], learner["source"]) == ("L-42", site.url, "lms")
        # Leaving the page ends the SCORM session.
        browser.call(lambda page: page.evaluate("document.querySelector('iframe').src = 'about:blank'"))
        browser.call(lambda page: page.wait_for_function(f"{api}.isTerminated()", timeout=30_000))
    finally:
        site.stop()


@needs_scorm_again
def test_an_lms_frame_of_another_origin_is_not_searched_into(web_build, browser):
    """The game on one origin, the LMS frame on another: the search stops there without an error."""
    game = LmsSite(Path(web_build.web_dir)).start()
    lms = LmsSite(Path(web_build.web_dir), game_origin=game.url.rstrip("/")).start()
    try:
        browser.call(lambda page: page.goto(lms.url + "scorm12.html", wait_until="commit"))
        wait_in_page(browser, "sco", "typeof window.rpLms === 'object'")
        assert PagePlatform(GameFrame(browser, "sco")).lms() is None
        assert not browser.call(lambda page: page.evaluate("window.API.isInitialized()"))
    finally:
        lms.stop()
        game.stop()


def test_without_a_learning_platform_the_page_says_none(web_build, browser):
    site = LmsSite(Path(web_build.web_dir)).start()
    try:
        browser.call(lambda page: page.goto(site.url + "web/index.html?scenario=tutorial", wait_until="commit"))
        wait_in_page(browser, None, "typeof window.rpLms === 'object'")
        platform = PagePlatform(GameFrame(browser, None))
        assert platform.lms() is None
        assert "no SCORM session" in platform.lms_report({"scaled": 1})
    finally:
        site.stop()


def play_some(platform, choices, scenario="tutorial", seed=4):
    """The real UI headless, playing ``choices`` then stopping where they run out (a learner who
    leaves); returns the app and each autosave's count of decisions."""
    import pygame

    from game.report.stories import load_story
    from game.ui.app import App, AppOptions
    from game.ui.autopilot import AutopilotError

    story = load_story(ROOT / "scenarios" / f"{scenario}.yaml")
    app = App([story], AppOptions(headless=True, auto_seed=seed, choices=list(choices), scenario=story.id,
                                  reduce_motion=True), platform)
    saves: list[int] = []
    app.on_autosave = saves.append
    try:
        try:
            asyncio.run(app.run())
        except AutopilotError as exc:
            assert "ran out" in str(exc), exc
    finally:
        pygame.quit()
    return app, saves


def tutorial_choices(seed=4):
    from game.engine import auto_choices
    from game.report.stories import load_story

    return auto_choices(load_story(ROOT / "scenarios" / "tutorial.yaml"), seed)


@needs_scorm_again
@pytest.mark.parametrize("kind", ["scorm12", "scorm2004"])
def test_a_learner_who_leaves_inside_the_scorm_lms_resumes_there_at_the_same_node(web_build, browser, kind):
    """Two decisions, the page closed (the LMS stores exit=suspend and the suspend data), a relaunch
    from another device (empty storage) with the CMI data the LMS kept: the game resumes at the node
    it was left on, with the same seed, decisions and start time, and reports the finished result."""
    from game.engine import Run
    from game.report.stories import load_story

    site = LmsSite(Path(web_build.web_dir)).start()
    api = "window.API" if kind == "scorm12" else "window.API_1484_11"
    try:
        browser.call(lambda page: page.goto(site.url + f"{kind}.html", wait_until="commit"))
        wait_in_page(browser, "sco", "typeof window.rpLms === 'object'")
        first = PagePlatform(GameFrame(browser, "sco"))
        assert first.lms()["suspendData"] == ""
        choices = tutorial_choices()
        app, _ = play_some(first, choices[:2])
        left_at = app.playthrough.run.node_id
        assert app.playthrough.run.kind == "decision" and len(app.playthrough.run.history) == 2
        kept = browser.call(lambda page: page.evaluate(f"{api}.cmi.suspend_data"))
        assert 0 < len(kept) <= (4096 if kind == "scorm12" else 64000) and json.loads(kept)["seed"] == 4
        # The learner closes the page: the SCO's pagehide ends the session with exit = suspend.
        browser.call(lambda page: page.evaluate("document.querySelector('iframe').src = 'about:blank'"))
        browser.call(lambda page: page.wait_for_function(f"{api}.isTerminated()", timeout=30_000))
        stored = browser.call(lambda page: page.evaluate("window.commits"))[-1]
        if kind == "scorm12":
            assert stored["core"]["exit"] == "suspend" and stored["suspend_data"] == kept
            site.cmi[kind] = {"core": {"student_id": "L-42", "student_name": "Petrova, Ana", "entry": "resume",
                                       "lesson_status": stored["core"]["lesson_status"]},
                              "suspend_data": stored["suspend_data"]}
        else:
            assert stored["exit"] == "suspend" and stored["suspend_data"] == kept
            site.cmi[kind] = {"learner_id": "L-42", "learner_name": "Petrova, Ana", "entry": "resume",
                              "completion_status": stored["completion_status"],
                              "suspend_data": stored["suspend_data"]}

        # The next launch, on another computer: nothing in this browser's storage.
        browser.call(lambda page: page.goto(site.url + f"{kind}.html", wait_until="commit"))
        wait_in_page(browser, "sco", "typeof window.rpLms === 'object'")
        second = PagePlatform(GameFrame(browser, "sco"))
        info = second.lms()
        assert info["entry"] == "resume" and info["suspendData"] == kept
        story = load_story(ROOT / "scenarios" / "tutorial.yaml")
        again, saves = play_some(second, choices[:3])
        assert saves and min(saves) >= 3, saves  # never a fresh start: the first save is the third decision
        run = again.playthrough.run
        assert run.steps[:len(app.playthrough.run.steps)] == app.playthrough.run.steps
        assert run.history[2].node == left_at and run.seed == 4
        assert again.playthrough.started_at == app.playthrough.started_at
        resumed = Run.from_json(story, second.items["headless-run-tutorial"])
        assert resumed.node_id == run.node_id
        # and it plays on to the end, the LMS getting the result
        done, _ = play_some(second, choices)
        assert done.playthrough.run.ended and done.live.lms_reported == "ok", done.live.lms_problem
        last = browser.call(lambda page: page.evaluate("window.commits"))[-1]
        assert (last["core"]["lesson_status"] if kind == "scorm12" else last["completion_status"]) in (
            "passed", "failed", "completed")
    finally:
        site.stop()


def cmi5_launch(site, *, launch_mode="Normal", mastery=0.5, registration=None, activity=None,
                return_url=None, languages="bg-BG,en-US"):
    """A launch URL as the LMS makes it: a new session id and a one-time fetch URL each time."""
    registration = registration or str(uuid.uuid4())
    session_id = str(uuid.uuid4())
    key = uuid.uuid4().hex
    activity = activity or f"https://lms.example/activities/{uuid.uuid4()}"
    actor = {"objectType": "Agent", "account": {"homePage": "https://lms.example", "name": "learner-7"}}
    site.tokens[key] = uuid.uuid4().hex
    site.preferences[json.dumps(actor, separators=(",", ":"))] = {"languagePreference": languages, "audioPreference": "off"}
    site.launch_data[(activity, registration)] = {
        "contextTemplate": {"contextActivities": {"grouping": [{"id": PUBLISHER_AU}]},
                            "extensions": {SESSION_EXT: session_id}},
        "launchMode": launch_mode, "masteryScore": mastery, "moveOn": "Passed",
        "returnURL": return_url or site.url + "course/view?id=7"}
    query = urllib.parse.urlencode({
        "scenario": "tutorial", "endpoint": site.url + "cmi5/xapi/", "fetch": site.url + f"cmi5/fetch/{key}",
        "actor": json.dumps(actor), "registration": registration, "activityId": activity})
    return site.url + "web/index.html?" + query, registration, activity, session_id


def cmi5_statements(ralph, registration):
    """The registration's statements in timestamp order (the order cmi5's rules speak of); no two
    share a timestamp, so first and last are well defined."""
    stored = sorted(ralph.statements(registration=registration), key=lambda s: s["timestamp"])
    stamps = [s["timestamp"] for s in stored]
    assert len(set(stamps)) == len(stamps)
    return stored


def verb(s):
    return s["verb"]["id"].rsplit("/", 1)[1]


@needs_ralph
@pytest.mark.lrs
def test_a_cmi5_launch_sends_the_cmi5_session_to_the_lms(web_build, browser, tmp_path):
    ralph = lrs_server.RalphServer(tmp_path / "ralph").start()
    site = LmsSite(Path(web_build.web_dir), ralph).start()
    try:
        url, registration, activity, session_id = cmi5_launch(site, mastery=0.5)
        browser.call(lambda page: page.goto(url, wait_until="commit"))
        wait_in_page(browser, None, "window.rpLms && JSON.parse(window.rpLms.info()).ready")
        # The launch parameters are gone from the address bar (the URL cleaning), the scenario kept.
        address = browser.call(lambda page: page.evaluate("location.search"))
        assert address == "?scenario=tutorial"
        platform = PagePlatform(GameFrame(browser, None))
        info = platform.lms()
        assert info["kind"] == "cmi5" and info["error"] == "" and info["registration"] == registration
        assert info["learnerPreferences"] == {"languagePreference": "bg-BG,en-US", "audioPreference": "off"}
        assert len(site.fetches) == 1 and not site.tokens  # the fetch URL was POSTed to once

        app, card = play_headless(platform)
        assert app.live.sender.problem == "" and app.live.sender.waiting == 0, app.live.sender.problem
        stored = cmi5_statements(ralph, registration)
        verbs = [verb(s) for s in stored]
        assert verbs[0] == "initialized" and verbs[-1] == "terminated"
        assert verbs.count("completed") == 1 and verbs.count("initialized") == 1
        assert verbs.count("passed") + verbs.count("failed") == 1
        judged = "passed" if card.scaled >= 0.5 else "failed"  # by the LMS's masteryScore, not the scenario's
        assert judged in verbs
        actor = {"objectType": "Agent", "account": {"homePage": "https://lms.example", "name": "learner-7"}}
        for s in stored:
            ctx = s["context"]
            assert ctx["registration"] == registration
            assert ctx["extensions"][SESSION_EXT] == session_id
            assert {"id": PUBLISHER_AU} in [{"id": a["id"]} for a in ctx["contextActivities"]["grouping"]]
            assert s["actor"]["account"] == actor["account"]
            categories = [a["id"] for a in ctx["contextActivities"].get("category", [])]
            if verb(s) == "answered":  # cmi5 allowed: no cmi5 category
                assert CMI5 not in categories and s["object"]["id"] != activity
                # readable: the decision's prompt and the options' text, not the bare ids
                definition, node = s["object"]["definition"], s["object"]["id"].rsplit("/", 1)[1]
                (name,) = definition["name"].values()
                assert name != node and len(name.split()) > 3 and definition["description"]
                assert all(len(next(iter(c["description"].values())).split()) > 3 for c in definition["choices"])
                continue
            assert s["object"]["id"] == activity and CMI5 in categories
            result = s.get("result", {})
            assert (MOVEON in categories) == (verb(s) in ("completed", "passed", "failed"))
            if verb(s) == "completed":
                assert result["completion"] is True and "score" not in result and "success" not in result
            if verb(s) in ("passed", "failed"):
                assert result["success"] is (verb(s) == "passed") and "completion" not in result
                assert ctx["extensions"][MASTERY_EXT] == 0.5
                assert (result["score"]["scaled"] >= 0.5) is (verb(s) == "passed")
            if verb(s) in ("initialized", "terminated"):
                assert "score" not in result and "success" not in result and "completion" not in result
            if verb(s) in ("completed", "passed", "failed", "terminated"):
                assert result["duration"].startswith("PT")
        assert verbs.count("answered") >= 3  # the tutorial's decisions, as cmi5 allowed statements
        from game.ui.exporting import record_for

        learner = record_for(app.playthrough)["learner"]  # the export files name the LMS's learner too
        assert (learner["home_page"], learner["name"], learner["source"]) == ("https://lms.example", "learner-7", "lms")
        # The learner's languagePreference "bg-BG,en-US" (cmi5 §11): the game played in Bulgarian.
        assert app.prefs.language == "bg" and {s["context"].get("language") for s in stored} - {None} == {"bg"}
        # After terminated, the page offers the way back to the course (LaunchData returnURL), and goes there.
        assert app.live.duties.offered == "ok"
        back = site.url + "course/view?id=7"
        assert browser.call(lambda page: page.get_attribute("#rp-return", "href")) == back
        assert browser.call(lambda page: page.inner_text("#rp-return")) == "Обратно към курса"
        browser.call(lambda page: page.click("#rp-return"))
        browser.call(lambda page: page.wait_for_url(back, timeout=30_000))
        assert len(ralph.statements(registration=registration)) == len(stored)  # leaving sent nothing more

        # The same launch URL again (a second tab, a bookmark): the one-time fetch URL gives no token,
        # the page says so, and nothing more reaches the LMS.
        before = len(ralph.statements(registration=registration))
        browser.call(lambda page: page.evaluate("sessionStorage.clear()"))
        browser.call(lambda page: page.goto(url, wait_until="commit"))
        wait_in_page(browser, None, "window.rpLms && JSON.parse(window.rpLms.info()).ready")
        again = PagePlatform(GameFrame(browser, None))
        assert "already been returned" in again.lms()["error"]
        app, _ = play_headless(again)
        assert "incomplete" in app.live.lms_problem and app.live.sender.target is None
        assert len(ralph.statements(registration=registration)) == before
    finally:
        site.stop()
        ralph.stop()


@needs_ralph
@pytest.mark.lrs
def test_a_cmi5_browse_launch_sends_no_result_and_a_second_session_no_second_completed(web_build, browser, tmp_path):
    ralph = lrs_server.RalphServer(tmp_path / "ralph").start()
    site = LmsSite(Path(web_build.web_dir), ralph).start()
    try:
        url, registration, _, _ = cmi5_launch(site, launch_mode="Browse")
        browser.call(lambda page: page.goto(url, wait_until="commit"))
        wait_in_page(browser, None, "window.rpLms && JSON.parse(window.rpLms.info()).ready")
        platform = PagePlatform(GameFrame(browser, None))
        play_headless(platform)
        verbs = [verb(s) for s in cmi5_statements(ralph, registration)]
        assert verbs[0] == "initialized" and verbs[-1] == "terminated"
        assert not {"completed", "passed", "failed"} & set(verbs)

        # Normal launches, twice in one registration on this device: one completed, one verdict.
        url, registration, _, _ = cmi5_launch(site, mastery=0.0)
        browser.call(lambda page: page.evaluate("sessionStorage.clear()"))
        browser.call(lambda page: page.goto(url, wait_until="commit"))
        wait_in_page(browser, None, "window.rpLms && JSON.parse(window.rpLms.info()).ready")
        platform = PagePlatform(GameFrame(browser, None))
        play_headless(platform)
        activity = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))["activityId"]
        url2, _, _, _ = cmi5_launch(site, mastery=0.0, registration=registration, activity=activity)
        browser.call(lambda page: page.evaluate("sessionStorage.clear()"))
        browser.call(lambda page: page.goto(url2, wait_until="commit"))
        wait_in_page(browser, None, "window.rpLms && JSON.parse(window.rpLms.info()).ready")
        second_platform = PagePlatform(GameFrame(browser, None))
        second_platform.items = dict(platform.items)  # the same device's storage
        play_headless(second_platform)
        verbs = [verb(s) for s in cmi5_statements(ralph, registration)]
        assert verbs.count("initialized") == 2 and verbs.count("terminated") == 2
        assert verbs.count("completed") == 1 and verbs.count("passed") == 1 and "failed" not in verbs
    finally:
        site.stop()
        ralph.stop()


def test_the_scorm_and_cmi5_zips_hold_the_web_build(web_build, tmp_path):
    from game.webbuild.lmspackage import entries_from, write_package

    web = Path(web_build.web_dir)
    built = sorted(p.relative_to(web).as_posix() for p in web.rglob("*") if p.is_file())
    entries = entries_from(ROOT / "scenarios")
    for kind, manifest in (("scorm12", "imsmanifest.xml"), ("scorm2004", "imsmanifest.xml"), ("cmi5", "cmi5.xml")):
        out = write_package(kind, web, entries, tmp_path / f"{kind}.zip")
        with zipfile.ZipFile(out) as z:
            names = sorted(z.namelist())
            assert names == sorted(built + [manifest])
            for name in built:
                assert z.read(name) == (web / name).read_bytes(), name


class StoragePlatform(BrowserPlatform):
    """The browser platform whole, its storage the page's real localStorage (which the page's own
    pagehide handler writes to as well)."""

    def __init__(self, frame: GameFrame):
        frame.localStorage = _PageStorage(frame)
        super().__init__(window=frame, environ={})


@needs_ralph
@pytest.mark.lrs
def test_a_cmi5_page_left_mid_play_sends_terminated_itself_and_nothing_follows_it(web_build, browser, tmp_path):
    from game.delivery.cmi5 import NAMESPACE

    ralph = lrs_server.RalphServer(tmp_path / "ralph").start()
    site = LmsSite(Path(web_build.web_dir), ralph).start()
    try:
        url, registration, activity, session_id = cmi5_launch(site, return_url="javascript:alert(1)",
                                                               languages="fr-FR")
        browser.call(lambda page: page.goto(url, wait_until="commit"))
        wait_in_page(browser, None, "window.rpLms && JSON.parse(window.rpLms.info()).ready")
        browser.call(lambda page: page.evaluate("localStorage.clear()"))
        platform = StoragePlatform(GameFrame(browser, None))
        app, _ = play_some(platform, tutorial_choices()[:2])
        assert app.prefs.language == "en"  # French is not one the game has: English
        assert app.live.duties.armed and not app.live.cmi5.terminated
        # The learner closes the tab (here: goes elsewhere) in the middle of the scenario.
        browser.call(lambda page: page.goto(site.url + "elsewhere", wait_until="commit"))
        for _ in range(100):
            stored = cmi5_statements(ralph, registration)
            if stored and verb(stored[-1]) == "terminated":
                break
            import time

            time.sleep(0.1)
        verbs = [verb(s) for s in stored]
        assert verbs == ["initialized", "answered", "answered", "terminated"], verbs
        closing = stored[-1]
        assert closing["id"] == str(uuid.uuid5(NAMESPACE, f"{registration}/{session_id}/terminated"))
        assert closing["object"]["id"] == activity and closing["result"]["duration"].startswith("PT")
        assert set(closing["result"]) == {"duration"}
        assert CMI5 in [a["id"] for a in closing["context"]["contextActivities"]["category"]]
        assert closing["context"]["extensions"][SESSION_EXT] == session_id

        # The tab is reopened (the launch kept for it): the session is over, nothing more is sent.
        browser.call(lambda page: page.goto(site.url + "web/index.html?scenario=tutorial", wait_until="commit"))
        wait_in_page(browser, None, "window.rpLms && JSON.parse(window.rpLms.info()).ready")
        again = StoragePlatform(GameFrame(browser, None))
        assert again.lms()["registration"] == registration
        done, _ = play_some(again, tutorial_choices())
        assert done.playthrough.run.ended
        assert [verb(s) for s in cmi5_statements(ralph, registration)] == verbs
        assert done.live.cmi5.abandoned and done.live.sender.waiting == 0
        # A returnURL that is not an http(s) address is never offered.
        assert again.lms_offer_return("en").startswith("refused")
        assert browser.call(lambda page: page.query_selector("#rp-return")) is None
    finally:
        site.stop()
        ralph.stop()
