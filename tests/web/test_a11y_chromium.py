"""The screen-reader layer in the built page, in Chromium: the game's real descriptions, as
game/platform/browser.py hands them over (``window.rpA11y.render(json)``), rendered as headings,
paragraphs, live regions, a log and real buttons; pressing a button comes back through
``rpA11y.take()`` into the real UI's action queue.

The real UI runs headless in this process with a BrowserPlatform whose ``window`` is a stand-in that
records the calls; each recorded call is then made, unchanged, on the page. pygbag's runtime cannot
be fetched here, so the page is told the runtime started (``rpStage('run')``, as the start-up does).
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from urllib.parse import urlsplit

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game.webbuild.build import DEFAULT_CDN  # noqa: E402
from game.webbuild.serve import make_server  # noqa: E402

CHROMIUM = shutil.which("chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (CI installs it)"),
]
CDN_HOST = urlsplit(DEFAULT_CDN).netloc


class Storage:
    """The page's localStorage, as pygbag's bridge shows it to Python."""

    def __init__(self):
        self.items: dict[str, str] = {}

    def getItem(self, key):  # noqa: N802 (the JS names)
        return self.items.get(key)

    def setItem(self, key, value):  # noqa: N802
        self.items[key] = value

    def removeItem(self, key):  # noqa: N802
        self.items.pop(key, None)

    @property
    def length(self):
        return len(self.items)

    def key(self, i):
        return sorted(self.items)[i] if i < len(self.items) else None


class Layer:
    """window.rpA11y as Python calls it: render() calls are recorded, take() answers what the page gave."""

    def __init__(self):
        self.calls: list[str] = []
        self.from_page = "[]"

    def render(self, text):
        self.calls.append(text)
        return True

    def take(self):
        out, self.from_page = self.from_page, "[]"
        return out


class Window:
    def __init__(self):
        self.localStorage = Storage()
        self.rpA11y = Layer()

    def rpStatus(self, text):  # noqa: N802
        pass


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
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    pg = context.new_page()
    pg.route(f"https://{CDN_HOST}/**", lambda route: route.abort("internetdisconnected"))
    pg.route(lambda url: not url.startswith(("http://127.0.0.1", f"https://{CDN_HOST}/")),
             lambda route: route.abort())
    yield pg
    context.close()


class Game:
    """The real UI, headless, with the browser platform; every rpA11y call it makes is made on the page."""

    def __init__(self, page, stories, language="en"):
        from game.platform.browser import BrowserPlatform
        from game.ui.app import App, AppOptions
        from tests.ui.pilot import Pilot

        self.page = page
        self.window = Window()
        self.platform = BrowserPlatform(window=self.window, environ={})
        app = App(stories, AppOptions(reduce_motion=True, seed=0, language=language), self.platform)
        self.pilot = Pilot(app)
        self.sent = 0
        self.forward()

    def forward(self) -> None:
        for text in self.window.rpA11y.calls[self.sent:]:
            assert self.page.evaluate("t => window.rpA11y.render(t)", text) is True
        self.sent = len(self.window.rpA11y.calls)

    def press(self, *keys) -> None:
        self.pilot.press(*keys)
        self.forward()

    def from_page(self) -> None:
        """What the page's buttons queued, taken by the game as poll_actions() does each frame."""
        self.window.rpA11y.from_page = self.page.evaluate("window.rpA11y.take()")
        self.pilot.step()
        self.forward()


def open_page(page, site, query=""):
    page.goto(site + "index.html" + query)
    page.evaluate("window.rpStage('run')")  # what the start-up calls once the game runs


def to_first_decision(game, story):
    import pygame

    from tests.ui.driving import focus_and_enter

    pilot = game.pilot
    focus_and_enter(pilot, "Start a training")
    focus_and_enter(pilot, "Continue")
    game.forward()
    game.press(pygame.K_RETURN)  # the only card
    assert pilot.scene.name == "content-note"
    game.press(pygame.K_RETURN)
    pilot.settle()
    for _ in range(60):
        if pilot.scene.name == "decision":
            break
        game.press(pygame.K_SPACE)
    assert pilot.scene.name == "decision"
    game.forward()


def live_text(page, which):
    page.wait_for_function(f"document.getElementById('rp-a11y-{which}').textContent.length > 0")
    return page.inner_text(f"#rp-a11y-{which}")


def test_decision_screen_in_the_accessibility_tree_and_a_button_press_reaches_the_game(page, site):
    from tests.ui.stories import SCENARIOS, compiled

    story = compiled(str(SCENARIOS / "tutorial.yaml"))
    open_page(page, site)
    game = Game(page, [story])
    to_first_decision(game, story)
    scene = game.pilot.scene
    node = scene.node

    tree = page.locator("#rp-a11y").aria_snapshot()
    print(tree)
    assert '- heading "Decision" [level=1]' in tree
    assert '- heading "Actions" [level=2]' in tree and '- heading "Earlier lines" [level=2]' in tree
    for v in scene.views:
        assert page.get_by_role("button", name=f"{v.index}. {v.text}", exact=True).count() == 1
    assert page.get_by_role("button", name="Menu (Esc)").count() == 1
    assert node["prompt"] in page.inner_text("#rp-a11y-text")
    assert page.get_attribute('[data-action="option-1"]', "aria-current") == "true"  # the game's focus
    # The prompt was announced politely; the story lines before it can be read again in the log.
    assert node["prompt"] in live_text(page, "polite")
    log = page.locator("#rp-a11y-log li").all_inner_texts()
    first_line = story.nodes[story.start]["lines"][0]["text"]
    assert any(first_line in item for item in log)
    assert page.get_attribute("#rp-a11y-log", "role") == "log"
    assert page.get_attribute("#rp-a11y-polite", "aria-live") == "polite"
    assert page.get_attribute("#rp-a11y-assertive", "aria-live") == "assertive"
    assert page.evaluate("document.documentElement.lang") == "en"
    assert "RightsPath game picture" in page.get_attribute("#canvas", "aria-label")

    # The game's focus moves (Down): the page's current button follows.
    import pygame

    game.press(pygame.K_DOWN)
    assert page.get_attribute('[data-action="option-2"]', "aria-current") == "true"
    assert page.get_attribute('[data-action="option-1"]', "aria-current") is None

    # A keyboard user of the page: focus option 3's button and press Enter. The layer shows itself.
    button = page.get_by_role("button", name=f"3. {scene.views[2].text}", exact=True)
    button.focus()
    assert page.evaluate("getComputedStyle(document.getElementById('rp-a11y')).position") == "fixed"
    page.keyboard.press("Enter")
    assert page.evaluate("window.rpA11y.pending()") == [{"screen": f"decision:{scene.node_id}", "action": "option-3"}]
    before = len(scene.run.history)
    game.from_page()
    assert len(scene.run.history) == before + 1
    assert scene.run.history[-1].chosen == scene.views[2].id
    assert game.pilot.scene.name == "feedback"
    # The verdict is said at once (assertive), the heading and the Continue button follow.
    alert = live_text(page, "assertive")
    assert alert.split("\n")[0] in ("Recommended choice", "Partly right: a better option was available",
                                    "Not recommended")
    assert page.locator("#rp-a11y h1").inner_text() == "Feedback"
    assert page.get_by_role("button", name="Continue").count() == 1
    # Focus was in the list: it stays there, on the game's focused control.
    assert page.evaluate("document.activeElement.getAttribute('data-action')") == "control-continue"
    # A press of a button from the decision screen that is gone does nothing.
    page.evaluate("window.rpA11y.take()")
    game.window.rpA11y.from_page = json.dumps([{"screen": f"decision:{scene.node_id}", "action": "option-1"}])
    game.pilot.step()
    assert game.pilot.scene.name == "feedback" and len(scene.run.history) == before + 1


def test_bulgarian_descriptions_and_stage_changes(page, site):
    import pygame

    from tests.ui.test_a11y_layer import bulgarian_tutorial

    story = bulgarian_tutorial()
    open_page(page, site, "?lang=bg")
    game = Game(page, [story], language="bg")
    assert page.evaluate("document.documentElement.lang") == "bg"
    to_first_decision(game, story)
    tree = page.locator("#rp-a11y").aria_snapshot()
    print(tree)
    assert '- heading "Решение" [level=1]' in tree
    assert '- heading "Действия" [level=2]' in tree and '- heading "Предишни реплики" [level=2]' in tree
    assert "Етап: Първи контакт" in page.inner_text("#rp-a11y-stage")
    log = page.locator("#rp-a11y-log li").all_inner_texts()
    assert log and all(item for item in log)
    # Play on until the stage changes: the change is announced before the new screen's text.
    stage = game.pilot.app.a11y_model["stage"]
    for _ in range(200):
        name = game.pilot.scene.name
        if game.pilot.app.a11y_model["stage"] not in ("", stage):
            break
        game.press(pygame.K_1 if name == "decision" else pygame.K_RETURN if name == "feedback" else pygame.K_SPACE)
    new_stage = game.pilot.app.a11y_model["stage"]
    assert new_stage and new_stage != stage
    region = "assertive" if game.pilot.app.a11y_model["live"] == "assertive" else "polite"
    assert live_text(page, region).startswith(f"Етап: {new_stage}")


def test_the_page_keeps_accessibility_presets_from_the_link(page, site):
    page.goto(site + "index.html?lang=bg&size=3&contrast=high&motion=reduce&scenario=mira")
    assert page.evaluate("location.search") == "?scenario=mira&lang=bg&size=3&contrast=high&motion=reduce"
    assert page.evaluate("window.rpParams") == {"scenario": "mira", "lang": "bg", "size": "3",
                                                "contrast": "high", "motion": "reduce"}


@pytest.mark.parametrize("query,expected", [
    ("?lang=bg", "?lang=bg&motion=reduce"),     # the browser's setting, passed on as the link's
    ("?motion=full", "?motion=full"),           # the link says otherwise: it wins
])
def test_prefers_reduced_motion_reaches_the_game_as_motion_reduce(browser, site, query, expected):
    from game.platform.browser import clean_params

    context = browser.new_context(viewport={"width": 1280, "height": 720}, reduced_motion="reduce")
    pg = context.new_page()
    pg.route(f"https://{CDN_HOST}/**", lambda route: route.abort("internetdisconnected"))
    pg.goto(site + "index.html" + query)
    assert pg.evaluate("location.search") == expected
    # pygbag hands every query item to Python as os.environ; the game's rules then keep it.
    environ = dict(item.split("=", 1) for item in expected[1:].split("&"))
    assert clean_params(environ)["motion"] == expected.rsplit("motion=", 1)[1]
    context.close()
    normal = browser.new_context(viewport={"width": 1280, "height": 720}, reduced_motion="no-preference")
    pg = normal.new_page()
    pg.route(f"https://{CDN_HOST}/**", lambda route: route.abort("internetdisconnected"))
    pg.goto(site + "index.html?lang=bg")
    assert pg.evaluate("location.search") == "?lang=bg"
    normal.close()


def test_reading_aloud_speaks_each_new_screen_in_its_language(page, site):
    import pygame

    from tests.ui.stories import SCENARIOS, compiled

    open_page(page, site)
    # What the page hands to the browser's speech synthesis (the browser's own API, observed).
    page.evaluate("""() => { window.spoken = [];
        window.speechSynthesis.speak = u => window.spoken.push([u.text, u.lang]); }""")
    story = compiled(str(SCENARIOS / "tutorial.yaml"))
    game = Game(page, [story])
    assert page.evaluate("window.spoken") == []
    game.press(pygame.K_v)  # on: the current screen is read
    spoken = page.evaluate("window.spoken")
    assert spoken and spoken[-1][0].startswith("RightsPath") and spoken[-1][1] == "en"
    import tests.ui.driving as driving

    driving.focus_and_enter(game.pilot, "Start a training")
    game.forward()
    assert page.evaluate("window.spoken")[-1][0].startswith("Before you start")
    count = len(page.evaluate("window.spoken"))
    game.press(pygame.K_v)  # off
    driving.focus_and_enter(game.pilot, "Continue")
    game.forward()
    assert len(page.evaluate("window.spoken")) == count
