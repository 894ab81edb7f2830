"""What the play screens share: the playthrough, its run, the node shown, and the way to the pause
menu (Esc, or the pointer on the Menu button).

Story, decision, feedback and the debrief subclass ``PlayScene``; none of them makes the screen that
follows it: they call ``playthrough.advance()`` or ``choose()``, and ``game.ui.flow`` picks the next.
"""

from __future__ import annotations

from game.ui import actions as A
from game.ui.scene import Scene
from game.ui.screens.pause import PauseScene
from game.ui.widgets import FocusGroup

MENU_POINTER = (A.POINTER_DOWN, A.POINTER_UP)


class PlayScene(Scene):
    def __init__(self, app, playthrough, node_id: str | None = None, node: dict | None = None):
        """``node_id``/``node``: the node this screen is about; the run's current one unless given (the
        feedback is about the decision just made, while the run has already moved on)."""
        super().__init__(app)
        self.playthrough = playthrough
        self.run = playthrough.run
        self.node_id = node_id if node_id is not None else self.run.node_id
        self.node = node if node is not None else self.run.node
        self.menu = FocusGroup()  # the Menu button (a pointer target; the keyboard has Esc)

    def pause(self) -> None:
        self.app.scenes.push(PauseScene(self.app, self.playthrough))

    def handle_menu(self, action: A.Action, pointer=MENU_POINTER) -> bool:
        """Esc opens the pause menu; a press or release on the Menu button goes to it."""
        if action.kind == A.MENU:
            self.pause()
            return True
        return action.kind in pointer and self.menu.handle(action)
