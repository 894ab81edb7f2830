"""A scene made of controls in a focus group, rebuilt by ``layout()`` when settings change."""

from __future__ import annotations

from game.ui import actions as A
from game.ui.scene import Scene
from game.ui.widgets import FocusGroup, find_control


class WidgetScene(Scene):
    def __init__(self, app):
        super().__init__(app)
        self.group = FocusGroup()

    def enter(self) -> None:
        self.layout()

    def resume(self) -> None:
        self.layout()

    def layout(self) -> None:
        """Build or re-place the widgets (called on entry and after a settings change)."""

    def handle(self, action: A.Action) -> bool:
        if self.group.handle(action):
            return True
        if action.kind in (A.MENU, A.BACK):
            return self.on_back()
        return False

    def on_back(self) -> bool:
        return False

    def find(self, label: str):
        """The control ``label`` names (game.ui.widgets.find_control), or None."""
        return find_control(self.group.widgets, label)
