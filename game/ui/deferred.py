"""The UI's modules that are imported when first used, not when the game starts, in one table.

The title's first frame compiles only what it draws (issue 16: in WebAssembly every module is
compiled from source at about 5x native cost); the rest is compiled in the loop's spare time
(game/ui/warmup.py) and imported here on first use. Keeping every such import in this table, each
with its reason, instead of ``import`` statements inside functions, keeps the play flow readable
(issue 17): tests/test_import_cycles.py reads the table's calls as import edges, so a cycle through
a deferred module is still found.
"""

from __future__ import annotations

import importlib

DEFERRED: dict[str, str] = {
    "game.ui.a11y": "the screen-reader layer imports every screen it describes",
    "game.ui.live": "live results bring the exports and the LMS bridges; started in spare time",
    "game.ui.room_link": "only a live room needs the room protocol and the QR encoder",
    "game.ui.artcache": "the title's first frame draws no picture",
    "game.ui.art.backgrounds": "the rooms are compiled in spare time, drawn only when a scene needs one",
    "game.ui.art.portraits": "the people, likewise",
    "game.ui.art.icons": "the icons, likewise",
    "game.ui.autopilot": "headless runs only: the browser never compiles it",
    "game.ui.exporting": "the debrief's Export button: the exports are compiled after the play screens",
    "game.exports.record": "a resumed room's undone choices; not compiled by the title's first click",
    "game.ui.flow": "the play flow imports every play screen, the art and the debrief",
    "game.ui.labels": "language, mode and size names: the title shows them only on demand",
    "game.ui.playthrough": "a playthrough starts after the title (resume, setup)",
    "game.ui.screens.dialog": "the title opens a dialog only on demand",
    "game.ui.screens.settings": "opened from the title on demand",
    "game.ui.screens.setup": "opened from the title on demand",
}


def load(name: str):
    """The module ``name`` of DEFERRED, imported on first use (then Python's own cache)."""
    if name not in DEFERRED:
        raise KeyError(f"{name} is not a deferred module (game/ui/deferred.py lists them, each with its reason)")
    return importlib.import_module(name)
