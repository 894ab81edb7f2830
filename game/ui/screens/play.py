"""What the play screens share: the playthrough, its run, the node shown, and the way to the pause
menu (Esc, or the pointer on the Menu button).

Story, decision, feedback and the debrief subclass ``PlayScene``; none of them makes the screen that
follows it: they call ``playthrough.advance()`` or ``choose()``, and ``game.ui.flow`` picks the next.
"""

from __future__ import annotations

from game.ui import actions as A
from game.ui import draw
from game.ui.scene import Scene
from game.ui.screens.pause import PauseScene
from game.ui.scroll import swipe_over_widgets
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


class ScrolledPlayScene(PlayScene):
    """A play screen whose buttons scroll inside ``viewport()`` when they do not fit (the decision's
    options, the assessment's items): the scrolling by wheel, page keys and swipe
    (``swipe_over_widgets``), the focus kept in view after the keys that move it, and the strip the
    key hint needs. A subclass lays its buttons out, shifts them in ``_apply_scroll`` and handles its
    own input in ``_handle``."""

    # After these the focused button is scrolled into view (a number key also focuses its option).
    FOLLOW_FOCUS = (A.FOCUS_NEXT, A.FOCUS_PREV, A.LEFT, A.RIGHT)

    def scroll_by(self, dy: int) -> bool:
        new = max(0, min(self.max_scroll, self.scroll + dy))
        if new == self.scroll:
            return False
        self.scroll = new
        self._apply_scroll()
        self.app.mark_dirty()
        return True

    def _scroll_input(self, action: A.Action) -> bool:
        return swipe_over_widgets(self, action, self.viewport())

    def handle(self, action: A.Action) -> bool:
        used = self._handle(action)
        if action.kind in self.FOLLOW_FOCUS:
            self._reveal_focus()
        return used

    def hint_room(self) -> int:
        """The strip the key hint needs at the bottom (two lines at the largest sizes)."""
        return max(64, draw.hint_height(self.app, self.hint_text()) + 8)
