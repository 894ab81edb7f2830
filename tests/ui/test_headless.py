"""``rightspath play SCENARIO --headless`` drives the real UI and prints the same score card as
``play --text`` for the same choices; bad scripts get a clear message and exit code 2."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from game.engine import auto_choices
from tests.ui.stories import REPO, bundled_paths, compiled


def rightspath(*args, data_dir):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", RIGHTSPATH_DATA_DIR=str(data_dir))
    return subprocess.run([sys.executable, "-m", "game", "play", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def story_file(tmp_path_factory):
    """The first bundled scenario, compiled once to JSON (the play command reads either)."""
    from game.engine.story import canonical_json

    story = compiled(str(bundled_paths()[0]))
    path = tmp_path_factory.mktemp("stories") / f"{story.id}.json"
    path.write_text(canonical_json(story.data) + "\n", encoding="utf-8")
    return path


def scorecard(stdout: str) -> str:
    return stdout[stdout.index("=" * 20):]


@pytest.mark.parametrize("mode", ["learning", "facilitated"])
def test_headless_prints_the_same_scorecard_as_text(tmp_path, mode, story_file):
    path = story_file
    shots = tmp_path / "shots"
    head = rightspath(str(path), "--headless", "--auto", "--seed", "5", "--mode", mode, "--screenshots", str(shots),
                      data_dir=tmp_path / "data")
    assert head.returncode == 0, head.stderr
    text = rightspath(str(path), "--text", "--auto", "--seed", "5", "--mode", mode, data_dir=tmp_path / "data")
    assert text.returncode == 0, text.stderr
    assert scorecard(head.stdout) == scorecard(text.stdout)
    assert head.stdout == scorecard(head.stdout)  # nothing but the score card (no banner, no noise)
    names = sorted(p.name for p in shots.iterdir())
    assert names[0].startswith("001-title") and names[-1].endswith("debrief-summary.png")
    story = compiled(str(bundled_paths()[0]))
    decisions = [n for n in names if "-decision-" in n]
    assert len(decisions) == len(auto_choices(story, 5))
    assert ("feedback" in " ".join(names)) is True


def test_headless_accepts_choice_numbers(tmp_path, story_file):
    path = story_file
    story = compiled(str(bundled_paths()[0]))
    ids = auto_choices(story, 2)
    # The same playthrough by 1-based option numbers.
    from game.engine import Run

    run, numbers = Run(story), []
    for cid in ids:
        while run.kind == "scene":
            run.advance()
        numbers.append(str(next(v.index for v in run.choices() if v.id == cid)))
        run.choose(cid)
    by_id = rightspath(str(path), "--headless", "--choices", ",".join(ids), data_dir=tmp_path / "a")
    by_number = rightspath(str(path), "--headless", "--choices", ",".join(numbers), data_dir=tmp_path / "b")
    assert by_id.returncode == 0 and by_number.returncode == 0, by_number.stderr
    assert by_id.stdout == by_number.stdout


@pytest.mark.parametrize("choices,expect", [
    ("no-such-choice", "is not an option"),
    (None, "left over after the ending"),
    ("x", "ran out"),
])
def test_bad_scripts_fail_clearly(tmp_path, choices, expect, story_file):
    path = story_file
    story = compiled(str(bundled_paths()[0]))
    if choices is None:
        choices = ",".join(auto_choices(story, 0) + ["extra"])
    elif choices == "x":
        choices = auto_choices(story, 0)[0]
    res = rightspath(str(path), "--headless", "--choices", choices, data_dir=tmp_path)
    assert res.returncode == 2
    assert expect in res.stderr
    assert "Traceback" not in res.stderr


def test_headless_does_not_touch_a_players_own_save(tmp_path, story_file):
    """A scripted run keeps its saves apart from the player's."""
    from game.platform.desktop import DesktopPlatform

    path = story_file
    data = tmp_path / "data"
    player = DesktopPlatform(data_dir=data)
    story = compiled(str(bundled_paths()[0]))
    player.save(f"run-{story.id}", "the player's own save")
    res = rightspath(str(path), "--headless", "--auto", data_dir=data)
    assert res.returncode == 0, res.stderr
    assert player.load(f"run-{story.id}") == "the player's own save"
    assert f"headless-run-{story.id}" in player.keys()


def test_a_screenshots_folder_that_cannot_be_written_is_refused_before_playing(tmp_path, story_file):
    blocker = tmp_path / "a-file.png"
    blocker.write_bytes(b"not a folder")
    out = rightspath(str(story_file), "--headless", "--auto", "--screenshots", str(blocker / "shots"),
                     data_dir=tmp_path / "data")
    assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr
    assert f"--screenshots {blocker / 'shots'}: cannot create the folder" in out.stderr
    assert "SCORE CARD" not in out.stdout and blocker.read_bytes() == b"not a folder"
