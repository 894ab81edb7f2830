"""Entry points for ``rightspath play`` (the window and the headless run); see docs/CONTRACTS.md §10.

Desktop only: the browser's ``main.py`` builds the App itself.
"""

from __future__ import annotations

import asyncio
import os
import sys
from dataclasses import dataclass


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


def _options(args, headless: bool):
    from game.ui.app import AppOptions

    return AppOptions(
        mode=getattr(args, "mode", None) or "learning",
        language=getattr(args, "lang", None) or "en",
        trainee=getattr(args, "trainee", "") or "",
        session=getattr(args, "session", "") or "",
        headless=headless,
        auto_seed=(args.seed or 0) if getattr(args, "auto", False) else None,
        # The playthrough's seed (the order options are shown in): a headless run's is 0 unless
        # given; the window draws one when none was given (Session does, and the save keeps it).
        seed=getattr(args, "seed", None) if not headless else (getattr(args, "seed", None) or 0),
        screenshots_dir=getattr(args, "screenshots", None) if headless else None,
        reduce_motion=headless,  # a scripted run shows each screen settled, not mid-animation
    )


def play_window(stories, args, left_out: list[str] | None = None) -> None:
    """Open the game window on the given stories; returns when the player closes it. ``left_out``
    names scenario files that could not be opened: the title screen says so."""
    from game.platform import get_platform
    from game.ui.app import App

    app = App(stories, _options(args, headless=False), get_platform())
    app.left_out = list(left_out or [])
    try:
        asyncio.run(app.run())
    except KeyboardInterrupt:
        if app.playthrough is not None:
            app.playthrough.autosave()  # Ctrl+C in the terminal is leaving too: keep the progress
        raise
    finally:
        _quit_pygame()


def play_headless(stories, args) -> HeadlessResult:
    """Play one story through the real UI under SDL's dummy driver with synthetic input; return the
    score card with the run behind it. ``args.choices`` (ids or 1-based numbers) or ``args.auto``/``args.seed`` give the script."""
    from game.engine import auto_choices
    from game.errors import UserError
    from game.platform import get_platform
    from game.ui.app import App
    from game.ui.autopilot import Autopilot, AutopilotError

    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    story = stories[0]
    if getattr(args, "auto", False):
        choices = auto_choices(story, args.seed or 0)
    else:
        raw = args.choices
        choices = [c.strip() for c in raw.split(",") if c.strip()] if isinstance(raw, str) else list(raw or [])
    if not choices:
        raise UserError("--headless needs --choices or --auto", 2)
    opts = _options(args, headless=True)
    opts.choices = choices
    app = App([story], opts, get_platform())
    # A scripted run always starts from the beginning: resuming an earlier headless save would play
    # another run's decisions, mode and start time and print a different score card than --text.
    app.driver = Autopilot(app, story, choices, resume=False)
    try:
        card = asyncio.run(app.run())
    except AutopilotError as exc:
        raise UserError(f"{story.source}: {exc}", 2) from None
    finally:
        _quit_pygame()
    if card is None:
        raise UserError("the headless run ended before the debrief", 1)
    playthrough = app.playthrough
    # The language actually played (English when --lang named one we do not have): the command's
    # exports read it from args, so they record what the player saw.
    if args.lang and args.lang != app.prefs.language:
        print(f"rightspath: {story.id} is not available in {args.lang!r}; played and recorded "
              f"{app.prefs.language!r}", file=sys.stderr)
    args.lang = app.prefs.language
    if playthrough.save_error:  # the run itself went on; say that nothing of it was kept
        print(f"rightspath: warning: progress could not be saved ({playthrough.save_error})", file=sys.stderr)
    live = app.live.status_text() if app.live is not None and app.live.connected else ""
    return HeadlessResult(card, playthrough.run, playthrough.story, playthrough.started_at, playthrough.ended_at, live)


def _quit_pygame() -> None:
    import pygame

    pygame.quit()
