"""Live results in the browser, both sides of the bridge at once: the Python BrowserPlatform and Sender
make their real calls (rpFetch / rpFetchResult) into the built page running in Chromium, whose fetch()
sends them to a real Ralph. The page and the store share an origin here through a small forwarding
server (as a venue would put them behind one host; a store on another host needs its CORS settings to
allow the page's origin, which is the store's configuration, not ours)."""

from __future__ import annotations

import shutil
import threading
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
    """``serve-web --lrs-proxy``: the web build, and /xAPI/... forwarded to Ralph, on one origin."""
    from game.webbuild.serve import make_server

    server = make_server(Path(web_build.web_dir), "127.0.0.1", 0, lrs_proxy=ralph.url)
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
        context = browser.new_context()
        pg = context.new_page()
        pg.rp_context = context
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


def test_offline_then_back_every_statement_arrives_once_in_order(page, site, ralph):
    """The browser goes offline (Playwright's context.set_offline) with statements queued; the sender
    keeps them and backs off; back online, each arrives exactly once, in the order played."""
    story = helpers.story()
    records = [build_record(helpers.played(20 + i, story, seconds=True), story,
                            helpers.meta(20 + i, session="WEB-OFFLINE")) for i in range(3)]
    stmts = [s for r in records for s in statements(r)]
    platform = MemoryStorage(PageWindow(page))
    outbox = Outbox(platform)
    outbox.add(stmts)
    sender = Sender(platform, outbox, LrsTarget.basic(site + "xAPI/", ralph.user, ralph.password))
    page.rp_context.set_offline(True)
    try:
        run_until(sender, page, lambda s: bool(s.problem) and not s.busy)
        assert "network error" in sender.problem and len(outbox) == len(stmts) and sender.sent == 0
    finally:
        page.rp_context.set_offline(False)
    sender._retry_at = 0.0  # the page noticed it is online again: try now rather than after the pause
    run_until(sender, page, lambda s: s.state == SENT)
    mine = [s for s in ralph.statements() if s["context"]["extensions"].get(EXT_SESSION) == "WEB-OFFLINE"]
    assert sorted(s["id"] for s in mine) == sorted(s["id"] for s in stmts)
    stored_at = {s["id"]: s["stored"] for s in mine}
    times = [stored_at[s["id"]] for s in stmts]
    assert times == sorted(times)  # stored in the order played (a batch may share one time)
