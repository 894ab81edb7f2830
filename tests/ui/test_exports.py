"""The debrief's export button: signed JSON, CSV and xAPI through the platform, the same record the
exports package builds, valid against the committed schema; failures are told, never a crash."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pygame
import pytest

from game.exports import build_record, verify_file
from tests.ui.driving import open_story, play_to_debrief
from tests.ui.stories import REPO, SCENARIOS, compiled, fixture_story

CHOICES = ["explain-simply", "record-once"]
SCHEMA = json.loads((SCENARIOS / "schema" / "export.schema.json").read_text(encoding="utf-8"))
TIMES = ("started_at", "ended_at", "signature")


def without_times(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in TIMES}


def results(platform) -> list[Path]:
    folder = Path(platform.data_dir) / "results"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_export_button_writes_signed_files_equal_to_build_record(make_pilot, platform, monkeypatch):
    # The facilitator's secret session key on this machine; the session code is not a key (issue 12).
    monkeypatch.setenv("RIGHTSPATH_SESSION_KEY", "facilitator-secret")
    monkeypatch.delenv("RIGHTSPATH_TRAINEE_KEY", raising=False)
    story = fixture_story()
    pilot = make_pilot([story], trainee="k7", session="ROOM-4")
    open_story(pilot, story)
    play_to_debrief(pilot, CHOICES)
    session = pilot.app.playthrough
    pilot.click("Export results")
    assert pilot.scene.name == "exported"
    files = results(platform)
    suffixes = sorted(f.name.split("Z", 1)[1] for f in files)
    assert suffixes == ["-decisions.csv", "-summary.csv", "-xapi.json", ".json"]
    assert all(f.name.startswith("rightspath-fixture-ROOM-4-k7-") for f in files)
    # The debrief names the folder the files went into.
    assert str(files[0].parent) in pilot.scene.message
    for f in files:
        verdict = verify_file(f, "facilitator-secret")
        if f.suffix == ".json":
            assert verdict.status == "valid", (f.name, verdict.reason)
            assert verify_file(f, "ROOM-4").status == "tampered"  # the public session code opens nothing
            jsonschema.validate(verdict.record, SCHEMA)
    record = json.loads(next(f for f in files if f.name.endswith("Z.json") or
                             (f.suffix == ".json" and "xapi" not in f.name)).read_text(encoding="utf-8"))
    expected = build_record(session.run, story, {"trainee": "k7", "session": "ROOM-4", "mode": "learning",
                                                 "language": "en"})
    assert without_times(record) == without_times(expected)
    assert record["started_at"] <= record["ended_at"]
    assert [d["chosen"] for d in record["decisions"]] == CHOICES
    assert all(isinstance(d["seconds"], (int, float)) for d in record["decisions"])
    rows = list(csv.DictReader(next(f for f in files if f.name.endswith("-decisions.csv"))
                               .read_text(encoding="utf-8-sig").splitlines()))
    assert [r["chosen"] for r in rows] == CHOICES
    pilot.press(pygame.K_RETURN)
    assert pilot.scene.name == "debrief"


@pytest.mark.parametrize("session", ["", "ROOM-5"], ids=["no-session", "session-code-only"])
def test_without_a_key_exports_are_unsigned(make_pilot, platform, monkeypatch, session):
    monkeypatch.delenv("RIGHTSPATH_SESSION_KEY", raising=False)
    monkeypatch.delenv("RIGHTSPATH_TRAINEE_KEY", raising=False)
    story = fixture_story()
    pilot = make_pilot([story], trainee="k8", **({"session": session} if session else {}))
    open_story(pilot, story)
    play_to_debrief(pilot, CHOICES)
    pilot.click("Export results")
    record_file = next(f for f in results(platform) if f.suffix == ".json" and "xapi" not in f.name)
    assert verify_file(record_file, None).status == "unsigned"


def test_a_failed_export_is_told_and_the_debrief_stays(make_pilot, platform):
    story = fixture_story()
    pilot = make_pilot([story], trainee="k9")
    open_story(pilot, story)
    play_to_debrief(pilot, CHOICES)
    # The results folder cannot be made: a file stands in its place.
    Path(platform.data_dir).mkdir(parents=True, exist_ok=True)
    (Path(platform.data_dir) / "results").write_text("not a folder")
    pilot.click("Export results")
    assert pilot.scene.name == "export-failed"
    assert "still saved" in pilot.scene.message
    pilot.press(pygame.K_RETURN)
    assert pilot.scene.name == "debrief"


def test_a_resumed_playthrough_exports_its_true_start(make_pilot, platform):
    story = fixture_story()
    pilot = make_pilot([story], trainee="k10")
    open_story(pilot, story)
    for _ in range(20):
        if pilot.scene.name == "decision":
            break
        pilot.press(pygame.K_SPACE)
    pilot.press(pygame.K_1)
    started = pilot.app.playthrough.started_at
    saved = json.loads(platform.load("meta-fixture"))
    assert saved["started_at"] == started
    # A new App (the next day) resumes from the title and exports the original start.
    saved["started_at"] = "2020-01-02T03:04:05Z"
    platform.save("meta-fixture", json.dumps(saved))
    again = make_pilot([story], trainee="k10")
    again.click("Resume")
    assert again.app.playthrough.started_at == "2020-01-02T03:04:05Z"
    play_to_debrief(again, CHOICES[1:])
    again.click("Export results")
    record_file = next(f for f in results(platform) if f.suffix == ".json" and "xapi" not in f.name)
    assert json.loads(record_file.read_text(encoding="utf-8"))["started_at"] == "2020-01-02T03:04:05Z"


def _play_cli(*args: str, env_dir: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, RIGHTSPATH_DATA_DIR=str(env_dir), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    return subprocess.run([sys.executable, "-m", "game", "play", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def tutorial():
    return compiled(str(SCENARIOS / "tutorial.yaml"))


def test_headless_export_writes_what_the_debrief_button_writes(tmp_path, tutorial, make_pilot, platform,
                                                              monkeypatch):
    monkeypatch.setenv("RIGHTSPATH_SESSION_KEY", "secret-K9")  # the debrief's key on this machine
    from game.engine import auto_choices, play_choices
    from game.textplay import format_scorecard

    choices = auto_choices(tutorial, 3)
    out = tmp_path / "cli"
    done = _play_cli(str(SCENARIOS / "tutorial.yaml"), "--headless", "--choices", ",".join(choices),
                     "--trainee", "t1", "--session", "S9", "--export", str(out), "--session-key", "secret-K9",
                     env_dir=tmp_path / "cli-data")
    assert done.returncode == 0, done.stderr
    card_lines = [line for line in done.stdout.splitlines() if not line.startswith("wrote ")]
    expected_card = format_scorecard(play_choices(tutorial, choices).score(), tutorial)
    assert "\n".join(card_lines) == expected_card.rstrip("\n")  # the score card is printed unchanged
    cli_files = sorted(out.iterdir())
    assert len(cli_files) == 4 and all(f"wrote {f}" in done.stdout for f in cli_files)

    pilot = make_pilot([tutorial], trainee="t1", session="S9")
    open_story(pilot, tutorial)
    play_to_debrief(pilot, choices)
    pilot.click("Export results")
    ui_files = results(platform)
    suffix = lambda f: f.name.split("Z", 1)[1]  # noqa: E731
    assert sorted(map(suffix, cli_files)) == sorted(map(suffix, ui_files))
    for cli_file in cli_files:
        ui_file = next(f for f in ui_files if suffix(f) == suffix(cli_file))
        if cli_file.suffix == ".json":
            a, b = verify_file(cli_file, "secret-K9"), verify_file(ui_file, "secret-K9")
            assert a.status == b.status == "valid", (a.reason, b.reason)
            jsonschema.validate(a.record, SCHEMA)
            # Same record but for the clock: the seconds per decision come from the UI's virtual clock.
            assert without_times(a.record) == without_times(b.record)


def _browser_pilot(make_pilot_window, story):
    from game.platform.browser import BrowserPlatform
    from game.ui.app import App, AppOptions
    from tests.ui.pilot import Pilot

    platform = BrowserPlatform(window=make_pilot_window, environ={})
    return Pilot(App([story], AppOptions(reduce_motion=True, trainee="b1", session="WEB-2"), platform))


def test_in_the_browser_the_button_downloads_each_file(tmp_path):
    from game.exports import verify_bytes
    from tests.web.test_browser_platform import PageWindow

    from game.exports.signing import trainee_key

    window = PageWindow()
    window.rpTraineeKey = trainee_key("facilitator-secret", "WEB-2", "b1")  # the page read it from #k=
    story = fixture_story()
    pilot = _browser_pilot(window, story)
    try:
        open_story(pilot, story)
        play_to_debrief(pilot, CHOICES)
        pilot.click("Export results")
        assert pilot.scene.name == "exported" and "browser" in pilot.scene.message
        assert "signed with the key from your link" in pilot.scene.message
        names = [name for name, _text, _mime in window.downloads]
        assert len(names) == 4 and all(n.startswith("rightspath-fixture-WEB-2-b1-") for n in names)
        for name, text, mime in window.downloads:
            if name.endswith(".json"):
                assert mime == "application/json"
                assert verify_bytes(text.encode("utf-8"), "facilitator-secret", name).status == "valid"
                assert verify_bytes(text.encode("utf-8"), "WEB-2", name).status == "tampered"  # the code is no key
    finally:
        pygame.quit()


def test_in_the_browser_a_refused_download_is_told():
    from tests.web.test_browser_platform import PageWindow

    class Refusing(PageWindow):
        def rpDownload(self, filename, text, mime):
            return False

    story = fixture_story()
    pilot = _browser_pilot(Refusing(), story)
    try:
        open_story(pilot, story)
        play_to_debrief(pilot, CHOICES)
        pilot.click("Export results")
        assert pilot.scene.name == "export-failed" and "refused" in pilot.scene.message
        pilot.press(pygame.K_RETURN)
        assert pilot.scene.name == "debrief"
    finally:
        pygame.quit()


@pytest.mark.parametrize("window_kind", ["full", "private"])
def test_in_the_browser_a_save_that_fails_is_told_once_and_the_playthrough_goes_on(window_kind):
    """Browser storage full (quota) or blocked (private mode): the first failed autosave opens a
    dialog over the next screen, the page's status line says so while it lasts, the pause menu
    says so, and the playthrough still reaches the debrief and its export."""
    from tests.web.test_browser_platform import PageWindow, PrivateModeWindow, WebStorage

    window = PageWindow(WebStorage(quota=300)) if window_kind == "full" else PrivateModeWindow()
    story = fixture_story()
    pilot = _browser_pilot(window, story)
    try:
        if window_kind == "private":  # no storage at all: told at the title, where saves are looked for
            assert pilot.scene.name == "save-failed", pilot.screen
            assert "cannot be saved here" in pilot.scene.message and "private window" in pilot.scene.message
            assert "Export results" in pilot.scene.message
            pilot.press(pygame.K_RETURN)
            assert pilot.scene.name == "title", pilot.screen
        open_story(pilot, story)
        for _ in range(40):  # to the first autosave (leaving the narration)
            if pilot.scene.name != "story":
                break
            pilot.press(pygame.K_SPACE)
        if window_kind == "full":  # the storage works until it is full: told at the first failed autosave
            assert pilot.scene.name == "save-failed", pilot.screen
            assert "could not be saved" in pilot.scene.message and "full" in pilot.scene.message
            assert "Export results" in pilot.scene.message
            pilot.press(pygame.K_RETURN)
        assert pilot.scene.name == "decision", pilot.screen  # (private: not told a second time)
        assert window.status_line.startswith("Progress is not being saved:")
        pilot.press(pygame.K_ESCAPE)
        assert pilot.scene.name == "pause" and "Saving failed" in pilot.scene.message
        pilot.press(pygame.K_ESCAPE)
        seen = play_to_debrief(pilot, CHOICES)
        assert "save-failed" not in seen  # told once, not after every decision
        pilot.click("Export results")
        assert pilot.scene.name == "exported" and len(window.downloads) == 4
    finally:
        pygame.quit()
