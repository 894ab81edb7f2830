"""Bulgarian citations the game generates use the Bulgarian Official Journal's point letters
(а, б, в, г, …), never the Latin ones (issue 13, review B-1). The id in the data stays ``23(2)(d)``;
only the display is localised (game/engine/citations.py), so Greek can follow.

Every bundled scenario is played in Bulgarian through the real UI, headless, in learning mode (so
each decision's feedback screen, with its full citations, is drawn) to the debrief, and both debrief
tabs are shown; everything the UI rasterised and every screen-reader description is searched. The
facilitator's report in Bulgarian, built from that playthrough's export, is searched too."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from functools import lru_cache

import pytest

from game.engine import Story, auto_choices
from game.engine.citations import display_article, display_id
from tests.i18n.conftest import ROOT
from tests.ui.conftest import make_pilot, platform  # noqa: F401  (fixtures: a real App and Pilot)

MAX_FRAMES = 40000
# A point cited with a Latin letter: "23(2)(d)", "20(b)" — a digit or ")" then "(" one letter ")".
LATIN_POINT = re.compile(r"[0-9)]\([a-z]\)")


def test_the_display_maps_points_and_keeps_the_id():
    assert display_article("23(2)(d)", "bg") == "23(2)(г)"
    assert display_article("4(1)(k)", "bg") == "4(1)(к)"
    assert display_article("9(1)(c)", "bg") == "9(1)(в)"  # "(c)" would read as Cyrillic "с"
    assert display_article("20(b)", "bg") == "20(б)"
    assert display_id("2011/36:14(2)", "bg") == "2011/36:14(2)"
    assert display_id("2016/800:4(1)(a)", "bg") == "2016/800:4(1)(а)"
    assert display_article("23(2)(f)", "el") == "23(2)(στ)"  # the mechanism takes other alphabets
    assert display_article("23(2)(d)", "en") == "23(2)(d)" == display_article("23(2)(d)", "ro")
    assert display_article("24(1)(ii)", "bg") == "24(1)(ii)"  # not a point letter: left alone


@lru_cache(maxsize=None)
def _bulgarian() -> tuple:
    from game.i18n.build import translated_stories

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        built = translated_stories(ROOT / "scenarios")
    finally:
        os.chdir(here)
    return tuple(Story.from_json(data, source=name) for name, data in sorted(built.items()) if ".bg." in name)


def test_every_translated_citation_uses_cyrillic_points():
    stories = _bulgarian()
    assert {s.id for s in stories} == {"tutorial", "mira", "andrei", "nia"}
    seen = 0
    for story in stories:
        for rid, right in story.rights.items():
            assert not LATIN_POINT.search(right["citation"]), (story.id, rid, right["citation"])
            if "(" in rid.rsplit(":", 1)[-1].split(")", 1)[-1]:
                seen += 1
    assert seen > 20  # point-level ids were really there to convert


def _play(app, story, choices) -> set[str]:
    from game.ui.autopilot import Autopilot

    app.driver = Autopilot(app, story, choices)
    drawn: set[str] = set()
    for _ in range(MAX_FRAMES):
        if not app.running:
            break
        app.step()
        drawn.update(key[0] for key in app.fonts._text)
    assert not app.running, "the autopilot did not finish"
    return drawn


@pytest.mark.parametrize("scenario", ["tutorial", "mira", "andrei", "nia"])
def test_no_bulgarian_citation_on_screen_has_a_latin_point_letter(make_pilot, platform, scenario):  # noqa: F811
    from game.engine import l10n
    from game.ui.a11y import describe
    from game.ui.screens.debrief import TABS

    story = next(s for s in _bulgarian() if s.id == scenario)
    pilot = make_pilot([story], language="bg", mode="learning")
    app = pilot.app
    try:
        drawn = _play(app, story, auto_choices(story, 2))
        scene = app.scenes.top
        assert app.error is None and scene is not None and scene.name == "debrief", app.error
        for tab in range(len(TABS)):  # both tabs: the rights column and every decision's full citations
            scene.tab = tab
            scene.layout()
            app.mark_dirty()
            app.step()
            drawn.update(key[0] for key in app.fonts._text)
            platform.announce(describe(app)[0])
    finally:
        l10n.install(l10n.Translations())
    said = [t for model in getattr(platform, "a11y_log", []) for key in ("text", "say") for t in model.get(key, [])]
    assert any("чл. " in t for t in drawn), "no Bulgarian citation was drawn"
    assert any(re.search(r"чл\. [0-9]+(\([0-9]+\))?\([а-я]\)", t) for t in drawn | set(said)), \
        "no citation with a point was shown (the test would prove nothing)"
    latin = sorted(t for t in drawn | set(said) if LATIN_POINT.search(t))
    assert not latin, f"Latin point letters shown in Bulgarian: {latin[:5]}"


def test_the_bulgarian_report_cites_with_cyrillic_points(tmp_path):
    story = next(s for s in _bulgarian() if s.id == "mira")
    (tmp_path / "mira.bg.json").write_text(json.dumps(story.data, ensure_ascii=False), encoding="utf-8")
    env = {**os.environ, "RIGHTSPATH_SESSION_KEY": ""}
    results = tmp_path / "results"
    done = subprocess.run([sys.executable, "-m", "game", "play", "--text", str(tmp_path / "mira.bg.json"), "--auto",
                           "--seed", "2", "--trainee", "T1", "--session", "S1", "--export", str(results),
                           "--formats", "json,csv"], cwd=ROOT, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert not LATIN_POINT.search(done.stdout.split("SCORE CARD")[-1]), "the score card's ids in Latin letters"
    page = tmp_path / "report.html"
    done = subprocess.run([sys.executable, "-m", "game", "report", str(results), "--story", str(tmp_path / "mira.bg.json"),
                           "--lang", "bg", "-o", str(page)], cwd=ROOT, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    html = page.read_text(encoding="utf-8")
    assert "чл. " in html and re.search(r"чл\. [0-9]+(\([0-9]+\))?\([а-я]\)", html)
    # the page's text (not its markup or the SVG path data): no Latin point after a number
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<svg.*?</svg>", " ", html, flags=re.S))
    assert not LATIN_POINT.search(text), LATIN_POINT.search(text)
    svg_text = " ".join(re.findall(r"<text[^>]*>(.*?)</text>", html, flags=re.S))
    assert not LATIN_POINT.search(svg_text)
    # the data keep the id as it is: the export names 23(2)(d), not 23(2)(г)
    record = json.loads(next(p for p in results.iterdir() if p.suffix == ".json").read_text(encoding="utf-8"))
    ids = {v["right"] for d in record["decisions"] for v in d["verdicts"]}
    assert not any(re.search(r"\([а-я]\)", i) for i in ids) and any(re.search(r"\([a-z]\)", i) for i in ids)
