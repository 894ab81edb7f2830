"""Entry points for ``rightspath play`` (the window and the headless run); see docs/CONTRACTS.md §10.
The options come built from ``game.commands.play``, which checks the flags.

Desktop only: the browser's ``main.py`` builds the App itself. Only ``rightspath play`` imports this
module (when it runs, so ``--help`` stays fast): its imports are at the top.
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass

import pygame

from game.errors import UserError
from game.platform import get_platform
from game.ui.app import App
from game.ui.autopilot import Autopilot, AutopilotError


@dataclass
class HeadlessResult:
    """What a headless run leaves: the score card printed, and the run, its story and the moment it
    began, so ``play --headless --export`` writes the same files as the debrief's button."""
    card: object
    run: object
    story: object
    started_at: str
    ended_at: str | None = None  # when it reached its ending: the live statements' end, and the export's
    live: str = ""  # what became of the live results (sent / waiting / kept), when there was a store
    language: str = "en"  # the language actually played (English when the one asked for is not there)
    save_error: str = ""  # why the progress could not be saved, when it could not


def play_window(stories, options, left_out: list[str] | None = None) -> None:
    """Open the game window on the given stories with ``options`` (an AppOptions, built by
    ``rightspath play``); returns when the player closes it. ``left_out`` names scenario files that
    could not be opened: the title screen says so."""
    app = App(stories, options, get_platform())
    app.left_out = list(left_out or [])
    try:
        asyncio.run(app.run())
    except KeyboardInterrupt:
        if app.playthrough is not None:
            app.playthrough.autosave()  # Ctrl+C in the terminal is leaving too: keep the progress
        raise
    finally:
        _quit_pygame()


def play_headless(story, options) -> HeadlessResult:
    """Play ``story`` through the real UI under SDL's dummy driver with synthetic input: the script is
    ``options.choices`` (ids or 1-based numbers; ``rightspath play`` has checked there are some).
    Returns the score card with the run behind it."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    app = App([story], options, get_platform())
    # A scripted run always starts from the beginning: resuming an earlier headless save would play
    # another run's decisions, mode and start time and print a different score card than --text.
    app.driver = Autopilot(app, story, options.choices, resume=False)
    try:
        card = asyncio.run(app.run())
    except AutopilotError as exc:
        raise UserError(f"{story.source}: {exc}", 2) from None
    finally:
        _quit_pygame()
    if card is None:
        raise UserError("the headless run ended before the debrief", 1)
    playthrough = app.playthrough
    live = app.live.status_text() if app.live is not None and app.live.connected else ""
    return HeadlessResult(card, playthrough.run, playthrough.story, playthrough.started_at, playthrough.ended_at,
                          live, language=app.prefs.language, save_error=playthrough.save_error or "")


def _quit_pygame() -> None:
    pygame.quit()
