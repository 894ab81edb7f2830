"""The game on screen (pygame-ce): one async loop, a scene stack, widgets, themes.

Runs unchanged on the desktop and in the browser (pygbag); imports only the standard library,
pygame, the engine and the platform layer.
"""

import os as _os

# pygame prints a banner on import; it would pollute the headless score card on stdout.
_os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
