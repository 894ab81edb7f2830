"""Interface strings go through the installed catalogue when drawn; controls keep stable keys, so
keyboard, pointer and the autopilot work the same in any language."""

from __future__ import annotations

import re

import pygame

from game.engine import auto_choices, l10n
from tests.ui.driving import engine_score
from tests.ui.stories import fixture_story


def pseudo(english: str) -> str:
    """A visibly different 'translation' that keeps {placeholders} intact."""
    parts = re.split(r"(\{[a-z_]+\})", english)
    return "⟦" + "".join(p if p.startswith("{") else p.upper() for p in parts) + "⟧"


STRINGS = ["Start a training", "Continue", "Settings", "Choose a scenario", "Recommended choice", "Not recommended",
           "You act as: {role}", "Debrief — {title}", "Content note: {title}", "Start", "Passed", "Not passed yet",
           "Export results", "Play again", "Main menu", "Your decisions", "Why", "The rights at stake",
           "Police officer", "First contact"]


def test_translated_interface_is_drawn_and_still_playable(make_pilot):
    from game.ui.autopilot import Autopilot

    story = fixture_story()
    pilot = make_pilot([story])
    app = pilot.app
    catalogue = l10n.Translations("xx", {s: pseudo(s) for s in STRINGS})
    try:
        l10n.install(catalogue)
        app.translations = catalogue
        app.prefs.language = "xx"
        app.fonts._text.clear()  # forget what the English first frame rendered
        app.mark_dirty()
        pilot.step()
        rendered = {key[0] for key in app.fonts._text}
        assert pseudo("Start a training") in rendered and "Start a training" not in rendered
        choices = ["explain-simply", "record-once"]
        app.driver = Autopilot(app, story, choices)
        for _ in range(5000):
            if not app.running:
                break
            app.step()
        assert app.error is None and app.result == engine_score(story, choices)
        rendered = {key[0] for key in app.fonts._text}
        assert pseudo("Debrief — {title}").replace("{title}", story.title) in rendered
        assert pseudo("You act as: {role}").replace("{role}", pseudo("Police officer")) in rendered
    finally:
        l10n.install(l10n.Translations())
    assert auto_choices(story, 0)


def test_a_language_with_neither_stories_nor_catalogue_falls_back_to_english(make_pilot):
    pilot = make_pilot([fixture_story()], language="zz")
    app = pilot.app
    assert app.prefs.language == "en" and app.translations.language == "en"
    # The player is told, gently, once; then the game goes on in English.
    assert pilot.scene.name == "notice" and "English" in pilot.scene.message
    pilot.press(pygame.K_RETURN)
    assert pilot.scene.name == "title"
    rendered = {key[0] for key in app.fonts._text}
    assert "Start a training" in rendered
    pilot.press(pygame.K_RETURN)
    assert pilot.scene.name == "setup"


def test_a_link_asking_for_french_plays_and_exports_english(tmp_path):
    """?lang=fr (no French story, no French catalogue): English on screen and in every export."""
    import json

    from game.platform.desktop import DesktopPlatform
    from game.ui.app import App, AppOptions
    from tests.ui.pilot import Pilot
    from tests.ui.driving import open_story, play_to_debrief

    platform = DesktopPlatform(data_dir=tmp_path / "data", params={"lang": "fr", "trainee": "k7"})
    story = fixture_story()
    pilot = Pilot(App([story], AppOptions(reduce_motion=True), platform))
    try:
        assert pilot.scene.name == "notice" and "Français" in pilot.scene.message
        pilot.click("OK")
        open_story(pilot, story)
        play_to_debrief(pilot, ["explain-simply", "record-once"])
        assert pilot.app.playthrough.meta()["language"] == "en"
        pilot.click("Export results")
        folder = tmp_path / "data" / "results"
        record = next(json.loads(f.read_text(encoding="utf-8")) for f in sorted(folder.iterdir())
                      if f.suffix == ".json" and "xapi" not in f.name)
        assert record["language"] == "en"
        saved = json.loads(platform.load("prefs"))
        assert saved["language"] == "en"
    finally:
        pygame.quit()


def test_save_problem_and_export_failure_are_told_in_the_interface_language(make_pilot, platform):
    """The engine's precise reason stays (English); the sentence around it is translated."""
    from pathlib import Path

    from game.ui.screens.debrief import EXPORT_FAILED
    from game.ui.screens.title import SAVE_PROBLEM
    from tests.ui.driving import open_story, play_to_debrief

    story = fixture_story()
    platform.save(f"run-{story.id}", '{"format": "rightspath-save", "save_version": 1, "steps": [')
    try:
        pilot = make_pilot([story], language="bg")
        assert pilot.app.translations.language == "bg" and not pilot.app.translations.problem
        assert pilot.scene.name == "save-problem"
        lead = l10n.gettext(SAVE_PROBLEM).split("{reason}")[0].format(title=story.title)
        assert lead != SAVE_PROBLEM.split("{reason}")[0].format(title=story.title)  # really translated
        assert lead in pilot.scene.message and "damaged" in pilot.scene.message
        pilot.press(pygame.K_RETURN)
        open_story(pilot, story)
        play_to_debrief(pilot, ["explain-simply", "record-once"])
        (Path(platform.data_dir) / "results").write_text("not a folder")
        pilot.click("Export results")
        assert pilot.scene.name == "export-failed"
        lead = l10n.gettext(EXPORT_FAILED).split("{reason}")[0]
        assert lead != EXPORT_FAILED.split("{reason}")[0]
        assert pilot.scene.message.startswith(lead)
        assert l10n.gettext(EXPORT_FAILED).split("{reason}")[1] in pilot.scene.message
    finally:
        l10n.install(l10n.Translations())


def test_headless_command_with_an_unknown_language_exports_english(tmp_path):
    import json
    import subprocess
    import sys

    from tests.ui.stories import REPO

    out = tmp_path / "out"
    env = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "RIGHTSPATH_DATA_DIR": str(tmp_path / "data"),
           "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "game", "play", "scenarios/tutorial.yaml", "--headless", "--auto",
                           "--seed", "1", "--lang", "fr", "--export", str(out)], cwd=REPO, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    record = next(json.loads(f.read_text(encoding="utf-8")) for f in out.iterdir()
                  if f.suffix == ".json" and "xapi" not in f.name)
    assert record["language"] == "en"
    xapi = next(f for f in out.iterdir() if f.name.endswith("-xapi.json")).read_text(encoding="utf-8")
    assert '"language":"fr"' not in xapi.replace(" ", "") and '"language":"en"' in xapi.replace(" ", "")
