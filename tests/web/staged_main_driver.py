"""Run a staged browser ``main.py`` natively and headless through a scripted playthrough.

Usage: python staged_main_driver.py STAGE_DIR DATA_DIR SEED [LANG [SCENARIO]]. Prints one JSON line with
the result. Without SCENARIO it plays the first scenario of the link's language.

Calls that would block the browser's single thread are replaced by ones that raise, the staged
folder goes first on sys.path (so its own copy of ``game`` is what runs), and ``asyncio.run`` is
caught while main.py is executed so the test can check main.py starts the game that way and then
run ``main()`` itself with a desktop platform, URL-style parameters and the autopilot.
"""

import asyncio
import builtins
import json
import os
import runpy
import sys
import threading
import time

stage_dir, data_dir, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
lang = sys.argv[4] if len(sys.argv) > 4 else "en"
wanted = sys.argv[5] if len(sys.argv) > 5 else None
os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
sys.path.insert(0, stage_dir)


def forbidden(name):
    def call(*args, **kwargs):
        raise RuntimeError(f"{name} called: it blocks the browser's only thread")

    return call


time.sleep = forbidden("time.sleep")
builtins.input = forbidden("input")
threading.Thread.start = forbidden("threading.Thread.start")
import pygame  # noqa: E402

pygame.time.wait = forbidden("pygame.time.wait")
pygame.time.delay = forbidden("pygame.time.delay")

entry_calls = []
real_run = asyncio.run


def catch_entry(coro, **kwargs):
    entry_calls.append(getattr(coro, "__name__", repr(coro)))
    coro.close()


asyncio.run = catch_entry
namespace = runpy.run_path(os.path.join(stage_dir, "main.py"), run_name="__main__")
asyncio.run = real_run

import game  # noqa: E402  (the staged copy, thanks to sys.path)
from game.engine import auto_choices, l10n, play_choices  # noqa: E402
from game.platform.desktop import DesktopPlatform  # noqa: E402
from game.ui.autopilot import Autopilot  # noqa: E402

stories, problems = namespace["load_stories"](namespace["bundle_dir"]() / "stories")
params = {"mode": "assessment", "lang": lang, "session": "SOF-0412", "trainee": "T07"}
offered = namespace["stories_for_link"](params, stories)  # one per scenario, in the link's language
story = next(s for s in offered if s.id == wanted) if wanted else offered[0]
english = next(s for s in stories if s.id == story.id and l10n.story_language(s) == "en")
choices = auto_choices(english, seed)
params["scenario"] = story.id
platform = DesktopPlatform(data_dir, params=params)
seen = {}


def attach(app):
    seen["opts"] = {k: getattr(app.opts, k) for k in ("mode", "language", "session", "trainee", "scenario")}
    seen["interface"] = [app.translations.language, app.translations.problem]
    seen["app"] = app
    # The autopilot recognises the story by identity: use the App's own copy, loaded by main().
    own = next(s for s in app.stories if s.id == story.id and l10n.story_language(s) == l10n.story_language(story))
    app.driver = Autopilot(app, own, choices)


card = real_run(namespace["main"](platform=platform, on_app=attach, headless=True, reduce_motion=True,
                                  choices=choices))
want = play_choices(english, choices, seed=0).score()  # a translation scores exactly as the English story
print(json.dumps({
    "entry_calls": entry_calls,
    "game_file": game.__file__,
    "problems": problems,
    "story": story.id,
    "story_language": l10n.story_language(story),
    "interface": seen.get("interface"),
    "drawn": sorted(key[0] for key in seen["app"].fonts._text) if "app" in seen else [],
    "choices": choices,
    "opts": seen.get("opts"),
    "card": None if card is None else {"earned": card.earned, "decisions": card.decisions,
                                       "ending_id": card.ending_id, "outcome": card.outcome},
    "expected": {"earned": want.earned, "decisions": want.decisions, "ending_id": want.ending_id,
                 "outcome": want.outcome},
}))
