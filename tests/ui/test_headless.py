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


def test_a_scripted_run_starts_fresh_whatever_an_earlier_run_saved(tmp_path, story_file):
    """The same data folder, reused: a run that stopped part-way and a finished run in another mode
    must not be resumed, or the score card, the mode and the start time would be another run's."""
    from game.engine import Run

    data, path = tmp_path / "data", str(story_file)
    story = compiled(str(bundled_paths()[0]))
    run, numbers = Run(story), []
    for cid in auto_choices(story, 4):  # the run by option numbers, the last one changed
        while run.kind == "scene":
            run.advance()
        numbers.append(str(next(v.index for v in run.choices() if v.id == cid)))
        run.choose(cid)
    other = "2" if numbers[0] != "2" else "1"
    stopped = rightspath(path, "--headless", "--choices", other, data_dir=data)  # too short: stops, save kept
    assert stopped.returncode == 2 and "Traceback" not in stopped.stderr
    head = rightspath(path, "--headless", "--choices", ",".join(numbers), data_dir=data)
    text = rightspath(path, "--text", "--choices", ",".join(numbers), data_dir=data)
    assert head.returncode == 0 and text.returncode == 0, head.stderr + text.stderr
    assert scorecard(head.stdout) == scorecard(text.stdout)
    # A finished assessment run, then a learning run with the same script: played again, in learning mode.
    ids = ",".join(auto_choices(story, 4))
    assert rightspath(path, "--headless", "--choices", ids, "--mode", "assessment", data_dir=data).returncode == 0
    shots, out = tmp_path / "shots", tmp_path / "out"
    again = rightspath(path, "--headless", "--choices", ids, "--mode", "learning", "--screenshots", str(shots),
                       "--export", str(out), "--formats", "json", data_dir=data)
    assert again.returncode == 0, again.stderr
    assert any("-feedback-" in p.name for p in shots.iterdir())  # learning mode's feedback screens were shown
    (exported,) = out.glob("*.json")
    import json

    assert json.loads(exported.read_text(encoding="utf-8"))["mode"] == "learning"


def test_a_headless_run_says_when_nothing_could_be_saved_and_which_language_it_played(tmp_path, story_file):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    out = rightspath(str(story_file), "--headless", "--auto", "--lang", "xx", data_dir=blocker)
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    assert "warning: progress could not be saved" in out.stderr
    assert "not available in 'xx'; played and recorded 'en'" in out.stderr
    assert blocker.read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize("args, flag", [
    (["--choices", "1,2"], "--choices"), (["--auto"], "--auto"), (["--screenshots", "shots"], "--screenshots"),
    (["--export", "out"], "--export"),
])
def test_options_of_scripted_runs_are_refused_for_the_window(tmp_path, story_file, args, flag):
    out = rightspath(str(story_file), *args, data_dir=tmp_path / "data")
    assert out.returncode == 2 and f"{flag} applies to --text and --headless runs" in out.stderr


def test_a_headless_run_of_a_draft_plays_its_translation(tmp_path):
    out = rightspath("scenarios/tutorial.yaml", "--headless", "--auto", "--seed", "3", "--lang", "bg",
                     "--export", str(tmp_path / "out"), "--formats", "json", data_dir=tmp_path / "data")
    assert out.returncode == 0, out.stderr
    text = rightspath("scenarios/tutorial.yaml", "--text", "--auto", "--seed", "3", "--lang", "bg",
                      data_dir=tmp_path / "data")
    assert scorecard(out.stdout).split("\nwrote ")[0] == scorecard(text.stdout).rstrip("\n")
    import json

    (exported,) = (tmp_path / "out").glob("*.json")
    record = json.loads(exported.read_text(encoding="utf-8"))
    assert record["language"] == record["scenario"]["language"] == "bg"
