"""Saves nobody wrote: JSON nested 200 000 deep in the save or in its meta file never stops the game
from opening (issue 11, rows C1 and R8). The save is set aside with its bytes kept and reported."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pygame

from game.engine import Run
from tests.ui.driving import engine_score, open_story, play_to_debrief
from tests.ui.stories import REPO, fixture_story

DEEP = "[" * 200_000 + "]" * 200_000


def _cli(args, data_dir, timeout=120, **env):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", RIGHTSPATH_DATA_DIR=str(data_dir),
               **env)
    return subprocess.run([sys.executable, "-m", "game", *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=timeout)


def _sigint_default():
    """In the child: Ctrl+C (SIGINT) acts as at a terminal, even when the tests run in a background
    job, whose children inherit SIGINT ignored (then Python never raises KeyboardInterrupt)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _window(args, data_dir, until, **env):
    """`rightspath play` in a window (SDL's dummy driver), stopped with SIGINT once ``until(stderr)``
    holds (or the process ends): (alive then, stderr, rc). No fixed wait: a slow machine only waits longer."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", RIGHTSPATH_DATA_DIR=str(data_dir),
               **env)
    log = Path(data_dir).parent / "window-stderr.txt"
    with open(log, "w") as err_file:
        proc = subprocess.Popen([sys.executable, "-m", "game", "play", *args], cwd=REPO, env=env,
                                stdout=subprocess.DEVNULL, stderr=err_file, text=True, preexec_fn=_sigint_default)
        try:
            deadline = time.monotonic() + 180
            while proc.poll() is None and not until(log.read_text()) and time.monotonic() < deadline:
                time.sleep(0.2)
            if proc.poll() is None:
                time.sleep(2)  # past the point of interest: the loop keeps running
            alive = proc.poll() is None
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()  # never leave a window running after the test
                raise
    return alive, log.read_text(), proc.returncode


def _set_aside(data_dir: Path) -> list[Path]:
    folder = data_dir / "set-aside"
    return sorted(folder.iterdir()) if folder.is_dir() else []


def test_deep_save_and_meta_are_set_aside_by_the_title_screen(make_pilot, platform):
    """The real UI: the title screen reports the deep save, moves it (bytes kept) and plays fresh."""
    story = fixture_story()
    platform.save(f"run-{story.id}", DEEP)
    pilot = make_pilot([story])
    assert pilot.scene.name == "save-problem"
    assert "nested" in pilot.scene.message and "moved to" in pilot.scene.message
    moved = _set_aside(Path(platform.data_dir))
    assert len(moved) == 1 and moved[0].read_text() == DEEP
    pilot.press(pygame.K_RETURN)
    open_story(pilot, story)
    play_to_debrief(pilot, ["explain-simply", "record-once"])
    assert pilot.scene.card == engine_score(story, ["explain-simply", "record-once"])


def test_deep_meta_beside_a_good_save_still_resumes(make_pilot, platform):
    story = fixture_story()
    run = Run(story)
    run.advance()
    platform.save(f"run-{story.id}", run.to_json())
    platform.save(f"meta-{story.id}", DEEP)
    pilot = make_pilot([story])
    assert pilot.scene.name == "title"
    assert pilot.scene.find("Resume") is not None
    moved = _set_aside(Path(platform.data_dir))
    assert len(moved) == 1 and moved[0].read_text() == DEEP  # kept, not overwritten by the next autosave


def test_window_opens_over_a_deep_save_through_the_cli(tmp_path):
    """`rightspath play` (every bundled scenario, in a window): before, RecursionError and exit 1 on
    every start; now the window stays open and the save is set aside with its bytes."""
    saves = tmp_path / "d" / "saves"
    saves.mkdir(parents=True)
    (saves / "run-tutorial.json").write_text(DEEP)
    (saves / "meta-tutorial.json").write_text(DEEP)
    alive, err, rc = _window([], tmp_path / "d", until=lambda _err: len(_set_aside(tmp_path / "d")) == 2)
    assert "Traceback" not in err, err[-3000:]
    assert alive, (rc, err[-3000:])
    assert rc == 130
    moved = _set_aside(tmp_path / "d")
    assert [p.read_text() for p in moved] == [DEEP, DEEP]


def test_headless_run_over_a_deep_headless_save_through_the_cli(tmp_path):
    saves = tmp_path / "d" / "saves"
    saves.mkdir(parents=True)
    (saves / "headless-run-tutorial.json").write_text(DEEP)
    (saves / "headless-meta-tutorial.json").write_text(DEEP)
    out = _cli(["play", str(REPO / "scenarios" / "tutorial.yaml"), "--headless", "--auto"], tmp_path / "d")
    assert "Traceback" not in out.stderr, out.stderr[-3000:]
    assert out.returncode == 0, out.stderr[-3000:]
    assert "scaled" in out.stdout.lower() or "score" in out.stdout.lower()
    assert DEEP in [p.read_text() for p in _set_aside(tmp_path / "d")]


def _scenarios_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "scenarios"
    shutil.copytree(REPO / "scenarios", folder, ignore=shutil.ignore_patterns("*.pot"))
    return folder


BROKEN = "id: broken\nversion: 1.0.0\ntitle: [unclosed\n"


def test_one_broken_draft_does_not_stop_the_window(tmp_path):
    """R8: a broken draft among the bundled scenarios is left out and reported; the window opens."""
    folder = _scenarios_copy(tmp_path)
    (folder / "broken.yaml").write_text(BROKEN)
    alive, err, rc = _window([], tmp_path / "d", until=lambda err: "left out" in err,
                             RIGHTSPATH_SCENARIOS_DIR=str(folder))
    assert "Traceback" not in err, err[-3000:]
    assert alive, (rc, err[-3000:])
    assert "broken.yaml" in err and "left out" in err


def test_broken_draft_is_left_out_of_the_list_and_named_on_the_title_screen(tmp_path, platform):
    """The same through the real UI: the others are offered, the title screen says which was left out."""
    from game.commands.play import bundled_stories
    from game.ui.app import App, AppOptions
    from tests.ui.pilot import Pilot

    folder = _scenarios_copy(tmp_path)
    (folder / "broken.yaml").write_text(BROKEN)
    stories, left_out = bundled_stories(folder)
    expected = sorted(p.stem for p in folder.glob("*.yaml") if p.stem != "broken")
    assert sorted({s.id for s in stories}) == expected
    assert [p.name for p, _ in left_out] == ["broken.yaml"]
    app = App(stories, AppOptions(reduce_motion=True), platform)
    app.left_out = [p.name for p, _ in left_out]  # what play_window hands over
    pilot = Pilot(app)
    try:
        assert pilot.scene.name == "left-out"
        assert "broken.yaml" in pilot.scene.message
        pilot.press(pygame.K_RETURN)
        assert pilot.scene.name == "title"
        pilot.click("Start a training")
        assert pilot.scene.name in ("setup", "select")
    finally:
        pygame.quit()


def test_deep_settings_file_leaves_the_defaults(make_pilot, platform):
    """The saved settings (prefs) are read at every start too: nested 200 000 deep, they are ignored."""
    story = fixture_story()
    platform.save("prefs", DEEP)
    pilot = make_pilot([story])
    assert pilot.scene.name == "title"
