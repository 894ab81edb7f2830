"""Fixtures for driving the real UI headless: a platform in a temporary folder, an App, a Pilot."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.platform.desktop import DesktopPlatform  # noqa: E402
from game.ui.app import App, AppOptions  # noqa: E402
from tests.ui.pilot import Pilot  # noqa: E402


@pytest.fixture
def platform(tmp_path):
    return DesktopPlatform(data_dir=tmp_path / "data")


@pytest.fixture
def make_pilot(platform):
    made = []

    def make(stories, **opts) -> Pilot:
        opts.setdefault("reduce_motion", True)
        # A fixed playthrough seed, so the options are shown in the same order every run (the
        # window draws a fresh seed when none is given; tests that are about that say so).
        opts.setdefault("seed", 0)
        app = App(stories, AppOptions(**opts), platform)
        pilot = Pilot(app)
        made.append(pilot)
        return pilot

    yield make
    pygame.quit()
