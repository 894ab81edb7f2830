"""Start-up: pictures are made ahead of the screens that show them, and the modules later screens
need are imported in spare time, so no screen waits for either (issue: start fast on a phone)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.authoring.compiler import compile_path
from game.engine import Story, auto_choices
from game.engine.story import canonical_json
from game.ui.autopilot import Autopilot

REPO = Path(__file__).resolve().parents[2]
BUNDLED = sorted((REPO / "scenarios").glob("*.yaml"))


def _story(path: Path, tmp_path: Path) -> Story:
    data, _ = compile_path(path)
    out = tmp_path / f"{path.stem}.json"
    out.write_text(canonical_json(data), encoding="utf-8")
    return Story.from_file(out)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_screen_finds_its_pictures_ready(make_pilot, tmp_path, path):
    """A whole playthrough of each bundled scenario at a reader's pace (a third of a second on each
    screen): every background and portrait a screen draws was made before that screen drew it."""
    story = _story(path, tmp_path)
    pilot = make_pilot([story])
    app = pilot.app
    app.driver = Autopilot(app, story, auto_choices(story, 1), pace_frames=20)
    shown = set()
    real_background, real_portrait = app.art.background, app.art.portrait

    def background(location, size):
        shown.add(("bg", location, size))
        return real_background(location, size)

    def portrait(name, mood, size):
        shown.add(("pt", name, mood, size))
        return real_portrait(name, mood, size)

    app.art.background, app.art.portrait = background, portrait
    for _ in range(200_000):
        if not app.running:
            break
        app.step()
    assert app.error is None and app.result is not None
    assert len(shown) >= 3  # the playthrough really showed pictures
    assert app.art.drawn_on_demand == 0


CHILD = r"""
import json, os, sys, tempfile
os.environ["SDL_VIDEODRIVER"] = "dummy"; os.environ["SDL_AUDIODRIVER"] = "dummy"
from game.engine import Story, auto_choices
from game.platform.desktop import DesktopPlatform
from game.ui.app import App, AppOptions
from game.ui.autopilot import Autopilot
story = Story.from_file(sys.argv[1])
app = App([story], AppOptions(headless=True, reduce_motion=True, seed=0), DesktopPlatform(tempfile.mkdtemp()))
app.start()
at_title = {m for m in sys.modules if m.startswith("game.")}
app.step()  # the title's first frame
for _ in range(500):  # the player reads the title: idle iterations
    app.step()
warm = app.warmup.done
after_warmup = {m for m in sys.modules if m.startswith("game.")}
app.driver = Autopilot(app, story, auto_choices(story, 2))
while app.running:
    app.step()
later = sorted({m for m in sys.modules if m.startswith("game.")} - after_warmup)
print(json.dumps({"warm": warm, "later": later, "title": len(at_title), "warmed": len(after_warmup - at_title)}))
"""


def test_spare_time_imports_everything_later_screens_need(tmp_path):
    """Once the title has been idle a moment, a whole playthrough (debrief and exports included)
    imports no further module of the game: nothing is compiled in the middle of a screen."""
    story = _story(REPO / "scenarios" / "mira.yaml", tmp_path)
    env = dict(os.environ, PYTHONPATH=str(REPO), PYGAME_HIDE_SUPPORT_PROMPT="1")
    out = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "mira.json")], capture_output=True,
                         text=True, env=env, cwd=tmp_path, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["warm"] and result["warmed"] > 10
    assert result["later"] == [], "add these to game.ui.warmup.LATER (leaves first)"


def test_warm_up_names_only_modules_that_exist():
    import importlib.util

    from game.ui.warmup import LATER

    assert len(LATER) == len(set(LATER))
    missing = [name for name in LATER if importlib.util.find_spec(name) is None]
    assert missing == []


TITLE_CHILD = r"""
import json, os, sys, tempfile
os.environ["SDL_VIDEODRIVER"] = "dummy"; os.environ["SDL_AUDIODRIVER"] = "dummy"
from game.engine import Story
from game.platform.desktop import DesktopPlatform
from game.ui.app import App, AppOptions
story = Story.from_file(sys.argv[1])
app = App([story], AppOptions(headless=True), DesktopPlatform(tempfile.mkdtemp()))
app.start()
app.draw()  # the title's first frame, before any spare-time work
first = sorted(m for m in sys.modules if m.startswith("game."))
app.step()  # the next iteration describes it for the screen-reader layer
print(json.dumps({"first": first, "described": app.a11y_model is not None and app.a11y_model["screen"]}))
"""


def test_the_title_first_frame_imports_only_what_it_draws(tmp_path):
    """Issue 16: the screen-reader layer, live results (exports, LMS bridges), the screens the title
    opens, the pictures' cache, the live room and the autopilot wait until after the first frame."""
    story = _story(REPO / "scenarios" / "tutorial.yaml", tmp_path)
    env = dict(os.environ, PYTHONPATH=str(REPO), PYGAME_HIDE_SUPPORT_PROMPT="1")
    out = subprocess.run([sys.executable, "-c", TITLE_CHILD, str(tmp_path / "tutorial.json")], capture_output=True,
                         text=True, env=env, cwd=tmp_path, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    later = {"game.ui.a11y", "game.ui.live", "game.exports", "game.delivery", "game.ui.screens.setup",
             "game.ui.screens.settings", "game.ui.screens.dialog", "game.ui.playthrough", "game.ui.artcache",
             "game.ui.room_link", "game.room", "game.ui.autopilot", "game.ui.flow"}
    assert later.isdisjoint(result["first"]), sorted(later & set(result["first"]))
    assert result["described"] == "title"


PRECOMPILED_CHILD = r"""
import json, sys
from importlib.machinery import SourceFileLoader
import game
from game.ui.warmup import Warmup
compiled = []
real = SourceFileLoader.source_to_code
def counting(self, data, path, *args, **kwargs):
    compiled.append(path)
    return real(self, data, path, *args, **kwargs)
SourceFileLoader.source_to_code = counting
warm = Warmup(["game.exports.shape", "game.exports.signing", "game.exports"])
while not warm.compiled:
    warm.step()
ran = sorted(m for m in sys.modules if m.startswith("game.exports"))  # compiling runs nothing
ahead = sorted(warm.codes)
import game.exports  # a quick player's import: its __init__ pulls in its submodules
print(json.dumps({"ran": ran, "ahead": ahead, "compiled_again": [p for p in compiled if "/exports/" in p.replace("\\", "/")
                  and p.replace("\\", "/").rsplit("/", 1)[-1] in ("shape.py", "signing.py", "__init__.py")],
                  "works": hasattr(game.exports, "build_record")}))
"""


def test_an_import_uses_the_code_the_warm_up_compiled(tmp_path):
    """A slice compiles one module without running anything (not even its package's __init__); an
    import that comes before the warm-up's own takes that code instead of compiling the source."""
    env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONDONTWRITEBYTECODE="1")
    out = subprocess.run([sys.executable, "-c", PRECOMPILED_CHILD], capture_output=True, text=True, env=env,
                         cwd=tmp_path, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["ran"] == []
    assert result["ahead"] == ["game.exports", "game.exports.shape", "game.exports.signing"]
    assert result["compiled_again"] == [] and result["works"]
