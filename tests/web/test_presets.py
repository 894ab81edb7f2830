"""Accessibility presets in links (issue 15): ``size``, ``contrast`` and ``motion`` offered by
``rightspath links``, kept by the game's URL rules, and applied by the real UI."""

from __future__ import annotations

import os
from urllib.parse import parse_qsl, urlsplit

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

from game.platform.browser import BrowserPlatform, clean_params, param_problem  # noqa: E402
from tests.web.test_commands import rightspath  # noqa: E402


def test_links_offer_text_size_contrast_and_motion(tmp_path):
    proc = rightspath("links", "--base-url", "https://training.example.org/rightspath/", "--session", "S1",
                      "--count", "2", "--lang", "bg", "--size", "3", "--contrast", "high", "--motion", "reduce",
                      "-o", "room.html", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    url = proc.stdout.strip().splitlines()[0].split()[1]
    query = dict(parse_qsl(urlsplit(url).query))
    assert (query["size"], query["contrast"], query["motion"]) == ("3", "high", "reduce")
    page = (tmp_path / "room.html").read_text(encoding="utf-8")
    assert "size=3" in page and "contrast=high" in page and "motion=reduce" in page


def test_links_refuse_a_preset_the_game_would_drop(tmp_path):
    for option, value in (("--size", "4"), ("--contrast", "pink"), ("--motion", "slow")):
        proc = rightspath("links", "--base-url", "https://x.example/", "--session", "S1", "--count", "1",
                          option, value, "-o", "room.html", cwd=tmp_path)
        assert proc.returncode == 2, (option, proc.stdout, proc.stderr)
        assert option in proc.stderr and "Traceback" not in proc.stderr


def test_the_url_rules_keep_the_presets():
    environ = {"size": "3", "contrast": "high", "motion": "reduce", "lang": "bg", "PYGPI": "x"}
    assert clean_params(environ) == {"size": "3", "contrast": "high", "motion": "reduce", "lang": "bg"}
    assert clean_params({"size": "9", "contrast": "HIGH", "motion": "fast"}) == {}
    assert param_problem("motion", "full") is None and param_problem("contrast", "standard") is None


def test_the_game_applies_the_presets_from_the_link(tmp_path):
    from game.ui.app import App, AppOptions
    from tests.ui.pilot import Pilot
    from tests.ui.stories import fixture_story

    class Window:
        class localStorage:  # noqa: N801 (the JS name)
            getItem = staticmethod(lambda key: None)
            setItem = staticmethod(lambda key, value: None)
            removeItem = staticmethod(lambda key: None)
            key = staticmethod(lambda i: None)
            length = 0

    try:
        platform = BrowserPlatform(window=Window(), environ={"size": "3", "contrast": "high", "motion": "reduce"})
        app = App([fixture_story()], AppOptions(), platform)
        Pilot(app)
        assert (app.prefs.text_size, app.prefs.high_contrast, app.prefs.reduce_motion) == (3, True, True)
        assert app.theme.name == "high_contrast"
        # The link says 'full' and 'standard': a saved preference for reduced motion does not win over it.
        platform = BrowserPlatform(window=Window(), environ={"motion": "full", "contrast": "standard"})
        app = App([fixture_story()], AppOptions(reduce_motion=True, high_contrast=True), platform)
        assert (app.prefs.reduce_motion, app.prefs.high_contrast) == (False, False)
    finally:
        pygame.quit()
