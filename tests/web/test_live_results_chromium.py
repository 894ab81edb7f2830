"""Live results in the browser, both sides of the bridge at once: the Python BrowserPlatform and Sender
make their real calls (rpFetch / rpFetchResult) into the built page running in Chromium, whose fetch()
sends them to a real Ralph. The page and the store share an origin here through a small forwarding
server (as a venue would put them behind one host; a store on another host needs its CORS settings to
allow the page's origin, which is the store's configuration, not ours)."""

from __future__ import annotations

import http.server
import shutil
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from game.delivery import LrsTarget, Outbox, Sender
from game.delivery.sender import KEPT, SENT
from game.exports import build_record, statements
from game.platform.browser import BrowserPlatform
from tests.exports import helpers
from tests.lrs import lrs_server

CHROMIUM = shutil.which("chromium")
pytestmark = [
    pytest.mark.browser, pytest.mark.lrs, pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (CI installs it)"),
    pytest.mark.skipif(not lrs_server.available(), reason="Ralph LRS not installed: run 'make lrs-setup'"),
]
EXT_SESSION = "https://rightspath.eu/xapi/extensions/session"


@pytest.fixture(scope="module")
def ralph(tmp_path_factory):
    server = lrs_server.RalphServer(tmp_path_factory.mktemp("ralph-web")).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def site(web_build, ralph):
    """The web build's files, and /xAPI/... forwarded to Ralph, on one 127.0.0.1 origin."""
    web_dir = Path(web_build.web_dir)

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(web_dir), **kwargs)

        def _forward(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {k: v for k, v in self.headers.items() if k.lower() in (
                "authorization", "content-type", "x-experience-api-version")}
            req = urllib.request.Request(ralph.url.rstrip("/") + self.path[len("/xAPI"):], data=body,
                                         headers=headers, method=self.command)
            try:
                with urllib.request.urlopen(req, timeout=30) as answer:
                    status, data = answer.status, answer.read()
            except urllib.error.HTTPError as err:
                status, data = err.code, err.read()
            self.send_response(status)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):
            self._forward()

        def do_PUT(self):
            self._forward()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def page(site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run"])
        pg = browser.new_page()
        pg.route(lambda url: not url.startswith("http://127.0.0.1"), lambda route: route.abort())
        pg.goto(site + "index.html", wait_until="commit")
        pg.wait_for_function("typeof window.rpFetch === 'function'")
        yield pg
        browser.close()


class PageWindow:
    """What pygbag's ``platform.window`` gives the game: the page's functions, called for real."""

    def __init__(self, pg):
        self._pg = pg
        self.localStorage = None  # not used here

    def rpFetch(self, method, url, headers_json, body):
        return self._pg.evaluate("([m, u, h, b]) => window.rpFetch(m, u, h, b)", [method, url, headers_json, body])

    def rpFetchResult(self, ticket):
        return self._pg.evaluate("(t) => window.rpFetchResult(t)", ticket)


class MemoryStorage(BrowserPlatform):
    """The browser platform with its storage in a dict (localStorage is the page's; it is not what this
    test is about), and HTTP through the real page."""

    def __init__(self, window):
        super().__init__(window=window, environ={})
        self.items = {}

    def load(self, key):
        return self.items.get(key)

    def save(self, key, text):
        self.items[key] = text

    def delete(self, key):
        self.items.pop(key, None)


def run_until(sender, pg, done, ticks=2000):
    now = 0.0
    for _ in range(ticks):
        sender.tick(now)
        if done(sender):
            return
        pg.wait_for_timeout(5)  # the browser's frame: its fetch runs meanwhile
        now += 1 / 60
    raise AssertionError(f"{sender.state}: {sender.problem}")


def test_the_page_sends_the_senders_batches_to_the_store(page, site, ralph):
    story = helpers.story()
    record = build_record(helpers.played(7, story, seconds=True), story, helpers.meta(7, session="WEB-LIVE"))
    stmts = statements(record)
    platform = MemoryStorage(PageWindow(page))
    outbox = Outbox(platform)
    outbox.add(stmts)
    sender = Sender(platform, outbox, LrsTarget.basic(site + "xAPI/", ralph.user, ralph.password))
    run_until(sender, page, lambda s: s.state == SENT)
    mine = [s for s in ralph.statements() if s["context"]["extensions"].get(EXT_SESSION) == "WEB-LIVE"]
    assert sorted(s["id"] for s in mine) == sorted(s["id"] for s in stmts)
    # Sent again (a lost answer): the store holds each once, the sender says all is sent.
    outbox.add(stmts)
    run_until(sender, page, lambda s: s.state == SENT)
    assert len([s for s in ralph.statements() if s["context"]["extensions"].get(EXT_SESSION) == "WEB-LIVE"]) == len(stmts)


def test_the_page_reports_a_refused_credential_and_an_unreachable_store(page, site, ralph):
    story = helpers.story()
    stmts = statements(build_record(helpers.played(8, story), story, helpers.meta(8, session="WEB-BAD")))
    platform = MemoryStorage(PageWindow(page))
    outbox = Outbox(platform)
    outbox.add(stmts)
    sender = Sender(platform, outbox, LrsTarget.basic(site + "xAPI/", ralph.user, "wrong"))
    run_until(sender, page, lambda s: s.stopped)
    assert sender.state == KEPT and "HTTP 401" in sender.problem and len(outbox) == len(stmts)
    closed = f"http://127.0.0.1:{lrs_server.free_port()}/xAPI/"
    sender = Sender(platform, outbox, LrsTarget.basic(closed, ralph.user, ralph.password))
    run_until(sender, page, lambda s: bool(s.problem) and not s.busy)
    assert "network error" in sender.problem and not sender.stopped and len(outbox) == len(stmts)
    ticket = page.evaluate("window.rpFetch('POST', 'not a url', '{}', '')")
    assert '"error"' in page.evaluate("(t) => window.rpFetchResult(t)", ticket)
