"""Modules the game needs after the title, imported one at a time in the loop's spare time.

In the browser every module is compiled from source when first imported (pygbag ships sources), so a
screen that imports a large module the first time it opens holds that frame for tens of
milliseconds. The title imports only what it draws; once it shows, each loop iteration with budget to
spare imports the next module of ``LATER`` (ordered leaves first, so one import compiles one module),
and by the time the player has read the title and the setup screen, nothing is left to compile.
``tests/ui/test_startup.py`` checks that a whole playthrough imports no game module beyond these.
"""

from __future__ import annotations

import importlib
import sys

LATER = (
    # what the screens after the title share
    "game.ui.screens", "game.ui.draw", "game.ui.text", "game.ui.scroll", "game.ui.widgets",
    "game.ui.screens.base", "game.ui.screens.dialog", "game.ui.saves",
    "game.ui.screens.setup", "game.ui.screens.select", "game.ui.screens.settings", "game.ui.screens.pause",
    "game.ui.screens.play",
    # the art, leaves first
    "game.ui.art", "game.ui.art.palette", "game.ui.art.draw", "game.ui.art.icons", "game.ui.art.furniture",
    "game.ui.art.rooms", "game.ui.art.backgrounds", "game.ui.art.bodies", "game.ui.art.faces",
    "game.ui.art.people", "game.ui.art.portraits",
    # play
    "game.ui.playthrough", "game.ui.screens.loading", "game.ui.hud", "game.ui.screens.story",
    "game.ui.screens.decision", "game.ui.screens.feedback",
    # the debrief and its exports, leaves first
    "game.errors", "game.outfiles", "game.exports.shape", "game.exports.signing", "game.exports.record",
    "game.exports.tables", "game.exports.xapi", "game.exports.replay", "game.exports.verify",
    "game.exports.files", "game.exports", "game.ui.exporting", "game.ui.assessment_view", "game.ui.screens.debrief",
    "game.ui.screens.assessment",  # an individual assessment's form and feedback (issue 19)
    "game.ui.flow",
    # live results
    "game.delivery.outbox", "game.delivery.sender", "game.delivery", "game.ui.live",
)


class Warmup:
    def __init__(self, names=LATER):
        self._names = [n for n in names if n not in sys.modules]

    @property
    def done(self) -> bool:
        return not self._names

    def step(self) -> bool:
        """Import the next module not imported yet (a module that does not exist is passed over).
        Returns whether it compiled anything."""
        while self._names:
            name = self._names.pop(0)
            if name in sys.modules:
                continue
            try:
                importlib.import_module(name)
            except ImportError:
                continue
            return True
        return False
