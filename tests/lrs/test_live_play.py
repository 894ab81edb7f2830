"""A whole playthrough through the real UI (play --headless) with a learning-record store: its
statements reach a real Ralph as they happen, they are the very statements the export holds (ids and
content), and pushing the exported files afterwards stores nothing new."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXT_SESSION = "https://rightspath.eu/xapi/extensions/session"
OURS = ("id", "actor", "verb", "object", "context", "timestamp", "result")


def rightspath(*args, env_extra=None, data=None):
    env = {**os.environ, "RIGHTSPATH_LRS_USER": "", "RIGHTSPATH_LRS_PASSWORD": "", "RIGHTSPATH_SESSION_KEY": "",
           "RIGHTSPATH_LRS_ENDPOINT": "", "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
           **(env_extra or {})}
    if data is not None:
        env["RIGHTSPATH_DATA_DIR"] = str(data)
    return subprocess.run([sys.executable, "-m", "game", *map(str, args)], capture_output=True, text=True,
                          cwd=REPO, timeout=600, env=env)


def ours(statement: dict) -> dict:
    return {k: statement[k] for k in OURS if k in statement}


def test_a_headless_playthrough_sends_what_the_export_holds(lrs, tmp_path):
    session = "LIVE-PLAY"
    live = {"RIGHTSPATH_LRS_ENDPOINT": lrs.url, "RIGHTSPATH_LRS_USER": lrs.user,
            "RIGHTSPATH_LRS_PASSWORD": lrs.password}
    played = rightspath("play", "scenarios/tutorial.yaml", "--headless", "--auto", "--seed", "4",
                        "--session", session, "--trainee", "T-04", "--export", tmp_path / "out",
                        "--formats", "json,xapi", env_extra=live, data=tmp_path / "data")
    assert played.returncode == 0, played.stderr
    assert "live results: Results sent" in played.stdout
    sent = {s["id"]: s for s in lrs.statements() if s["context"]["extensions"].get(EXT_SESSION) == session}
    (xapi_file,) = (tmp_path / "out").glob("*xapi*.json")
    exported = json.loads(xapi_file.read_text(encoding="utf-8"))
    assert sorted(sent) == sorted(s["id"] for s in exported)
    for statement in exported:
        assert ours(sent[statement["id"]]) == ours(statement), statement["verb"]["id"]
    pushed = rightspath("lrs", "push", tmp_path / "out", "--endpoint", lrs.url, "--user", lrs.user,
                        "--password", lrs.password)
    assert pushed.returncode == 0, pushed.stderr
    assert "0 newly stored" in pushed.stdout
    assert len([s for s in lrs.statements() if s["context"]["extensions"].get(EXT_SESSION) == session]) == len(sent)


def test_results_kept_while_the_store_is_away_go_out_on_the_next_start(lrs, tmp_path):
    from tests.lrs.lrs_server import free_port

    session = "LIVE-LATER"
    away = {"RIGHTSPATH_LRS_ENDPOINT": f"http://127.0.0.1:{free_port()}/xAPI/", "RIGHTSPATH_LRS_USER": "u",
            "RIGHTSPATH_LRS_PASSWORD": "p"}
    first = rightspath("play", "scenarios/tutorial.yaml", "--headless", "--auto", "--seed", "5",
                       "--session", session, "--trainee", "T-05", env_extra=away, data=tmp_path / "data")
    assert first.returncode == 0, first.stderr
    assert "results waiting to be sent" in first.stdout
    pages = sorted((tmp_path / "data" / "saves").glob("xapi-outbox-*.json"))
    assert pages and all(json.loads(p.read_text(encoding="utf-8"))["statements"] for p in pages)
    back = {"RIGHTSPATH_LRS_ENDPOINT": lrs.url, "RIGHTSPATH_LRS_USER": lrs.user,
            "RIGHTSPATH_LRS_PASSWORD": lrs.password}
    second = rightspath("play", "scenarios/tutorial.yaml", "--headless", "--auto", "--seed", "6",
                        "--session", session, "--trainee", "T-06", env_extra=back, data=tmp_path / "data")
    assert second.returncode == 0, second.stderr
    trainees = {s["actor"]["account"]["name"] for s in lrs.statements()
                if s["context"]["extensions"].get(EXT_SESSION) == session}
    assert trainees == {f"{session}/T-05", f"{session}/T-06"}  # the first run's results arrived too


def test_statements_go_out_during_play_not_only_at_the_end(lrs, tmp_path, monkeypatch):
    """The game's own loop sends them: after the first decision, with the playthrough still running
    (as in a browser, whose loop never ends), its statements reach the store."""
    import asyncio
    import time as clock

    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    monkeypatch.setenv("RIGHTSPATH_LRS_ENDPOINT", lrs.url)
    monkeypatch.setenv("RIGHTSPATH_LRS_USER", lrs.user)
    monkeypatch.setenv("RIGHTSPATH_LRS_PASSWORD", lrs.password)
    import pygame

    from game.engine import auto_choices
    from game.platform.desktop import DesktopPlatform
    from game.ui.app import App, AppOptions
    from game.ui.autopilot import Autopilot
    from tests.exports import helpers

    story = helpers.story()
    session = "LIVE-DURING"
    app = App([story], AppOptions(headless=True, reduce_motion=True, seed=0, session=session, trainee="T-09"),
              DesktopPlatform(tmp_path / "data"))
    choices = auto_choices(story, 1)
    app.start()
    app.driver = Autopilot(app, story, choices[:1])  # one decision, then the script runs out
    found: list[dict] = []

    async def play():
        deadline = clock.perf_counter() + 60
        while clock.perf_counter() < deadline:
            if app.playthrough is not None and len(app.playthrough.run.history) >= 1:
                app.driver = None  # the player stops to read: the loop goes on, idle
            app.step()
            await asyncio.sleep(0.005)
            if app.driver is None and app.live is not None and app.live.sender.state == "sent":
                break

    try:
        asyncio.run(play())
        found = [s for s in lrs.statements() if s["context"]["extensions"].get(EXT_SESSION) == session]
    finally:
        pygame.quit()
    verbs = sorted(s["verb"]["id"].rsplit("/", 1)[1] for s in found)
    assert verbs == ["answered", "initialized"], verbs
    assert app.running and not app.playthrough.run.ended  # still playing: nothing was drained at an end
