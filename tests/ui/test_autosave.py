"""Never lose progress: a playthrough killed with SIGKILL at random moments resumes with no
committed decision lost and no corrupt save; a corrupt save is reported and set aside."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pygame
import pytest

from game.engine import Run, auto_choices
from game.engine.story import canonical_json
from game.platform.desktop import DesktopPlatform
from game.ui.app import App, AppOptions
from game.ui.autopilot import Autopilot
from tests.ui.driving import engine_score, open_story, play_to_debrief
from tests.ui.stories import REPO, bundled_paths, compiled, fixture_story

CHILD = Path(__file__).with_name("autosave_child.py")
TRIALS = 24


def _resume_to_debrief(story, data_dir, choices):
    """Open the app on the saved data, take the offer to resume, play the rest; return the app, with
    ``decided_now``: the number of each decision autosaved in this app (the autosave hook's count)."""
    app = App([story], AppOptions(headless=True, reduce_motion=True), DesktopPlatform(data_dir=data_dir))
    app.driver = Autopilot(app, story, choices)
    app.decided_now = []
    counts = [None]

    def saved(n):  # a new count is a decision committed now (narration and the ending save the same count)
        if n != counts[0]:
            counts[0] = n
            app.decided_now.append(n)

    app.on_autosave = saved
    app.start()
    for _ in range(20000):
        if not app.running:
            break
        app.step()
    pygame.quit()
    if app.error:
        raise app.error
    return app


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_no_committed_decision(tmp_path):
    story = compiled(str(bundled_paths()[0]))
    story_file = tmp_path / "story.json"
    story_file.write_text(canonical_json(story.data), encoding="utf-8")
    rng = random.Random(20121025)
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYTHONPATH=str(REPO))

    def spawn(trial):
        choices = auto_choices(story, trial)
        data = tmp_path / f"t{trial}"
        proc = subprocess.Popen([sys.executable, str(CHILD), str(story_file), str(data), ",".join(choices)],
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
        first = proc.stdout.readline()  # "started": the window is up, play begins now
        assert first.startswith("started"), (first, proc.stderr.read() if proc.poll() is not None else "")
        return choices, data, proc, time.monotonic()

    # Calibrate: how long does one whole playthrough take on this machine right now?
    _, _, proc, began = spawn(1000)
    proc.communicate(timeout=120)
    duration = time.monotonic() - began
    outcomes = []
    for trial in range(TRIALS):
        choices, data, proc, began = spawn(trial)
        # Moments from the middle of a calibrated playthrough: nearly all land mid-play even when the
        # machine's pace drifts between the calibration run and this one.
        time.sleep(max(0.0, began + rng.uniform(0.05, 0.95) * duration - time.monotonic()))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=30)
        assert "Traceback" not in err, err
        committed = max([int(line.split()[1]) for line in out.splitlines() if line.startswith("committed")],
                        default=0)
        text = DesktopPlatform(data_dir=data).load(f"headless-run-{story.id}")
        if committed:
            assert text is not None, f"trial {trial}: {committed} decisions committed but no save"
        saved = 0
        if text is not None:
            run = Run.from_json(story, text)  # raises on a corrupt save
            saved = len(run.history)
            assert saved >= committed, f"trial {trial}: {committed} committed, only {saved} saved"
            assert [h.chosen for h in run.history] == choices[:saved]
        outcomes.append((trial, committed, saved, "done" in out))
        # Resume through the UI and finish: the score is the engine's for the whole script.
        app = _resume_to_debrief(story, data, choices)
        assert app.result == engine_score(story, choices), f"trial {trial}"
        if 0 < saved < len(choices):
            made_now = [n for n in app.decided_now if n > saved]
            assert made_now[0] == saved + 1 and min(app.decided_now) >= saved, f"trial {trial}: resumed at {made_now[0]}, saved {saved}"
    killed_mid_play = [o for o in outcomes if 0 < o[2] < len(auto_choices(story, o[0])) and not o[3]]
    assert len(outcomes) >= 20
    assert len(killed_mid_play) >= 5, f"too few kills landed mid-play: {outcomes}"
    print(f"\nSIGKILL trials (trial, committed, saved, finished): {outcomes}")


def test_corrupt_save_is_reported_set_aside_and_a_fresh_start_works(make_pilot, platform):
    story = fixture_story()
    platform.save(f"run-{story.id}", '{"format": "rightspath-save", "save_version": 1, "steps": [')
    pilot = make_pilot([story])
    assert pilot.scene.name == "save-problem"
    dlg = pilot.scene
    assert "damaged" in dlg.message and "moved to" in dlg.message
    moved = list((Path(platform.data_dir) / "set-aside").iterdir())
    assert len(moved) == 1 and moved[0].read_text().endswith('"steps": [')
    assert platform.load(f"run-{story.id}") is None
    pilot.press(pygame.K_RETURN)
    assert pilot.scene.name == "title"
    assert pilot.scene.find("Resume") is None
    open_story(pilot, story)
    play_to_debrief(pilot, ["explain-simply", "record-once"])
    assert pilot.scene.card == engine_score(story, ["explain-simply", "record-once"])
    assert moved[0].exists()  # the set-aside copy is never touched again


def test_save_from_another_story_version_is_set_aside(make_pilot, platform):
    story = fixture_story()
    other = compiled(str(bundled_paths()[0]))
    run = Run(other)
    text = run.to_json().replace(f'"story_id": "{other.id}"', f'"story_id": "{story.id}"')
    platform.save(f"run-{story.id}", text)
    pilot = make_pilot([story])
    assert pilot.scene.name == "save-problem"
    # The engine's own reason is passed on; the save is moved aside, not overwritten.
    assert "could not be resumed" in pilot.scene.message and "moved to" in pilot.scene.message
    assert platform.load(f"run-{story.id}") is None
    assert len(list((Path(platform.data_dir) / "set-aside").iterdir())) == 1


def test_quit_mid_play_saves_and_title_offers_resume(make_pilot, platform):
    story = fixture_story()
    pilot = make_pilot([story])
    open_story(pilot, story)
    play_until = ["explain-simply"]
    # Take one decision, then close the window on the next screen.
    for _ in range(50):
        if pilot.scene.name == "decision":
            pilot.press(pygame.K_1)
            break
        pilot.press(pygame.K_SPACE)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    pilot.step()
    assert not pilot.app.running
    saved = Run.from_json(story, platform.load(f"run-{story.id}"))
    assert [h.chosen for h in saved.history] == play_until
    # A new app offers to resume, and resuming continues from there.
    app = App([story], AppOptions(reduce_motion=True), platform)
    from tests.ui.pilot import Pilot

    again = Pilot(app)
    assert again.scene.find("Resume") is not None
    again.click("Resume")
    assert again.scene.name in ("feedback", "decision", "story")
    if again.scene.name == "feedback":
        again.press(pygame.K_RETURN)
    play_to_debrief(again, ["record-once"])
    assert again.scene.card == engine_score(story, ["explain-simply", "record-once"])
