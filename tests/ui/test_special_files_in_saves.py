"""A named pipe or a folder where a save should be never hangs or crashes the title screen: it is
reported as a save that cannot be read, and the game plays fresh (issue 11, special files)."""

from __future__ import annotations

import os
import subprocess
import sys

import pygame
import pytest

from tests.ui.driving import engine_score, open_story, play_to_debrief
from tests.ui.stories import REPO, fixture_story

CHILD = r"""
import os, sys
os.environ["SDL_VIDEODRIVER"] = "dummy"; os.environ["SDL_AUDIODRIVER"] = "dummy"
from game.platform.desktop import DesktopPlatform
from game.ui.app import App, AppOptions
from tests.ui.stories import fixture_story
app = App([fixture_story()], AppOptions(reduce_motion=True, seed=0), DesktopPlatform(sys.argv[1]))
app.start()
app.step()
print("opened:", app.scenes.top.name)
"""


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_the_title_opens_over_a_special_file_in_the_saves_folder(tmp_path, kind):
    story = fixture_story()
    saves = tmp_path / "data" / "saves"
    saves.mkdir(parents=True)
    target = saves / f"run-{story.id}.json"
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.mkdir()
    env = dict(os.environ, PYTHONPATH=str(REPO), PYGAME_HIDE_SUPPORT_PROMPT="1")
    out = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "data")], capture_output=True, text=True,
                         env=env, cwd=REPO, timeout=120)  # before: waited for a writer for ever
    assert out.returncode == 0, out.stderr[-2000:]
    assert "opened: " in out.stdout and "Traceback" not in out.stderr


def test_after_a_named_pipe_save_the_game_plays_fresh(make_pilot, platform):
    story = fixture_story()
    saves = platform.saves_dir
    saves.mkdir(parents=True, exist_ok=True)
    os.mkfifo(saves / f"run-{story.id}.json")
    pilot = make_pilot([story])
    if pilot.scene.name != "title":  # told about the save that cannot be read
        assert "regular file" in getattr(pilot.scene, "message", "") or pilot.scene.name == "save-problem"
        pilot.press(pygame.K_RETURN)
    open_story(pilot, story)
    play_to_debrief(pilot, ["explain-simply", "record-once"])
    assert pilot.scene.card == engine_score(story, ["explain-simply", "record-once"])
