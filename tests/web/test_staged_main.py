"""The staged browser entry point plays a whole scenario natively, headless, without blocking calls."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.webbuild.stage import stage
from tests.web.conftest import scenarios_to_bundle

DRIVER = Path(__file__).with_name("staged_main_driver.py")


@pytest.fixture(scope="module")
def staged(tmp_path_factory):
    return stage(tmp_path_factory.mktemp("stage") / "rightspath", scenarios_to_bundle())


@pytest.mark.parametrize("seed", [1, 7])
def test_staged_main_plays_a_scripted_run(staged, tmp_path, seed):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run(
        [sys.executable, str(DRIVER), str(staged.folder), str(tmp_path / "data"), str(seed)],
        capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["entry_calls"] == ["main"]  # main.py starts the game with asyncio.run(main())
    assert Path(result["game_file"]).resolve().is_relative_to(staged.folder.resolve())
    assert result["problems"] == []
    assert result["opts"] == {"mode": "assessment", "language": "en", "session": "SOF-0412",
                              "trainee": "T07", "scenario": result["story"]}
    assert result["choices"], "the scripted run made no decisions"
    assert result["card"] == result["expected"]
    assert result["story_language"] == "en" and result["interface"] == ["en", None]


def run_driver(staged, tmp_path, seed: int, lang: str, scenario: str = "") -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run(
        [sys.executable, str(DRIVER), str(staged.folder), str(tmp_path / "data"), str(seed), lang]
        + ([scenario] if scenario else []),
        capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_the_stage_holds_the_translations_and_their_interface(staged):
    files = set(staged.files)
    assert staged.languages == ["bg"]
    for sid in staged.stories:
        assert f"stories/{sid}.bg.pack" in files, sid
    assert "assets/locale/bg.json" in files
    assert not any("en-XA" in name for name in files)  # the pseudo-locale is for testing, not shipped
    index = json.loads((staged.folder / "stories/index.json").read_text(encoding="utf-8"))
    bg = next(e for e in index["stories"] if e["file"] == "tutorial.bg.pack")
    assert bg["scenario"]["language"] == "bg" and bg["over"] == "tutorial.pack"


def test_staged_main_plays_in_bulgarian_from_the_link(staged, tmp_path):
    result = run_driver(staged, tmp_path, 1, "bg")
    assert result["problems"] == []
    assert result["opts"]["language"] == "bg"
    assert result["story_language"] == "bg"
    assert result["interface"] == ["bg", None]  # assets/locale/bg.json was found beside main.py
    assert result["choices"] and result["card"] == result["expected"]  # the English score
    drawn = set(result["drawn"])
    assert "Главно меню" in drawn and "Main menu" not in drawn
    assert any(text.startswith("Обобщение – ") for text in drawn)


def test_every_bundled_scenario_plays_from_its_packed_files(staged, tmp_path):
    """Each scenario, in English and in Bulgarian (its strings over the English story), read from the
    bundle's packed files when chosen, plays to the score its choices earn in the English story."""
    played = []
    for sid in staged.stories:
        for lang in ("en", "bg"):
            (tmp_path / f"{sid}-{lang}").mkdir()
            result = run_driver(staged, tmp_path / f"{sid}-{lang}", 3, lang, sid)
            assert result["problems"] == [] and result["story"] == sid
            assert result["story_language"] == lang
            assert result["choices"] and result["card"] == result["expected"], (sid, lang)
            played.append((sid, lang))
    assert len(played) == 2 * len(staged.stories) >= 8


def test_a_language_without_stories_falls_back_to_english(staged, tmp_path):
    result = run_driver(staged, tmp_path, 1, "fr")
    assert result["opts"]["language"] == "en"
    assert result["story_language"] == "en"
    # The UI's preferences take ?lang= as given (game/ui/prefs.py); with no French catalogue the
    # interface stays English and says why.
    language, problem = result["interface"]
    assert language in ("en", "fr") and (language == "en" or "no interface catalogue for 'fr'" in problem)
    assert result["card"] == result["expected"]
    assert "Main menu" in set(result["drawn"])


BROKEN_STORIES = r'''
import asyncio, json, runpy, sys
stage = sys.argv[1]
sys.path.insert(0, stage)
sys.path.insert(1, sys.argv[2])  # the checkout, for the test's stand-in window
asyncio_run = asyncio.run
asyncio.run = lambda coro: coro.close()
ns = runpy.run_path(stage + "/main.py", run_name="__main__")
asyncio.run = asyncio_run
from game.platform.browser import BrowserPlatform
from tests.web.test_browser_platform import PageWindow
window = PageWindow()
result = asyncio.run(ns["main"](platform=BrowserPlatform(window=window, environ={}), headless=True))
print(json.dumps({"result": repr(result), "status": window.status_line}))
'''


@pytest.mark.parametrize("index", ["{not json", '{"format": "something-else"}', None])
def test_an_unreadable_story_index_is_reported_not_crashed(staged, tmp_path, index):
    """The index is all the game reads before the title (the stories wait until chosen,
    tests/web/test_bundle.py): without a usable one there is no scenario, and the page says so."""
    import shutil

    folder = tmp_path / "rightspath"
    shutil.copytree(staged.folder, folder)
    stories = [folder / "stories" / "index.json"]
    if index is None:
        stories[0].unlink()
    else:
        stories[0].write_text(index, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "-c", BROKEN_STORIES, str(folder), str(root)],
                          capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["result"] == "None"
    assert "No scenario could be loaded" in out["status"]
    assert f"rightspath: {stories[0].name}:" in proc.stdout  # each broken file is named
    assert "Traceback" not in proc.stderr
