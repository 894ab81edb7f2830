"""A scene made of controls in a focus group, rebuilt by ``layout()`` when settings change."""

from __future__ import annotations

import pygame

from game.ui import actions as A
from game.ui import draw
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


class PrefsScene(WidgetScene):
    """A page of preference rows (setup before a training, settings from the title): each change
    applies at once; leaving the page keeps the preferences for next time."""

    def _set(self, key, value) -> None:
        setattr(self.app.prefs, key, value)
        self.app.apply_prefs()

    def place_rows(self, widgets, x: int, y: int, w: int, rh: int, gap: int, last_w: int, nudge: int) -> None:
        """Stack the rows from ``y``; the last one (the page's button) is ``last_w`` wide at the right."""
        for wd in widgets:
            wd.rect = pygame.Rect(x, y, w, rh)
            y += rh + gap
        widgets[-1].rect = pygame.Rect(x + w - last_w, widgets[-1].rect.y + nudge, last_w, rh)

    def on_back(self) -> bool:
        self.app.prefs.save(self.app.platform)
        self.close()
        return True

    def draw_page(self, surface, heading: str, subheading: str, y: int, gap: int, hint: str) -> None:
        ui = self.app
        surface.fill(ui.theme.backdrop)
        draw.label(surface, ui, heading, (ui.size[0] // 2, y), role="heading", color=ui.theme.backdrop_text,
                   bold=True, anchor="center")
        draw.label(surface, ui, subheading, (ui.size[0] // 2, y + gap), role="label",
                   color=ui.theme.backdrop_muted, anchor="center")
        self.group.draw(surface, ui)
        draw.hint(surface, ui, hint)
