"""Figures every part of the UI shares: the drawing size, the frame time, where it runs, the journey
bar's height. A leaf module (no imports from the game), so any screen may take them."""

from __future__ import annotations

import sys

SIZE = (1280, 720)  # every screen is laid out at this size; the window or canvas scales it
FRAME = 1 / 60
IS_BROWSER = sys.platform == "emscripten"
JOURNEY_HEIGHT = 86  # the journey bar across the top of the play screens (game.ui.hud)
