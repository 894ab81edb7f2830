"""The live room's phone page (build/vote.html, issue 18) in Chromium: three phones join one room
through ``serve-web --lrs-proxy`` to a real Ralph, vote and change a vote; the facilitator's real room
client (game.room.RoomHost, desktop HTTP, through the same proxy) counts them, hidden from the phones;
closing stops the phones; Bulgarian; the accessibility tree; bad codes and malformed room data."""

from __future__ import annotations

import asyncio
import base64
import gzip
import shutil
import threading
from pathlib import Path

import pytest
import requests

from game.delivery import LrsTarget
from game.platform.desktop import DesktopPlatform
from game.room import RoomHost, registration
from game.room.protocol import EXT_ROOM, state_statement
from tests.lrs import lrs_server

CHROMIUM = shutil.which("chromium")
pytestmark = [
    pytest.mark.browser, pytest.mark.lrs, pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (CI installs it)"),
    pytest.mark.skipif(not lrs_server.available(), reason="Ralph LRS not installed: run 'make lrs-setup'"),
]
OPTIONS = [("calm", "Talk to her calmly"), ("wait", "Wait for the social worker"), ("ask", "Ask the mother")]


@pytest.fixture(scope="module")
def ralph(tmp_path_factory):
    server = lrs_server.RalphServer(tmp_path_factory.mktemp("ralph-room")).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def site(web_build, ralph):
    from game.webbuild.serve import make_server

    server = make_server(Path(web_build.web_dir), "127.0.0.1", 0, lrs_proxy=ralph.url)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run"])
        yield chromium
        chromium.close()


def auth(ralph) -> str:
    return "Basic " + base64.b64encode(f"{ralph.user}:{ralph.password}".encode()).decode()


def phone(browser, site, ralph, code, *, lang="", locale="en-GB"):
    from urllib.parse import quote

    context = browser.new_context(locale=locale)
    page = context.new_page()
    page.route(lambda url: not url.startswith("http://127.0.0.1"), lambda route: route.abort())
    link = f"{site}vote.html#room={code}&lrs={quote(site + 'xAPI/')}&lrsauth={quote(auth(ralph))}"
    page.goto(link + (f"&lang={lang}" if lang else ""))
    return page


class Frames:
    """The facilitator's frame loop: one asyncio loop of its own (Playwright's sync API holds this
    thread's), kept for the whole test so a request started in one ``drive`` is finished in the next."""

    def __init__(self):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.now = 0.0

    def drive(self, host, until, iterations=20_000, dt=1 / 60):
        async def run():
            for _ in range(iterations):
                host.tick(self.now)
                if until(host):
                    return
                await asyncio.sleep(0.001)
                self.now += dt
            raise AssertionError(f"not done: {host.state} {host.problem!r} {host.tally}")

        asyncio.run_coroutine_threadsafe(run(), self.loop).result(timeout=300)

    def stop(self):
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)


@pytest.fixture
def frames():
    f = Frames()
    yield f
    f.stop()


def status(page) -> str:
    return page.locator("#status").inner_text()


def test_the_page_is_shipped_small_and_without_the_game_runtime(web_build):
    page = Path(web_build.web_dir) / "vote.html"
    data = page.read_bytes()
    assert len(gzip.compress(data, 9)) < 30_000 and len(data) < 40_000
    assert b"pythons.js" not in data and b"<script src" not in data  # one inline script, no runtime


def test_three_phones_vote_the_facilitator_counts_and_closing_stops_them(browser, site, ralph, tmp_path, frames):
    code = "MEET42"
    host = RoomHost(DesktopPlatform(tmp_path / "d"), LrsTarget(site + "xAPI/", auth(ralph)), code)
    round_id = host.publish("d1", "What do you do first?", OPTIONS)
    frames.drive(host, lambda h: h.polls >= 1)

    ana = phone(browser, site, ralph, code)
    ana.get_by_label("Display name (optional)").fill("Ana")
    ana.get_by_role("button", name="Join").click()
    anon = phone(browser, site, ralph, code)
    anon.get_by_role("button", name="Join").click()
    bg = phone(browser, site, ralph, code, lang="bg")
    bg.get_by_role("button", name="Влизане").click()

    ana.get_by_role("button", name="Wait for the social worker").click()
    ana.wait_for_function("document.getElementById('status').textContent.startsWith('Vote received')")
    ana.get_by_role("button", name="Talk to her calmly").click()  # changed: counts once, for calm
    ana.wait_for_function("document.getElementById('status').textContent === 'Vote received: Talk to her calmly.'")
    assert ana.get_by_role("button", name="Talk to her calmly").get_attribute("aria-pressed") == "true"
    assert ana.get_by_role("button", name="Wait for the social worker").get_attribute("aria-pressed") == "false"
    anon.get_by_role("button", name="Ask the mother").click()
    anon.wait_for_function("document.getElementById('status').textContent.startsWith('Vote received')")
    bg.get_by_role("button", name="Talk to her calmly").click()
    bg.wait_for_function("document.getElementById('status').textContent.startsWith('Гласът е приет')")
    assert "Стая MEET42 (анонимно)" in bg.locator("#room").inner_text()

    frames.drive(host, lambda h: h.tally.voters == 3)
    assert host.tally.counts == {"calm": 2, "wait": 0, "ask": 1}
    assert sorted(host.tally.names.values()) == ["Ana"]  # the anonymous phones gave no name
    for page in (ana, anon, bg):  # no phone sees the counts: only the room, the prompt and the options
        lines = [line for line in page.locator("#vote").inner_text().splitlines() if line.strip()]
        assert lines[1:] == ["What do you do first?"] + [text for _, text in OPTIONS], lines

    host.close()
    frames.drive(host, lambda h: h.settled)
    anon.wait_for_function("document.getElementById('status').textContent === 'Voting is closed.'")
    assert anon.get_by_role("button", name="Talk to her calmly").is_disabled()
    bg.wait_for_function("document.getElementById('status').textContent === 'Гласуването е закрито.'")
    host.reveal()
    frames.drive(host, lambda h: h.settled and h.state == "revealed")
    ana.wait_for_function("document.getElementById('status').textContent.startsWith('Voting is closed. The result')")
    assert host.tally.counts == {"calm": 2, "wait": 0, "ask": 1} and host.round_id == round_id

    tree = ana.locator("main").aria_snapshot()
    assert '- heading "What do you do first?"' in tree
    assert '- group "What do you do first?"' in tree
    assert '- button "Talk to her calmly" [disabled] [pressed]' in tree
    assert '- status: Voting is closed. The result is on the screen.' in tree
    for page in (ana, anon, bg):
        page.context.close()


def test_bad_codes_and_malformed_room_data_give_sentences(browser, site, ralph):
    unknown = phone(browser, site, ralph, "NOROOM7")
    unknown.get_by_role("button", name="Join").click()
    unknown.wait_for_function("document.getElementById('status').textContent.startsWith('No room with the code NOROOM7')")

    bad = phone(browser, site, ralph, "x!")
    assert status(bad) == "x! is not a room code: 4 to 12 letters or digits."
    bad.get_by_label("Room code").fill("")
    bad.get_by_role("button", name="Join").click()
    assert status(bad) == "Enter the room code from the screen."
    tree = bad.locator("main").aria_snapshot()
    assert '- textbox "Room code"' in tree and '- textbox "Display name (optional)"' in tree
    bad.context.close()

    code = "BROKEN9"  # valid xAPI in the room's registration, but not a room state: ignored with a sentence
    junk = state_statement(code, "r-1", 1, "d1", "Prompt", [("a", "A")], "open")
    junk["context"]["extensions"][EXT_ROOM]["options"] = "not a list"
    answer = requests.put(ralph.url + "statements", params={"statementId": junk["id"]}, json=junk,
                          auth=(ralph.user, ralph.password), headers={"X-Experience-API-Version": "1.0.3"}, timeout=30)
    assert answer.status_code == 204, answer.text
    assert junk["context"]["registration"] == registration(code)
    page = phone(browser, site, ralph, code)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.get_by_role("button", name="Join").click()
    page.wait_for_function("document.getElementById('status').textContent.startsWith(\"The room's data could not be read\")")
    assert page.locator("#vote").is_hidden() and errors == []
    page.context.close()


def test_the_game_page_keeps_the_room_code_of_its_link(browser, site):
    from game.platform.browser import clean_params
    from game.ui.room_link import room_code_for

    page = browser.new_page()
    page.route(lambda url: not url.startswith("http://127.0.0.1"), lambda route: route.abort())
    page.goto(site + "index.html?mode=facilitated&room=MEET42&roomtime=45&PYGPI=evil", wait_until="commit")
    page.wait_for_function("typeof window.rpFetch === 'function'")
    assert page.evaluate("location.search") == "?mode=facilitated&room=MEET42&roomtime=45"
    href = page.evaluate("location.href")
    page.close()

    # In the browser the phones' page is the vote.html beside the game's page, and the timer is the link's.
    from types import SimpleNamespace

    from game.delivery import LrsTarget
    from game.platform.browser import BrowserPlatform
    from game.ui.room_link import join_url, timer_seconds

    browser_side = BrowserPlatform(window=SimpleNamespace(location=SimpleNamespace(href=href + "#lrs=x")), environ={})
    assert browser_side.page_url() == href
    elsewhere = LrsTarget("https://lrs.example.org/xapi/", "Basic abc")
    assert join_url(elsewhere, "MEET42", "bg", {}, browser_side.page_url()) == site + "vote.html#room=MEET42&lang=bg"
    assert timer_seconds({}, clean_params({"roomtime": "45"})) == 45
    assert timer_seconds({}, clean_params({"roomtime": "5"})) == 0 and clean_params({"roomtime": "abc"}) == {}

    class Platform:
        def url_params(self):
            return clean_params({"room": "MEET42", "mode": "facilitated"})

    assert room_code_for(Platform(), environ={}) == "MEET42"
    assert clean_params({"room": "bad code!"}) == {}


def test_a_phone_offline_keeps_its_vote_and_sends_it_when_back(browser, site, ralph, tmp_path, frames):
    code = "WIFI33"
    host = RoomHost(DesktopPlatform(tmp_path / "d"), LrsTarget(site + "xAPI/", auth(ralph)), code)
    host.publish("d1", "What do you do first?", OPTIONS)
    frames.drive(host, lambda h: h.polls >= 1)
    page = phone(browser, site, ralph, code)
    page.get_by_role("button", name="Join").click()
    page.get_by_role("button", name="Ask the mother").wait_for()
    page.context.set_offline(True)
    page.get_by_role("button", name="Ask the mother").click()
    page.wait_for_function("document.getElementById('status').textContent.startsWith('No connection: your vote is kept')")
    page.context.set_offline(False)
    page.reload()  # the tab was reloaded meanwhile: the kept vote is in the phone's storage
    page.wait_for_function("document.getElementById('status').textContent === 'Vote received: Ask the mother.'")
    frames.drive(host, lambda h: h.tally.voters == 1)
    assert host.tally.counts == {"calm": 0, "wait": 0, "ask": 1}
    page.context.close()


class PageWindow:
    """What pygbag's ``platform.window`` gives the game: the built page's own functions and values."""

    def __init__(self, pg):
        self._pg = pg
        self.location = type("Location", (), {"href": pg.evaluate("location.href")})()

    @property
    def rpLrs(self):
        return self._pg.evaluate("window.rpLrs")

    def rpFetch(self, method, url, headers_json, body):
        return self._pg.evaluate("([m, u, h, b]) => window.rpFetch(m, u, h, b)", [method, url, headers_json, body])

    def rpFetchResult(self, ticket):
        return self._pg.evaluate("(t) => window.rpFetchResult(t)", ticket)


def test_the_facilitators_room_client_in_the_browser_page(browser, site, ralph):
    """The browser side of the facilitator's game: the game's page opened with ?room= and ?roomtime= and
    the store in its fragment; the real BrowserPlatform reads the store (rpLrs), the page's address and
    the link's parameters from it, and RoomHost speaks to Ralph through the page's own fetch bridge
    (rpFetch); a phone joins by the link the projector would show and votes; the host counts it."""
    from urllib.parse import quote

    from game.platform.browser import BrowserPlatform, clean_params
    from game.ui.room_link import join_url, phone_link, timer_seconds

    game = browser.new_page()
    game.route(lambda url: not url.startswith("http://127.0.0.1"), lambda route: route.abort())
    game.goto(f"{site}index.html?mode=facilitated&room=WEB55&roomtime=30#lrs={quote(site + 'xAPI/')}"
              f"&lrsauth={quote(auth(ralph))}", wait_until="commit")
    game.wait_for_function("typeof window.rpFetch === 'function' && window.rpLrs !== undefined")
    query = game.evaluate("Object.fromEntries(new URLSearchParams(location.search))")
    platform = BrowserPlatform(window=PageWindow(game), environ=query)
    endpoint, authorization = platform.lrs_target()
    target = LrsTarget(endpoint, authorization)
    params = clean_params(query)
    assert params["room"] == "WEB55" and timer_seconds({}, params) == 30
    join = join_url(target, "WEB55", "en", {}, platform.page_url())
    assert join == f"{site}vote.html#room=WEB55&lang=en"
    host = RoomHost(platform, target, "WEB55")
    host.publish("d1", "What do you do first?", OPTIONS)

    def until(done, ticks=3000):
        now = 0.0
        for _ in range(ticks):
            host.tick(now)
            if done():
                return
            game.wait_for_timeout(5)  # the browser's frame: its fetch runs meanwhile
            now += 1 / 60
        raise AssertionError(f"{host.state} {host.problem!r} {host.tally}")

    until(lambda: host.polls >= 1)
    context = browser.new_context()
    phone_page = context.new_page()
    phone_page.route(lambda url: not url.startswith("http://127.0.0.1"), lambda route: route.abort())
    phone_page.goto(phone_link(join, target))  # the QR code's link: the page sits beside the store, + lrsauth
    phone_page.get_by_role("button", name="Join").click()
    phone_page.get_by_role("button", name="Wait for the social worker").click()
    phone_page.wait_for_function("document.getElementById('status').textContent.startsWith('Vote received')")
    until(lambda: host.tally.voters == 1 and len(host.present) == 1)
    assert host.tally.counts == {"calm": 0, "wait": 1, "ask": 0}
    host.reveal()
    until(lambda: host.settled and host.state == "revealed")
    phone_page.wait_for_function("document.getElementById('status').textContent.startsWith('Voting is closed. The result')")
    context.close()
    game.close()
